package cn.huimin.domain.model.singlesource;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huimin.application.Violation;
import cn.huimin.domain.model.tender.ProcurementMethod;
import cn.huimin.domain.model.tender.TenderStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Objection window, team, minutes, date and prices of a single-source negotiation. */
class SingleSourceRulesTest {
    static final Instant NOTICE_ENDS = Instant.parse("2027-03-19T09:30:00Z"); // 17:30 in Beijing
    static final LocalDate END_DAY = LocalDate.of(2027, 3, 19);
    static final String MINUTES = "双方就服务内容、人员与价格逐项协商，供应商同意按公示方案履约。";

    @Test
    void objectionsAreTakenOnlyOnAPublishedSingleSourceStrictlyBeforeTheNoticeEnds() {
        assertThat(SingleSourceRules.objectionRefusal(TenderStatus.PUBLISHED, ProcurementMethod.SINGLE_SOURCE, NOTICE_ENDS,
                NOTICE_ENDS.minusSeconds(1))).isNull();
        assertThat(SingleSourceRules.objectionRefusal(TenderStatus.PUBLISHED, ProcurementMethod.SINGLE_SOURCE, NOTICE_ENDS,
                NOTICE_ENDS)).isEqualTo("objection.closed");
        assertThat(SingleSourceRules.objectionRefusal(TenderStatus.PUBLISHED, ProcurementMethod.SINGLE_SOURCE, NOTICE_ENDS,
                NOTICE_ENDS.plusSeconds(1))).isEqualTo("objection.closed");
        assertThat(SingleSourceRules.objectionRefusal(TenderStatus.CANCELLED, ProcurementMethod.SINGLE_SOURCE, NOTICE_ENDS,
                NOTICE_ENDS.minusSeconds(60))).isEqualTo("objection.closed");
        assertThat(SingleSourceRules.objectionRefusal(TenderStatus.PUBLISHED, ProcurementMethod.OPEN_TENDER, NOTICE_ENDS,
                NOTICE_ENDS.minusSeconds(60))).isEqualTo("objection.notSingleSource");
        assertThat(SingleSourceRules.objectionRefusal(TenderStatus.PUBLISHED, ProcurementMethod.SINGLE_SOURCE, null,
                NOTICE_ENDS)).isEqualTo("objection.closed");
    }

    @Test
    void objectionTextNeedsTenCharactersAndAtMostFourThousand() {
        assertThat(SingleSourceRules.checkObjection("   太短了   ")).extracting(Violation::getKey).containsExactly("objection.tooShort");
        assertThat(SingleSourceRules.checkObjection(null)).extracting(Violation::getKey).containsExactly("objection.tooShort");
        assertThat(SingleSourceRules.checkObjection("该供应商并非唯一能提供此服务的单位")).isEmpty();
        assertThat(SingleSourceRules.checkObjection("异".repeat(4000))).isEmpty();
        assertThat(SingleSourceRules.checkObjection("异".repeat(4001))).extracting(Violation::getKey).containsExactly("validation.tooLong");
    }

    @Test
    void teamMembersAreSplitOnEveryCommonSeparatorAndCountedOnce() {
        assertThat(SingleSourceRules.teamMembers("张三, 李四，王五、赵六；钱七;孙八\n周九\r\n吴十")).containsExactly(
                "张三", "李四", "王五", "赵六", "钱七", "孙八", "周九", "吴十");
        assertThat(SingleSourceRules.teamMembers("张三、张三、 张三 ")).containsExactly("张三");
        assertThat(SingleSourceRules.teamMembers("Li  Ming, li ming")).containsExactly("Li Ming", "li ming");
        assertThat(SingleSourceRules.teamMembers(" ,，、 ")).isEmpty();
        assertThat(SingleSourceRules.teamMembers(null)).isEmpty();
    }

    @Test
    void aCompleteNegotiationHasNoProblem() {
        assertThat(check("张三、李四、王五", MINUTES, END_DAY, Map.of(1L, "88000.00", 2L, "12000"))).isEmpty();
    }

