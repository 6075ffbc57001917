package cn.huimin.interfaces.web;

import cn.huimin.application.AdminService;
import cn.huimin.application.Catalogue;
import cn.huimin.domain.model.place.PurchasingUnit;
import cn.huimin.domain.model.user.AppUser;
import cn.huimin.domain.model.user.Role;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.util.*;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

@Named
@ViewScoped
public class UsersView extends ViewSupport {
    @EJB
    AdminService admin;

    @EJB
    Catalogue catalogue;

    private String username;
    private String displayName;
    private String password;
    private List<String> roles = new ArrayList<>();
    private Long unitId;
    private AppUser selected;
    private List<String> selectedRoles = new ArrayList<>();
    private Long selectedUnit;
    private boolean selectedActive;
    private String newPassword;

    private final LazyDataModel<AppUser> model = new LazyDataModel<>() {
        @Override
        public int count(Map<String, FilterMeta> f) {
            return (int) admin.userCount();
        }

        @Override
        public List<AppUser> load(int first, int size, Map<String, SortMeta> s, Map<String, FilterMeta> f) {
            return admin.users(first, size);
        }

        @Override
        public String getRowKey(AppUser u) {
            return String.valueOf(u.getId());
        }

        @Override
        public AppUser getRowData(String key) {
            return admin.users(0, 200).stream().filter(u -> String.valueOf(u.getId()).equals(key)).findFirst().orElse(null);
        }
    };

    public void create() {
        if (attempt(() -> admin.createUser(username, displayName, password, new LinkedHashSet<>(roles), unitId))) {
            info(text("user.created", username));
            username = displayName = password = null;
            roles = new ArrayList<>();
            unitId = null;
        }
        password = null;
    }

    public void select(AppUser u) {
        selected = u;
        selectedRoles = new ArrayList<>(u.roleSet());
        selectedUnit = u.getUnitId();
        selectedActive = u.isActive();
    }

    public void update() {
        if (selected != null && attempt(() -> admin.updateUser(selected.getId(), new LinkedHashSet<>(selectedRoles), selectedUnit,
                selectedActive, selected.getVersion()))) {
            info(text("user.updated", selected.getUsername()));
            selected = null;
        }
    }

    public void unlock(AppUser u) {
        if (attempt(() -> admin.unlock(u.getId()))) {
            info(text("user.unlocked", u.getUsername()));
        }
    }

    public void resetPassword() {
        if (selected != null && attempt(() -> admin.resetPassword(selected.getId(), newPassword))) {
            info(text("user.passwordReset", selected.getUsername()));
        }
        newPassword = null;
    }

    public boolean locked(AppUser u) {
        return u.isLocked(java.time.Instant.now());
    }

    public List<String> getAllRoles() {
        return Role.ALL.stream().sorted().toList();
    }

    public List<PurchasingUnit> getUnits() {
        return catalogue.units();
    }

    public LazyDataModel<AppUser> getModel() { return model; }
    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public List<String> getRoles() { return roles; }
    public void setRoles(List<String> roles) { this.roles = roles; }
    public Long getUnitId() { return unitId; }
    public void setUnitId(Long unitId) { this.unitId = unitId; }
    public AppUser getSelected() { return selected; }
    public List<String> getSelectedRoles() { return selectedRoles; }
    public void setSelectedRoles(List<String> selectedRoles) { this.selectedRoles = selectedRoles; }
    public Long getSelectedUnit() { return selectedUnit; }
    public void setSelectedUnit(Long selectedUnit) { this.selectedUnit = selectedUnit; }
    public boolean isSelectedActive() { return selectedActive; }
    public void setSelectedActive(boolean selectedActive) { this.selectedActive = selectedActive; }
    public String getNewPassword() { return newPassword; }
    public void setNewPassword(String newPassword) { this.newPassword = newPassword; }
}
