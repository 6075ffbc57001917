package cn.huimin.domain.model.performance;

import static cn.huimin.domain.model.performance.PaymentRules.Problem.ALREADY_PAID;
import static cn.huimin.domain.model.performance.PaymentRules.Problem.COMMENT_MISSING;
import static cn.huimin.domain.model.performance.PaymentRules.Problem.PAID_ABOVE_ORDER;
import static cn.huimin.domain.model.performance.PaymentRules.Problem.PAID_NOT_POSITIVE;
import static cn.huimin.domain.model.performance.PaymentRules.Problem.PAID_TOO_MANY_DECIMALS;
import static cn.huimin.domain.model.performance.PaymentRules.Problem.SCORE_ABOVE_WEIGHT;
import static cn.huimin.domain.model.performance.PaymentRules.Problem.SCORE_MISSING;
import static cn.huimin.domain.model.performance.PaymentRules.Problem.SCORE_NEGATIVE;
import static cn.huimin.domain.model.performance.PaymentRules.Problem.SCORE_TOO_MANY_DECIMALS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PaymentRulesTest {

    static BigDecimal b(String s) {
        return new BigDecimal(s);
    }

    @ParameterizedTest(name = "{0} x {1} = {2}")
    @CsvSource({
            // the last milestone of 100000.01 split 33.33/33.33/33.34
            "33340.01, 1.0, 33340.01",
            "33340.01, 1.0000, 33340.01",
            "33340.01, 0.95, 31673.01",   // 31673.0095
            "33340.01, 0.85, 28339.01",   // 28339.0085
            "33340.01, 0.70, 23338.01",   // 23338.007
            "33340.01, 0.0, 0.00",
            // exactly half a fen rounds up (HALF_EVEN would round these down)
            "10000.30, 0.95, 9500.29",    // 9500.285
            "10000.10, 0.85, 8500.09",    // 8500.085
            "100.15, 0.70, 70.11",        // 70.105
            "100.15, 0.7000, 70.11",
            // an exact amount, and tiny milestones
            "33330.00, 0.95, 31663.50",
            "0.01, 0.95, 0.01",           // 0.0095
            "0.01, 0.70, 0.01",           // 0.007
            "0.01, 0.0, 0.00",
            "0.03, 0.85, 0.03",           // 0.0255
            "0.07, 0.70, 0.05",           // 0.049
            "260000, 1.0, 260000.00",
            "260000, 0.85, 221000.00"})
    void theOrderIsTheMilestoneTimesTheShareToTheFen(String milestone, String share, String expected) {
        assertThat(PaymentRules.orderAmount(b(milestone), b(share))).isEqualTo(b(expected));
    }

    @Test
    void theOrderIsNeverAboveTheMilestoneAndAlwaysHalfUp() {
        Random r = new Random(60_70_85_95L);
        List<BigDecimal> bands = List.of(b("1.0"), b("0.95"), b("0.85"), b("0.70"), b("0.0"));
        for (int i = 0; i < 20_000; i++) {
            BigDecimal milestone = BigDecimal.valueOf(r.nextInt(1_000_000_000), 2);
            BigDecimal share = i % 2 == 0 ? bands.get(r.nextInt(bands.size())) : BigDecimal.valueOf(r.nextInt(10_001), 4);
            BigDecimal order = PaymentRules.orderAmount(milestone, share);
            String why = milestone + " x " + share;
            assertThat(order.scale()).as(why).isEqualTo(2);
            assertThat(order).as(why).isLessThanOrEqualTo(milestone).isGreaterThanOrEqualTo(BigDecimal.ZERO);
            assertThat(order).as(why).isEqualTo(milestone.multiply(share).setScale(2, RoundingMode.HALF_UP));
            if (share.compareTo(BigDecimal.ONE) == 0) {
                assertThat(order).as(why).isEqualByComparingTo(milestone);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0001", "1.01", "2", "-0.01", "-0.0001", "-1"})
    void aShareOutsideZeroToOneIsRefused(String share) {
        assertThatThrownBy(() -> PaymentRules.orderAmount(b("1000.00"), b(share)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SHARE_OUT_OF_RANGE");
    }

    @Test
    void aMissingShareIsRefused() {
        assertThatThrownBy(() -> PaymentRules.orderAmount(b("1000.00"), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SHARE_OUT_OF_RANGE");
    }

    @Test
    void whatWasPaidIsPositiveAndAtMostTheOrder() {
        BigDecimal order = b("9500.29");
        assertThat(PaymentRules.checkPaid(order, b("9500.29"), false)).isNull();
        assertThat(PaymentRules.checkPaid(order, b("9500.290"), false)).isNull();
        assertThat(PaymentRules.checkPaid(order, b("0.01"), false)).isNull();
        assertThat(PaymentRules.checkPaid(order, b("5000"), false)).isNull();
        assertThat(PaymentRules.checkPaid(order, b("9500.30"), false)).isEqualTo(PAID_ABOVE_ORDER);
        assertThat(PaymentRules.checkPaid(order, b("9500.291"), false)).isEqualTo(PAID_TOO_MANY_DECIMALS);
        assertThat(PaymentRules.checkPaid(order, b("100.005"), false)).isEqualTo(PAID_TOO_MANY_DECIMALS);
        assertThat(PaymentRules.checkPaid(order, b("0"), false)).isEqualTo(PAID_NOT_POSITIVE);
        assertThat(PaymentRules.checkPaid(order, b("-0.01"), false)).isEqualTo(PAID_NOT_POSITIVE);
        assertThat(PaymentRules.checkPaid(order, null, false)).isEqualTo(PAID_NOT_POSITIVE);
    }

    @Test
    void anOrderOfNothingCannotBePaid() {
        assertThat(PaymentRules.checkPaid(b("0.00"), b("0.01"), false)).isEqualTo(PAID_ABOVE_ORDER);
    }

    @Test
    void anOrderIsPaidOnlyOnce() {
        assertThat(PaymentRules.checkPaid(b("9500.29"), b("9500.29"), true)).isEqualTo(ALREADY_PAID);
        assertThat(PaymentRules.checkPaid(b("9500.29"), b("1.00"), true)).isEqualTo(ALREADY_PAID);
        assertThat(PaymentRules.checkPaid(b("9500.29"), null, true)).isEqualTo(ALREADY_PAID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.00", "0.01", "12.5", "19.99", "20", "20.00", "20.000", "7.10"})
    void aScoreFromZeroToTheWeightWithTwoDecimalsAndACommentIsFine(String score) {
        assertThat(PaymentRules.checkScore(b(score), 20, "按计划完成放映")).isNull();
    }

    @Test
    void aScoreAboveTheWeightIsRefused() {
        assertThat(PaymentRules.checkScore(b("20.01"), 20, "好")).isEqualTo(SCORE_ABOVE_WEIGHT);
        assertThat(PaymentRules.checkScore(b("21"), 20, "好")).isEqualTo(SCORE_ABOVE_WEIGHT);
        assertThat(PaymentRules.checkScore(b("0.01"), 0, "好")).isEqualTo(SCORE_ABOVE_WEIGHT);
    }

    @Test
    void aNegativeScoreIsRefused() {
        assertThat(PaymentRules.checkScore(b("-0.01"), 20, "差")).isEqualTo(SCORE_NEGATIVE);
        assertThat(PaymentRules.checkScore(b("-5"), 20, "差")).isEqualTo(SCORE_NEGATIVE);
    }

    @Test
    void aScoreHasAtMostTwoDecimals() {
        assertThat(PaymentRules.checkScore(b("12.345"), 20, "好")).isEqualTo(SCORE_TOO_MANY_DECIMALS);
        assertThat(PaymentRules.checkScore(b("0.001"), 20, "好")).isEqualTo(SCORE_TOO_MANY_DECIMALS);
    }

    @Test
    void aMissingScore() {
        assertThat(PaymentRules.checkScore(null, 20, "好")).isEqualTo(SCORE_MISSING);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t\n"})
    void everyScoreNeedsAComment(String comment) {
        assertThat(PaymentRules.checkScore(b("15"), 20, comment)).isEqualTo(COMMENT_MISSING);
        assertThat(PaymentRules.checkScore(b("0"), 20, comment)).isEqualTo(COMMENT_MISSING);
    }

    @Test
    void theTotalIsTheSumOfTheScoresWithTwoDecimals() {
        assertThat(PaymentRules.total(List.of(b("12.5"), b("20"), b("33.33")))).isEqualTo(b("65.83"));
        assertThat(PaymentRules.total(List.of(b("30.00"), b("30.00"), b("40.00")))).isEqualTo(b("100.00"));
        assertThat(PaymentRules.total(List.of(b("0.01"), b("0.02")))).isEqualTo(b("0.03"));
        assertThat(PaymentRules.total(List.of())).isEqualTo(b("0.00"));
    }
}
