package cn.huimin.interfaces.web;

import cn.huimin.application.*;
import cn.huimin.domain.model.tender.TenderChange;
import cn.huimin.domain.model.tender.TenderForm;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.IOException;

/** The page of one task (tasks/<task-key>.xhtml?id=<task-id>): the tender, and the actions allowed. */
@Named
@ViewScoped
public class TaskView extends ViewSupport {
    @EJB
    TaskActions tasks;

    @EJB
    TenderService tenders;

    @EJB
    cn.huimin.application.VendorService vendors;

    @EJB
    cn.huimin.application.EnquiryService enquiries;

    @EJB
    cn.huimin.application.OpeningService openings;

    @EJB
    cn.huimin.application.PublicNotices notices;

    private cn.huimin.domain.model.vendor.VendorForm vendor;
    private java.util.List<cn.huimin.domain.model.vendor.VendorDocument> vendorDocuments = java.util.List.of();
    private cn.huimin.domain.model.tender.Enquiry enquiry;
    private java.util.List<cn.huimin.domain.model.bid.OpeningEntry> openingRecord = java.util.List.of();
    private cn.huimin.domain.model.bid.Opening opening;
    private java.util.List<cn.huimin.domain.model.tender.TenderLot> failedLots = java.util.List.of();
    private final java.util.Map<Long, String> lotActions = new java.util.HashMap<>();

    private String id;
    private TaskRow task;
    private TenderForm tender;
    private TenderChange change;
    private String comment;
    private boolean done;

    public void load() throws IOException {
        if (task != null) {
            return;
        }
        try {
            task = tasks.get(id);
            if (task.getTenderId() != null) {
                if (inRole("officer") || inRole("head") || inRole("finance") || inRole("supervisor") || inRole("admin")) {
                    tender = tenders.form(task.getTenderId());
                } else {
                    // experts and vendors may not read tenders as staff do: they see the tender as published
                    tender = TenderService.toForm(notices.tender(task.getTenderId()));
                    tender.setLastComment(null);
                }
            }
            String key = task.getKey();
            if (key.equals("verifyVendor") || key.equals("reviseVendor") || key.equals("renewVendorDocument")) {
                Object vendorId = tasks.variable(id, "vendorId");
                if (vendorId instanceof Long v) {
                    vendor = key.equals("verifyVendor") ? cn.huimin.domain.model.vendor.VendorForm.of(vendors.get(v)) : vendors.myForm();
                    vendorDocuments = vendors.documents(v);
                }
            }
            if (key.equals("answerEnquiry")) {
                Object enquiryId = tasks.variable(id, "enquiryId");
                enquiry = enquiryId instanceof Long e ? enquiries.get(e) : null;
            }
            if (key.equals("signOpening") || key.equals("proposeFailedLots") || key.equals("approveFailedLots")) {
                opening = openings.opening(task.getTenderId());
                openingRecord = openings.record(task.getTenderId());
                failedLots = tenders.lots(task.getTenderId()).stream()
                        .filter(l -> "FAILED".equals(l.getStatus())).toList();
            }
            if ("approveTenderChange".equals(task.getKey())) {
                Object changeId = tasks.variable(id, "changeId");
                change = changeId instanceof Long l ? tenders.change(l) : null;
            }
        } catch (RuntimeException e) {
            show(e);
            keepMessages();
            FacesContext.getCurrentInstance().getExternalContext().redirect(
                    FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath() + "/inbox.xhtml");
        }
    }

    public boolean isMine() {
        return task != null && user().equals(task.getAssignee());
    }

    public void claim() {
        if (attempt(() -> tasks.claim(id))) {
            task = tasks.get(id);
            info(text("task.claimed"));
        }
    }

    public void release() {
        if (attempt(() -> tasks.unclaim(id))) {
            task = tasks.get(id);
        }
    }

    public String decide(String decision) {
        if (attempt(() -> tasks.complete(id, decision, comment))) {
            done = true;
            info(text("task.done." + decision));
            keepMessages();
            return "/inbox.xhtml?faces-redirect=true";
        }
        return null;
    }

    /** proposeFailedLots: the chosen action per failed lot goes with the decision. */
    public String propose() {
        java.util.Map<String, String> details = new java.util.HashMap<>();
        lotActions.forEach((lot, action) -> details.put("lot." + lot, action));
        if (attempt(() -> tasks.complete(id, "PROPOSE", comment, details))) {
            info(text("task.done.PROPOSE"));
            keepMessages();
            return "/inbox.xhtml?faces-redirect=true";
        }
        return null;
    }

    public cn.huimin.domain.model.vendor.VendorForm getVendor() { return vendor; }
    public java.util.List<cn.huimin.domain.model.vendor.VendorDocument> getVendorDocuments() { return vendorDocuments; }
    public cn.huimin.domain.model.tender.Enquiry getEnquiry() { return enquiry; }
    public java.util.List<cn.huimin.domain.model.bid.OpeningEntry> getOpeningRecord() { return openingRecord; }
    public cn.huimin.domain.model.bid.Opening getOpening() { return opening; }
    public java.util.List<cn.huimin.domain.model.tender.TenderLot> getFailedLots() { return failedLots; }
    public java.util.Map<Long, String> getLotActions() { return lotActions; }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public TaskRow getTask() { return task; }
    public TenderForm getTender() { return tender; }
    public TenderChange getChange() { return change; }
    public String getComment() { return comment; }
    public void setComment(String comment) { this.comment = comment; }
    public boolean isDone() { return done; }
}
