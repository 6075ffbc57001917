package cn.huimin.domain.model.performance;

import jakarta.persistence.*;
import java.math.BigDecimal;
import java.time.Instant;

/** What finance is to pay for a milestone: its amount times the share the evaluation earned. */
@Entity
@Table(name = "payment_order")
public class PaymentOrder {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "contract_id")
    private Long contractId;
    @Column(name = "milestone_id")
    private Long milestoneId;
    @Column(name = "evaluation_id")
    private Long evaluationId;
    @Column(name = "milestone_amount")
    private BigDecimal milestoneAmount;
    private BigDecimal share;
    private BigDecimal amount;
    private String status;
    @Column(name = "issued_at")
    private Instant issuedAt;
    @Column(name = "paid_amount")
    private BigDecimal paidAmount;
    @Column(name = "paid_by")
    private String paidBy;
    @Column(name = "paid_at")
    private Instant paidAt;
    @Column(name = "bank_reference")
    private String bankReference;
    @Version
    private long version;

    public Long getId() { return id; }
    public Long getContractId() { return contractId; }
    public void setContractId(Long contractId) { this.contractId = contractId; }
    public Long getMilestoneId() { return milestoneId; }
    public void setMilestoneId(Long milestoneId) { this.milestoneId = milestoneId; }
    public Long getEvaluationId() { return evaluationId; }
    public void setEvaluationId(Long evaluationId) { this.evaluationId = evaluationId; }
    public BigDecimal getMilestoneAmount() { return milestoneAmount; }
    public void setMilestoneAmount(BigDecimal milestoneAmount) { this.milestoneAmount = milestoneAmount; }
    public BigDecimal getShare() { return share; }
    public void setShare(BigDecimal share) { this.share = share; }
    public BigDecimal getAmount() { return amount; }
    public void setAmount(BigDecimal amount) { this.amount = amount; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public Instant getIssuedAt() { return issuedAt; }
    public void setIssuedAt(Instant issuedAt) { this.issuedAt = issuedAt; }
    public BigDecimal getPaidAmount() { return paidAmount; }
    public void setPaidAmount(BigDecimal paidAmount) { this.paidAmount = paidAmount; }
    public String getPaidBy() { return paidBy; }
    public void setPaidBy(String paidBy) { this.paidBy = paidBy; }
    public Instant getPaidAt() { return paidAt; }
    public void setPaidAt(Instant paidAt) { this.paidAt = paidAt; }
    public String getBankReference() { return bankReference; }
    public void setBankReference(String bankReference) { this.bankReference = bankReference; }
    public long getVersion() { return version; }
}
