package cn.huimin.security;

import cn.huimin.application.AuditLog;
import cn.huimin.domain.shared.Jsons;
import cn.huimin.i18n.Messages;
import jakarta.ejb.EJB;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Set;

/**
 * Cross-site request protection and response hardening for every request: a state-changing request whose
 * Origin (or Referer) names another site is refused; refusals (403) are audited.
 */
@WebFilter(urlPatterns = "/*", dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR})
public class SecurityFilter extends HttpFilter {
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
    /** No request body may be larger: files are at most 20 MB; the rest is a little room for the form around them. */
    public static final long MAX_REQUEST_BYTES = 22_000_000L;
    /** Request attribute: this request's refusal is already in the audit trail (it is written once). */
    public static final String AUDITED = "huimin.forbiddenAudited";

    @EJB
    AuditLog audit;

    @EJB
    cn.huimin.application.VendorService vendors;

    @EJB
    cn.huimin.application.ContractService contracts;

    @EJB
    cn.huimin.application.SingleSourceService singleSource;

    private final java.util.concurrent.atomic.AtomicBoolean firstRequestSeen = new java.util.concurrent.atomic.AtomicBoolean();

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (req.getDispatcherType() == DispatcherType.ERROR) {
            Object status = req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
            String uri = String.valueOf(req.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
            if (Integer.valueOf(403).equals(status)) {
                auditForbidden(req, uri);
            }
            if (uri.startsWith(req.getContextPath() + "/api/") && status instanceof Integer code) {
                writeProblem(req, res, code);
                return;
            }
            chain.doFilter(req, res);
            return;
        }
        if (!firstRequestSeen.getAndSet(true)) {
            afterStart();
        }
        req.setCharacterEncoding("UTF-8");
        res.setHeader("X-Content-Type-Options", "nosniff");
        res.setHeader("X-Frame-Options", "SAMEORIGIN");
        res.setHeader("Referrer-Policy", "same-origin");
        if (!SAFE.contains(req.getMethod()) && !sameOrigin(req)) {
            auditForbidden(req, req.getRequestURI() + " (cross-site " + req.getMethod() + ")");
            res.sendError(HttpServletResponse.SC_FORBIDDEN, "cross-site request refused");
            return;
        }
        if (req.getContentLengthLong() > MAX_REQUEST_BYTES) {
            res.setHeader("Connection", "close");
            if (req.getRequestURI().startsWith(req.getContextPath() + "/api/")) {
                writeProblem(req, res, 413);
            } else {
                res.sendError(413);
            }
            return;
        }
        chain.doFilter(req, res);
    }

    /** Work left by start-up for the first request (process starts for demo data), in that request's context. */
    private void afterStart() {
        cn.huimin.application.AuditChainer.start();
        try {
            int n = vendors.startMissingExpiryProcesses();
            if (n > 0) {
                java.util.logging.Logger.getLogger(SecurityFilter.class.getName())
                        .info("Started the expiry processes of " + n + " vendor documents");
            }
            int s = singleSource.startMissingProcesses();
            if (s > 0) {
                java.util.logging.Logger.getLogger(SecurityFilter.class.getName())
                        .info("Started the single-source processes of " + s + " published tenders");
            }
            int c = contracts.startMissingSigning();
            if (c > 0) {
                java.util.logging.Logger.getLogger(SecurityFilter.class.getName())
                        .info("Started the contract processes of " + c + " standing awards");
            }
        } catch (RuntimeException e) {
            firstRequestSeen.set(false);
            java.util.logging.Logger.getLogger(SecurityFilter.class.getName())
                    .log(java.util.logging.Level.WARNING, "could not start vendor document expiry processes", e);
        }
    }

    /** Answers an /api error that happened outside JAX-RS (login, cross-site check) as a problem detail. */
    static void writeProblem(HttpServletRequest req, HttpServletResponse res, int status) throws IOException {
        java.util.Locale locale = Messages.fromAcceptLanguage(req.getHeader("Accept-Language"));
        String kind = status == 401 ? "UNAUTHORIZED" : status == 403 ? "FORBIDDEN" : status == 404 ? "NOT_FOUND"
                : status >= 500 ? "SERVER" : "BAD_REQUEST";
        String detail = switch (status) {
            case 401 -> Messages.get(locale, "error.unauthorized");
            case 403 -> Messages.get(locale, "error.forbidden");
            case 404 -> Messages.get(locale, "error.notFound");
            case 405 -> Messages.get(locale, "error.methodNotAllowed");
            case 413 -> Messages.get(locale, "error.tooLarge");
            default -> Messages.get(locale, status >= 500 ? "error.server" : "error.badRequest");
        };
        String body = Jsons.object().add("type", "about:blank")
                .add("title", Messages.get(locale, "problem." + kind)).add("status", status).add("detail", detail)
                .build().toString();
        res.setStatus(status);
        res.setContentType("application/problem+json;charset=UTF-8");
        res.getWriter().write(body);
    }

    private void auditForbidden(HttpServletRequest req, String uri) {
        if (req.getAttribute(AUDITED) != null) {
            return;
        }
        req.setAttribute(AUDITED, Boolean.TRUE);
        String user = req.getRemoteUser();
        audit.recordAlone(user == null ? "anonymous" : user, "FORBIDDEN", "request", null,
                Map.of("uri", uri, "method", req.getMethod()));
    }

    /** A request without Origin and Referer (e.g. curl) passes; a browser's cross-site request names another host. */
    static boolean sameOrigin(HttpServletRequest req) {
        String source = req.getHeader("Origin");
        if (source == null || source.equals("null")) {
            source = req.getHeader("Referer");
        }
        if (source == null) {
            return req.getHeader("Origin") == null;
        }
        try {
            URI u = URI.create(source);
            String host = req.getHeader("Host");
            String origin = u.getHost() + (u.getPort() > 0 ? ":" + u.getPort() : "");
            return host != null && (host.equalsIgnoreCase(origin) || host.equalsIgnoreCase(u.getHost()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