    @Test
    void twoMembersOrTheSameNameThreeTimesAreNotATeam() {
        assertThat(keys(check("张三、李四", MINUTES, END_DAY, prices()))).containsExactly("team:negotiation.teamTooSmall");
        assertThat(keys(check("张三、张三、张三", MINUTES, END_DAY, prices()))).containsExactly("team:negotiation.teamTooSmall");
        assertThat(keys(check("x".repeat(1001), MINUTES, END_DAY, prices()))).containsExactly("team:validation.tooLong");
    }

    @Test
    void minutesAreNeededAndLimited() {
        assertThat(keys(check("张三、李四、王五", "  同意  ", END_DAY, prices()))).containsExactly("minutes:negotiation.minutesTooShort");
        assertThat(keys(check("张三、李四、王五", "记".repeat(8001), END_DAY, prices()))).containsExactly("minutes:validation.tooLong");
    }

    @Test
    void theNegotiationIsDatedFromTheLastDayOfTheNoticeToToday() {
        LocalDate today = END_DAY.plusDays(3);
        assertThat(SingleSourceRules.checkNegotiation("张三、李四、王五", MINUTES, END_DAY.minusDays(1), END_DAY, today, prices(), ceilings()))
                .extracting(v -> v.getField() + ":" + v.getKey()).containsExactly("negotiatedOn:negotiation.beforeNoticeEnd");
        assertThat(SingleSourceRules.checkNegotiation("张三、李四、王五", MINUTES, today.plusDays(1), END_DAY, today, prices(), ceilings()))
                .extracting(v -> v.getField() + ":" + v.getKey()).containsExactly("negotiatedOn:negotiation.dateInFuture");
        assertThat(SingleSourceRules.checkNegotiation("张三、李四、王五", MINUTES, today, END_DAY, today, prices(), ceilings())).isEmpty();
        assertThat(SingleSourceRules.checkNegotiation("张三、李四、王五", MINUTES, null, END_DAY, today, prices(), ceilings()))
                .extracting(v -> v.getField() + ":" + v.getKey()).containsExactly("negotiatedOn:validation.required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "-1", "0", "100.001", "1,000"})
    void everyLotNeedsAValidPositivePrice(String price) {
        Map<Long, String> p = new LinkedHashMap<>(prices());
        p.put(2L, price);
        assertThat(check("张三、李四、王五", MINUTES, END_DAY, p)).singleElement()
                .satisfies(v -> assertThat(v.getField()).isEqualTo("price.2"))
                .satisfies(v -> assertThat(v.getKey()).startsWith("money."));
    }

    @Test
    void aPriceMayEqualTheCeilingButNotExceedItByAFen() {
        assertThat(check("张三、李四、王五", MINUTES, END_DAY, Map.of(1L, "90000.00", 2L, "20000"))).isEmpty();
        assertThat(keys(check("张三、李四、王五", MINUTES, END_DAY, Map.of(1L, "90000.01", 2L, "20000"))))
                .containsExactly("price.1:bid.aboveCeiling");
    }

    @Test
    void aMissingLotAndAnUnknownLotAreBothReported() {
        assertThat(keys(check("张三、李四、王五", MINUTES, END_DAY, Map.of(1L, "100.00", 9L, "5.00"))))
                .containsExactly("price.2:money.MISSING", "price.9:bid.lotUnknown");
    }

    private static Map<Long, String> prices() {
        return Map.of(1L, "88000.00", 2L, "12000.00");
    }

    private static Map<Long, BigDecimal> ceilings() {
        Map<Long, BigDecimal> c = new LinkedHashMap<>();
        c.put(1L, new BigDecimal("90000.00"));
        c.put(2L, new BigDecimal("20000.00"));
        return c;
    }

    private static List<Violation> check(String team, String minutes, LocalDate on, Map<Long, String> prices) {
        return SingleSourceRules.checkNegotiation(team, minutes, on, END_DAY, END_DAY.plusDays(10), prices, ceilings());
    }

    private static List<String> keys(List<Violation> v) {
        return v.stream().map(x -> x.getField() + ":" + x.getKey()).toList();
    }
}
