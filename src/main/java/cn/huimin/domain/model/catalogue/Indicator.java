package cn.huimin.domain.model.catalogue;

import jakarta.persistence.*;

/** A performance-evaluation indicator of a service category; the active indicators of a category weigh 100 together. */
@Entity
@Table(name = "indicator")
public class Indicator implements java.io.Serializable {
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
    private int weight;
    @Column(name = "evidence_kind")
    private String evidenceKind;
    private boolean active;

    public Long getCategoryId() { return categoryId; }
    public void setCategoryId(Long categoryId) { this.categoryId = categoryId; }
    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getNameZh() { return nameZh; }
    public void setNameZh(String nameZh) { this.nameZh = nameZh; }
    public String getNameEn() { return nameEn; }
    public void setNameEn(String nameEn) { this.nameEn = nameEn; }
    /** Which delivery figure is this indicator's evidence (DELIVERY, ATTENDANCE, TRAINING_HOURS, TEAMS, OPENING_DAYS, SATISFACTION), or null. */
    public String getEvidenceKind() { return evidenceKind; }
    public void setEvidenceKind(String evidenceKind) { this.evidenceKind = evidenceKind; }
    public int getWeight() { return weight; }
    public void setWeight(int weight) { this.weight = weight; }
    public boolean isActive() { return active; }
    public void setActive(boolean active) { this.active = active; }
    public Long getId() { return id; }
    public long getVersion() { return version; }
    public String name(boolean zh) { return zh ? nameZh : nameEn; }
}
