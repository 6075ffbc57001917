package cn.huimin.domain.model.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/** The hash rule of the audit chain: each entry's hash covers its fields and its predecessor's hash. */
public final class AuditChain {
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    public static String hash(String prevHash, long seq, Instant at, String actor, String action, String entityType,
                              String entityId, String before, String after) {
        StringBuilder sb = new StringBuilder();
        for (Object part : new Object[]{prevHash, seq, at.toEpochMilli(), actor, action, entityType, entityId, before, after}) {
            String s = Objects.toString(part, "\u2400");
            sb.append(s.length()).append(':').append(s).append('|');
        }
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String hashOf(AuditEntry e) {
        return hash(e.getPrevHash(), e.getSeq(), e.getAt(), e.getActor(), e.getAction(), e.getEntityType(),
                e.getEntityId(), e.getBeforeState(), e.getAfterState());
    }

    /** Checks entries in sequence order; returns null when intact, else a description of the first break. */
    public static Break check(Iterable<AuditEntry> entriesInOrder, long headSeq, String headHash) {
        Checker checker = new Checker();
        for (AuditEntry e : entriesInOrder) {
            if (!checker.accept(e)) {
                return checker.broken();
            }
        }
        return checker.finish(headSeq, headHash);
    }

    /** Checks a chain piece by piece, so that a long chain need not be held in memory. */
    public static final class Checker {
        private String prev = GENESIS;
        private long expectedSeq = 1;
        private Break broken;

        /** @return false once the chain is broken */
        public boolean accept(AuditEntry e) {
            if (broken != null) {
                return false;
            }
            if (e.getSeq() == null || e.getSeq() != expectedSeq) {
                broken = new Break(expectedSeq, "MISSING");
            } else if (!prev.equals(e.getPrevHash())) {
                broken = new Break(e.getSeq(), "LINK");
            } else if (!hashOf(e).equals(e.getHash())) {
                broken = new Break(e.getSeq(), "CONTENT");
            } else {
                prev = e.getHash();
                expectedSeq++;
            }
            return broken == null;
        }

        public long checked() {
            return expectedSeq - 1;
        }

        public Break broken() {
            return broken;
        }

        /** The final verdict, comparing the end of the chain with the head row. */
        public Break finish(long headSeq, String headHash) {
            if (broken != null) {
                return broken;
            }
            if (expectedSeq - 1 != headSeq || !prev.equals(headHash)) {
                return new Break(expectedSeq, "TRUNCATED");
            }
            return null;
        }
    }

    /** Where the chain breaks: the sequence number and the kind of damage (MISSING, LINK, CONTENT, TRUNCATED). */
    public record Break(long seq, String kind) {
    }
}
