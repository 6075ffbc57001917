package cn.huimin.interfaces.web;

import cn.huimin.application.AdminService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

@Named
@RequestScoped
public class PasswordView extends ViewSupport {
    @EJB
    AdminService admin;

    private String current;
    private String next;
    private String repeat;

    public void change() {
        if (next == null || !next.equals(repeat)) {
            error(text("user.passwordsDiffer"));
        } else if (attempt(() -> admin.changeOwnPassword(current, next))) {
            info(text("user.passwordChanged"));
        }
        current = next = repeat = null;
    }

    public String getCurrent() { return current; }
    public void setCurrent(String current) { this.current = current; }
    public String getNext() { return next; }
    public void setNext(String next) { this.next = next; }
    public String getRepeat() { return repeat; }
    public void setRepeat(String repeat) { this.repeat = repeat; }
}
