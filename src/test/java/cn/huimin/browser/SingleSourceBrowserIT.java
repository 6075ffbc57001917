package cn.huimin.browser;

import static cn.huimin.browser.BrowserSession.id;
import static org.assertj.core.api.Assertions.assertThat;

import cn.huimin.it.ItSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
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
import org.openqa.selenium.WebElement;

/**
 * A single source in real headless Chromium (Chinese UI), against the WAR on Payara Micro and PostgreSQL: published
 * by REST, a vendor objects on the public notice page; when the notice ends (its timer made due) the officer answers
 * the objection on its task page; the officer records the negotiation (a two-member team is refused and what was typed
 * stays), the supplier confirms it on its task page, the head approves, and the award notice appears on the public
 * page with the supplier and the price. Screenshots go to target/screenshots.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SingleSourceBrowserIT {
    static final String ZH_LANG = "zh-CN";
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final Properties ZH = bundle("zh_CN");
    static final String SUPPLIER = "vendor3";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ItSupport.war();
    }

    @ArquillianResource
    URL deployed;

    private final List<BrowserSession> sessions = new ArrayList<>();

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
    void objectionAnsweredNegotiationConfirmedApprovedAndAwardPublished() throws Exception {
        BiddingApi api = new BiddingApi(ItSupport.base(deployed));
        JsonNode me = api.get("/api/vendors/me", SUPPLIER).path("profile");
        String supplierName = me.path("name").asText();
        String supplierUscc = me.path("uscc").asText();
        JsonNode tender = api.publishedSingleSource("东湖镇流动电影放映单一来源（浏览器）", "90000.00", "东湖镇农村电影放映", supplierName);
        long tenderId = tender.path("id").asLong();
        String objectionText = "本镇另有放映队具备流动放映条件，请说明唯一性 <b>依据</b>";

        // ---------------------------------------------------------------- 1. a vendor objects on the notice page
        BrowserSession vendor = browser("vendor1");
        vendor.login("vendor1");
        vendor.open("public/notice.xhtml?id=" + tenderId);
        assertThat(vendor.status()).isEqualTo(200);
        assertThat(vendor.visible(id("noticeForm:objections")).getText()).contains(zh("objection.title"), zh("objection.none"));
        vendor.type(id("noticeForm:objectionText"), "太短");
        vendor.ajax(() -> vendor.visible(id("noticeForm:lodgeObjection")).click());
        assertThat(String.join(" ", vendor.messages("ui-messages-error"))).contains(zh("objection.tooShort", 10));
        assertThat(vendor.value(id("noticeForm:objectionText"))).isEqualTo("太短");
        vendor.type(id("noticeForm:objectionText"), objectionText);
        vendor.ajax(() -> vendor.visible(id("noticeForm:lodgeObjection")).click());
        assertThat(String.join(" ", vendor.messages("ui-messages-info"))).contains(zh("objection.lodged"));
        // shown as text (the markup escaped), without the objector
        String card = vendor.visible(id("noticeForm:objections")).getText();
        assertThat(card).contains(objectionText).doesNotContain("vendor1");
        assertThat(vendor.driver.findElements(By.cssSelector("#noticeForm\\:objections b"))).isEmpty();
        vendor.screenshot("01-objection-lodged");

        // ---------------------------------------------------------------- 2. the notice ends; the officer answers
        api.forceNoticeEnd(tenderId);
        String handle = api.awaitTask("officer", tenderId, "handleObjections");
        BrowserSession staff = browser("staff");
        staff.login("officer");
        openTask(staff, "handleObjections", handle);
        assertThat(staff.visible(id("taskForm:objections")).getText()).contains(objectionText);
        claim(staff, "taskForm:reply");
        staff.type(id("taskForm:reply"), "经核实，该放映队为本县唯一持有流动放映设备的单位，异议不成立。");
        staff.clickAndLoad(id("taskForm:proceed"));
        assertThat(staff.path()).endsWith("/inbox.xhtml");
        assertThat(String.join(" ", staff.messages("ui-messages-info"))).contains(zh("negotiation.done.handleObjections.PROCEED"));

        // ---------------------------------------------------------------- 3. the officer records the negotiation
        String negotiate = api.awaitTask("officer", tenderId, "negotiateSingleSource");
        openTask(staff, "negotiateSingleSource", negotiate);
        claim(staff, "taskForm:vendorUscc");
        assertThat(staff.visible(By.cssSelector(".hm-form")).getText()).contains(supplierName);
        String today = LocalDate.now(CHINA).toString();
        staff.type(id("taskForm:vendorUscc"), supplierUscc);
        staff.type(id("taskForm:team"), "张明、李华");
        staff.typeDate(id("taskForm:negotiatedOn_input"), today);
        WebElement price = staff.visible(By.cssSelector("input.hm-lot-price"));
        price.clear();
        price.sendKeys("86000.00");
        staff.type(id("taskForm:minutes"), "双方确认全年放映12场、每场放映员2名，价格86000元，按季度支付。");
        staff.clickAndLoad(id("taskForm:submitNegotiation"));
        assertThat(staff.path()).endsWith("/tasks/negotiateSingleSource.xhtml");
        assertThat(String.join(" ", staff.messages("ui-messages-error"))).contains(zh("negotiation.teamTooSmall", 3));
        assertThat(staff.value(id("taskForm:minutes"))).startsWith("双方确认全年放映12场");
        assertThat(staff.value(By.cssSelector("input.hm-lot-price"))).isEqualTo("86000.00");
        staff.type(id("taskForm:team"), "张明、李华、王芳");
        staff.clickAndLoad(id("taskForm:submitNegotiation"));
        assertThat(staff.path()).endsWith("/inbox.xhtml");
        assertThat(String.join(" ", staff.messages("ui-messages-info"))).contains(zh("negotiation.done.negotiateSingleSource.SUBMIT"));
        staff.screenshot("02-negotiation-recorded");

        // ---------------------------------------------------------------- 4. the supplier confirms
        String confirm = api.awaitTask(SUPPLIER, tenderId, "confirmOffer");
        BrowserSession supplier = browser("supplier");
        supplier.login(SUPPLIER);
        openTask(supplier, "confirmOffer", confirm);
        assertThat(supplier.visible(id("taskForm:supplierName")).getText()).isEqualTo(supplierName);
        assertThat(supplier.visible(By.cssSelector(".hm-negotiated-price")).getText()).contains("86,000.00");
        assertThat(supplier.visible(id("taskForm:negotiationMinutes")).getText()).startsWith("双方确认全年放映12场");
        supplier.clickAndLoad(id("taskForm:confirmOffer"));
        assertThat(supplier.path()).endsWith("/inbox.xhtml");
        assertThat(String.join(" ", supplier.messages("ui-messages-info"))).contains(zh("negotiation.done.confirmOffer.CONFIRM"));

        // ---------------------------------------------------------------- 5. the head approves
        String approve = api.awaitTask("head", tenderId, "approveNegotiation");
        BrowserSession head = browser("head");
        head.login("head");
        openTask(head, "approveNegotiation", approve);
        assertThat(head.visible(id("taskForm:negotiationStatus")).getText()).isEqualTo(zh("negotiation.status.CONFIRMED"));
        claim(head, "taskForm:approveNegotiation");
        head.clickAndLoad(id("taskForm:approveNegotiation"));
        assertThat(head.path()).endsWith("/inbox.xhtml");
        assertThat(String.join(" ", head.messages("ui-messages-info"))).contains(zh("negotiation.done.approveNegotiation.APPROVE"));

        // ---------------------------------------------------------------- 6. the award notice is public
        long end = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (api.get("/api/public/tenders/" + tenderId + "/awards", null).size() == 0) {
            assertThat(System.nanoTime()).as("the award of tender " + tenderId + " is published").isLessThan(end);
            Thread.sleep(300);
        }
        vendor.open("public/notice.xhtml?id=" + tenderId);
        WebElement award = vendor.visible(By.cssSelector(".hm-award"));
        assertThat(award.getText()).contains(supplierName, "86000.00");
        assertThat(vendor.visible(id("noticeForm:objections")).getText()).contains("异议不成立");
        vendor.screenshot("03-award-public");
    }

    // ------------------------------------------------------------------ helpers

    private static void openTask(BrowserSession b, String key, String taskId) {
        b.open("tasks/" + key + ".xhtml?id=" + taskId);
        assertThat(b.status()).as("HTTP status of " + b.driver.getCurrentUrl()).isEqualTo(200);
        assertThat(b.path()).endsWith("/tasks/" + key + ".xhtml");
        assertThat(b.messages("ui-messages-error")).as("errors on the task page " + b.driver.getCurrentUrl()).isEmpty();
        assertThat(b.driver.findElement(By.tagName("h1")).getText()).isEqualTo(zh("task.name." + key));
    }

    /** Claims the task on its page when it is a group task, and waits for the control that only the assignee gets. */
    private static void claim(BrowserSession b, String assigneeControl) {
        if (!b.driver.findElements(id("taskForm:claim")).isEmpty()) {
            b.ajax(() -> b.visible(id("taskForm:claim")).click());
        }
        b.visible(id(assigneeControl));
    }

    static String zh(String key, Object... args) {
        String pattern = ZH.getProperty(key);
        if (pattern == null) {
            throw new AssertionError("no message " + key + " in messages_zh_CN.properties");
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.SIMPLIFIED_CHINESE).format(args);
    }

    private static Properties bundle(String suffix) {
        Properties p = new Properties();
        try (InputStream in = SingleSourceBrowserIT.class.getResourceAsStream("/cn/huimin/i18n/messages_" + suffix + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
