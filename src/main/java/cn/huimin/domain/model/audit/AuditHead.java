package cn.huimin.domain.model.audit;

import jakarta.persistence.*;

/** The single row that points at the end of the audit chain; writers lock it so the chain never forks. */
@Entity
@Table(name = "audit_head")
public class AuditHead {
    @Id
    private Integer id;
    @Column(name = "last_seq")
    private long lastSeq;
    @Column(name = "last_hash")
    private String lastHash;

    public long getLastSeq() { return lastSeq; }
    public void setLastSeq(long lastSeq) { this.lastSeq = lastSeq; }
    public String getLastHash() { return lastHash; }
    public void setLastHash(String lastHash) { this.lastHash = lastHash; }
}
