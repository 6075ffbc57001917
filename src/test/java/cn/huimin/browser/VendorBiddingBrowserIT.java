package cn.huimin.browser;

import static cn.huimin.browser.BrowserSession.id;
import static cn.huimin.browser.BrowserSession.idEnds;
import static org.assertj.core.api.Assertions.assertThat;

import cn.huimin.domain.model.vendor.Uscc;
import cn.huimin.domain.shared.Money;
import cn.huimin.it.ItSupport;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;
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
 * A new vendor's path to a sealed bid in real headless Chromium (Chinese UI), against the WAR on Payara Micro and
 * PostgreSQL: the vendor registers, uploads its three documents and asks for verification; the officer verifies it
 * in the inbox task; the vendor asks a question (with script in it) that the officer answers and the public notice
 * shows as text without the asker; the vendor bids with an attachment, replaces the bid, and after the (forced)
 * deadline sees the opening record with its last price and every seal verified, while the bid page says bids are
 * closed. The tender and three other bids are set up over REST. Screenshots go to target/screenshots.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class VendorBiddingBrowserIT {
    static final String ZH_LANG = "zh-CN";
    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    /** Makes this run's names unique, so that the locators never pick a row of an earlier run on the same database. */
    static final String RUN = Long.toString(System.currentTimeMillis() % 46_656L * 36 + (long) (Math.random() * 36), 36).toUpperCase(Locale.ROOT);
    static final String SCRIPT = "<script>alert(1)</script>";
    static final Properties ZH = bundle("zh_CN");

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
    void newVendorRegistersIsVerifiedAsksBidsReplacesAndSeesTheOpening() throws Exception {
        BiddingApi api = new BiddingApi(ItSupport.base(deployed));
        Path files = Path.of(System.getProperty("huimin.build.dir", "target"), "browser-files", RUN);

        // ---------------------------------------------------------------- 1. a published open tender, by REST
        String title = "东湖镇农村公益电影放映服务（投标浏览器测试 " + RUN + "）";
        String lotTitle = "东湖镇放映";
        String budget = "288000.00";
        JsonNode tender = api.publishedOpenTender(title, budget, lotTitle, "服务方案", "放映设备与团队");
        long tenderId = tender.path("id").asLong();
        long lotId = tender.path("lots").get(0).path("id").asLong();
        String noticeNumber = tender.path("noticeNumber").asText();
        assertThat(noticeNumber).matches("HM-\\d{4}-\\d{4}");

        // ---------------------------------------------------------------- 2. registration, documents, verification request
        String vendorName = "东湖乡村放映服务社 " + RUN;
        String username = "film." + RUN.toLowerCase(Locale.ROOT);
        String first17 = "51331082" + String.format("%09d", Math.floorMod(System.nanoTime(), 1_000_000_000L));
        String uscc = first17 + Uscc.checkCharacter(first17);
        assertThat(Uscc.valid(uscc)).isTrue();

        BrowserSession v = browser("vendor");
        v.open("register.xhtml");
        assertThat(h1(v)).isEqualTo(zh("vendor.registerTitle"));
        assertThat(v.driver.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("zh-CN");
        v.type(id("registerForm:name"), vendorName);
        v.choose(id("registerForm:orgType"), zh("orgType.SOCIAL_ORGANIZATION"), false);
        v.type(id("registerForm:uscc"), uscc);
        v.type(id("registerForm:legalRep"), "陈理事长");
        v.type(id("registerForm:contactName"), "陈放映");
        v.type(id("registerForm:contactPhone"), "0576-88123456");
        v.type(id("registerForm:contactEmail"), "film-" + RUN.toLowerCase(Locale.ROOT) + "@example.cn");
        v.type(id("registerForm:address"), "惠民县东湖镇文化路8号");
        tickCheckbox(v, "registerForm:categoryIds", "农村公益电影");
        pickFromCheckboxMenu(v, "registerForm:placeIds", "东湖镇");
        v.type(id("registerForm:username"), username);
        v.type(id("registerForm:password"), BrowserSession.PASSWORD);
        v.screenshot("01-register-filled");
        v.clickAndLoad(id("registerForm:register"));
        assertThat(errors(v)).as("errors after registering, on " + v.driver.getCurrentUrl()).isEmpty();
        v.wait.until(d -> v.path().endsWith("/login.xhtml"));
        assertThat(info(v)).contains(zh("vendor.registered", username));

        v.login(username);
        v.open("vendor/profile.xhtml");
        assertThat(h1(v)).isEqualTo(zh("vendor.profileTitle"));
        assertThat(v.visible(id("profileForm:status")).getText()).isEqualTo(zh("vendorStatus.REGISTERED"));
        assertThat(v.visible(id("profileForm:eligibility")).getText()).contains(zh("vendor.notVerified"));
        String required = v.driver.findElement(By.xpath("//p[contains(., '" + zh("vendor.requiredDocuments") + "')]")).getText();
        assertThat(required).contains(zh("docKind.REGISTRATION"), zh("docKind.TAX"), zh("docKind.SOCIAL_SECURITY"));
        String expiry = LocalDate.now(BEIJING).plusYears(1).toString();
        for (String kind : List.of("REGISTRATION", "TAX", "SOCIAL_SECURITY")) {
            String fileName = kind.toLowerCase(Locale.ROOT).replace('_', '-') + "-" + RUN.toLowerCase(Locale.ROOT) + ".pdf";
            Path pdf = BiddingApi.pdf(files, fileName, kind + " certificate of " + RUN);
            v.choose(id("profileForm:kind"), zh("docKind." + kind), true);
            v.typeDate(id("profileForm:expiresOn_input"), expiry);
            v.driver.switchTo().activeElement().sendKeys(Keys.TAB);
            v.ajaxIdle();
            upload(v, "profileForm:upload_input", pdf);
            WebElement row = awaitRow(v, By.xpath("//table[@id='documents']//tr[td//a[normalize-space(.)='" + fileName + "']]"));
            assertThat(row.getText()).contains(zh("docKind." + kind)).contains(expiry);
            assertThat(info(v)).contains(zh("document.added", fileName));
        }
        v.screenshot("02-documents-uploaded");
        v.clickAndLoad(id("profileForm:submitVerification"));
        assertThat(errors(v)).as("errors after sending for verification").isEmpty();
        assertThat(info(v)).contains(zh("vendor.submitted"));
        assertThat(v.visible(id("profileForm:status")).getText()).isEqualTo(zh("vendorStatus.PENDING"));
        assertThat(v.driver.findElements(id("profileForm:submitVerification"))).isEmpty();
        v.screenshot("03-under-verification");

        // ---------------------------------------------------------------- 3. the officer verifies
        BrowserSession o = browser("officer");
        o.login("officer");
        openVerifyTask(o, vendorName);
        assertThat(o.visible(idEnds("vendorUscc")).getText()).isEqualTo(uscc);
        assertThat(o.driver.findElements(By.cssSelector("#vendorDocuments tr td:first-child")).stream().map(WebElement::getText).toList())
                .containsExactlyInAnyOrder(zh("docKind.REGISTRATION"), zh("docKind.TAX"), zh("docKind.SOCIAL_SECURITY"));
        claim(o, "taskForm:verify");
        o.screenshot("04-officer-verifies");
        o.clickAndLoad(id("taskForm:verify"));
        o.wait.until(d -> o.path().endsWith("/inbox.xhtml"));
        assertThat(info(o)).contains(zh("task.done.VERIFY"));

        v.open("vendor/profile.xhtml");
        assertThat(v.visible(id("profileForm:status")).getText()).isEqualTo(zh("vendorStatus.VERIFIED"));
        assertThat(v.visible(id("profileForm:eligibility")).getText()).contains(zh("vendor.mayBid"));

        // ---------------------------------------------------------------- 4. a question with script, answered, public
        v.open("public/notice.xhtml?id=" + tenderId);
        assertThat(v.status()).isEqualTo(200);
        assertThat(h1(v)).isEqualTo(title);
        assertThat(v.visible(idEnds("noticeNumber")).getText()).isEqualTo(noticeNumber);
        WebElement bidLink = v.visible(id("noticeForm:bidLink"));
        assertThat(bidLink.getText()).isEqualTo(zh("bid.bidOrAsk"));
        v.clickAndLoad(bidLink);
        v.wait.until(d -> v.path().endsWith("/vendor/bid.xhtml"));
        assertThat(v.driver.getCurrentUrl()).contains("tender=" + tenderId);
        assertThat(h1(v)).isEqualTo(title);
        assertThat(v.bodyText()).contains(noticeNumber);
        String question = "请问放映场次能否按村调整？" + SCRIPT;
        v.type(id("bidForm:question"), question);
        v.ajax(() -> v.visible(id("bidForm:ask")).click());
        assertThat(errors(v)).as("errors after asking").isEmpty();
        assertThat(info(v)).contains(zh("enquiry.asked"));
        assertNoAlert(v);
        assertThat(v.bodyText()).contains(question).contains(zh("enquiryStatus.OPEN"));
        v.screenshot("05-question-asked");

        String answer = "可以，经双方协商后按村调整，全年总场次不变。";
        openTask(o, title, zh("task.name.answerEnquiry"));
        assertThat(o.visible(idEnds("question")).getText()).isEqualTo(question);
        assertNoAlert(o);
        claim(o, "taskForm:answer");
        o.type(id("taskForm:answer"), answer);
        o.screenshot("06-officer-answers");
        o.clickAndLoad(id("taskForm:publishAnswer"));
        o.wait.until(d -> o.path().endsWith("/inbox.xhtml"));
        assertThat(info(o)).contains(zh("task.done.ANSWER"));

        BrowserSession pub = browser("public");
        pub.open("public/notice.xhtml?id=" + tenderId);
        assertNoAlert(pub);
        WebElement enquiries = pub.visible(By.id("enquiries"));
        String qa = enquiries.getText();
        assertThat(qa).containsPattern(Pattern.quote(zh("enquiry.q")) + "\\s*" + Pattern.quote(question))
                .containsPattern(Pattern.quote(zh("enquiry.a")) + "\\s*" + Pattern.quote(answer));
        assertThat(qa).doesNotContain(vendorName).doesNotContain(username);
        assertThat(pub.pageSource()).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(((Number) pub.js("return Array.from(document.scripts).filter(function (s) { return s.text.indexOf('alert(1)') >= 0; }).length;")).intValue())
                .as("script elements made of the question").isZero();
        assertThat(pub.driver.findElements(id("noticeForm:bidLink"))).as("no bid link without login").isEmpty();
        pub.screenshot("07-public-answer");

        // ---------------------------------------------------------------- 5. the sealed bid, then its replacement
        v.open("vendor/bid.xhtml?tender=" + tenderId);
        assertNoAlert(v);
        assertThat(v.bodyText()).contains(answer);
        String lotLabel = "1. " + lotTitle + " (≤ " + Money.format(new BigDecimal(budget)) + ")";
        v.choose(id("bidForm:lot"), lotLabel, false);
        String firstPrice = "268000.00";
        v.type(id("bidForm:price"), firstPrice);
        List<WebElement> proposals = v.driver.findElements(idEnds(":proposal"));
        assertThat(proposals).hasSize(2);
        assertThat(v.bodyText()).contains("服务方案 (40)").contains("放映设备与团队 (30)");
        v.type(idEnds(":0:proposal"), "每村每季度放映三场，提前一周张贴海报并通知村委会。");
        v.type(idEnds(":1:proposal"), "两套数字放映设备，三名持证放映员，备用发电机一台。");
        String attachment = "proposal-" + RUN.toLowerCase(Locale.ROOT) + ".pdf";
        upload(v, "bidForm:attach_input", BiddingApi.pdf(files, attachment, "Screening plan " + RUN));
        WebElement uploaded = awaitRow(v, By.xpath("//*[@id='bidForm:uploads']//tr[td[normalize-space(.)='" + attachment + "']]"));
        assertThat(uploaded.getText()).containsPattern("SHA-256 [0-9a-f]{16}…");
        assertThat(info(v)).contains(zh("bid.attachmentSealed", attachment));
        v.visible(By.cssSelector("[id='bidForm:declaration'] .ui-chkbox-box")).click();
        v.wait.until(d -> Boolean.TRUE.equals(v.js("return document.getElementById('bidForm:declaration_input').checked;")));
        v.screenshot("08-bid-filled");
        v.ajax(() -> v.visible(id("bidForm:submitBid")).click());
        assertThat(errors(v)).as("errors after submitting the bid").isEmpty();
        String firstBid = receiptBidId(v);
        String firstHash = v.visible(By.id("receiptHash")).getText();
        assertThat(firstHash).matches("[0-9a-f]{64}");
        assertThat(info(v)).contains(zh("bid.submitted", Long.valueOf(firstBid)));
        v.screenshot("09-receipt");

        String secondPrice = "255000.00";
        v.type(id("bidForm:price"), secondPrice);
        if (!Boolean.TRUE.equals(v.js("return document.getElementById('bidForm:declaration_input').checked;"))) {
            v.visible(By.cssSelector("[id='bidForm:declaration'] .ui-chkbox-box")).click();
        }
        v.ajax(() -> v.visible(id("bidForm:submitBid")).click());
        assertThat(errors(v)).as("errors after replacing the bid").isEmpty();
        String secondBid = receiptBidId(v);
        assertThat(secondBid).isNotEqualTo(firstBid);
        assertThat(v.visible(By.id("receiptHash")).getText()).matches("[0-9a-f]{64}").isNotEqualTo(firstHash);
        assertThat(info(v)).contains(zh("bid.replaced", Long.valueOf(secondBid)));
        assertThat(myBidRow(v, firstBid).getText()).contains(zh("bidStatus.REPLACED"));
        assertThat(myBidRow(v, secondBid).getText()).contains(zh("bidStatus.SUBMITTED"));
        v.screenshot("10-replaced");

        // ---------------------------------------------------------------- 6. three more bids, the deadline, the opening
        List<String> proposalTexts = List.of("按村轮流放映，每月一场。", "一套数字放映设备，两名放映员。");
        api.bid("vendor1", tenderId, lotId, "270000.00", proposalTexts);
        api.bid("vendor2", tenderId, lotId, "262500.00", proposalTexts);
        api.bid("vendor3", tenderId, lotId, "281000.00", proposalTexts);
        api.forceDeadline(tenderId);
        JsonNode opening = api.awaitOpening(tenderId, Duration.ofSeconds(90));
        assertThat(opening.path("entries")).as("opening record over REST: " + opening).hasSize(4);

        // ---------------------------------------------------------------- 7. the opening record, and the closed bid page
        v.open("public/notice.xhtml?id=" + tenderId);
        WebElement record = v.visible(By.id("openingRecord"));
        v.js("arguments[0].scrollIntoView({block: 'center'});", record);
        List<WebElement> rows = record.findElements(By.xpath(".//tr[td]"));
        assertThat(rows).hasSize(4);
        WebElement mine = null;
        for (WebElement row : rows) {
            List<WebElement> cells = row.findElements(By.tagName("td"));
            assertThat(cells).hasSize(6);
            assertThat(cells.get(5).getText()).as("seal column of " + row.getText()).isEqualTo("✓");
            assertThat(cells.get(4).getText()).as("validity of " + row.getText()).isEqualTo(zh("opening.validYes"));
            if (cells.get(1).getText().equals(vendorName)) {
                assertThat(mine).as("one row of " + vendorName).isNull();
                mine = row;
            }
        }
        assertThat(mine).as("a row of " + vendorName + " in the opening record:\n" + record.getText()).isNotNull();
        BigDecimal shown = new BigDecimal(mine.findElements(By.tagName("td")).get(2).getText().replace(",", ""));
        assertThat(shown).as("the replacing price, not " + firstPrice).isEqualByComparingTo(secondPrice);
        assertThat(v.driver.findElements(id("noticeForm:bidLink"))).as("no bid link after the opening").isEmpty();
        v.screenshot("11-opening-record");

        v.open("vendor/bid.xhtml?tender=" + tenderId);
        assertThat(v.bodyText()).contains(zh("bid.closed"));
        assertThat(v.driver.findElements(id("bidForm:submitBid"))).isEmpty();
        assertThat(v.driver.findElements(id("bidForm:ask"))).isEmpty();
        v.screenshot("12-bids-closed");
    }

    // ======================================================================== page helpers

    private static String h1(BrowserSession b) {
        return b.driver.findElement(By.tagName("h1")).getText();
    }

    /** Ticks the box of a p:selectManyCheckbox by its label, as a user does, and checks that it is ticked. */
    private static void tickCheckbox(BrowserSession b, String groupId, String label) {
        WebElement l = b.visible(By.xpath("//*[@id='" + groupId + "']//label[normalize-space(.)='" + label + "']"));
        String inputId = l.getDomAttribute("for");
        l.click();
        b.wait.until(d -> Boolean.TRUE.equals(b.js("return document.getElementById(arguments[0]).checked;", inputId)));
    }

    /** Opens a p:selectCheckboxMenu, filters, ticks the item, closes the panel, and waits for the chosen token. */
    private static void pickFromCheckboxMenu(BrowserSession b, String menuId, String label) {
        b.visible(id(menuId)).click();
        WebElement panel = b.visible(id(menuId + "_panel"));
        List<WebElement> filters = panel.findElements(By.cssSelector("input.ui-selectcheckboxmenu-filter, .ui-selectcheckboxmenu-filter-container input"));
        if (!filters.isEmpty()) {
            filters.get(0).sendKeys(label);
        }
        WebElement item = b.wait.until(d -> panel.findElements(By.cssSelector("li.ui-selectcheckboxmenu-item")).stream()
                .filter(WebElement::isDisplayed)
                .filter(li -> label.equals(li.getText().trim()) || label.equals(li.getDomAttribute("data-item-label")))
                .findFirst().orElse(null));
        item.findElement(By.cssSelector(".ui-chkbox-box")).click();
        b.wait.until(d -> item.findElement(By.cssSelector(".ui-chkbox-box")).getDomAttribute("class").contains("ui-state-active"));
        List<WebElement> close = panel.findElements(By.cssSelector("a.ui-selectcheckboxmenu-close"));
        if (!close.isEmpty() && close.get(0).isDisplayed()) {
            close.get(0).click();
        } else {
            b.driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        }
        b.wait.until(ExpectedConditions.invisibilityOfElementLocated(id(menuId + "_panel")));
        b.waitForAnimations();
        b.wait.until(d -> d.findElement(id(menuId)).getText().contains(label));
    }

    /** Gives a p:fileUpload (auto) a file through its file input, as the browser's file chooser does. */
    private static void upload(BrowserSession b, String inputId, Path file) {
        WebElement input = b.present(id(inputId));
        input.sendKeys(file.toString());
    }

    /** Waits for a row to appear after an upload, failing early (with the page's message) when an error shows instead. */
    private static WebElement awaitRow(BrowserSession b, By row) {
        WebElement found = b.wait.until(d -> {
            List<WebElement> rows = d.findElements(row);
            if (!rows.isEmpty()) {
                return rows.get(0);
            }
            List<String> errs = errors(b);
            if (!errs.isEmpty()) {
                throw new AssertionError("the upload was refused: " + errs);
            }
            return null;
        });
        b.ajaxIdle();
        return found;
    }

    private static String receiptBidId(BrowserSession b) {
        String text = b.visible(By.id("receiptBidId")).getText();
        assertThat(text).matches("\\d+");
        return text;
    }

    private static WebElement myBidRow(BrowserSession b, String bidId) {
        return b.visible(By.xpath("//table[@id='myBids']//tr[td[1][normalize-space(.)='" + bidId + "']]"));
    }

    /** Opens the verifyVendor task of the vendor from the inbox, whose row names the vendor. */
    private static void openVerifyTask(BrowserSession b, String vendorName) {
        String taskName = zh("task.name.verifyVendor");
        WebElement link = b.visible(By.xpath("//*[@id='inboxForm:tasks']//tr[td/span[contains(@class,'hm-task-vendor') and normalize-space(.)='"
                + vendorName + "']]//a[contains(@class,'hm-task-link') and normalize-space(.)='" + taskName + "']"));
        b.clickAndLoad(link);
        b.wait.until(d -> b.path().endsWith("/tasks/verifyVendor.xhtml"));
        assertThat(b.status()).isEqualTo(200);
        assertThat(h1(b)).isEqualTo(taskName);
        assertThat(b.visible(idEnds("vendorName")).getText()).isEqualTo(vendorName);
    }

    private static void openTask(BrowserSession b, String tenderTitle, String taskName) {
        b.open("inbox.xhtml");
        WebElement link = b.visible(By.xpath("//*[@id='inboxForm:tasks']//tr[td[normalize-space(.)='" + tenderTitle
                + "']]//a[contains(@class,'hm-task-link') and normalize-space(.)='" + taskName + "']"));
        b.clickAndLoad(link);
        b.wait.until(d -> b.path().contains("/tasks/"));
        assertThat(b.status()).as("HTTP status of the task page " + b.driver.getCurrentUrl()).isEqualTo(200);
        assertThat(h1(b)).isEqualTo(taskName);
        assertThat(b.visible(idEnds("summaryTitle")).getText()).isEqualTo(tenderTitle);
    }

    /** Claims the task on its page and waits for the control that only the assignee gets. */
    private static void claim(BrowserSession b, String assigneeControl) {
        if (!b.driver.findElements(id("taskForm:claim")).isEmpty()) {
            b.ajax(() -> b.visible(id("taskForm:claim")).click());
            assertThat(info(b)).contains(zh("task.claimed"));
        }
        b.visible(id(assigneeControl));
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

    private static void assertNoAlert(BrowserSession b) {
        assertThat(ExpectedConditions.alertIsPresent().apply(b.driver)).as("no alert dialog").isNull();
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
        try (InputStream in = VendorBiddingBrowserIT.class.getResourceAsStream("/cn/huimin/i18n/messages_" + suffix + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
