package cn.huimin.domain.model.tender;

import jakarta.persistence.*;
import java.time.Instant;
import java.time.LocalDate;

/** A requested amendment or cancellation of a published tender, decided by the head. */
@Entity
@Table(name = "tender_change")
public class TenderChange implements java.io.Serializable {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Version
    private long version;
    @Column(name = "tender_id")
    private Long tenderId;
    @Enumerated(EnumType.STRING) @Column(name = "change_type")
    private Type changeType;
    @Column(name = "text_body")
    private String textBody;
    @Column(name = "requested_deadline")
    private LocalDate requestedDeadline;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Column(name = "process_instance_id")
    private String processInstanceId;
    @Column(name = "requested_by")
    private String requestedBy;
    @Column(name = "requested_at")
    private Instant requestedAt;
    @Column(name = "decided_by")
    private String decidedBy;
    @Column(name = "decided_at")
    private Instant decidedAt;
    @Column(name = "decision_comment")
    private String decisionComment;

    public Long getTenderId() { return tenderId; }
    public void setTenderId(Long tenderId) { this.tenderId = tenderId; }
    public Type getChangeType() { return changeType; }
    public void setChangeType(Type changeType) { this.changeType = changeType; }
    public String getTextBody() { return textBody; }
    public void setTextBody(String textBody) { this.textBody = textBody; }
    public LocalDate getRequestedDeadline() { return requestedDeadline; }
    public void setRequestedDeadline(LocalDate requestedDeadline) { this.requestedDeadline = requestedDeadline; }
    public Status getStatus() { return status; }
    public void setStatus(Status status) { this.status = status; }
    public String getProcessInstanceId() { return processInstanceId; }
    public void setProcessInstanceId(String processInstanceId) { this.processInstanceId = processInstanceId; }
    public String getRequestedBy() { return requestedBy; }
    public void setRequestedBy(String requestedBy) { this.requestedBy = requestedBy; }
    public Instant getRequestedAt() { return requestedAt; }
    public void setRequestedAt(Instant requestedAt) { this.requestedAt = requestedAt; }
    public String getDecidedBy() { return decidedBy; }
    public void setDecidedBy(String decidedBy) { this.decidedBy = decidedBy; }
    public Instant getDecidedAt() { return decidedAt; }
    public void setDecidedAt(Instant decidedAt) { this.decidedAt = decidedAt; }
    public String getDecisionComment() { return decisionComment; }
    public void setDecisionComment(String decisionComment) { this.decisionComment = decisionComment; }
    public Long getId() { return id; }
    public long getVersion() { return version; }

    public enum Type { AMENDMENT, CANCELLATION }

    public enum Status { PENDING, APPLIED, DISMISSED }
}
