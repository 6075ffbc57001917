package cn.huimin.domain.model.tender;

import jakarta.persistence.*;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A procurement project of a purchasing unit, from draft to published notice. */
@Entity
@Table(name = "tender")
public class Tender {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Version
    private long version;

    @OneToMany(mappedBy = "tender", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("lotNo")
    private List<TenderLot> lots = new ArrayList<>();

    @OneToMany(mappedBy = "tender", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("positionNo")
    private List<ScoringFactor> factors = new ArrayList<>();
    private String title;
    @Column(name = "unit_id")
    private Long unitId;
    @Column(name = "category_id")
    private Long categoryId;
    @Enumerated(EnumType.STRING)
    private ProcurementMethod method;
    @Column(name = "single_source_reason")
    private String singleSourceReason;
    @Column(name = "proposed_supplier")
    private String proposedSupplier;
    private BigDecimal budget;
    @Column(name = "bid_security")
    private BigDecimal bidSecurity;
    @Column(name = "price_weight")
    private Integer priceWeight;
    private String qualification;
    private String description;
    @Column(name = "preferred_deadline")
    private LocalDate preferredDeadline;
    @Enumerated(EnumType.STRING)
    private TenderStatus status;
    @Column(name = "process_instance_id")
    private String processInstanceId;
    @Column(name = "notice_number")
    private String noticeNumber;
    @Column(name = "published_at")
    private Instant publishedAt;
    @Column(name = "bid_deadline")
    private Instant bidDeadline;
    @Column(name = "last_comment")
    private String lastComment;
    @Column(name = "origin_tender_id")
    private Long originTenderId;
    @Column(name = "opened_at")
    private Instant openedAt;

    /** The tender whose failed lot this one re-tenders or switches the method of. */
    public Long getOriginTenderId() { return originTenderId; }
    public void setOriginTenderId(Long originTenderId) { this.originTenderId = originTenderId; }
    public Instant getOpenedAt() { return openedAt; }
    public void setOpenedAt(Instant openedAt) { this.openedAt = openedAt; }
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public Long getUnitId() { return unitId; }
    public void setUnitId(Long unitId) { this.unitId = unitId; }
    public Long getCategoryId() { return categoryId; }
    public void setCategoryId(Long categoryId) { this.categoryId = categoryId; }
    public ProcurementMethod getMethod() { return method; }
    public void setMethod(ProcurementMethod method) { this.method = method; }
    public String getSingleSourceReason() { return singleSourceReason; }
    public void setSingleSourceReason(String singleSourceReason) { this.singleSourceReason = singleSourceReason; }
    public String getProposedSupplier() { return proposedSupplier; }
    public void setProposedSupplier(String proposedSupplier) { this.proposedSupplier = proposedSupplier; }
    public BigDecimal getBudget() { return budget; }
    public void setBudget(BigDecimal budget) { this.budget = budget; }
    public BigDecimal getBidSecurity() { return bidSecurity; }
    public void setBidSecurity(BigDecimal bidSecurity) { this.bidSecurity = bidSecurity; }
    public Integer getPriceWeight() { return priceWeight; }
    public void setPriceWeight(Integer priceWeight) { this.priceWeight = priceWeight; }
    public String getQualification() { return qualification; }
    public void setQualification(String qualification) { this.qualification = qualification; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public LocalDate getPreferredDeadline() { return preferredDeadline; }
    public void setPreferredDeadline(LocalDate preferredDeadline) { this.preferredDeadline = preferredDeadline; }
    public TenderStatus getStatus() { return status; }
    public void setStatus(TenderStatus status) { this.status = status; }
    public String getProcessInstanceId() { return processInstanceId; }
    public void setProcessInstanceId(String processInstanceId) { this.processInstanceId = processInstanceId; }
    public String getNoticeNumber() { return noticeNumber; }
    public void setNoticeNumber(String noticeNumber) { this.noticeNumber = noticeNumber; }
    public Instant getPublishedAt() { return publishedAt; }
    public void setPublishedAt(Instant publishedAt) { this.publishedAt = publishedAt; }
    public Instant getBidDeadline() { return bidDeadline; }
    public void setBidDeadline(Instant bidDeadline) { this.bidDeadline = bidDeadline; }
    public String getLastComment() { return lastComment; }
    public void setLastComment(String lastComment) { this.lastComment = lastComment; }
    public String getCreatedBy() { return createdBy; }
    public void setCreatedBy(String createdBy) { this.createdBy = createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
    public Long getId() { return id; }
    public long getVersion() { return version; }
    public List<TenderLot> getLots() { return lots; }
    public List<ScoringFactor> getFactors() { return factors; }
}
