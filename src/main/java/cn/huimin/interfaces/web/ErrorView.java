package cn.huimin.interfaces.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

/** Error pages: they show no internals, only where to go next. */
@Named
@RequestScoped
public class ErrorView {
    public boolean isLoggedIn() {
        return FacesContext.getCurrentInstance().getExternalContext().getRemoteUser() != null;
    }

    /** Where the home page sends you: your inbox when logged in, else the public notices. */
    public String home() {
        return isLoggedIn() ? "/inbox?faces-redirect=true" : "/public/tenders?faces-redirect=true";
    }

    public String getUser() {
        return FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
    }
}
