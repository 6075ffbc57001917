package cn.huimin.domain.model.bid;

import jakarta.persistence.*;
import java.time.Instant;

/**
 * A sealed bid for one lot. Only the sealed content (AES-GCM) is stored. Replacing or withdrawing keeps the row; the
 * current bid of a vendor for a lot is the one whose currentKey is set (unique).
 */
@Entity
@Table(name = "bid")
public class Bid {
    public enum Status { SUBMITTED, REPLACED, WITHDRAWN }

    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "tender_id")
    private Long tenderId;
    @Column(name = "lot_id")
    private Long lotId;
    @Column(name = "vendor_id")
    private Long vendorId;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Column(name = "current_key")
    private String currentKey;
    @Column(name = "idempotency_key")
    private String idempotencyKey;
    @Column(name = "request_hash")
    private String requestHash;
    @Basic(fetch = FetchType.LAZY) @Column(name = "sealed_content")
    private byte[] sealedContent;
    @Column(name = "sealed_hash")
    private String sealedHash;
    @Column(name = "submitted_at")
    private Instant submittedAt;
    @Column(name = "ended_at")
    private Instant endedAt;
    @Column(name = "replaced_by")
    private Long replacedBy;

    public static String currentKey(Long tenderId, Long lotId, Long vendorId) {
        return tenderId + ":" + lotId + ":" + vendorId;
    }

    public Long getId() { return id; }
    public Long getTenderId() { return tenderId; }
    public void setTenderId(Long tenderId) { this.tenderId = tenderId; }
    public Long getLotId() { return lotId; }
    public void setLotId(Long lotId) { this.lotId = lotId; }
    public Long getVendorId() { return vendorId; }
    public void setVendorId(Long vendorId) { this.vendorId = vendorId; }
    public Status getStatus() { return status; }
    public void setStatus(Status status) { this.status = status; }
    public String getCurrentKey() { return currentKey; }
    public void setCurrentKey(String currentKey) { this.currentKey = currentKey; }
    public String getIdempotencyKey() { return idempotencyKey; }
    public void setIdempotencyKey(String idempotencyKey) { this.idempotencyKey = idempotencyKey; }
    public String getRequestHash() { return requestHash; }
    public void setRequestHash(String requestHash) { this.requestHash = requestHash; }
    public byte[] getSealedContent() { return sealedContent; }
    public void setSealedContent(byte[] sealedContent) { this.sealedContent = sealedContent; }
    public String getSealedHash() { return sealedHash; }
    public void setSealedHash(String sealedHash) { this.sealedHash = sealedHash; }
    public Instant getSubmittedAt() { return submittedAt; }
    public void setSubmittedAt(Instant submittedAt) { this.submittedAt = submittedAt; }
    public Instant getEndedAt() { return endedAt; }
    public void setEndedAt(Instant endedAt) { this.endedAt = endedAt; }
    public Long getReplacedBy() { return replacedBy; }
    public void setReplacedBy(Long replacedBy) { this.replacedBy = replacedBy; }
}
