package cn.huimin.domain.model.singlesource;

import jakarta.persistence.*;
import java.time.Instant;
import java.time.LocalDate;

/** The purchaser's negotiation with the single-source supplier: the team, the minutes, the agreed price per lot (NegotiationPrice); the supplier confirms it, the head approves it. */
@Entity
@Table(name = "negotiation")
public class Negotiation {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Version
    private Long version;
    @Column(name = "tender_id")
    private Long tenderId;
    @Column(name = "vendor_id")
    private Long vendorId;
    private String status;
    private String team;
    private String minutes;
    @Column(name = "negotiated_on")
    private LocalDate negotiatedOn;
    @Column(name = "recorded_by")
    private String recordedBy;
    @Column(name = "recorded_at")
    private Instant recordedAt;
    @Column(name = "vendor_comment")
    private String vendorComment;
    @Column(name = "vendor_decided_at")
    private Instant vendorDecidedAt;
    @Column(name = "decided_by")
    private String decidedBy;
    @Column(name = "decided_at")
    private Instant decidedAt;
    @Column(name = "decision_comment")
    private String decisionComment;

    public Long getId() { return id; }
    public Long getVersion() { return version; }
    public Long getTenderId() { return tenderId; }
    public void setTenderId(Long tenderId) { this.tenderId = tenderId; }
    public Long getVendorId() { return vendorId; }
    public void setVendorId(Long vendorId) { this.vendorId = vendorId; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getTeam() { return team; }
    public void setTeam(String team) { this.team = team; }
    public String getMinutes() { return minutes; }
    public void setMinutes(String minutes) { this.minutes = minutes; }
    public LocalDate getNegotiatedOn() { return negotiatedOn; }
    public void setNegotiatedOn(LocalDate negotiatedOn) { this.negotiatedOn = negotiatedOn; }
    public String getRecordedBy() { return recordedBy; }
    public void setRecordedBy(String recordedBy) { this.recordedBy = recordedBy; }
    public Instant getRecordedAt() { return recordedAt; }
    public void setRecordedAt(Instant recordedAt) { this.recordedAt = recordedAt; }
    public String getVendorComment() { return vendorComment; }
    public void setVendorComment(String vendorComment) { this.vendorComment = vendorComment; }
    public Instant getVendorDecidedAt() { return vendorDecidedAt; }
    public void setVendorDecidedAt(Instant vendorDecidedAt) { this.vendorDecidedAt = vendorDecidedAt; }
    public String getDecidedBy() { return decidedBy; }
    public void setDecidedBy(String decidedBy) { this.decidedBy = decidedBy; }
    public Instant getDecidedAt() { return decidedAt; }
    public void setDecidedAt(Instant decidedAt) { this.decidedAt = decidedAt; }
    public String getDecisionComment() { return decisionComment; }
    public void setDecisionComment(String decisionComment) { this.decisionComment = decisionComment; }
}
