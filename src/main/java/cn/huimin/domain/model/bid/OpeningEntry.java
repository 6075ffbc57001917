package cn.huimin.domain.model.bid;

import jakarta.persistence.*;
import java.math.BigDecimal;
import java.time.Instant;

/** One line of the public opening record: a bidder, its price, its security and whether the bid is valid. */
@Entity
@Table(name = "opening_entry")
public class OpeningEntry {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "tender_id")
    private Long tenderId;
    @Column(name = "lot_id")
    private Long lotId;
    @Column(name = "lot_no")
    private int lotNo;
    @Column(name = "vendor_id")
    private Long vendorId;
    @Column(name = "bid_id")
    private Long bidId;
    @Column(name = "vendor_name")
    private String vendorName;
    private BigDecimal price;
    @Column(name = "security_status")
    private String securityStatus;
    private boolean valid;
    @Column(name = "invalid_reason")
    private String invalidReason;
    @Column(name = "hash_verified")
    private boolean hashVerified;
    @Column(name = "submitted_at")
    private Instant submittedAt;

    public Long getId() { return id; }
    public Long getTenderId() { return tenderId; }
    public void setTenderId(Long tenderId) { this.tenderId = tenderId; }
    public Long getLotId() { return lotId; }
    public void setLotId(Long lotId) { this.lotId = lotId; }
    public int getLotNo() { return lotNo; }
    public void setLotNo(int lotNo) { this.lotNo = lotNo; }
    public Long getVendorId() { return vendorId; }
    public void setVendorId(Long vendorId) { this.vendorId = vendorId; }
    public Long getBidId() { return bidId; }
    public void setBidId(Long bidId) { this.bidId = bidId; }
    public String getVendorName() { return vendorName; }
    public void setVendorName(String vendorName) { this.vendorName = vendorName; }
    public BigDecimal getPrice() { return price; }
    public void setPrice(BigDecimal price) { this.price = price; }
    public String getSecurityStatus() { return securityStatus; }
    public void setSecurityStatus(String securityStatus) { this.securityStatus = securityStatus; }
    public boolean isValid() { return valid; }
    public void setValid(boolean valid) { this.valid = valid; }
    public String getInvalidReason() { return invalidReason; }
    public void setInvalidReason(String invalidReason) { this.invalidReason = invalidReason; }
    public boolean isHashVerified() { return hashVerified; }
    public void setHashVerified(boolean hashVerified) { this.hashVerified = hashVerified; }
    public Instant getSubmittedAt() { return submittedAt; }
    public void setSubmittedAt(Instant submittedAt) { this.submittedAt = submittedAt; }
}
