package cn.huimin.domain.model.audit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit hash chain: each entry's hash covers its fields and the previous hash; the head points at the end. */
class AuditChainTest {

    private static final Instant T0 = Instant.parse("2026-12-01T02:00:00Z");

    /** Appends one entry the way the audit log does: seq = last + 1, prevHash = last hash, hash by the rule. */
    private static AuditEntry append(List<AuditEntry> chain, String actor, String action, String entityType,
                                     String entityId, String before, String after) {
        AuditEntry e = new AuditEntry();
        e.setSeq(chain.size() + 1L);
        e.setAt(T0.plusSeconds(60L * chain.size()));
        e.setActor(actor);
        e.setAction(action);
        e.setEntityType(entityType);
        e.setEntityId(entityId);
        e.setBeforeState(before);
        e.setAfterState(after);
        e.setPrevHash(chain.isEmpty() ? AuditChain.GENESIS : chain.get(chain.size() - 1).getHash());
        e.setHash(AuditChain.hashOf(e));
        chain.add(e);
        return e;
    }

    /** Five entries; some fields are null, as in real rows (no before state on creation). */
    private static List<AuditEntry> chain() {
        List<AuditEntry> c = new ArrayList<>();
        append(c, "officer1", "LOGIN", "user", "7", null, null);
        append(c, "officer1", "TENDER_CREATED", "tender", "42", null, "{\"title\":\"文化管家\"}");
        append(c, "officer1", "TENDER_UPDATED", "tender", "42", "{\"budget\":\"288000.00\"}", "{\"budget\":\"280000.00\"}");
        append(c, "head1", "TENDER_APPROVED", "tender", "42", "{\"status\":\"PENDING\"}", "{\"status\":\"APPROVED\"}");
        append(c, "system", "TENDER_PUBLISHED", "tender", "42", "{\"status\":\"APPROVED\"}", "{\"status\":\"PUBLISHED\"}");
        return c;
    }

    private static AuditChain.Break check(List<AuditEntry> c) {
        AuditEntry last = c.get(c.size() - 1);
        return AuditChain.check(c, last.getSeq(), last.getHash());
    }

    private static AuditChain.Break check(List<AuditEntry> c, AuditEntry head) {
        return AuditChain.check(c, head.getSeq(), head.getHash());
    }

    // ---------------------------------------------------------------- hash rule

    @Test
    void hashIsLowerCaseHexSha256AndDeterministic() {
        String h = AuditChain.hash(AuditChain.GENESIS, 1, T0, "a", "b", "c", "d", null, "e");
        assertThat(h).hasSize(64).matches("[0-9a-f]{64}");
        assertThat(AuditChain.hash(AuditChain.GENESIS, 1, T0, "a", "b", "c", "d", null, "e")).isEqualTo(h);
        assertThat(AuditChain.GENESIS).isEqualTo("0".repeat(64));
    }

    @Test
    void hashChangesWithEveryField() {
        String base = AuditChain.hash(AuditChain.GENESIS, 1, T0, "a", "b", "c", "d", "x", "y");
        assertThat(List.of(
                AuditChain.hash("1" + AuditChain.GENESIS.substring(1), 1, T0, "a", "b", "c", "d", "x", "y"),
                AuditChain.hash(AuditChain.GENESIS, 2, T0, "a", "b", "c", "d", "x", "y"),
                AuditChain.hash(AuditChain.GENESIS, 1, T0.plusMillis(1), "a", "b", "c", "d", "x", "y"),
                AuditChain.hash(AuditChain.GENESIS, 1, T0, "A", "b", "c", "d", "x", "y"),
                AuditChain.hash(AuditChain.GENESIS, 1, T0, "a", "B", "c", "d", "x", "y"),
                AuditChain.hash(AuditChain.GENESIS, 1, T0, "a", "b", "C", "d", "x", "y"),
                AuditChain.hash(AuditChain.GENESIS, 1, T0, "a", "b", "c", "D", "x", "y"),
                AuditChain.hash(AuditChain.GENESIS, 1, T0, "a", "b", "c", "d", "X", "y"),
                AuditChain.hash(AuditChain.GENESIS, 1, T0, "a", "b", "c", "d", "x", "Y")))
                .doesNotContain(base)
                .doesNotHaveDuplicates();
    }

