package cn.huimin.it;

import static cn.huimin.it.ApiCalls.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import cn.huimin.it.ApiCalls.Answer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
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
 * The bad input the issue lists, each refused with the right status and problem code and nothing changed: money,
 * scoring, bid security, deadlines and the calendar, single source, script in text, uploads, malformed JSON, other
 * units, roles, login lockout, tasks of others and twice, stale edits, cross-site requests; every 403 audited.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputIT {
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final String SCRIPT = "<script>alert(1)</script>";

    /** Every refusal with 403 made by this class: who, which method, which path, the audit sequence before and after. */
    private static final List<Forbidden> FORBIDDEN = new ArrayList<>();

    record Forbidden(String actor, String method, String path, long seqBefore, long seqAfter) {
    }

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

    /** Calls expecting 403 and remembers the refusal, to find its audit entry at the end. */
    private Answer forbidden(String method, String path, String user, Object body, String... codes) throws Exception {
        long seq = api.auditHead();
        Answer a = api.call(method, path, user, body);
        assertProblem(a, 403, codes);
        FORBIDDEN.add(new Forbidden(user, method, path, seq, api.auditHead()));
        return a;
    }

    private long officerTenderCount() throws Exception {
        return api.get("/api/tenders?size=1", "officer").path("total").asLong();
    }

    // ------------------------------------------------------------------ money

    @Test
    @Order(1)
    void budgetMustBeAPositiveAmountWithAtMostTwoDecimals() throws Exception {
        long count = officerTenderCount();
        Object[][] cases = {
                {"-1.00", "money.NEGATIVE"}, {"0", "money.NOT_POSITIVE"}, {"0.00", "money.NOT_POSITIVE"},
                {"abc", "money.NOT_A_NUMBER"}, {"1,200.00", "money.NOT_A_NUMBER"}, {"１２００", "money.NOT_A_NUMBER"},
                {"1.234", "money.TOO_MANY_DECIMALS"}, {"12345678901234567", "money.NOT_A_NUMBER"}};
        for (Object[] c : cases) {
            ObjectNode f = api.openTender("预算校验 (IT money)", "288000.00", "HM-DH");
            f.put("budget", (String) c[0]);
            Answer a = api.call("POST", "/api/tenders", "officer", f);
            assertProblem(a, 422, (String) c[1]);
            assertThat(a.json().path("errors").get(0).path("field").asText()).as(a.toString()).isEqualTo("budget");
        }
        // the same rule for JSON numbers: 1.234 as a number is not rounded away
        ObjectNode number = api.openTender("预算校验 (IT money number)", "288000.00", "HM-DH");
        number.put("budget", new java.math.BigDecimal("1.234"));
        assertProblem(api.call("POST", "/api/tenders", "officer", number), 422, "money.TOO_MANY_DECIMALS");
        number.put("budget", -5);
        assertProblem(api.call("POST", "/api/tenders", "officer", number), 422, "money.NEGATIVE");
        // the message is in the caller's language
        Answer msg = api.call("POST", "/api/tenders", "officer", number);
        assertThat(msg.json().path("errors").get(0).path("message").asText()).contains("must not be negative");
        assertThat(msg.json().path("title").asText()).isEqualTo("The input breaks one or more rules");
        Answer zh = api.send("POST", "/api/tenders", "officer", ItSupport.PASSWORD, Map.of("Accept-Language", "zh-CN,zh;q=0.9"),
                "application/json", ApiCalls.JSON.writeValueAsString(number));
        assertProblem(zh, 422, "money.NEGATIVE");
        assertThat(zh.json().path("title").asText()).isEqualTo("输入不符合规则");
        assertThat(zh.json().path("errors").get(0).path("message").asText()).contains("不能为负数");
        // bid security and lot ceilings follow the money rules too (zero security is allowed)
        ObjectNode security = api.openTender("保证金校验 (IT money)", "288000.00", "HM-DH");
        security.put("bidSecurity", "-0.01");
        assertProblem(api.call("POST", "/api/tenders", "officer", security), 422, "money.NEGATIVE");
        ObjectNode lot = api.openTender("标段预算校验 (IT money)", "288000.00", "HM-DH");
        ((ObjectNode) lot.path("lots").get(0)).put("budgetCeiling", "12.001");
        assertProblem(api.call("POST", "/api/tenders", "officer", lot), 422, "money.TOO_MANY_DECIMALS");
        assertThat(officerTenderCount()).as("nothing saved").isEqualTo(count);

        // on save of an existing draft too, and the draft is unchanged
        ObjectNode good = api.openTender("预算校验草稿 (IT money draft)", "288000.00", "HM-DH");
        good.put("bidSecurity", "0");
        JsonNode draft = api.create("officer", good);
        long id = draft.path("id").asLong();
        ObjectNode edit = (ObjectNode) draft.deepCopy();
        edit.put("budget", "abc");
        assertProblem(api.call("PUT", "/api/tenders/" + id, "officer", edit), 422, "money.NOT_A_NUMBER");
        JsonNode unchanged = api.tender(id, "officer");
        assertThat(unchanged.path("budget").asText()).isEqualTo("288000.00");
        assertThat(unchanged.path("version").asLong()).isEqualTo(draft.path("version").asLong());

        // a draft may lack the budget, submission may not
        edit = (ObjectNode) unchanged.deepCopy();
        edit.remove("budget");
        JsonNode noBudget = api.ok(200, "PUT", "/api/tenders/" + id, "officer", edit);
        assertProblem(api.submit("officer", id, noBudget.path("version").asLong()), 422, "money.MISSING");
        assertThat(api.tender(id, "officer").path("status").asText()).isEqualTo("DRAFT");
    }

    // ------------------------------------------------------------------ scoring scheme and bid security

    @Test
    @Order(2)
    void submissionListsEveryBrokenRule() throws Exception {
        ObjectNode f = api.openTender("评分办法校验 (IT scoring)", "100000.00", "HM-DH");
        f.put("priceWeight", 5);
        f.put("bidSecurity", "2000.01");
        ((ObjectNode) f.path("factors").get(1)).put("points", 20);
        JsonNode draft = api.create("officer", f);
        long id = draft.path("id").asLong();
        Answer a = api.submit("officer", id, draft.path("version").asLong());
        assertProblem(a, 422, "tender.priceWeightRange", "tender.pointsSum", "tender.bidSecurityTooHigh");
        assertThat(a.json().path("detail").asText()).contains("must be between 10 and 99").contains("(now 65)")
                .contains("2,000.00");
        JsonNode still = api.tender(id, "officer");
        assertThat(still.path("status").asText()).isEqualTo("DRAFT");
        assertThat(still.path("version").asLong()).isEqualTo(draft.path("version").asLong());
        assertThat(api.task("head", id, "approveTender")).isNull();

        // one rule at a time
        ObjectNode points = (ObjectNode) still.deepCopy();
        points.put("priceWeight", 30);
        points.put("bidSecurity", "2000.00");
        JsonNode saved = api.ok(200, "PUT", "/api/tenders/" + id, "officer", points);
        Answer onlyPoints = api.submit("officer", id, saved.path("version").asLong());
        assertProblem(onlyPoints, 422, "tender.pointsSum");
        assertThat(onlyPoints.codes()).containsExactly("tender.pointsSum");

        ObjectNode weight = (ObjectNode) saved.deepCopy();
        weight.put("priceWeight", 5);
        ((ObjectNode) weight.path("factors").get(1)).put("points", 55);
        saved = api.ok(200, "PUT", "/api/tenders/" + id, "officer", weight);
        Answer onlyWeight = api.submit("officer", id, saved.path("version").asLong());
        assertThat(onlyWeight.codes()).as(onlyWeight.toString()).containsExactly("tender.priceWeightRange");

        ObjectNode security = (ObjectNode) saved.deepCopy();
        security.put("priceWeight", 30);
        ((ObjectNode) security.path("factors").get(1)).put("points", 30);
        security.put("bidSecurity", "2000.01");
        saved = api.ok(200, "PUT", "/api/tenders/" + id, "officer", security);
        Answer onlySecurity = api.submit("officer", id, saved.path("version").asLong());
        assertThat(onlySecurity.codes()).as(onlySecurity.toString()).containsExactly("tender.bidSecurityTooHigh");

        // competitive consultation: price weight 10–30
        ObjectNode consultation = (ObjectNode) saved.deepCopy();
        consultation.put("method", "COMPETITIVE_CONSULTATION");
        consultation.put("bidSecurity", "2000.00");
        consultation.put("priceWeight", 35);
        ((ObjectNode) consultation.path("factors").get(1)).put("points", 25);
        saved = api.ok(200, "PUT", "/api/tenders/" + id, "officer", consultation);
        Answer consult = api.submit("officer", id, saved.path("version").asLong());
        assertThat(consult.codes()).as(consult.toString()).containsExactly("tender.priceWeightRange");
        assertThat(consult.json().path("detail").asText()).contains("between 10 and 30");

        // exactly 2% and 100 points pass: the tender goes to the head (used by the task tests below)
        ObjectNode fixed = (ObjectNode) saved.deepCopy();
        fixed.put("method", "OPEN_TENDER");
        fixed.put("priceWeight", 30);
        ((ObjectNode) fixed.path("factors").get(1)).put("points", 30);
        fixed.put("title", "评分办法校验 (IT tasks)");
        saved = api.ok(200, "PUT", "/api/tenders/" + id, "officer", fixed);
        Answer ok = api.submit("officer", id, saved.path("version").asLong());
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        assertThat(api.task("head", id, "approveTender")).isNotNull();
    }

    @Test
    @Order(3)
    void singleSourceNeedsAReasonAndASupplier() throws Exception {
        ObjectNode f = api.singleSource("单一来源校验 (IT single source)", "80000.00", "HM-DH");
        f.remove("singleSourceReason");
        f.remove("proposedSupplier");
        JsonNode draft = api.create("officer", f);
        Answer a = api.submit("officer", draft.path("id").asLong(), draft.path("version").asLong());
        assertProblem(a, 422, "tender.singleSourceReasonRequired", "validation.required");
        assertThat(a.json().path("errors")).anySatisfy(e -> {
            assertThat(e.path("field").asText()).isEqualTo("proposedSupplier");
            assertThat(e.path("code").asText()).isEqualTo("validation.required");
        });
        ObjectNode tooShort = (ObjectNode) api.tender(draft.path("id").asLong(), "officer").deepCopy();
        tooShort.put("singleSourceReason", "唯一供应商");
        tooShort.put("proposedSupplier", "某剧团");
        JsonNode saved = api.ok(200, "PUT", "/api/tenders/" + draft.path("id").asLong(), "officer", tooShort);
        Answer b = api.submit("officer", draft.path("id").asLong(), saved.path("version").asLong());
        assertThat(b.codes()).as(b.toString()).containsExactly("tender.singleSourceReasonRequired");
        assertThat(api.tender(draft.path("id").asLong(), "officer").path("status").asText()).isEqualTo("DRAFT");
    }

    // ------------------------------------------------------------------ deadlines and the calendar

    @Test
    @Order(4)
    void preferredDeadlineTooEarlyOrOutsideTheCalendar() throws Exception {
        LocalDate today = LocalDate.now(CHINA);
        JsonNode draft = api.create("officer", api.openTender("截止日期校验 (IT deadline)", "100000.00", "HM-DH"));
        long id = draft.path("id").asLong();

        Answer early = submitWithPreferred(id, today.plusDays(5));
        assertProblem(early, 422, "deadline.BEFORE_LEGAL_MINIMUM");
        String earliest = api.get("/api/calendar/bid-deadline?method=OPEN_TENDER", null).path("earliest").asText();
        assertThat(early.json().path("detail").asText()).contains(OffsetDateTime.parse(earliest).toLocalDate().toString());

        // a year without an official schedule
        int unscheduled = 2027;
        while (api.get("/api/calendar/days?year=" + unscheduled, null).path("official").asBoolean()) {
            unscheduled++;
        }
        LocalDate wednesday = LocalDate.of(unscheduled, 3, 1);
        while (wednesday.getDayOfWeek() != DayOfWeek.WEDNESDAY) {
            wednesday = wednesday.plusDays(1);
        }
        Answer noSchedule = submitWithPreferred(id, wednesday);
        assertProblem(noSchedule, 422, "deadline.YEAR_WITHOUT_SCHEDULE");
        assertThat(noSchedule.codes()).containsExactly("deadline.YEAR_WITHOUT_SCHEDULE");
        JsonNode warned = api.get("/api/calendar/working-days?from=" + LocalDate.of(unscheduled, 1, 1).minusDays(3) + "&add=5", null);
        assertThat(warned.path("warning").asText()).as("the calendar warns about the missing year: " + warned).contains(String.valueOf(unscheduled));

        // a weekend
        LocalDate saturday = today.plusDays(25);
        while (saturday.getDayOfWeek() != DayOfWeek.SATURDAY || api.workingDay(saturday)) {
            saturday = saturday.plusDays(1);
        }
        assertProblem(submitWithPreferred(id, saturday), 422, "deadline.NOT_A_WORKING_DAY");
        assertThat(api.tender(id, "officer").path("status").asText()).isEqualTo("DRAFT");
    }

    @Test
    @Order(5)
    void adminEntersAYearAndItsHolidaysAreNoDeadline() throws Exception {
        LocalDate holiday;
        JsonNode year2027 = api.get("/api/calendar/days?year=2027", null);
        if (!year2027.path("official").asBoolean()) {
            JsonNode before = api.get("/api/calendar/working-days?from=2026-12-31&add=1", null);
            assertThat(before.path("date").asText()).isEqualTo("2027-01-01");
            assertThat(before.has("warning")).isTrue();
            String days = "[{\"date\":\"2027-01-01\",\"kind\":\"HOLIDAY\",\"name\":\"元旦\"},"
                    + "{\"date\":\"2027-01-02\",\"kind\":\"HOLIDAY\",\"name\":\"元旦\"},"
                    + "{\"date\":\"2027-01-03\",\"kind\":\"HOLIDAY\",\"name\":\"元旦\"}]";
            forbidden("PUT", "/api/calendar/years/2027", "officer", days);
            assertThat(api.call("PUT", "/api/calendar/years/2027", null, days).status()).isIn(401, 403);
            assertProblem(api.call("PUT", "/api/calendar/years/2027", "admin",
                    "[{\"date\":\"2027-01-05\",\"kind\":\"MAKEUP_WORKDAY\",\"name\":\"x\"}]"), 422, "calendar.makeupOnWeekday");
            assertProblem(api.call("PUT", "/api/calendar/years/2027", "admin",
                    "[{\"date\":\"2028-01-01\",\"kind\":\"HOLIDAY\",\"name\":\"x\"}]"), 422, "calendar.dayOutsideYear");
            assertThat(api.get("/api/calendar/days?year=2027", null).path("official").asBoolean()).as("refused edits change nothing").isFalse();
            JsonNode saved = api.ok(200, "PUT", "/api/calendar/years/2027", "admin", days);
            assertThat(saved.path("official").asBoolean()).isTrue();
            assertThat(saved.path("days")).hasSize(3);
            JsonNode after = api.get("/api/calendar/working-days?from=2026-12-31&add=1", null);
            assertThat(after.path("date").asText()).isEqualTo("2027-01-04");
            assertThat(after.has("warning")).isFalse();
            holiday = LocalDate.of(2027, 1, 1);
        } else {
            holiday = null;
            for (JsonNode d : year2027.path("days")) {
                LocalDate day = LocalDate.parse(d.path("date").asText());
                if (holiday == null && "HOLIDAY".equals(d.path("kind").asText()) && day.getDayOfWeek().getValue() < 6
                        && day.isAfter(LocalDate.now(CHINA).plusDays(25))) {
                    holiday = day;
                }
            }
            assertThat(holiday).as("a weekday holiday in the 2027 schedule").isNotNull();
        }
        JsonNode draft = api.create("officer", api.openTender("节假日截止校验 (IT holiday)", "100000.00", "HM-DH"));
        Answer a = submitWithPreferred(draft.path("id").asLong(), holiday);
        assertProblem(a, 422, "deadline.NOT_A_WORKING_DAY");
        assertThat(a.codes()).containsExactly("deadline.NOT_A_WORKING_DAY");
        assertThat(a.json().path("errors").get(0).path("field").asText()).isEqualTo("preferredDeadline");
    }

    private Answer submitWithPreferred(long id, LocalDate preferred) throws Exception {
        ObjectNode f = (ObjectNode) api.tender(id, "officer").deepCopy();
        f.put("preferredDeadline", preferred.toString());
        JsonNode saved = api.ok(200, "PUT", "/api/tenders/" + id, "officer", f);
        assertThat(saved.path("preferredDeadline").asText()).isEqualTo(preferred.toString());
        return api.submit("officer", id, saved.path("version").asLong());
    }

    @Test
    @Order(6)
    void aLaterWorkingDayChosenByTheOfficerBecomesTheDeadline() throws Exception {
        LocalDate today = LocalDate.now(CHINA);
        LocalDate preferred = LocalDate.parse(api.get("/api/calendar/working-days?from=" + today + "&add=22", null).path("date").asText());
        ObjectNode f = api.openTender("指定截止日期 (IT preferred)", "90000.00", "HM-DH");
        f.put("preferredDeadline", preferred.toString());
        JsonNode t = api.createAndSubmit("officer", f);
        api.decide("head", t.path("id").asLong(), "approveTender", "APPROVE", null);
        JsonNode published = api.tender(t.path("id").asLong(), "officer");
        assertThat(published.path("status").asText()).isEqualTo("PUBLISHED");
        OffsetDateTime deadline = OffsetDateTime.parse(published.path("bidDeadline").asText());
        assertThat(deadline.toLocalDate()).isEqualTo(preferred);
        assertThat(deadline.toLocalTime()).isEqualTo(LocalTime.of(9, 30));
    }

    // ------------------------------------------------------------------ text

    @Test
    @Order(7)
    void scriptInTextFieldsIsStoredAndReturnedVerbatim() throws Exception {
        ObjectNode f = api.openTender(SCRIPT, "100000.00", "HM-DH");
        f.put("description", "说明 " + SCRIPT + " & \"quotes\" <b>bold</b>");
        f.put("qualification", SCRIPT);
        ((ObjectNode) f.path("lots").get(0)).put("title", SCRIPT);
        ((ObjectNode) f.path("factors").get(0)).put("name", SCRIPT);
        JsonNode created = api.create("officer", f);
        Answer raw = api.call("GET", "/api/tenders/" + created.path("id").asLong(), "officer", null);
        assertThat(raw.contentType()).startsWith("application/json");
        JsonNode t = raw.json();
        assertThat(t.path("title").asText()).isEqualTo(SCRIPT);
        assertThat(t.path("description").asText()).isEqualTo("说明 " + SCRIPT + " & \"quotes\" <b>bold</b>");
        assertThat(t.path("qualification").asText()).isEqualTo(SCRIPT);
        assertThat(t.path("lots").get(0).path("title").asText()).isEqualTo(SCRIPT);
        assertThat(t.path("factors").get(0).path("name").asText()).isEqualTo(SCRIPT);
        assertThat(raw.body()).doesNotContain("&lt;script");
        JsonNode listed = api.get("/api/tenders?q=" + ApiCalls.q("<script>") + "&size=100", "officer");
        assertThat(listed.path("items")).anySatisfy(r -> assertThat(r.path("title").asText()).isEqualTo(SCRIPT));
    }

    // ------------------------------------------------------------------ uploads

    @Test
    @Order(8)
    void uploadsAreCheckedByContentAndSize() throws Exception {
        JsonNode draft = api.create("officer", api.openTender("附件校验 (IT upload)", "100000.00", "HM-DH"));
        long id = draft.path("id").asLong();
        String path = "/api/tenders/" + id + "/documents";

        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1};
        assertProblem(upload(id, "x.pdf", png), 422, "file.NAME_DOES_NOT_MATCH_CONTENT");
        assertProblem(upload(id, "x.png", png), 422, "file.TYPE_NOT_ALLOWED");
        byte[] pdf = pdf(2048);
        assertProblem(upload(id, "x.docx", pdf), 422, "file.NAME_DOES_NOT_MATCH_CONTENT");
        assertProblem(upload(id, "x.pdf", new byte[0]), 422, "file.EMPTY");

        byte[] big = pdf(20 * 1024 * 1024 + 1);
        Answer tooBig = upload(id, "big.pdf", big);
        assertThat(tooBig.status()).as(tooBig.toString()).isIn(413, 422);
        if (tooBig.status() == 422) {
            assertProblem(tooBig, 422, "file.TOO_LARGE");
        }
        assertThat(api.get(path, "officer")).as("nothing stored").isEmpty();

        Answer ok = upload(id, "服务需求书.pdf", pdf);
        assertThat(ok.status()).as(ok.toString()).isEqualTo(201);
        JsonNode doc = ok.json();
        assertThat(doc.path("fileName").asText()).isEqualTo("服务需求书.pdf");
        assertThat(doc.path("contentType").asText()).isEqualTo("application/pdf");
        assertThat(doc.path("sizeBytes").asLong()).isEqualTo(pdf.length);
        assertThat(doc.path("sha256").asText()).hasSize(64);
        assertProblem(upload(id, "copy.pdf", pdf), 422, "file.DUPLICATE");

        byte[] limit = pdf(20 * 1024 * 1024);
        Answer atLimit = upload(id, "limit.pdf", limit);
        assertThat(atLimit.status()).as("exactly 20 MB is accepted: " + atLimit).isEqualTo(201);

        JsonNode docs = api.get(path, "officer");
        assertThat(docs).hasSize(2);
        assertThat(docs.get(0).path("fileName").asText()).isEqualTo("服务需求书.pdf");
        forbidden("GET", path, "officer2", null, "tender.otherUnit");
        long seq = api.auditHead();
        Answer other = api.send("POST", path + "?name=other.pdf", "officer2", ItSupport.PASSWORD, null, "application/octet-stream", pdf(100));
        assertProblem(other, 403, "tender.otherUnit");
        FORBIDDEN.add(new Forbidden("officer2", "POST", path, seq, api.auditHead()));
        assertThat(api.get(path, "officer")).hasSize(2);
        // not public before publication
        assertThat(api.call("GET", "/api/public/documents/" + doc.path("id").asLong(), null, null).status()).isIn(401, 403, 404);
    }

    private Answer upload(long id, String name, byte[] content) throws Exception {
        return api.send("POST", "/api/tenders/" + id + "/documents?name=" + ApiCalls.q(name), "officer", ItSupport.PASSWORD,
                null, "application/octet-stream", content);
    }

    private static byte[] pdf(int size) {
        byte[] head = ("%PDF-1.4\n% huimin IT " + size + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[size];
        Arrays.fill(out, (byte) ' ');
        System.arraycopy(head, 0, out, 0, Math.min(head.length, size));
        return out;
    }

    // ------------------------------------------------------------------ malformed requests

    @Test
    @Order(9)
    void malformedJsonAndUnknownIds() throws Exception {
        long count = officerTenderCount();
        Answer broken = api.call("POST", "/api/tenders", "officer", "{\"title\": \"x\",");
        assertProblem(broken, 400);
        assertThat(broken.json().path("detail").asText()).isEqualTo("The request body is not valid JSON of the expected shape.");
        Answer wrongType = api.call("POST", "/api/tenders", "officer", "{\"title\":\"x\",\"priceWeight\":\"thirty\"}");
        assertProblem(wrongType, 400);
        Answer array = api.call("POST", "/api/tenders", "officer", "[1,2]");
        assertProblem(array, 400);
        assertThat(officerTenderCount()).isEqualTo(count);

        assertProblem(api.call("GET", "/api/tenders/999999", "officer", null), 404, "tender.notFound");
        assertProblem(api.call("PUT", "/api/tenders/999999", "officer", api.openTender("x", "1.00", "HM-DH")), 404, "tender.notFound");
        assertProblem(api.call("POST", "/api/tenders/999999/submit?version=0", "officer", null), 404, "tender.notFound");
        assertProblem(api.call("GET", "/api/public/tenders/999999", null, null), 404, "tender.notFound");
        assertProblem(api.call("POST", "/api/tasks/no-such-task/complete", "head", Map.of("decision", "APPROVE")), 404, "task.notFound");
        Answer notNumber = api.call("GET", "/api/tenders/abc", "officer", null);
        assertThat(notNumber.status()).as(notNumber.toString()).isEqualTo(404);
        assertThat(notNumber.body()).doesNotContain("Exception");
    }

    // ------------------------------------------------------------------ who may do what

    @Test
    @Order(10)
    void otherUnitsRolesAndAnonymousCallersAreRefused() throws Exception {
        JsonNode t = api.create("officer", api.openTender("他单位访问校验 (IT other unit)", "100000.00", "HM-XS"));
        long id = t.path("id").asLong();
        forbidden("GET", "/api/tenders/" + id, "officer2", null, "tender.otherUnit");
        ObjectNode edit = (ObjectNode) t.deepCopy();
        edit.put("title", "hijacked by officer2");
        forbidden("PUT", "/api/tenders/" + id, "officer2", edit, "tender.otherUnit");
        forbidden("POST", "/api/tenders/" + id + "/submit?version=" + t.path("version").asLong(), "officer2", null, "tender.otherUnit");
        forbidden("GET", "/api/tenders/" + id + "/history", "officer2", null, "tender.otherUnit");
        JsonNode after = api.tender(id, "officer");
        assertThat(after.path("title").asText()).isEqualTo(t.path("title").asText());
        assertThat(after.path("version").asLong()).isEqualTo(t.path("version").asLong());
        assertThat(after.path("status").asText()).isEqualTo("DRAFT");
        assertThat(api.get("/api/tenders?size=100", "officer2").path("items"))
                .noneSatisfy(r -> assertThat(r.path("id").asLong()).isEqualTo(id));
        // county-wide readers see it
        assertThat(api.tender(id, "head").path("id").asLong()).isEqualTo(id);
        assertThat(api.tender(id, "supervisor").path("id").asLong()).isEqualTo(id);

        Answer vendor = forbidden("GET", "/api/tenders", "vendor1", null);
        assertThat(vendor.json().path("detail").asText()).isEqualTo("You are not allowed to do this. The attempt has been recorded.");
        forbidden("POST", "/api/tenders", "vendor1", api.openTender("vendor tender", "1.00", "HM-DH"));
        forbidden("POST", "/api/tenders", "head", api.openTender("head tender", "1.00", "HM-DH"));
        forbidden("GET", "/api/admin/users", "officer", null);
        forbidden("GET", "/api/audit", "officer", null);

        Answer anonymous = api.call("GET", "/api/tenders", null, null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).startsWith("Basic"));
        assertThat(api.call("POST", "/api/tenders", null, api.openTender("anon", "1.00", "HM-DH")).status()).isEqualTo(401);
        Answer wrong = api.send("GET", "/api/tenders", "officer", "not-the-password", null, null, null);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(api.send("GET", "/api/tenders", "nobody-here", "x", null, null, null).status()).isEqualTo(401);
        assertThat(api.get("/api/me", "officer").path("username").asText()).as("one wrong password does not lock").isEqualTo("officer");
    }

    @Test
    @Order(11)
    void fiveWrongPasswordsLockTheAccountUntilAnAdminUnlocksIt() throws Exception {
        String password = "Richtig-12345";
        ObjectNode user = ApiCalls.JSON.createObjectNode();
        user.put("username", "it.lockout");
        user.put("displayName", "Lockout test 锁定测试");
        user.put("password", password);
        user.putArray("roles").add("supervisor");
        Answer created = api.call("POST", "/api/admin/users", "admin", user);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        assertProblem(api.call("POST", "/api/admin/users", "admin", user), 422, "user.usernameTaken");

        assertThat(me("it.lockout", password).status()).isEqualTo(200);
        // four failures, then success: the counter starts again
        for (int i = 0; i < 4; i++) {
            assertThat(me("it.lockout", "wrong-" + i).status()).isEqualTo(401);
        }
        assertThat(me("it.lockout", password).status()).isEqualTo(200);
        long seq = api.auditHead();
        for (int i = 1; i <= 5; i++) {
            Answer a = me("it.lockout", "wrong-" + i);
            assertThat(a.status()).as("wrong password #" + i).isEqualTo(401);
        }
        Answer locked = me("it.lockout", password);
        assertThat(locked.status()).as("the right password while locked").isEqualTo(401);
        assertThat(locked.headers().firstValue("X-Huimin-Account")).hasValue("locked");
        assertThat(me("it.lockout", password).status()).isEqualTo(401);
        JsonNode listed = null;
        for (JsonNode u : api.get("/api/admin/users?size=200", "admin").path("items")) {
            if (u.path("id").asLong() == id) {
                listed = u;
            }
        }
        assertThat(listed).isNotNull();
        assertThat(listed.path("lockedUntil").asText()).isNotBlank();
        assertThat(actions(api.auditSince(seq), "it.lockout")).contains("ACCOUNT_LOCKED", "LOGIN_REFUSED_LOCKED");

        forbidden("POST", "/api/admin/users/" + id + "/unlock", "supervisor", null);
        assertThat(me("it.lockout", password).status()).isEqualTo(401);
        api.ok(200, "POST", "/api/admin/users/" + id + "/unlock", "admin", null);
        Answer back = me("it.lockout", password);
        assertThat(back.status()).as(back.toString()).isEqualTo(200);
        assertThat(back.json().path("username").asText()).isEqualTo("it.lockout");
        assertThat(actions(api.auditSince(seq), "admin")).contains("USER_UNLOCKED");

        // changing the own password needs the current one and a long enough new one
        assertProblem(api.send("POST", "/api/me/password", "it.lockout", password, null, "application/json",
                "{\"current\":\"not-it-at-all\",\"next\":\"Neu-Passwort-1\"}"), 422, "user.currentPasswordWrong");
        assertProblem(api.send("POST", "/api/me/password", "it.lockout", password, null, "application/json",
                "{\"current\":\"" + password + "\",\"next\":\"short\"}"), 422, "user.passwordLength");
        assertThat(me("it.lockout", password).status()).as("refused changes keep the password").isEqualTo(200);
        Answer changed = api.send("POST", "/api/me/password", "it.lockout", password, null, "application/json",
                "{\"current\":\"" + password + "\",\"next\":\"Neu-Passwort-1\"}");
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(me("it.lockout", "Neu-Passwort-1").status()).isEqualTo(200);
        assertThat(me("it.lockout", password).status()).isEqualTo(401);
    }

    private Answer me(String username, String password) throws Exception {
        return api.send("GET", "/api/me", username, password, null, null, null);
    }

    private static List<String> actions(List<JsonNode> entries, String actor) {
        List<String> out = new ArrayList<>();
        entries.stream().filter(e -> actor.equals(e.path("actor").asText())).forEach(e -> out.add(e.path("action").asText()));
        return out;
    }

    // ------------------------------------------------------------------ tasks

    @Test
    @Order(12)
    void tasksOfOthersAreRefusedAndATaskCompletesOnce() throws Exception {
        JsonNode row = api.get("/api/tenders?status=PENDING_APPROVAL&q=" + ApiCalls.q("IT tasks") + "&size=10", "officer")
                .path("items").get(0);
        assertThat(row).as("the tender submitted by submissionListsEveryBrokenRule").isNotNull();
        long id = row.path("id").asLong();
        String taskId = api.taskId("head", id, "approveTender");

        // not in the group
        forbidden("POST", "/api/tasks/" + taskId + "/complete", "finance", Map.of("decision", "APPROVE"), "task.notYours");
        forbidden("POST", "/api/tasks/" + taskId + "/complete", "officer", Map.of("decision", "APPROVE"), "task.notYours");
        forbidden("POST", "/api/tasks/" + taskId + "/claim", "vendor1", null, "task.notYours");
        forbidden("GET", "/api/tasks/" + taskId, "finance", null, "task.notYours");
        JsonNode open = api.get("/api/tasks/" + taskId, "head");
        assertThat(open.path("assignee").isMissingNode() || open.path("assignee").isNull()).as(open.toString()).isTrue();
        assertThat(api.tender(id, "officer").path("status").asText()).isEqualTo("PENDING_APPROVAL");

        // in the group, but claimed by someone else
        ObjectNode head2 = ApiCalls.JSON.createObjectNode();
        head2.put("username", "it.head2");
        head2.put("displayName", "Second head 副局长");
        head2.put("password", ItSupport.PASSWORD);
        head2.putArray("roles").add("head");
        assertThat(api.call("POST", "/api/admin/users", "admin", head2).status()).isEqualTo(201);
        api.ok(200, "POST", "/api/tasks/" + taskId + "/claim", "head", null);
        Answer claimedByOther = api.call("POST", "/api/tasks/" + taskId + "/claim", "it.head2", null);
        assertThat(claimedByOther.status()).as(claimedByOther.toString()).isIn(403, 409);
        assertThat(claimedByOther.codes()).containsAnyOf("task.claimedByOther", "task.notYours");
        forbidden("POST", "/api/tasks/" + taskId + "/complete", "it.head2", Map.of("decision", "REJECT", "comment", "not mine"), "task.notYours");
        assertThat(api.get("/api/tasks/" + taskId, "head").path("assignee").asText()).isEqualTo("head");
        assertThat(api.tender(id, "officer").path("status").asText()).isEqualTo("PENDING_APPROVAL");

        // completed once; the second time: 409 and nothing changes
        Answer first = api.complete("head", taskId, "APPROVE", null);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        JsonNode done = api.tender(id, "officer");
        assertThat(done.path("status").asText()).isEqualTo("PUBLISHED");
        List<String> history = api.historyActions(id, "officer");
        long seq = api.auditHead();
        Answer twice = api.complete("head", taskId, "APPROVE", null);
        assertProblem(twice, 409, "task.alreadyCompleted");
        Answer otherDecision = api.complete("head", taskId, "REJECT", "changed my mind");
        assertProblem(otherDecision, 409, "task.alreadyCompleted");
        assertProblem(api.call("POST", "/api/tasks/" + taskId + "/claim", "head", null), 409, "task.alreadyCompleted");
        JsonNode same = api.tender(id, "officer");
        assertThat(same.path("status").asText()).isEqualTo("PUBLISHED");
        assertThat(same.path("version").asLong()).isEqualTo(done.path("version").asLong());
        assertThat(same.path("noticeNumber").asText()).isEqualTo(done.path("noticeNumber").asText());
        assertThat(same.path("bidDeadline").asText()).isEqualTo(done.path("bidDeadline").asText());
        assertThat(api.historyActions(id, "officer")).isEqualTo(history);
        assertThat(api.auditSince(seq)).noneSatisfy(e -> assertThat(e.path("action").asText())
                .isIn("TASK_COMPLETED", "TENDER_APPROVE", "TENDER_REJECT", "TENDER_PUBLISHED", "TENDER_REJECTED"));
        assertThat(api.get("/api/public/tenders/" + id, null).path("notices")).hasSize(1);
    }

    // ------------------------------------------------------------------ stale edits

    @Test
    @Order(13)
    void aStaleEditIsRefusedAndNothingIsLost() throws Exception {
        JsonNode t = api.create("officer", api.openTender("并发修改校验 (IT stale)", "100000.00", "HM-DH"));
        long id = t.path("id").asLong();
        ObjectNode mine = (ObjectNode) t.deepCopy();
        mine.put("description", "first edit");
        JsonNode saved = api.ok(200, "PUT", "/api/tenders/" + id, "officer", mine);
        assertThat(saved.path("version").asLong()).isGreaterThan(t.path("version").asLong());

        ObjectNode stale = (ObjectNode) t.deepCopy();
        stale.put("description", "second edit based on the old version");
        Answer a = api.call("PUT", "/api/tenders/" + id, "officer", stale);
        assertProblem(a, 409, "tender.stale");
        assertThat(a.json().path("detail").asText()).contains("Someone else changed this record meanwhile");
        ObjectNode noVersion = (ObjectNode) saved.deepCopy();
        noVersion.remove("version");
        assertProblem(api.call("PUT", "/api/tenders/" + id, "officer", noVersion), 409, "tender.stale");
        assertProblem(api.submit("officer", id, t.path("version").asLong()), 409, "tender.stale");
        assertProblem(api.call("POST", "/api/tenders/" + id + "/submit", "officer", null), 409, "tender.stale");

        JsonNode now = api.tender(id, "officer");
        assertThat(now.path("description").asText()).isEqualTo("first edit");
        assertThat(now.path("version").asLong()).isEqualTo(saved.path("version").asLong());
        assertThat(now.path("status").asText()).isEqualTo("DRAFT");
        // the current version works
        ObjectNode retry = (ObjectNode) now.deepCopy();
        retry.put("description", "second edit based on the old version");
        assertThat(api.ok(200, "PUT", "/api/tenders/" + id, "officer", retry).path("description").asText())
                .isEqualTo("second edit based on the old version");
    }

    // ------------------------------------------------------------------ cross-site requests

    @Test
    @Order(14)
    void crossSiteStateChangesAreRefused() throws Exception {
        long count = officerTenderCount();
        String body = ApiCalls.JSON.writeValueAsString(api.openTender("跨站请求 (IT csrf)", "100000.00", "HM-DH"));
        long seq = api.auditHead();
        Answer evil = api.send("POST", "/api/tenders", "officer", ItSupport.PASSWORD, Map.of("Origin", "http://evil.example"),
                "application/json", body);
        assertThat(evil.status()).as(evil.toString()).isEqualTo(403);
        FORBIDDEN.add(new Forbidden("officer", "POST", "/api/tenders", seq, api.auditHead()));
        seq = api.auditHead();
        Answer referer = api.send("POST", "/api/tenders", "officer", ItSupport.PASSWORD,
                Map.of("Referer", "http://evil.example/page.html"), "application/json", body);
        assertThat(referer.status()).as(referer.toString()).isEqualTo(403);
        FORBIDDEN.add(new Forbidden("officer", "POST", "/api/tenders", seq, api.auditHead()));
        assertThat(officerTenderCount()).as("nothing created").isEqualTo(count);

        // reading is not a state change; the own origin may post
        assertThat(api.send("GET", "/api/tenders", "officer", ItSupport.PASSWORD, Map.of("Origin", "http://evil.example"),
                null, null).status()).isEqualTo(200);
        String own = "http://127.0.0.1:" + api.base.getPort();
        Answer same = api.send("POST", "/api/tenders", "officer", ItSupport.PASSWORD, Map.of("Origin", own), "application/json", body);
        assertThat(same.status()).as(same.toString()).isEqualTo(201);
        assertThat(officerTenderCount()).isEqualTo(count + 1);
    }

    @Test
    @Order(15)
    void refusalsBeforeJaxRsAreProblemDetailsToo() throws Exception {
        String body = ApiCalls.JSON.writeValueAsString(api.openTender("跨站请求 (IT csrf problem)", "100000.00", "HM-DH"));
        Answer evil = api.send("POST", "/api/tenders", "officer", ItSupport.PASSWORD, Map.of("Origin", "http://evil.example"),
                "application/json", body);
        Answer anonymous = api.call("GET", "/api/tenders", null, null);
        Answer wrong = api.send("GET", "/api/tenders", "officer", "not-the-password", null, null, null);
        List<String> html = new ArrayList<>();
        for (Answer a : List.of(evil, anonymous, wrong)) {
            if (!a.contentType().startsWith("application/problem+json")) {
                html.add(a.request() + " -> " + a.status() + " " + a.contentType());
            }
        }
        assertThat(evil.status()).isEqualTo(403);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(html).as("errors of /api are JSON problem details (issue 4, item 12), not HTML pages").isEmpty();
        assertProblem(evil, 403);
    }

    // ------------------------------------------------------------------ every refusal is audited

    @Test
    @Order(16)
    void everyRefusalAboveLeftAForbiddenAuditEntry() throws Exception {
        assertThat(FORBIDDEN).as("the refusals of the tests above").hasSizeGreaterThan(15);
        long from = FORBIDDEN.stream().mapToLong(Forbidden::seqBefore).min().orElseThrow();
        List<JsonNode> entries = api.auditSince(from);
        List<JsonNode> refusals = entries.stream().filter(e -> "FORBIDDEN".equals(e.path("action").asText())).toList();
        List<String> problems = new ArrayList<>();
        for (Forbidden f : FORBIDDEN) {
            String uri = f.path().contains("?") ? f.path().substring(0, f.path().indexOf('?')) : f.path();
            List<JsonNode> mine = refusals.stream()
                    .filter(e -> e.path("seq").asLong() > f.seqBefore() && e.path("seq").asLong() <= f.seqAfter()).toList();
            assertThat(mine).as("a FORBIDDEN audit entry for %s %s by %s", f.method(), f.path(), f.actor()).anySatisfy(e -> {
                assertThat(e.path("actor").asText()).isEqualTo(f.actor());
                JsonNode after = ApiCalls.JSON.readTree(e.path("afterState").asText());
                assertThat(after.path("uri").asText()).contains(uri);
                assertThat(after.path("method").asText()).isEqualTo(f.method());
            });
            if (mine.size() != 1) {
                problems.add(f.method() + " " + f.path() + " by " + f.actor() + " -> " + mine.size() + " FORBIDDEN entries: "
                        + mine.stream().map(e -> e.path("seq").asText() + " " + e.path("afterState").asText()).toList());
            }
        }
        assertThat(problems).as("one refusal, one audit entry (%d of %d refusals were recorded more than once)",
                problems.size(), FORBIDDEN.size()).isEmpty();
        JsonNode verify = api.get("/api/audit/verify", "supervisor");
        assertThat(verify.path("intact").asBoolean()).as(verify.toString()).isTrue();
    }
}
