package cn.huimin.domain.model.catalogue;

import jakarta.persistence.*;

@Entity
@Table(name = "service_category")
public class ServiceCategory implements java.io.Serializable {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Version
    private long version;
    private String code;
    @Column(name = "name_zh")
    private String nameZh;
    @Column(name = "name_en")
    private String nameEn;
    private boolean active;

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public String getNameZh() { return nameZh; }
    public void setNameZh(String nameZh) { this.nameZh = nameZh; }
    public String getNameEn() { return nameEn; }
    public void setNameEn(String nameEn) { this.nameEn = nameEn; }
    public boolean isActive() { return active; }
    public void setActive(boolean active) { this.active = active; }
    public Long getId() { return id; }
    public long getVersion() { return version; }
    public void setVersion(long version) { this.version = version; }
    public String name(boolean zh) { return zh ? nameZh : nameEn; }
}
