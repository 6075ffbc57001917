package cn.huimin.domain.model.vendor;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** What a vendor enters at registration and when revising it (page and REST). */
public class VendorForm implements Serializable {
    private Long id;
    private String username;
    private String password;
    private String name;
    private String uscc;
    private String orgType;
    private String legalRep;
    private String contactName;
    private String contactPhone;
    private String contactEmail;
    private String address;
    private List<Long> categoryIds = new ArrayList<>();
    private List<Long> placeIds = new ArrayList<>();
    private String status;
    private String lastComment;
    private boolean suspended;
    private Long version;

    public static VendorForm of(Vendor v) {
        VendorForm f = new VendorForm();
        f.id = v.getId();
        f.username = v.getUsername();
        f.name = v.getName();
        f.uscc = v.getUscc();
        f.orgType = v.getOrgType().name();
        f.legalRep = v.getLegalRep();
        f.contactName = v.getContactName();
        f.contactPhone = v.getContactPhone();
        f.contactEmail = v.getContactEmail();
        f.address = v.getAddress();
        f.categoryIds = new ArrayList<>(v.getCategoryIds());
        f.placeIds = new ArrayList<>(v.getPlaceIds());
        f.status = v.getStatus().name();
        f.lastComment = v.getLastComment();
        f.suspended = v.isSuspended();
        f.version = v.getVersion();
        return f;
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getUscc() { return uscc; }
    public void setUscc(String uscc) { this.uscc = uscc; }
    public String getOrgType() { return orgType; }
    public void setOrgType(String orgType) { this.orgType = orgType; }
    public String getLegalRep() { return legalRep; }
    public void setLegalRep(String legalRep) { this.legalRep = legalRep; }
    public String getContactName() { return contactName; }
    public void setContactName(String contactName) { this.contactName = contactName; }
    public String getContactPhone() { return contactPhone; }
    public void setContactPhone(String contactPhone) { this.contactPhone = contactPhone; }
    public String getContactEmail() { return contactEmail; }
    public void setContactEmail(String contactEmail) { this.contactEmail = contactEmail; }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; }
    public List<Long> getCategoryIds() { return categoryIds; }
    public void setCategoryIds(List<Long> categoryIds) { this.categoryIds = categoryIds == null ? new ArrayList<>() : categoryIds; }
    public List<Long> getPlaceIds() { return placeIds; }
    public void setPlaceIds(List<Long> placeIds) { this.placeIds = placeIds == null ? new ArrayList<>() : placeIds; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getLastComment() { return lastComment; }
    public void setLastComment(String lastComment) { this.lastComment = lastComment; }
    public boolean isSuspended() { return suspended; }
    public void setSuspended(boolean suspended) { this.suspended = suspended; }
    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
}