    @Test
    void fieldBoundariesCannotBeShifted() {
        // "ab"|"c" and "a"|"bc" concatenate to the same text: the length prefixes keep them apart
        assertThat(AuditChain.hash(AuditChain.GENESIS, 1, T0, "ab", "c", "t", "1", null, null))
                .isNotEqualTo(AuditChain.hash(AuditChain.GENESIS, 1, T0, "a", "bc", "t", "1", null, null));
        assertThat(AuditChain.hash(AuditChain.GENESIS, 1, T0, "a|", "b", "t", "1", null, null))
                .isNotEqualTo(AuditChain.hash(AuditChain.GENESIS, 1, T0, "a", "|b", "t", "1", null, null));
        // null and empty are different
        assertThat(AuditChain.hash(AuditChain.GENESIS, 1, T0, "a", "b", "t", "1", null, null))
                .isNotEqualTo(AuditChain.hash(AuditChain.GENESIS, 1, T0, "a", "b", "t", "1", "", null));
        // moving a value from "before" to "after" is a change
        assertThat(AuditChain.hash(AuditChain.GENESIS, 1, T0, "a", "b", "t", "1", "s", null))
                .isNotEqualTo(AuditChain.hash(AuditChain.GENESIS, 1, T0, "a", "b", "t", "1", null, "s"));
    }

    @Test
    void hashOfUsesTheEntrysFields() {
        AuditEntry e = chain().get(2);
        assertThat(AuditChain.hashOf(e)).isEqualTo(AuditChain.hash(e.getPrevHash(), 3, e.getAt(), "officer1",
                "TENDER_UPDATED", "tender", "42", "{\"budget\":\"288000.00\"}", "{\"budget\":\"280000.00\"}"));
    }

    // ---------------------------------------------------------------- intact chains

    @Test
    void intactChainHasNoBreak() {
        assertThat(check(chain())).isNull();
    }

    @Test
    void chainOfOneEntryHasNoBreak() {
        List<AuditEntry> c = new ArrayList<>();
        append(c, "admin", "LOGIN", "user", "1", null, null);
        assertThat(check(c)).isNull();
    }

    @Test
    void emptyChainWithAnEmptyHeadHasNoBreak() {
        assertThat(AuditChain.check(List.of(), 0, AuditChain.GENESIS)).isNull();
    }

    // ---------------------------------------------------------------- damage

