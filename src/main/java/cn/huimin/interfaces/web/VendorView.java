package cn.huimin.interfaces.web;

import cn.huimin.application.Catalogue;
import cn.huimin.application.VendorService;
import cn.huimin.domain.model.catalogue.ServiceCategory;
import cn.huimin.domain.model.place.Place;
import cn.huimin.domain.model.vendor.Vendor;
import cn.huimin.domain.model.vendor.VendorDocument;
import cn.huimin.domain.model.vendor.VendorForm;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.util.List;
import org.primefaces.event.FileUploadEvent;

/** Registration (register.xhtml, no login) and the vendor's own profile and documents (vendor/profile.xhtml). */
@Named
@ViewScoped
public class VendorView extends ViewSupport {
    @EJB
    VendorService vendors;

    @EJB
    Catalogue catalogue;

    private VendorForm form = new VendorForm();
    private List<VendorDocument> documents = List.of();
    private List<VendorDocument.Kind> required = List.of();
    private String ineligibility;
    private String kind;
    private LocalDate expiresOn;
    private boolean registered;

    /** vendor/profile.xhtml: the caller's profile. */
    public void loadMine() {
        if (form.getId() != null) {
            return;
        }
        if (!attempt(() -> form = vendors.myForm())) {
            return;
        }
        refresh();
    }

    private void refresh() {
        Vendor v = vendors.mine();
        form = VendorForm.of(v);
        documents = vendors.documents(v.getId());
        required = VendorService.requiredKinds(v.getOrgType());
        ineligibility = vendors.ineligibility(v);
    }

    public String register() {
        if (attempt(() -> vendors.register(form))) {
            registered = true;
            info(text("vendor.registered", form.getUsername()));
            keepMessages();
            return "/login.xhtml?faces-redirect=true";
        }
        return null;
    }

    public void save() {
        if (attempt(() -> vendors.update(form))) {
            refresh();
            info(text("vendor.saved"));
        }
    }

    public void upload(FileUploadEvent event) {
        byte[] content = event.getFile().getContent();
        String name = event.getFile().getFileName();
        if (attempt(() -> vendors.uploadDocument(kind, name, content, expiresOn))) {
            refresh();
            info(text("document.added", name));
        }
    }

    public void submit() {
        if (attempt(vendors::submitForVerification)) {
            refresh();
            info(text("vendor.submitted"));
        }
    }

    public boolean isEditable() {
        return "REGISTERED".equals(form.getStatus()) || "RETURNED".equals(form.getStatus());
    }

    public boolean isUploadAllowed() {
        return !"PENDING".equals(form.getStatus());
    }

    public List<ServiceCategory> getCategories() {
        return catalogue.categories(true);
    }

    public List<Place> getPlaces() {
        return catalogue.places();
    }

    public List<String> getOrgTypes() {
        return java.util.Arrays.stream(Vendor.OrgType.values()).map(Enum::name).toList();
    }

    public List<String> getKinds() {
        return java.util.Arrays.stream(VendorDocument.Kind.values()).map(Enum::name).toList();
    }

    public LocalDate getToday() {
        return LocalDate.now(cn.huimin.domain.shared.WorkingDayCalendar.ZONE);
    }

    public VendorForm getForm() { return form; }
    public List<VendorDocument> getDocuments() { return documents; }
    public List<VendorDocument.Kind> getRequired() { return required; }
    public String getIneligibility() { return ineligibility; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public LocalDate getExpiresOn() { return expiresOn; }
    public void setExpiresOn(LocalDate expiresOn) { this.expiresOn = expiresOn; }
    public boolean isRegistered() { return registered; }
}
