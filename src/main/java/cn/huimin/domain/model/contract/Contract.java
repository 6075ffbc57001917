package cn.huimin.domain.model.contract;

import jakarta.persistence.*;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A service contract generated from an award: parties, price, milestones, bond, term; signed by both sides and published. */
@Entity
@Table(name = "contract")
public class Contract {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "contract_no")
    private String contractNo;
    @Column(name = "tender_id")
    private Long tenderId;
    @Column(name = "lot_id")
    private Long lotId;
    @Column(name = "award_id")
    private Long awardId;
    @Column(name = "vendor_id")
    private Long vendorId;
    @Column(name = "unit_id")
    private Long unitId;
    private String title;
    private BigDecimal amount;
    @Column(name = "supplement_total")
    private BigDecimal supplementTotal = BigDecimal.ZERO;
    @Column(name = "bond_percent")
    private BigDecimal bondPercent;
    @Column(name = "bond_amount")
    private BigDecimal bondAmount;
    @Column(name = "term_start")
    private LocalDate termStart;
    @Column(name = "term_end")
    private LocalDate termEnd;
    @Column(name = "stable_service")
    private boolean stableService;
    @Column(name = "long_term_reason")
    private String longTermReason;
    @Column(name = "acceptance_terms")
    private String acceptanceTerms;
    @Column(name = "evaluation_terms")
    private String evaluationTerms;
    private String status;
    @Column(name = "sign_due")
    private Instant signDue;
    @Column(name = "purchaser_signed_by")
    private String purchaserSignedBy;
    @Column(name = "purchaser_signed_at")
    private Instant purchaserSignedAt;
    @Column(name = "vendor_signed_by")
    private String vendorSignedBy;
    @Column(name = "vendor_signed_at")
    private Instant vendorSignedAt;
    @Column(name = "return_reason")
    private String returnReason;
    @Column(name = "publish_due")
    private Instant publishDue;
    @Column(name = "published_at")
    private Instant publishedAt;
    @Column(name = "pdf_sha256")
    private String pdfSha256;
    @Column(name = "termination_reason")
    private String terminationReason;
    @Column(name = "terminated_at")
    private Instant terminatedAt;
    @Column(name = "process_instance_id")
    private String processInstanceId;
    @Column(name = "term_process_id")
    private String termProcessId;
    @Column(name = "created_at")
    private Instant createdAt;
    @Version
    private long version;

    public Long getId() { return id; }
    public String getContractNo() { return contractNo; }
    public void setContractNo(String contractNo) { this.contractNo = contractNo; }
    public Long getTenderId() { return tenderId; }
    public void setTenderId(Long tenderId) { this.tenderId = tenderId; }
    public Long getLotId() { return lotId; }
    public void setLotId(Long lotId) { this.lotId = lotId; }
    public Long getAwardId() { return awardId; }
    public void setAwardId(Long awardId) { this.awardId = awardId; }
    public Long getVendorId() { return vendorId; }
    public void setVendorId(Long vendorId) { this.vendorId = vendorId; }
    public Long getUnitId() { return unitId; }
    public void setUnitId(Long unitId) { this.unitId = unitId; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public BigDecimal getAmount() { return amount; }
    public void setAmount(BigDecimal amount) { this.amount = amount; }
    public BigDecimal getSupplementTotal() { return supplementTotal; }
    public void setSupplementTotal(BigDecimal supplementTotal) { this.supplementTotal = supplementTotal; }
    public BigDecimal getBondPercent() { return bondPercent; }
    public void setBondPercent(BigDecimal bondPercent) { this.bondPercent = bondPercent; }
    public BigDecimal getBondAmount() { return bondAmount; }
    public void setBondAmount(BigDecimal bondAmount) { this.bondAmount = bondAmount; }
    public LocalDate getTermStart() { return termStart; }
    public void setTermStart(LocalDate termStart) { this.termStart = termStart; }
    public LocalDate getTermEnd() { return termEnd; }
    public void setTermEnd(LocalDate termEnd) { this.termEnd = termEnd; }
    public boolean isStableService() { return stableService; }
    public void setStableService(boolean stableService) { this.stableService = stableService; }
    public String getLongTermReason() { return longTermReason; }
    public void setLongTermReason(String longTermReason) { this.longTermReason = longTermReason; }
    public String getAcceptanceTerms() { return acceptanceTerms; }
    public void setAcceptanceTerms(String acceptanceTerms) { this.acceptanceTerms = acceptanceTerms; }
    public String getEvaluationTerms() { return evaluationTerms; }
    public void setEvaluationTerms(String evaluationTerms) { this.evaluationTerms = evaluationTerms; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public Instant getSignDue() { return signDue; }
    public void setSignDue(Instant signDue) { this.signDue = signDue; }
    public String getPurchaserSignedBy() { return purchaserSignedBy; }
    public void setPurchaserSignedBy(String purchaserSignedBy) { this.purchaserSignedBy = purchaserSignedBy; }
    public Instant getPurchaserSignedAt() { return purchaserSignedAt; }
    public void setPurchaserSignedAt(Instant purchaserSignedAt) { this.purchaserSignedAt = purchaserSignedAt; }
    public String getVendorSignedBy() { return vendorSignedBy; }
    public void setVendorSignedBy(String vendorSignedBy) { this.vendorSignedBy = vendorSignedBy; }
    public Instant getVendorSignedAt() { return vendorSignedAt; }
    public void setVendorSignedAt(Instant vendorSignedAt) { this.vendorSignedAt = vendorSignedAt; }
    public String getReturnReason() { return returnReason; }
    public void setReturnReason(String returnReason) { this.returnReason = returnReason; }
    public Instant getPublishDue() { return publishDue; }
    public void setPublishDue(Instant publishDue) { this.publishDue = publishDue; }
    public Instant getPublishedAt() { return publishedAt; }
    public void setPublishedAt(Instant publishedAt) { this.publishedAt = publishedAt; }
    public String getPdfSha256() { return pdfSha256; }
    public void setPdfSha256(String pdfSha256) { this.pdfSha256 = pdfSha256; }
    public String getTerminationReason() { return terminationReason; }
    public void setTerminationReason(String terminationReason) { this.terminationReason = terminationReason; }
    public Instant getTerminatedAt() { return terminatedAt; }
    public void setTerminatedAt(Instant terminatedAt) { this.terminatedAt = terminatedAt; }
    public String getProcessInstanceId() { return processInstanceId; }
    public void setProcessInstanceId(String processInstanceId) { this.processInstanceId = processInstanceId; }
    public String getTermProcessId() { return termProcessId; }
    public void setTermProcessId(String termProcessId) { this.termProcessId = termProcessId; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
    public long getVersion() { return version; }
}
