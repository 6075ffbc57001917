package cn.huimin.domain.model.bid;

import jakarta.persistence.*;
import java.time.Instant;

/** The opening of a tender: when it ran, against which deadline, how many lots failed, and the officer's signature. */
@Entity
@Table(name = "opening")
public class Opening {
    @Id @Column(name = "tender_id")
    private Long tenderId;
    @Column(name = "opened_at")
    private Instant openedAt;
    private Instant deadline;
    @Column(name = "valid_lots")
    private int validLots;
    @Column(name = "failed_lots")
    private int failedLots;
    @Column(name = "signed_by")
    private String signedBy;
    @Column(name = "signed_at")
    private Instant signedAt;
    @Column(name = "proposal_comment")
    private String proposalComment;
    @Column(name = "decision_comment")
    private String decisionComment;

    public Long getTenderId() { return tenderId; }
    public void setTenderId(Long tenderId) { this.tenderId = tenderId; }
    public Instant getOpenedAt() { return openedAt; }
    public void setOpenedAt(Instant openedAt) { this.openedAt = openedAt; }
    public Instant getDeadline() { return deadline; }
    public void setDeadline(Instant deadline) { this.deadline = deadline; }
    public int getValidLots() { return validLots; }
    public void setValidLots(int validLots) { this.validLots = validLots; }
    public int getFailedLots() { return failedLots; }
    public void setFailedLots(int failedLots) { this.failedLots = failedLots; }
    public String getSignedBy() { return signedBy; }
    public void setSignedBy(String signedBy) { this.signedBy = signedBy; }
    public Instant getSignedAt() { return signedAt; }
    public void setSignedAt(Instant signedAt) { this.signedAt = signedAt; }
    public String getProposalComment() { return proposalComment; }
    public void setProposalComment(String proposalComment) { this.proposalComment = proposalComment; }
    public String getDecisionComment() { return decisionComment; }
    public void setDecisionComment(String decisionComment) { this.decisionComment = decisionComment; }
}
