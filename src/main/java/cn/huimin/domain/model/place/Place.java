package cn.huimin.domain.model.place;

import jakarta.persistence.*;

/** A place of the four-level cultural network: county, township/street, village/community. */
@Entity
@Table(name = "place")
public class Place implements java.io.Serializable {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Version
    private long version;
    private String code;
    @Column(name = "name_zh")
    private String nameZh;
    @Column(name = "name_en")
    private String nameEn;
    @Enumerated(EnumType.STRING)
    private PlaceLevel level;
    @Column(name = "parent_id")
    private Long parentId;
    private boolean active;

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getNameZh() { return nameZh; }
    public void setNameZh(String nameZh) { this.nameZh = nameZh; }
    public String getNameEn() { return nameEn; }
    public void setNameEn(String nameEn) { this.nameEn = nameEn; }
    public PlaceLevel getLevel() { return level; }
    public void setLevel(PlaceLevel level) { this.level = level; }
    public Long getParentId() { return parentId; }
    public void setParentId(Long parentId) { this.parentId = parentId; }
    public boolean isActive() { return active; }
    public void setActive(boolean active) { this.active = active; }
    public Long getId() { return id; }
    public long getVersion() { return version; }
    public void setVersion(long version) { this.version = version; }
    public String name(boolean zh) { return zh ? nameZh : nameEn; }
}
