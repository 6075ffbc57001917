package cn.huimin.domain.model.bid;

import jakarta.persistence.*;
import java.time.Instant;

/** The per-tender data key, stored only wrapped by the master key. */
@Entity
@Table(name = "tender_key")
public class TenderKey {
    @Id @Column(name = "tender_id")
    private Long tenderId;
    @Column(name = "wrapped_key")
    private byte[] wrappedKey;
    @Column(name = "master_fingerprint")
    private String masterFingerprint;
    @Column(name = "created_at")
    private Instant createdAt;

    public Long getTenderId() { return tenderId; }
    public void setTenderId(Long tenderId) { this.tenderId = tenderId; }
    public byte[] getWrappedKey() { return wrappedKey; }
    public void setWrappedKey(byte[] wrappedKey) { this.wrappedKey = wrappedKey; }
    public String getMasterFingerprint() { return masterFingerprint; }
    public void setMasterFingerprint(String masterFingerprint) { this.masterFingerprint = masterFingerprint; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
}
