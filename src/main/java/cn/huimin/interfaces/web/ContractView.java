package cn.huimin.interfaces.web;

import cn.huimin.application.ContractService;
import cn.huimin.application.DeliveryService;
import cn.huimin.application.PerformanceService;
import cn.huimin.application.QrCodes;
import cn.huimin.domain.model.contract.Contract;
import cn.huimin.domain.model.contract.ContractDeliverable;
import cn.huimin.domain.model.contract.Milestone;
import cn.huimin.domain.model.contract.Supplement;
import cn.huimin.domain.model.performance.PaymentOrder;
import cn.huimin.domain.model.performance.PerformanceEvaluation;
import cn.huimin.domain.model.performance.Rectification;
import cn.huimin.domain.shared.Money;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.*;
import org.primefaces.model.StreamedContent;
import org.primefaces.model.file.UploadedFile;

/**
 * The contract page (contracts/view) and the list (contracts/list): terms, PDF, milestones, supplements, delivered
 * events (the vendor records them with photos; station staff verify or dispute; rating codes and QR), the schedule,
 * evaluations and payment orders.
 */
@Named
@ViewScoped
public class ContractView extends ViewSupport {
    @EJB
    ContractService contracts;

    @EJB
    DeliveryService deliveries;

    @EJB
    PerformanceService performance;

    @jakarta.inject.Inject
    Names names;

    private Long id;
    private Contract contract;
    private List<Milestone> milestones = List.of();
    private List<ContractDeliverable> deliverableLines = List.of();
    private List<Supplement> supplements = List.of();
    private List<DeliveryService.EventView> events = List.of();
    private List<DeliveryService.ScheduleRow> schedule = List.of();
    private List<PerformanceEvaluation> evaluations = List.of();
    private List<PaymentOrder> orders = List.of();
    private List<Rectification> rectifications = List.of();
    private List<Contract> list;

    // the vendor's event form
    private String placeKey;
    private LocalDate eventDate;
    private String quantity = "1";
    private Integer attendance;
    private String notes;
    // supplement
    private String supplementAmount;
    private String supplementReason;
    // station check
    private String disputeReason;
    // rating codes
    private Long codesEventId;
    private int codeCount = 20;
    private List<String> codes = List.of();
    private String codesLink;

    public void load() {
        if (contract != null || id == null) {
            return;
        }
        attempt(() -> {
            contract = contracts.readable(id);
            refresh();
        });
    }

    private void refresh() {
        contract = contracts.readable(id);
        milestones = contracts.milestones(id);
        deliverableLines = contracts.deliverables(id);
        supplements = contracts.supplements(id);
        if (!contracts.involved(id)) {
            return; // a published contract of others: what the public page shows, without its delivery records
        }
        events = deliveries.events(id, 0, 200);
        schedule = deliveries.schedule(id);
        evaluations = performance.evaluationsOf(id);
        orders = performance.paymentOrdersOf(id);
        rectifications = performance.rectifications(id);
    }

    public List<Contract> getList() {
        if (list == null) {
            list = new ArrayList<>();
            attempt(() -> list = contracts.mine(0, 200));
        }
        return list;
    }

    public String vendorName(Long vendorId) {
        return contracts.vendorName(vendorId);
    }

    public String getPurchaser() {
        return contract == null ? "" : contracts.unitName(contract.getUnitId());
    }

    public StreamedContent pdf() {
        byte[] b = contracts.pdf(id);
        return download(contract.getContractNo() + ".pdf", "application/pdf", b);
    }

    /** The place and deliverable pairs the vendor can record, as "placeId:typeId" → label. */
    public Map<String, String> getDeliverableChoices() {
        Map<String, String> m = new LinkedHashMap<>();
        for (ContractDeliverable d : deliverableLines) {
            m.put(names.place(d.getPlaceId()) + " · " + names.deliverable(d.getDeliverableTypeId()), d.getPlaceId() + ":" + d.getDeliverableTypeId());
        }
        return m;
    }

    public void record() {
        Long placeId = null;
        Long typeId = null;
        if (placeKey != null && placeKey.contains(":")) {
            placeId = Long.valueOf(placeKey.substring(0, placeKey.indexOf(':')));
            typeId = Long.valueOf(placeKey.substring(placeKey.indexOf(':') + 1));
        }
        BigDecimal q = Money.parse(quantity);
        if (q == null) {
            error(text("delivery.QUANTITY_NOT_POSITIVE"));
            jakarta.faces.context.FacesContext.getCurrentInstance().validationFailed();
            return;
        }
        Long p = placeId;
        Long t = typeId;
        if (attempt(() -> deliveries.record(id, new DeliveryService.EventForm(p, t, eventDate, q, attendance, notes)))) {
            info(text("delivery.recorded"));
            notes = null;
            attendance = null;
            refresh();
        }
    }

