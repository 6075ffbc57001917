package cn.huimin.domain.model.bid;

import jakarta.persistence.*;
import java.time.Instant;

/** A file for a bid, sealed at upload with the tender's data key; its name and type are sealed too. */
@Entity
@Table(name = "bid_attachment")
public class BidAttachment {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "tender_id")
    private Long tenderId;
    @Column(name = "vendor_id")
    private Long vendorId;
    @Column(name = "bid_id")
    private Long bidId;
    @Column(name = "sealed_meta")
    private byte[] sealedMeta;
    @Column(name = "size_bytes")
    private long sizeBytes;
    @Basic(fetch = FetchType.LAZY) @Column(name = "sealed_content")
    private byte[] sealedContent;
    @Column(name = "sealed_sha256")
    private String sealedSha256;
    @Column(name = "uploaded_at")
    private Instant uploadedAt;

    public Long getId() { return id; }
    public Long getTenderId() { return tenderId; }
    public void setTenderId(Long tenderId) { this.tenderId = tenderId; }
    public Long getVendorId() { return vendorId; }
    public void setVendorId(Long vendorId) { this.vendorId = vendorId; }
    public Long getBidId() { return bidId; }
    public void setBidId(Long bidId) { this.bidId = bidId; }
    public byte[] getSealedMeta() { return sealedMeta; }
    public void setSealedMeta(byte[] sealedMeta) { this.sealedMeta = sealedMeta; }
    public long getSizeBytes() { return sizeBytes; }
    public void setSizeBytes(long sizeBytes) { this.sizeBytes = sizeBytes; }
    public byte[] getSealedContent() { return sealedContent; }
    public void setSealedContent(byte[] sealedContent) { this.sealedContent = sealedContent; }
    public String getSealedSha256() { return sealedSha256; }
    public void setSealedSha256(String sealedSha256) { this.sealedSha256 = sealedSha256; }
    public Instant getUploadedAt() { return uploadedAt; }
    public void setUploadedAt(Instant uploadedAt) { this.uploadedAt = uploadedAt; }
}
