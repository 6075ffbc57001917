package cn.huimin.domain.model.delivery;

import static cn.huimin.domain.model.delivery.DeliveryRules.Problem.QUANTITY_NOT_POSITIVE;
import static cn.huimin.domain.model.delivery.DeliveryRules.Problem.QUANTITY_TOO_LARGE;
import static cn.huimin.domain.model.delivery.DeliveryRules.Problem.QUANTITY_TOO_MANY_DECIMALS;
import static org.assertj.core.api.Assertions.assertThat;

import cn.huimin.domain.shared.WorkingDayCalendar;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DeliveryRulesTest {
    static final LocalDate TERM_START = LocalDate.parse("2027-01-01");
    static final LocalDate TERM_END = LocalDate.parse("2027-12-31");

    static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    static BigDecimal b(String s) {
        return new BigDecimal(s);
    }

    static BigDecimal planned(int q, String per, String from, String to) {
        return DeliveryRules.planned(q, per, d(from), d(to), TERM_START, TERM_END);
    }

    @ParameterizedTest(name = "{0} {1} in {2}..{3} = {4}")
    @CsvSource({
            // per month: the quantity times the span in months
            "4, MONTH, 2027-01-01, 2027-01-31, 4.0",
            "4, MONTH, 2027-01-01, 2027-03-31, 12.0",
            "4, MONTH, 2027-03-01, 2027-03-15, 2.0",
            "4, MONTH, 2027-01-01, 2027-12-31, 48.0",
            "3, MONTH, 2027-03-16, 2027-04-15, 3.0",
            "1, MONTH, 2027-02-01, 2027-02-28, 1.0",
            // per quarter: a third per month
            "3, QUARTER, 2027-01-01, 2027-03-31, 3.0",
            "3, QUARTER, 2027-01-01, 2027-01-31, 1.0",
            "2, QUARTER, 2027-01-01, 2027-01-31, 0.7",
            "1, QUARTER, 2027-04-01, 2027-06-30, 1.0",
            "2, QUARTER, 2027-01-01, 2027-12-31, 8.0",
            // per year: a twelfth per month; 3/12 = 0.25 -> 0.3 (HALF_UP)
            "12, YEAR, 2027-04-01, 2027-06-30, 3.0",
            "5, YEAR, 2027-01-01, 2027-01-31, 0.4",
            "3, YEAR, 2027-01-01, 2027-01-31, 0.3",
            "1, YEAR, 2027-01-01, 2027-12-31, 1.0",
            // the whole term: the share of the term's months
            "3, WHOLE_TERM, 2027-01-01, 2027-01-31, 0.3",
            "12, WHOLE_TERM, 2027-07-01, 2027-12-31, 6.0",
            "7, WHOLE_TERM, 2027-01-01, 2027-12-31, 7.0"})
    void plannedIsTheQuantityScaledByTheSpanInMonths(int q, String per, String from, String to, String expected) {
        assertThat(planned(q, per, from, to)).isEqualTo(b(expected));
    }

    @Test
    void theWholeTermQuantityOfAShortTerm() {
        // term of 6 months: one month is a sixth; 10/6 = 1.67 -> 1.7
        LocalDate s = d("2027-01-01");
        LocalDate e = d("2027-06-30");
        assertThat(DeliveryRules.planned(10, "WHOLE_TERM", d("2027-01-01"), d("2027-01-31"), s, e)).isEqualTo(b("1.7"));
        assertThat(DeliveryRules.planned(10, "WHOLE_TERM", s, e, s, e)).isEqualTo(b("10.0"));
        // a span larger than the term plans no more than the whole quantity
        assertThat(DeliveryRules.planned(10, "WHOLE_TERM", d("2026-01-01"), d("2028-12-31"), s, e)).isEqualTo(b("10.0"));
    }

    @Test
    void aTermStartingMidMonth() {
        LocalDate s = d("2027-03-15");
        LocalDate e = d("2028-03-14");
        assertThat(DeliveryRules.planned(24, "WHOLE_TERM", d("2027-03-15"), d("2027-04-14"), s, e)).isEqualTo(b("2.0"));
        // the calendar month of March holds only 17 days of the term: 17/30 of a month, rounded once
        assertThat(DeliveryRules.planned(30, "MONTH", d("2027-03-01"), d("2027-03-31"), s, e)).isEqualTo(b("17.0"));
        assertThat(DeliveryRules.planned(2, "MONTH", s, e, s, e)).isEqualTo(b("24.0"));
    }

    @Test
    void aSpanPartlyOutsideTheTermIsCutToTheTerm() {
        assertThat(planned(4, "MONTH", "2026-12-01", "2027-01-31")).isEqualTo(b("4.0"));
        assertThat(planned(4, "MONTH", "2027-12-01", "2028-02-29")).isEqualTo(b("4.0"));
        assertThat(planned(4, "MONTH", "2026-01-01", "2028-12-31")).isEqualTo(b("48.0"));
        assertThat(planned(3, "QUARTER", "2026-10-01", "2027-03-31")).isEqualTo(b("3.0"));
        assertThat(planned(12, "YEAR", "2027-10-01", "2028-09-30")).isEqualTo(b("3.0"));
        // only the first day of the term: 1/30 month
        assertThat(planned(30, "MONTH", "2026-12-01", "2027-01-01")).isEqualTo(b("1.0"));
    }

    @ParameterizedTest
    @CsvSource({
            "MONTH, 2026-11-01, 2026-12-31",
            "MONTH, 2026-12-31, 2026-12-31",
            "QUARTER, 2028-01-01, 2028-03-31",
            "YEAR, 2028-01-01, 2028-12-31",
            "WHOLE_TERM, 2025-01-01, 2026-12-31",
            "MONTH, 2027-03-31, 2027-03-01"})
    void aSpanOutsideTheTermOrReversedPlansNothing(String per, String from, String to) {
        assertThat(planned(100, per, from, to)).isEqualTo(b("0.0"));
    }

    @Test
    void thePlanHasOneDecimal() {
        assertThat(planned(4, "MONTH", "2027-01-01", "2027-01-31").scale()).isEqualTo(1);
        assertThat(planned(1, "YEAR", "2027-01-01", "2027-01-01").scale()).isEqualTo(1);
        assertThat(planned(1, "YEAR", "2027-01-01", "2027-01-01")).isEqualTo(b("0.0"));
    }

    @Test
    void moreTimePlansNoLess() {
        for (String per : new String[]{"MONTH", "QUARTER", "YEAR", "WHOLE_TERM"}) {
            BigDecimal prev = BigDecimal.ZERO;
            for (LocalDate to = TERM_START; !to.isAfter(TERM_END.plusDays(40)); to = to.plusDays(1)) {
                BigDecimal p = DeliveryRules.planned(9, per, TERM_START, to, TERM_START, TERM_END);
                assertThat(p).as(per + " to " + to).isGreaterThanOrEqualTo(prev);
                prev = p;
            }
            assertThat(prev).as(per + " over the whole term").isEqualTo(switch (per) {
                case "MONTH" -> b("108.0");
                case "QUARTER" -> b("36.0");
                case "YEAR", "WHOLE_TERM" -> b("9.0");
                default -> throw new IllegalStateException();
            });
        }
    }

    @ParameterizedTest
    @CsvSource({
            "10, 12.0, 83.3",
            "2, 3, 66.7",
            "1, 3, 33.3",
            "1, 16, 6.3",
            "12.5, 12.0, 104.2",
            "12.0, 12.0, 100.0",
            "0, 5.0, 0.0"})
    void ratioIsAPercentageWithOneDecimalHalfUp(String delivered, String planned, String expected) {
        assertThat(DeliveryRules.ratioPercent(b(delivered), b(planned))).isEqualTo(b(expected));
    }

    @Test
    void noRatioWhenNothingWasPlanned() {
        assertThat(DeliveryRules.ratioPercent(b("3"), BigDecimal.ZERO)).isNull();
        assertThat(DeliveryRules.ratioPercent(b("3"), b("0.0"))).isNull();
        assertThat(DeliveryRules.ratioPercent(b("3"), null)).isNull();
    }

    static Instant china(int y, int m, int day, int h, int min, int s) {
        return ZonedDateTime.of(y, m, day, h, min, s, 0, WorkingDayCalendar.ZONE).toInstant();
    }

    @Test
    void ratingsCloseAtTheEndOfTheFourteenthDayInChina() {
        assertThat(DeliveryRules.ratingsClose(d("2027-03-01"))).isEqualTo(china(2027, 3, 15, 23, 59, 59));
        assertThat(DeliveryRules.ratingsClose(d("2027-03-01"))).isEqualTo(Instant.parse("2027-03-15T15:59:59Z"));
        // across the year end and a leap February
        assertThat(DeliveryRules.ratingsClose(d("2027-12-25"))).isEqualTo(china(2028, 1, 8, 23, 59, 59));
        assertThat(DeliveryRules.ratingsClose(d("2028-02-20"))).isEqualTo(china(2028, 3, 5, 23, 59, 59));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.1", "1", "1.5", "1.50", "999.9", "1000", "1000.0"})
    void aQuantityIsPositiveUpToOneThousandWithOneDecimal(String q) {
        assertThat(DeliveryRules.checkQuantity(b(q))).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.0", "-0.1", "-3"})
    void aQuantityMustBePositive(String q) {
        assertThat(DeliveryRules.checkQuantity(b(q))).isEqualTo(QUANTITY_NOT_POSITIVE);
    }

    @Test
    void aMissingQuantityIsNotPositive() {
        assertThat(DeliveryRules.checkQuantity(null)).isEqualTo(QUANTITY_NOT_POSITIVE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1000.1", "1001", "100000"})
    void aQuantityAboveOneThousandIsTooLarge(String q) {
        assertThat(DeliveryRules.checkQuantity(b(q))).isEqualTo(QUANTITY_TOO_LARGE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.25", "0.05", "999.99"})
    void aQuantityHasAtMostOneDecimal(String q) {
        assertThat(DeliveryRules.checkQuantity(b(q))).isEqualTo(QUANTITY_TOO_MANY_DECIMALS);
    }
}
