package cn.huimin.it;

import static cn.huimin.it.ApiCalls.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import cn.huimin.it.ApiCalls.Answer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Evaluation end to end over REST on PostgreSQL: four vendors bid on one lot (one abnormally low), the opening leads
 * to the evaluation process; the officer asks for the draw, which screens out the two experts related to bidders and
 * can be re-run to the same committee; one expert recuses and a reserve takes the seat; the low bidder explains, the
 * chair rejects; members score alone (refusals for non-members, out-of-range points, missing comments, a second
 * signature), the result is computed by the published formula, members sign the report (one with dissent) and the
 * lot goes on to the award.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EvaluationIT {
    private static long tenderId;
    private static long lotId;
    private static long committeeId;
    private static final Map<String, Long> BID = new LinkedHashMap<>();
    private static final Map<String, String> PRICE = Map.of("vendor1", "300000.00", "vendor2", "280000.00",
            "vendor3", "260000.00", "vendor4", "100000.00");
    private static final List<String> MEMBERS = new ArrayList<>();
    private static String recused;
    private static String chair;
    private static long factorPlan;
    private static long factorEquipment;

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

    private Answer complete(String user, String taskId, String decision, String comment, Map<String, String> details) throws Exception {
        return api.complete(user, taskId, decision, comment, details);
    }

    private JsonNode awaitTask(String user, String key, Duration max) throws Exception {
        return api.awaitTask(user, tenderId, key, max);
    }

    @Test
    @Order(1)
    void fourVendorsBidAndTheOpeningStartsTheEvaluation() throws Exception {
        ObjectNode form = api.openTender("2027年东湖镇农村电影放映 (IT evaluation)", "400000.00", "HM-DH-1");
        form.putNull("bidSecurity");
        JsonNode t = bc.publish(form);
        tenderId = t.path("id").asLong();
        lotId = t.path("lots").get(0).path("id").asLong();
        factorPlan = Long.parseLong(BiddingCalls.string("select id from scoring_factor where tender_id = ? and name = ?", tenderId, "服务方案"));
        factorEquipment = Long.parseLong(BiddingCalls.string("select id from scoring_factor where tender_id = ? and name = ?", tenderId, "放映设备"));
        assertThat(factorPlan).isPositive();
        assertThat(factorEquipment).isPositive();
        for (String v : PRICE.keySet()) {
            Answer up = bc.attach(v, tenderId, "方案-" + v + ".pdf", BiddingCalls.pdf("evaluation " + v));
            assertThat(up.status()).as(up.toString()).isEqualTo(201);
            Answer a = bc.submitBid(v, BiddingCalls.key("eval-" + v), BiddingCalls.bid(tenderId, lotId, PRICE.get(v),
                    List.of("<b>服务方案</b> of " + v, "放映设备 of " + v), List.of(up.json().path("id").asLong()), true));
            assertThat(a.status()).as(a.toString()).isEqualTo(201);
            BID.put(v, a.json().path("bidId").asLong());
        }
        BiddingCalls.awaitBidsOlderThanASecond(tenderId);
        BiddingCalls.deadlinePassed(tenderId, "1 second");
        BiddingCalls.fireOpeningTimer(tenderId);
        JsonNode opening = bc.awaitOpening(tenderId, Duration.ofSeconds(60));
        assertThat(opening.toString()).contains("vendor", "300000");
        api.decide("officer", tenderId, "signOpening", "SIGN", null);

        JsonNode committees = api.get("/api/evaluations/tenders/" + tenderId + "/committees", "officer");
        assertThat(committees).hasSize(1);
        committeeId = committees.get(0).path("id").asLong();
        assertThat(committees.get(0).path("size").asInt()).as("5 members below 10 million (decision table)").isEqualTo(5);
        assertThat(committees.get(0).path("status").asText()).isEqualTo("REQUESTED");
        assertThat(awaitTask("officer", "requestCommittee", Duration.ofSeconds(10))).isNotNull();
    }

    @Test
    @Order(2)
    void theDrawScreensOutRelatedExpertsAndCanBeRerun() throws Exception {
        String task = api.taskId("officer", tenderId, "requestCommittee");
        api.ok(200, "POST", "/api/tasks/" + task + "/claim", "officer", null);
        // more purchaser representatives than a third of the seats: refused, nothing drawn
        assertProblem(complete("officer", task, "DRAW", null, Map.of("purchaserReps", "officer,head")), 422, "evaluation.tooManyPurchaserReps");
        // someone outside the purchasing unit: refused
        assertProblem(complete("officer", task, "DRAW", null, Map.of("purchaserReps", "expert3")), 422, "evaluation.notAPurchaserRep");
        Answer ok = complete("officer", task, "DRAW", null, Map.of("purchaserReps", ""));
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);

        JsonNode check = api.get("/api/evaluations/committees/" + committeeId + "/draw", "supervisor");
        assertThat(check.path("sameOrder").asBoolean()).isTrue();
        assertThat(check.path("sameMembers").asBoolean()).isTrue();
        assertThat(check.path("seed").asText()).matches("[0-9a-f]{32}");
        assertThat(check.path("candidates")).hasSize(7);
        List<String> excluded = new ArrayList<>();
        check.path("exclusions").forEach(e -> excluded.add(e.path("reason").asText() + ":" + e.path("vendorName").asText()));
        assertThat(excluded).containsExactlyInAnyOrder("CONFLICT_EMPLOYER:惠民县春雨文化服务中心", "CONFLICT_RELATIVE:东湖文化管家服务有限公司");

        JsonNode summary = api.get("/api/evaluations/committees/" + committeeId, "officer");
        for (JsonNode m : summary.path("members")) {
            assertThat(m.path("username").asText()).as("conflicted experts are never drawn").isNotIn("expert1", "expert2");
        }
        long invited = 0;
        for (JsonNode m : summary.path("members")) {
            if (m.path("status").asText().equals("INVITED")) {
                invited++;
                MEMBERS.add(m.path("username").asText());
            }
        }
        assertThat(invited).isEqualTo(5);
        assertThat(summary.path("scoresVisible").asBoolean()).isFalse();
        // a vendor cannot see the committee
        assertProblem(api.call("GET", "/api/evaluations/committees/" + committeeId, "vendor3", null), 403);
    }

    @Test
    @Order(3)
    void aRecusedExpertIsReplacedByTheNextInTheDrawOrder() throws Exception {
        recused = MEMBERS.get(0);
        String task = api.taskId(recused, tenderId, "confirmMembership");
        assertProblem(complete(recused, task, "RECUSE", null, Map.of()), 422, "evaluation.recusalReasonRequired");
        assertThat(complete(recused, task, "RECUSE", "我的学生在投标单位任职", Map.of()).status()).isEqualTo(200);
        for (String m : MEMBERS.subList(1, MEMBERS.size())) {
            assertThat(complete(m, api.taskId(m, tenderId, "confirmMembership"), "CONFIRM", null, Map.of()).status()).isEqualTo(200);
        }
        JsonNode summary = api.get("/api/evaluations/committees/" + committeeId, "officer");
        String reserve = null;
        for (JsonNode m : summary.path("members")) {
            if (m.path("status").asText().equals("INVITED")) {
                reserve = m.path("username").asText();
            }
        }
        assertThat(reserve).as("the first reserve is invited").isNotNull().isNotIn("expert1", "expert2", recused);
        assertThat(complete(reserve, api.taskId(reserve, tenderId, "confirmMembership"), "CONFIRM", null, Map.of()).status()).isEqualTo(200);
        MEMBERS.remove(recused);
        MEMBERS.add(reserve);
        summary = api.get("/api/evaluations/committees/" + committeeId, "officer");
        List<String> confirmed = new ArrayList<>();
        for (JsonNode m : summary.path("members")) {
            if (m.path("status").asText().equals("CONFIRMED")) {
                confirmed.add(m.path("username").asText());
                if (m.path("chair").asBoolean()) {
                    chair = m.path("username").asText();
                }
            }
        }
        assertThat(confirmed).containsExactlyInAnyOrderElementsOf(MEMBERS);
        assertThat(chair).isIn(MEMBERS);
    }

    @Test
    @Order(4)
    void theAbnormallyLowBidderExplainsAndTheChairRejects() throws Exception {
        // 100,000 is under half of the other bids' average (280,000)
        JsonNode explain = awaitTask("vendor4", "explainPrice", Duration.ofSeconds(10));
        assertThat(api.task("vendor3", tenderId, "explainPrice")).isNull();
        // the bids cannot be read while the committee waits for the explanation
        assertProblem(api.call("GET", "/api/evaluations/committees/" + committeeId + "/sheet", chair, null), 409, "evaluation.notScoring");
        assertThat(complete("vendor4", explain.path("id").asText(), "EXPLAIN", "我们有自有放映设备和志愿者队伍 <script>x</script>", Map.of()).status()).isEqualTo(200);
        String decide = awaitTask(chair, "decideClarifications", Duration.ofSeconds(10)).path("id").asText();
        long bid4 = BID.get("vendor4");
        assertProblem(complete(chair, decide, "DECIDE", null, Map.of("bid." + bid4, "REJECT")), 422, "task.commentRequired");
        assertThat(complete(chair, decide, "DECIDE", null, Map.of("bid." + bid4, "REJECT", "reason." + bid4, "说明不足以证明能按质履约")).status()).isEqualTo(200);
    }

    private Map<String, String> sheet(String plan, String planComment, String equipment) {
        Map<String, String> d = new HashMap<>();
        for (String v : List.of("vendor1", "vendor2", "vendor3")) {
            long b = BID.get(v);
            d.put("qual." + b, "PASS");
            d.put("score." + b + "." + factorPlan, plan);
            if (planComment != null) {
                d.put("comment." + b + "." + factorPlan, planComment);
            }
            d.put("score." + b + "." + factorEquipment, equipment);
        }
        return d;
    }

    @Test
    @Order(5)
    void membersScoreAloneWithinTheRules() throws Exception {
        String first = MEMBERS.get(0);
        JsonNode sheet = api.get("/api/evaluations/committees/" + committeeId + "/sheet", first);
        assertThat(sheet.path("bids")).as("the rejected low bid is not evaluated").hasSize(3);
        assertThat(sheet.toString()).contains("<b>服务方案</b> of vendor1").doesNotContain("vendor4");
        // not a member: no sheet, no file (audited)
        assertProblem(api.call("GET", "/api/evaluations/committees/" + committeeId + "/sheet", "expert1", null), 403, "evaluation.notMember");
        long attachment = sheet.path("bids").get(0).path("attachments").get(0).path("id").asLong();
        assertProblem(api.call("GET", "/api/evaluations/committees/" + committeeId + "/attachments/" + attachment, "expert1", null), 403);
        Answer file = api.call("GET", "/api/evaluations/committees/" + committeeId + "/attachments/" + attachment, first, null);
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.body()).startsWith("%PDF-1.4");

        String task = api.taskId(first, tenderId, "scoreBids");
        assertProblem(complete(first, task, "SIGN", null, sheet("41", null, "20")), 422, "evaluation.score.range");
        assertProblem(complete(first, task, "SIGN", null, sheet("19.99", null, "20")), 422, "evaluation.score.commentRequired");
        assertProblem(complete(first, task, "SIGN", null, sheet("30.555", null, "20")), 422, "evaluation.score.decimals");
        Map<String, String> failing = sheet("30", null, "20");
        failing.put("qual." + BID.get("vendor1"), "FAIL");
        assertProblem(complete(first, task, "SIGN", null, failing), 422, "evaluation.qualificationReasonRequired");
        // another user cannot complete a member's task, nor can the officer read or write scores
        assertProblem(complete("expert1", task, "SIGN", null, sheet("30", null, "20")), 403);
        assertProblem(complete("officer", task, "SIGN", null, sheet("30", null, "20")), 403);
        assertProblem(api.call("GET", "/api/evaluations/committees/" + committeeId + "/sheet", "officer", null), 403, "evaluation.notMember");

        // member i gives plan 30+i (vendor3 one point more), equipment 20; the second member fails vendor1 with a reason
        for (int i = 0; i < MEMBERS.size(); i++) {
            String m = MEMBERS.get(i);
            Map<String, String> d = sheet(String.valueOf(30 + i), null, "20");
            d.put("score." + BID.get("vendor3") + "." + factorPlan, String.valueOf(31 + i));
            if (i == 1) {
                d.put("qual." + BID.get("vendor1"), "FAIL");
                d.put("qualReason." + BID.get("vendor1"), "放映许可证已过期");
            }
            if (i < MEMBERS.size() - 1) {
                JsonNode s = api.get("/api/evaluations/committees/" + committeeId, m);
                assertThat(s.path("scoresVisible").asBoolean()).as("no one sees scores before all have signed").isFalse();
                assertThat(s.path("scores")).isEmpty();
            }
            Answer a = complete(m, api.taskId(m, tenderId, "scoreBids"), "SIGN", null, d);
            assertThat(a.status()).as(a.toString()).isEqualTo(200);
        }
        // a signed sheet never changes: its task is done
        assertProblem(complete(first, task, "SIGN", null, sheet("40", null, "30")), 409, "task.alreadyCompleted");
    }

    @Test
    @Order(6)
    void theResultFollowsThePublishedFormula() throws Exception {
        JsonNode s = api.get("/api/evaluations/committees/" + committeeId, MEMBERS.get(0));
        assertThat(s.path("scoresVisible").asBoolean()).isTrue();
        assertThat(s.path("status").asText()).isEqualTo("REPORT");
        Map<String, JsonNode> lines = new HashMap<>();
        s.path("lines").forEach(l -> lines.put(l.path("vendorName").asText(), l));
        // technical: average over 5 members of (30+i) + 20 = 52.00; vendor3 53.00. price: lowest qualified 260,000
        BigDecimal lowest = new BigDecimal("260000.00");
        JsonNode v1 = lines.get("惠民县春雨文化服务中心");
        JsonNode v2 = lines.get("东湖文化管家服务有限公司");
        JsonNode v3 = lines.get("西山乡村电影放映队");
        JsonNode v4 = lines.get("南河艺术培训中心");
        assertThat(v4.path("qualified").asBoolean()).isFalse();
        assertThat(v4.path("rejection").asText()).isEqualTo("ABNORMALLY_LOW");
        assertThat(v1.path("qualified").asBoolean()).as("one FAIL of five does not disqualify").isTrue();
        assertThat(new BigDecimal(v1.path("technicalScore").asText())).isEqualByComparingTo("52.00");
        assertThat(new BigDecimal(v3.path("technicalScore").asText())).isEqualByComparingTo("53.00");
        BigDecimal p1 = lowest.divide(new BigDecimal("300000"), 20, RoundingMode.HALF_UP).multiply(BigDecimal.valueOf(30)).setScale(2, RoundingMode.HALF_UP);
        BigDecimal p2 = lowest.divide(new BigDecimal("280000"), 20, RoundingMode.HALF_UP).multiply(BigDecimal.valueOf(30)).setScale(2, RoundingMode.HALF_UP);
        assertThat(new BigDecimal(v1.path("priceScore").asText())).isEqualByComparingTo(p1); // 26.00
        assertThat(new BigDecimal(v2.path("priceScore").asText())).isEqualByComparingTo(p2); // 27.86
        assertThat(new BigDecimal(v3.path("priceScore").asText())).isEqualByComparingTo("30.00");
        assertThat(new BigDecimal(v3.path("total").asText())).isEqualByComparingTo("83.00");
        assertThat(v3.path("rankNo").asInt()).isEqualTo(1);
        assertThat(v2.path("rankNo").asInt()).isEqualTo(2);
        assertThat(v1.path("rankNo").asInt()).isEqualTo(3);
        assertThat(s.path("scores")).hasSize(5 * 3 * 2);
        Map<String, String> acceptPdf = Map.of("Accept", "application/pdf");
        Answer pdf = api.send("GET", "/api/evaluations/committees/" + committeeId + "/report.pdf", MEMBERS.get(1), ItSupport.PASSWORD,
                acceptPdf, null, null);
        assertThat(pdf.status()).as(pdf.toString()).isEqualTo(200);
        assertThat(pdf.body()).startsWith("%PDF-");
        assertThat(api.send("GET", "/api/evaluations/committees/" + committeeId + "/report.pdf", "vendor3", ItSupport.PASSWORD,
                acceptPdf, null, null).status()).isEqualTo(403);
    }

    @Test
    @Order(7)
    void membersSignTheReportOneWithDissentAndTheLotGoesToTheAward() throws Exception {
        for (int i = 0; i < MEMBERS.size(); i++) {
            String m = MEMBERS.get(i);
            String task = api.taskId(m, tenderId, "signReport");
            if (i == 2) {
                assertProblem(complete(m, task, "SIGN_WITH_DISSENT", null, Map.of()), 422, "evaluation.dissentRequired");
                assertThat(complete(m, task, "SIGN_WITH_DISSENT", "我认为西山放映队的设备评分偏高", Map.of()).status()).isEqualTo(200);
            } else {
                assertThat(complete(m, task, "SIGN", null, Map.of()).status()).isEqualTo(200);
            }
        }
        JsonNode s = api.get("/api/evaluations/committees/" + committeeId, "supervisor");
        assertThat(s.path("status").asText()).isEqualTo("COMPLETED");
        long dissents = 0;
        for (JsonNode m : s.path("members")) {
            if (m.path("status").asText().equals("CONFIRMED")) {
                assertThat(m.path("reportSignedAt").isNull()).isFalse();
                if (!m.path("dissent").isNull() && !m.path("dissent").asText().isEmpty()) {
                    dissents++;
                    assertThat(m.path("dissent").asText()).isEqualTo("我认为西山放映队的设备评分偏高");
                }
            }
        }
        assertThat(dissents).isEqualTo(1);
        assertThat(BiddingCalls.string("select status from tender_lot where id = ?", lotId)).isEqualTo("AWARD");
        // the audit trail holds the draw, the signatures and the refused attempts
        List<JsonNode> audit = api.auditSince(0);
        List<String> actions = audit.stream().filter(e -> String.valueOf(tenderId).equals(e.path("entityId").asText())
                || String.valueOf(committeeId).equals(e.path("entityId").asText())).map(e -> e.path("action").asText()).toList();
        assertThat(actions).contains("COMMITTEE_DRAWN", "COMMITTEE_RECUSAL", "PRICE_CLARIFICATIONS_DECIDED", "SCORES_SIGNED",
                "EVALUATION_COMPUTED", "REPORT_SIGNED_WITH_DISSENT", "EVALUATION_COMPLETED", "ACCESS_DENIED");
        assertThat(api.get("/api/audit/verify", "admin").path("intact").asBoolean()).isTrue();
    }

    @Test
    @Order(8)
    void theOfficerConfirmsTheWinnerAndTheAwardNoticeIsPublic() throws Exception {
        JsonNode task = awaitTask("officer", "confirmAward", Duration.ofSeconds(10));
        api.ok(200, "POST", "/api/tasks/" + task.path("id").asText() + "/claim", "officer", null);
        assertProblem(complete("officer", task.path("id").asText(), "NO_AWARD", null, Map.of()), 422, "award.reasonRequired");
        assertThat(complete("officer", task.path("id").asText(), "CONFIRM", null, Map.of()).status()).isEqualTo(200);

        JsonNode awards = api.get("/api/public/tenders/" + tenderId + "/awards", null);
        assertThat(awards).hasSize(1);
        JsonNode a = awards.get(0);
        assertThat(a.path("winner").asText()).isEqualTo("西山乡村电影放映队");
        assertThat(a.path("price").asText()).isEqualTo("260000.00");
        assertThat(a.path("status").asText()).isEqualTo("PUBLISHED");
        assertThat(a.path("contractBlocked").asBoolean()).as("no challenge: a contract may be signed").isFalse();
        assertThat(a.path("bidders")).hasSize(4);
        assertThat(a.path("committee")).hasSize(5);
        assertThat(a.path("committee").toString()).doesNotContain("expert1", "expert2");
        JsonNode ocds = api.get("/api/public/tenders/" + tenderId + "/ocds", null);
        JsonNode award = null;
        for (JsonNode r : ocds.path("releases")) {
            if (r.path("tag").get(0).asText().equals("award")) {
                award = r;
            }
        }
        assertThat(award).as("an OCDS award release").isNotNull();
        assertThat(award.path("awards").get(0).path("suppliers").get(0).path("name").asText()).isEqualTo("西山乡村电影放映队");
        assertThat(award.path("awards").get(0).path("value").path("amount").decimalValue()).isEqualByComparingTo("260000");
        assertThat(BiddingCalls.string("select status from tender_lot where id = ?", lotId)).isEqualTo("AWARDED");
    }

    @Test
    @Order(9)
    void aLosingBidderChallengesThePurchaserAnswersAndTheSupervisorDismissesTheComplaint() throws Exception {
        ObjectNode c = ApiCalls.JSON.createObjectNode();
        c.put("tenderId", tenderId);
        c.put("lotId", lotId);
        c.put("grounds", "我方放映许可证在有效期内，资格审查意见有误 <script>alert(1)</script>");
        c.put("evidence", "许可证编号 HM-2026-001");
        // a vendor that did not bid may not challenge
        assertProblem(api.call("POST", "/api/challenges", "vendor5", c), 403, "challenge.notABidder");
        Answer filed = api.call("POST", "/api/challenges", "vendor1", c);
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        long challengeId = filed.json().path("id").asLong();
        assertThat(api.get("/api/public/tenders/" + tenderId + "/awards", null).get(0).path("contractBlocked").asBoolean())
                .as("no contract while a challenge is pending").isTrue();
        assertProblem(api.call("POST", "/api/challenges", "vendor1", c), 409, "challenge.alreadyOpen");
        // nobody else complains about vendor1's challenge, and not before the answer
        ObjectNode complaint = ApiCalls.JSON.createObjectNode().put("text", "答复未回应我方理由");
        assertProblem(api.call("POST", "/api/challenges/" + challengeId + "/complaint", "vendor1", complaint), 409, "challenge.notAnswered");

        String answer = awaitTask("officer", "answerChallenge", Duration.ofSeconds(10)).path("id").asText();
        api.ok(200, "POST", "/api/tasks/" + answer + "/claim", "officer", null);
        assertThat(complete("officer", answer, "ANSWER", "经复核，评审意见为多数成员意见，资格审查结论成立", Map.of()).status()).isEqualTo(200);

        assertProblem(api.call("POST", "/api/challenges/" + challengeId + "/complaint", "vendor2", complaint), 403, "challenge.notYours");
        assertThat(api.call("POST", "/api/challenges/" + challengeId + "/complaint", "vendor1", complaint).status()).isEqualTo(200);
        String decide = awaitTask("supervisor", "decideComplaint", Duration.ofSeconds(10)).path("id").asText();
        api.ok(200, "POST", "/api/tasks/" + decide + "/claim", "supervisor", null);
        assertProblem(complete("supervisor", decide, "DISMISS", null, Map.of()), 422, "challenge.decisionReasonRequired");
        assertThat(complete("supervisor", decide, "DISMISS", "资格审查结论有事实依据", Map.of()).status()).isEqualTo(200);

        assertThat(api.get("/api/public/tenders/" + tenderId + "/awards", null).get(0).path("contractBlocked").asBoolean())
                .as("the complaint is dismissed: the award stands").isFalse();
        JsonNode pub = api.get("/api/public/tenders/" + tenderId + "/challenges", null);
        assertThat(pub).hasSize(1);
        assertThat(pub.get(0).path("status").asText()).isEqualTo("DECIDED");
        assertThat(pub.get(0).path("decision").asText()).isEqualTo("DISMISS");
        assertThat(pub.get(0).path("answer").asText()).contains("资格审查结论成立");
        assertThat(pub.get(0).toString()).as("the challenger is not named").doesNotContain("惠民县春雨文化服务中心", "vendor1");
        JsonNode mine = api.get("/api/challenges/mine", "vendor1");
        assertThat(mine.get(0).path("decisionReason").asText()).isEqualTo("资格审查结论有事实依据");
    }

    @Test
    @Order(10)
    void aChallengeAfterTheSeventhWorkingDayIsRefusedWithTheLastDayShown() throws Exception {
        String until = BiddingCalls.string("select to_char(challenge_until at time zone 'Asia/Shanghai', 'YYYY-MM-DD') from award where lot_id = ?", lotId);
        assertThat(until).isNotNull();
        // the period ends at the end of its last day: move that moment into the past
        assertThat(BiddingCalls.update("update award set challenge_until = now() - interval '1 second' where lot_id = ?", lotId)).isEqualTo(1);
        String last = BiddingCalls.string("select to_char(challenge_until at time zone 'Asia/Shanghai', 'YYYY-MM-DD') from award where lot_id = ?", lotId);
        ObjectNode c = ApiCalls.JSON.createObjectNode();
        c.put("tenderId", tenderId);
        c.put("lotId", lotId);
        c.put("grounds", "评分不公");
        Answer late = api.call("POST", "/api/challenges", "vendor2", c);
        assertProblem(late, 409, "challenge.late");
        assertThat(late.body()).contains(last);
    }

    @Test
    @Order(11)
    void onlyAnAdministratorKeepsTheExpertPoolAndTheIdNumberIsChecked() throws Exception {
        ObjectNode e = ApiCalls.JSON.createObjectNode();
        e.put("username", "expert9");
        e.put("name", "重复的专家");
        e.put("idNumber", "11010519491231002X");
        e.put("employer", "县文化馆");
        e.putArray("specialties").add(api.category("FILM").path("id").asLong());
        assertProblem(api.call("POST", "/api/experts", "officer", e), 403);
        assertProblem(api.call("POST", "/api/experts", "expert3", e), 403);
        assertProblem(api.call("POST", "/api/experts", "admin", e), 422, "expert.usernameTaken");
        e.put("username", "vendor5");
        assertProblem(api.call("POST", "/api/experts", "admin", e), 422, "expert.loginMissing");
        e.put("idNumber", "110105194912310021");
        assertProblem(api.call("POST", "/api/experts", "admin", e), 422, "expert.idNumber.checkCharacter");
        JsonNode list = api.get("/api/experts?size=50", "supervisor");
        assertThat(list.path("total").asLong()).isGreaterThanOrEqualTo(9);
        assertThat(list.toString()).doesNotContain("idNumberHash");
    }
}
