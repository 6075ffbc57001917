package cn.huimin.it;

import static cn.huimin.it.ApiCalls.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import cn.huimin.it.ApiCalls.Answer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * The tender-preparation slice end to end over REST on PostgreSQL: prepare, submit, return, revise, approve (head,
 * finance where the DMN says so), publish with the statutory deadline, public notice and OCDS, amendment and
 * cancellation, and an intact audit chain.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TenderLifecycleIT {
    private static final String OCDS_ID = "https://standard.open-contracting.org/schema/1__1__5/";
    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

    /** The small-budget open tender published in {@link #smallBudgetOpenTenderSkipsFinance}; amended and cancelled later. */
    private static long smallTender;

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
    void fullPathReturnReviseHeadAndFinanceApprovalPublishes() throws Exception {
        ObjectNode form = api.openTender("2027年全县农村公益电影放映服务 (IT full path)", "600000.00", "HM-DH-1");
        JsonNode draft = api.create("officer", form);
        long id = draft.path("id").asLong();
        assertThat(draft.path("title").asText()).isEqualTo(form.path("title").asText());
        assertThat(draft.path("budget").asText()).isEqualTo("600000.00");
        assertThat(draft.path("lots")).hasSize(1);
        assertThat(draft.path("factors")).hasSize(2);
        assertThat(draft.has("noticeNumber")).isFalse();
        assertThat(api.task("head", id, "approveTender")).as("nothing to approve before submission").isNull();
        byte[] pdf = ("%PDF-1.4\n% 招标文件 IT full path\n%%EOF\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Answer attached = api.upload("officer", id, "招标文件.pdf", pdf);
        assertThat(attached.status()).as(attached.toString()).isEqualTo(201);
        long documentId = attached.json().path("id").asLong();
        draft = api.tender(id, "officer");

        // submit: the answer shows the new state and the version to use next
        Answer submitted = api.submit("officer", id, draft.path("version").asLong());
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
        assertThat(submitted.json().path("status").asText()).isEqualTo("PENDING_APPROVAL");
        JsonNode pending = api.tender(id, "officer");
        assertThat(pending.path("status").asText()).isEqualTo("PENDING_APPROVAL");

        // a pending tender cannot be edited or submitted again
        ObjectNode edit = (ObjectNode) pending.deepCopy();
        edit.put("description", "pending edit");
        assertProblem(api.call("PUT", "/api/tenders/" + id, "officer", edit), 409, "tender.notEditable");
        assertProblem(api.submit("officer", id, pending.path("version").asLong()), 409, "tender.notEditable");
        assertProblem(api.upload("officer", id, "late.pdf", pdf.clone()), 409, "tender.notEditable");
        assertThat(api.download("/api/public/documents/" + documentId).statusCode()).as("not public before publication").isIn(401, 403, 404);

        // head: the task is a group task; returning needs a comment; a refused completion leaves it unclaimed
        JsonNode task = api.task("head", id, "approveTender");
        assertThat(task).isNotNull();
        assertThat(task.path("name").asText()).isNotBlank();
        assertThat(task.path("assignee").isMissingNode() || task.path("assignee").isNull()).as(task.toString()).isTrue();
        assertThat(task.has("due")).as("the task has a due date from the working-day calendar: " + task).isTrue();
        String taskId = task.path("id").asText();
        assertProblem(api.complete("head", taskId, "RETURN", null), 422, "task.commentRequired");
        assertProblem(api.complete("head", taskId, "RETURN", "  "), 422, "task.commentRequired");
        assertProblem(api.complete("head", taskId, "MAYBE", null), 422, "task.decisionUnknown");
        JsonNode again = api.task("head", id, "approveTender");
        assertThat(again.path("assignee").isMissingNode() || again.path("assignee").isNull())
                .as("a refused completion does not leave the task claimed: " + again).isTrue();
        assertThat(api.tender(id, "officer").path("status").asText()).isEqualTo("PENDING_APPROVAL");

        api.ok(200, "POST", "/api/tasks/" + taskId + "/claim", "head", null);
        assertThat(api.get("/api/tasks/" + taskId, "head").path("assignee").asText()).isEqualTo("head");
        String comment = "请补充各村放映场次 — please list the screenings per village";
        Answer returned = api.complete("head", taskId, "RETURN", comment);
        assertThat(returned.status()).as(returned.toString()).isEqualTo(200);
        assertThat(returned.json().path("completed").asText()).isEqualTo(taskId);

        JsonNode back = api.tender(id, "officer");
        assertThat(back.path("status").asText()).isEqualTo("RETURNED");
        assertThat(back.path("lastComment").asText()).isEqualTo(comment);
        assertThat(api.task("head", id, "approveTender")).isNull();
        JsonNode revise = api.task("officer", id, "reviseTender");
        assertThat(revise).as("the officer's inbox holds the revision").isNotNull();
        assertThat(revise.path("assignee").asText()).isEqualTo("officer");
        assertThat(api.task("officer2", id, "reviseTender")).as("another officer does not see it").isNull();

        // the officer edits with the version read and resubmits through the reviseTender task
        ObjectNode fixed = (ObjectNode) back.deepCopy();
        fixed.put("description", "东湖镇桃源村每月放映1场，全年12场");
        ((ObjectNode) fixed.path("lots").get(0).path("deliverables").get(0)).put("quantity", 24);
        ((ObjectNode) fixed.path("lots").get(0).path("deliverables").get(0)).put("perPeriod", "YEAR");
        JsonNode saved = api.ok(200, "PUT", "/api/tenders/" + id, "officer", fixed);
        assertThat(saved.path("version").asLong()).isGreaterThan(back.path("version").asLong());
        assertThat(saved.path("status").asText()).isEqualTo("RETURNED");
        assertThat(saved.path("description").asText()).isEqualTo("东湖镇桃源村每月放映1场，全年12场");
        assertThat(saved.path("lots").get(0).path("deliverables").get(0).path("quantity").asInt()).isEqualTo(24);

        api.decide("officer", id, "reviseTender", "SUBMIT", null);
        assertThat(api.tender(id, "officer").path("status").asText()).isEqualTo("PENDING_APPROVAL");
        assertThat(api.task("officer", id, "reviseTender")).isNull();

        // head approves: 600,000 CNY needs finance too
        api.decide("head", id, "approveTender", "APPROVE", "同意");
        JsonNode afterHead = api.tender(id, "officer");
        assertThat(afterHead.path("status").asText()).isEqualTo("PENDING_APPROVAL");
        assertThat(afterHead.has("noticeNumber")).isFalse();
        assertThat(api.task("head", id, "approveTender")).isNull();
        assertThat(api.task("head", id, "approveTenderFinance")).as("head is not in the finance group").isNull();
        api.decide("finance", id, "approveTenderFinance", "APPROVE", null);

        JsonNode published = api.tender(id, "officer");
        assertThat(published.path("status").asText()).isEqualTo("PUBLISHED");
        assertThat(api.tasks("head", id)).isEmpty();
        assertThat(api.tasks("finance", id)).isEmpty();
        assertThat(api.tasks("officer", id)).isEmpty();
        OffsetDateTime publishedAt = OffsetDateTime.parse(published.path("publishedAt").asText());
        assertThat(published.path("noticeNumber").asText()).matches("HM-" + publishedAt.getYear() + "-\\d{4}");
        assertThat(publishedAt).isBetween(OffsetDateTime.now().minusMinutes(10), OffsetDateTime.now().plusMinutes(1));
        assertOpenTenderDeadline(publishedAt, OffsetDateTime.parse(published.path("bidDeadline").asText()));
        JsonNode calc = api.get("/api/calendar/bid-deadline?method=OPEN_TENDER&publishedAt="
                + ApiCalls.q(published.path("publishedAt").asText()), null);
        assertThat(OffsetDateTime.parse(calc.path("deadline").asText()).toInstant())
                .isEqualTo(OffsetDateTime.parse(published.path("bidDeadline").asText()).toInstant());

        // public list and notice, without login
        String notice = published.path("noticeNumber").asText();
        JsonNode list = api.get("/api/public/tenders?size=100", null);
        assertThat(ids(list.path("items"))).contains(id);
        JsonNode byTitle = api.get("/api/public/tenders?q=" + ApiCalls.q("IT full path"), null);
        assertThat(ids(byTitle.path("items"))).contains(id);

        JsonNode pub = api.get("/api/public/tenders/" + id, null);
        assertThat(pub.path("noticeNumber").asText()).isEqualTo(notice);
        assertThat(pub.path("status").asText()).isEqualTo("PUBLISHED");
        assertThat(pub.path("title").asText()).isEqualTo(form.path("title").asText());
        assertThat(pub.path("bidDeadline").asText()).isEqualTo(published.path("bidDeadline").asText());
        assertThat(pub.has("lastComment")).as("internal comments stay internal").isFalse();
        assertThat(pub.toString()).doesNotContain("请补充各村放映场次");
        assertThat(pub.path("notices")).hasSize(1);
        JsonNode v1 = pub.path("notices").get(0);
        assertThat(v1.path("version").asInt()).isEqualTo(1);
        assertThat(v1.path("kind").asText()).isEqualTo("TENDER");
        assertThat(OffsetDateTime.parse(v1.path("bidDeadline").asText()).toInstant())
                .isEqualTo(OffsetDateTime.parse(published.path("bidDeadline").asText()).toInstant());

        // the attachment is public now, without login
        assertThat(pub.path("documents")).hasSize(1);
        assertThat(pub.path("documents").get(0).path("fileName").asText()).isEqualTo("招标文件.pdf");
        var file = api.download("/api/public/documents/" + documentId);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(pdf);
        assertThat(file.headers().firstValue("Content-Type")).hasValueSatisfying(c -> assertThat(c).startsWith("application/pdf"));
        assertThat(file.headers().firstValue("Content-Disposition")).hasValueSatisfying(c -> assertThat(c)
                .startsWith("attachment").contains("filename*=UTF-8''" + java.net.URLEncoder.encode("招标文件.pdf", java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(file.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

        // who did what
        assertThat(api.historyActions(id, "officer")).containsSubsequence("TENDER_CREATED", "DOCUMENT_ADDED", "TENDER_SUBMITTED",
                "TENDER_RETURN", "TENDER_SAVED", "TENDER_SUBMITTED", "TENDER_APPROVE", "TENDER_APPROVE", "TENDER_PUBLISHED");
        List<JsonNode> history = new ArrayList<>();
        api.get("/api/tenders/" + id + "/history", "head").forEach(history::add);
        assertThat(history).anySatisfy(h -> {
            assertThat(h.path("action").asText()).isEqualTo("TENDER_RETURN");
            assertThat(h.path("actor").asText()).isEqualTo("head");
        });
        assertThat(history).anySatisfy(h -> {
            assertThat(h.path("action").asText()).isEqualTo("TENDER_APPROVE");
            assertThat(h.path("actor").asText()).isEqualTo("finance");
        });

        // published: no more edits
        ObjectNode late = (ObjectNode) published.deepCopy();
        late.put("title", "changed after publication");
        assertProblem(api.call("PUT", "/api/tenders/" + id, "officer", late), 409, "tender.notEditable");
    }

    @Test
    @Order(2)
    void listsFindATenderByItsNoticeNumber() throws Exception {
        JsonNode published = firstPublished("IT full path");
        long id = published.path("id").asLong();
        String notice = published.path("noticeNumber").asText();
        JsonNode internal = api.get("/api/tenders?q=" + ApiCalls.q(notice), "officer");
        JsonNode pub = api.get("/api/public/tenders?q=" + ApiCalls.q(notice), null);
        assertThat(ids(internal.path("items"))).as("GET /api/tenders?q=%s (officer)", notice).containsExactly(id);
        assertThat(internal.path("total").asLong()).isEqualTo(1);
        assertThat(ids(pub.path("items"))).as("GET /api/public/tenders?q=%s", notice).containsExactly(id);
        assertThat(pub.path("total").asLong()).isEqualTo(1);
    }

    @Test
    @Order(3)
    void ocdsReleasePackagesValidate() throws Exception {
        JsonNode published = firstPublished("IT full path");
        long id = published.path("id").asLong();
        JsonNode pkg = api.get("/api/public/tenders/" + id + "/ocds", null);
        assertThat(pkg.path("version").asText()).isEqualTo("1.1");
        assertThat(pkg.path("releases")).hasSize(1);
        JsonNode r = pkg.path("releases").get(0);
        assertThat(r.path("ocid").asText()).endsWith(published.path("noticeNumber").asText());
        assertThat(r.path("tag").get(0).asText()).isEqualTo("tender");
        assertThat(r.path("tender").path("status").asText()).isEqualTo("active");
        assertThat(r.path("tender").path("procurementMethod").asText()).isEqualTo("open");
        assertThat(r.path("tender").path("value").path("currency").asText()).isEqualTo("CNY");
        assertThat(r.path("tender").path("value").path("amount").decimalValue()).isEqualByComparingTo("600000");
        assertThat(OffsetDateTime.parse(r.path("tender").path("tenderPeriod").path("endDate").asText()).toInstant())
                .isEqualTo(OffsetDateTime.parse(published.path("bidDeadline").asText()).toInstant());
        assertThat(r.path("tender").path("items").get(0).path("quantity").asInt()).isEqualTo(24);
        assertThat(r.path("tender").path("documents")).anySatisfy(d -> {
            assertThat(d.path("documentType").asText()).isEqualTo("biddingDocuments");
            assertThat(d.path("title").asText()).isEqualTo("招标文件.pdf");
            assertThat(d.path("format").asText()).isEqualTo("application/pdf");
        });
        assertThat(r.path("tender").path("documents")).anySatisfy(d -> assertThat(d.path("documentType").asText()).isEqualTo("tenderNotice"));

        JsonNode all = api.get("/api/public/ocds?size=100", null);
        assertThat(all.path("releases")).anySatisfy(x -> assertThat(x.path("ocid").asText()).isEqualTo(r.path("ocid").asText()));
        assertProblem(api.call("GET", "/api/public/tenders/999999/ocds", null, null), 404, "tender.notFound");

        assertOcdsValid(pkg);
        assertOcdsValid(all);
    }

    @Test
    @Order(4)
    void smallBudgetOpenTenderSkipsFinanceAndTheThresholdIsInclusive() throws Exception {
        JsonNode small = api.createAndSubmit("officer", api.openTender("东湖镇公益电影 (IT small budget)", "288000.00", "HM-DH"));
        long id = small.path("id").asLong();
        api.decide("head", id, "approveTender", "APPROVE", null);
        JsonNode published = api.tender(id, "officer");
        assertThat(published.path("status").asText()).isEqualTo("PUBLISHED");
        assertThat(api.task("finance", id, "approveTenderFinance")).isNull();
        assertThat(api.historyActions(id, "officer")).containsOnlyOnce("TENDER_APPROVE").contains("TENDER_PUBLISHED");
        assertOpenTenderDeadline(OffsetDateTime.parse(published.path("publishedAt").asText()),
                OffsetDateTime.parse(published.path("bidDeadline").asText()));
        smallTender = id;

        // just below the threshold: no finance; at the threshold: finance
        JsonNode below = api.createAndSubmit("officer", api.openTender("西山镇公益电影 (IT 499999.99)", "499999.99", "HM-XS"));
        api.decide("head", below.path("id").asLong(), "approveTender", "APPROVE", null);
        assertThat(api.tender(below.path("id").asLong(), "officer").path("status").asText()).isEqualTo("PUBLISHED");

        JsonNode at = api.createAndSubmit("officer", api.openTender("南河街道公益电影 (IT 500000.00)", "500000.00", "HM-NH"));
        long atId = at.path("id").asLong();
        api.decide("head", atId, "approveTender", "APPROVE", null);
        assertThat(api.tender(atId, "officer").path("status").asText()).isEqualTo("PENDING_APPROVAL");

        // finance returns it: the officer revises, and it goes through the head again
        String financeTask = api.taskId("finance", atId, "approveTenderFinance");
        assertProblem(api.complete("finance", financeTask, "RETURN", null), 422, "task.commentRequired");
        assertThat(api.complete("finance", financeTask, "RETURN", "请核减设备费用").status()).isEqualTo(200);
        JsonNode returned = api.tender(atId, "officer");
        assertThat(returned.path("status").asText()).isEqualTo("RETURNED");
        assertThat(returned.path("lastComment").asText()).isEqualTo("请核减设备费用");
        ObjectNode revised = (ObjectNode) returned.deepCopy();
        revised.put("bidSecurity", "4000.00");
        api.ok(200, "PUT", "/api/tenders/" + atId, "officer", revised);
        api.decide("officer", atId, "reviseTender", "SUBMIT", null);
        assertThat(api.task("finance", atId, "approveTenderFinance")).isNull();
        api.decide("head", atId, "approveTender", "APPROVE", null);
        api.decide("finance", atId, "approveTenderFinance", "APPROVE", null);
        JsonNode atPublished = api.tender(atId, "officer");
        assertThat(atPublished.path("status").asText()).isEqualTo("PUBLISHED");
        assertThat(atPublished.path("bidSecurity").asText()).isEqualTo("4000.00");
        assertThat(api.historyActions(atId, "officer")).containsSubsequence("TENDER_APPROVE", "TENDER_RETURN", "TENDER_SAVED",
                "TENDER_SUBMITTED", "TENDER_APPROVE", "TENDER_APPROVE", "TENDER_PUBLISHED");
    }

    @Test
    @Order(4)
    void competitiveConsultationGetsTheTenDayPeriod() throws Exception {
        ObjectNode f = api.openTender("文化管家竞争性磋商 (IT consultation)", "200000.00", "HM-NH-1");
        f.put("method", "COMPETITIVE_CONSULTATION");
        JsonNode t = api.createAndSubmit("officer", f);
        api.decide("head", t.path("id").asLong(), "approveTender", "APPROVE", null);
        JsonNode published = api.tender(t.path("id").asLong(), "officer");
        assertThat(published.path("status").asText()).isEqualTo("PUBLISHED");
        OffsetDateTime pub = OffsetDateTime.parse(published.path("publishedAt").asText());
        OffsetDateTime deadline = OffsetDateTime.parse(published.path("bidDeadline").asText());
        assertThat(deadline.getOffset()).isEqualTo(CHINA);
        assertThat(deadline.toLocalTime()).isEqualTo(LocalTime.of(9, 30));
        LocalDate earliest = pub.atZoneSameInstant(CHINA).toLocalDate().plusDays(10);
        assertThat(deadline.toLocalDate()).isAfterOrEqualTo(earliest);
        assertThat(api.workingDay(deadline.toLocalDate())).isTrue();
        for (LocalDate d = earliest; d.isBefore(deadline.toLocalDate()); d = d.plusDays(1)) {
            assertThat(api.workingDay(d)).as("no earlier working day " + d).isFalse();
        }
        JsonNode pkg = api.get("/api/public/tenders/" + t.path("id").asLong() + "/ocds", null);
        assertThat(pkg.path("releases").get(0).path("tender").path("procurementMethod").asText()).isEqualTo("selective");
    }

    @Test
    @Order(6)
    void singleSourceNeedsFinanceAndGetsTheFiveWorkingDayNotice() throws Exception {
        JsonNode t = api.createAndSubmit("officer", api.singleSource("送戏下乡地方戏专场 (IT single source)", "120000.00", "HM-XS-1"));
        long id = t.path("id").asLong();
        api.decide("head", id, "approveTender", "APPROVE", null);
        assertThat(api.tender(id, "officer").path("status").asText()).isEqualTo("PENDING_APPROVAL");
        JsonNode financeTask = api.task("finance", id, "approveTenderFinance");
        assertThat(financeTask).as("single source needs finance whatever the budget").isNotNull();
        assertThat(api.task("head", id, "approveTenderFinance")).isNull();

        // finance may only approve or return
        assertProblem(api.complete("finance", financeTask.path("id").asText(), "REJECT", "no"), 422, "task.decisionUnknown");
        api.decide("finance", id, "approveTenderFinance", "APPROVE", null);
        JsonNode published = api.tender(id, "officer");
        assertThat(published.path("status").asText()).isEqualTo("PUBLISHED");

        // the public notice of a single source: the 5th working day after publication, 17:30
        OffsetDateTime pub = OffsetDateTime.parse(published.path("publishedAt").asText());
        OffsetDateTime deadline = OffsetDateTime.parse(published.path("bidDeadline").asText());
        assertThat(deadline.getOffset()).isEqualTo(CHINA);
        assertThat(deadline.toLocalTime()).isEqualTo(LocalTime.of(17, 30));
        LocalDate expected = LocalDate.parse(api.get("/api/calendar/working-days?from="
                + pub.atZoneSameInstant(CHINA).toLocalDate() + "&add=5", null).path("date").asText());
        assertThat(deadline.toLocalDate()).isEqualTo(expected);
        int working = 0;
        for (LocalDate d = pub.atZoneSameInstant(CHINA).toLocalDate().plusDays(1); !d.isAfter(expected); d = d.plusDays(1)) {
            working += api.workingDay(d) ? 1 : 0;
        }
        assertThat(working).isEqualTo(5);

        JsonNode pkg = api.get("/api/public/tenders/" + id + "/ocds", null);
        JsonNode tender = pkg.path("releases").get(0).path("tender");
        assertThat(tender.path("procurementMethod").asText()).isEqualTo("direct");
        assertThat(tender.path("procurementMethodRationale").asText()).contains("唯一");
        assertThat(api.get("/api/public/tenders/" + id, null).path("proposedSupplier").asText()).isEqualTo("惠民县地方戏剧团");
        assertOcdsValid(pkg);
    }

    @Test
    @Order(7)
    void headRejectEndsWithoutNotice() throws Exception {
        JsonNode t = api.createAndSubmit("officer", api.openTender("被驳回的项目 (IT reject)", "150000.00", "HM-DH-2"));
        long id = t.path("id").asLong();
        String taskId = api.taskId("head", id, "approveTender");
        assertProblem(api.complete("head", taskId, "REJECT", null), 422, "task.commentRequired");
        assertThat(api.tender(id, "officer").path("status").asText()).isEqualTo("PENDING_APPROVAL");
        Answer rejected = api.complete("head", taskId, "REJECT", "预算依据不足，不予立项");
        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);

        JsonNode after = api.tender(id, "officer");
        assertThat(after.path("status").asText()).isEqualTo("REJECTED");
        assertThat(after.path("lastComment").asText()).isEqualTo("预算依据不足，不予立项");
        assertThat(after.has("noticeNumber")).isFalse();
        assertThat(after.has("publishedAt")).isFalse();
        assertThat(after.has("bidDeadline")).isFalse();
        assertThat(api.tasks("head", id)).isEmpty();
        assertThat(api.tasks("officer", id)).isEmpty();
        assertThat(api.tasks("finance", id)).isEmpty();
        assertThat(api.historyActions(id, "officer")).contains("TENDER_REJECT", "TENDER_REJECTED").doesNotContain("TENDER_PUBLISHED");

        assertProblem(api.call("GET", "/api/public/tenders/" + id, null, null), 404, "tender.notFound");
        assertProblem(api.call("GET", "/api/public/tenders/" + id + "/ocds", null, null), 404, "tender.notFound");
        assertThat(ids(api.get("/api/public/tenders?size=100", null).path("items"))).doesNotContain(id);
        assertThat(ids(api.get("/api/tenders?status=REJECTED&size=100", "officer").path("items"))).contains(id);

        // the end: no edit, no resubmission, no completing the finished task
        ObjectNode edit = (ObjectNode) after.deepCopy();
        edit.put("title", "try again");
        assertProblem(api.call("PUT", "/api/tenders/" + id, "officer", edit), 409, "tender.notEditable");
        assertProblem(api.submit("officer", id, after.path("version").asLong()), 409, "tender.notEditable");
        assertProblem(api.complete("head", taskId, "APPROVE", null), 409, "task.alreadyCompleted");
        assertThat(api.tender(id, "officer").path("status").asText()).isEqualTo("REJECTED");
    }

    @Test
    @Order(8)
    void amendmentPublishesANewNoticeVersionAndKeepsTheOldOne() throws Exception {
        assertThat(smallTender).as("published by an earlier test").isPositive();
        long id = smallTender;
        JsonNode before = api.tender(id, "officer");
        String deadline1 = before.path("bidDeadline").asText();

        // only the tender's own officer; only with a text
        assertProblem(api.call("POST", "/api/tenders/" + id + "/changes", "officer2",
                Map.of("type", "AMENDMENT", "text", "不相干的修改")), 403, "tender.otherUnit");
        assertProblem(api.call("POST", "/api/tenders/" + id + "/changes", "officer",
                Map.of("type", "AMENDMENT", "text", "")), 422, "validation.required");
        assertProblem(api.call("POST", "/api/tenders/" + id + "/changes", "officer",
                Map.of("type", "WHATEVER", "text", "x")), 422, "validation.unknownValue");

        String text = "第一标段增加2个村：柳塘村、石桥村";
        Answer requested = api.call("POST", "/api/tenders/" + id + "/changes", "officer",
                "{\"type\":\"AMENDMENT\",\"text\":\"" + text + "\",\"requestedDeadline\":null}");
        assertThat(requested.status()).as(requested.toString()).isEqualTo(201);
        long changeId = requested.json().path("changeId").asLong();
        JsonNode changes = api.get("/api/tenders/" + id + "/changes", "officer");
        assertThat(changes).anySatisfy(c -> {
            assertThat(c.path("id").asLong()).isEqualTo(changeId);
            assertThat(c.path("status").asText()).isEqualTo("PENDING");
            assertThat(c.path("type").asText()).isEqualTo("AMENDMENT");
            assertThat(c.path("text").asText()).isEqualTo(text);
        });
        assertProblem(api.call("POST", "/api/tenders/" + id + "/changes", "officer",
                Map.of("type", "CANCELLATION", "text", "while another change is pending")), 422, "change.alreadyPending");
        assertThat(api.get("/api/public/tenders/" + id, null).path("notices")).as("nothing public before approval").hasSize(1);

        JsonNode changeTask = api.task("head", id, "approveTenderChange");
        assertThat(changeTask).isNotNull();
        assertThat(api.task("officer", id, "approveTenderChange")).isNull();
        assertProblem(api.complete("head", changeTask.path("id").asText(), "RETURN", "x"), 422, "task.decisionUnknown");
        api.decide("head", id, "approveTenderChange", "APPROVE", null);

        JsonNode pub = api.get("/api/public/tenders/" + id, null);
        assertThat(pub.path("status").asText()).isEqualTo("PUBLISHED");
        assertThat(pub.path("notices")).hasSize(2);
        JsonNode v1 = pub.path("notices").get(0);
        JsonNode v2 = pub.path("notices").get(1);
        assertThat(v1.path("version").asInt()).isEqualTo(1);
        assertThat(v1.path("kind").asText()).isEqualTo("TENDER");
        assertThat(v1.path("text").asText()).isEqualTo(before.path("description").asText());
        assertThat(v2.path("version").asInt()).isEqualTo(2);
        assertThat(v2.path("kind").asText()).isEqualTo("AMENDMENT");
        assertThat(v2.path("text").asText()).isEqualTo(text);
        // published at least 15 days before the deadline: the deadline stays
        assertThat(OffsetDateTime.parse(v2.path("bidDeadline").asText()).toInstant())
                .isEqualTo(OffsetDateTime.parse(deadline1).toInstant());
        assertThat(api.tender(id, "officer").path("bidDeadline").asText()).isEqualTo(deadline1);
        assertThat(api.get("/api/tenders/" + id + "/changes", "officer"))
                .anySatisfy(c -> {
                    assertThat(c.path("id").asLong()).isEqualTo(changeId);
                    assertThat(c.path("status").asText()).isEqualTo("APPLIED");
                });
        assertThat(api.historyActions(id, "officer")).containsSubsequence("TENDER_PUBLISHED", "CHANGE_REQUESTED", "TENDER_AMENDED");

        // an amendment asking for a later deadline (a working day) moves it, in a third notice version
        LocalDate current = OffsetDateTime.parse(deadline1).toLocalDate();
        LocalDate later = LocalDate.parse(api.get("/api/calendar/working-days?from=" + current + "&add=2", null).path("date").asText());
        boolean scheduled = api.get("/api/calendar/days?year=" + later.getYear(), null).path("official").asBoolean();
        Answer second = api.call("POST", "/api/tenders/" + id + "/changes", "officer",
                Map.of("type", "AMENDMENT", "text", "开标时间顺延", "requestedDeadline", later.toString()));
        if (!scheduled) {
            assertProblem(second, 422, "deadline.YEAR_WITHOUT_SCHEDULE");
        } else {
            assertThat(second.status()).as(second.toString()).isEqualTo(201);
            api.decide("head", id, "approveTenderChange", "APPROVE", null);
            JsonNode moved = api.tender(id, "officer");
            OffsetDateTime newDeadline = OffsetDateTime.parse(moved.path("bidDeadline").asText());
            assertThat(newDeadline.toLocalDate()).isEqualTo(later);
            assertThat(newDeadline.toLocalTime()).isEqualTo(LocalTime.of(9, 30));
            JsonNode notices = api.get("/api/public/tenders/" + id, null).path("notices");
            assertThat(notices).hasSize(3);
            assertThat(OffsetDateTime.parse(notices.get(1).path("bidDeadline").asText()).toInstant())
                    .as("version 2 keeps the deadline it announced").isEqualTo(OffsetDateTime.parse(deadline1).toInstant());
            assertThat(OffsetDateTime.parse(notices.get(2).path("bidDeadline").asText()).toInstant()).isEqualTo(newDeadline.toInstant());
        }
        // a deadline that is not later is refused
        assertProblem(api.call("POST", "/api/tenders/" + id + "/changes", "officer",
                Map.of("type", "AMENDMENT", "text", "提前开标", "requestedDeadline", current.minusDays(1).toString())),
                422, "change.deadlineNotLater");

        // the head may reject a change: nothing is published
        int versions = api.get("/api/public/tenders/" + id, null).path("notices").size();
        Answer third = api.call("POST", "/api/tenders/" + id + "/changes", "officer", Map.of("type", "AMENDMENT", "text", "删除第一标段"));
        assertThat(third.status()).as(third.toString()).isEqualTo(201);
        String rejectTask = api.taskId("head", id, "approveTenderChange");
        assertProblem(api.complete("head", rejectTask, "REJECT", null), 422, "task.commentRequired");
        assertThat(api.complete("head", rejectTask, "REJECT", "影响投标人准备，不同意").status()).isEqualTo(200);
        assertThat(api.get("/api/public/tenders/" + id, null).path("notices")).hasSize(versions);
        assertThat(api.get("/api/tenders/" + id + "/changes", "officer")).anySatisfy(c -> {
            assertThat(c.path("id").asLong()).isEqualTo(third.json().path("changeId").asLong());
            assertThat(c.path("status").asText()).isEqualTo("DISMISSED");
        });

        JsonNode pkg = api.get("/api/public/tenders/" + id + "/ocds", null);
        assertThat(pkg.path("releases")).hasSize(versions);
        assertThat(pkg.path("releases").get(1).path("tag").get(0).asText()).isEqualTo("tenderAmendment");
        assertThat(pkg.path("releases").get(0).path("id").asText()).isNotEqualTo(pkg.path("releases").get(1).path("id").asText());
        assertOcdsValid(pkg);
    }

    @Test
    @Order(9)
    void cancellationNeedsAReasonAndPublishesACancellationNotice() throws Exception {
        assertThat(smallTender).isPositive();
        long id = smallTender;
        int versions = api.get("/api/public/tenders/" + id, null).path("notices").size();
        assertProblem(api.call("POST", "/api/tenders/" + id + "/changes", "officer",
                "{\"type\":\"CANCELLATION\"}"), 422, "change.reasonRequired");
        assertProblem(api.call("POST", "/api/tenders/" + id + "/changes", "officer",
                Map.of("type", "CANCELLATION", "text", "   ")), 422, "change.reasonRequired");
        assertThat(api.task("head", id, "approveTenderChange")).as("a refused request starts nothing").isNull();

        String reason = "因上级文件调整，本项目取消采购";
        Answer requested = api.call("POST", "/api/tenders/" + id + "/changes", "officer",
                Map.of("type", "CANCELLATION", "text", reason));
        assertThat(requested.status()).as(requested.toString()).isEqualTo(201);
        assertThat(api.tender(id, "officer").path("status").asText()).as("published until the head approves").isEqualTo("PUBLISHED");
        api.decide("head", id, "approveTenderChange", "APPROVE", "同意取消");

        assertThat(api.tender(id, "officer").path("status").asText()).isEqualTo("CANCELLED");
        JsonNode pub = api.get("/api/public/tenders/" + id, null);
        assertThat(pub.path("status").asText()).isEqualTo("CANCELLED");
        assertThat(pub.path("notices")).hasSize(versions + 1);
        JsonNode last = pub.path("notices").get(versions);
        assertThat(last.path("kind").asText()).isEqualTo("CANCELLATION");
        assertThat(last.path("text").asText()).isEqualTo(reason);
        assertThat(last.path("version").asInt()).isEqualTo(versions + 1);
        assertThat(pub.path("notices").get(0).path("kind").asText()).isEqualTo("TENDER");
        JsonNode row = null;
        for (JsonNode r : api.get("/api/public/tenders?size=100", null).path("items")) {
            if (r.path("id").asLong() == id) {
                row = r;
            }
        }
        assertThat(row).as("a cancelled tender stays on the public list").isNotNull();
        assertThat(row.path("status").asText()).isEqualTo("CANCELLED");

        JsonNode pkg = api.get("/api/public/tenders/" + id + "/ocds", null);
        JsonNode lastRelease = pkg.path("releases").get(versions);
        assertThat(lastRelease.path("tag").get(0).asText()).isEqualTo("tenderCancellation");
        assertThat(lastRelease.path("tender").path("status").asText()).isEqualTo("cancelled");

        assertProblem(api.call("POST", "/api/tenders/" + id + "/changes", "officer",
                Map.of("type", "AMENDMENT", "text", "after cancellation")), 409, "tender.notPublished");
        assertThat(api.historyActions(id, "officer")).contains("TENDER_CANCELLED");
        assertOcdsValid(pkg);
    }

    @Test
    @Order(10)
    void submitAnswersTheTendersCurrentVersion() throws Exception {
        JsonNode draft = api.create("officer", api.openTender("提交后版本号 (IT submit version)", "100000.00", "HM-DH-4"));
        long id = draft.path("id").asLong();
        Answer submitted = api.submit("officer", id, draft.path("version").asLong());
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(200);
        JsonNode read = api.tender(id, "officer");
        try {
            assertThat(submitted.json().path("status").asText()).isEqualTo(read.path("status").asText());
            assertThat(submitted.json().path("version").asLong())
                    .as("POST /submit answers the saved form: its version must be the one stored (GET says %d)", read.path("version").asLong())
                    .isEqualTo(read.path("version").asLong());
        } finally {
            api.decide("head", id, "approveTender", "REJECT", "clean-up of the version test");
        }
    }

    @Test
    @Order(11)
    void auditChainIsIntact() throws Exception {
        long head = api.auditHead();
        JsonNode v = api.get("/api/audit/verify", "admin");
        assertThat(v.path("intact").asBoolean()).as(v.toString()).isTrue();
        assertThat(v.path("checked").asLong()).isGreaterThan(20);
        // API calls are not audited as logins, so the chain may not grow between reading the head and verifying
        assertThat(v.path("checked").asLong()).as("every entry is checked").isGreaterThanOrEqualTo(head).isLessThanOrEqualTo(api.auditHead());
        assertThat(api.get("/api/audit/verify", "supervisor").path("intact").asBoolean()).isTrue();
        assertProblem(api.call("GET", "/api/audit/verify", "officer", null), 403);
        assertThat(api.call("GET", "/api/audit/verify", null, null).status()).isEqualTo(401);
    }

    // ------------------------------------------------------------------ helpers

    private JsonNode firstPublished(String titlePart) throws Exception {
        for (JsonNode r : api.get("/api/tenders?status=PUBLISHED&size=100&q=" + ApiCalls.q(titlePart), "officer").path("items")) {
            return api.tender(r.path("id").asLong(), "officer");
        }
        throw new AssertionError("no published tender titled …" + titlePart);
    }

    private static List<Long> ids(JsonNode items) {
        List<Long> out = new ArrayList<>();
        items.forEach(i -> out.add(i.path("id").asLong()));
        return out;
    }

    /** ≥ 20 calendar days after the publication date, the first working day from there, at 09:30 China time. */
    private void assertOpenTenderDeadline(OffsetDateTime publishedAt, OffsetDateTime deadline) throws Exception {
        assertThat(deadline.getOffset()).isEqualTo(CHINA);
        assertThat(deadline.toLocalTime()).isEqualTo(LocalTime.of(9, 30));
        LocalDate published = publishedAt.atZoneSameInstant(CHINA).toLocalDate();
        LocalDate earliest = published.plusDays(20);
        assertThat(deadline.toLocalDate()).isAfterOrEqualTo(earliest);
        assertThat(api.workingDay(deadline.toLocalDate())).as(deadline + " is a working day").isTrue();
        for (LocalDate d = earliest; d.isBefore(deadline.toLocalDate()); d = d.plusDays(1)) {
            assertThat(api.workingDay(d)).as("no earlier working day " + d + " before " + deadline).isFalse();
        }
    }

    /** Validates against the OCDS 1.1.5 release package schema from ../shared/ocds, without the network. */
    static void assertOcdsValid(JsonNode pkg) {
        Path dir = Path.of(System.getProperty("user.dir"), "..", "shared", "ocds").toAbsolutePath().normalize();
        assertThat(dir.resolve("release-package-schema.json")).as("OCDS schemas beside the clone").exists();
        assertThat(dir.resolve("release-schema.json")).exists();
        String local = dir.toUri().toString();
        JsonMetaSchema ocdsDraft4 = JsonMetaSchema.builder(JsonMetaSchema.getV4().getIri(), JsonMetaSchema.getV4())
                .keywords(List.of("codelist", "openCodelist", "versionId", "deprecated", "wholeListMerge", "omitWhenMerged")
                        .stream().map(NonValidationKeyword::new).toList())
                .build();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4, b -> b
                .metaSchema(ocdsDraft4)
                .schemaMappers(m -> m.mapPrefix(OCDS_ID, local.endsWith("/") ? local : local + "/"))
                .schemaLoaders(l -> l.add(iri -> {
                    if (iri.toString().startsWith("http")) {
                        throw new AssertionError("the OCDS validation must not use the network: " + iri);
                    }
                    return null;
                })));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        JsonSchema schema = factory.getSchema(SchemaLocation.of(OCDS_ID + "release-package-schema.json"), config);
        Set<ValidationMessage> errors = schema.validate(pkg);
        assertThat(errors).as("OCDS 1.1.5 release-package-schema errors (%d) for %s", errors.size(),
                pkg.toString().length() > 600 ? pkg.toString().substring(0, 600) + "…" : pkg).isEmpty();
        assertThat(Files.isDirectory(dir)).isTrue();
    }
}
