package cn.huimin.domain.model.contract;

import jakarta.persistence.*;
import java.math.BigDecimal;
import java.time.Instant;

/** A supplementary agreement adding to the contract amount (GPL 49: at most 10% in total). */
@Entity
@Table(name = "contract_supplement")
public class Supplement {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "contract_id")
    private Long contractId;
    private BigDecimal amount;
    private String reason;
    private String status;
    @Column(name = "proposed_by")
    private String proposedBy;
    @Column(name = "proposed_at")
    private Instant proposedAt;
    @Column(name = "vendor_signed_by")
    private String vendorSignedBy;
    @Column(name = "vendor_signed_at")
    private Instant vendorSignedAt;
    @Version
    private long version;

    public Long getId() { return id; }
    public Long getContractId() { return contractId; }
    public void setContractId(Long contractId) { this.contractId = contractId; }
    public BigDecimal getAmount() { return amount; }
    public void setAmount(BigDecimal amount) { this.amount = amount; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public String getProposedBy() { return proposedBy; }
    public void setProposedBy(String proposedBy) { this.proposedBy = proposedBy; }
    public Instant getProposedAt() { return proposedAt; }
    public void setProposedAt(Instant proposedAt) { this.proposedAt = proposedAt; }
    public String getVendorSignedBy() { return vendorSignedBy; }
    public void setVendorSignedBy(String vendorSignedBy) { this.vendorSignedBy = vendorSignedBy; }
    public Instant getVendorSignedAt() { return vendorSignedAt; }
    public void setVendorSignedAt(Instant vendorSignedAt) { this.vendorSignedAt = vendorSignedAt; }
    public long getVersion() { return version; }
}
