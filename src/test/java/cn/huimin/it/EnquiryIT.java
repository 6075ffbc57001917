package cn.huimin.it;

import static cn.huimin.it.ApiCalls.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import cn.huimin.it.ApiCalls.Answer;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
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
 * Enquiries over REST on PostgreSQL: a vendor asks, an officer of the purchasing unit answers, the answer is
 * published without the asker; an answer that changes the tender becomes an amendment for the head; no questions
 * after the deadline or from anyone but vendors.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EnquiryIT {
    private static long tenderId;

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

    private Answer ask(String user, long tender, String question) throws Exception {
        return api.call("POST", "/api/enquiries", user, Map.of("tenderId", tender, "question", question));
    }

    private String processOf(long enquiryId) throws Exception {
        String pid = BiddingCalls.string("select process_instance_id from enquiry where id = ?", enquiryId);
        assertThat(pid).as("enquiry %d has a process", enquiryId).isNotNull();
        return pid;
    }

    private List<Long> publishedIds(long tender) throws Exception {
        List<Long> out = new ArrayList<>();
        api.get("/api/public/tenders/" + tender + "/enquiries", null).forEach(q -> out.add(q.path("id").asLong()));
        return out;
    }

    @Test
    @Order(1)
    void aVendorAsksAnOfficerAnswersAndTheAnswerIsPublishedWithoutTheAsker() throws Exception {
        JsonNode t = bc.publish(api.openTender("2027年村级文化管家服务 (IT enquiry)", "180000.00", "HM-DH-3"));
        tenderId = t.path("id").asLong();
        String asker = bc.vendorName("vendor2");

        String question = "第一标段的放映设备是否由采购人提供？";
        Answer asked = ask("vendor2", tenderId, question);
        assertThat(asked.status()).as(asked.toString()).isEqualTo(201);
        JsonNode e = asked.json();
        long enquiryId = e.path("id").asLong();
        assertThat(e.path("tenderId").asLong()).isEqualTo(tenderId);
        assertThat(e.path("question").asText()).isEqualTo(question);
        assertThat(e.path("status").asText()).isEqualTo("OPEN");
        assertThat(e.path("answer").isNull() || e.path("answer").isMissingNode()).isTrue();
        Instant askedAt = OffsetDateTime.parse(e.path("askedAt").asText()).toInstant();
        Instant due = OffsetDateTime.parse(e.path("answerDue").asText()).toInstant();
        assertThat(askedAt).isBetween(Instant.now().minusSeconds(120), Instant.now().plusSeconds(5));
        assertThat(due).as("answered within 3 working days").isAfter(askedAt).isBefore(askedAt.plus(Duration.ofDays(20)));

        // the asker sees it among his questions; other vendors do not; the public does not before the answer
        assertThat(ids(api.get("/api/enquiries/mine", "vendor2"))).contains(enquiryId);
        assertThat(ids(api.get("/api/enquiries/mine?tenderId=" + tenderId, "vendor2"))).containsExactly(enquiryId);
        assertThat(ids(api.get("/api/enquiries/mine", "vendor3"))).doesNotContain(enquiryId);
        assertThat(publishedIds(tenderId)).doesNotContain(enquiryId);

        // the officer's task; head and vendors do not have it
        String pid = processOf(enquiryId);
        JsonNode task = bc.taskOfProcess("officer", pid, "answerEnquiry");
        assertThat(task).as("officer's answerEnquiry task").isNotNull();
        assertThat(task.path("tenderId").asLong()).isEqualTo(tenderId);
        assertThat(OffsetDateTime.parse(task.path("due").asText()).toInstant()).isEqualTo(due);
        assertThat(bc.taskOfProcess("head", pid, "answerEnquiry")).isNull();
        assertThat(bc.taskOfProcess("vendor2", pid, "answerEnquiry")).isNull();
        String taskId = task.path("id").asText();

        // an officer of another unit may not answer; an empty answer is refused; neither leaves the task claimed
        assertThat(bc.taskOfProcess("officer2", pid, "answerEnquiry")).as("an officer of another unit does not get the task").isNull();
        Answer otherUnit = api.complete("officer2", taskId, "ANSWER", "其他单位的回答");
        assertProblem(otherUnit, 403);
        assertThat(otherUnit.codes()).containsAnyOf("task.notYours", "tender.otherUnit");
        assertProblem(api.complete("officer", taskId, "ANSWER", "  "), 422, "validation.required");
        assertProblem(api.complete("officer", taskId, "APPROVE", "x"), 422, "task.decisionUnknown");
        JsonNode still = bc.taskOfProcess("officer", pid, "answerEnquiry");
        assertThat(still).isNotNull();
        assertThat(still.path("assignee").isNull() || still.path("assignee").isMissingNode()).as(still.toString()).isTrue();

        String answer = "放映设备由中标供应商自备，采购人提供场地和电源。";
        bc.claimAndComplete("officer", taskId, "ANSWER", answer);
        assertThat(bc.taskOfProcess("officer", pid, "answerEnquiry")).isNull();
        assertThat(api.task("head", tenderId, "approveTenderChange")).as("a plain answer changes nothing").isNull();

        JsonNode published = api.get("/api/public/tenders/" + tenderId + "/enquiries", null);
        JsonNode qa = null;
        for (JsonNode q : published) {
            if (q.path("id").asLong() == enquiryId) {
                qa = q;
            }
        }
        assertThat(qa).as("published Q&A: " + published).isNotNull();
        assertThat(qa.path("question").asText()).isEqualTo(question);
        assertThat(qa.path("answer").asText()).isEqualTo(answer);
        assertThat(qa.path("changesTender").asBoolean()).isFalse();
        assertThat(qa.path("answeredAt").asText()).isNotBlank();
        // nobody learns who asked: neither the login nor the vendor's name, nor the answering officer
        String json = published.toString();
        assertThat(json).doesNotContain("vendor2").doesNotContain(asker).doesNotContain("askedBy").doesNotContain("officer");
        String page = bc.page("/public/notice.xhtml?id=" + tenderId).body();
        assertThat(page).contains("放映设备由中标供应商自备").doesNotContain(asker);

        JsonNode mine = api.get("/api/enquiries/mine?tenderId=" + tenderId, "vendor2").get(0);
        assertThat(mine.path("status").asText()).isEqualTo("ANSWERED");
        assertThat(mine.path("answer").asText()).isEqualTo(answer);
    }

    @Test
    @Order(2)
    void anAnswerThatChangesTheTenderGoesToTheHeadAsAnAmendment() throws Exception {
        assertThat(tenderId).isPositive();
        String question = "服务期限能否从2027年3月开始？";
        Answer asked = ask("vendor3", tenderId, question);
        assertThat(asked.status()).as(asked.toString()).isEqualTo(201);
        long enquiryId = asked.json().path("id").asLong();
        String pid = processOf(enquiryId);
        JsonNode task = bc.taskOfProcess("officer", pid, "answerEnquiry");
        assertThat(task).isNotNull();
        int notices = api.get("/api/public/tenders/" + tenderId, null).path("notices").size();

        String answer = "服务期限调整为2027年3月1日起，招标文件相应修改。";
        bc.claimAndComplete("officer", task.path("id").asText(), "AMEND", answer);

        JsonNode change = api.task("head", tenderId, "approveTenderChange");
        assertThat(change).as("the head's approveTenderChange task from the enquiry").isNotNull();
        assertThat(api.get("/api/tenders/" + tenderId + "/changes", "officer")).anySatisfy(c -> {
            assertThat(c.path("type").asText()).isEqualTo("AMENDMENT");
            assertThat(c.path("status").asText()).isEqualTo("PENDING");
            assertThat(c.path("text").asText()).isEqualTo(answer);
        });
        assertThat(publishedIds(tenderId)).contains(enquiryId);
        JsonNode qa = null;
        for (JsonNode q : api.get("/api/public/tenders/" + tenderId + "/enquiries", null)) {
            if (q.path("id").asLong() == enquiryId) {
                qa = q;
            }
        }
        assertThat(qa.path("changesTender").asBoolean()).isTrue();
        assertThat(api.get("/api/public/tenders/" + tenderId, null).path("notices")).as("nothing amended before the head approves")
                .hasSize(notices);

        api.decide("head", tenderId, "approveTenderChange", "APPROVE", "同意修改");
        JsonNode pub = api.get("/api/public/tenders/" + tenderId, null);
        assertThat(pub.path("notices")).hasSize(notices + 1);
        JsonNode last = pub.path("notices").get(notices);
        assertThat(last.path("kind").asText()).isEqualTo("AMENDMENT");
        assertThat(last.path("text").asText()).isEqualTo(answer);
    }

    @Test
    @Order(3)
    void onlyVendorsAskAndOnlyAboutAPublishedTenderBeforeItsDeadline() throws Exception {
        assertThat(tenderId).isPositive();
        List<Long> before = publishedIds(tenderId);
        long mine = api.get("/api/enquiries/mine", "vendor4").size();

        // staff and the public may not ask
        for (String staff : List.of("officer", "head", "admin", "supervisor", "finance")) {
            assertProblem(ask(staff, tenderId, "工作人员的提问"), 403);
        }
        assertThat(ask(null, tenderId, "匿名提问").status()).isEqualTo(401);
        // a login without a vendor profile
        Answer noProfile = ask("vendor6", tenderId, "没有档案的供应商提问");
        assertThat(noProfile.status()).as(noProfile.toString()).isIn(403, 404);

        // what is asked must be a question, not too long
        assertProblem(ask("vendor4", tenderId, "   "), 422, "validation.required");
        assertProblem(ask("vendor4", tenderId, "问".repeat(4001)), 422, "validation.tooLong");
        assertProblem(api.call("POST", "/api/enquiries", "vendor4", Map.of("tenderId", tenderId)), 422, "validation.required");

        // only published tenders: a draft is unknown to vendors
        JsonNode draft = api.create("officer", api.openTender("草稿不能提问 (IT enquiry draft)", "100000.00", "HM-DH-3"));
        assertProblem(ask("vendor4", draft.path("id").asLong(), "草稿的问题"), 404, "tender.notFound");
        assertProblem(ask("vendor4", 999_999_999L, "不存在的招标"), 404, "tender.notFound");

        // the deadline passed a second ago: closed
        JsonNode late = bc.publish(api.openTender("截止后提问 (IT enquiry closed)", "120000.00", "HM-DH-4"));
        long lateId = late.path("id").asLong();
        Answer open = ask("vendor4", lateId, "截止前的问题");
        assertThat(open.status()).as(open.toString()).isEqualTo(201);
        BiddingCalls.deadlinePassed(lateId, "1 second");
        Answer closed = ask("vendor4", lateId, "截止后的问题");
        assertProblem(closed, 409, "enquiry.closed");

        assertThat(publishedIds(tenderId)).isEqualTo(before);
        assertThat(api.get("/api/enquiries/mine", "vendor4").size()).as("only the question before the deadline").isEqualTo(mine + 1);
        assertThat(api.call("GET", "/api/enquiries/mine", "officer", null).status()).isEqualTo(403);
    }

    private static List<Long> ids(JsonNode list) {
        List<Long> out = new ArrayList<>();
        list.forEach(e -> out.add(e.path("id").asLong()));
        return out;
    }
}
