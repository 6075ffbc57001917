package cn.huimin.domain.model.award;

import jakarta.persistence.*;
import java.math.BigDecimal;
import java.time.Instant;

/** The award of one lot: the winner the officer confirmed (or why none), its public notice and challenge period. */
@Entity
@Table(name = "award")
public class Award {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Version
    private long version;
    @Column(name = "tender_id")
    private Long tenderId;
    @Column(name = "lot_id")
    private Long lotId;
    @Column(name = "lot_no")
    private int lotNo;
    @Column(name = "committee_id")
    private Long committeeId;
    /** For a single-source award: the negotiation it comes from (no committee). */
    @Column(name = "negotiation_id")
    private Long negotiationId;
    private String status;
    @Column(name = "winner_bid_id")
    private Long winnerBidId;
    @Column(name = "winner_vendor_id")
    private Long winnerVendorId;
    @Column(name = "winner_name")
    private String winnerName;
    private BigDecimal price;
    @Column(name = "winner_rank")
    private Integer winnerRank;
    private String reason;
    @Column(name = "confirm_due")
    private Instant confirmDue;
    @Column(name = "confirmed_by")
    private String confirmedBy;
    @Column(name = "confirmed_at")
    private Instant confirmedAt;
    @Column(name = "published_at")
    private Instant publishedAt;
    @Column(name = "challenge_until")
    private Instant challengeUntil;
    @Column(name = "suspended_since")
    private Instant suspendedSince;
    @Column(name = "process_instance_id")
    private String processInstanceId;

    public Long getId() { return id; }
    public long getVersion() { return version; }
    public Long getTenderId() { return tenderId; }
    public void setTenderId(Long tenderId) { this.tenderId = tenderId; }
    public Long getLotId() { return lotId; }
    public void setLotId(Long lotId) { this.lotId = lotId; }
    public int getLotNo() { return lotNo; }
    public void setLotNo(int lotNo) { this.lotNo = lotNo; }
    public Long getCommitteeId() { return committeeId; }
    public void setCommitteeId(Long committeeId) { this.committeeId = committeeId; }
    public Long getNegotiationId() { return negotiationId; }
    public void setNegotiationId(Long negotiationId) { this.negotiationId = negotiationId; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public Long getWinnerBidId() { return winnerBidId; }
    public void setWinnerBidId(Long winnerBidId) { this.winnerBidId = winnerBidId; }
    public Long getWinnerVendorId() { return winnerVendorId; }
    public void setWinnerVendorId(Long winnerVendorId) { this.winnerVendorId = winnerVendorId; }
    public String getWinnerName() { return winnerName; }
    public void setWinnerName(String winnerName) { this.winnerName = winnerName; }
    public BigDecimal getPrice() { return price; }
    public void setPrice(BigDecimal price) { this.price = price; }
    public Integer getWinnerRank() { return winnerRank; }
    public void setWinnerRank(Integer winnerRank) { this.winnerRank = winnerRank; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public Instant getConfirmDue() { return confirmDue; }
    public void setConfirmDue(Instant confirmDue) { this.confirmDue = confirmDue; }
    public String getConfirmedBy() { return confirmedBy; }
    public void setConfirmedBy(String confirmedBy) { this.confirmedBy = confirmedBy; }
    public Instant getConfirmedAt() { return confirmedAt; }
    public void setConfirmedAt(Instant confirmedAt) { this.confirmedAt = confirmedAt; }
    public Instant getPublishedAt() { return publishedAt; }
    public void setPublishedAt(Instant publishedAt) { this.publishedAt = publishedAt; }
    public Instant getChallengeUntil() { return challengeUntil; }
    public void setChallengeUntil(Instant challengeUntil) { this.challengeUntil = challengeUntil; }
    public Instant getSuspendedSince() { return suspendedSince; }
    public void setSuspendedSince(Instant suspendedSince) { this.suspendedSince = suspendedSince; }
    public String getProcessInstanceId() { return processInstanceId; }
    public void setProcessInstanceId(String processInstanceId) { this.processInstanceId = processInstanceId; }
}
