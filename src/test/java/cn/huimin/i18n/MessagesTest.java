package cn.huimin.i18n;

import cn.huimin.application.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Message lookup in Simplified Chinese (the default) or English. */
class MessagesTest {

    // ---------------------------------------------------------------- Accept-Language

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "zh-CN                                  | zh",
            "zh                                     | zh",
            "zh-TW                                  | zh",
            "zh-Hans-CN,zh;q=0.9                    | zh",
            "en-US,en;q=0.9                         | en",
            "en                                     | en",
            "en-GB                                  | en",
            "EN-us                                  | en",
            "fr                                     | zh",
            "de-DE,de;q=0.9                         | zh",
            "en;q=0.5,zh;q=0.9                      | zh",
            "zh;q=0.5,en;q=0.9                      | en",
            "zh-CN,zh;q=0.9,en;q=0.8                | zh",
            "en-US,en;q=0.9,zh-CN;q=0.8             | en",
            "fr,en;q=0.8                            | en",
            "fr-FR,fr;q=0.9,zh-CN;q=0.8,en;q=0.7    | zh",
            "*                                      | zh",
            "garbage!!                              | zh",
            "en;q=abc                               | zh",
            ";;;                                    | zh",
            "en;q=2                                 | zh",
    })
    void acceptLanguageChoosesChineseUnlessEnglishIsPreferred(String header, String expected) {
        Locale l = Messages.fromAcceptLanguage(header);
        assertThat(l).isEqualTo(expected.equals("en") ? Messages.EN : Messages.ZH);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void noAcceptLanguageMeansChinese(String header) {
        assertThat(Messages.fromAcceptLanguage(header)).isEqualTo(Messages.ZH);
    }

    @Test
    void localesAreSimplifiedChineseAndEnglish() {
        assertThat(Messages.ZH).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(Messages.EN).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void normalizeKeepsEnglishAndMakesEverythingElseChinese() {
        assertThat(Messages.normalize(Locale.US)).isEqualTo(Messages.EN);
        assertThat(Messages.normalize(Locale.UK)).isEqualTo(Messages.EN);
        assertThat(Messages.normalize(Locale.ENGLISH)).isEqualTo(Messages.EN);
        assertThat(Messages.normalize(Locale.TRADITIONAL_CHINESE)).isEqualTo(Messages.ZH);
        assertThat(Messages.normalize(Locale.FRENCH)).isEqualTo(Messages.ZH);
        assertThat(Messages.normalize(null)).isEqualTo(Messages.ZH);
    }

    // ---------------------------------------------------------------- get

    @Test
    void plainMessagesInBothLanguages() {
        assertThat(Messages.get(Messages.ZH, "app.name")).isEqualTo("惠民");
        assertThat(Messages.get(Messages.EN, "app.name")).isEqualTo("Huimin");
        assertThat(Messages.get(Messages.ZH, "validation.required")).isEqualTo("为必填项");
        assertThat(Messages.get(Messages.EN, "validation.required")).isEqualTo("is required");
    }

    @Test
    void anyOtherLocaleGetsChinese() {
        assertThat(Messages.get(Locale.FRENCH, "app.name")).isEqualTo("惠民");
        assertThat(Messages.get(null, "app.name")).isEqualTo("惠民");
        assertThat(Messages.get(Locale.US, "app.name")).isEqualTo("Huimin");
    }

    @Test
    void argumentsAreFilledIn() {
        assertThat(Messages.get(Messages.EN, "tender.pointsSum", 90))
                .isEqualTo("price weight plus factor points must be 100 (now 90)");
        assertThat(Messages.get(Messages.ZH, "tender.pointsSum", 90))
                .isEqualTo("价格权重与各评分因素分值之和须为 100（当前为 90）");
        assertThat(Messages.get(Messages.EN, "tender.priceWeightRange", 10, 30))
                .isEqualTo("must be between 10 and 30 for services with this method");
        assertThat(Messages.get(Messages.ZH, "tender.bidSecurityTooHigh", "5,760.00"))
                .isEqualTo("不得超过采购预算的 2%（5,760.00）");
    }

    @Test
    void doubledApostrophesBecomeOneWhenFormatted() {
        assertThat(Messages.get(Messages.EN, "tender.deliverableNotInCategory", 1))
                .isEqualTo("lot 1: the deliverable is not in the tender's service category");
        assertThat(Messages.get(Messages.EN, "tender.lotsOverBudget", "300,000.00", "288,000.00"))
                .isEqualTo("the lots' ceilings add up to 300,000.00, more than the budget 288,000.00");
    }

    @Test
    void apostropheInAMessageWithoutArgumentsIsKept() {
        assertThat(Messages.get(Messages.EN, "file.NAME_DOES_NOT_MATCH_CONTENT"))
                .startsWith("the file's content does not match its name");
    }

    @Test
    void unknownKeyIsShownAsTheKey() {
        assertThat(Messages.get(Messages.ZH, "no.such.key")).isEqualTo("no.such.key");
        assertThat(Messages.get(Messages.EN, "no.such.key", 1, 2)).isEqualTo("no.such.key");
    }

    @Test
    void argumentStartingWithAtIsResolvedAsAKey() {
        assertThat(Messages.get(Messages.EN, "task.decisionUnknown", "@field.title")).isEqualTo("choose one of: Title");
        assertThat(Messages.get(Messages.ZH, "task.decisionUnknown", "@field.title")).isEqualTo("请选择：项目名称");
    }

    // ---------------------------------------------------------------- violations

    @Test
    void violationIsShownWithItsFieldLabel() {
        Violation v = new Violation("title", "validation.required");
        assertThat(Messages.of(Messages.EN, v)).isEqualTo("Title: is required");
        assertThat(Messages.of(Messages.ZH, v)).isEqualTo("项目名称: 为必填项");
    }

    @Test
    void violationArgumentsAreFilledIn() {
        Violation v = new Violation("servicePeriod", "tender.periodTooLong", 2, 3);
        assertThat(Messages.of(Messages.EN, v)).isEqualTo("Service period: lot 2: a service period may last at most 3 years");
        assertThat(Messages.of(Messages.ZH, v)).isEqualTo("服务期限: 第 2 标段：服务期限最长 3 年");
    }

    @Test
    void violationWithoutFieldIsJustTheMessage() {
        Violation v = new Violation(null, "tender.notFound");
        assertThat(Messages.of(Messages.EN, v)).isEqualTo("Tender not found.");
        assertThat(Messages.of(Messages.ZH, v)).isEqualTo("未找到该采购项目。");
    }

    @Test
    void deadlineViolationWithTheEarliestDateAsArgument() {
        Violation v = new Violation("preferredDeadline", "deadline.BEFORE_LEGAL_MINIMUM", "2026-12-21");
        assertThat(Messages.of(Messages.EN, v))
                .isEqualTo("Preferred bid deadline: is earlier than the legal minimum (earliest possible: 2026-12-21)");
        assertThat(Messages.of(Messages.ZH, v)).isEqualTo("拟定投标截止日期: 早于法定最短期限（最早可选：2026-12-21）");
    }

    /** A year given as a number is shown without a thousands separator. */
    @Test
    void yearArgumentIsShownWithoutThousandsSeparator() {
        assertThat(Messages.get(Messages.EN, "calendar.dayOutsideYear", "2027-01-01", 2027))
                .isEqualTo("the day 2027-01-01 is not in 2027");
        assertThat(Messages.get(Messages.ZH, "calendar.dayOutsideYear", "2027-01-01", 2027))
                .isEqualTo("2027-01-01 不在 2027 年内");
    }
}
