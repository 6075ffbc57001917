package cn.huimin.domain.model.place;

import jakarta.persistence.*;

/** A purchaser: a county culture bureau or a township cultural station. Its jurisdiction is its place and everything below. */
@Entity
@Table(name = "purchasing_unit")
public class PurchasingUnit implements java.io.Serializable {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Version
    private long version;
    private String code;
    @Column(name = "name_zh")
    private String nameZh;
    @Column(name = "name_en")
    private String nameEn;
    @Column(name = "place_id")
    private Long placeId;
    private boolean active;

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getNameZh() { return nameZh; }
    public void setNameZh(String nameZh) { this.nameZh = nameZh; }
    public String getNameEn() { return nameEn; }
    public void setNameEn(String nameEn) { this.nameEn = nameEn; }
    public Long getPlaceId() { return placeId; }
    public void setPlaceId(Long placeId) { this.placeId = placeId; }
    public boolean isActive() { return active; }
    public void setActive(boolean active) { this.active = active; }
    public Long getId() { return id; }
    public long getVersion() { return version; }
    public void setVersion(long version) { this.version = version; }
    public String name(boolean zh) { return zh ? nameZh : nameEn; }
}
