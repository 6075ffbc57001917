package cn.huimin.domain.model.tender;

import jakarta.persistence.*;
import java.io.Serializable;
import java.time.Instant;

/** A vendor's question on a published tender and the purchaser's answer, published to all without the asker. */
@Entity
@Table(name = "enquiry")
public class Enquiry implements Serializable {
    public enum Status { OPEN, ANSWERED }

    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "tender_id")
    private Long tenderId;
    @Column(name = "asked_by")
    private String askedBy;
    private String question;
    @Column(name = "asked_at")
    private Instant askedAt;
    @Column(name = "answer_due")
    private Instant answerDue;
    @Enumerated(EnumType.STRING)
    private Status status;
    private boolean escalated;
    private String answer;
    @Column(name = "answered_by")
    private String answeredBy;
    @Column(name = "answered_at")
    private Instant answeredAt;
    @Column(name = "changes_tender")
    private boolean changesTender;
    @Column(name = "change_id")
    private Long changeId;
    @Column(name = "process_instance_id")
    private String processInstanceId;
    @Version
    private Long version;

    public Long getId() { return id; }
    public Long getTenderId() { return tenderId; }
    public void setTenderId(Long tenderId) { this.tenderId = tenderId; }
    public String getAskedBy() { return askedBy; }
    public void setAskedBy(String askedBy) { this.askedBy = askedBy; }
    public String getQuestion() { return question; }
    public void setQuestion(String question) { this.question = question; }
    public Instant getAskedAt() { return askedAt; }
    public void setAskedAt(Instant askedAt) { this.askedAt = askedAt; }
    public Instant getAnswerDue() { return answerDue; }
    public void setAnswerDue(Instant answerDue) { this.answerDue = answerDue; }
    public Status getStatus() { return status; }
    public void setStatus(Status status) { this.status = status; }
    public boolean isEscalated() { return escalated; }
    public void setEscalated(boolean escalated) { this.escalated = escalated; }
    public String getAnswer() { return answer; }
    public void setAnswer(String answer) { this.answer = answer; }
    public String getAnsweredBy() { return answeredBy; }
    public void setAnsweredBy(String answeredBy) { this.answeredBy = answeredBy; }
    public Instant getAnsweredAt() { return answeredAt; }
    public void setAnsweredAt(Instant answeredAt) { this.answeredAt = answeredAt; }
    public boolean isChangesTender() { return changesTender; }
    public void setChangesTender(boolean changesTender) { this.changesTender = changesTender; }
    public Long getChangeId() { return changeId; }
    public void setChangeId(Long changeId) { this.changeId = changeId; }
    public String getProcessInstanceId() { return processInstanceId; }
    public void setProcessInstanceId(String processInstanceId) { this.processInstanceId = processInstanceId; }
    public Long getVersion() { return version; }
}