    /** Adds a photo to a recorded event (the event id travels as the upload component's attribute). */
    public void uploadPhoto(org.primefaces.event.FileUploadEvent event) {
        Long eventId = (Long) event.getComponent().getAttributes().get("eventId");
        UploadedFile f = event.getFile();
        if (attempt(() -> deliveries.addPhoto(eventId, f.getFileName(), f.getContent()))) {
            info(text("delivery.photoAdded"));
            refresh();
        }
    }

    public void verify(Long eventId) {
        if (attempt(() -> deliveries.check(eventId, "VERIFY", null))) {
            info(text("delivery.verified"));
            refresh();
        }
    }

    public void dispute(Long eventId) {
        if (attempt(() -> deliveries.check(eventId, "DISPUTE", disputeReason))) {
            info(text("delivery.disputed"));
            disputeReason = null;
            refresh();
        }
    }

    public void issueCodes(Long eventId) {
        codesEventId = eventId;
        if (attempt(() -> codes = deliveries.issueCodes(eventId, codeCount))) {
            codesLink = ratingLink(deliveries.event(eventId).ratingToken());
            refresh();
        }
    }

    /**
     * The public rating link printed for an event: under HUIMIN_PUBLIC_URL (huimin.public.url) when set (behind a
     * reverse proxy the request's own address is an internal one), else under the address of this request.
     */
    public String ratingLink(String token) {
        String base = org.eclipse.microprofile.config.ConfigProvider.getConfig().getOptionalValue("huimin.public.url", String.class)
                .map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u).orElse(null);
        if (base == null) {
            var ec = jakarta.faces.context.FacesContext.getCurrentInstance().getExternalContext();
            base = ec.getRequestScheme() + "://" + ec.getRequestServerName() + ":" + ec.getRequestServerPort() + ec.getRequestContextPath();
        }
        return base + "/public/rate.xhtml?e=" + token;
    }

    public String qrDataUri() {
        if (codesLink == null) {
            return "";
        }
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(QrCodes.png(codesLink, 240));
    }

    public void proposeSupplement() {
        BigDecimal a = Money.parse(supplementAmount);
        if (attempt(() -> contracts.proposeSupplement(id, a, supplementReason))) {
            info(text("contract.supplementProposed"));
            supplementAmount = null;
            supplementReason = null;
            refresh();
        }
    }

    public void signSupplement(Long supplementId) {
        if (attempt(() -> contracts.signSupplement(supplementId))) {
            info(text("contract.supplementSigned"));
            refresh();
        }
    }

    public boolean isVendorOfContract() {
        return contract != null && inRole("vendor") && user().equals(contracts.vendorUser(contract.getVendorId()));
    }

    public boolean isInService() {
        return contract != null && ContractService.IN_SERVICE.contains(contract.getStatus());
    }

    // ---------------------------------------------------------------- getters and setters

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Contract getContract() { return contract; }
    public List<Milestone> getMilestones() { return milestones; }
    public List<ContractDeliverable> getDeliverableLines() { return deliverableLines; }
    public List<Supplement> getSupplements() { return supplements; }
    public List<DeliveryService.EventView> getEvents() { return events; }
    public List<DeliveryService.ScheduleRow> getSchedule() { return schedule; }
    public List<PerformanceEvaluation> getEvaluations() { return evaluations; }
    public List<PaymentOrder> getOrders() { return orders; }
    public List<Rectification> getRectifications() { return rectifications; }
    public String getPlaceKey() { return placeKey; }
    public void setPlaceKey(String placeKey) { this.placeKey = placeKey; }
    public LocalDate getEventDate() { return eventDate; }
    public void setEventDate(LocalDate eventDate) { this.eventDate = eventDate; }
    public String getQuantity() { return quantity; }
    public void setQuantity(String quantity) { this.quantity = quantity; }
    public Integer getAttendance() { return attendance; }
    public void setAttendance(Integer attendance) { this.attendance = attendance; }
    public String getNotes() { return notes; }
    public void setNotes(String notes) { this.notes = notes; }
    public String getSupplementAmount() { return supplementAmount; }
    public void setSupplementAmount(String supplementAmount) { this.supplementAmount = supplementAmount; }
    public String getSupplementReason() { return supplementReason; }
    public void setSupplementReason(String supplementReason) { this.supplementReason = supplementReason; }
    public String getDisputeReason() { return disputeReason; }
    public void setDisputeReason(String disputeReason) { this.disputeReason = disputeReason; }
    public int getCodeCount() { return codeCount; }
    public void setCodeCount(int codeCount) { this.codeCount = codeCount; }
    public List<String> getCodes() { return codes; }
    public String getCodesLink() { return codesLink; }
    public Long getCodesEventId() { return codesEventId; }
}
