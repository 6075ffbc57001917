package cn.huimin.browser;

import static cn.huimin.browser.BrowserSession.id;
import static org.assertj.core.api.Assertions.assertThat;

import cn.huimin.it.ItSupport;
import com.fasterxml.jackson.databind.JsonNode;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.text.MessageFormat;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A contract from signature to payment in real headless Chromium (Chinese UI), against the WAR on Payara Micro and
 * PostgreSQL, on the demo award of lot 1 (vendor3, 96,000.00 CNY, one screening a month in 桃源村 and 柳塘村; lot 2
 * belongs to another test): the officer sets the terms (a bond above 10% refused, then 5%, a one-year term that began
 * 20 days ago, quarterly milestones of 25% each) and signs; vendor3 signs and the contract is published; vendor3
 * records a screening in each village; the Donghu station verifies one and disputes the other; vendor3 issues rating
 * codes for the verified one; a resident rates it anonymously and cannot reuse the code; the end of the first period
 * is forced (its timer due now); the evaluator scores 75, the officer approves, the head signs off; finance pays the
 * order of 85% of the first milestone; the dashboard shows the screening, its audience, the rating and the payment.
 * The contract PDF and the dashboard's Excel export are read over REST. Screenshots go to target/screenshots.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ContractBrowserIT {
    static final String ZH_LANG = "zh-CN";
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final Properties ZH = bundle("zh_CN");
    static final String VENDOR = "vendor3";
    static final String VILLAGE_1 = "桃源村";
    static final String VILLAGE_2 = "柳塘村";
    static final int ATTENDANCE_1 = 120;
    static final int ATTENDANCE_2 = 80;
    /** The printed form of a rating code: two groups of five of the unambiguous alphabet. */
    static final Pattern CODE = Pattern.compile("[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.war();
    }

    @ArquillianResource
    URL deployed;

    private final List<BrowserSession> sessions = new ArrayList<>();

    /** Runs before @AfterEach, while the browsers are still open: evidence of a failure. */
    @RegisterExtension
    final AfterTestExecutionCallback failureEvidence = context -> {
        if (context.getExecutionException().isPresent()) {
            for (BrowserSession s : sessions) {
                s.failureEvidence(context.getRequiredTestMethod().getName());
            }
        }
    };

    @AfterEach
    void closeBrowsers() {
        for (BrowserSession s : sessions) {
            try {
                s.close();
            } catch (RuntimeException e) {
                System.err.println("closing " + s.name + ": " + e);
            }
        }
        sessions.clear();
    }

    private BrowserSession browser(String name) {
        BrowserSession b = new BrowserSession(name, ItSupport.base(deployed), ZH_LANG);
        sessions.add(b);
        return b;
    }

    @Test
    void contractIsSignedDeliveredVerifiedRatedEvaluatedAndPaid() throws Exception {
        BiddingApi api = new BiddingApi(ItSupport.base(deployed));
        LocalDate today = LocalDate.now(CHINA);
        LocalDate termStart = today.minusDays(20);
        LocalDate termEnd = termStart.plusYears(1).minusDays(1);
        // within the first quarter and, for the dashboard's default (the current year), within this year
        LocalDate eventDate = today.minusDays(3).getYear() == today.getYear() ? today.minusDays(3) : today;

        // ---------------------------------------------------------------- 0. the demo contract of lot 1, by REST
        String vendorName = api.get("/api/vendors/me", VENDOR).path("profile").path("name").asText();
        assertThat(vendorName).isEqualTo("西山乡村电影放映队");
        JsonNode summary = awaitContract(api, vendorName);
        long contractId = summary.path("id").asLong();
        String contractNo = summary.path("contractNo").asText();
        assertThat(summary.path("status").asText()).as("lot 1's contract before the test: " + summary).isEqualTo("DRAFT");
        assertThat(new BigDecimal(summary.path("amount").asText())).isEqualByComparingTo("96000.00");
        JsonNode dashboardBefore = api.get("/api/dashboard", "officer").path("total");
        String signTask = awaitTask(api, "officer", contractId, "signContractPurchaser", Duration.ofSeconds(20)).path("id").asText();

        // ---------------------------------------------------------------- 1. the officer sets the terms and signs
        BrowserSession staff = browser("staff");
        staff.login("officer");
        openTask(staff, "signContractPurchaser", signTask);
        assertThat(staff.visible(id("taskForm:contractNo")).getText()).isEqualTo(contractNo);
        assertThat(staff.visible(id("taskForm:contractVendor")).getText()).isEqualTo(vendorName);
        assertThat(staff.visible(id("taskForm:contractAmount")).getText()).isEqualTo("96,000.00");
        assertThat(rows(staff.visible(id("milestones")))).as("milestones of the draft").isNotEmpty();
        if (!staff.driver.findElements(id("taskForm:claim")).isEmpty()) {
            claim(staff, "taskForm:bondPercent");
        }
        staff.visible(id("taskForm:bondPercent"));
        staff.screenshot("01-sign-purchaser-draft");

        staff.type(id("taskForm:bondPercent"), "12");
        staff.ajax(() -> staff.visible(id("taskForm:saveTerms")).click());
        assertThat(String.join("\n", errors(staff))).as("a bond above 10%").contains("10%").contains(zh("contract.BOND_TOO_HIGH"));
        assertThat(new BigDecimal(api.get("/api/contracts/" + contractId, "officer").path("bondPercent").asText()))
                .as("the refused bond is not saved").isEqualByComparingTo("5");

        staff.type(id("taskForm:bondPercent"), "5");
        typeDate(staff, id("taskForm:termStart_input"), termStart.toString());
        typeDate(staff, id("taskForm:termEnd_input"), termEnd.toString());
        staff.choose(id("taskForm:frequency"), zh("contract.frequency.QUARTER"), false);
        staff.type(id("taskForm:shares"), "25,25,25,25");
        staff.screenshot("02-terms-filled");
        staff.ajax(() -> staff.visible(id("taskForm:saveTerms")).click());
        assertThat(errors(staff)).as("errors after saving the terms").isEmpty();
        assertThat(info(staff)).contains(zh("contract.termsSaved"));
        List<List<String>> milestones = rows(staff.visible(id("milestones")));
        assertThat(milestones).as("quarterly milestones of a one-year term").hasSize(4);
        assertThat(milestones.get(0).get(1)).isEqualTo(termStart + " — " + termStart.plusMonths(3).minusDays(1));
        for (List<String> m : milestones) {
            assertThat(m.get(2)).isEqualTo("25.00%");
            assertThat(m.get(3)).isEqualTo("24,000.00");
        }
        assertThat(milestones.get(3).get(1)).endsWith(termEnd + " ★");
        JsonNode terms = api.get("/api/contracts/" + contractId, "officer");
        assertThat(new BigDecimal(terms.path("bondPercent").asText())).isEqualByComparingTo("5");
        assertThat(new BigDecimal(terms.path("bondAmount").asText())).isEqualByComparingTo("4800.00");
        assertThat(terms.path("termStart").asText()).isEqualTo(termStart.toString());
        assertThat(terms.path("termEnd").asText()).isEqualTo(termEnd.toString());
        assertThat(terms.path("milestones")).hasSize(4);
        assertThat(new BigDecimal(terms.path("milestones").get(0).path("amount").asText())).isEqualByComparingTo("24000.00");
        staff.screenshot("03-terms-saved");

        String pdf = pdfText(download(api.base, "/api/contracts/" + contractId + "/pdf", "officer", "application/pdf"));
        assertThat(pdf).contains("政府购买公共文化服务合同", contractNo, vendorName);

        staff.clickAndLoad(id("taskForm:sign"));
        assertThat(errors(staff)).as("errors after the purchaser's signature").isEmpty();
        staff.wait.until(d -> staff.path().endsWith("/inbox.xhtml"));
        assertThat(info(staff)).contains(zh("contract.done.signContractPurchaser.SIGN"));
        assertThat(api.get("/api/contracts/" + contractId, "officer").path("status").asText()).isEqualTo("PURCHASER_SIGNED");
        staff.logout();

        // ---------------------------------------------------------------- 2. the vendor signs: published
        String vendorTask = awaitTask(api, VENDOR, contractId, "signContractVendor", Duration.ofSeconds(20)).path("id").asText();
        BrowserSession v = browser("vendor");
        v.login(VENDOR);
        openTask(v, "signContractVendor", vendorTask);
        assertThat(v.visible(id("taskForm:contractNo")).getText()).isEqualTo(contractNo);
        assertThat(v.visible(id("taskForm:contractStatus")).getText()).isEqualTo(zh("contract.status.PURCHASER_SIGNED"));
        v.screenshot("04-sign-vendor");
        v.clickAndLoad(id("taskForm:sign"));
        assertThat(errors(v)).as("errors after the vendor's signature").isEmpty();
        v.wait.until(d -> v.path().endsWith("/inbox.xhtml"));
        assertThat(info(v)).contains(zh("contract.done.signContractVendor.SIGN"));
        JsonNode published = api.get("/api/contracts/" + contractId, "officer");
        assertThat(published.path("status").asText()).isEqualTo("PUBLISHED");
        assertThat(absent(published.path("publishedAt"))).as("published at").isFalse();

        // ---------------------------------------------------------------- 3. the vendor records a screening in each village
        v.open("contracts/view.xhtml?id=" + contractId);
        assertThat(v.status()).isEqualTo(200);
        assertThat(v.visible(id("contractForm:contractStatus")).getText()).isEqualTo(zh("contract.status.PUBLISHED"));
        recordEvent(v, VILLAGE_1, eventDate, ATTENDANCE_1, "晚上七点在村文化广场放映《我和我的祖国》");
        recordEvent(v, VILLAGE_2, eventDate, ATTENDANCE_2, "晚上七点在村小学操场放映《流浪地球》");
        List<List<String>> recorded = rows(v.visible(id("contractForm:events")));
        assertThat(recorded).hasSize(2);
        for (List<String> r : recorded) {
            assertThat(r.get(0)).isEqualTo(eventDate.toString());
            assertThat(r.get(4)).isEqualTo(zh("delivery.status.REPORTED"));
        }
        v.screenshot("05-events-recorded");
        long event1 = eventAt(api, contractId, VILLAGE_1).path("id").asLong();
        long event2 = eventAt(api, contractId, VILLAGE_2).path("id").asLong();
        assertThat(eventAt(api, contractId, VILLAGE_1).path("attendance").asInt()).isEqualTo(ATTENDANCE_1);

        // ---------------------------------------------------------------- 4. the station verifies one, disputes the other
        String disputeReason = "村委会反映当晚未放映，现场无观众";
        staff.login("station1");
        staff.open("station/check.xhtml");
        assertThat(staff.status()).isEqualTo(200);
        staff.screenshot("06-station-pending");
        WebElement row1 = pendingRow(staff, contractNo, VILLAGE_1);
        assertThat(row1.getText()).contains(String.valueOf(ATTENDANCE_1));
        staff.ajax(() -> row1.findElement(By.cssSelector("button[id$=':verify']")).click());
        assertThat(errors(staff)).as("errors after verifying").isEmpty();
        assertThat(info(staff)).contains(zh("delivery.verified"));
        WebElement row2 = pendingRow(staff, contractNo, VILLAGE_2);
        WebElement reason = row2.findElement(By.cssSelector("input[id$=':reason']"));
        reason.clear();
        reason.sendKeys(disputeReason);
        staff.ajax(() -> row2.findElement(By.cssSelector("button[id$=':dispute']")).click());
        assertThat(errors(staff)).as("errors after disputing").isEmpty();
        assertThat(info(staff)).contains(zh("delivery.disputed"));
        assertThat(staff.visible(id("stationForm:pending")).getText()).as("nothing of this contract left to check")
                .doesNotContain(contractNo);
        staff.screenshot("07-station-checked");
        assertThat(event(api, contractId, event1).path("status").asText()).isEqualTo("VERIFIED");
        JsonNode disputed = event(api, contractId, event2);
        assertThat(disputed.path("status").asText()).isEqualTo("DISPUTED");
        assertThat(disputed.path("disputeReason").asText()).isEqualTo(disputeReason);
        assertThat(disputed.path("verifiedBy").asText()).isEqualTo("station1");
        staff.logout();

        // ---------------------------------------------------------------- 5. the vendor issues rating codes for the verified one
        v.open("contracts/view.xhtml?id=" + contractId);
        WebElement verifiedRow = eventRow(v, VILLAGE_1);
        assertThat(verifiedRow.getText()).contains(zh("delivery.status.VERIFIED"));
        WebElement disputedRow = eventRow(v, VILLAGE_2);
        assertThat(disputedRow.getText()).contains(zh("delivery.status.DISPUTED")).contains(disputeReason);
        assertThat(disputedRow.findElements(By.cssSelector("button[id$=':issueCodes']"))).as("no codes for a disputed event").isEmpty();
        v.typeNumber(id("contractForm:codeCount_input"), "3");
        v.ajax(() -> eventRow(v, VILLAGE_1).findElement(By.cssSelector("button[id$=':issueCodes']")).click());
        assertThat(errors(v)).as("errors after issuing codes").isEmpty();
        List<String> codes = v.driver.findElements(By.cssSelector("span.hm-code")).stream().map(WebElement::getText).map(String::trim).toList();
        assertThat(codes).hasSize(3).doesNotHaveDuplicates().allSatisfy(c -> assertThat(c).matches(CODE));
        String link = v.visible(id("contractForm:ratingLink")).getText().trim();
        String token = event(api, contractId, event1).path("ratingToken").asText();
        assertThat(link).endsWith("/public/rate.xhtml?e=" + token);
        assertThat(eventRow(v, VILLAGE_1).getText()).contains("0 / 3");
        v.screenshot("08-rating-codes");

        // ---------------------------------------------------------------- 6. a resident rates anonymously; the code is spent
        BrowserSession pub = browser("public");
        pub.driver.get(link);
        pub.waitForDocument();
        assertThat(pub.status()).isEqualTo(200);
        assertThat(pub.driver.findElements(id("headerForm:logout"))).as("anonymous").isEmpty();
        assertThat(pub.visible(By.cssSelector("#rateForm h3")).getText()).contains(VILLAGE_1).contains(eventDate.toString());
        String ratingComment = "放映清晰，片子很好看";
        rate(pub, codes.get(0), 4, ratingComment);
        pub.visible(id("thanks"));
        assertThat(errors(pub)).as("errors after rating").isEmpty();
        assertThat(pub.visible(id("thanks")).getText()).isEqualTo(zh("rating.thanks"));
        pub.screenshot("09-rated");
        pub.driver.get(link);
        pub.waitForDocument();
        rate(pub, codes.get(0).toLowerCase(Locale.ROOT), 5, "再评一次");
        assertThat(String.join("\n", errors(pub))).as("the same code again").contains(zh("rating.codeUsed"));
        assertThat(pub.driver.findElements(id("thanks"))).isEmpty();
        pub.screenshot("10-code-used");
        JsonNode rated = event(api, contractId, event1);
        assertThat(rated.path("ratings").asInt()).isEqualTo(1);
        assertThat(rated.path("codesIssued").asInt()).isEqualTo(3);
        assertThat(new BigDecimal(rated.path("averageStars").asText())).isEqualByComparingTo("4");

        // ---------------------------------------------------------------- 7. the first period ends (its timer forced)
        forcePeriodEnd(contractId);
        String scoreTask = awaitTask(api, "evaluator", contractId, "scoreIndicators", Duration.ofSeconds(90)).path("id").asText();

        // ---------------------------------------------------------------- 8. evaluator scores 75, officer approves, head signs off
        staff.login("evaluator");
        openTask(staff, "scoreIndicators", scoreTask);
        claim(staff, "taskForm:submitScores");
        String evidence = staff.visible(By.xpath("//p[starts-with(normalize-space(.), '" + zh("performance.evidence") + ":')]")).getText();
        assertThat(evidence).as("the period's evidence").contains("已核实 verified 1").contains("人次 people " + ATTENDANCE_1)
                .contains("评价 ratings 1 avg 4.00");
        WebElement indicators = staff.visible(id("taskForm:indicators"));
        assertThat(indicators.getText()).contains("有争议 disputed 1").contains("服务人次 people served: " + ATTENDANCE_1);
        scoreIndicator(staff, "放映场次完成率", "40", "计划3场，核实1场，另1场有争议");
        scoreIndicator(staff, "观影人次", "15", "核实场次观众120人次");
        scoreIndicator(staff, "群众满意度", "20", "评价样本偏少");
        staff.screenshot("11-scores");
        staff.clickAndLoad(id("taskForm:submitScores"));
        assertThat(errors(staff)).as("errors after submitting the scores").isEmpty();
        staff.wait.until(d -> staff.path().endsWith("/inbox.xhtml"));
        assertThat(info(staff)).contains(zh("contract.done.scoreIndicators.SUBMIT"));
        JsonNode scored = api.get("/api/contracts/" + contractId, "officer").path("evaluations").get(0);
        assertThat(scored.path("status").asText()).isEqualTo("REVIEW");
        assertThat(new BigDecimal(scored.path("totalScore").asText())).isEqualByComparingTo("75.00");
        staff.logout();

        String reviewTask = awaitTask(api, "officer", contractId, "reviewEvaluation", Duration.ofSeconds(20)).path("id").asText();
        staff.login("officer");
        openTask(staff, "reviewEvaluation", reviewTask);
        claim(staff, "taskForm:approve");
        assertThat(staff.visible(id("taskForm:total")).getText()).isEqualTo("75.00");
        staff.clickAndLoad(id("taskForm:approve"));
        assertThat(errors(staff)).as("errors after the review").isEmpty();
        staff.wait.until(d -> staff.path().endsWith("/inbox.xhtml"));
        assertThat(info(staff)).contains(zh("contract.done.reviewEvaluation.APPROVE"));
        staff.logout();

        String signOffTask = awaitTask(api, "head", contractId, "signOffEvaluation", Duration.ofSeconds(20)).path("id").asText();
        staff.login("head");
        openTask(staff, "signOffEvaluation", signOffTask);
        claim(staff, "taskForm:signOff");
        assertThat(staff.visible(id("taskForm:total")).getText()).isEqualTo("75.00");
        staff.screenshot("12-sign-off");
        staff.clickAndLoad(id("taskForm:signOff"));
        assertThat(errors(staff)).as("errors after the sign-off").isEmpty();
        staff.wait.until(d -> staff.path().endsWith("/inbox.xhtml"));
        assertThat(info(staff)).contains(zh("contract.done.signOffEvaluation.SIGN"));
        staff.logout();
        JsonNode signed = api.get("/api/contracts/" + contractId, "officer");
        assertThat(signed.path("evaluations").get(0).path("status").asText()).isEqualTo("SIGNED");
        assertThat(new BigDecimal(signed.path("evaluations").get(0).path("paymentShare").asText())).isEqualByComparingTo("0.85");
        assertThat(signed.path("paymentOrders")).hasSize(1);
        JsonNode order = signed.path("paymentOrders").get(0);
        assertThat(order.path("status").asText()).isEqualTo("ISSUED");
        assertThat(new BigDecimal(order.path("milestoneAmount").asText())).isEqualByComparingTo("24000.00");
        assertThat(new BigDecimal(order.path("amount").asText())).isEqualByComparingTo("20400.00");

        // ---------------------------------------------------------------- 9. finance pays the order
        String bankReference = "BOC-" + today.toString().replace("-", "") + "-" + contractId;
        staff.login("finance");
        staff.open("finance/payments.xhtml");
        assertThat(staff.status()).isEqualTo(200);
        WebElement orderRow = orderRow(staff, contractNo);
        List<String> cells = orderRow.findElements(By.tagName("td")).stream().map(WebElement::getText).map(String::trim).toList();
        assertThat(cells.get(1)).isEqualTo(vendorName);
        assertThat(cells.get(2)).isEqualTo("24,000.00");
        assertThat(cells.get(3)).isEqualTo("85%");
        assertThat(cells.get(4)).isEqualTo("20,400.00");
        WebElement paid = orderRow.findElement(By.cssSelector("input[id$=':paid']"));
        assertThat(paid.getDomProperty("value")).isEqualTo("20400.00");
        WebElement ref = orderRow.findElement(By.cssSelector("input[id$=':reference']"));
        ref.clear();
        ref.sendKeys(bankReference);
        staff.screenshot("13-payment");
        staff.ajax(() -> orderRow(staff, contractNo).findElement(By.cssSelector("button[id$=':pay']")).click());
        assertThat(errors(staff)).as("errors after recording the payment").isEmpty();
        assertThat(info(staff)).contains(zh("payment.recorded"));
        assertThat(staff.visible(id("paymentsForm:orders")).getText()).as("no longer waiting for payment").doesNotContain(contractNo);
        JsonNode paidOrder = api.get("/api/contracts/" + contractId, "officer").path("paymentOrders").get(0);
        assertThat(paidOrder.path("status").asText()).isEqualTo("PAID");
        assertThat(new BigDecimal(paidOrder.path("paidAmount").asText())).isEqualByComparingTo("20400.00");
        assertThat(paidOrder.path("bankReference").asText()).isEqualTo(bankReference);
        staff.logout();

        // ---------------------------------------------------------------- 10. the dashboard
        staff.login("officer");
        staff.open("dashboard.xhtml");
        assertThat(staff.status()).isEqualTo(200);
        assertThat(errors(staff)).as("errors on the dashboard").isEmpty();
        long activities = Long.parseLong(staff.visible(id("activities")).getText().trim());
        long people = Long.parseLong(staff.visible(id("people")).getText().trim());
        String satisfaction = staff.visible(id("satisfaction")).getText().trim();
        BigDecimal spend = new BigDecimal(staff.visible(id("spend")).getText().trim().replace(",", ""));
        assertThat(activities).as("verified activities (the disputed one does not count)")
                .isEqualTo(dashboardBefore.path("activities").asLong() + 1);
        assertThat(people).isEqualTo(dashboardBefore.path("people").asLong() + ATTENDANCE_1);
        assertThat(spend).isEqualByComparingTo(new BigDecimal(dashboardBefore.path("spend").asText("0")).add(new BigDecimal("20400.00")));
        if (dashboardBefore.path("ratings").asLong() == 0) {
            assertThat(satisfaction).isEqualTo("4.00");
        } else {
            assertThat(satisfaction).isNotEqualTo("—");
        }
        staff.screenshot("14-dashboard");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(download(api.base, "/api/dashboard/export", "officer",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")))) {
            Sheet byPlace = wb.getSheetAt(0);
            Row total = byPlace.getRow(byPlace.getLastRowNum());
            assertThat(total.getCell(0).getStringCellValue()).startsWith("合计 Total");
            assertThat((long) total.getCell(1).getNumericCellValue()).isEqualTo(activities);
            assertThat((long) total.getCell(2).getNumericCellValue()).isEqualTo(people);
            assertThat(BigDecimal.valueOf(total.getCell(8).getNumericCellValue())).isEqualByComparingTo(spend);
        }
    }

    // ======================================================================== REST and database helpers

    /** Lot 1's contract in the officer's list (the first request drafted it), waiting a little for it. */
    private static JsonNode awaitContract(BiddingApi api, String vendorName) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            for (JsonNode c : api.get("/api/contracts?size=100", "officer")) {
                if (vendorName.equals(c.path("vendor").asText()) && c.path("title").asText().contains(VILLAGE_1)) {
                    return c;
                }
            }
            assertThat(System.nanoTime()).as("the officer sees lot 1's contract of " + vendorName).isLessThan(end);
            Thread.sleep(500);
        }
    }

    /** The user's task of that step for the contract, waiting for it. */
    private static JsonNode awaitTask(BiddingApi api, String user, long contractId, String key, Duration limit) throws Exception {
        long end = System.nanoTime() + limit.toNanos();
        while (true) {
            for (JsonNode t : api.get("/api/tasks?size=100", user).path("items")) {
                if (t.path("contractId").asLong() == contractId && key.equals(t.path("key").asText())) {
                    return t;
                }
            }
            assertThat(System.nanoTime()).as("%s gets a %s task for contract %d", user, key, contractId).isLessThan(end);
            Thread.sleep(500);
        }
    }

    private static JsonNode event(BiddingApi api, long contractId, long eventId) throws Exception {
        for (JsonNode e : api.get("/api/contracts/" + contractId + "/events?size=200", VENDOR).path("items")) {
            if (e.path("id").asLong() == eventId) {
                return e;
            }
        }
        throw new AssertionError("no event " + eventId + " of contract " + contractId);
    }

    private static JsonNode eventAt(BiddingApi api, long contractId, String village) throws Exception {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode e : api.get("/api/contracts/" + contractId + "/events?size=200", VENDOR).path("items")) {
            if (e.path("place").asText().startsWith(village)) {
                found.add(e);
            }
        }
        assertThat(found).as("events of contract %d at %s", contractId, village).hasSize(1);
        return found.get(0);
    }

    /** A GET as the user answering bytes of the content type given. */
    private static byte[] download(URI base, String path, String user, String contentType) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(base.resolve(path.substring(1))).timeout(Duration.ofSeconds(60))
                .header("Authorization", ItSupport.basic(user)).header("Accept", contentType).GET().build();
        HttpResponse<byte[]> a = ItSupport.HTTP.send(r, HttpResponse.BodyHandlers.ofByteArray());
        assertThat(a.statusCode()).as("GET " + path + " as " + user + ": " + new String(a.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(a.headers().firstValue("Content-Type").orElse("")).startsWith(contentType);
        return a.body();
    }

    /** The text of a PDF, without white space (table cells wrap). */
    private static String pdfText(byte[] pdf) throws IOException {
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        PdfReader reader = new PdfReader(pdf);
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        StringBuilder text = new StringBuilder();
        for (int p = 1; p <= reader.getNumberOfPages(); p++) {
            text.append(extractor.getTextFromPage(p));
        }
        reader.close();
        return text.toString().replaceAll("\\s+", "");
    }

    /** Makes the period-end timer of the contract's term process due now (the job executor fires it). */
    private static void forcePeriodEnd(long contractId) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + ItSupport.PG + "/" + ItSupport.DB, "postgres", "");
             PreparedStatement s = c.prepareStatement("update act_ru_job set duedate_ = now() - interval '1 second'"
                     + " where process_def_key_ = 'contract-term' and process_instance_id_ = (select term_process_id from contract where id = ?)")) {
            s.setLong(1, contractId);
            assertThat(s.executeUpdate()).as("the period-end timer of contract %d's term", contractId).isEqualTo(1);
        }
    }

    // ======================================================================== page helpers

    private static void openTask(BrowserSession b, String key, String taskId) {
        b.open("tasks/" + key + ".xhtml?id=" + taskId);
        assertThat(b.status()).as("HTTP status of " + b.driver.getCurrentUrl()).isEqualTo(200);
        assertThat(b.path()).endsWith("/tasks/" + key + ".xhtml");
        assertThat(errors(b)).as("errors on the task page " + b.driver.getCurrentUrl()).isEmpty();
        assertThat(b.driver.findElement(By.tagName("h1")).getText()).isEqualTo(zh("task.name." + key));
    }

    /** Claims the task on its page and waits for the control that only the assignee gets. */
    private static void claim(BrowserSession b, String assigneeControl) {
        assertThat(b.driver.findElements(id("taskForm:claim"))).as("claim button on " + b.driver.getCurrentUrl()).isNotEmpty();
        b.ajax(() -> b.visible(id("taskForm:claim")).click());
        assertThat(info(b)).contains(zh("task.claimed"));
        b.visible(id(assigneeControl));
    }

    /**
     * Types a yyyy-MM-dd date into a p:datePicker's input as a keyboard user does. A picker that opens its popup on
     * focus (those of the contract pages do) hands the keyboard focus to the popup once it has opened: Escape closes
     * it and the focus returns to the field, then the date is typed. The field keeps the focus (Tab would open the
     * next picker's popup).
     */
    private static void typeDate(BrowserSession b, By input, String isoDate) {
        WebElement e = b.visible(input);
        String panelId = e.getDomAttribute("id").replaceFirst("_input$", "_panel");
        String state = "var p = document.getElementById(arguments[0]); if (!p || !jQuery(p).is(':visible')) return 'hidden';"
                + " return p.contains(document.activeElement) ? 'open' : 'opening';";
        e.click();
        b.wait.until(d -> !"opening".equals(b.js(state, panelId)));
        if ("open".equals(b.js(state, panelId))) {
            b.driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
            b.wait.until(d -> "hidden".equals(b.js(state, panelId)));
        }
        e.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        e.sendKeys(isoDate);
        b.wait.until(d -> isoDate.equals(e.getDomProperty("value")));
        assertThat(b.js(state, panelId)).as("the popup of " + panelId + " stays closed").isEqualTo("hidden");
    }

    /** Chooses the item of a p:selectOneMenu whose label contains the text (the labels are "place · item (unit)"). */
    private static void chooseContaining(BrowserSession b, By menu, String text) {
        WebElement m = b.visible(menu);
        String menuId = m.getDomAttribute("id");
        if (b.driver.findElement(By.id(menuId + "_label")).getText().contains(text)) {
            return;
        }
        m.click();
        WebElement panel = b.visible(By.id(menuId + "_panel"));
        List<WebElement> items = panel.findElements(By.cssSelector("li.ui-selectonemenu-item")).stream()
                .filter(li -> String.valueOf(li.getDomAttribute("data-label")).contains(text)).toList();
        assertThat(items).as("items of " + menuId + " containing " + text).hasSize(1);
        items.get(0).click();
        b.wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id(menuId + "_panel")));
        b.waitForAnimations();
        b.wait.until(d -> d.findElement(By.id(menuId + "_label")).getText().contains(text));
    }

    private static void recordEvent(BrowserSession v, String village, LocalDate date, int attendance, String notes) {
        v.visible(id("contractForm:recordPanel"));
        chooseContaining(v, id("contractForm:deliverable"), village);
        assertThat(v.driver.findElement(id("contractForm:deliverable_label")).getText()).startsWith(village + " · ").contains("公益电影放映");
        typeDate(v, id("contractForm:eventDate_input"), date.toString());
        v.type(id("contractForm:quantity"), "1");
        v.typeNumber(id("contractForm:attendance_input"), String.valueOf(attendance));
        v.type(id("contractForm:notes"), notes);
        v.ajax(() -> v.visible(id("contractForm:recordEvent")).click());
        assertThat(errors(v)).as("errors after recording the event at " + village).isEmpty();
        assertThat(info(v)).contains(zh("delivery.recorded"));
    }

    /** The row of the station's pending table for the contract and village. */
    private static WebElement pendingRow(BrowserSession b, String contractNo, String village) {
        return b.visible(By.xpath("//tbody[@id='stationForm:pending_data']/tr[td[1][normalize-space(.)='" + contractNo
                + "'] and td[3][starts-with(normalize-space(.), '" + village + "')]]"));
    }

    /** The row of the contract page's events table for the village. */
    private static WebElement eventRow(BrowserSession b, String village) {
        return b.visible(By.xpath("//tbody[@id='contractForm:events_data']/tr[td[2][starts-with(normalize-space(.), '" + village + "')]]"));
    }

    private static WebElement orderRow(BrowserSession b, String contractNo) {
        return b.visible(By.xpath("//tbody[@id='paymentsForm:orders_data']/tr[td[1][normalize-space(.)='" + contractNo + "']]"));
    }

    /** Types the code, clicks the n-th star, writes the comment and submits the rating (ajax). */
    private static void rate(BrowserSession b, String code, int stars, String comment) {
        b.type(id("rateForm:code"), code);
        List<WebElement> all = b.visible(id("rateForm:stars")).findElements(By.cssSelector(".ui-rating-star"));
        assertThat(all).hasSize(5);
        all.get(stars - 1).click();
        b.wait.until(d -> String.valueOf(stars).equals(b.value(id("rateForm:stars_input"))));
        b.type(id("rateForm:ratingComment"), comment);
        b.ajax(() -> b.visible(id("rateForm:submitRating")).click());
    }

    /** Fills in the score and comment of one indicator on the scoring page. */
    private static void scoreIndicator(BrowserSession b, String indicator, String score, String comment) {
        WebElement row = b.visible(By.xpath("//tbody[@id='taskForm:indicators_data']/tr[td[1][starts-with(normalize-space(.), '" + indicator + " ')]]"));
        WebElement s = row.findElement(By.cssSelector("input[id$=':score']"));
        s.clear();
        s.sendKeys(score);
        WebElement c = row.findElement(By.cssSelector("textarea[id$=':indicatorComment']"));
        c.clear();
        c.sendKeys(comment);
        assertThat(s.getDomProperty("value")).isEqualTo(score);
    }

    /** The cell texts of the rows with data cells. */
    private static List<List<String>> rows(WebElement table) {
        return table.findElements(By.xpath(".//tr[td]")).stream()
                .map(r -> r.findElements(By.tagName("td")).stream().map(WebElement::getText).map(String::trim).toList()).toList();
    }

    /** The texts of the error messages shown (PrimeFaces also renders empty, hidden message containers). */
    private static List<String> errors(BrowserSession b) {
        return b.messages("ui-messages-error");
    }

    /** The text of the info message(s) shown, waiting until there is one. */
    private static String info(BrowserSession b) {
        return b.wait.until(d -> {
            String text = String.join("\n", b.messages("ui-messages-info"));
            return text.isEmpty() ? null : text;
        });
    }

    /** A JSON null, or a property left out. */
    private static boolean absent(JsonNode n) {
        return n.isNull() || n.isMissingNode();
    }

    // ======================================================================== texts

    /** A Chinese message of the application's bundle, with its {0} filled in as the application does. */
    static String zh(String key, Object... args) {
        String pattern = ZH.getProperty(key);
        if (pattern == null) {
            throw new AssertionError("no message " + key + " in messages_zh_CN.properties");
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.SIMPLIFIED_CHINESE).format(args);
    }

    private static Properties bundle(String suffix) {
        Properties p = new Properties();
        try (InputStream in = ContractBrowserIT.class.getResourceAsStream("/cn/huimin/i18n/messages_" + suffix + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
