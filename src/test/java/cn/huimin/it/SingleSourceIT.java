package cn.huimin.it;

import static cn.huimin.it.ApiCalls.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import cn.huimin.it.ApiCalls.Answer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URL;
import java.time.Duration;
import java.util.LinkedHashMap;
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
 * Single source after its public notice, on PostgreSQL in the real container: objections during the notice (and
 * refused after it), the officer's public reply, the negotiation with its refusals, the supplier declining and then
 * confirming, the head returning and approving, the award notice with its challenge period (OCDS valid); and the two
 * other ends: an upheld objection cancels the tender, a failed negotiation fails it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SingleSourceIT {
    static final String SUPPLIER = "vendor3";
    private static long tenderId;
    private static long lotId;
    private static String supplierUscc;
    private static String supplierName;

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

    @Test
    @Order(1)
    void duringTheNoticeVendorsMayObjectAndNothingCanBeNegotiated() throws Exception {
        supplierUscc = BiddingCalls.string("select uscc from vendor where username = ?", SUPPLIER);
        supplierName = BiddingCalls.string("select name from vendor where username = ?", SUPPLIER);
        tenderId = published("送戏下乡地方戏专场 (IT single source negotiation)");
        lotId = api.tender(tenderId, "officer").path("lots").get(0).path("id").asLong();

        assertThat(api.get("/api/public/tenders/" + tenderId + "/objections", null)).isEmpty();
        Answer lodged = objection("vendor1", tenderId, "该剧团并非唯一能演出该剧种的院团 <script>alert('x')</script>");
        assertThat(lodged.status()).as(lodged.toString()).isEqualTo(201);
        assertProblem(objection("vendor1", tenderId, "太短"), 422, "objection.tooShort");
        assertProblem(objection("officer", tenderId, "采购人不能对自己的公告提出异议"), 403);
        assertProblem(objection(null, tenderId, "未登录的人不能通过接口提出异议"), 401);
        assertProblem(objection("vendor1", 999_999_999L, "不存在的项目不能提出异议啊"), 404, "tender.notFound");

        JsonNode listed = api.get("/api/public/tenders/" + tenderId + "/objections", null);
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("text").asText()).contains("<script>");
        assertThat(listed.get(0).toString()).doesNotContain("vendor1").doesNotContain("lodgedBy");
        // the public notice page shows it escaped, and names nobody
        String html = new BiddingCalls(api).page("/public/notice.xhtml?id=" + tenderId).body();
        assertThat(html).contains("&lt;script&gt;").doesNotContain("<script>alert").doesNotContain("vendor1");

        // the notice still runs: no step of the negotiation exists yet
        assertThat(api.task("officer", tenderId, "handleObjections")).isNull();
        assertThat(api.task("officer", tenderId, "negotiateSingleSource")).isNull();
        assertThat(api.tender(tenderId, "officer").path("status").asText()).isEqualTo("PUBLISHED");
    }

    @Test
    @Order(2)
    void afterTheNoticeObjectionsAreRefusedAndTheOfficerRepliesPublicly() throws Exception {
        noticeEnded(tenderId);
        assertProblem(objection("vendor2", tenderId, "公示结束之后提出的异议应被拒绝"), 409, "objection.closed");

        String handle = awaitTask("officer", tenderId, "handleObjections");
        // the notice is over: the tender waits for its negotiation, and no amendment or cancellation is taken
        assertThat(api.tender(tenderId, "officer").path("status").asText()).isEqualTo("OPENED");
        assertThat(api.task("head", tenderId, "handleObjections")).isNull();
        assertProblem(complete("officer", handle, "PROCEED", null, Map.of()), 422, "objection.replyRequired");
        assertProblem(complete("officer", handle, "MAYBE", "答复", Map.of()), 422, "task.decisionUnknown");
        assertThat(complete("officer", handle, "PROCEED", "经核实，该剧团为本县唯一的地方戏专业院团，异议不成立。", Map.of()).status()).isEqualTo(200);

        JsonNode listed = api.get("/api/public/tenders/" + tenderId + "/objections", null);
        assertThat(listed.get(0).path("reply").asText()).contains("异议不成立");
        assertThat(listed.get(0).path("repliedAt").asText()).isNotBlank();
    }

    @Test
    @Order(3)
    void theNegotiationIsCheckedDeclinedByTheSupplierAndRecordedAgain() throws Exception {
        String negotiate = awaitTask("officer", tenderId, "negotiateSingleSource");
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("vendorUscc", "91110000000000000X");
        bad.put("team", "张三、李四");
        bad.put("minutes", "短");
        bad.put("negotiatedOn", BiddingCalls.todayInChina().plusDays(1).toString());
        bad.put("price." + lotId, "120000.01");
        Answer refused = complete("officer", negotiate, "SUBMIT", null, bad);
        assertProblem(refused, 422, "negotiation.vendorUnknown", "negotiation.teamTooSmall", "negotiation.minutesTooShort",
                "negotiation.dateInFuture", "bid.aboveCeiling");
        assertProblem(complete("officer", negotiate, "FAIL", null, Map.of()), 422, "negotiation.failureReasonRequired");
        // a supplier that is not verified cannot be chosen
        String unverified = BiddingCalls.string("select uscc from vendor where status <> 'VERIFIED' order by id limit 1");
        if (unverified != null) {
            Map<String, String> u = good("100000.00");
            u.put("vendorUscc", unverified);
            assertProblem(complete("officer", negotiate, "SUBMIT", null, u), 422, "vendor.notVerified");
        }
        // only the supplier the notice named: another verified vendor is refused
        Map<String, String> other = good("100000.00");
        other.put("vendorUscc", BiddingCalls.string("select uscc from vendor where username = 'vendor1'"));
        assertProblem(complete("officer", negotiate, "SUBMIT", null, other), 422, "negotiation.notTheNoticedSupplier");
        assertThat(complete("officer", negotiate, "SUBMIT", null, good("110000.00")).status()).isEqualTo(200);

        // the supplier confirms; nobody else sees the step
        assertThat(api.task("vendor1", tenderId, "confirmOffer")).isNull();
        assertThat(api.task("officer", tenderId, "confirmOffer")).isNull();
        String confirm = awaitTask(SUPPLIER, tenderId, "confirmOffer");
        assertProblem(complete("vendor1", confirm, "CONFIRM", null, Map.of()), 403);
        assertProblem(complete(SUPPLIER, confirm, "DECLINE", null, Map.of()), 422, "negotiation.declineReasonRequired");
        assertThat(complete(SUPPLIER, confirm, "DECLINE", "价格低于成本，无法按此价格履约", Map.of()).status()).isEqualTo(200);

        String again = awaitTask("officer", tenderId, "negotiateSingleSource");
        assertThat(complete("officer", again, "SUBMIT", null, good("118000.00")).status()).isEqualTo(200);
        String confirm2 = awaitTask(SUPPLIER, tenderId, "confirmOffer");
        assertThat(complete(SUPPLIER, confirm2, "CONFIRM", "同意", Map.of()).status()).isEqualTo(200);
    }

    @Test
    @Order(4)
    void theHeadReturnsThenApprovesAndTheSupplierIsAwardedPublicly() throws Exception {
        String approve = awaitTask("head", tenderId, "approveNegotiation");
        assertThat(api.task("officer", tenderId, "approveNegotiation")).isNull();
        assertProblem(complete("head", approve, "RETURN", null, Map.of()), 422, "task.commentRequired");
        assertThat(complete("head", approve, "RETURN", "协商记录请写明服务场次与人员安排", Map.of()).status()).isEqualTo(200);

        String negotiate = awaitTask("officer", tenderId, "negotiateSingleSource");
        Map<String, String> g = good("118000.00");
        g.put("minutes", "双方确认全年演出 24 场，每场演员不少于 15 人，价格 118000 元，按季度支付。");
        assertThat(complete("officer", negotiate, "SUBMIT", null, g).status()).isEqualTo(200);
        assertThat(complete(SUPPLIER, awaitTask(SUPPLIER, tenderId, "confirmOffer"), "CONFIRM", null, Map.of()).status()).isEqualTo(200);
        assertThat(complete("head", awaitTask("head", tenderId, "approveNegotiation"), "APPROVE", null, Map.of()).status()).isEqualTo(200);

        JsonNode awards = awaitAwards(tenderId);
        JsonNode a = awards.get(0);
        assertThat(a.path("winner").asText()).isEqualTo(supplierName);
        assertThat(a.path("price").asText()).isEqualTo("118000.00");
        assertThat(a.path("status").asText()).isEqualTo("PUBLISHED");
        assertThat(a.path("committee").toString()).contains("张三", "李四", "王五");
        assertThat(BiddingCalls.string("select committee_id from award where tender_id = ?", tenderId)).isNull();
        assertThat(BiddingCalls.string("select status from tender_lot where id = ?", lotId)).isEqualTo("AWARDED");
        assertThat(BiddingCalls.string("select count(*) from negotiation where tender_id = ?", tenderId)).isEqualTo("3");

        JsonNode pkg = api.get("/api/public/tenders/" + tenderId + "/ocds", null);
        TenderLifecycleIT.assertOcdsValid(pkg);
        JsonNode award = null;
        for (JsonNode r : pkg.path("releases")) {
            if (r.path("tag").get(0).asText().equals("award")) {
                award = r;
            }
        }
        assertThat(award).as("an OCDS award release").isNotNull();
        assertThat(award.path("awards").get(0).path("value").path("amount").decimalValue()).isEqualByComparingTo("118000");
        assertThat(award.path("tender").path("procurementMethod").asText()).isEqualTo("direct");
        String notice = BiddingCalls.string("select text_body from tender_notice where tender_id = ? and kind = 'AWARD'", tenderId);
        assertThat(notice).contains("单一来源", supplierName, "118000.00");

        assertThat(api.historyActions(tenderId, "officer")).contains("OBJECTION_LODGED", "OBJECTIONS_HANDLED", "NEGOTIATION_RECORDED",
                "NEGOTIATION_DECLINED", "NEGOTIATION_CONFIRMED", "NEGOTIATION_RETURNED", "NEGOTIATION_APPROVED", "AWARD_PUBLISHED");
        // the step is over: repeating it is refused
        assertProblem(complete("head", approve, "APPROVE", null, Map.of()), 409, "task.alreadyCompleted");
    }

    @Test
    @Order(5)
    void anUpheldObjectionCancelsTheSingleSource() throws Exception {
        long id = published("非遗展演单一来源 (IT single source stopped)");
        assertThat(objection("vendor2", id, "本地另有两家剧团能够演出该剧种，不符合单一来源条件").status()).isEqualTo(201);
        noticeEnded(id);
        String handle = awaitTask("officer", id, "handleObjections");
        assertThat(complete("officer", handle, "STOP", "经核实异议成立，改为公开招标。", Map.of()).status()).isEqualTo(200);
        assertThat(api.tender(id, "officer").path("status").asText()).isEqualTo("CANCELLED");
        assertThat(BiddingCalls.string("select text_body from tender_notice where tender_id = ? and kind = 'CANCELLATION'", id))
                .contains("异议成立");
        assertThat(api.task("officer", id, "negotiateSingleSource")).isNull();
    }

    @Test
    @Order(6)
    void noAgreementFailsTheTender() throws Exception {
        long id = published("文化站运营单一来源 (IT single source failed)");
        noticeEnded(id);
        String negotiate = awaitTask("officer", id, "negotiateSingleSource");
        assertThat(api.task("officer", id, "handleObjections")).as("no objection: nothing to handle").isNull();
        assertThat(complete("officer", negotiate, "FAIL", "供应商报价高于预算，无法达成一致", Map.of()).status()).isEqualTo(200);
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!"FAILED".equals(api.tender(id, "officer").path("status").asText())) {
            assertThat(System.nanoTime()).as("tender %d fails", id).isLessThan(until);
            Thread.sleep(200);
        }
        assertThat(BiddingCalls.string("select count(*) from tender_lot where tender_id = ? and status = 'FAILED'", id)).isEqualTo("1");
        assertThat(BiddingCalls.string("select text_body from tender_notice where tender_id = ? and kind = 'CANCELLATION'", id))
                .contains("未能与供应商达成一致", "供应商报价高于预算");
    }

    // ------------------------------------------------------------------ helpers

    /** A single-source tender approved by the head and finance and published. */
    private long published(String title) throws Exception {
        ObjectNode form = api.singleSource(title, "120000.00", "HM-XS-1");
        form.put("proposedSupplier", supplierName);
        JsonNode t = api.createAndSubmit("officer", form);
        long id = t.path("id").asLong();
        api.decide("head", id, "approveTender", "APPROVE", null);
        api.decide("finance", id, "approveTenderFinance", "APPROVE", null);
        assertThat(api.tender(id, "officer").path("status").asText()).isEqualTo("PUBLISHED");
        return id;
    }

    /** The notice ended a second ago (database clock) and the process's timer is due now; the job executor fires it. */
    private static void noticeEnded(long id) throws Exception {
        BiddingCalls.deadlinePassed(id, "1 second");
        BiddingCalls.fireTimer(id, "single-source");
    }

    private Map<String, String> good(String price) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("vendorUscc", supplierUscc.toLowerCase());
        m.put("team", "张三, 李四，王五");
        m.put("minutes", "双方就演出场次、演员阵容与价格逐项协商，供应商同意按公示方案履约。");
        m.put("negotiatedOn", BiddingCalls.todayInChina().toString());
        m.put("price." + lotId, price);
        return m;
    }

    private Answer objection(String user, long id, String text) throws Exception {
        ObjectNode b = ApiCalls.JSON.createObjectNode();
        b.put("tenderId", id);
        b.put("text", text);
        return api.call("POST", "/api/objections", user, b);
    }

    private Answer complete(String user, String taskId, String decision, String comment, Map<String, String> details) throws Exception {
        return api.complete(user, taskId, decision, comment, details);
    }

    private String awaitTask(String user, long id, String key) throws Exception {
        return api.awaitTask(user, id, key, Duration.ofSeconds(30)).path("id").asText();
    }

    private JsonNode awaitAwards(long id) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            JsonNode awards = api.get("/api/public/tenders/" + id + "/awards", null);
            if (awards.size() > 0) {
                return awards;
            }
            assertThat(System.nanoTime()).as("the award of tender %d is published", id).isLessThan(until);
            Thread.sleep(300);
        }
    }
}
