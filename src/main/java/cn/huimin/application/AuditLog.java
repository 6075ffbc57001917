package cn.huimin.application;

import cn.huimin.domain.model.audit.AuditChain;
import cn.huimin.domain.model.audit.AuditEntry;
import cn.huimin.domain.model.audit.AuditHead;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * Writes the hash-chained audit trail. Writers only insert; the chainer links committed entries after the head row,
 * which it locks, so entries get consecutive numbers and each links to the one before, on one node or many.
 */
@Stateless
public class AuditLog {
    private static final Jsonb JSON = JsonbBuilder.create();

    @PersistenceContext
    EntityManager em;

    @jakarta.annotation.Resource
    jakarta.ejb.SessionContext ctx;

    /** Records a state change inside the caller's transaction: it commits or rolls back with the change. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void record(String actor, String action, String entityType, Object entityId, Map<String, ?> before,
                       Map<String, ?> after) {
        append(actor, action, entityType, entityId, before, after);
    }

    /** Records an event that must stay even when the caller's transaction rolls back (refusals, logins). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordAlone(String actor, String action, String entityType, Object entityId, Map<String, ?> details) {
        append(actor, action, entityType, entityId, null, details);
    }

    /**
     * Writes one entry, not yet linked: no lock is taken, so writers never wait for each other (a chain head locked by
     * every writer until its commit made all writing transactions, large uploads included, queue behind one another).
     * {@link #chainPending()} gives entries their sequence numbers and hashes, in the order their rows were inserted,
     * within about a second of their commit; every reader of the trail links what is pending first.
     */
    private void append(String actor, String action, String entityType, Object entityId, Map<String, ?> before,
                        Map<String, ?> after) {
        AuditEntry e = new AuditEntry();
        e.setAt(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        e.setActor(actor == null ? "anonymous" : actor);
        e.setAction(action);
        e.setEntityType(entityType);
        e.setEntityId(entityId == null ? null : String.valueOf(entityId));
        e.setBeforeState(toJson(before));
        e.setAfterState(toJson(after));
        em.persist(e);
    }

    /**
     * Links the committed entries that have no sequence number yet, oldest row first, after the head of the chain.
     * The head row is read and locked in one statement (SELECT ... FOR UPDATE), so two chainers (two nodes) take turns
     * and each sees what the other committed; the head is written back with plain SQL, never through a cached entity.
     *
     * @return how many entries were linked
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int chainPending() {
        // readers call this before every read: without pending entries, take no lock
        if (em.createQuery("select a.id from AuditEntry a where a.seq is null", Long.class).setMaxResults(1).getResultList().isEmpty()) {
            return 0;
        }
        Object[] head = (Object[]) em.createNativeQuery("select last_seq, last_hash from audit_head where id = 1 for update")
                .getSingleResult();
        long seq = ((Number) head[0]).longValue();
        String prev = (String) head[1];
        int linked = 0;
        while (true) {
            List<AuditEntry> pending = em.createQuery("select a from AuditEntry a where a.seq is null order by a.id", AuditEntry.class)
                    .setMaxResults(500).getResultList();
            if (pending.isEmpty()) {
                break;
            }
            for (AuditEntry e : pending) {
                e.setSeq(++seq);
                e.setPrevHash(prev);
                e.setHash(AuditChain.hashOf(e));
                prev = e.getHash();
            }
            linked += pending.size();
            em.flush();
            em.clear();
            if (pending.size() < 500 || linked >= 20_000) {
                break;
            }
        }
        if (linked > 0) {
            em.createNativeQuery("update audit_head set last_seq = ?1, last_hash = ?2 where id = 1")
                    .setParameter(1, seq).setParameter(2, prev).executeUpdate();
        }
        return linked;
    }

    /** Links what is pending before a read, so that readers see every committed entry in the chain. */
    private void linkPending() {
        try {
            ctx.getBusinessObject(AuditLog.class).chainPending();
        } catch (RuntimeException e) {
            // another chainer linked the same entries at the same moment (the unique sequence refused the second):
            // what it linked is there; the reader goes on, the chainer links anything left within a second
            java.util.logging.Logger.getLogger(AuditLog.class.getName()).log(java.util.logging.Level.FINE, "audit chain busy", e);
        }
    }

    private static String toJson(Map<String, ?> state) {
        if (state == null) {
            return null;
        }
        String json = JSON.toJson(state);
        if (json.length() <= 8000) {
            return json;
        }
        // too long for the column: a valid JSON summary that still fingerprints the whole state
        Map<String, Object> cut = new java.util.LinkedHashMap<>();
        cut.put("truncated", true);
        cut.put("length", json.length());
        cut.put("sha256", cn.huimin.domain.shared.Envelope.sha256Hex(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        cut.put("start", json.substring(0, 3000));
        return JSON.toJson(cut);
    }

    public List<AuditEntry> forEntity(String entityType, Object entityId) {
        linkPending();
        return em.createQuery("select a from AuditEntry a where a.entityType = :t and a.entityId = :i order by a.seq",
                        AuditEntry.class)
                .setParameter("t", entityType).setParameter("i", String.valueOf(entityId))
                .setMaxResults(500).getResultList();
    }

    public List<AuditEntry> page(int first, int size) {
        linkPending();
        return em.createQuery("select a from AuditEntry a order by a.seq desc", AuditEntry.class)
                .setFirstResult(first).setMaxResults(size).getResultList();
    }

    public long count() {
        linkPending();
        return em.createQuery("select h.lastSeq from AuditHead h where h.id = 1", Long.class).getSingleResult();
    }

    /** Reads the whole chain in batches and checks every link, holding one batch in memory at a time. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Verification verify() {
        linkPending();
        AuditHead head = em.find(AuditHead.class, 1);
        long headSeq = head.getLastSeq();
        String headHash = head.getLastHash();
        AuditChain.Checker checker = new AuditChain.Checker();
        long after = 0;
        boolean going = true;
        while (going) {
            List<AuditEntry> batch = em.createQuery("select a from AuditEntry a where a.seq > :s order by a.seq",
                    AuditEntry.class).setParameter("s", after).setMaxResults(2000).getResultList();
            if (batch.isEmpty()) {
                break;
            }
            for (AuditEntry e : batch) {
                if (!checker.accept(e)) {
                    going = false;
                    break;
                }
            }
            after = batch.get(batch.size() - 1).getSeq();
            em.clear();
        }
        AuditChain.Break b = checker.finish(headSeq, headHash);
        return new Verification(b == null, checker.checked(), b == null ? null : b.seq(), b == null ? null : b.kind());
    }

    public static final class Verification {
        private final boolean intact;
        private final long checked;
        private final Long brokenAt;
        private final String damage;

        public Verification(boolean intact, long checked, Long brokenAt, String damage) {
            this.intact = intact;
            this.checked = checked;
            this.brokenAt = brokenAt;
            this.damage = damage;
        }

        public boolean isIntact() { return intact; }
        public long getChecked() { return checked; }
        public Long getBrokenAt() { return brokenAt; }
        public String getDamage() { return damage; }
    }
}
