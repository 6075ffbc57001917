package cn.huimin.domain.model.vendor;

import jakarta.persistence.*;
import java.io.Serializable;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/** A registered service provider: social organization, company or public institution. One USCC, one vendor. */
@Entity
@Table(name = "vendor")
public class Vendor implements Serializable {
    public enum Status { REGISTERED, PENDING, RETURNED, VERIFIED }

    public enum OrgType { SOCIAL_ORGANIZATION, COMPANY, PUBLIC_INSTITUTION }

    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String username;
    private String uscc;
    private String name;
    @Enumerated(EnumType.STRING) @Column(name = "org_type")
    private OrgType orgType;
    @Column(name = "legal_rep")
    private String legalRep;
    @Column(name = "contact_name")
    private String contactName;
    @Column(name = "contact_phone")
    private String contactPhone;
    @Column(name = "contact_email")
    private String contactEmail;
    private String address;
    @Enumerated(EnumType.STRING)
    private Status status;
    private boolean suspended;
    @Column(name = "last_comment")
    private String lastComment;
    @Column(name = "process_instance_id")
    private String processInstanceId;
    @Column(name = "verified_by")
    private String verifiedBy;
    @Column(name = "verified_at")
    private Instant verifiedAt;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private Long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "vendor_category", joinColumns = @JoinColumn(name = "vendor_id"))
    @Column(name = "category_id")
    private Set<Long> categoryIds = new LinkedHashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "vendor_place", joinColumns = @JoinColumn(name = "vendor_id"))
    @Column(name = "place_id")
    private Set<Long> placeIds = new LinkedHashSet<>();

    public Long getId() { return id; }
    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getUscc() { return uscc; }
    public void setUscc(String uscc) { this.uscc = uscc; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public OrgType getOrgType() { return orgType; }
    public void setOrgType(OrgType orgType) { this.orgType = orgType; }
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
    public Status getStatus() { return status; }
    public void setStatus(Status status) { this.status = status; }
    public boolean isSuspended() { return suspended; }
    public void setSuspended(boolean suspended) { this.suspended = suspended; }
    public String getLastComment() { return lastComment; }
    public void setLastComment(String lastComment) { this.lastComment = lastComment; }
    public String getProcessInstanceId() { return processInstanceId; }
    public void setProcessInstanceId(String processInstanceId) { this.processInstanceId = processInstanceId; }
    public String getVerifiedBy() { return verifiedBy; }
    public void setVerifiedBy(String verifiedBy) { this.verifiedBy = verifiedBy; }
    public Instant getVerifiedAt() { return verifiedAt; }
    public void setVerifiedAt(Instant verifiedAt) { this.verifiedAt = verifiedAt; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
    public Long getVersion() { return version; }
    public Set<Long> getCategoryIds() { return categoryIds; }
    public Set<Long> getPlaceIds() { return placeIds; }
}
