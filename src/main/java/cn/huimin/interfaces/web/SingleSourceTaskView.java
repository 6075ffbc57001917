package cn.huimin.interfaces.web;

import cn.huimin.application.SingleSourceService;
import cn.huimin.application.TaskActions;
import cn.huimin.application.TenderService;
import cn.huimin.domain.model.singlesource.Negotiation;
import cn.huimin.domain.model.singlesource.NegotiationPrice;
import cn.huimin.domain.model.singlesource.Objection;
import cn.huimin.domain.model.tender.TenderLot;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.util.*;

/**
 * The single-source task pages: handleObjections (reply, go on or stop), negotiateSingleSource (supplier, team,
 * date, minutes, price per lot; or no agreement), confirmOffer (the supplier) and approveNegotiation (the head).
 */
@Named
@ViewScoped
public class SingleSourceTaskView extends ViewSupport {
    @EJB
    TaskActions tasks;

    @EJB
    SingleSourceService singleSource;

    @EJB
    TenderService tenders;

    private String id;
    private String key;
    private boolean loaded;
    private Long tenderId;
    private List<TenderLot> lots = List.of();
    private List<Objection> objections = List.of();
    private Negotiation negotiation;
    private List<NegotiationPrice> prices = List.of();
    private List<Negotiation> history = List.of();
    private String supplierName;
    private String comment;
    private String vendorUscc;
    private String team;
    private String minutes;
    private LocalDate negotiatedOn;
    private final Map<Long, String> lotPrices = new HashMap<>();

    public void load() {
        if (loaded) {
            return;
        }
        loaded = true;
        attempt(() -> {
            key = tasks.get(id).getKey();
            if (tasks.variable(id, "tenderId") instanceof Long t) {
                tenderId = t;
                if (!inRole("vendor")) {
                    lots = tenders.lots(t);
                }
                objections = singleSource.objections(t);
                history = singleSource.history(t);
                negotiation = history.isEmpty() ? null : history.get(history.size() - 1);
                if (negotiation != null) {
                    prices = singleSource.prices(negotiation.getId());
                    supplierName = singleSource.vendorName(negotiation.getVendorId());
                }
                if ("negotiateSingleSource".equals(key) && negotiation == null) {
                    // the first round: the supplier proposed in the notice, when exactly one registered vendor has its name
                    vendorUscc = singleSource.proposedSupplierUscc(t);
                }
                if ("negotiateSingleSource".equals(key) && negotiation != null) {
                    vendorUscc = singleSource.usccOfVendor(negotiation.getVendorId());
                    // a returned or declined round: start from what was agreed before
                    team = negotiation.getTeam();
                    minutes = negotiation.getMinutes();
                    negotiatedOn = negotiation.getNegotiatedOn();
                    prices.forEach(p -> lotPrices.put(p.getLotId(), p.getPrice().toPlainString()));
                }
            }
        });
    }

    public String decide(String decision) {
        if (attempt(() -> tasks.complete(id, decision, comment, Map.of()))) {
            info(text("negotiation.done." + key + "." + decision));
            keepMessages();
            return "/inbox.xhtml?faces-redirect=true";
        }
        return null;
    }

    public String submitNegotiation() {
        Map<String, String> details = new HashMap<>();
        details.put("vendorUscc", vendorUscc == null ? "" : vendorUscc);
        details.put("team", team == null ? "" : team);
        details.put("minutes", minutes == null ? "" : minutes);
        details.put("negotiatedOn", negotiatedOn == null ? "" : negotiatedOn.toString());
        lotPrices.forEach((lot, price) -> details.put("price." + lot, price == null ? "" : price));
        if (attempt(() -> tasks.complete(id, "SUBMIT", null, details))) {
            info(text("negotiation.done.negotiateSingleSource.SUBMIT"));
            keepMessages();
            return "/inbox.xhtml?faces-redirect=true";
        }
        return null;
    }

    public String priceOf(Long lotId) {
        return prices.stream().filter(p -> p.getLotId().equals(lotId)).findFirst()
                .map(p -> cn.huimin.domain.shared.Money.format(p.getPrice())).orElse("");
    }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getKey() { return key; }
    public Long getTenderId() { return tenderId; }
    public List<TenderLot> getLots() { return lots; }
    public List<Objection> getObjections() { return objections; }
    public Negotiation getNegotiation() { return negotiation; }
    public List<NegotiationPrice> getPrices() { return prices; }
    public List<Negotiation> getHistory() { return history; }
    public String getSupplierName() { return supplierName; }
    /** The supplier sees the current offer only: neither earlier rounds nor the head's comments to the officer. */
    public boolean isStaffView() { return !inRole("vendor"); }
    public String getComment() { return comment; }
    public void setComment(String comment) { this.comment = comment; }
    public String getVendorUscc() { return vendorUscc; }
    public void setVendorUscc(String vendorUscc) { this.vendorUscc = vendorUscc; }
    public String getTeam() { return team; }
    public void setTeam(String team) { this.team = team; }
    public String getMinutes() { return minutes; }
    public void setMinutes(String minutes) { this.minutes = minutes; }
    public LocalDate getNegotiatedOn() { return negotiatedOn; }
    public void setNegotiatedOn(LocalDate negotiatedOn) { this.negotiatedOn = negotiatedOn; }
    public Map<Long, String> getLotPrices() { return lotPrices; }
}
