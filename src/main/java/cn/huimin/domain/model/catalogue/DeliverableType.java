package cn.huimin.domain.model.catalogue;

import jakarta.persistence.*;

/** Something a vendor delivers and that can be counted: a performance, a screening, a training hour, an opening day. */
@Entity
@Table(name = "deliverable_type")
public class DeliverableType implements java.io.Serializable {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Version
    private long version;
    @Column(name = "category_id")
    private Long categoryId;
    private String code;
    @Column(name = "name_zh")
    private String nameZh;
    @Column(name = "name_en")
    private String nameEn;
    @Column(name = "unit_zh")
    private String unitZh;
    @Column(name = "unit_en")
    private String unitEn;
    private boolean active;

    public Long getCategoryId() { return categoryId; }
    public void setCategoryId(Long categoryId) { this.categoryId = categoryId; }
    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getNameZh() { return nameZh; }
    public void setNameZh(String nameZh) { this.nameZh = nameZh; }
    public String getNameEn() { return nameEn; }
    public void setNameEn(String nameEn) { this.nameEn = nameEn; }
    public String getUnitZh() { return unitZh; }
    public void setUnitZh(String unitZh) { this.unitZh = unitZh; }
    public String getUnitEn() { return unitEn; }
    public void setUnitEn(String unitEn) { this.unitEn = unitEn; }
    public boolean isActive() { return active; }
    public void setActive(boolean active) { this.active = active; }
    public Long getId() { return id; }
    public long getVersion() { return version; }
    public String name(boolean zh) { return zh ? nameZh : nameEn; }
    public String unit(boolean zh) { return zh ? unitZh : unitEn; }
}
