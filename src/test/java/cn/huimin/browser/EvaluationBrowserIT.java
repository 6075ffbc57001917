package cn.huimin.browser;

import static cn.huimin.browser.BrowserSession.id;
import static org.assertj.core.api.Assertions.assertThat;

import cn.huimin.it.ItSupport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * The evaluation of a lot in real headless Chromium (Chinese UI), against the WAR on Payara Micro and PostgreSQL:
 * the officer claims the committee request and draws the experts, then re-runs the recorded draw on the committee
 * page (same committee, the two conflicted experts screened out); the five invited experts declare and confirm (one
 * first tries without the declaration), score every bid (one first with points above the factor's maximum) while
 * the scores stay hidden, and sign the report (one with dissent); the officer confirms the first-ranked bidder, the
 * public notice shows the award with the committee, and a losing bidder files a challenge that reaches the officer.
 * The tender, the bids, the forced opening and its signature are set up over REST. Screenshots go to
 * target/screenshots.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class EvaluationBrowserIT {
    static final String ZH_LANG = "zh-CN";
    /** Makes this run's names unique, so that the locators never pick a row of an earlier run on the same database. */
    static final String RUN = Long.toString(System.currentTimeMillis() % 46_656L * 36 + (long) (Math.random() * 36), 36).toUpperCase(Locale.ROOT);
    static final Properties ZH = bundle("zh_CN");
    static final String PLAN = "服务方案";
    static final String EQUIPMENT = "放映设备";
    static final int PLAN_POINTS = 40;
    static final int EQUIPMENT_POINTS = 30;
    static final int PRICE_WEIGHT = 30;
    /** Normal prices of a 400,000 ceiling: none below half of the others' average, so no price clarification. */
    static final Map<String, String> PRICE = new LinkedHashMap<>();

    static {
        PRICE.put("vendor1", "300000.00");
        PRICE.put("vendor2", "280000.00");
        PRICE.put("vendor3", "260000.00");
    }

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
    void committeeIsDrawnExpertsScoreAndSignTheWinnerIsPublishedAndALoserChallenges() throws Exception {
        BiddingApi api = new BiddingApi(ItSupport.base(deployed));

        // ---------------------------------------------------------------- 1. tender, three bids, opening: by REST
        String title = "东湖镇农村公益电影放映服务（评审浏览器测试 " + RUN + "）";
        JsonNode tender = api.publishedOpenTender(title, "400000.00", "东湖镇放映", PLAN, EQUIPMENT);
        long tenderId = tender.path("id").asLong();
        long lotId = tender.path("lots").get(0).path("id").asLong();
        String noticeNumber = tender.path("noticeNumber").asText();
        Map<String, String> vendorName = new LinkedHashMap<>();
        Map<String, String> proposal = new HashMap<>();
        for (String v : PRICE.keySet()) {
            vendorName.put(v, api.get("/api/vendors/me", v).path("profile").path("name").asText());
            assertThat(vendorName.get(v)).as("profile name of " + v).isNotBlank();
            proposal.put(v, "每村每季度放映三场（" + v + "）");
            JsonNode receipt = api.bid(v, tenderId, lotId, PRICE.get(v), List.of(proposal.get(v), "两套数字放映设备（" + v + "）"));
            assertThat(receipt.path("bidId").asLong()).as("receipt of " + v + ": " + receipt).isPositive();
        }
        api.forceDeadline(tenderId);
        JsonNode opening = api.awaitOpening(tenderId, Duration.ofSeconds(90));
        assertThat(opening.path("entries")).as("opening record: " + opening).hasSize(3);
        complete(api, "officer", awaitTask(api, "officer", tenderId, "signOpening").path("id").asText(), "SIGN", null);

        JsonNode committees = api.get("/api/evaluations/tenders/" + tenderId + "/committees", "officer");
        assertThat(committees).as("committees of tender " + tenderId).hasSize(1);
        long committeeId = committees.get(0).path("id").asLong();
        assertThat(committees.get(0).path("size").asInt()).as("5 members below 10 million").isEqualTo(5);
        assertThat(committees.get(0).path("status").asText()).isEqualTo("REQUESTED");
        String requestTask = awaitTask(api, "officer", tenderId, "requestCommittee").path("id").asText();

        Map<String, String> expertName = new HashMap<>();
        for (JsonNode x : api.get("/api/experts?size=100", "supervisor").path("items")) {
            expertName.put(x.path("username").asText(), x.path("name").asText());
        }
        assertThat(expertName).containsKeys("expert1", "expert2");

        // ---------------------------------------------------------------- 2. the officer draws, then re-runs the draw
        BrowserSession o = browser("officer");
        o.login("officer");
        openTask(o, title, zh("task.name.requestCommittee"));
        assertThat(o.path()).endsWith("/tasks/requestCommittee.xhtml");
        assertThat(o.driver.getCurrentUrl()).contains("id=" + requestTask);
        assertThat(o.bodyText()).contains(zh("evaluation.sizeRule", 5));
        assertThat(listUnder(o, zh("evaluation.bidders"))).containsExactlyInAnyOrderElementsOf(vendorName.values());
        assertThat(o.driver.findElements(By.cssSelector("button[id$='draw']"))).as("no draw before the claim").isEmpty();
        claim(o, "taskForm:reps");
        List<WebElement> reps = o.driver.findElements(By.cssSelector("[id='taskForm:reps'] input[type='checkbox']"));
        assertThat(reps).as("purchaser representatives offered").isNotEmpty();
        for (WebElement r : reps) {
            assertThat(r.isSelected()).as("representative box " + r.getDomAttribute("id") + " ticked").isFalse();
        }
        o.screenshot("01-request-committee");
        o.clickAndLoad(By.cssSelector("button[id$='draw']"));
        assertThat(errors(o)).as("errors after the draw").isEmpty();
        o.wait.until(d -> o.path().endsWith("/inbox.xhtml"));
        assertThat(info(o)).contains(zh("evaluation.done.requestCommittee"));
        assertThat(task(api, "officer", tenderId, "requestCommittee")).as("requestCommittee done").isNull();

        o.open("evaluation/committee.xhtml?id=" + committeeId);
        assertThat(o.status()).isEqualTo(200);
        assertThat(h1(o)).isEqualTo(zh("evaluation.committee"));
        assertThat(o.driver.findElements(id("drawVerdict"))).as("no verdict before the re-run").isEmpty();
        o.ajax(() -> o.visible(id("committeeForm:verifyDraw")).click());
        assertThat(errors(o)).as("errors after re-running the draw").isEmpty();
        WebElement verdict = o.visible(id("drawVerdict"));
        assertThat(verdict.getText()).isEqualTo(zh("evaluation.drawSame"));
        assertThat(Arrays.asList(verdict.getDomAttribute("class").split("\\s+"))).contains("hm-ok");
        List<String> excluded = listUnder(o, zh("evaluation.excluded"));
        assertThat(excluded).as("experts screened out").hasSize(2);
        assertThat(excluded).anySatisfy(x -> assertThat(x).startsWith(expertName.get("expert1") + " — ").contains(vendorName.get("vendor1")));
        assertThat(excluded).anySatisfy(x -> assertThat(x).startsWith(expertName.get("expert2") + " — ").contains(vendorName.get("vendor2")));
        List<String> order = listUnder(o, zh("evaluation.order"));
        assertThat(order).as("draw order: 9 experts less the 2 screened out").hasSize(7)
                .doesNotContain(expertName.get("expert1"), expertName.get("expert2"));
        o.screenshot("02-draw-verified");

        // ---------------------------------------------------------------- 3. the invited experts confirm
        JsonNode drawn = api.get("/api/evaluations/committees/" + committeeId, "officer");
        List<String> members = new ArrayList<>();
        Map<String, String> memberName = new HashMap<>();
        for (JsonNode m : drawn.path("members")) {
            memberName.put(m.path("username").asText(), m.path("name").asText());
            if ("INVITED".equals(m.path("status").asText())) {
                members.add(m.path("username").asText());
            }
        }
        assertThat(members).as("invited members").hasSize(5).doesNotContain("expert1", "expert2");
        assertThat(order.subList(0, 5)).containsExactlyInAnyOrderElementsOf(members.stream().map(memberName::get).toList());

        BrowserSession e = browser("expert");
        for (int i = 0; i < members.size(); i++) {
            String m = members.get(i);
            e.login(m);
            openTask(e, title, zh("task.name.confirmMembership"));
            assertThat(listUnder(e, zh("evaluation.bidders"))).containsExactlyInAnyOrderElementsOf(vendorName.values());
            e.visible(id("taskForm:confirm"));
            if (i == 0) {
                // without the declaration: refused, the task stays
                e.clickAndLoad(id("taskForm:confirm"));
                assertThat(e.path()).endsWith("/tasks/confirmMembership.xhtml");
                assertThat(String.join("\n", errors(e))).contains(zh("evaluation.declarationRequired"));
                assertThat(task(api, m, tenderId, "confirmMembership")).as(m + "'s confirmMembership task after the refusal").isNotNull();
                assertThat(memberStatus(api, committeeId, m)).isEqualTo("INVITED");
                e.screenshot("03-declaration-required");
            }
            assertThat(e.visible(By.cssSelector("[id='taskForm:declared']")).getText()).contains(zh("evaluation.declaration"));
            e.visible(By.cssSelector("[id='taskForm:declared'] .ui-chkbox-box")).click();
            e.wait.until(d -> Boolean.TRUE.equals(e.js("return document.getElementById('taskForm:declared_input').checked;")));
            e.clickAndLoad(id("taskForm:confirm"));
            assertThat(errors(e)).as("errors after " + m + " confirmed").isEmpty();
            e.wait.until(d -> e.path().endsWith("/inbox.xhtml"));
            assertThat(info(e)).contains(zh("evaluation.done.confirmMembership"));
            assertThat(task(api, m, tenderId, "confirmMembership")).as(m + "'s confirmMembership task").isNull();
            assertThat(memberStatus(api, committeeId, m)).isEqualTo("CONFIRMED");
            e.logout();
        }
        JsonNode confirmed = api.get("/api/evaluations/committees/" + committeeId, "officer");
        assertThat(confirmed.path("status").asText()).as("no abnormally low price: straight to scoring").isEqualTo("SCORING");
        assertThat(confirmed.path("scoresVisible").asBoolean()).isFalse();

        // ---------------------------------------------------------------- 4. every member scores alone
        // member i: plan 30+i (vendor3 31+i), equipment 20 for every bid
        Map<String, Map<String, String>> planPoints = new HashMap<>();
        for (int i = 0; i < members.size(); i++) {
            Map<String, String> p = new HashMap<>();
            p.put("vendor1", String.valueOf(30 + i));
            p.put("vendor2", String.valueOf(30 + i));
            p.put("vendor3", String.valueOf(31 + i));
            planPoints.put(members.get(i), p);
        }
        for (int i = 0; i < members.size(); i++) {
            String m = members.get(i);
            if (i == members.size() - 1) {
                // before the last signature: a member who signed sees no one's scores, neither on the page nor by REST
                String signed = members.get(0);
                e.login(signed);
                e.open("evaluation/committee.xhtml?id=" + committeeId);
                assertThat(e.status()).isEqualTo(200);
                assertThat(errors(e)).as("errors on the committee page of " + signed).isEmpty();
                assertThat(e.bodyText()).contains(zh("evaluation.scoresHidden"));
                assertThat(e.driver.findElements(id("ranking"))).as("no ranking before every member signed").isEmpty();
                assertThat(memberRow(e, memberName.get(signed)).get(3)).as("scores signed by " + signed).isNotBlank();
                assertThat(memberRow(e, memberName.get(m)).get(3)).as("scores signed by " + m).isBlank();
                e.screenshot("06-scores-hidden");
                JsonNode s = api.get("/api/evaluations/committees/" + committeeId, signed);
                assertThat(s.path("scoresVisible").asBoolean()).isFalse();
                assertThat(s.path("scores")).isEmpty();
                assertThat(s.path("lines")).isEmpty();
                e.logout();
            }
            e.login(m);
            openTask(e, title, zh("task.name.scoreBids"));
            assertThat(e.driver.findElements(By.cssSelector("div.hm-bid"))).as("bids to evaluate").hasSize(3);
            for (String v : PRICE.keySet()) {
                WebElement card = bidCard(e, vendorName.get(v));
                assertThat(card.getText()).contains(proposal.get(v)).contains(PLAN + " (" + PLAN_POINTS + ")").contains(EQUIPMENT + " (" + EQUIPMENT_POINTS + ")");
                choosePass(e, card);
                typePoints(e, card, PLAN, PLAN_POINTS, i == 0 && v.equals("vendor3") ? "41" : planPoints.get(m).get(v));
                typePoints(e, card, EQUIPMENT, EQUIPMENT_POINTS, "20");
            }
            if (i == 0) {
                // above the factor's maximum: refused, nothing signed, the input kept
                e.clickAndLoad(id("taskForm:signScores"));
                assertThat(e.path()).endsWith("/tasks/scoreBids.xhtml");
                assertThat(String.join("\n", errors(e))).contains(zh("field.score") + ": "
                        + zh("evaluation.score.range", PLAN, vendorName.get("vendor3"), PLAN_POINTS));
                assertThat(task(api, m, tenderId, "scoreBids")).as(m + "'s scoreBids task after the refusal").isNotNull();
                assertThat(absent(memberField(api, committeeId, m, "scoresSignedAt"))).as("scores of " + m + " not signed").isTrue();
                WebElement card = bidCard(e, vendorName.get("vendor3"));
                assertThat(pointsField(card, PLAN, PLAN_POINTS).getDomProperty("value")).isEqualTo("41");
                assertThat(passChecked(e, card)).as("PASS kept after the refusal").isTrue();
                e.screenshot("04-points-above-maximum");
                typePoints(e, card, PLAN, PLAN_POINTS, planPoints.get(m).get("vendor3"));
            }
            e.screenshot("05-sheet-" + (i + 1));
            e.clickAndLoad(id("taskForm:signScores"));
            assertThat(errors(e)).as("errors after " + m + " signed the scores").isEmpty();
            e.wait.until(d -> e.path().endsWith("/inbox.xhtml"));
            assertThat(info(e)).contains(zh("evaluation.done.scoreBids"));
            assertThat(task(api, m, tenderId, "scoreBids")).as(m + "'s scoreBids task").isNull();
            e.logout();
        }

        // the result by the published formula
        Map<String, BigDecimal> total = new HashMap<>();
        Map<String, BigDecimal> technical = new HashMap<>();
        Map<String, BigDecimal> priceScore = new HashMap<>();
        BigDecimal lowest = new BigDecimal(PRICE.get("vendor3"));
        for (String v : PRICE.keySet()) {
            BigDecimal sum = BigDecimal.ZERO;
            for (String m : members) {
                sum = sum.add(new BigDecimal(planPoints.get(m).get(v))).add(new BigDecimal("20"));
            }
            technical.put(v, sum.divide(BigDecimal.valueOf(members.size()), 2, RoundingMode.HALF_UP));
            priceScore.put(v, lowest.divide(new BigDecimal(PRICE.get(v)), 20, RoundingMode.HALF_UP)
                    .multiply(BigDecimal.valueOf(PRICE_WEIGHT)).setScale(2, RoundingMode.HALF_UP));
            total.put(v, technical.get(v).add(priceScore.get(v)));
        }
        List<String> expectedRanking = List.of("vendor3", "vendor2", "vendor1"); // 83.00, 79.86, 78.00
        assertThat(total.get("vendor3")).isGreaterThan(total.get("vendor2"));
        assertThat(total.get("vendor2")).isGreaterThan(total.get("vendor1"));
        JsonNode result = api.get("/api/evaluations/committees/" + committeeId, "officer");
        assertThat(result.path("status").asText()).isEqualTo("REPORT");
        assertThat(result.path("scoresVisible").asBoolean()).isTrue();

        // ---------------------------------------------------------------- 5. the members sign the report, one with dissent
        String dissent = "我认为西山放映队的设备评分偏高 " + RUN;
        int dissenter = 2;
        for (int i = 0; i < members.size(); i++) {
            String m = members.get(i);
            e.login(m);
            openTask(e, title, zh("task.name.signReport"));
            List<List<String>> ranking = rows(e.visible(id("ranking")));
            assertThat(ranking).as("ranking on " + m + "'s signReport page").hasSize(3);
            for (int r = 0; r < 3; r++) {
                String v = expectedRanking.get(r);
                List<String> cells = ranking.get(r);
                assertThat(cells.get(0)).as("rank of row " + cells).isEqualTo(String.valueOf(r + 1));
                assertThat(cells.get(1)).isEqualTo(vendorName.get(v));
                assertThat(new BigDecimal(cells.get(2))).as("price of " + cells).isEqualByComparingTo(PRICE.get(v));
                assertThat(new BigDecimal(cells.get(3))).as("technical score of " + cells).isEqualByComparingTo(technical.get(v));
                assertThat(new BigDecimal(cells.get(4))).as("price score of " + cells).isEqualByComparingTo(priceScore.get(v));
                assertThat(new BigDecimal(cells.get(5))).as("total of " + cells).isEqualByComparingTo(total.get(v));
                assertThat(cells.get(6)).isEqualTo(zh("evaluation.qualified"));
            }
            if (i == dissenter) {
                // dissent without a word: refused, the task stays
                e.clickAndLoad(id("taskForm:signWithDissent"));
                assertThat(e.path()).endsWith("/tasks/signReport.xhtml");
                assertThat(String.join("\n", errors(e))).as("errors after signing with an empty dissent").contains(zh("field.comment") + ": ");
                assertThat(task(api, m, tenderId, "signReport")).as(m + "'s signReport task after the refusal").isNotNull();
                e.screenshot("07-dissent-required");
                e.type(id("taskForm:comment"), dissent);
                e.screenshot("08-sign-with-dissent");
                e.clickAndLoad(id("taskForm:signWithDissent"));
                assertThat(errors(e)).as("errors after " + m + " signed with dissent").isEmpty();
                e.wait.until(d -> e.path().endsWith("/inbox.xhtml"));
                assertThat(info(e)).contains(zh("evaluation.done.signReport.SIGN_WITH_DISSENT"));
            } else {
                e.clickAndLoad(id("taskForm:sign"));
                assertThat(errors(e)).as("errors after " + m + " signed the report").isEmpty();
                e.wait.until(d -> e.path().endsWith("/inbox.xhtml"));
                assertThat(info(e)).contains(zh("evaluation.done.signReport"));
            }
            assertThat(task(api, m, tenderId, "signReport")).as(m + "'s signReport task").isNull();
            e.logout();
        }
        JsonNode signedReport = api.get("/api/evaluations/committees/" + committeeId, "supervisor");
        assertThat(signedReport.path("status").asText()).isEqualTo("COMPLETED");
        for (JsonNode m : signedReport.path("members")) {
            if ("CONFIRMED".equals(m.path("status").asText())) {
                assertThat(absent(m.path("reportSignedAt"))).as("report signed by " + m.path("username").asText()).isFalse();
                String expected = m.path("username").asText().equals(members.get(dissenter)) ? dissent : "";
                assertThat(m.path("dissent").asText("")).as("dissent of " + m.path("username").asText()).isEqualTo(expected);
            }
        }

        // ---------------------------------------------------------------- 6. the officer confirms the winner; the public notice
        awaitTask(api, "officer", tenderId, "confirmAward");
        openTask(o, title, zh("task.name.confirmAward"));
        assertThat(rows(o.visible(id("ranking"))).get(0).get(1)).isEqualTo(vendorName.get("vendor3"));
        claim(o, "taskForm:confirm");
        o.screenshot("09-confirm-award");
        o.clickAndLoad(id("taskForm:confirm"));
        assertThat(errors(o)).as("errors after confirming the award").isEmpty();
        o.wait.until(d -> o.path().endsWith("/inbox.xhtml"));
        assertThat(info(o)).contains(zh("evaluation.done.confirmAward"));
        assertThat(task(api, "officer", tenderId, "confirmAward")).as("confirmAward done").isNull();

        BrowserSession pub = browser("public");
        pub.open("public/notice.xhtml?id=" + tenderId);
        assertThat(pub.status()).isEqualTo(200);
        assertThat(pub.driver.findElements(id("headerForm:logout"))).as("anonymous").isEmpty();
        assertThat(h1(pub)).isEqualTo(title);
        WebElement award = pub.visible(By.cssSelector("div.hm-award"));
        pub.js("arguments[0].scrollIntoView({block: 'center'});", award);
        String awardText = award.getText();
        assertThat(award.findElement(By.tagName("h3")).getText()).contains(zh("award.notice")).contains(zh("award.status.PUBLISHED"));
        assertThat(awardText).contains(zh("award.winner") + ": " + vendorName.get("vendor3"));
        List<List<String>> publicLines = rows(award.findElement(By.tagName("table")));
        assertThat(publicLines).hasSize(3);
        for (int r = 0; r < 3; r++) {
            assertThat(publicLines.get(r).get(1)).isEqualTo(vendorName.get(expectedRanking.get(r)));
            assertThat(new BigDecimal(publicLines.get(r).get(5))).isEqualByComparingTo(total.get(expectedRanking.get(r)));
        }
        String committeeLine = award.findElement(By.xpath(".//p[starts-with(normalize-space(.), '" + zh("evaluation.committee") + ":')]")).getText();
        for (String m : members) {
            assertThat(committeeLine).as("committee on the public notice").contains(memberName.get(m));
        }
        assertThat(committeeLine).doesNotContain(expertName.get("expert1")).doesNotContain(expertName.get("expert2"));
        List<String> versions = new ArrayList<>();
        for (WebElement card : pub.driver.findElements(By.cssSelector("div.hm-card[id^='v']"))) {
            if (card.getDomAttribute("id").matches("v\\d+")) {
                versions.add(card.findElement(By.tagName("h3")).getText());
                if (card.getText().startsWith(zh("notice.kind.AWARD"))) {
                    assertThat(card.getText()).contains(vendorName.get("vendor3")).contains(noticeNumber);
                }
            }
        }
        assertThat(versions).containsExactly(zh("notice.kind.TENDER") + " · v1", zh("notice.kind.AWARD") + " · v2");
        pub.screenshot("10-public-award");

        // ---------------------------------------------------------------- 7. a losing bidder challenges
        String loser = expectedRanking.get(1);
        BrowserSession v = browser("vendor");
        v.login(loser);
        v.clickAndLoad(By.xpath("//nav[contains(@class,'hm-nav')]//a[normalize-space(.)='" + zh("award.myResults") + "']"));
        v.wait.until(d -> v.path().endsWith("/vendor/results.xhtml"));
        assertThat(v.status()).isEqualTo(200);
        assertThat(h1(v)).isEqualTo(zh("award.myResults"));
        assertThat(v.bodyText()).contains(zh("challenge.none"));
        WebElement result1 = resultCard(v, noticeNumber + " " + title);
        assertThat(result1.getText()).contains(zh("award.winner") + ": " + vendorName.get("vendor3"))
                .contains(zh("evaluation.rank") + " 2 · " + zh("evaluation.total") + " " + total.get(loser).toPlainString());
        String grounds = "我方技术方案得分明显偏低，请说明评分依据 " + RUN;
        v.type(By.cssSelector("textarea[id$=':grounds']"), grounds);
        v.type(By.cssSelector("textarea[id$=':evidence']"), "放映场次计划表");
        v.screenshot("11-challenge-filled");
        v.ajax(() -> v.visible(By.cssSelector("button[id$=':challenge']")).click());
        assertThat(errors(v)).as("errors after filing the challenge").isEmpty();
        assertThat(info(v)).contains(zh("challenge.filed"));
        WebElement mine = v.visible(By.xpath("//div[contains(@class,'hm-card')][h3[normalize-space(.)='" + zh("challenge.mine") + "']]"));
        assertThat(mine.getText()).contains(zh("challenge.status.PENDING")).contains(grounds).doesNotContain(zh("challenge.none"));
        v.screenshot("12-challenge-filed");
        JsonNode myChallenges = api.get("/api/challenges/mine", loser);
        assertThat(myChallenges).hasSize(1);
        assertThat(myChallenges.get(0).path("status").asText()).isEqualTo("PENDING");
        assertThat(myChallenges.get(0).path("grounds").asText()).isEqualTo(grounds);

        awaitTask(api, "officer", tenderId, "answerChallenge");
        openTask(o, title, zh("task.name.answerChallenge"));
        assertThat(o.bodyText()).contains(grounds).contains(vendorName.get(loser));
        o.screenshot("13-answer-challenge-task");
    }

    // ======================================================================== REST helpers

    /** The user's inbox task of that step for the tender, or null. */
    private static JsonNode task(BiddingApi api, String user, long tenderId, String key) throws Exception {
        for (JsonNode t : api.get("/api/tasks?size=100", user).path("items")) {
            if (t.path("tenderId").asLong() == tenderId && key.equals(t.path("key").asText())) {
                return t;
            }
        }
        return null;
    }

    private static JsonNode awaitTask(BiddingApi api, String user, long tenderId, String key) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            JsonNode t = task(api, user, tenderId, key);
            if (t != null) {
                return t;
            }
            assertThat(System.nanoTime()).as("%s gets a %s task for tender %d", user, key, tenderId).isLessThan(end);
            Thread.sleep(300);
        }
    }

    private static void complete(BiddingApi api, String user, String taskId, String decision, String comment) throws Exception {
        ObjectNode d = BiddingApi.JSON.createObjectNode();
        d.put("decision", decision);
        if (comment != null) {
            d.put("comment", comment);
        }
        HttpResponse<String> r = api.call("POST", "/api/tasks/" + taskId + "/complete", user, d, Map.of());
        assertThat(r.statusCode()).as(decision + " of task " + taskId + " as " + user + ": " + r.body()).isEqualTo(200);
    }

    private static JsonNode memberField(BiddingApi api, long committeeId, String username, String field) throws Exception {
        for (JsonNode m : api.get("/api/evaluations/committees/" + committeeId, "officer").path("members")) {
            if (username.equals(m.path("username").asText())) {
                return m.path(field);
            }
        }
        throw new AssertionError(username + " is no member of committee " + committeeId);
    }

    /** A JSON null, or a property left out (JSON-B leaves out null properties). */
    private static boolean absent(JsonNode n) {
        return n.isNull() || n.isMissingNode();
    }

    private static String memberStatus(BiddingApi api, long committeeId, String username) throws Exception {
        return memberField(api, committeeId, username, "status").asText();
    }

    // ======================================================================== page helpers

    private static String h1(BrowserSession b) {
        return b.driver.findElement(By.tagName("h1")).getText();
    }

    private static void openTask(BrowserSession b, String tenderTitle, String taskName) {
        b.open("inbox.xhtml");
        WebElement link = b.visible(By.xpath("//*[@id='inboxForm:tasks']//tr[td[normalize-space(.)='" + tenderTitle
                + "']]//a[contains(@class,'hm-task-link') and normalize-space(.)='" + taskName + "']"));
        b.clickAndLoad(link);
        b.wait.until(d -> b.path().contains("/tasks/"));
        assertThat(b.status()).as("HTTP status of the task page " + b.driver.getCurrentUrl()).isEqualTo(200);
        assertThat(errors(b)).as("errors on the task page " + b.driver.getCurrentUrl()).isEmpty();
        assertThat(h1(b)).isEqualTo(taskName);
        assertThat(b.visible(By.id("summaryTitle")).getText()).isEqualTo(tenderTitle);
    }

    /** Claims the task on its page and waits for the control that only the assignee gets. */
    private static void claim(BrowserSession b, String assigneeControl) {
        assertThat(b.driver.findElements(id("taskForm:claim"))).as("claim button on " + b.driver.getCurrentUrl()).isNotEmpty();
        b.ajax(() -> b.visible(id("taskForm:claim")).click());
        assertThat(info(b)).contains(zh("task.claimed"));
        b.visible(id(assigneeControl));
    }

    /** The items of the list that follows a heading (h4) on the page. */
    private static List<String> listUnder(BrowserSession b, String heading) {
        b.visible(By.xpath("//h4[normalize-space(.)='" + heading + "']"));
        return b.driver.findElements(By.xpath("//h4[normalize-space(.)='" + heading + "']/following-sibling::*[self::ul or self::ol][1]/li"))
                .stream().map(WebElement::getText).map(String::trim).toList();
    }

    /** The cell texts of the rows with data cells. */
    private static List<List<String>> rows(WebElement table) {
        return table.findElements(By.xpath(".//tr[td]")).stream()
                .map(r -> r.findElements(By.tagName("td")).stream().map(WebElement::getText).map(String::trim).toList()).toList();
    }

    /** A row of the members table by the member's name (the chair's has " (组长)" after it). */
    private static List<String> memberRow(BrowserSession b, String name) {
        for (List<String> row : rows(b.visible(id("members")))) {
            if (row.get(0).equals(name) || row.get(0).startsWith(name + " (")) {
                return row;
            }
        }
        throw new AssertionError("no row of " + name + " in the members table:\n" + b.visible(id("members")).getText());
    }

    /** The scoring card of one bid on the sheet. */
    private static WebElement bidCard(BrowserSession b, String vendor) {
        return b.visible(By.xpath("//div[contains(@class,'hm-bid')][h4[starts-with(normalize-space(.), '" + vendor + " · ')]]"));
    }

    private static WebElement pointsField(WebElement card, String factor, int points) {
        return card.findElement(By.xpath(".//tr[td[1][normalize-space(.)='" + factor + " (" + points + ")']]//input[contains(@id, ':points')]"));
    }

    private static void typePoints(BrowserSession b, WebElement card, String factor, int points, String value) {
        WebElement field = pointsField(card, factor, points);
        field.clear();
        field.sendKeys(value);
        assertThat(field.getDomProperty("value")).isEqualTo(value);
    }

    private static WebElement passLabel(WebElement card) {
        return card.findElement(By.xpath(".//label[normalize-space(.)='" + zh("evaluation.pass") + "']"));
    }

    private static boolean passChecked(BrowserSession b, WebElement card) {
        return Boolean.TRUE.equals(b.js("return document.getElementById(arguments[0]).checked;", passLabel(card).getDomAttribute("for")));
    }

    /** Chooses PASS in the qualification radio of a bid, as a user does (clicking its label). */
    private static void choosePass(BrowserSession b, WebElement card) {
        passLabel(card).click();
        b.wait.until(d -> passChecked(b, card));
    }

    private static WebElement resultCard(BrowserSession b, String linkText) {
        return b.visible(By.xpath("//div[contains(@class,'hm-card')][h3/a[normalize-space(.)='" + linkText + "']]"));
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
        try (InputStream in = EvaluationBrowserIT.class.getResourceAsStream("/cn/huimin/i18n/messages_" + suffix + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
