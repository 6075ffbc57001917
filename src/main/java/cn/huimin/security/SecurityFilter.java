package cn.huimin.security;

import cn.huimin.application.AuditLog;
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

    @EJB
    AuditLog audit;

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (req.getDispatcherType() == DispatcherType.ERROR) {
            Object status = req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
            if (Integer.valueOf(403).equals(status)) {
                auditForbidden(req, String.valueOf(req.getAttribute(RequestDispatcher.ERROR_REQUEST_URI)));
            }
            chain.doFilter(req, res);
            return;
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
        chain.doFilter(req, res);
    }

    private void auditForbidden(HttpServletRequest req, String uri) {
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
