package cn.huimin.interfaces.web;

import cn.huimin.application.*;
import cn.huimin.domain.model.catalogue.DeliverableType;
import cn.huimin.domain.model.catalogue.ServiceCategory;
import cn.huimin.domain.model.place.Place;
import cn.huimin.domain.model.tender.LotDeliverable;
import cn.huimin.domain.model.tender.ProcurementMethod;
import cn.huimin.domain.model.tender.TenderForm;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.primefaces.event.FileUploadEvent;

/** Preparing a tender: save a draft at any time, submit when every rule holds. Input is never lost on a refusal. */
@Named
@ViewScoped
public class TenderEditView extends ViewSupport {
    @EJB
    TenderService tenders;

    @EJB
    Catalogue catalogue;

    @EJB
    DocumentService documents;

    @EJB
    Callers callers;

    private Long id;
    private TenderForm form;
    private List<DocumentInfo> docs = List.of();

    public void load() throws IOException {
        if (form != null) {
            return;
        }
        if (id == null) {
            form = new TenderForm();
            form.setMethod(ProcurementMethod.OPEN_TENDER.name());
            form.setPriceWeight(30);
            addLot();
            addFactor();
            return;
        }
        try {
            form = tenders.form(id);
            docs = documents.list(id);
            if (!("DRAFT".equals(form.getStatus()) || "RETURNED".equals(form.getStatus()))) {
                redirect("/tenders/view.xhtml?id=" + id);
            }
        } catch (RuntimeException e) {
            show(e);
            keepMessages();
            redirect("/tenders/list.xhtml");
        }
    }

    private void redirect(String path) throws IOException {
        var ec = FacesContext.getCurrentInstance().getExternalContext();
        ec.redirect(ec.getRequestContextPath() + path);
    }

    public void save() {
        if (attempt(() -> form = tenders.saveDraft(form))) {
            id = form.getId();
            info(text("tender.saved"));
        }
    }

    public String submit() {
        boolean saved = attempt(() -> form = tenders.saveDraft(form));
        if (!saved) {
            return null;
        }
        id = form.getId();
        if (attempt(() -> form = tenders.submit(form.getId(), form.getVersion()))) {
            info(text("tender.submitted"));
            keepMessages();
            return "/tenders/view.xhtml?faces-redirect=true&id=" + id;
        }
        // the draft was saved; reload it so that the version matches
        form = tenders.form(id);
        return null;
    }

    public void upload(FileUploadEvent event) {
        if (form.getId() == null) {
            error(text("tender.saveBeforeUpload"));
            return;
        }
        byte[] content = event.getFile().getContent();
        String name = event.getFile().getFileName();
        if (attempt(() -> documents.upload(form.getId(), name, content))) {
            docs = documents.list(form.getId());
            info(text("document.added", name));
        }
    }

    public void withdraw(Long documentId) {
        if (attempt(() -> documents.withdraw(documentId))) {
            docs = documents.list(form.getId());
        }
    }

    public void addLot() {
        TenderForm.Lot lot = new TenderForm.Lot();
        lot.getDeliverables().add(new TenderForm.Deliverable());
        form.getLots().add(lot);
    }

    public void removeLot(TenderForm.Lot lot) {
        form.getLots().remove(lot);
    }

    public void addDeliverable(TenderForm.Lot lot) {
        TenderForm.Deliverable d = new TenderForm.Deliverable();
        d.setPerPeriod("YEAR");
        lot.getDeliverables().add(d);
    }

    public void removeDeliverable(TenderForm.Lot lot, TenderForm.Deliverable d) {
        lot.getDeliverables().remove(d);
    }

    public void addFactor() {
        form.getFactors().add(new TenderForm.Factor());
    }

    public void removeFactor(TenderForm.Factor f) {
        form.getFactors().remove(f);
    }

    public int getPointsTotal() {
        int sum = form.getPriceWeight() == null ? 0 : form.getPriceWeight();
        for (TenderForm.Factor f : form.getFactors()) {
            sum += f.getPoints() == null ? 0 : f.getPoints();
        }
        return sum;
    }

    public boolean isSingleSource() {
        return ProcurementMethod.SINGLE_SOURCE.name().equals(form.getMethod());
    }

    public List<ServiceCategory> getCategories() {
        return catalogue.categories(true);
    }

    public List<DeliverableType> getDeliverableTypes() {
        return form.getCategoryId() == null ? List.of()
                : catalogue.deliverables(form.getCategoryId()).stream().filter(DeliverableType::isActive).toList();
    }

    public List<Place> getPlaces() {
        Long unit = form.getUnitId() != null ? form.getUnitId() : callers.current().unitId();
        return catalogue.placesIn(unit);
    }

    public List<String> getMethods() {
        return Arrays.stream(ProcurementMethod.values()).map(Enum::name).toList();
    }

    public List<String> getPeriods() {
        return Arrays.stream(LotDeliverable.Period.values()).map(Enum::name).toList();
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public TenderForm getForm() { return form; }
    public List<DocumentInfo> getDocs() { return docs; }
}
