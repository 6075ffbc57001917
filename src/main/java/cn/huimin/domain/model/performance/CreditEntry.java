package cn.huimin.domain.model.performance;

import jakarta.persistence.*;
import java.math.BigDecimal;
import java.time.Instant;

/** One line of a vendor's credit record: an evaluation score, a rectification, a termination. */
@Entity
@Table(name = "credit_entry")
public class CreditEntry {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "vendor_id")
    private Long vendorId;
    private String kind;
    @Column(name = "contract_id")
    private Long contractId;
    @Column(name = "evaluation_id")
    private Long evaluationId;
    private BigDecimal score;
    private String note;
    @Column(name = "recorded_at")
    private Instant recordedAt;
    @Column(name = "recorded_by")
    private String recordedBy;

    public Long getId() { return id; }
    public Long getVendorId() { return vendorId; }
    public void setVendorId(Long vendorId) { this.vendorId = vendorId; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public Long getContractId() { return contractId; }
    public void setContractId(Long contractId) { this.contractId = contractId; }
    public Long getEvaluationId() { return evaluationId; }
    public void setEvaluationId(Long evaluationId) { this.evaluationId = evaluationId; }
    public BigDecimal getScore() { return score; }
    public void setScore(BigDecimal score) { this.score = score; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
    public Instant getRecordedAt() { return recordedAt; }
    public void setRecordedAt(Instant recordedAt) { this.recordedAt = recordedAt; }
    public String getRecordedBy() { return recordedBy; }
    public void setRecordedBy(String recordedBy) { this.recordedBy = recordedBy; }
}
