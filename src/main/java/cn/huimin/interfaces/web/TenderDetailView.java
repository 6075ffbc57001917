package cn.huimin.interfaces.web;

import cn.huimin.application.*;
import cn.huimin.domain.model.audit.AuditEntry;
import cn.huimin.domain.model.tender.TenderChange;
import cn.huimin.domain.model.tender.TenderForm;
import cn.huimin.domain.shared.Jsons;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import jakarta.json.JsonArrayBuilder;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

/** A tender as its office sees it: details, documents, the BPMN diagram with the current step, history, changes. */
@Named
@ViewScoped
public class TenderDetailView extends ViewSupport {
    @EJB
    TenderService tenders;

    @EJB
    DocumentService documents;

    @EJB
    TaskActions tasks;

    @EJB
    AuditLog audit;

    @EJB
    Callers callers;

    private Long id;
    private TenderForm tender;
    private List<DocumentInfo> docs;
    private List<AuditEntry> history;
    private List<TenderChange> changes;
    private String diagramXml;
    private String activeJson = "[]";
    private String changeType = "AMENDMENT";
    private String changeText;
    private LocalDate requestedDeadline;

    public void load() throws IOException {
        if (tender != null) {
            return;
        }
        try {
            refresh();
        } catch (RuntimeException e) {
            show(e);
            keepMessages();
            var ec = FacesContext.getCurrentInstance().getExternalContext();
            ec.redirect(ec.getRequestContextPath() + "/tenders/list.xhtml");
        }
    }

    private void refresh() {
        tender = tenders.form(id);
        docs = documents.list(id);
        history = audit.forEntity("tender", id);
        committees = inRole("officer") || inRole("head") || inRole("supervisor") || inRole("admin")
                ? evaluationService.committeesOf(id) : List.of();
        changes = tenders.changes(id);
        String pi = tenders.processInstanceOf(id);
        if (pi != null) {
            diagramXml = tasks.processDefinitionXml(pi);
            JsonArrayBuilder a = Jsons.array();
            tasks.activeActivities(pi).forEach(a::add);
            activeJson = a.build().toString();
        }
    }

    public boolean isCanChange() {
        return "PUBLISHED".equals(tender.getStatus()) && inRole("officer")
                && tender.getUnitId().equals(callers.current().unitId());
    }

    public boolean isCanEdit() {
        return ("DRAFT".equals(tender.getStatus()) || "RETURNED".equals(tender.getStatus())) && inRole("officer")
                && tender.getUnitId().equals(callers.current().unitId());
    }

    public void requestChange() {
        if (attempt(() -> tenders.requestChange(id, changeType, changeText, requestedDeadline))) {
            info(text("change.requested"));
            changeText = null;
            requestedDeadline = null;
            refresh();
        }
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public TenderForm getTender() { return tender; }
    public List<DocumentInfo> getDocs() { return docs; }
    public List<AuditEntry> getHistory() { return history; }

    @jakarta.ejb.EJB
    cn.huimin.application.EvaluationService evaluationService;

    private List<cn.huimin.domain.model.evaluation.Committee> committees = List.of();

    public List<cn.huimin.domain.model.evaluation.Committee> getCommittees() { return committees; }
    public List<TenderChange> getChanges() { return changes; }
    public String getDiagramXml() { return diagramXml; }
    public String getActiveJson() { return activeJson; }
    public String getChangeType() { return changeType; }
    public void setChangeType(String changeType) { this.changeType = changeType; }
    public String getChangeText() { return changeText; }
    public void setChangeText(String changeText) { this.changeText = changeText; }
    public LocalDate getRequestedDeadline() { return requestedDeadline; }
    public void setRequestedDeadline(LocalDate requestedDeadline) { this.requestedDeadline = requestedDeadline; }
}
