package cn.huimin.domain.model.performance;

import static cn.huimin.domain.model.performance.CreditRules.EVALUATION;
import static cn.huimin.domain.model.performance.CreditRules.RECHECK_FAILED;
import static cn.huimin.domain.model.performance.CreditRules.RECTIFICATION;
import static cn.huimin.domain.model.performance.CreditRules.RECTIFIED;
import static cn.huimin.domain.model.performance.CreditRules.TERMINATION;
import static org.assertj.core.api.Assertions.assertThat;

import cn.huimin.domain.model.performance.CreditRules.Summary;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CreditRulesTest {
    static final Instant NOW = Instant.parse("2027-06-01T04:00:00Z");
    static final Instant LAST_MONTH = Instant.parse("2027-05-01T04:00:00Z");
    static final Instant TWO_YEARS_ELEVEN_MONTHS_AGO = Instant.parse("2024-07-01T04:00:00Z");
    static final Instant FOUR_YEARS_AGO = Instant.parse("2023-06-01T04:00:00Z");

    static CreditEntry entry(String kind, String score, Instant at) {
        CreditEntry e = new CreditEntry();
        e.setVendorId(7L);
        e.setContractId(3L);
        e.setKind(kind);
        e.setScore(score == null ? null : new BigDecimal(score));
        e.setNote("note");
        e.setRecordedAt(at);
        e.setRecordedBy("officer");
        return e;
    }

    static CreditEntry eval(String score) {
        return entry(EVALUATION, score, LAST_MONTH);
    }

    static CreditEntry eval(String score, Instant at) {
        return entry(EVALUATION, score, at);
    }

    static Summary summarize(CreditEntry... entries) {
        return CreditRules.summarize(List.of(entries), NOW);
    }

    static Instant yearsAgo(int years) {
        return NOW.atOffset(ZoneOffset.UTC).minusYears(years).toInstant();
    }

    @Test
    void noEntriesIsNew() {
        Summary s = CreditRules.summarize(List.of(), NOW);
        assertThat(s.grade()).isEqualTo("NEW");
        assertThat(s.evaluations()).isZero();
        assertThat(s.averageScore()).isNull();
        assertThat(s.lastScore()).isNull();
        assertThat(s.rectifications()).isZero();
        assertThat(s.failedRechecks()).isZero();
        assertThat(s.terminations()).isZero();
        assertThat(s.isEmpty()).isTrue();
    }

    @Test
    void withoutAnEvaluationARectificationLeavesTheVendorNew() {
        Summary s = summarize(entry(RECTIFICATION, null, LAST_MONTH), entry(RECHECK_FAILED, null, LAST_MONTH));
        assertThat(s.grade()).isEqualTo("NEW");
        assertThat(s.rectifications()).isEqualTo(1);
        assertThat(s.failedRechecks()).isEqualTo(1);
        assertThat(s.isEmpty()).isFalse();
    }

    @Test
    void aRecentTerminationIsDEvenWithoutAnEvaluation() {
        Summary s = summarize(entry(TERMINATION, null, LAST_MONTH));
        assertThat(s.grade()).isEqualTo("D");
        assertThat(s.terminations()).isEqualTo(1);
        assertThat(s.isEmpty()).isFalse();
    }

    /**
     * The javadoc: "NEW without any evaluation". A vendor whose only record is a termination four years ago has never
     * been evaluated; it once got the best grade A (the termination too old for D, and no average to lower it).
     */
    @Test
    void anOldTerminationWithoutAnyEvaluationIsNotGradeA() {
        Summary s = summarize(entry(TERMINATION, null, FOUR_YEARS_AGO));
        assertThat(s.grade()).isEqualTo("NEW");
    }

    @ParameterizedTest(name = "average {0} -> {1}")
    @CsvSource({
            "100, A",
            "90.00, A",
            "89.99, B",
            "80.00, B",
            "79.99, C",
            "60.00, C",
            "59.99, D",
            "0, D"})
    void theGradeFollowsTheAverageScore(String score, String grade) {
        Summary s = summarize(eval(score));
        assertThat(s.grade()).isEqualTo(grade);
        assertThat(s.averageScore()).isEqualByComparingTo(score);
        assertThat(s.evaluations()).isEqualTo(1);
        assertThat(s.isEmpty()).isFalse();
    }

    @Test
    void theAverageHasTwoDecimalsHalfUp() {
        assertThat(summarize(eval("95"), eval("91")).averageScore()).isEqualTo(new BigDecimal("93.00"));
        assertThat(summarize(eval("90"), eval("90"), eval("91")).averageScore()).isEqualTo(new BigDecimal("90.33"));
        assertThat(summarize(eval("85.00"), eval("85.01")).averageScore()).isEqualTo(new BigDecimal("85.01")); // 85.005
        assertThat(summarize(eval("70"), eval("70"), eval("72")).averageScore()).isEqualTo(new BigDecimal("70.67"));
        assertThat(summarize(eval("100"), eval("99.99"), eval("99.99")).averageScore()).isEqualTo(new BigDecimal("99.99"));
    }

    @Test
    void theAverageCountsEveryEvaluationWhateverItsAge() {
        Summary s = summarize(eval("50", FOUR_YEARS_AGO), eval("100"), eval("96"));
        assertThat(s.evaluations()).isEqualTo(3);
        assertThat(s.averageScore()).isEqualTo(new BigDecimal("82.00"));
        assertThat(s.grade()).isEqualTo("B");
    }

    @Test
    void theLastScoreIsTheLastEvaluationRecorded() {
        Summary s = summarize(eval("70"), entry(RECTIFICATION, null, LAST_MONTH), eval("88.50"), entry(RECTIFIED, null, NOW));
        assertThat(s.lastScore()).isEqualByComparingTo("88.50");
        assertThat(s.averageScore()).isEqualTo(new BigDecimal("79.25"));
        assertThat(s.grade()).isEqualTo("C");
    }

    @Test
    void aRecentRectificationMakesAnAVendorB() {
        assertThat(summarize(eval("95"), entry(RECTIFICATION, null, LAST_MONTH)).grade()).isEqualTo("B");
        assertThat(summarize(eval("95"), entry(RECTIFICATION, null, TWO_YEARS_ELEVEN_MONTHS_AGO)).grade()).isEqualTo("B");
        // a rectification does not lower a C or a D
        assertThat(summarize(eval("75"), entry(RECTIFICATION, null, LAST_MONTH)).grade()).isEqualTo("C");
        assertThat(summarize(eval("55"), entry(RECTIFICATION, null, LAST_MONTH)).grade()).isEqualTo("D");
    }

    @Test
    void aRectificationOlderThanThreeYearsNoLongerCounts() {
        Summary s = summarize(eval("95"), entry(RECTIFICATION, null, FOUR_YEARS_AGO));
        assertThat(s.grade()).isEqualTo("A");
        assertThat(s.rectifications()).isEqualTo(1);
    }

    @Test
    void aRecentFailedRecheckMakesTheVendorC() {
        assertThat(summarize(eval("95"), entry(RECTIFICATION, null, LAST_MONTH), entry(RECHECK_FAILED, null, LAST_MONTH)).grade())
                .isEqualTo("C");
        assertThat(summarize(eval("85"), entry(RECHECK_FAILED, null, TWO_YEARS_ELEVEN_MONTHS_AGO)).grade()).isEqualTo("C");
        assertThat(summarize(eval("55"), entry(RECHECK_FAILED, null, LAST_MONTH)).grade()).isEqualTo("D");
    }

    @Test
    void aFailedRecheckOlderThanThreeYearsNoLongerCounts() {
        Summary s = summarize(eval("95"), entry(RECHECK_FAILED, null, FOUR_YEARS_AGO));
        assertThat(s.grade()).isEqualTo("A");
        assertThat(s.failedRechecks()).isEqualTo(1);
        // the old rectification that went with it is too old as well
        assertThat(summarize(eval("95"), entry(RECTIFICATION, null, FOUR_YEARS_AGO), entry(RECHECK_FAILED, null, FOUR_YEARS_AGO)).grade())
                .isEqualTo("A");
    }

    @Test
    void aRecentTerminationMakesTheVendorD() {
        assertThat(summarize(eval("99"), entry(TERMINATION, null, LAST_MONTH)).grade()).isEqualTo("D");
        assertThat(summarize(eval("99"), entry(TERMINATION, null, TWO_YEARS_ELEVEN_MONTHS_AGO)).grade()).isEqualTo("D");
    }

    @Test
    void aTerminationFourYearsAgoNoLongerForcesD() {
        Summary s = summarize(eval("99"), entry(TERMINATION, null, FOUR_YEARS_AGO));
        assertThat(s.grade()).isEqualTo("A");
        assertThat(s.terminations()).isEqualTo(1);
        assertThat(summarize(eval("85"), entry(TERMINATION, null, FOUR_YEARS_AGO)).grade()).isEqualTo("B");
        assertThat(summarize(eval("75"), entry(TERMINATION, null, FOUR_YEARS_AGO)).grade()).isEqualTo("C");
    }

    @Test
    void theThreeYearWindowEndsThreeYearsBackFromNow() {
        // exactly three calendar years ago still counts; a few days more does not
        assertThat(summarize(eval("99"), entry(TERMINATION, null, yearsAgo(3))).grade()).isEqualTo("D");
        assertThat(summarize(eval("99"), entry(TERMINATION, null, yearsAgo(3).minusSeconds(3 * 86_400))).grade()).isEqualTo("A");
        // the same entry seen a year earlier is still recent
        List<CreditEntry> entries = List.of(eval("99"), entry(TERMINATION, null, FOUR_YEARS_AGO));
        assertThat(CreditRules.summarize(entries, yearsAgo(1)).grade()).isEqualTo("D");
        assertThat(CreditRules.summarize(entries, NOW).grade()).isEqualTo("A");
    }

    @Test
    void theWorstReasonWins() {
        Summary s = summarize(eval("95"), entry(RECTIFICATION, null, LAST_MONTH), entry(RECHECK_FAILED, null, LAST_MONTH),
                entry(TERMINATION, null, LAST_MONTH));
        assertThat(s.grade()).isEqualTo("D");
        assertThat(s.rectifications()).isEqualTo(1);
        assertThat(s.failedRechecks()).isEqualTo(1);
        assertThat(s.terminations()).isEqualTo(1);
    }

    @Test
    void entriesOfEveryAgeAreCounted() {
        List<CreditEntry> entries = new ArrayList<>();
        for (Instant at : List.of(FOUR_YEARS_AGO, TWO_YEARS_ELEVEN_MONTHS_AGO, LAST_MONTH)) {
            entries.add(entry(RECTIFICATION, null, at));
            entries.add(entry(RECTIFIED, null, at));
            entries.add(eval("92", at));
        }
        entries.add(entry(RECHECK_FAILED, null, FOUR_YEARS_AGO));
        entries.add(entry("SOMETHING_ELSE", null, LAST_MONTH));
        Summary s = CreditRules.summarize(entries, NOW);
        assertThat(s.evaluations()).isEqualTo(3);
        assertThat(s.rectifications()).isEqualTo(3);
        assertThat(s.failedRechecks()).isEqualTo(1);
        assertThat(s.terminations()).isZero();
        assertThat(s.grade()).isEqualTo("B");
    }

    @Test
    void onlyRectifiedEntriesLeaveTheRecordEmpty() {
        Summary s = summarize(entry(RECTIFIED, null, LAST_MONTH));
        assertThat(s.isEmpty()).isTrue();
        assertThat(s.grade()).isEqualTo("NEW");
    }
}
