package cn.huimin.security;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

/**
 * One mechanism for both doors: HTTP Basic for /api/*, a form (the login page calls SecurityContext.authenticate)
 * for pages. Page logins live in the HTTP session, whose id is renewed at login; /api never uses the session.
 */
@ApplicationScoped
public class HuiminAuthentication implements HttpAuthenticationMechanism {
    public static final String SESSION_USER = "huimin.user";
    public static final String SESSION_ROLES = "huimin.roles";
    public static final String LOGIN_OUTCOME = "huimin.loginOutcome";

    @EJB
    AccountService accounts;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        Credential credential = context.getAuthParameters() == null ? null : context.getAuthParameters().getCredential();
        if (credential instanceof UsernamePasswordCredential upc) {
            return formLogin(request, context, upc);
        }
        boolean api = isApi(request);
        String header = request.getHeader("Authorization");
        if (api && header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return basic(header.substring(6).trim(), response, context);
        }
        if (!api) {
            HttpSession session = request.getSession(false);
            if (session != null && session.getAttribute(SESSION_USER) instanceof String user
                    && session.getAttribute(SESSION_ROLES) instanceof Set<?> roles) {
                Set<String> groups = new HashSet<>();
                roles.forEach(r -> groups.add(String.valueOf(r)));
                return context.notifyContainerAboutLogin(user, groups);
            }
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        if (api) {
            return unauthorized(response, context);
        }
        String target = request.getRequestURI().substring(request.getContextPath().length());
        if (request.getQueryString() != null) {
            target += "?" + request.getQueryString();
        }
        return context.redirect(request.getContextPath() + "/login.xhtml?next="
                + URLEncoder.encode(target, StandardCharsets.UTF_8));
    }

    private AuthenticationStatus formLogin(HttpServletRequest request, HttpMessageContext context,
                                           UsernamePasswordCredential upc) {
        AccountService.Result r = accounts.authenticate(upc.getCaller(), upc.getPasswordAsString(), true);
        request.setAttribute(LOGIN_OUTCOME, r.outcome());
        if (r.outcome() != AccountService.Outcome.OK) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        HttpSession session = request.getSession(true);
        request.changeSessionId();
        session.setAttribute(SESSION_USER, r.username());
        session.setAttribute(SESSION_ROLES, new HashSet<>(r.roles()));
        return context.notifyContainerAboutLogin(r.username(), r.roles());
    }

    private AuthenticationStatus basic(String encoded, HttpServletResponse response, HttpMessageContext context) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return unauthorized(response, context);
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return unauthorized(response, context);
        }
        AccountService.Result r = accounts.authenticate(decoded.substring(0, colon), decoded.substring(colon + 1), false);
        if (r.outcome() != AccountService.Outcome.OK) {
            if (r.outcome() == AccountService.Outcome.LOCKED) {
                response.setHeader("X-Huimin-Account", "locked");
            }
            return unauthorized(response, context);
        }
        return context.notifyContainerAboutLogin(r.username(), r.roles());
    }

    private static AuthenticationStatus unauthorized(HttpServletResponse response, HttpMessageContext context) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"huimin\", charset=\"UTF-8\"");
        try {
            SecurityFilter.writeProblem(context.getRequest(), response, HttpServletResponse.SC_UNAUTHORIZED);
        } catch (java.io.IOException e) {
            return context.responseUnauthorized();
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/");
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }
}
