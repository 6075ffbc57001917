package cn.huimin.it;

import static cn.huimin.it.ApiCalls.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import cn.huimin.it.ApiCalls.Answer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sealed bidding end to end over REST on PostgreSQL: an open tender in two lots with bid security, security recorded
 * by vendors and confirmed by finance, sealed attachments and bids with an Idempotency-Key (repeated, reused,
 * concurrent), replacement and withdrawal, refusals that store nothing, nobody reading bid content before the
 * opening, then the deadline passing and the public opening record with its signature and the failed lot.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SealedBiddingIT {
    /** Proposal texts and prices must never be stored or shown in the clear before the opening. */
    private static final String NONCE = Long.toHexString(System.nanoTime());
    private static final String PROPOSAL_MARK = "密封方案-" + NONCE;
    private static final String ATTACHMENT_MARK = "sealed-attachment-" + NONCE;
    private static final String HTML_PROPOSAL = "<img src=x onerror=alert(1)> 方案 " + PROPOSAL_MARK;

    private static long tenderId;
    private static long lot1;
    private static long lot2;
    /** Current bids at the opening: vendor → bid id, per lot; and the price each bid carries. */
    private static final Map<String, Long> LOT1 = new LinkedHashMap<>();
    private static final Map<String, Long> LOT2 = new LinkedHashMap<>();
    private static final Map<Long, String> PRICE = new LinkedHashMap<>();
    private static long replacedBid;
    private static long withdrawnBid;
    private static long vendor1Attachment;
    private static long vendor2Attachment;
    private static String vendor2Key;
    private static ObjectNode vendor2Body;
    private static long auditBefore;
    /** Where the audit chain was found broken right after the simultaneous submissions (0: it was not). */
    private static long chainDamagedAt;
    /** vendor2's receipt for lot 1 as the submission answered it (201). */
    private static JsonNode firstReceipt;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.war();
    }

    @ArquillianResource
    URL deployed;

    ApiCalls api;
    BiddingCalls bc;

    @BeforeEach
    void client() {
        api = new ApiCalls(deployed);
        bc = new BiddingCalls(api);
    }

    private static List<String> proposals(String vendor) {
        return List.of("服务方案：每村每月放映一场 " + PROPOSAL_MARK + " " + vendor, "放映设备：数字放映机两套 " + PROPOSAL_MARK);
    }

    private ObjectNode bid(String vendor, long lot, String price, List<Long> attachments) {
        return BiddingCalls.bid(tenderId, lot, price, proposals(vendor), attachments, true);
    }

    private List<JsonNode> bidsOnTender(String vendor) throws Exception {
        return bc.myBids(vendor).stream().filter(b -> b.path("tenderId").asLong() == tenderId).toList();
    }

    // ------------------------------------------------------------------ the tender

    @Test
    @Order(1)
    void anOfficerPublishesATwoLotTenderWithBidSecurity() throws Exception {
        auditBefore = api.auditHead();
        JsonNode t = bc.publish(bc.twoLotTender("2027年东湖西山农村电影放映 两个标段 (IT sealed bidding)"));
        tenderId = t.path("id").asLong();
        assertThat(t.path("lots")).hasSize(2);
        lot1 = t.path("lots").get(0).path("id").asLong();
        lot2 = t.path("lots").get(1).path("id").asLong();
        assertThat(t.path("lots").get(0).path("budgetCeiling").asText()).isEqualTo("300000.00");
        assertThat(t.path("lots").get(1).path("budgetCeiling").asText()).isEqualTo("100000.00");
        assertThat(t.path("bidSecurity").asText()).isEqualTo("4000.00");
        assertThat(t.path("factors")).hasSize(2);
        assertThat(instant(t.path("bidDeadline").asText())).isAfter(Instant.now().plus(Duration.ofDays(10)));
        assertProblem(api.call("GET", "/api/public/tenders/" + tenderId + "/opening", null, null), 404, "opening.notYet");
    }

    // ------------------------------------------------------------------ bid security

    @Test
    @Order(2)
    void vendorsRecordSecurityAndFinanceConfirmsThreeOfThem() throws Exception {
        String today = BiddingCalls.todayInChina().toString();
        assertProblem(security("vendor1", "3999.99", "ICBC-IT-LOW", today), 422, "security.tooLow");
        assertProblem(security("vendor1", "4000.00", "ICBC-IT-FUTURE", BiddingCalls.todayInChina().plusDays(1).toString()), 422,
                "security.paidOnRange");
        assertProblem(security("vendor1", "4000.00", " ", today), 422, "validation.required");
        assertProblem(security("vendor1", "4,000.00", "ICBC-IT-COMMA", today), 422, "money.NOT_A_NUMBER");
        assertProblem(security("vendor1", "4000.00", "ICBC-IT-BADDATE", "2027/01/01"), 422, "validation.badDate");
        assertProblem(security("officer", "4000.00", "ICBC-IT-OFFICER", today), 403);

        Map<String, Long> ids = new LinkedHashMap<>();
        for (String v : List.of("vendor1", "vendor2", "vendor3", "vendor4")) {
            Answer a = security(v, "4000.00", "ICBC-IT-" + v + "-" + NONCE, today);
            assertThat(a.status()).as(a.toString()).isEqualTo(201);
            assertThat(a.json().path("status").asText()).isEqualTo("RECORDED");
            assertThat(a.json().path("amount").asText()).isEqualTo("4000.00");
            ids.put(v, a.json().path("id").asLong());
        }
        assertThat(pendingSecurities()).containsAll(ids.values());
        assertProblem(api.call("GET", "/api/bids/security/pending", "vendor1", null), 403);
        assertProblem(api.call("POST", "/api/bids/security/" + ids.get("vendor1") + "/confirm", "vendor1", null), 403);
        assertProblem(api.call("POST", "/api/bids/security/" + ids.get("vendor1") + "/confirm", "officer", null), 403);

        for (String v : List.of("vendor1", "vendor2", "vendor3")) {
            JsonNode c = api.ok(200, "POST", "/api/bids/security/" + ids.get(v) + "/confirm", "finance", null);
            assertThat(c.path("confirmed").asLong()).isEqualTo(ids.get(v));
        }
        assertProblem(api.call("POST", "/api/bids/security/" + ids.get("vendor1") + "/confirm", "finance", null), 409,
                "security.alreadyConfirmed");
        assertProblem(api.call("POST", "/api/bids/security/999999999/confirm", "finance", null), 404, "security.notFound");
        List<Long> pending = pendingSecurities();
        assertThat(pending).contains(ids.get("vendor4")).doesNotContain(ids.get("vendor1"), ids.get("vendor2"), ids.get("vendor3"));
        // a confirmed payment cannot be recorded over
        assertProblem(security("vendor1", "5000.00", "ICBC-IT-AGAIN", today), 409, "security.alreadyConfirmed");
    }

    private Answer security(String vendor, String amount, String reference, String paidOn) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tenderId", tenderId);
        body.put("amount", amount);
        body.put("bankReference", reference);
        body.put("paidOn", paidOn);
        return api.call("POST", "/api/bids/security", vendor, body);
    }

    private List<Long> pendingSecurities() throws Exception {
        List<Long> out = new ArrayList<>();
        for (JsonNode s : api.get("/api/bids/security/pending?size=200", "finance").path("items")) {
            if (s.path("tenderId").asLong() == tenderId) {
                out.add(s.path("id").asLong());
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ attachments

    @Test
    @Order(3)
    void attachmentsAreCheckedAndSealedOnArrival() throws Exception {
        byte[] pdf = BiddingCalls.pdf("技术方案 " + ATTACHMENT_MARK);
        Answer a = bc.attach("vendor1", tenderId, "proposal.pdf", pdf);
        assertThat(a.status()).as(a.toString()).isEqualTo(201);
        vendor1Attachment = a.json().path("id").asLong();
        assertThat(vendor1Attachment).isPositive();
        assertThat(a.json().path("fileName").asText()).isEqualTo("proposal.pdf");
        assertThat(a.json().path("size").asLong()).isEqualTo(pdf.length);
        assertThat(a.json().path("sha256").asText()).isEqualTo(BiddingCalls.sha256(pdf));

        Answer b = bc.attach("vendor2", tenderId, "报价明细.png", BiddingCalls.png());
        assertThat(b.status()).as(b.toString()).isEqualTo(201);
        vendor2Attachment = b.json().path("id").asLong();

        byte[] html = ("<html><body>" + ATTACHMENT_MARK + "</body></html>").getBytes(StandardCharsets.UTF_8);
        assertProblem(bc.attach("vendor1", tenderId, "proposal.pdf", html), 422, "bidFile.NAME_DOES_NOT_MATCH_CONTENT");
        assertProblem(bc.attach("vendor1", tenderId, "proposal.html", html), 422, "bidFile.TYPE_NOT_ALLOWED");
        assertProblem(bc.attach("vendor1", 999_999_999L, "proposal.pdf", pdf), 404, "tender.notFound");
        assertProblem(bc.attach("officer", tenderId, "proposal.pdf", pdf), 403);

        // stored only as ciphertext: neither the content nor the file name appear in the database
        List<byte[]> sealed = BiddingCalls.blobs("select sealed_content from bid_attachment where tender_id = ?", tenderId);
        List<byte[]> meta = BiddingCalls.blobs("select sealed_meta from bid_attachment where tender_id = ?", tenderId);
        assertThat(sealed).hasSize(2);
        for (byte[] s : sealed) {
            assertThat(BiddingCalls.contains(s, ATTACHMENT_MARK.getBytes(StandardCharsets.UTF_8))).as("attachment content in the clear").isFalse();
            assertThat(BiddingCalls.contains(s, "%PDF-".getBytes(StandardCharsets.US_ASCII))).as("PDF header in the clear").isFalse();
        }
        for (byte[] m : meta) {
            assertThat(BiddingCalls.contains(m, "proposal.pdf".getBytes(StandardCharsets.UTF_8))).as("file name in the clear").isFalse();
            assertThat(BiddingCalls.contains(m, "报价明细".getBytes(StandardCharsets.UTF_8))).as("file name in the clear").isFalse();
        }
    }

    // ------------------------------------------------------------------ refusals

    @Test
    @Order(4)
    void refusedSubmissionsStoreNothing() throws Exception {
        assertThat(vendor1Attachment).isPositive();
        long before = api.get("/api/bids", "vendor2").path("total").asLong();
        long rows = Long.parseLong(BiddingCalls.string("select count(*) from bid where tender_id = ?", tenderId));

        String ceilingKey = BiddingCalls.key("ceiling");
        Answer ceiling = bc.submitBid("vendor2", ceilingKey, bid("vendor2", lot2, "100000.01", List.of()));
        assertProblem(ceiling, 422, "bid.aboveCeiling");
        assertThat(ceiling.json().path("errors").get(0).path("field").asText()).isEqualTo("price");
        assertThat(ceiling.json().path("errors").get(0).path("message").asText()).contains("100,000.00");

        assertProblem(bc.submitBid("vendor2", BiddingCalls.key("comma"), bid("vendor2", lot1, "12,000", List.of())), 422, "money.NOT_A_NUMBER");
        assertProblem(bc.submitBid("vendor2", BiddingCalls.key("decimals"), bid("vendor2", lot1, "12000.001", List.of())), 422,
                "money.TOO_MANY_DECIMALS");
        assertProblem(bc.submitBid("vendor2", BiddingCalls.key("zero"), bid("vendor2", lot1, "0.00", List.of())), 422, "money.NOT_POSITIVE");

        ObjectNode noDeclaration = bid("vendor2", lot1, "250000.00", List.of());
        noDeclaration.put("declaration", false);
        assertProblem(bc.submitBid("vendor2", BiddingCalls.key("nodecl"), noDeclaration), 422, "bid.declarationRequired");
        noDeclaration.remove("declaration");
        assertProblem(bc.submitBid("vendor2", BiddingCalls.key("nodecl2"), noDeclaration), 422, "bid.declarationRequired");

        assertProblem(bc.submitBid("vendor2", BiddingCalls.key("oneprop"),
                BiddingCalls.bid(tenderId, lot1, "250000.00", List.of("只有一项"), List.of(), true)), 422, "bid.proposalPerFactor");
        assertProblem(bc.submitBid("vendor2", BiddingCalls.key("threeprop"),
                BiddingCalls.bid(tenderId, lot1, "250000.00", List.of("一", "二", "三"), List.of(), true)), 422, "bid.proposalPerFactor");
        assertProblem(bc.submitBid("vendor2", BiddingCalls.key("blankprop"),
                BiddingCalls.bid(tenderId, lot1, "250000.00", List.of("服务方案", "  "), List.of(), true)), 422, "bid.proposalRequired");
        assertProblem(bc.submitBid("vendor2", BiddingCalls.key("lot"), bid("vendor2", 999_999_999L, "250000.00", List.of())), 422,
                "bid.lotUnknown");
        // another vendor's attachment
        assertProblem(bc.submitBid("vendor2", BiddingCalls.key("foreign"), bid("vendor2", lot1, "250000.00", List.of(vendor1Attachment))),
                422, "bid.attachmentUnknown");
        // the Idempotency-Key header is required and well-formed
        assertProblem(bc.submitBid("vendor2", null, bid("vendor2", lot1, "250000.00", List.of())), 422, "bid.idempotencyKeyRequired");
        assertProblem(bc.submitBid("vendor2", "short", bid("vendor2", lot1, "250000.00", List.of())), 422, "bid.idempotencyKeyRequired");
        assertProblem(bc.submitBid("vendor2", "bad key with blanks", bid("vendor2", lot1, "250000.00", List.of())), 422,
                "bid.idempotencyKeyRequired");
        assertProblem(bc.submitBid("vendor2", "k".repeat(101), bid("vendor2", lot1, "250000.00", List.of())), 422,
                "bid.idempotencyKeyRequired");
        // malformed JSON
        Answer broken = bc.submitBid("vendor2", BiddingCalls.key("json"), "{\"tenderId\":" + tenderId + ",\"price\":");
        assertThat(broken.status()).as(broken.toString()).isEqualTo(400);
        assertProblem(broken, 400);

        assertThat(api.get("/api/bids", "vendor2").path("total").asLong()).as("no bid stored").isEqualTo(before);
        assertThat(Long.parseLong(BiddingCalls.string("select count(*) from bid where tender_id = ?", tenderId))).isEqualTo(rows);
        // a key whose request was refused is not used up
        JsonNode lot2Bid = submitted("vendor2", ceilingKey, bid("vendor2", lot2, "95000.00", List.of()));
        LOT2.put("vendor2", lot2Bid.path("bidId").asLong());
        PRICE.put(lot2Bid.path("bidId").asLong(), "95000.00");
    }

    private JsonNode submitted(String vendor, String key, ObjectNode body) throws Exception {
        Answer a = bc.submitBid(vendor, key, body);
        assertThat(a.status()).as(a.toString()).isEqualTo(201);
        JsonNode r = a.json();
        assertThat(r.path("repeated").asBoolean()).isFalse();
        assertThat(r.path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(r.path("tenderId").asLong()).isEqualTo(tenderId);
        assertThat(r.path("lotId").asLong()).isEqualTo(body.path("lotId").asLong());
        assertThat(r.path("lotNo").asInt()).isEqualTo(body.path("lotId").asLong() == lot1 ? 1 : 2);
        assertThat(r.path("sealedHash").asText()).matches("[0-9a-f]{64}");
        assertThat(instant(r.path("submittedAt").asText())).isBetween(Instant.now().minusSeconds(120), Instant.now().plusSeconds(5));
        return r;
    }

    // ------------------------------------------------------------------ idempotency and replacement

    @Test
    @Order(5)
    void theSameKeyAnswersTheFirstReceiptAndANewBidReplacesTheOld() throws Exception {
        vendor2Key = BiddingCalls.key("v2-lot1");
        vendor2Body = bid("vendor2", lot1, "268800.50", List.of(vendor2Attachment));
        JsonNode first = submitted("vendor2", vendor2Key, vendor2Body);
        long v2 = first.path("bidId").asLong();
        assertThat(first.path("replacedBidId").isMissingNode() || first.path("replacedBidId").isNull()).as(first.toString()).isTrue();

        Answer again = bc.submitBid("vendor2", vendor2Key, vendor2Body);
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().path("repeated").asBoolean()).isTrue();
        assertThat(again.json().path("bidId").asLong()).isEqualTo(v2);
        assertThat(again.json().path("sealedHash").asText()).isEqualTo(first.path("sealedHash").asText());
        // (to the microsecond here; aReceiptReadsTheSameEveryTime wants the very same text)
        assertThat(Duration.between(instant(first.path("submittedAt").asText()), instant(again.json().path("submittedAt").asText())).abs())
                .isLessThanOrEqualTo(Duration.ofNanos(1000));
        firstReceipt = first;

        ObjectNode other = vendor2Body.deepCopy();
        other.put("price", "268800.51");
        assertProblem(bc.submitBid("vendor2", vendor2Key, other), 409, "bid.idempotencyKeyReused");
        assertThat(bidsOnTender("vendor2")).extracting(b -> b.path("lotId").asLong()).containsExactlyInAnyOrder(lot1, lot2);
        LOT1.put("vendor2", v2);
        PRICE.put(v2, "268800.50");

        // vendor1 bids, then replaces the bid with a new one (new key)
        JsonNode old = submitted("vendor1", BiddingCalls.key("v1-lot1-a"), bid("vendor1", lot1, "281000.00", List.of(vendor1Attachment)));
        replacedBid = old.path("bidId").asLong();
        JsonNode replacing = submitted("vendor1", BiddingCalls.key("v1-lot1-b"), bid("vendor1", lot1, "276543.21", List.of(vendor1Attachment)));
        long v1 = replacing.path("bidId").asLong();
        assertThat(v1).isNotEqualTo(replacedBid);
        assertThat(replacing.path("replacedBidId").asLong()).isEqualTo(replacedBid);
        List<JsonNode> mine = bidsOnTender("vendor1");
        assertThat(BiddingCalls.byBidId(mine, replacedBid).path("status").asText()).isEqualTo("REPLACED");
        assertThat(BiddingCalls.byBidId(mine, v1).path("status").asText()).isEqualTo("SUBMITTED");
        assertThat(mine.stream().filter(b -> "SUBMITTED".equals(b.path("status").asText()) && b.path("lotId").asLong() == lot1))
                .as("one current bid per lot").hasSize(1);
        assertThat(api.get("/api/bids/" + replacedBid, "vendor1").path("status").asText()).isEqualTo("REPLACED");
        // the replaced bid cannot be withdrawn
        assertProblem(api.call("POST", "/api/bids/" + replacedBid + "/withdraw", "vendor1", null), 409, "bid.notCurrent");
        LOT1.put("vendor1", v1);
        PRICE.put(v1, "276543.21");
    }

    @Test
    @Order(6)
    void oneKeyFromFiveThreadsAtOnceMakesOneBid() throws Exception {
        String key = BiddingCalls.key("v3-concurrent");
        ObjectNode body = BiddingCalls.bid(tenderId, lot1, "259999.99", List.of(HTML_PROPOSAL, "放映设备 " + PROPOSAL_MARK), List.of(), true);
        int n = 5;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch ready = new CountDownLatch(n);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Answer>> futures = new ArrayList<>();
        List<Answer> answers = new ArrayList<>();
        String broken;
        try {
            for (int i = 0; i < n; i++) {
                Callable<Answer> c = () -> {
                    ready.countDown();
                    go.await();
                    return bc.submitBid("vendor3", key, body);
                };
                futures.add(pool.submit(c));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            for (Future<Answer> f : futures) {
                answers.add(f.get(120, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
            // simultaneous logins have left the audit head behind its last entry (then every later request fails):
            // repaired here so that the tests after this one still run, and reported below
            broken = BiddingCalls.repairAuditHead();
            // whatever the answers, the tests after this one need vendor3's bid on lot 1
            List<JsonNode> mine = bidsOnTender("vendor3");
            if (mine.isEmpty()) {
                mine = List.of(submitted("vendor3", BiddingCalls.key("v3-sequential"), body));
            }
            LOT1.put("vendor3", mine.get(0).path("bidId").asLong());
            PRICE.put(mine.get(0).path("bidId").asLong(), "259999.99");
        }
        // every problem at once: the answers, the bid stored, the audit chain
        List<String> problems = new ArrayList<>();
        if (broken != null) {
            problems.add("the audit head fell behind (" + broken + "): every later audited request failed until the test repaired it");
        }
        JsonNode verify = api.get("/api/audit/verify", "supervisor");
        if (!verify.path("intact").asBoolean()) {
            chainDamagedAt = verify.path("brokenAt").asLong();
            problems.add("the audit chain is broken after the simultaneous requests: " + verify);
        }
        Set<Long> bidIds = new HashSet<>();
        int created = 0;
        for (Answer a : answers) {
            if (a.status() != 200 && a.status() != 201) {
                problems.add("answer " + a.status() + " (not 200/201): " + a);
                continue;
            }
            bidIds.add(a.json().path("bidId").asLong());
            if (a.status() == 201) {
                created++;
            }
            if (a.json().path("repeated").asBoolean() != (a.status() == 200)) {
                problems.add("repeated must be true exactly for 200: " + a);
            }
        }
        if (bidIds.size() > 1) {
            problems.add("the answers name different bids: " + bidIds);
        }
        if (created > 1) {
            problems.add(created + " answers created a bid");
        }
        List<JsonNode> mine = bidsOnTender("vendor3");
        long vendorId = bc.vendorId("vendor3");
        String rows = BiddingCalls.string("select count(*) from bid where tender_id = ? and vendor_id = ?", tenderId, vendorId);
        if (mine.size() != 1 || !"1".equals(rows) || (!bidIds.isEmpty() && mine.get(0).path("bidId").asLong() != bidIds.iterator().next())) {
            problems.add("vendor3 must have exactly one bid, the one answered: GET /api/bids " + mine + ", rows " + rows);
        }
        assertThat(problems).as("5 simultaneous POST /api/bids of vendor3 with one Idempotency-Key; answers: %s", answers).isEmpty();
    }

    // ------------------------------------------------------------------ withdrawal, other vendors

    @Test
    @Order(7)
    void aVendorWithdrawsOnlyItsOwnCurrentBid() throws Exception {
        JsonNode b = submitted("vendor1", BiddingCalls.key("v1-lot2"), bid("vendor1", lot2, "88000.00", List.of()));
        withdrawnBid = b.path("bidId").asLong();
        long seq = api.auditHead();
        assertProblem(api.call("POST", "/api/bids/" + withdrawnBid + "/withdraw", "vendor2", null), 403, "bid.notYours");
        assertThat(api.auditSince(seq)).anySatisfy(e -> {
            assertThat(e.path("action").asText()).isEqualTo("ACCESS_DENIED");
            assertThat(e.path("actor").asText()).isEqualTo("vendor2");
            assertThat(e.path("entityId").asText()).isEqualTo(String.valueOf(withdrawnBid));
        });
        assertProblem(api.call("POST", "/api/bids/" + withdrawnBid + "/withdraw", "officer", null), 403);
        assertThat(api.get("/api/bids/" + withdrawnBid, "vendor1").path("status").asText()).isEqualTo("SUBMITTED");

        JsonNode w = api.ok(200, "POST", "/api/bids/" + withdrawnBid + "/withdraw", "vendor1", null);
        assertThat(w.path("bidId").asLong()).isEqualTo(withdrawnBid);
        assertThat(w.path("status").asText()).isEqualTo("WITHDRAWN");
        assertProblem(api.call("POST", "/api/bids/" + withdrawnBid + "/withdraw", "vendor1", null), 409, "bid.notCurrent");
        assertThat(BiddingCalls.byBidId(bidsOnTender("vendor1"), withdrawnBid).path("status").asText()).isEqualTo("WITHDRAWN");
        assertProblem(api.call("POST", "/api/bids/999999999/withdraw", "vendor1", null), 404, "bid.notFound");

        // vendor4 (security recorded, never confirmed) and vendor5 (no security) bid too
        JsonNode v4 = submitted("vendor4", BiddingCalls.key("v4-lot1"), bid("vendor4", lot1, "260000.00", List.of()));
        LOT1.put("vendor4", v4.path("bidId").asLong());
        PRICE.put(v4.path("bidId").asLong(), "260000.00");
        JsonNode v5 = submitted("vendor5", BiddingCalls.key("v5-lot2"), bid("vendor5", lot2, "99000.00", List.of()));
        LOT2.put("vendor5", v5.path("bidId").asLong());
        PRICE.put(v5.path("bidId").asLong(), "99000.00");
    }

    @Test
    @Order(8)
    void nobodyReadsAnotherVendorsBidOrAnyBidContent() throws Exception {
        long v1 = LOT1.get("vendor1");
        long seq = api.auditHead();
        Answer other = api.call("GET", "/api/bids/" + v1, "vendor2", null);
        assertProblem(other, 403, "bid.notYours");
        List<JsonNode> entries = api.auditSince(seq);
        assertThat(entries).as("ACCESS_DENIED audit entry for GET /api/bids/%d by vendor2", v1).anySatisfy(e -> {
            assertThat(e.path("action").asText()).isEqualTo("ACCESS_DENIED");
            assertThat(e.path("actor").asText()).isEqualTo("vendor2");
            assertThat(e.path("entityType").asText()).isEqualTo("bid");
            assertThat(e.path("entityId").asText()).isEqualTo(String.valueOf(v1));
        });
        assertThat(entries).anySatisfy(e -> {
            assertThat(e.path("action").asText()).isEqualTo("FORBIDDEN");
            assertThat(e.path("actor").asText()).isEqualTo("vendor2");
        });

        // staff have no way to a bid: not by id, not as a list
        for (String staff : List.of("officer", "head", "admin", "supervisor", "finance")) {
            assertProblem(api.call("GET", "/api/bids/" + v1, staff, null), 403);
            assertProblem(api.call("GET", "/api/bids", staff, null), 403);
        }
        assertThat(api.call("GET", "/api/bids/" + v1, null, null).status()).isEqualTo(401);

        // the vendor's own receipt carries no content either
        Answer own = api.call("GET", "/api/bids/" + v1, "vendor1", null);
        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        assertThat(own.json().has("price")).isFalse();
        assertThat(own.body()).doesNotContain("276543.21").doesNotContain(PROPOSAL_MARK);
        assertThat(api.call("GET", "/api/bids?size=200", "vendor1", null).body()).doesNotContain("276543.21").doesNotContain(PROPOSAL_MARK);

        // the database holds ciphertext only: no proposal text and no price in the sealed content
        List<byte[]> sealed = BiddingCalls.blobs("select sealed_content from bid where tender_id = ?", tenderId);
        assertThat(sealed).hasSizeGreaterThanOrEqualTo(PRICE.size());
        List<String> clear = new ArrayList<>(PRICE.values());
        clear.add(PROPOSAL_MARK);
        clear.add("服务方案");
        clear.add("onerror");
        clear.add("\"price\"");
        for (byte[] s : sealed) {
            for (String text : clear) {
                assertThat(BiddingCalls.contains(s, text.getBytes(StandardCharsets.UTF_8)))
                        .as("'%s' readable in bid.sealed_content", text).isFalse();
            }
        }
        // nor does the audit trail before the opening
        for (JsonNode e : api.auditSince(auditBefore)) {
            for (String text : clear.subList(0, PRICE.size() + 1)) {
                assertThat(e.toString()).as("audit entry %s", e.path("seq").asText()).doesNotContain(text);
            }
        }
    }

    @Test
    @Order(9)
    void aReceiptReadsTheSameEveryTime() throws Exception {
        assertThat(firstReceipt).as("theSameKeyAnswersTheFirstReceiptAndANewBidReplacesTheOld ran").isNotNull();
        long id = firstReceipt.path("bidId").asLong();
        JsonNode read = api.get("/api/bids/" + id, "vendor2");
        JsonNode repeated = bc.submitBid("vendor2", vendor2Key, vendor2Body).json();
        JsonNode listed = BiddingCalls.byBidId(bidsOnTender("vendor2"), id);
        for (JsonNode other : List.of(read, repeated, listed)) {
            assertThat(other.path("sealedHash").asText()).isEqualTo(firstReceipt.path("sealedHash").asText());
            assertThat(other.path("submittedAt").asText())
                    .as("the receipt's submission time as answered at submission (201) and as read later: %s / %s", firstReceipt, other)
                    .isEqualTo(firstReceipt.path("submittedAt").asText());
        }
    }

    // ------------------------------------------------------------------ script in a question

    @Test
    @Order(10)
    void htmlInAQuestionIsStoredAsWrittenAndEscapedOnTheNoticePage() throws Exception {
        String script = "<script>alert(q" + NONCE + ")</script>";
        String question = "放映场地是否由村委会提供？" + script;
        Answer asked = api.call("POST", "/api/enquiries", "vendor3", Map.of("tenderId", tenderId, "question", question));
        assertThat(asked.status()).as(asked.toString()).isEqualTo(201);
        assertThat(asked.json().path("question").asText()).isEqualTo(question);
        long enquiryId = asked.json().path("id").asLong();
        String pid = BiddingCalls.string("select process_instance_id from enquiry where id = ?", enquiryId);
        JsonNode task = bc.taskOfProcess("officer", pid, "answerEnquiry");
        assertThat(task).as("answerEnquiry task of enquiry " + enquiryId).isNotNull();
        String answer = "由村委会提供 <b>bold" + NONCE + "</b>";
        bc.claimAndComplete("officer", task.path("id").asText(), "ANSWER", answer);

        JsonNode published = api.get("/api/public/tenders/" + tenderId + "/enquiries", null);
        assertThat(published).anySatisfy(q -> {
            assertThat(q.path("question").asText()).isEqualTo(question);
            assertThat(q.path("answer").asText()).isEqualTo(answer);
        });
        HttpResponse<String> page = bc.page("/public/notice.xhtml?id=" + tenderId);
        assertThat(page.statusCode()).isEqualTo(200);
        String html = page.body();
        assertThat(html).as("the question is on the notice page").contains("放映场地是否由村委会提供");
        assertThat(html).contains("&lt;script&gt;alert(q" + NONCE + ")&lt;/script&gt;");
        assertThat(html).doesNotContain("<script>alert(q" + NONCE).doesNotContain("<b>bold" + NONCE);
        assertThat(html).contains("&lt;b&gt;bold" + NONCE);
    }

    // ------------------------------------------------------------------ the deadline and the opening

    @Test
    @Order(11)
    void afterTheDeadlineNothingIsAcceptedAndTheOpeningRecordIsRight() throws Exception {
        assertThat(LOT1.keySet()).containsExactlyInAnyOrder("vendor1", "vendor2", "vendor3", "vendor4");
        assertThat(LOT2.keySet()).containsExactlyInAnyOrder("vendor2", "vendor5");
        BiddingCalls.awaitBidsOlderThanASecond(tenderId);
        BiddingCalls.deadlinePassed(tenderId, "1 second");

        // the deadline passed a second ago: refused, on the server clock
        assertProblem(bc.submitBid("vendor5", BiddingCalls.key("late"), bid("vendor5", lot1, "200000.00", List.of())), 409,
                "bid.deadlinePassed");
        assertProblem(api.call("POST", "/api/bids/" + LOT2.get("vendor2") + "/withdraw", "vendor2", null), 409, "bid.deadlinePassed");
        assertProblem(bc.attach("vendor5", tenderId, "late.pdf", BiddingCalls.pdf("late")), 409, "bid.deadlinePassed");
        assertProblem(security("vendor5", "4000.00", "ICBC-IT-LATE", BiddingCalls.todayInChina().toString()), 409, "bid.deadlinePassed");
        assertProblem(api.call("POST", "/api/enquiries", "vendor5", Map.of("tenderId", tenderId, "question", "还能提问吗？")), 409,
                "enquiry.closed");
        // a retry of an accepted submission still answers its receipt
        Answer retry = bc.submitBid("vendor2", vendor2Key, vendor2Body);
        assertThat(retry.status()).as(retry.toString()).isEqualTo(200);
        assertThat(retry.json().path("bidId").asLong()).isEqualTo(LOT1.get("vendor2"));

        // before the opening the public OCDS data names no bidder and no price
        JsonNode before = api.get("/api/public/tenders/" + tenderId + "/ocds", null);
        assertThat(before.toString()).doesNotContain("tenderUpdate", "\"bids\"", "tenderers", "numberOfTenderers");

        BiddingCalls.fireOpeningTimer(tenderId);
        JsonNode opening = bc.awaitOpening(tenderId, Duration.ofSeconds(90));

        assertProblem(bc.submitBid("vendor5", BiddingCalls.key("after"), bid("vendor5", lot1, "200000.00", List.of())), 409,
                "bid.deadlinePassed");
        assertThat(api.tender(tenderId, "officer").path("status").asText()).isEqualTo("OPENED");
        assertThat(api.get("/api/public/tenders/" + tenderId, null).path("status").asText()).isEqualTo("OPENED");

        assertThat(opening.path("validLots").asInt()).as(opening.toString()).isEqualTo(1);
        assertThat(opening.path("failedLots").asInt()).as(opening.toString()).isEqualTo(1);
        assertThat(opening.path("signedBy").isNull() || opening.path("signedBy").isMissingNode()).isTrue();
        Instant deadline = instant(opening.path("deadline").asText());
        Instant openedAt = instant(opening.path("openedAt").asText());
        assertThat(openedAt).isAfterOrEqualTo(deadline);
        assertThat(deadline).isBefore(Instant.now());

        Map<Long, JsonNode> entries = new LinkedHashMap<>();
        for (JsonNode e : opening.path("entries")) {
            entries.put(e.path("bidId").asLong(), e);
        }
        Set<Long> expected = new HashSet<>(LOT1.values());
        expected.addAll(LOT2.values());
        assertThat(entries.keySet()).as("the current bids, and only those: " + opening).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(entries).doesNotContainKeys(replacedBid, withdrawnBid);

        Map<String, String> names = new LinkedHashMap<>();
        for (String v : List.of("vendor1", "vendor2", "vendor3", "vendor4", "vendor5")) {
            names.put(v, bc.vendorName(v));
        }
        for (Map.Entry<String, Long> b : allBids().entrySet()) {
            String vendor = b.getKey().substring(2);
            JsonNode e = entries.get(b.getValue());
            String what = vendor + "'s bid " + b.getValue() + ": " + e;
            assertThat(e.path("lotId").asLong()).as(what).isEqualTo(b.getKey().startsWith("1") ? lot1 : lot2);
            assertThat(e.path("lotNo").asInt()).as(what).isEqualTo(b.getKey().startsWith("1") ? 1 : 2);
            assertThat(e.path("vendor").asText()).as(what).isEqualTo(names.get(vendor));
            assertThat(new BigDecimal(e.path("price").asText())).as(what).isEqualByComparingTo(PRICE.get(b.getValue()));
            assertThat(e.path("sealVerified").asBoolean()).as(what).isTrue();
            assertThat(instant(e.path("submittedAt").asText())).as(what).isBefore(deadline);
            switch (vendor) {
                case "vendor4" -> {
                    assertThat(e.path("valid").asBoolean()).as(what).isFalse();
                    assertThat(e.path("invalidReason").asText()).as(what).isEqualTo("SECURITY_NOT_CONFIRMED");
                    assertThat(e.path("security").asText()).as(what).isEqualTo("NOT_CONFIRMED");
                }
                case "vendor5" -> {
                    assertThat(e.path("valid").asBoolean()).as(what).isFalse();
                    assertThat(e.path("invalidReason").asText()).as(what).isEqualTo("SECURITY_NOT_CONFIRMED");
                    assertThat(e.path("security").asText()).as(what).isEqualTo("NONE");
                }
                default -> {
                    assertThat(e.path("valid").asBoolean()).as(what).isTrue();
                    assertThat(e.path("invalidReason").isNull() || e.path("invalidReason").isMissingNode()).as(what).isTrue();
                    assertThat(e.path("security").asText()).as(what).isEqualTo("CONFIRMED");
                }
            }
        }
        // the opening record is also on the public notice page
        String html = bc.page("/public/notice.xhtml?id=" + tenderId).body();
        assertThat(html).contains(names.get("vendor3"));

        // and in the OCDS tenderUpdate release: every bid read out (bids extension), per lot the counts and valid prices
        JsonNode pkg = api.get("/api/public/tenders/" + tenderId + "/ocds", null);
        TenderLifecycleIT.assertOcdsValid(pkg);
        assertThat(pkg.path("extensions").toString()).contains("ocds_bid_extension", "ocds_lots_extension");
        JsonNode update = null;
        for (JsonNode r : pkg.path("releases")) {
            if (r.path("tag").get(0).asText().equals("tenderUpdate")) {
                update = r;
            }
        }
        assertThat(update).as("the opening's OCDS release in " + pkg).isNotNull();
        JsonNode details = update.path("bids").path("details");
        assertThat(details).hasSize(entries.size());
        for (JsonNode d : details) {
            JsonNode e = entries.get(Long.valueOf(d.path("id").asText().substring(4)));
            assertThat(e).as("OCDS bid " + d + " is one of the opening record").isNotNull();
            assertThat(d.path("value").path("amount").decimalValue()).as(d.toString()).isEqualByComparingTo(new BigDecimal(e.path("price").asText()));
            assertThat(d.path("value").path("currency").asText()).isEqualTo("CNY");
            assertThat(d.path("status").asText()).as(d.toString()).isEqualTo(e.path("valid").asBoolean() ? "valid" : "disqualified");
            assertThat(d.path("tenderers").get(0).path("name").asText()).isEqualTo(e.path("vendor").asText());
            assertThat(d.path("relatedLots").get(0).asText()).isEqualTo("lot-" + e.path("lotNo").asInt());
        }
        Map<String, String> stats = new LinkedHashMap<>();
        for (JsonNode st : update.path("bids").path("statistics")) {
            stats.put(st.path("id").asText(), st.path("value").asText());
        }
        List<BigDecimal> lot1Valid = LOT1.entrySet().stream().filter(b -> !b.getKey().equals("vendor4"))
                .map(b -> new BigDecimal(PRICE.get(b.getValue()))).sorted().toList();
        assertThat(stats).containsEntry("lot-1-bids", "4").containsEntry("lot-1-validBids", "3")
                .containsEntry("lot-2-bids", "2").containsEntry("lot-2-validBids", "1");
        assertThat(new BigDecimal(stats.get("lot-1-lowestValidBidValue"))).isEqualByComparingTo(lot1Valid.get(0));
        assertThat(new BigDecimal(stats.get("lot-1-highestValidBidValue"))).isEqualByComparingTo(lot1Valid.get(lot1Valid.size() - 1));
        assertThat(update.path("tender").path("numberOfTenderers").asInt()).isEqualTo(5);

        // the officer signs the opening record
        JsonNode sign = api.task("officer", tenderId, "signOpening");
        assertThat(sign).as("officer's signOpening task").isNotNull();
        assertThat(api.task("head", tenderId, "signOpening")).isNull();
        assertProblem(api.complete("officer", sign.path("id").asText(), "APPROVE", null), 422, "task.decisionUnknown");
        bc.claimAndComplete("officer", sign.path("id").asText(), "SIGN", null);
        JsonNode signed = api.get("/api/public/tenders/" + tenderId + "/opening", null);
        assertThat(signed.path("signedBy").asText()).isEqualTo("officer");
        assertThat(signed.path("signedAt").asText()).isNotBlank();
        assertProblem(api.complete("officer", sign.path("id").asText(), "SIGN", null), 409, "task.alreadyCompleted");

        // lot 2 failed (one valid bid): the officer is to propose what follows
        JsonNode propose = api.task("officer", tenderId, "proposeFailedLots");
        assertThat(propose).as("officer's proposeFailedLots task for the failed lot").isNotNull();
        assertThat(api.task("head", tenderId, "approveFailedLots")).isNull();
    }

    @Test
    @Order(12)
    void theFailedLotIsProposedForRetenderingAndBecomesANewDraft() throws Exception {
        JsonNode propose = api.task("officer", tenderId, "proposeFailedLots");
        assertThat(propose).as("officer's proposeFailedLots task").isNotNull();
        String taskId = propose.path("id").asText();
        long seq = api.auditHead();

        // every failed lot needs one of the actions; the valid lot needs none
        assertProblem(proposal(taskId, "officer", Map.of()), 422, "opening.actionRequired");
        assertProblem(proposal(taskId, "officer", Map.of("lot." + lot2, "MAYBE")), 422, "opening.actionRequired");
        Answer onlyValid = proposal(taskId, "officer", Map.of("lot." + lot1, "RETENDER"));
        assertProblem(onlyValid, 422, "opening.actionRequired");
        assertThat(onlyValid.json().path("errors").get(0).path("field").asText()).isEqualTo("lot." + lot2);
        assertProblem(proposal(taskId, "officer", Map.of("lot.abc", "RETENDER")), 422, "validation.unknownValue");
        assertThat(api.task("officer2", tenderId, "proposeFailedLots")).as("not offered to another unit's officer").isNull();
        assertProblem(proposal(taskId, "officer2", Map.of("lot." + lot2, "RETENDER")), 403);

        Answer proposed = proposal(taskId, "officer", Map.of("lot." + lot2, "RETENDER"));
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(200);
        assertThat(api.task("officer", tenderId, "proposeFailedLots")).isNull();

        JsonNode approve = api.task("head", tenderId, "approveFailedLots");
        assertThat(approve).as("head's approveFailedLots task").isNotNull();
        assertProblem(api.complete("head", approve.path("id").asText(), "RETURN", null), 422, "task.commentRequired");
        bc.claimAndComplete("head", approve.path("id").asText(), "APPROVE", "同意重新招标");
        assertThat(api.tasks("head", tenderId)).isEmpty();
        // what remains for the officer is the evaluation of lot 1, which passed the opening
        assertThat(api.tasks("officer", tenderId)).extracting(t -> t.path("key").asText()).containsExactly("requestCommittee");

        // lot 2 became a new draft tender of the same method with the lot's ceiling as its budget; lot 1 did not
        String successor = BiddingCalls.string("select successor_tender_id from tender_lot where id = ?", lot2);
        assertThat(successor).as("tender_lot %d successor", lot2).isNotNull();
        assertThat(BiddingCalls.string("select successor_tender_id from tender_lot where id = ?", lot1)).isNull();
        JsonNode draft = api.tender(Long.parseLong(successor), "officer");
        assertThat(draft.path("status").asText()).isEqualTo("DRAFT");
        assertThat(draft.path("method").asText()).isEqualTo("OPEN_TENDER");
        assertThat(draft.path("budget").asText()).isEqualTo("100000.00");
        assertThat(draft.path("lots")).hasSize(1);
        assertThat(draft.path("lots").get(0).path("budgetCeiling").asText()).isEqualTo("100000.00");
        assertThat(draft.path("lots").get(0).path("id").asLong()).isNotEqualTo(lot2);

        List<String> actions = new ArrayList<>();
        api.auditSince(seq).forEach(e -> actions.add(e.path("action").asText()));
        assertThat(actions).containsSubsequence("FAILED_LOTS_PROPOSED", "FAILED_LOTS_APPROVE", "FAILED_LOTS_APPLIED");
        // intact, or broken only where oneKeyFromFiveThreadsAtOnceMakesOneBid found it broken already
        JsonNode verify = api.get("/api/audit/verify", "supervisor");
        if (!verify.path("intact").asBoolean()) {
            assertThat(verify.path("brokenAt").asLong()).as("audit chain: " + verify).isEqualTo(chainDamagedAt);
        }
    }

    private Answer proposal(String taskId, String user, Map<String, String> details) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("decision", "PROPOSE");
        body.put("comment", "第二标段有效投标不足三家，建议重新招标");
        body.put("details", details);
        return api.call("POST", "/api/tasks/" + taskId + "/complete", user, body);
    }

    private static Instant instant(String text) {
        return java.time.OffsetDateTime.parse(text).toInstant();
    }

    /** "1:vendorN" / "2:vendorN" → bid id. */
    private static Map<String, Long> allBids() {
        Map<String, Long> out = new LinkedHashMap<>();
        LOT1.forEach((v, id) -> out.put("1:" + v, id));
        LOT2.forEach((v, id) -> out.put("2:" + v, id));
        return out;
    }
}
