package cn.huimin.interfaces.rest;

import cn.huimin.application.AppErrors;
import cn.huimin.application.AppException;
import cn.huimin.application.AuditLog;
import cn.huimin.i18n.Messages;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Every failure of /api becomes a problem detail with a clear message; never a stack trace. */
@Provider
public class ErrorMappers implements ExceptionMapper<Throwable> {
    private static final Logger LOG = Logger.getLogger(ErrorMappers.class.getName());

    @Context
    HttpHeaders headers;

    @Context
    HttpServletRequest request;

    @EJB
    AuditLog audit;

    @Override
    public Response toResponse(Throwable e) {
        Locale locale = Messages.fromAcceptLanguage(headers == null ? null : headers.getHeaderString("Accept-Language"));
        AppException app = AppErrors.find(e);
        if (app != null) {
            if (app.getKind() == AppException.Kind.FORBIDDEN) {
                auditForbidden(app.getViolations().get(0).getKey());
            }
            return Problems.of(app, locale);
        }
        if (AppErrors.concurrentChange(e)) {
            LOG.log(Level.INFO, "concurrent change refused: {0}", String.valueOf(e));
            return Problems.build(409, Messages.get(locale, "problem.CONFLICT"), Messages.get(locale, "tender.stale"), null);
        }
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof EJBAccessException || c instanceof jakarta.ejb.AccessLocalException) {
                auditForbidden("role");
                return Problems.build(403, Messages.get(locale, "problem.FORBIDDEN"), Messages.get(locale, "error.forbidden"), null);
            }
            if (c instanceof jakarta.json.bind.JsonbException || c instanceof jakarta.json.stream.JsonParsingException) {
                LOG.log(Level.INFO, "unreadable JSON: {0}", c.getMessage());
                return Problems.build(400, Messages.get(locale, "problem.BAD_REQUEST"), Messages.get(locale, "error.badJson"), null);
            }
        }
        if (e instanceof WebApplicationException w) {
            int status = w.getResponse().getStatus();
            String key = status == 404 ? "error.notFound" : status == 413 ? "error.tooLarge" : status == 405 ? "error.methodNotAllowed"
                    : status == 415 ? "error.unsupportedMediaType" : status == 403 ? "error.forbidden" : "error.badRequest";
            if (status == 403) {
                auditForbidden("web");
            }
            Response r = Problems.build(status, Messages.get(locale, status >= 500 ? "problem.SERVER" : "problem.BAD_REQUEST"),
                    Messages.get(locale, key), null);
            return status == 413 ? Response.fromResponse(r).header("Connection", "close").build() : r;
        }
        LOG.log(Level.SEVERE, "unexpected failure in " + (request == null ? "?" : request.getRequestURI()), e);
        return Problems.build(500, Messages.get(locale, "problem.SERVER"), Messages.get(locale, "error.server"), null);
    }

    private void auditForbidden(String reason) {
        // Payara may ask this mapper twice for one exception: the refusal is recorded once per request
        if (request == null || request.getAttribute(cn.huimin.security.SecurityFilter.AUDITED) != null) {
            return;
        }
        request.setAttribute(cn.huimin.security.SecurityFilter.AUDITED, Boolean.TRUE);
        try {
            String user = request == null ? null : request.getRemoteUser();
            audit.recordAlone(user == null ? "anonymous" : user, "FORBIDDEN", "request", null,
                    Map.of("uri", request == null ? "?" : request.getRequestURI(), "method",
                            request == null ? "?" : request.getMethod(), "reason", reason));
        } catch (RuntimeException ex) {
            LOG.log(Level.WARNING, "could not audit a refusal", ex);
        }
    }
}
