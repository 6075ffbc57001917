package cn.huimin.domain.model.award;

import jakarta.persistence.*;
import java.math.BigDecimal;
import java.time.Instant;

/** A bidder's challenge (质疑) of an award, the purchaser's answer, and the complaint (投诉) to the supervisor that may follow. */
@Entity
@Table(name = "challenge")
public class Challenge {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Version
    private long version;
    @Column(name = "tender_id")
    private Long tenderId;
    @Column(name = "lot_id")
    private Long lotId;
    @Column(name = "award_id")
    private Long awardId;
    @Column(name = "vendor_id")
    private Long vendorId;
    private String grounds;
    private String evidence;
    @Column(name = "filed_at")
    private Instant filedAt;
    @Column(name = "answer_due")
    private Instant answerDue;
    private String answer;
    @Column(name = "answered_by")
    private String answeredBy;
    @Column(name = "answered_at")
    private Instant answeredAt;
    private String complaint;
    @Column(name = "complaint_filed_at")
    private Instant complaintFiledAt;
    @Column(name = "complaint_until")
    private Instant complaintUntil;
    @Column(name = "decision_due")
    private Instant decisionDue;
    private String decision;
    @Column(name = "decision_reason")
    private String decisionReason;
    @Column(name = "decided_by")
    private String decidedBy;
    @Column(name = "decided_at")
    private Instant decidedAt;
    private String status;
    @Column(name = "process_instance_id")
    private String processInstanceId;

    public Long getId() { return id; }
    public long getVersion() { return version; }
    public Long getTenderId() { return tenderId; }
    public void setTenderId(Long tenderId) { this.tenderId = tenderId; }
    public Long getLotId() { return lotId; }
    public void setLotId(Long lotId) { this.lotId = lotId; }
    public Long getAwardId() { return awardId; }
    public void setAwardId(Long awardId) { this.awardId = awardId; }
    public Long getVendorId() { return vendorId; }
    public void setVendorId(Long vendorId) { this.vendorId = vendorId; }
    public String getGrounds() { return grounds; }
    public void setGrounds(String grounds) { this.grounds = grounds; }
    public String getEvidence() { return evidence; }
    public void setEvidence(String evidence) { this.evidence = evidence; }
    public Instant getFiledAt() { return filedAt; }
    public void setFiledAt(Instant filedAt) { this.filedAt = filedAt; }
    public Instant getAnswerDue() { return answerDue; }
    public void setAnswerDue(Instant answerDue) { this.answerDue = answerDue; }
    public String getAnswer() { return answer; }
    public void setAnswer(String answer) { this.answer = answer; }
    public String getAnsweredBy() { return answeredBy; }
    public void setAnsweredBy(String answeredBy) { this.answeredBy = answeredBy; }
    public Instant getAnsweredAt() { return answeredAt; }
    public void setAnsweredAt(Instant answeredAt) { this.answeredAt = answeredAt; }
    public String getComplaint() { return complaint; }
    public void setComplaint(String complaint) { this.complaint = complaint; }
    public Instant getComplaintFiledAt() { return complaintFiledAt; }
    public void setComplaintFiledAt(Instant complaintFiledAt) { this.complaintFiledAt = complaintFiledAt; }
    public Instant getComplaintUntil() { return complaintUntil; }
    public void setComplaintUntil(Instant complaintUntil) { this.complaintUntil = complaintUntil; }
    public Instant getDecisionDue() { return decisionDue; }
    public void setDecisionDue(Instant decisionDue) { this.decisionDue = decisionDue; }
    public String getDecision() { return decision; }
    public void setDecision(String decision) { this.decision = decision; }
    public String getDecisionReason() { return decisionReason; }
    public void setDecisionReason(String decisionReason) { this.decisionReason = decisionReason; }
    public String getDecidedBy() { return decidedBy; }
    public void setDecidedBy(String decidedBy) { this.decidedBy = decidedBy; }
    public Instant getDecidedAt() { return decidedAt; }
    public void setDecidedAt(Instant decidedAt) { this.decidedAt = decidedAt; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getProcessInstanceId() { return processInstanceId; }
    public void setProcessInstanceId(String processInstanceId) { this.processInstanceId = processInstanceId; }
}
