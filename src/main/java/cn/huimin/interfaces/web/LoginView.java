package cn.huimin.interfaces.web;

import cn.huimin.security.AccountService;
import cn.huimin.security.HuiminAuthentication;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

@Named
@RequestScoped
public class LoginView extends ViewSupport {
    @Inject
    SecurityContext securityContext;

    private String username;
    private String password;
    private String next;

    public void login() throws IOException {
        FacesContext fc = FacesContext.getCurrentInstance();
        ExternalContext ec = fc.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) ec.getRequest();
        AuthenticationStatus status = securityContext.authenticate(request, (HttpServletResponse) ec.getResponse(),
                AuthenticationParameters.withParams().newAuthentication(true)
                        .credential(new UsernamePasswordCredential(username == null ? "" : username.trim(), password == null ? "" : password)));
        password = null;
        if (status == AuthenticationStatus.SUCCESS) {
            String target = next != null && next.startsWith("/") && !next.startsWith("//") ? next : "/inbox.xhtml";
            ec.redirect(ec.getRequestContextPath() + target);
            fc.responseComplete();
            return;
        }
        Object outcome = request.getAttribute(HuiminAuthentication.LOGIN_OUTCOME);
        error(text(outcome == AccountService.Outcome.LOCKED ? "login.locked" : "login.failed"));
    }

    public void logout() throws IOException, ServletException {
        ExternalContext ec = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) ec.getRequest();
        String user = request.getRemoteUser();
        request.logout();
        ec.invalidateSession();
        if (user != null) {
            auditLog.recordAlone(user, "LOGOUT", "user", null, null);
        }
        ec.redirect(ec.getRequestContextPath() + "/login.xhtml?bye=1");
    }

    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getNext() { return next; }
    public void setNext(String next) { this.next = next; }
}
