package cn.huimin.interfaces.web;

import cn.huimin.application.AdminService;
import cn.huimin.application.Catalogue;
import cn.huimin.domain.model.place.Place;
import cn.huimin.domain.model.place.PlaceLevel;
import cn.huimin.domain.model.place.PurchasingUnit;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.List;

/** Places of the cultural network and the purchasing units. */
@Named
@ViewScoped
public class PlacesView extends ViewSupport {
    @EJB
    AdminService admin;

    @EJB
    Catalogue catalogue;

    private Long placeId;
    private String code;
    private String nameZh;
    private String nameEn;
    private String level = "VILLAGE";
    private Long parentId;
    private boolean active = true;

    private Long unitId;
    private String unitCode;
    private String unitZh;
    private String unitEn;
    private Long unitPlace;
    private boolean unitActive = true;

    public void savePlace() {
        PlaceLevel l;
        try {
            l = PlaceLevel.valueOf(level);
        } catch (RuntimeException e) {
            l = null;
        }
        PlaceLevel lv = l;
        if (attempt(() -> admin.savePlace(placeId, code, nameZh, nameEn, lv, parentId, active))) {
            info(text("admin.saved"));
            placeId = null;
            code = nameZh = nameEn = null;
        }
    }

    public void editPlace(Place p) {
        placeId = p.getId();
        code = p.getCode();
        nameZh = p.getNameZh();
        nameEn = p.getNameEn();
        level = p.getLevel().name();
        parentId = p.getParentId();
        active = p.isActive();
    }

    public void saveUnit() {
        if (attempt(() -> admin.saveUnit(unitId, unitCode, unitZh, unitEn, unitPlace, unitActive))) {
            info(text("admin.saved"));
            unitId = null;
            unitCode = unitZh = unitEn = null;
        }
    }

    public void editUnit(PurchasingUnit u) {
        unitId = u.getId();
        unitCode = u.getCode();
        unitZh = u.getNameZh();
        unitEn = u.getNameEn();
        unitPlace = u.getPlaceId();
        unitActive = u.isActive();
    }

    public List<Place> getPlaces() { return catalogue.places(); }
    public List<PurchasingUnit> getUnits() { return catalogue.units(); }
    public List<String> getLevels() { return Arrays.stream(PlaceLevel.values()).map(Enum::name).toList(); }

    public Long getPlaceId() { return placeId; }
    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getNameZh() { return nameZh; }
    public void setNameZh(String nameZh) { this.nameZh = nameZh; }
    public String getNameEn() { return nameEn; }
    public void setNameEn(String nameEn) { this.nameEn = nameEn; }
    public String getLevel() { return level; }
    public void setLevel(String level) { this.level = level; }
    public Long getParentId() { return parentId; }
    public void setParentId(Long parentId) { this.parentId = parentId; }
    public boolean isActive() { return active; }
    public void setActive(boolean active) { this.active = active; }
    public Long getUnitId() { return unitId; }
    public String getUnitCode() { return unitCode; }
    public void setUnitCode(String unitCode) { this.unitCode = unitCode; }
    public String getUnitZh() { return unitZh; }
    public void setUnitZh(String unitZh) { this.unitZh = unitZh; }
    public String getUnitEn() { return unitEn; }
    public void setUnitEn(String unitEn) { this.unitEn = unitEn; }
    public Long getUnitPlace() { return unitPlace; }
    public void setUnitPlace(Long unitPlace) { this.unitPlace = unitPlace; }
    public boolean isUnitActive() { return unitActive; }
    public void setUnitActive(boolean unitActive) { this.unitActive = unitActive; }
}
