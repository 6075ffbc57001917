package cn.huimin.interfaces.web;

import cn.huimin.application.AppErrors;
import cn.huimin.application.AppException;
import cn.huimin.application.AuditLog;
import cn.huimin.application.Violation;
import cn.huimin.i18n.Messages;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/** What every page bean shares: messages in the user's language, and turning refusals into readable messages. */
public abstract class ViewSupport implements Serializable {
    private static final Logger LOG = Logger.getLogger(ViewSupport.class.getName());

    @Inject
    protected LocaleView localeView;

    @EJB
    protected AuditLog auditLog;

    /** Runs an action; on refusal shows why (nothing typed is lost: the page keeps its input) and returns false. */
    protected boolean attempt(Runnable action) {
        try {
            action.run();
            return true;
        } catch (RuntimeException e) {
            show(e);
            FacesContext.getCurrentInstance().validationFailed();
            return false;
        }
    }

    protected void show(RuntimeException e) {
        AppException app = AppErrors.find(e);
        if (app != null) {
            for (Violation v : app.getViolations()) {
                error(Messages.of(localeView.getLocale(), v));
            }
            if (app.getKind() == AppException.Kind.FORBIDDEN) {
                forbiddenAudit(app.getViolations().get(0).getKey());
            }
            return;
        }
        if (AppErrors.concurrentChange(e)) {
            LOG.log(Level.INFO, "concurrent change refused: {0}", String.valueOf(e));
            error(text("tender.stale"));
            return;
        }
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof jakarta.ejb.EJBAccessException || c instanceof jakarta.ejb.AccessLocalException) {
                error(text("error.forbidden"));
                forbiddenAudit("role");
                return;
            }
        }
        LOG.log(Level.SEVERE, "page action failed", e);
        error(text("error.server"));
    }

    private void forbiddenAudit(String reason) {
        FacesContext fc = FacesContext.getCurrentInstance();
        String user = fc.getExternalContext().getRemoteUser();
        auditLog.recordAlone(user, "FORBIDDEN", "page", null,
                Map.of("view", fc.getViewRoot() == null ? "?" : fc.getViewRoot().getViewId(), "reason", reason));
    }

    protected String text(String key, Object... args) {
        return Messages.get(localeView.getLocale(), key, args);
    }

    protected void info(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

    protected void error(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    protected void keepMessages() {
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
    }

    /** A file the browser downloads, from bytes already in memory. */
    protected static org.primefaces.model.StreamedContent download(String name, String type, byte[] bytes) {
        return org.primefaces.model.DefaultStreamedContent.builder().name(name).contentType(type).contentLength((long) bytes.length)
                .stream(() -> new java.io.ByteArrayInputStream(bytes)).build();
    }

    protected String param(String name) {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get(name);
    }

    protected String user() {
        return FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
    }

    protected boolean inRole(String role) {
        return FacesContext.getCurrentInstance().getExternalContext().isUserInRole(role);
    }

    /** A payment share (0.8500) as a percentage for pages ("85%"), or "—". */
    public String shareText(java.math.BigDecimal share) {
        return share == null ? "—" : share.multiply(java.math.BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString() + "%";
    }
}
