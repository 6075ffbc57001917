package cn.huimin.domain.model.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScoringTest {
    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void priceScoreIsLowestOverPriceTimesWeightRoundedHalfUp() {
        assertThat(Scoring.priceScore(d("100000"), d("100000"), 30)).isEqualByComparingTo("30.00");
        // 90000 / 120000 * 30 = 22.5
        assertThat(Scoring.priceScore(d("90000"), d("120000"), 30)).isEqualByComparingTo("22.50");
        // 100 / 300 * 10 = 3.3333.. -> 3.33
        assertThat(Scoring.priceScore(d("100"), d("300"), 10)).isEqualByComparingTo("3.33");
        // 1 / 8 * 10 = 1.25 exactly; 1/ 16 * 10 = 0.625 -> 0.63 (half up, not half even)
        assertThat(Scoring.priceScore(d("1"), d("16"), 10)).isEqualByComparingTo("0.63");
        assertThat(Scoring.priceScore(d("2"), d("3"), 10)).isEqualByComparingTo("6.67");
        assertThat(Scoring.priceScore(d("1"), d("16"), 10).scale()).isEqualTo(2);
    }

    @Test
    void priceScoreRefusesAZeroPrice() {
        assertThatThrownBy(() -> Scoring.priceScore(d("1"), BigDecimal.ZERO, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void technicalScoreIsTheAverageOfMemberTotals() {
        assertThat(Scoring.technicalScore(List.of(d("60"), d("61"), d("61")))).isEqualByComparingTo("60.67");
        assertThat(Scoring.technicalScore(List.of(d("60.5"), d("60"), d("60"), d("60"), d("60")))).isEqualByComparingTo("60.10");
        // 0.005 goes up
        assertThat(Scoring.technicalScore(List.of(d("0.01"), d("0")))).isEqualByComparingTo("0.01");
        assertThat(Scoring.technicalScore(List.of(d("70.125")))).isEqualByComparingTo("70.13");
    }

    @Test
    void abnormallyLowMeansUnderHalfTheAverageOfTheOthers() {
        List<BigDecimal> others = List.of(d("100000"), d("120000"), d("110000")); // average 110000, half 55000
        assertThat(Scoring.abnormallyLow(d("54999.99"), others)).isTrue();
        assertThat(Scoring.abnormallyLow(d("55000"), others)).isFalse();
        assertThat(Scoring.abnormallyLow(d("1"), List.of())).isFalse();
        // an average with an infinite decimal expansion: 100/3 -> half is 16.666..
        assertThat(Scoring.abnormallyLow(d("16.66"), List.of(d("33"), d("33"), d("34")))).isTrue();
        assertThat(Scoring.abnormallyLow(d("16.67"), List.of(d("33"), d("33"), d("34")))).isFalse();
    }

    @Test
    void qualificationFailsOnlyOnAMajority() {
        assertThat(Scoring.qualified(5, 2)).isTrue();
        assertThat(Scoring.qualified(5, 3)).isFalse();
        assertThat(Scoring.qualified(7, 3)).isTrue();
        assertThat(Scoring.qualified(7, 4)).isFalse();
    }

    @Test
    void rankingByTotalThenLowerPriceThenHigherTechnicalScore() {
        Scoring.Line a = new Scoring.Line(1L, d("100"), d("60.00"), d("30.00")); // 90.00
        Scoring.Line b = new Scoring.Line(2L, d("90"), d("58.00"), d("32.00"));  // 90.00, lower price
        Scoring.Line c = new Scoring.Line(3L, d("90"), d("59.00"), d("31.00"));  // 90.00, same price as b, higher technical
        Scoring.Line e = new Scoring.Line(4L, d("80"), d("70.00"), d("20.01"));  // 90.01: first
        Scoring.Line f = new Scoring.Line(5L, d("100"), d("60.00"), d("30.00")); // equal to a in everything
        List<Scoring.Ranked> r = Scoring.rank(List.of(a, b, c, e, f));
        assertThat(r).extracting(x -> x.line().bidId()).containsExactly(4L, 3L, 2L, 1L, 5L);
        assertThat(r).extracting(Scoring.Ranked::rank).containsExactly(1, 2, 3, 4, 4);
    }

    @Test
    void commentNeededBelowHalfTheFactorPoints() {
        assertThat(Scoring.commentRequired(d("9.99"), 20)).isTrue();
        assertThat(Scoring.commentRequired(d("10"), 20)).isFalse();
        assertThat(Scoring.commentRequired(d("7.49"), 15)).isTrue();
        assertThat(Scoring.commentRequired(d("7.5"), 15)).isFalse();
    }

    @Test
    void pointsMustFitTheFactor() {
        assertThat(Scoring.pointsProblem(d("20"), 20)).isNull();
        assertThat(Scoring.pointsProblem(d("0"), 20)).isNull();
        assertThat(Scoring.pointsProblem(d("20.01"), 20)).isEqualTo("evaluation.score.range");
        assertThat(Scoring.pointsProblem(d("-1"), 20)).isEqualTo("evaluation.score.range");
        assertThat(Scoring.pointsProblem(d("1.255"), 20)).isEqualTo("evaluation.score.decimals");
        assertThat(Scoring.pointsProblem(d("1.250"), 20)).isNull();
        assertThat(Scoring.pointsProblem(null, 20)).isEqualTo("validation.required");
    }
}
