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
                tender = tenders.form(task.getTenderId());
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

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public TaskRow getTask() { return task; }
    public TenderForm getTender() { return tender; }
    public TenderChange getChange() { return change; }
    public String getComment() { return comment; }
    public void setComment(String comment) { this.comment = comment; }
    public boolean isDone() { return done; }
}
