package cn.huimin.interfaces.web;

import cn.huimin.application.AdminService;
import cn.huimin.application.Catalogue;
import cn.huimin.domain.model.catalogue.DeliverableType;
import cn.huimin.domain.model.catalogue.Indicator;
import cn.huimin.domain.model.catalogue.ServiceCategory;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;

/** The service-category catalogue: categories, their deliverables and their indicator sets (weights sum to 100). */
@Named
@ViewScoped
public class CatalogueView extends ViewSupport {
    @EJB
    AdminService admin;

    @EJB
    Catalogue catalogue;

    private Long categoryId;
    private String code;
    private String nameZh;
    private String nameEn;
    private boolean active = true;
    private String delivCode;
    private String delivZh;
    private String delivEn;
    private String delivUnitZh;
    private String delivUnitEn;
    private List<IndicatorRow> indicators = new ArrayList<>();

    public void select(ServiceCategory c) {
        categoryId = c.getId();
        code = c.getCode();
        nameZh = c.getNameZh();
        nameEn = c.getNameEn();
        active = c.isActive();
        indicators = new ArrayList<>();
        for (Indicator i : catalogue.indicators(c.getId())) {
            if (i.isActive()) {
                indicators.add(new IndicatorRow(i.getCode(), i.getNameZh(), i.getNameEn(), i.getWeight()));
            }
        }
    }

    public void newCategory() {
        categoryId = null;
        code = nameZh = nameEn = null;
        active = true;
        indicators = new ArrayList<>();
    }

    public void saveCategory() {
        if (attempt(() -> {
            ServiceCategory c = admin.saveCategory(categoryId, code, nameZh, nameEn, active);
            categoryId = c.getId();
        })) {
            info(text("admin.saved"));
        }
    }

    public void addDeliverable() {
        if (attempt(() -> admin.addDeliverable(categoryId, delivCode, delivZh, delivEn, delivUnitZh, delivUnitEn))) {
            info(text("admin.saved"));
            delivCode = delivZh = delivEn = delivUnitZh = delivUnitEn = null;
        }
    }

    public void toggleDeliverable(DeliverableType d) {
        if (attempt(() -> admin.setDeliverableActive(d.getId(), !d.isActive()))) {
            info(text("admin.saved"));
        }
    }

    public void addIndicator() {
        indicators.add(new IndicatorRow(null, null, null, null));
    }

    public void removeIndicator(IndicatorRow r) {
        indicators.remove(r);
    }

    public void saveIndicators() {
        List<AdminService.IndicatorInput> in = indicators.stream()
                .map(r -> new AdminService.IndicatorInput(r.getCode(), r.getNameZh(), r.getNameEn(), r.getWeight())).toList();
        if (attempt(() -> admin.saveIndicators(categoryId, in))) {
            info(text("admin.saved"));
        }
    }

    public int getWeightTotal() {
        return indicators.stream().mapToInt(r -> r.getWeight() == null ? 0 : r.getWeight()).sum();
    }

    public List<ServiceCategory> getCategories() { return catalogue.categories(false); }
    public List<DeliverableType> getDeliverables() { return categoryId == null ? List.of() : catalogue.deliverables(categoryId); }

    public static class IndicatorRow implements java.io.Serializable {
        private String code;
        private String nameZh;
        private String nameEn;
        private Integer weight;

        public IndicatorRow(String code, String nameZh, String nameEn, Integer weight) {
            this.code = code;
            this.nameZh = nameZh;
            this.nameEn = nameEn;
            this.weight = weight;
        }

        public String getCode() { return code; }
        public void setCode(String code) { this.code = code; }
        public String getNameZh() { return nameZh; }
        public void setNameZh(String nameZh) { this.nameZh = nameZh; }
        public String getNameEn() { return nameEn; }
        public void setNameEn(String nameEn) { this.nameEn = nameEn; }
        public Integer getWeight() { return weight; }
        public void setWeight(Integer weight) { this.weight = weight; }
    }

    public Long getCategoryId() { return categoryId; }
    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getNameZh() { return nameZh; }
    public void setNameZh(String nameZh) { this.nameZh = nameZh; }
    public String getNameEn() { return nameEn; }
    public void setNameEn(String nameEn) { this.nameEn = nameEn; }
    public boolean isActive() { return active; }
    public void setActive(boolean active) { this.active = active; }
    public String getDelivCode() { return delivCode; }
    public void setDelivCode(String delivCode) { this.delivCode = delivCode; }
    public String getDelivZh() { return delivZh; }
    public void setDelivZh(String delivZh) { this.delivZh = delivZh; }
    public String getDelivEn() { return delivEn; }
    public void setDelivEn(String delivEn) { this.delivEn = delivEn; }
    public String getDelivUnitZh() { return delivUnitZh; }
    public void setDelivUnitZh(String delivUnitZh) { this.delivUnitZh = delivUnitZh; }
    public String getDelivUnitEn() { return delivUnitEn; }
    public void setDelivUnitEn(String delivUnitEn) { this.delivUnitEn = delivUnitEn; }
    public List<IndicatorRow> getIndicators() { return indicators; }
}
