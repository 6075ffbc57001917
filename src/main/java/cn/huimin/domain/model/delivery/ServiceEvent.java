package cn.huimin.domain.model.delivery;

import jakarta.persistence.*;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One delivered event: what, where, when, how many came; verified or disputed by the station staff of the place. */
@Entity
@Table(name = "service_event")
public class ServiceEvent {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "contract_id")
    private Long contractId;
    @Column(name = "place_id")
    private Long placeId;
    @Column(name = "deliverable_type_id")
    private Long deliverableTypeId;
    @Column(name = "event_date")
    private LocalDate eventDate;
    private BigDecimal quantity;
    private int attendance;
    private String notes;
    private String status;
    @Column(name = "reported_by")
    private String reportedBy;
    @Column(name = "reported_at")
    private Instant reportedAt;
    @Column(name = "verified_by")
    private String verifiedBy;
    @Column(name = "verified_at")
    private Instant verifiedAt;
    @Column(name = "dispute_reason")
    private String disputeReason;
    @Column(name = "rating_token")
    private String ratingToken;
    @Column(name = "ratings_close_at")
    private Instant ratingsCloseAt;
    @Version
    private long version;

    public Long getId() { return id; }
    public Long getContractId() { return contractId; }
    public void setContractId(Long contractId) { this.contractId = contractId; }
    public Long getPlaceId() { return placeId; }
    public void setPlaceId(Long placeId) { this.placeId = placeId; }
    public Long getDeliverableTypeId() { return deliverableTypeId; }
    public void setDeliverableTypeId(Long deliverableTypeId) { this.deliverableTypeId = deliverableTypeId; }
    public LocalDate getEventDate() { return eventDate; }
    public void setEventDate(LocalDate eventDate) { this.eventDate = eventDate; }
    public BigDecimal getQuantity() { return quantity; }
    public void setQuantity(BigDecimal quantity) { this.quantity = quantity; }
    public int getAttendance() { return attendance; }
    public void setAttendance(int attendance) { this.attendance = attendance; }
    public String getNotes() { return notes; }
    public void setNotes(String notes) { this.notes = notes; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getReportedBy() { return reportedBy; }
    public void setReportedBy(String reportedBy) { this.reportedBy = reportedBy; }
    public Instant getReportedAt() { return reportedAt; }
    public void setReportedAt(Instant reportedAt) { this.reportedAt = reportedAt; }
    public String getVerifiedBy() { return verifiedBy; }
    public void setVerifiedBy(String verifiedBy) { this.verifiedBy = verifiedBy; }
    public Instant getVerifiedAt() { return verifiedAt; }
    public void setVerifiedAt(Instant verifiedAt) { this.verifiedAt = verifiedAt; }
    public String getDisputeReason() { return disputeReason; }
    public void setDisputeReason(String disputeReason) { this.disputeReason = disputeReason; }
    public String getRatingToken() { return ratingToken; }
    public void setRatingToken(String ratingToken) { this.ratingToken = ratingToken; }
    public Instant getRatingsCloseAt() { return ratingsCloseAt; }
    public void setRatingsCloseAt(Instant ratingsCloseAt) { this.ratingsCloseAt = ratingsCloseAt; }
    public long getVersion() { return version; }
}
