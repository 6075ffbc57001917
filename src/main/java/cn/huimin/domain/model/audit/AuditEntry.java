package cn.huimin.domain.model.audit;

import jakarta.persistence.*;
import java.time.Instant;

/**
 * One link of the audit chain. Its hash covers its content and the previous entry's hash. An entry is written without
 * seq and hashes; the chainer links it within about a second (see AuditLog.chainPending).
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry implements java.io.Serializable {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long seq;
    @Column(name = "at_time")
    private Instant at;
    private String actor;
    private String action;
    @Column(name = "entity_type")
    private String entityType;
    @Column(name = "entity_id")
    private String entityId;
    @Column(name = "before_state")
    private String beforeState;
    @Column(name = "after_state")
    private String afterState;
    @Column(name = "prev_hash")
    private String prevHash;
    private String hash;

    public Long getSeq() { return seq; }
    public void setSeq(Long seq) { this.seq = seq; }
    public Instant getAt() { return at; }
    public void setAt(Instant at) { this.at = at; }
    public String getActor() { return actor; }
    public void setActor(String actor) { this.actor = actor; }
    public String getAction() { return action; }
    public void setAction(String action) { this.action = action; }
    public String getEntityType() { return entityType; }
    public void setEntityType(String entityType) { this.entityType = entityType; }
    public String getEntityId() { return entityId; }
    public void setEntityId(String entityId) { this.entityId = entityId; }
    public String getBeforeState() { return beforeState; }
    public void setBeforeState(String beforeState) { this.beforeState = beforeState; }
    public String getAfterState() { return afterState; }
    public void setAfterState(String afterState) { this.afterState = afterState; }
    public String getPrevHash() { return prevHash; }
    public void setPrevHash(String prevHash) { this.prevHash = prevHash; }
    public String getHash() { return hash; }
    public void setHash(String hash) { this.hash = hash; }
    public Long getId() { return id; }
}
