package cn.huimin.browser;

import static cn.huimin.browser.BrowserSession.id;
import static cn.huimin.browser.BrowserSession.idEnds;
import static org.assertj.core.api.Assertions.assertThat;

import cn.huimin.it.ItSupport;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.openqa.selenium.By;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The tender slice in real headless Chromium, against the WAR on Payara Micro and PostgreSQL: an officer prepares a
 * tender, the head returns it, the officer fixes and resubmits it, the head and finance approve, and the public page
 * shows the notice — once in Chinese, once in English — plus kept input on a refusal, escaped script, the 403 page
 * and the highlighted BPMN step. Screenshots of key steps (and of every failure) go to target/screenshots.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TenderApprovalBrowserIT {
    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    /** Makes this run's titles unique, so that the locators never pick a row of an earlier run on the same database. */
    static final String RUN = Long.toString(System.currentTimeMillis() % 46_656L * 36 + (long) (Math.random() * 36), 36).toUpperCase();

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
            failureEvidence(context.getRequiredTestMethod().getName());
        }
    };

    void failureEvidence(String test) {
        for (BrowserSession s : sessions) {
            s.failureEvidence(test);
        }
    }

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

    private BrowserSession browser(String name, String language) {
        BrowserSession b = new BrowserSession(name, ItSupport.base(deployed), language);
        sessions.add(b);
        return b;
    }

    /** What the pages say in one language: menu labels of the demo catalogue and the texts the path passes. */
    record Labels(String lang, String category, String method, String deliverable, String place, String period,
                  String headTask, String reviseTask, String financeTask, String submitted, String returned,
                  String approved, String pending, String published, String noticeKind, String beijingTime,
                  String publicTitle, String inboxTitle) {
    }

    static final Labels ZH = new Labels("zh-CN", "农村公益电影", "公开招标", "公益电影放映", "桃源村", "每年",
            "负责人审批", "修改采购项目", "财务审核", "已提交审批。", "已退回修改。", "已同意。", "审批中", "已发布",
            "采购公告", "（北京时间）", "采购公告", "待办任务");

    static final Labels EN = new Labels("en", "Rural film", "Open tender", "Film screening", "Taoyuan Village", "per year",
            "Head approval", "Revise tender", "Finance approval", "Submitted for approval.", "Returned for changes.",
            "Approved.", "Awaiting approval", "Published", "Tender notice", "(Beijing time)", "Public notices", "Inbox");

    // ======================================================================== (a) and (b)

    @Test
    @Order(1)
    void wholePathInChinese() {
        BrowserSession b = browser("zh", ZH.lang());
        wholePath(b, ZH, "惠民县2027年农村公益电影放映服务采购 " + RUN, "惠民县2027年农村公益电影放映服务采购（修订）" + RUN,
                "请在项目名称中注明修订，并核对放映场次。");
    }

    @Test
    @Order(2)
    void wholePathInEnglish() {
        BrowserSession b = browser("en", EN.lang());
        wholePath(b, EN, "Huimin 2027 rural film screenings " + RUN, "Huimin 2027 rural film screenings (revised) " + RUN,
                "Please mark the revision in the title and check the screening counts.");
    }

    private void wholePath(BrowserSession b, Labels l, String title, String revisedTitle, String comment) {
        // the officer prepares the tender, saves it and submits it
        b.login("officer");
        assertThat(b.driver.findElement(By.tagName("h1")).getText()).isEqualTo(l.inboxTitle());
        assertThat(b.driver.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo(l.lang().startsWith("zh") ? "zh-CN" : "en");
        b.open("tenders/edit.xhtml");
        fillTender(b, l, title);
        b.screenshot("01-tender-filled");
        b.clickAndLoad(id("tenderForm:save"));
        assertThat(info(b)).contains(l.lang().startsWith("zh") ? "草稿已保存。" : "Draft saved.");
        assertNoErrors(b);
        assertThat(b.value(id("tenderForm:title"))).isEqualTo(title);
        b.clickAndLoad(id("tenderForm:submit"));
        assertNoErrors(b);
        b.wait.until(d -> b.path().endsWith("/tenders/view.xhtml"));
        long tenderId = tenderIdFromUrl(b);
        assertThat(info(b)).contains(l.submitted());
        assertThat(b.visible(idEnds("summaryTitle")).getText()).isEqualTo(title);
        assertThat(b.bodyText()).contains(l.pending());
        // (f) the diagram highlights the head's approval while it waits for the head
        assertThat(activeSteps(b)).contains("approveTender");
        b.screenshot("02-submitted-diagram");
        b.logout();

        // the head claims the task and returns it with a comment
        b.login("head");
        openTask(b, title, l.headTask());
        claim(b);
        b.type(id("taskForm:comment"), comment);
        b.screenshot("03-head-returns");
        b.clickAndLoad(id("taskForm:return"));
        b.wait.until(d -> b.path().endsWith("/inbox.xhtml"));
        assertThat(info(b)).contains(l.returned());
        b.logout();

        // the officer sees the revision task, reads the comment, fixes the title and submits again
        b.login("officer");
        openTask(b, title, l.reviseTask());
        b.clickAndLoad(id("taskForm:editTender"));
        b.wait.until(d -> b.path().endsWith("/tenders/edit.xhtml"));
        assertThat(b.visible(id("tenderForm:returnComment")).getText()).isEqualTo(comment);
        assertThat(b.value(id("tenderForm:title"))).isEqualTo(title);
        b.type(id("tenderForm:title"), revisedTitle);
        b.screenshot("04-officer-revises");
        b.clickAndLoad(id("tenderForm:submit"));
        assertNoErrors(b);
        b.wait.until(d -> b.path().endsWith("/tenders/view.xhtml"));
        assertThat(tenderIdFromUrl(b)).isEqualTo(tenderId);
        assertThat(info(b)).contains(l.submitted());
        assertThat(b.visible(idEnds("summaryTitle")).getText()).isEqualTo(revisedTitle);
        assertThat(activeSteps(b)).contains("approveTender");
        b.logout();

        // the head approves
        b.login("head");
        openTask(b, revisedTitle, l.headTask());
        claim(b);
        b.clickAndLoad(id("taskForm:approve"));
        b.wait.until(d -> b.path().endsWith("/inbox.xhtml"));
        assertThat(info(b)).contains(l.approved());
        b.logout();

        // the budget (600,000 CNY) needs finance's approval too
        b.login("finance");
        openTask(b, revisedTitle, l.financeTask());
        claim(b);
        b.type(id("taskForm:comment"), l.lang().startsWith("zh") ? "预算已落实。" : "Budget confirmed.");
        b.clickAndLoad(id("taskForm:approve"));
        b.wait.until(d -> b.path().endsWith("/inbox.xhtml"));
        assertThat(info(b)).contains(l.approved());
        b.logout();

        // anyone, without login: the public list shows the published tender and its notice
        b.open("public/tenders.xhtml");
        assertThat(b.driver.findElement(By.tagName("h1")).getText()).isEqualTo(l.publicTitle());
        WebElement row = b.visible(By.xpath("//*[@id='publicForm:notices']//tr[.//a[contains(@class,'hm-notice-link') and normalize-space(.)='"
                + revisedTitle + "']]"));
        assertThat(row.getText()).contains(l.published()).contains(l.method()).containsPattern("HM-\\d{4}-\\d{4}");
        b.screenshot("05-public-list");
        b.clickAndLoad(row.findElement(By.cssSelector("a.hm-notice-link")));
        b.wait.until(d -> b.path().endsWith("/public/notice.xhtml"));
        String year = String.valueOf(LocalDate.now(BEIJING).getYear());
        assertThat(b.visible(idEnds("noticeNumber")).getText()).matches("HM-" + year + "-\\d{4}");
        String body = b.bodyText();
        assertThat(body).contains(l.noticeKind() + " · v1").contains(revisedTitle).contains(l.published());
        Matcher deadline = Pattern.compile("(\\d{4}-\\d{2}-\\d{2}) 09:30 ?" + Pattern.quote(l.beijingTime())).matcher(body);
        assertThat(deadline.find()).as("a bid deadline at 09:30 Beijing time on the notice:\n" + body).isTrue();
        // open tender: at least 20 calendar days after publication (today)
        assertThat(LocalDate.parse(deadline.group(1))).isAfterOrEqualTo(LocalDate.now(BEIJING).plusDays(20));
        b.screenshot("06-public-notice");
    }

    /** Fills a complete, valid tender on the new-tender page: rural film, open tender, 600,000 CNY, one lot. */
    private void fillTender(BrowserSession b, Labels l, String title) {
        LocalDate start = LocalDate.now(BEIJING).plusDays(45);
        boolean zh = l.lang().startsWith("zh");
        b.type(id("tenderForm:title"), title);
        // the category re-renders the lots (their deliverable menus depend on it): choose it before the lots
        b.choose(id("tenderForm:category"), l.category(), true);
        b.choose(id("tenderForm:method"), l.method(), true);
        b.type(id("tenderForm:budget"), "600000.00");
        b.type(id("tenderForm:bidSecurity"), "10000.00");
        b.type(id("tenderForm:qualification"), zh ? "具有独立法人资格，持有电影放映经营许可证。" : "A legal person holding a film screening licence.");
        b.type(id("tenderForm:description"), zh ? "在桃源村每年放映公益电影12场。" : "Twelve free film screenings a year in Taoyuan Village.");

        b.type(idEnds(":0:lotTitle"), zh ? "桃源村公益电影放映" : "Taoyuan Village screenings");
        b.type(idEnds(":0:lotBudget"), "600000.00");
        b.typeDate(idEnds(":0:lotStart_input"), start.toString());
        b.typeDate(idEnds(":0:lotEnd_input"), start.plusYears(1).minusDays(1).toString());
        b.choose(idEnds(":0:dType"), l.deliverable(), false);
        b.choose(idEnds(":0:dPlace"), l.place(), false);
        b.typeNumber(idEnds(":0:dQty_input"), "12");
        b.choose(idEnds(":0:dPeriod"), l.period(), false);

        b.typeNumber(id("tenderForm:priceWeight_input"), "30");
        b.type(idEnds(":0:fName"), zh ? "服务方案" : "Service plan");
        b.typeNumber(idEnds(":0:fPoints_input"), "40");
        b.ajax(() -> b.visible(id("tenderForm:addFactor")).click());
        b.type(idEnds(":1:fName"), zh ? "放映设备与团队" : "Equipment and crew");
        b.typeNumber(idEnds(":1:fPoints_input"), "30");
        b.wait.until(ExpectedConditions.textToBe(id("tenderForm:pointsTotal"),
                (zh ? "分值合计" : "Total points") + ": 100 / 100"));
    }

    // ======================================================================== (f) the process diagram

    @Test
    @Order(3)
    void tenderPageHighlightsTheCurrentStepOfTheProcess() {
        BrowserSession b = browser("zh-diagram", ZH.lang());
        String title = "送审流程图测试 " + RUN;
        b.login("officer");
        b.open("tenders/edit.xhtml");
        fillTender(b, ZH, title);
        b.clickAndLoad(id("tenderForm:submit"));
        assertNoErrors(b);
        b.wait.until(d -> b.path().endsWith("/tenders/view.xhtml"));
        String active = activeSteps(b);
        assertThat(active.split(",")).containsExactly("approveTender");
        // bpmn-js marks the head's task, and only it, as the current step
        List<WebElement> marked = b.driver.findElements(By.cssSelector("#diagram .djs-element.hm-current"));
        assertThat(marked).hasSize(1);
        assertThat(marked.get(0).getDomAttribute("data-element-id")).isEqualTo("approveTender");
        b.screenshot("diagram-waiting-for-head");
    }

    // ======================================================================== (c) kept input

    @Test
    @Order(4)
    void refusedSubmissionKeepsTheInput() {
        BrowserSession b = browser("zh-refused", ZH.lang());
        b.login("officer");
        b.open("tenders/edit.xhtml");
        String title = "预算填写错误的项目 " + RUN;
        b.type(id("tenderForm:title"), title);
        b.type(id("tenderForm:budget"), "abc");
        b.type(id("tenderForm:qualification"), "保留的资格要求");
        b.clickAndLoad(id("tenderForm:submit"));
        assertThat(b.path()).endsWith("/tenders/edit.xhtml");
        String errors = String.join("\n", errors(b));
        Properties zh = bundle("zh_CN");
        assertThat(errors).contains(zh.getProperty("field.budget") + ": " + zh.getProperty("money.NOT_A_NUMBER"));
        assertThat(errors).contains("不是数字");
        assertThat(b.value(id("tenderForm:title"))).isEqualTo(title);
        assertThat(b.value(id("tenderForm:budget"))).isEqualTo("abc");
        assertThat(b.value(id("tenderForm:qualification"))).isEqualTo("保留的资格要求");
        b.screenshot("budget-not-a-number");
    }

    // ======================================================================== (d) script shown as text

    @Test
    @Order(5)
    void scriptInTheTitleIsShownAsText() {
        BrowserSession b = browser("zh-xss", ZH.lang());
        String script = "<script>alert(1)</script>";
        b.login("officer");
        b.open("tenders/edit.xhtml");
        b.type(id("tenderForm:title"), script);
        b.type(id("tenderForm:description"), "<img src=x onerror=alert(2)>");
        b.clickAndLoad(id("tenderForm:save"));
        assertNoErrors(b);
        assertNoAlert(b);
        // the tender list links it by its (escaped) title; the view page shows it as text
        b.open("tenders/list.xhtml");
        assertNoAlert(b);
        b.clickAndLoad(b.visible(By.linkText(script)));
        b.wait.until(d -> b.path().endsWith("/tenders/view.xhtml"));
        assertNoAlert(b);
        assertThat(b.visible(idEnds("summaryTitle")).getText()).isEqualTo(script);
        assertThat(b.driver.findElement(By.tagName("h1")).getText()).isEqualTo(script);
        assertThat(b.bodyText()).contains("<img src=x onerror=alert(2)>");
        assertThat(b.pageSource()).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        Object injected = b.js("return Array.from(document.scripts).filter(function (s) { return s.text.indexOf('alert(1)') >= 0; }).length"
                + " + document.querySelectorAll('img[src=\"x\"]').length;");
        assertThat(((Number) injected).intValue()).isZero();
        b.screenshot("script-as-text");
    }

    // ======================================================================== (e) forbidden page

    @Test
    @Order(6)
    void officerOpeningTheUserAdministrationGetsTheForbiddenPage() {
        BrowserSession b = browser("zh-forbidden", ZH.lang());
        b.login("officer");
        b.open("admin/users.xhtml");
        assertThat(b.status()).isEqualTo(403);
        assertThat(b.visible(id("errorBox")).getText()).contains("您无权访问此页面");
        assertThat(b.driver.findElement(By.tagName("h1")).getText()).isEqualTo("无权访问");
        assertThat(b.driver.findElements(By.cssSelector("[id^='usersForm']"))).isEmpty();
        b.screenshot("forbidden");
    }

    // ======================================================================== helpers

    private static void openTask(BrowserSession b, String tenderTitle, String taskName) {
        if (!b.path().endsWith("/inbox.xhtml")) {
            b.open("inbox.xhtml");
        }
        WebElement link = b.visible(By.xpath("//*[@id='inboxForm:tasks']//tr[td[normalize-space(.)='" + tenderTitle
                + "']]//a[contains(@class,'hm-task-link') and normalize-space(.)='" + taskName + "']"));
        b.clickAndLoad(link);
        b.wait.until(d -> b.path().contains("/tasks/"));
        assertThat(b.status()).as("HTTP status of the task page " + b.driver.getCurrentUrl() + ", showing:\n" + b.bodyText())
                .isEqualTo(200);
        assertThat(b.driver.findElement(By.tagName("h1")).getText()).isEqualTo(taskName);
        assertThat(b.visible(idEnds("summaryTitle")).getText()).isEqualTo(tenderTitle);
    }

    private static void claim(BrowserSession b) {
        if (b.driver.findElements(id("taskForm:claim")).isEmpty()) {
            return;
        }
        b.ajax(() -> b.visible(id("taskForm:claim")).click());
        b.visible(id("taskForm:comment"));
    }

    private static long tenderIdFromUrl(BrowserSession b) {
        Matcher m = Pattern.compile("[?&]id=(\\d+)").matcher(b.driver.getCurrentUrl());
        assertThat(m.find()).as("tender id in " + b.driver.getCurrentUrl()).isTrue();
        return Long.parseLong(m.group(1));
    }

    /** The BPMN ids bpmn-js highlighted (the page sets data-active once the diagram is drawn). */
    private static String activeSteps(BrowserSession b) {
        WebElement diagram = b.present(By.id("diagram"));
        b.wait.until(d -> diagram.getDomAttribute("data-active") != null);
        assertThat(diagram.findElements(By.cssSelector("svg"))).as("bpmn-js drew the diagram").isNotEmpty();
        assertThat(diagram.findElements(By.cssSelector(".djs-element.hm-current"))).isNotEmpty();
        b.js("arguments[0].scrollIntoView({block: 'center'});", diagram);
        return diagram.getDomAttribute("data-active");
    }

    /** The texts of the error messages shown (PrimeFaces also renders empty, hidden message containers). */
    private static List<String> errors(BrowserSession b) {
        return b.messages("ui-messages-error");
    }

    private static void assertNoErrors(BrowserSession b) {
        assertThat(errors(b)).as("error messages on " + b.driver.getCurrentUrl()).isEmpty();
    }

    /** The text of the info message(s) shown, waiting until there is one. */
    private static String info(BrowserSession b) {
        return b.wait.until(d -> {
            String text = String.join("\n", b.messages("ui-messages-info"));
            return text.isEmpty() ? null : text;
        });
    }

    private static void assertNoAlert(BrowserSession b) {
        assertThat(ExpectedConditions.alertIsPresent().apply(b.driver)).as("no alert dialog").isNull();
    }

    private static Properties bundle(String suffix) {
        Properties p = new Properties();
        try (InputStream in = TenderApprovalBrowserIT.class.getResourceAsStream("/cn/huimin/i18n/messages_" + suffix + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    // ======================================================================== (g) administration

    @Test
    @Order(7)
    void adminCreatesAnOfficerWhoCanLogInAndVerifiesTheAuditChain() {
        BrowserSession admin = browser("admin", ZH.lang());
        admin.login("admin");
        admin.open("admin/users.xhtml");
        String username = "page." + RUN.toLowerCase();
        admin.type(id("usersForm:username"), username);
        admin.type(id("usersForm:displayName"), "页面创建 " + RUN);
        admin.type(id("usersForm:password"), ItSupport.PASSWORD);
        admin.visible(By.xpath("//label[normalize-space()='采购经办人']")).click();
        admin.choose(id("usersForm:unit"), "惠民县文化和旅游局", false);
        admin.ajax(() -> admin.visible(id("usersForm:create")).click());
        assertThat(admin.visible(By.cssSelector("#usersForm\\:messages .ui-messages-info")).getText())
                .contains(username);

        admin.open("audit/log.xhtml");
        admin.ajax(() -> admin.visible(id("auditForm:verify")).click());
        assertThat(admin.visible(id("auditForm:intact")).getText()).startsWith("审计链完整");
        admin.logout();

        BrowserSession newcomer = browser("newcomer", ZH.lang());
        newcomer.login(username);
        newcomer.open("tenders/edit.xhtml");
        assertThat(newcomer.visible(id("tenderForm:title")).isDisplayed()).isTrue();
    }
}