    @Test
    void firstEntryMustStartFromGenesis() {
        List<AuditEntry> c = new ArrayList<>();
        AuditEntry e = append(c, "admin", "LOGIN", "user", "1", null, null);
        e.setPrevHash("f".repeat(64));
        e.setHash(AuditChain.hashOf(e)); // even consistently re-hashed
        assertThat(check(c)).isEqualTo(new AuditChain.Break(1, "LINK"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"at", "actor", "action", "entityType", "entityId", "before", "after", "beforeToNull"})
    void editedFieldIsContentDamage(String field) {
        List<AuditEntry> c = chain();
        AuditEntry head = c.get(4);
        AuditEntry third = c.get(2);
        Consumer<AuditEntry> edit = switch (field) {
            case "at" -> e -> e.setAt(e.getAt().minusSeconds(3600));
            case "actor" -> e -> e.setActor("admin");
            case "action" -> e -> e.setAction("TENDER_VIEWED");
            case "entityType" -> e -> e.setEntityType("user");
            case "entityId" -> e -> e.setEntityId("43");
            case "before" -> e -> e.setBeforeState("{\"budget\":\"999999.00\"}");
            case "after" -> e -> e.setAfterState("{\"budget\":\"1.00\"}");
            case "beforeToNull" -> e -> e.setBeforeState(null);
            default -> throw new IllegalArgumentException(field);
        };
        edit.accept(third);
        assertThat(check(c, head)).isEqualTo(new AuditChain.Break(3, "CONTENT"));
    }

    @Test
    void editedStoredHashIsDetected() {
        List<AuditEntry> c = chain();
        c.get(4).setHash("a".repeat(64));
        assertThat(AuditChain.check(c, 5, "a".repeat(64))).isEqualTo(new AuditChain.Break(5, "CONTENT"));
    }

    @Test
    void deletedMiddleRowIsMissing() {
        List<AuditEntry> c = chain();
        AuditEntry head = c.get(4);
        c.remove(2); // seq 3
        assertThat(check(c, head)).isEqualTo(new AuditChain.Break(3, "MISSING"));
    }

    @Test
    void deletedFirstRowIsMissing() {
        List<AuditEntry> c = chain();
        AuditEntry head = c.get(4);
        c.remove(0);
        assertThat(check(c, head)).isEqualTo(new AuditChain.Break(1, "MISSING"));
    }

    @Test
    void deletedRowWithSequenceNumbersClosedUpBreaksTheLink() {
        // the forger deletes seq 3 and renumbers 4 and 5 as 3 and 4, without touching the hashes
        List<AuditEntry> c = chain();
        AuditEntry head = c.get(4);
        c.remove(2);
        c.get(2).setSeq(3L);
        c.get(3).setSeq(4L);
        assertThat(check(c, head)).isEqualTo(new AuditChain.Break(3, "LINK"));
    }

    @Test
    void rehashedEditBreaksTheLinkOfTheNextRow() {
        // the forger edits row 3 and recomputes its hash: row 4 still points at the old hash
        List<AuditEntry> c = chain();
        AuditEntry head = c.get(4);
        AuditEntry third = c.get(2);
        third.setAfterState("{\"budget\":\"1.00\"}");
        third.setHash(AuditChain.hashOf(third));
        assertThat(check(c, head)).isEqualTo(new AuditChain.Break(4, "LINK"));
    }

    @Test
    void relinkedRowIsLinkDamage() {
        // row 4 is pointed at row 2 instead of row 3 (and consistently re-hashed)
        List<AuditEntry> c = chain();
        AuditEntry head = c.get(4);
        AuditEntry fourth = c.get(3);
        fourth.setPrevHash(c.get(1).getHash());
        fourth.setHash(AuditChain.hashOf(fourth));
        assertThat(check(c, head)).isEqualTo(new AuditChain.Break(4, "LINK"));
    }

    @Test
    void deletedLastRowIsTruncatedAgainstTheHead() {
        List<AuditEntry> c = chain();
        AuditEntry head = c.get(4);
        c.remove(4);
        assertThat(check(c, head)).isEqualTo(new AuditChain.Break(5, "TRUNCATED"));
    }

    @Test
    void everyRowDeletedIsTruncated() {
        List<AuditEntry> c = chain();
        AuditEntry head = c.get(4);
        assertThat(AuditChain.check(List.of(), head.getSeq(), head.getHash())).isEqualTo(new AuditChain.Break(1, "TRUNCATED"));
    }

    @Test
    void headWithAnotherHashIsTruncated() {
        List<AuditEntry> c = chain();
        assertThat(AuditChain.check(c, 5, "b".repeat(64))).isEqualTo(new AuditChain.Break(6, "TRUNCATED"));
    }

    @Test
    void headBehindTheChainIsDetected() {
        // a row appended without moving the head (e.g. inserted behind the writer's lock)
        List<AuditEntry> c = chain();
        AuditEntry head = c.get(4);
        append(c, "intruder", "TENDER_UPDATED", "tender", "42", null, "{}");
        assertThat(check(c, head)).isEqualTo(new AuditChain.Break(7, "TRUNCATED"));
    }

    @Test
    void rewrittenTailIsDetectedOnlyByTheHead() {
        // the forger rewrites rows 3..5 and re-hashes all of them: every link is consistent, the head is not
        List<AuditEntry> c = chain();
        AuditEntry head = c.get(4);
        List<AuditEntry> forged = new ArrayList<>(c.subList(0, 2));
        append(forged, "officer1", "TENDER_UPDATED", "tender", "42", "{\"budget\":\"288000.00\"}", "{\"budget\":\"1.00\"}");
        append(forged, "head1", "TENDER_APPROVED", "tender", "42", "{\"status\":\"PENDING\"}", "{\"status\":\"APPROVED\"}");
        append(forged, "system", "TENDER_PUBLISHED", "tender", "42", "{\"status\":\"APPROVED\"}", "{\"status\":\"PUBLISHED\"}");
        assertThat(check(forged)).isNull(); // consistent in itself
        assertThat(check(forged, head)).isEqualTo(new AuditChain.Break(6, "TRUNCATED"));
    }

    @Test
    void reorderedRowsAreDetected() {
        List<AuditEntry> c = chain();
        AuditEntry head = c.get(4);
        Collections.swap(c, 1, 2); // order 1, 3, 2, 4, 5
        assertThat(check(c, head)).isEqualTo(new AuditChain.Break(2, "MISSING"));
    }

    @Test
    void reorderedRowsWithSwappedSequenceNumbersAreDetected() {
        // the forger swaps rows 2 and 3 and swaps their seq values too
        List<AuditEntry> c = chain();
        AuditEntry head = c.get(4);
        Collections.swap(c, 1, 2);
        c.get(1).setSeq(2L);
        c.get(2).setSeq(3L);
        AuditChain.Break b = check(c, head);
        assertThat(b).isNotNull();
        assertThat(b.seq()).isEqualTo(2);
        assertThat(b.kind()).isIn("LINK", "CONTENT");
    }

    @Test
    void reversedChainIsDetected() {
        List<AuditEntry> c = chain();
        AuditEntry head = c.get(4);
        Collections.reverse(c);
        assertThat(check(c, head)).isEqualTo(new AuditChain.Break(1, "MISSING"));
    }

    @Test
    void duplicatedRowIsDetected() {
        List<AuditEntry> c = chain();
        AuditEntry head = c.get(4);
        c.add(2, c.get(1)); // seq 2 twice
        assertThat(check(c, head)).isEqualTo(new AuditChain.Break(3, "MISSING"));
    }

    @Test
    void firstBreakIsReported() {
        List<AuditEntry> c = chain();
        AuditEntry head = c.get(4);
        c.get(1).setActor("x");  // CONTENT at 2
        c.remove(3);             // MISSING at 4
        assertThat(check(c, head)).isEqualTo(new AuditChain.Break(2, "CONTENT"));
    }
}
