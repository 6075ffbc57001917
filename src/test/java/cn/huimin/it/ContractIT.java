package cn.huimin.it;

import static cn.huimin.it.ApiCalls.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import cn.huimin.it.ApiCalls.Answer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
 * The contract of the demo award of lot 2 (vendor5, 88,000 CNY, a film screening per month at Shiqiao and Hehua) from
 * its draft to the first period's payment: terms within the law, signatures in order, supplements within 10%,
 * delivered events verified or disputed by the station of the place, residents' ratings with one-time codes and a
 * rate limit, the evaluation by evaluator, officer and head, the payment share from the decision table, the payment
 * order paid by finance, the rectification loop, the vendor's credit record and the dashboard. Every refusal of the
 * issue's abuse list is asserted on the way.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ContractIT {
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final String VENDOR = "vendor5";
    static final String VENDOR_NAME = "惠民县文艺演出有限公司";
    private static long contractId;
    private static long tenderId;
    private static long vendorId;
    private static long event1;
    private static long event2;
    private static String token1;
    private static String token2;
    private static List<String> codes = new ArrayList<>();
    private static long evaluationId;
    private static LocalDate termStart;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.war();
    }

    @ArquillianResource
    URL deployed;

    ApiCalls api;

    @BeforeEach
    void client() {
        api = new ApiCalls(deployed);
    }

    private Answer complete(String user, String taskId, String decision, String comment, Map<String, String> details) throws Exception {
        return api.complete(user, taskId, decision, comment, details);
    }

    /** The user's open task of that step for the contract, waiting for it at most the time given. */
    private String awaitTask(String user, String key, Duration max) throws Exception {
        long until = System.nanoTime() + max.toNanos();
        while (true) {
            for (JsonNode t : api.get("/api/tasks?size=100", user).path("items")) {
                if (t.path("contractId").asLong() == contractId && key.equals(t.path("key").asText())) {
                    return t.path("id").asText();
                }
            }
            assertThat(System.nanoTime()).as("%s gets a %s task for contract %d", user, key, contractId).isLessThan(until);
            Thread.sleep(300);
        }
    }

    private JsonNode contract(String user) throws Exception {
        return api.get("/api/contracts/" + contractId, user);
    }

    private ObjectNode terms(LocalDate start, LocalDate end, String bond, String frequency) {
        ObjectNode t = ApiCalls.JSON.createObjectNode();
        t.put("bondPercent", bond);
        t.put("termStart", start.toString());
        t.put("termEnd", end.toString());
        t.put("frequency", frequency);
        return t;
    }

    private ObjectNode event(String placeCode, LocalDate date, int attendance) throws Exception {
        ObjectNode e = ApiCalls.JSON.createObjectNode();
        e.put("placeId", api.placeId(placeCode));
        e.put("deliverableTypeId", api.deliverableId("FILM", "FLM-SCR"));
        e.put("eventDate", date.toString());
        e.put("quantity", "1");
        e.put("attendance", attendance);
        e.put("notes", "《我和我的祖国》<b>露天放映</b>");
        return e;
    }

    private Answer rate(String token, String code, int stars) throws Exception {
        ObjectNode r = ApiCalls.JSON.createObjectNode();
        r.put("code", code);
        r.put("stars", stars);
        r.put("comment", "放映效果好 <script>x</script>");
        return api.call("POST", "/api/public/events/" + token + "/ratings", null, r);
    }

    static LocalDate today() {
        return LocalDate.now(CHINA);
    }

    @Test
    @Order(1)
    void theDraftComesFromTheAwardAndItsTermsKeepToTheLaw() throws Exception {
        JsonNode mine = null;
        for (JsonNode c : api.get("/api/contracts", "officer")) {
            if (VENDOR_NAME.equals(c.path("vendor").asText())) {
                mine = c;
            }
        }
        assertThat(mine).as("the demo award of lot 2 has its contract drafted").isNotNull();
        contractId = mine.path("id").asLong();
        JsonNode c = contract("officer");
        tenderId = c.path("tenderId").asLong();
        vendorId = Long.parseLong(BiddingCalls.string("select vendor_id from contract where id = ?", contractId));
        assertThat(c.path("status").asText()).isEqualTo("DRAFT");
        assertThat(c.path("amount").asText()).isEqualTo("88000.00");
        assertThat(c.path("contractNo").asText()).matches("HT-\\d{4}-\\d{4}");
        assertThat(c.path("bondPercent").asText()).isEqualTo("5.00");
        assertThat(c.path("deliverables")).hasSize(2);
        assertThat(c.path("milestones").size()).isGreaterThanOrEqualTo(1);

        // the draft is not public and not another vendor's business
        assertProblem(api.call("GET", "/api/contracts/" + contractId, "vendor3", null), 403, "contract.notYours");
        assertThat(api.call("GET", "/api/contracts/" + contractId, VENDOR, null).status()).isEqualTo(200);

        termStart = today().minusDays(20);
        LocalDate end = termStart.plusYears(1).minusDays(1);
        String path = "/api/contracts/" + contractId + "/terms";
        assertProblem(api.call("PUT", path, "officer", terms(termStart, end, "10.01", "QUARTER")), 422, "contract.BOND_TOO_HIGH");
        assertProblem(api.call("PUT", path, "officer", terms(termStart, end.plusDays(1), "5", "QUARTER")), 422, "contract.TERM_TOO_LONG");
        ObjectNode stable = terms(termStart, termStart.plusYears(3).minusDays(1), "5", "YEAR");
        stable.put("stableService", true);
        assertProblem(api.call("PUT", path, "officer", stable), 422, "contract.LONG_TERM_REASON_MISSING");
        ObjectNode badShares = terms(termStart, end, "5", "QUARTER");
        ArrayNode shares = badShares.putArray("shares");
        shares.add("30").add("30").add("30").add("5");
        assertProblem(api.call("PUT", path, "officer", badShares), 422, "contract.SHARES_NOT_100");
        // only the officer of the purchasing unit sets the terms
        assertProblem(api.call("PUT", path, VENDOR, terms(termStart, end, "5", "QUARTER")), 403);
        assertProblem(api.call("PUT", path, "officer2", terms(termStart, end, "5", "QUARTER")), 403, "tender.otherUnit");

        JsonNode set = api.ok(200, "PUT", path, "officer", terms(termStart, end, "5", "QUARTER"));
        assertThat(set.path("bondAmount").asText()).isEqualTo("4400.00");
        JsonNode ms = set.path("milestones");
        assertThat(ms).hasSize(4);
        assertThat(ms.get(0).path("periodStart").asText()).isEqualTo(termStart.toString());
        assertThat(ms.get(0).path("periodEnd").asText()).isEqualTo(termStart.plusMonths(3).minusDays(1).toString());
        assertThat(ms.get(0).path("amount").asText()).isEqualTo("22000.00");
        assertThat(ms.get(3).path("finalPeriod").asBoolean()).isTrue();
    }

    @Test
    @Order(2)
    void thePurchaserSignsThenTheVendorWhoMayReturnItAndTheContractIsPublished() throws Exception {
        String purchaser = awaitTask("officer", "signContractPurchaser", Duration.ofSeconds(10));
        assertThat(complete("officer", purchaser, "SIGN", null, Map.of()).status()).isEqualTo(200);
        assertProblem(api.call("PUT", "/api/contracts/" + contractId + "/terms", "officer",
                terms(termStart, termStart.plusYears(1).minusDays(1), "6", "QUARTER")), 409, "contract.notDraft");
        String vendorTask = awaitTask(VENDOR, "signContractVendor", Duration.ofSeconds(10));
        assertProblem(complete("vendor3", vendorTask, "SIGN", null, Map.of()), 403, "task.notYours");
        assertProblem(complete(VENDOR, vendorTask, "RETURN", null, Map.of()), 422, "task.commentRequired");
        assertThat(complete(VENDOR, vendorTask, "RETURN", "付款节点请改为按季度，第一期请注明放映场次", Map.of()).status()).isEqualTo(200);
        assertThat(contract("officer").path("returnReason").asText()).contains("按季度");
        assertThat(contract("officer").path("status").asText()).isEqualTo("DRAFT");

        purchaser = awaitTask("officer", "signContractPurchaser", Duration.ofSeconds(10));
        assertThat(complete("officer", purchaser, "SIGN", null, Map.of()).status()).isEqualTo(200);
        vendorTask = awaitTask(VENDOR, "signContractVendor", Duration.ofSeconds(10));
        assertThat(complete(VENDOR, vendorTask, "SIGN", null, Map.of()).status()).isEqualTo(200);

        JsonNode c = contract("officer");
        assertThat(c.path("status").asText()).isEqualTo("PUBLISHED");
        assertThat(c.path("publishedAt").isNull()).isFalse();
        JsonNode pub = api.get("/api/public/contracts?size=50", null);
        assertThat(pub.path("items").toString()).contains(c.path("contractNo").asText(), VENDOR_NAME);
        HttpResponse<byte[]> pdf = api.download("/api/public/contracts/" + contractId + "/pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        String text = pdfText(pdf.body());
        assertThat(text).contains("政府购买公共文化服务合同", c.path("contractNo").asText(), VENDOR_NAME, "88000.00", "4400.00", "25.00%");
        // the contract service term is running: its first period waits for its end
        assertThat(BiddingCalls.string("select term_process_id from contract where id = ?", contractId)).isNotNull();
    }

    static String pdfText(byte[] pdf) throws Exception {
        try (com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf)) {
            com.lowagie.text.pdf.parser.PdfTextExtractor ex = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader);
            StringBuilder b = new StringBuilder();
            for (int i = 1; i <= reader.getNumberOfPages(); i++) {
                b.append(ex.getTextFromPage(i)).append('\n');
            }
            return b.toString();
        }
    }

    @Test
    @Order(3)
    void supplementaryAgreementsStayWithinTenPercent() throws Exception {
        String path = "/api/contracts/" + contractId + "/supplements";
        ObjectNode s = ApiCalls.JSON.createObjectNode().put("amount", "8800.01").put("reason", "增加两场节日放映");
        assertProblem(api.call("POST", path, "officer", s), 422, "contract.SUPPLEMENT_ABOVE_10_PERCENT");
        s.put("amount", "5000.00");
        JsonNode first = api.ok(201, "POST", path, "officer", s);
        assertProblem(api.call("POST", "/api/contracts/supplements/" + first.path("id").asLong() + "/sign", "vendor3", null), 403, "contract.notYours");
        assertThat(api.ok(200, "POST", "/api/contracts/supplements/" + first.path("id").asLong() + "/sign", VENDOR, null)
                .path("status").asText()).isEqualTo("SIGNED");
        assertThat(contract("officer").path("supplementTotal").asText()).isEqualTo("5000.00");
        s.put("amount", "3800.01");
        assertProblem(api.call("POST", path, "officer", s), 422, "contract.SUPPLEMENT_ABOVE_10_PERCENT");
        s.put("amount", "3800.00");
        assertThat(api.call("POST", path, "officer", s).status()).isEqualTo(201);
        // a proposal not yet signed counts too
        s.put("amount", "0.01");
        assertProblem(api.call("POST", path, "officer", s), 422, "contract.SUPPLEMENT_ABOVE_10_PERCENT");
    }

    @Test
    @Order(4)
    void theVendorRecordsEventsOfItsOwnContractAndTheStationOfThePlaceChecksThem() throws Exception {
        String path = "/api/contracts/" + contractId + "/events";
        Answer a = api.call("POST", path, VENDOR, event("HM-DH-3", today().minusDays(5), 150));
        assertThat(a.status()).as(a.toString()).isEqualTo(201);
        event1 = a.json().path("id").asLong();
        token1 = a.json().path("ratingToken").asText();
        assertThat(a.json().path("status").asText()).isEqualTo("REPORTED");
        a = api.call("POST", path, VENDOR, event("HM-DH-4", today().minusDays(4), 80));
        assertThat(a.status()).as(a.toString()).isEqualTo(201);
        event2 = a.json().path("id").asLong();
        token2 = a.json().path("ratingToken").asText();

        // another vendor's contract, a place outside the contract, a date in the future or before the term
        assertProblem(api.call("POST", path, "vendor3", event("HM-DH-3", today().minusDays(1), 10)), 403, "contract.notYours");
        assertProblem(api.call("POST", path, VENDOR, event("HM-XS-1", today().minusDays(1), 10)), 422, "delivery.PLACE_NOT_IN_CONTRACT");
        assertProblem(api.call("POST", path, VENDOR, event("HM-DH-3", today().plusDays(1), 10)), 422, "delivery.DATE_IN_FUTURE");
        assertProblem(api.call("POST", path, VENDOR, event("HM-DH-3", termStart.minusDays(1), 10)), 422, "delivery.DATE_OUTSIDE_TERM");
        ObjectNode negative = event("HM-DH-3", today().minusDays(1), 10);
        negative.put("attendance", -1);
        assertProblem(api.call("POST", path, VENDOR, negative), 422, "delivery.ATTENDANCE_NEGATIVE");

        // photos: images by content only
        Answer photo = api.send("POST", "/api/events/" + event1 + "/photos?name=" + ApiCalls.q("放映现场.png"), VENDOR, ItSupport.PASSWORD,
                null, "application/octet-stream", BiddingCalls.png());
        assertThat(photo.status()).as(photo.toString()).isEqualTo(201);
        assertProblem(api.send("POST", "/api/events/" + event1 + "/photos?name=fake.png", VENDOR, ItSupport.PASSWORD,
                null, "application/octet-stream", BiddingCalls.pdf("not an image")), 422, "photo.NAME_DOES_NOT_MATCH_CONTENT");
        assertProblem(api.send("POST", "/api/events/" + event1 + "/photos?name=notes.txt", VENDOR, ItSupport.PASSWORD,
                null, "application/octet-stream", "hello".getBytes()), 422, "photo.TYPE_NOT_ALLOWED");
        assertProblem(api.send("POST", "/api/events/" + event1 + "/photos?name=x.png", "vendor3", ItSupport.PASSWORD,
                null, "application/octet-stream", BiddingCalls.png()), 403, "delivery.notYourEvent");
        assertThat(api.get("/api/events/" + event1 + "/photos", "station1")).hasSize(1);

        // station staff of another township may not check it
        Long xishan = Long.valueOf(BiddingCalls.string("select id from place where code = 'HM-XS'"));
        if (BiddingCalls.string("select id from purchasing_unit where code = 'HM-XS-CS'") == null) {
            BiddingCalls.update("insert into purchasing_unit(code, name_zh, name_en, place_id, active, version) values "
                    + "('HM-XS-CS', '西山镇综合文化站', 'Xishan Town Cultural Station', ?, true, 0)", xishan);
        }
        long xsUnit = Long.parseLong(BiddingCalls.string("select id from purchasing_unit where code = 'HM-XS-CS'"));
        ObjectNode u = ApiCalls.JSON.createObjectNode();
        u.put("username", "station-xs").put("displayName", "西山站 Xishan station").put("password", "station-xs-pass-1");
        u.putArray("roles").add("station");
        u.put("unitId", xsUnit);
        Answer created = api.call("POST", "/api/admin/users", "admin", u);
        assertThat(created.status()).as(created.toString()).isIn(200, 201);
        ObjectNode verify = ApiCalls.JSON.createObjectNode().put("decision", "VERIFY");
        Answer outside = api.send("POST", "/api/events/" + event1 + "/check", "station-xs", "station-xs-pass-1", null,
                "application/json", verify.toString());
        assertProblem(outside, 403, "delivery.notYourPlace");
        assertProblem(api.call("POST", "/api/events/" + event1 + "/check", VENDOR, verify), 403);

        assertThat(api.ok(200, "POST", "/api/events/" + event1 + "/check", "station1", verify).path("status").asText()).isEqualTo("VERIFIED");
        assertProblem(api.call("POST", "/api/events/" + event1 + "/check", "station1", verify), 409, "delivery.alreadyChecked");
        ObjectNode dispute = ApiCalls.JSON.createObjectNode().put("decision", "DISPUTE");
        assertProblem(api.call("POST", "/api/events/" + event2 + "/check", "station1", dispute), 422, "delivery.disputeReasonRequired");
        dispute.put("reason", "村委会反映当晚未放映");
        assertThat(api.ok(200, "POST", "/api/events/" + event2 + "/check", "station1", dispute).path("status").asText()).isEqualTo("DISPUTED");

        JsonNode schedule = api.get("/api/contracts/" + contractId + "/schedule", "officer");
        assertThat(schedule.toString()).contains("石桥村");
    }

    @Test
    @Order(5)
    void residentsRateWithOneTimeCodesAndAFloodIsStopped() throws Exception {
        ObjectNode n = ApiCalls.JSON.createObjectNode().put("count", 2);
        JsonNode issued = api.ok(201, "POST", "/api/events/" + event1 + "/codes", VENDOR, n);
        issued.path("codes").forEach(c -> codes.add(c.asText()));
        assertThat(codes).hasSize(2).allMatch(c -> c.matches("[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}"));
        assertThat(issued.path("link").asText()).endsWith("/public/rate.xhtml?e=" + token1);
        assertProblem(api.call("POST", "/api/events/" + event1 + "/codes", VENDOR, n.put("count", 149)), 422, "rating.moreThanAttendance");
        assertProblem(api.call("POST", "/api/events/" + event2 + "/codes", VENDOR, n.put("count", 1)), 409, "rating.closed");
        assertProblem(api.call("POST", "/api/events/" + event1 + "/codes", "vendor3", n.put("count", 1)), 403, "delivery.notYourEvent");
        HttpResponse<byte[]> qr = api.download("/api/events/" + event1 + "/qr.png");
        assertThat(qr.statusCode()).as("the QR code needs a login").isEqualTo(401);

        JsonNode pub = api.get("/api/public/events/" + token1, null);
        assertThat(pub.path("open").asBoolean()).isTrue();
        assertThat(pub.path("placeZh").asText()).isEqualTo("石桥村");

        assertThat(rate(token1, codes.get(0), 5).status()).isEqualTo(201);                 // 1st attempt
        assertProblem(rate(token1, codes.get(0), 1), 409, "rating.codeUsed");               // 2nd: the same code again
        assertProblem(rate(token1, "ABCDE-FGHJK", 1), 422, "rating.codeInvalid");         // 3rd: a guess
        assertProblem(rate(token2, "ABCDE-FGHJK", 1), 409, "rating.closed");              // a disputed event takes no rating
        assertThat(rate(token1, codes.get(1).toLowerCase().replace("-", " "), 3).status()).isEqualTo(201); // 4th
        assertProblem(rate(token1, "ABCDE-FGHJ2", 1), 422, "rating.codeInvalid");         // 5th
        Answer flood = rate(token1, "ABCDE-FGHJ3", 1);                                     // 6th within a minute
        assertProblem(flood, 429, "rating.tooMany");
        assertThat(flood.headers().firstValue("Retry-After")).isPresent();

        JsonNode e = api.get("/api/events/" + event1, "officer");
        assertThat(e.path("ratings").asLong()).isEqualTo(2);
        assertThat(e.path("averageStars").decimalValue()).isEqualByComparingTo("4.00");
        assertThat(api.get("/api/events/" + event1, "officer").toString()).doesNotContain("<script>");
    }

    @Test
    @Order(6)
    void theEvaluatorScoresTheOfficerReviewsTheHeadSignsAndThePaymentFollowsTheTable() throws Exception {
        int jobs = BiddingCalls.update("update act_ru_job set duedate_ = now() - interval '1 second' where process_instance_id_ = "
                + "(select term_process_id from contract where id = ?)", contractId);
        assertThat(jobs).as("the period-end timer of the contract's term").isEqualTo(1);
        String score = awaitTask("evaluator", "scoreIndicators", Duration.ofSeconds(60));
        JsonNode c = contract("officer");
        evaluationId = c.path("evaluations").get(0).path("id").asLong();
        JsonNode ev = api.get("/api/performance/evaluations/" + evaluationId, "evaluator");
        assertThat(ev.path("status").asText()).isEqualTo("SCORING");
        JsonNode indicators = ev.path("indicators");
        assertThat(indicators).hasSize(3);
        Map<String, Long> ids = new HashMap<>();
        for (JsonNode i : indicators) {
            ids.put(i.path("name").asText().split(" ")[0], i.path("id").asLong());
        }
        String all = indicators.toString();
        assertThat(all).as("evidence from the delivery records").contains("1.0 / ", "150", "4.00 / 5", "2 条");
        // the period is closed for new deliveries now
        assertProblem(api.call("POST", "/api/contracts/" + contractId + "/events", VENDOR, event("HM-DH-3", today().minusDays(2), 30)),
                422, "delivery.PERIOD_CLOSED");

        long del = ids.get("放映场次完成率");
        long att = ids.get("观影人次");
        long sat = ids.get("群众满意度");
        Map<String, String> scores = new HashMap<>();
        scores.put("score." + del, "50.01");
        scores.put("comment." + del, "一村放映一场，另一场有争议");
        scores.put("score." + att, "15");
        scores.put("comment." + att, "人次尚可");
        scores.put("score." + sat, "20");
        scores.put("comment." + sat, "评价两条");
        assertProblem(complete("evaluator", score, "SUBMIT", null, scores), 422, "performance.SCORE_ABOVE_WEIGHT");
        scores.put("score." + del, "30");
        scores.remove("comment." + sat);
        assertProblem(complete("evaluator", score, "SUBMIT", null, scores), 422, "performance.COMMENT_MISSING");
        scores.put("comment." + sat, "评价两条");
        assertThat(complete("evaluator", score, "SUBMIT", null, scores).status()).isEqualTo(200);
        assertThat(api.get("/api/performance/evaluations/" + evaluationId, "officer").path("totalScore").asText()).isEqualTo("65.00");
        ObjectNode change = ApiCalls.JSON.createObjectNode().put("score." + del, "50");
        assertProblem(api.call("PUT", "/api/performance/evaluations/" + evaluationId + "/scores", "evaluator", change), 409, "performance.scoresLocked");

        String review = awaitTask("officer", "reviewEvaluation", Duration.ofSeconds(10));
        assertProblem(complete("officer", review, "RETURN", null, Map.of()), 422, "task.commentRequired");
        assertThat(complete("officer", review, "RETURN", "请补充观影人次核查依据", Map.of()).status()).isEqualTo(200);
        score = awaitTask("evaluator", "scoreIndicators", Duration.ofSeconds(10));
        JsonNode back = api.get("/api/performance/evaluations/" + evaluationId, "evaluator");
        assertThat(back.path("returnComment").asText()).contains("观影人次");
        scores.put("comment." + att, "人次经核查为 150 人");
        assertThat(complete("evaluator", score, "SUBMIT", null, scores).status()).isEqualTo(200);
        review = awaitTask("officer", "reviewEvaluation", Duration.ofSeconds(10));
        assertThat(complete("officer", review, "APPROVE", null, Map.of()).status()).isEqualTo(200);
        String signOff = awaitTask("head", "signOffEvaluation", Duration.ofSeconds(10));
        assertProblem(api.call("PUT", "/api/performance/evaluations/" + evaluationId + "/scores", "evaluator", change), 409, "performance.scoresLocked");
        assertThat(complete("head", signOff, "SIGN", null, Map.of()).status()).isEqualTo(200);

        JsonNode done = api.get("/api/performance/evaluations/" + evaluationId, "officer");
        assertThat(done.path("status").asText()).isEqualTo("SIGNED");
        assertThat(done.path("band").asText()).isEqualTo("PASS");
        assertThat(new java.math.BigDecimal(done.path("paymentShare").asText())).isEqualByComparingTo("0.70");
        assertThat(done.path("rectification").asBoolean()).isTrue();
        // after sign-off nobody changes a score
        assertProblem(api.call("PUT", "/api/performance/evaluations/" + evaluationId + "/scores", "evaluator", change), 409, "performance.scoresLocked");
        JsonNode orders = contract("officer").path("paymentOrders");
        assertThat(orders).hasSize(1);
        assertThat(orders.get(0).path("milestoneAmount").asText()).isEqualTo("22000.00");
        assertThat(orders.get(0).path("amount").asText()).as("22,000.00 x 70%").isEqualTo("15400.00");
        // no process variable of the evaluation is a serialized Java object
        assertThat(BiddingCalls.string("select count(*) from act_hi_varinst where var_type_ in ('serializable', 'object') "
                + "and proc_def_key_ in ('contract-signing', 'contract-term', 'performance-evaluation')")).isEqualTo("0");
    }

    @Test
    @Order(7)
    void financePaysAtMostTheOrder() throws Exception {
        long order = contract("officer").path("paymentOrders").get(0).path("id").asLong();
        String path = "/api/performance/payments/" + order + "/paid";
        ObjectNode p = ApiCalls.JSON.createObjectNode().put("amount", "15400.01").put("bankReference", "ICBC-20261201-0001");
        assertProblem(api.call("POST", path, "finance", p), 422, "payment.PAID_ABOVE_ORDER");
        assertProblem(api.call("POST", path, "officer", p.put("amount", "15400.00")), 403);
        assertProblem(api.call("POST", path, "finance", ApiCalls.JSON.createObjectNode().put("amount", "15400.00")), 422, "payment.bankReferenceRequired");
        JsonNode paid = api.ok(200, "POST", path, "finance", p);
        assertThat(paid.path("status").asText()).isEqualTo("PAID");
        assertThat(paid.path("paidAmount").asText()).isEqualTo("15400.00");
        assertProblem(api.call("POST", path, "finance", p), 409, "payment.ALREADY_PAID");
        assertThat(api.get("/api/performance/payments?status=PAID", "finance").toString()).contains("\"id\":" + order);

        // the public OCDS package carries the contract and its payment, valid against OCDS 1.1.5
        JsonNode ocds = api.get("/api/public/tenders/" + tenderId + "/ocds", null);
        TenderLifecycleIT.assertOcdsValid(ocds);
        JsonNode release = null;
        for (JsonNode r : ocds.path("releases")) {
            if (r.path("contracts").size() > 0 && r.path("contracts").get(0).path("id").asText().equals("contract-" + contractId)) {
                release = r;
            }
        }
        assertThat(release).as("a contract release").isNotNull();
        assertThat(release.path("tag").toString()).contains("contract", "implementation");
        JsonNode k = release.path("contracts").get(0);
        assertThat(k.path("status").asText()).isEqualTo("active");
        assertThat(k.path("value").path("amount").decimalValue()).as("88,000 + 5,000 supplement").isEqualByComparingTo("93000");
        assertThat(k.path("implementation").path("transactions").get(0).path("value").path("amount").decimalValue()).isEqualByComparingTo("15400");
    }

    @Test
    @Order(8)
    void theRectificationIsRecheckedUntilItPassesAndTheCreditRecordShowsIt() throws Exception {
        String rectify = awaitTask(VENDOR, "rectify", Duration.ofSeconds(10));
        assertProblem(complete(VENDOR, rectify, "REPORT", null, Map.of()), 422, "performance.rectificationReportRequired");
        assertThat(complete(VENDOR, rectify, "REPORT", "已补放一场并张贴放映预告", Map.of()).status()).isEqualTo(200);
        String recheck = awaitTask("officer", "recheckRectification", Duration.ofSeconds(10));
        assertProblem(complete("officer", recheck, "FAILED", null, Map.of()), 422, "performance.recheckReasonRequired");
        assertThat(complete("officer", recheck, "FAILED", "补放未经村委会确认", Map.of()).status()).isEqualTo(200);
        rectify = awaitTask(VENDOR, "rectify", Duration.ofSeconds(10));
        assertThat(complete(VENDOR, rectify, "REPORT", "村委会已签字确认补放", Map.of()).status()).isEqualTo(200);
        recheck = awaitTask("officer", "recheckRectification", Duration.ofSeconds(10));
        assertThat(complete("officer", recheck, "PASSED", null, Map.of()).status()).isEqualTo(200);

        JsonNode credit = api.get("/api/performance/vendors/" + vendorId + "/credit", "officer");
        JsonNode s = credit.path("summary");
        assertThat(s.path("evaluations").asInt()).isEqualTo(1);
        assertThat(s.path("averageScore").decimalValue()).isEqualByComparingTo("65.00");
        assertThat(s.path("rectifications").asInt()).isEqualTo(1);
        assertThat(s.path("failedRechecks").asInt()).isEqualTo(1);
        assertThat(s.path("grade").asText()).isEqualTo("C");
        assertThat(credit.path("entries").toString()).contains("RECTIFIED", "RECHECK_FAILED", "EVALUATION");
        assertProblem(api.call("GET", "/api/performance/vendors/" + vendorId + "/credit", "vendor3", null), 403);
        assertThat(api.call("GET", "/api/performance/vendors/" + vendorId + "/credit", VENDOR, null).status()).isEqualTo(200);
    }

    @Test
    @Order(9)
    void theDashboardShowsWhatTheMoneyBoughtAndExportsIt() throws Exception {
        int year = today().minusDays(5).getYear();
        long shiqiao = api.placeId("HM-DH-3");
        JsonNode d = api.get("/api/dashboard?year=" + year + "&placeId=" + shiqiao, "officer");
        JsonNode t = d.path("total");
        assertThat(t.path("activities").asLong()).as("one verified screening; the disputed one elsewhere").isEqualTo(1);
        assertThat(t.path("people").asLong()).isEqualTo(150);
        assertThat(t.path("ratings").asLong()).isEqualTo(2);
        assertThat(t.path("satisfaction").decimalValue()).isEqualByComparingTo("4.00");
        assertThat(t.path("spend").decimalValue()).as("half of the paid order: the contract has two villages").isEqualByComparingTo("7700.00");
        JsonNode county = api.get("/api/dashboard?year=" + year, "head");
        assertThat(county.path("total").path("activities").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(county.path("vendors").toString()).contains(VENDOR_NAME);
        assertProblem(api.call("GET", "/api/dashboard?year=" + year, VENDOR, null), 403);
        assertProblem(api.call("GET", "/api/dashboard?year=1999", "officer", null), 422, "dashboard.yearRange");

        Answer x = api.send("GET", "/api/dashboard/export?year=" + year + "&placeId=" + shiqiao, "officer", ItSupport.PASSWORD,
                Map.of("Accept", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), null, null);
        assertThat(x.status()).isEqualTo(200);
        HttpResponse<byte[]> bytes = ItSupport.HTTP.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(ItSupport.base(deployed) + "api/dashboard/export?year=" + year + "&placeId=" + shiqiao))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(("officer:" + ItSupport.PASSWORD).getBytes()))
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes.body()))) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(3);
            String first = wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue();
            assertThat(first).contains("石桥村");
            assertThat(wb.getSheetAt(0).getRow(2).getCell(1).getNumericCellValue()).isEqualTo(1.0);
        }
    }
}
