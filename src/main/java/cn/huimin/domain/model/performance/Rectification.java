package cn.huimin.domain.model.performance;

import jakarta.persistence.*;
import java.time.Instant;

/** A rectification order after a low score: what to fix, by when, and the officer's re-check. */
@Entity
@Table(name = "rectification")
public class Rectification {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "contract_id")
    private Long contractId;
    @Column(name = "evaluation_id")
    private Long evaluationId;
    @Column(name = "round_no")
    private int roundNo;
    @Column(name = "order_text")
    private String orderText;
    @Column(name = "due_at")
    private Instant dueAt;
    private String status;
    @Column(name = "vendor_report")
    private String vendorReport;
    @Column(name = "reported_at")
    private Instant reportedAt;
    @Column(name = "checked_by")
    private String checkedBy;
    @Column(name = "checked_at")
    private Instant checkedAt;
    @Column(name = "check_comment")
    private String checkComment;
    @Version
    private long version;

    public Long getId() { return id; }
    public Long getContractId() { return contractId; }
    public void setContractId(Long contractId) { this.contractId = contractId; }
    public Long getEvaluationId() { return evaluationId; }
    public void setEvaluationId(Long evaluationId) { this.evaluationId = evaluationId; }
    public int getRoundNo() { return roundNo; }
    public void setRoundNo(int roundNo) { this.roundNo = roundNo; }
    public String getOrderText() { return orderText; }
    public void setOrderText(String orderText) { this.orderText = orderText; }
    public Instant getDueAt() { return dueAt; }
    public void setDueAt(Instant dueAt) { this.dueAt = dueAt; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getVendorReport() { return vendorReport; }
    public void setVendorReport(String vendorReport) { this.vendorReport = vendorReport; }
    public Instant getReportedAt() { return reportedAt; }
    public void setReportedAt(Instant reportedAt) { this.reportedAt = reportedAt; }
    public String getCheckedBy() { return checkedBy; }
    public void setCheckedBy(String checkedBy) { this.checkedBy = checkedBy; }
    public Instant getCheckedAt() { return checkedAt; }
    public void setCheckedAt(Instant checkedAt) { this.checkedAt = checkedAt; }
    public String getCheckComment() { return checkComment; }
    public void setCheckComment(String checkComment) { this.checkComment = checkComment; }
    public long getVersion() { return version; }
}
