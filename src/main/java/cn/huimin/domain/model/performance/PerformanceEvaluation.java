package cn.huimin.domain.model.performance;

import jakarta.persistence.*;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** The performance evaluation of one contract period (or the final acceptance). */
@Entity
@Table(name = "performance_evaluation")
public class PerformanceEvaluation {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "contract_id")
    private Long contractId;
    @Column(name = "milestone_id")
    private Long milestoneId;
    @Column(name = "period_start")
    private LocalDate periodStart;
    @Column(name = "period_end")
    private LocalDate periodEnd;
    @Column(name = "final_period")
    private boolean finalPeriod;
    private String status;
    private String evidence;
    @Column(name = "total_score")
    private BigDecimal totalScore;
    @Column(name = "payment_share")
    private BigDecimal paymentShare;
    private String band;
    private boolean rectification;
    private boolean failing;
    @Column(name = "scored_by")
    private String scoredBy;
    @Column(name = "scored_at")
    private Instant scoredAt;
    @Column(name = "reviewed_by")
    private String reviewedBy;
    @Column(name = "reviewed_at")
    private Instant reviewedAt;
    @Column(name = "signed_by")
    private String signedBy;
    @Column(name = "signed_at")
    private Instant signedAt;
    @Column(name = "return_comment")
    private String returnComment;
    @Column(name = "opinions_until")
    private Instant opinionsUntil;
    @Column(name = "published_at")
    private Instant publishedAt;
    @Column(name = "process_instance_id")
    private String processInstanceId;
    @Column(name = "created_at")
    private Instant createdAt;
    @Version
    private long version;

    public Long getId() { return id; }
    public Long getContractId() { return contractId; }
    public void setContractId(Long contractId) { this.contractId = contractId; }
    public Long getMilestoneId() { return milestoneId; }
    public void setMilestoneId(Long milestoneId) { this.milestoneId = milestoneId; }
    public LocalDate getPeriodStart() { return periodStart; }
    public void setPeriodStart(LocalDate periodStart) { this.periodStart = periodStart; }
    public LocalDate getPeriodEnd() { return periodEnd; }
    public void setPeriodEnd(LocalDate periodEnd) { this.periodEnd = periodEnd; }
    public boolean isFinalPeriod() { return finalPeriod; }
    public void setFinalPeriod(boolean finalPeriod) { this.finalPeriod = finalPeriod; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getEvidence() { return evidence; }
    public void setEvidence(String evidence) { this.evidence = evidence; }
    public BigDecimal getTotalScore() { return totalScore; }
    public void setTotalScore(BigDecimal totalScore) { this.totalScore = totalScore; }
    public BigDecimal getPaymentShare() { return paymentShare; }
    public void setPaymentShare(BigDecimal paymentShare) { this.paymentShare = paymentShare; }
    public String getBand() { return band; }
    public void setBand(String band) { this.band = band; }
    public boolean isRectification() { return rectification; }
    public void setRectification(boolean rectification) { this.rectification = rectification; }
    public boolean isFailing() { return failing; }
    public void setFailing(boolean failing) { this.failing = failing; }
    public String getScoredBy() { return scoredBy; }
    public void setScoredBy(String scoredBy) { this.scoredBy = scoredBy; }
    public Instant getScoredAt() { return scoredAt; }
    public void setScoredAt(Instant scoredAt) { this.scoredAt = scoredAt; }
    public String getReviewedBy() { return reviewedBy; }
    public void setReviewedBy(String reviewedBy) { this.reviewedBy = reviewedBy; }
    public Instant getReviewedAt() { return reviewedAt; }
    public void setReviewedAt(Instant reviewedAt) { this.reviewedAt = reviewedAt; }
    public String getSignedBy() { return signedBy; }
    public void setSignedBy(String signedBy) { this.signedBy = signedBy; }
    public Instant getSignedAt() { return signedAt; }
    public void setSignedAt(Instant signedAt) { this.signedAt = signedAt; }
    public String getReturnComment() { return returnComment; }
    public void setReturnComment(String returnComment) { this.returnComment = returnComment; }
    public Instant getOpinionsUntil() { return opinionsUntil; }
    public void setOpinionsUntil(Instant opinionsUntil) { this.opinionsUntil = opinionsUntil; }
    public Instant getPublishedAt() { return publishedAt; }
    public void setPublishedAt(Instant publishedAt) { this.publishedAt = publishedAt; }
    public String getProcessInstanceId() { return processInstanceId; }
    public void setProcessInstanceId(String processInstanceId) { this.processInstanceId = processInstanceId; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
    public long getVersion() { return version; }
}
