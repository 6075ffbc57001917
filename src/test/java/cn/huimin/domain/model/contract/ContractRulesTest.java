package cn.huimin.domain.model.contract;

import static cn.huimin.domain.model.contract.ContractRules.Problem.BOND_NEGATIVE;
import static cn.huimin.domain.model.contract.ContractRules.Problem.BOND_TOO_HIGH;
import static cn.huimin.domain.model.contract.ContractRules.Problem.BOND_TOO_MANY_DECIMALS;
import static cn.huimin.domain.model.contract.ContractRules.Problem.LONG_TERM_REASON_MISSING;
import static cn.huimin.domain.model.contract.ContractRules.Problem.NO_MILESTONES;
import static cn.huimin.domain.model.contract.ContractRules.Problem.PERIODS_NOT_CONTIGUOUS;
import static cn.huimin.domain.model.contract.ContractRules.Problem.SHARES_NOT_100;
import static cn.huimin.domain.model.contract.ContractRules.Problem.SHARE_NOT_POSITIVE;
import static cn.huimin.domain.model.contract.ContractRules.Problem.SHARE_TOO_MANY_DECIMALS;
import static cn.huimin.domain.model.contract.ContractRules.Problem.SUPPLEMENT_ABOVE_10_PERCENT;
import static cn.huimin.domain.model.contract.ContractRules.Problem.SUPPLEMENT_NOT_POSITIVE;
import static cn.huimin.domain.model.contract.ContractRules.Problem.SUPPLEMENT_TOO_MANY_DECIMALS;
import static cn.huimin.domain.model.contract.ContractRules.Problem.TERM_MISSING;
import static cn.huimin.domain.model.contract.ContractRules.Problem.TERM_REVERSED;
import static cn.huimin.domain.model.contract.ContractRules.Problem.TERM_TOO_LONG;
import static cn.huimin.domain.model.contract.ContractRules.Problem.TERM_TOO_LONG_FOR_STABLE;
import static cn.huimin.domain.model.contract.ContractRules.Problem.TOO_MANY_MILESTONES;
import static org.assertj.core.api.Assertions.assertThat;

import cn.huimin.domain.model.contract.ContractRules.Frequency;
import cn.huimin.domain.model.contract.ContractRules.Period;
import cn.huimin.domain.shared.CalendarDay;
import cn.huimin.domain.shared.WorkingDayCalendar;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ContractRulesTest {

    static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    static BigDecimal b(String s) {
        return new BigDecimal(s);
    }

    static Instant china(int y, int m, int day, int h, int min, int s) {
        return ZonedDateTime.of(y, m, day, h, min, s, 0, WorkingDayCalendar.ZONE).toInstant();
    }

    static Period p(String start, String end, String share) {
        return new Period(d(start), d(end), share == null ? null : b(share));
    }

    static List<BigDecimal> shares(List<Period> ps) {
        return ps.stream().map(Period::sharePercent).toList();
    }

    static BigDecimal sum(List<BigDecimal> xs) {
        return xs.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void signingIsDueAtTheEndOfTheThirtiethCalendarDayAfterTheNotice() {
        Instant due = ContractRules.signDue(china(2026, 6, 1, 10, 0, 0));
        assertThat(due).isEqualTo(china(2026, 7, 1, 23, 59, 59));
        assertThat(due).isEqualTo(Instant.parse("2026-07-01T15:59:59Z"));
    }

    @Test
    void aNoticeLateAtNightUtcIsAlreadyTheNextDayInChinaForSigning() {
        // 17:30 UTC on 1 June is 01:30 on 2 June in Beijing: 30 days from 2 June, not from 1 June
        Instant notice = Instant.parse("2026-06-01T17:30:00Z");
        assertThat(ContractRules.signDue(notice)).isEqualTo(china(2026, 7, 2, 23, 59, 59));
    }

    @Test
    void theNoticeDayChangesAtMidnightInChinaNotAtMidnightUtc() {
        // 15:59:59 UTC is 23:59:59 in China, the same day; one second later it is the next day
        assertThat(ContractRules.signDue(Instant.parse("2026-06-01T15:59:59Z"))).isEqualTo(china(2026, 7, 1, 23, 59, 59));
        assertThat(ContractRules.signDue(Instant.parse("2026-06-01T16:00:00Z"))).isEqualTo(china(2026, 7, 2, 23, 59, 59));
    }

    @Test
    void signingCountsCalendarDaysAcrossAShortFebruaryAndHolidays() {
        // 31 Jan 2026 + 30 days = 2 Mar (February has 28 days); Spring Festival holidays do not stop the clock
        assertThat(ContractRules.signDue(china(2026, 1, 31, 9, 0, 0))).isEqualTo(china(2026, 3, 2, 23, 59, 59));
        // 1 Sep + 30 = 1 Oct, a holiday: still the due day
        assertThat(ContractRules.signDue(china(2026, 9, 1, 9, 0, 0))).isEqualTo(china(2026, 10, 1, 23, 59, 59));
    }

    /** National Day and Spring Festival 2026 as published, built by hand (a fixture, not the official data). */
    final WorkingDayCalendar cal = fixture();

    static WorkingDayCalendar fixture() {
        List<CalendarDay> days = new ArrayList<>();
        days.add(CalendarDay.makeupWorkday(d("2026-02-14"), "Spring Festival"));
        for (LocalDate x = d("2026-02-15"); !x.isAfter(d("2026-02-23")); x = x.plusDays(1)) {
            days.add(CalendarDay.holiday(x, "Spring Festival"));
        }
        days.add(CalendarDay.makeupWorkday(d("2026-02-28"), "Spring Festival"));
        days.add(CalendarDay.makeupWorkday(d("2026-09-20"), "National Day"));
        for (LocalDate x = d("2026-10-01"); !x.isAfter(d("2026-10-07")); x = x.plusDays(1)) {
            days.add(CalendarDay.holiday(x, "National Day"));
        }
        days.add(CalendarDay.makeupWorkday(d("2026-10-10"), "National Day"));
        return new WorkingDayCalendar(days, List.of(2026));
    }

    @Test
    void twoWorkingDaysOnAPlainWeekSkipTheWeekend() {
        // signed Fri 6 Nov 2026: Mon 9, Tue 10
        assertThat(ContractRules.publishDue(china(2026, 11, 6, 15, 0, 0), cal)).isEqualTo(china(2026, 11, 10, 23, 59, 59));
        // signed Mon 9 Nov: Tue 10, Wed 11
        assertThat(ContractRules.publishDue(china(2026, 11, 9, 15, 0, 0), cal)).isEqualTo(china(2026, 11, 11, 23, 59, 59));
    }

    @Test
    void signedBeforeNationalDaySkipsTheHolidayWeek() {
        // signed Wed 30 Sep: 1-7 Oct off; Thu 8, Fri 9
        assertThat(ContractRules.publishDue(china(2026, 9, 30, 16, 0, 0), cal)).isEqualTo(china(2026, 10, 9, 23, 59, 59));
    }

    @Test
    void theMakeUpSaturdayAfterNationalDayCounts() {
        // signed Fri 9 Oct: Sat 10 (make-up working day), Mon 12
        assertThat(ContractRules.publishDue(china(2026, 10, 9, 10, 0, 0), cal)).isEqualTo(china(2026, 10, 12, 23, 59, 59));
    }

    @Test
    void signedOnAHolidayCountsFromTheNextWorkingDay() {
        // signed Sat 3 Oct (holiday): Thu 8, Fri 9
        assertThat(ContractRules.publishDue(china(2026, 10, 3, 10, 0, 0), cal)).isEqualTo(china(2026, 10, 9, 23, 59, 59));
    }

    @Test
    void springFestivalWithItsMakeUpSaturday() {
        // signed Thu 12 Feb: Fri 13, Sat 14 (make-up)
        assertThat(ContractRules.publishDue(china(2026, 2, 12, 11, 0, 0), cal)).isEqualTo(china(2026, 2, 14, 23, 59, 59));
        // signed Fri 13 Feb: Sat 14 (make-up), then 15-23 off, Tue 24
        assertThat(ContractRules.publishDue(china(2026, 2, 13, 11, 0, 0), cal)).isEqualTo(china(2026, 2, 24, 23, 59, 59));
    }

    @Test
    void theSigningDayIsTakenInChina() {
        // 16:30 UTC on Tue 29 Sep is 00:30 on Wed 30 Sep in Beijing: due Fri 9 Oct, not Thu 8 Oct
        assertThat(ContractRules.publishDue(Instant.parse("2026-09-29T16:30:00Z"), cal)).isEqualTo(china(2026, 10, 9, 23, 59, 59));
        assertThat(ContractRules.publishDue(Instant.parse("2026-09-29T15:30:00Z"), cal)).isEqualTo(china(2026, 10, 8, 23, 59, 59));
    }

    @Test
    void withoutTheHolidaysTheSameSigningIsDueEarlier() {
        // the calendar is really used: plain weekends give Thu 1 Oct + Fri 2 Oct
        assertThat(ContractRules.publishDue(china(2026, 9, 30, 16, 0, 0), WorkingDayCalendar.weekendsOnly()))
                .isEqualTo(china(2026, 10, 2, 23, 59, 59));
    }

    @Test
    void oneYearIsInclusiveOfTheLastDay() {
        assertThat(ContractRules.checkTerm(d("2027-01-01"), d("2027-12-31"), false, null)).isEmpty();
        assertThat(ContractRules.checkTerm(d("2027-01-01"), d("2028-01-01"), false, null)).containsExactly(TERM_TOO_LONG);
        // a year from mid-month
        assertThat(ContractRules.checkTerm(d("2027-03-15"), d("2028-03-14"), false, null)).isEmpty();
        assertThat(ContractRules.checkTerm(d("2027-03-15"), d("2028-03-15"), false, null)).containsExactly(TERM_TOO_LONG);
    }

    @Test
    void aOneDayTermIsFine() {
        assertThat(ContractRules.checkTerm(d("2027-05-01"), d("2027-05-01"), false, "")).isEmpty();
    }

    @Test
    void aStableServiceMayRunThreeYearsWithAReason() {
        assertThat(ContractRules.checkTerm(d("2027-01-01"), d("2029-12-31"), true, "连续性服务，更换承接主体影响群众")).isEmpty();
        assertThat(ContractRules.checkTerm(d("2027-01-01"), d("2030-01-01"), true, "连续性服务"))
                .containsExactly(TERM_TOO_LONG_FOR_STABLE);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t\n"})
    void aStableServiceNeedsAReason(String reason) {
        assertThat(ContractRules.checkTerm(d("2027-01-01"), d("2029-12-31"), true, reason)).containsExactly(LONG_TERM_REASON_MISSING);
        assertThat(ContractRules.checkTerm(d("2027-01-01"), d("2030-06-30"), true, reason))
                .containsExactlyInAnyOrder(TERM_TOO_LONG_FOR_STABLE, LONG_TERM_REASON_MISSING);
    }

    @Test
    void aReasonDoesNotLengthenAServiceThatIsNotStable() {
        assertThat(ContractRules.checkTerm(d("2027-01-01"), d("2028-12-31"), false, "连续性服务")).containsExactly(TERM_TOO_LONG);
    }

    @Test
    void missingOrReversedDates() {
        assertThat(ContractRules.checkTerm(null, d("2027-12-31"), false, null)).containsExactly(TERM_MISSING);
        assertThat(ContractRules.checkTerm(d("2027-01-01"), null, false, null)).containsExactly(TERM_MISSING);
        assertThat(ContractRules.checkTerm(null, null, true, null)).containsExactly(TERM_MISSING);
        assertThat(ContractRules.checkTerm(d("2027-01-02"), d("2027-01-01"), false, null)).containsExactly(TERM_REVERSED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.00", "0.01", "5", "9.99", "10", "10.00", "10.000", "5.100"})
    void aBondFromZeroToTenPercentWithTwoDecimalsIsAccepted(String percent) {
        assertThat(ContractRules.checkBond(b(percent))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.01", "10.001", "11", "100"})
    void aBondAboveTenPercentIsRefused(String percent) {
        assertThat(ContractRules.checkBond(b(percent))).containsExactly(BOND_TOO_HIGH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-0.01", "-5"})
    void aNegativeBondIsRefused(String percent) {
        assertThat(ContractRules.checkBond(b(percent))).containsExactly(BOND_NEGATIVE);
    }

    @Test
    void aMissingBondIsRefused() {
        assertThat(ContractRules.checkBond(null)).containsExactly(BOND_NEGATIVE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"5.125", "0.001", "9.999"})
    void aBondWithThreeDecimalsIsRefused(String percent) {
        assertThat(ContractRules.checkBond(b(percent))).containsExactly(BOND_TOO_MANY_DECIMALS);
    }

    @Test
    void theBondAmountIsRoundedHalfUpToTheFen() {
        assertThat(ContractRules.bondAmount(b("1234567.89"), b("5"))).isEqualTo(b("61728.39")); // 61728.3945
        assertThat(ContractRules.bondAmount(b("100000.10"), b("5"))).isEqualTo(b("5000.01")); // 5000.005
        assertThat(ContractRules.bondAmount(b("260000.00"), b("0"))).isEqualTo(b("0.00"));
    }

    @Test
    void quartersOverAYearAreFourPeriodsOfTwentyFivePercent() {
        List<Period> s = ContractRules.schedule(d("2027-01-01"), d("2027-12-31"), Frequency.QUARTER);
        assertThat(s).containsExactly(
                p("2027-01-01", "2027-03-31", "25.00"),
                p("2027-04-01", "2027-06-30", "25.00"),
                p("2027-07-01", "2027-09-30", "25.00"),
                p("2027-10-01", "2027-12-31", "25.00"));
    }

    @Test
    void threePeriodsGiveTheRemainderToTheLast() {
        List<Period> s = ContractRules.schedule(d("2027-01-01"), d("2027-09-30"), Frequency.QUARTER);
        assertThat(shares(s)).containsExactly(b("33.33"), b("33.33"), b("33.34"));
        assertThat(s.get(2).end()).isEqualTo(d("2027-09-30"));
    }

    @Test
    void monthsFromTheMiddleOfAMonth() {
        List<Period> s = ContractRules.schedule(d("2027-03-15"), d("2028-03-14"), Frequency.MONTH);
        assertThat(s).hasSize(12);
        assertThat(s.get(0)).isEqualTo(p("2027-03-15", "2027-04-14", "8.33"));
        assertThat(s.get(1)).isEqualTo(p("2027-04-15", "2027-05-14", "8.33"));
        // across the (leap) February
        assertThat(s.get(10)).isEqualTo(p("2028-01-15", "2028-02-14", "8.33"));
        assertThat(s.get(11)).isEqualTo(p("2028-02-15", "2028-03-14", "8.37"));
        assertThat(ContractRules.checkMilestones(s, d("2027-03-15"), d("2028-03-14"))).isEmpty();
    }

    @Test
    void aShortLastPeriodIsTheFinalAcceptance() {
        // 1 Jan to 15 Aug: two half years, the second shortened to the end of the term
        List<Period> s = ContractRules.schedule(d("2027-01-01"), d("2027-08-15"), Frequency.HALF_YEAR);
        assertThat(s).containsExactly(p("2027-01-01", "2027-06-30", "50.00"), p("2027-07-01", "2027-08-15", "50.00"));
    }

    @Test
    void theWholeTermIsOnePeriod() {
        assertThat(ContractRules.schedule(d("2027-01-01"), d("2029-12-31"), Frequency.TERM))
                .containsExactly(p("2027-01-01", "2029-12-31", "100.00"));
        assertThat(ContractRules.schedule(d("2027-01-01"), d("2027-12-31"), Frequency.YEAR))
                .containsExactly(p("2027-01-01", "2027-12-31", "100.00"));
    }

    @ParameterizedTest
    @CsvSource({
            "2027-01-01, 2027-12-31, MONTH, 12",
            "2027-01-01, 2029-12-31, MONTH, 36",
            "2027-02-10, 2027-11-20, MONTH, 10",
            "2027-01-01, 2027-01-01, MONTH, 1",
            "2027-01-01, 2029-12-31, QUARTER, 12",
            "2027-04-01, 2028-03-31, HALF_YEAR, 2",
            "2027-01-01, 2029-12-31, YEAR, 3",
            "2027-01-01, 2027-07-06, MONTH, 7",
            "2027-06-01, 2027-06-30, TERM, 1"})
    void sharesAlwaysSumToExactlyOneHundredAndPeriodsTileTheTerm(String start, String end, Frequency f, int n) {
        List<Period> s = ContractRules.schedule(d(start), d(end), f);
        assertThat(s).hasSize(n);
        assertThat(sum(shares(s))).isEqualByComparingTo("100");
        assertThat(shares(s)).allSatisfy(x -> {
            assertThat(x.scale()).isEqualTo(2);
            assertThat(x.signum()).isPositive();
        });
        assertThat(ContractRules.checkMilestones(s, d(start), d(end))).isEmpty();
    }

    @Test
    void sevenMonthlyPeriodsGiveTheLastTheRemainder() {
        List<Period> s = ContractRules.schedule(d("2027-01-01"), d("2027-07-31"), Frequency.MONTH);
        assertThat(shares(s)).containsExactly(b("14.28"), b("14.28"), b("14.28"), b("14.28"), b("14.28"), b("14.28"), b("14.32"));
    }

    /**
     * A year of months from 31 January is 12 periods. Counting each period from the previous one drifted through the
     * shorter months (31 Jan–27 Feb, 28 Feb–27 Mar, … 28 Dec–27 Jan) and added a 13th period of 3 days taking 7.69%.
     */
    @Test
    void aYearOfMonthsFromTheEndOfAMonthIsTwelvePeriods() {
        List<Period> s = ContractRules.schedule(d("2027-01-31"), d("2028-01-30"), Frequency.MONTH);
        assertThat(s).hasSize(12);
        assertThat(s.get(0)).isEqualTo(p("2027-01-31", "2027-02-27", "8.33"));
        assertThat(s.get(1)).isEqualTo(p("2027-02-28", "2027-03-30", "8.33"));
        assertThat(s.get(2)).isEqualTo(p("2027-03-31", "2027-04-29", "8.33"));
        assertThat(s.get(11)).isEqualTo(p("2027-12-31", "2028-01-30", "8.37"));
        assertThat(ContractRules.checkMilestones(s, d("2027-01-31"), d("2028-01-30"))).isEmpty();
        List<Period> q = ContractRules.schedule(d("2027-11-30"), d("2028-11-29"), Frequency.QUARTER);
        assertThat(q).extracting(Period::start).containsExactly(d("2027-11-30"), d("2028-02-29"), d("2028-05-30"), d("2028-08-30"));
        assertThat(q.get(3).end()).isEqualTo(d("2028-11-29"));
    }

    @Test
    void aTermOfOneYearFromAnyDayHasTheExpectedNumberOfPeriods() {
        for (LocalDate start = d("2027-01-01"); start.isBefore(d("2029-01-01")); start = start.plusDays(1)) {
            LocalDate end = start.plusYears(1).minusDays(1);
            assertThat(ContractRules.checkTerm(start, end, false, null)).as(start.toString()).isEmpty();
            for (Frequency f : Frequency.values()) {
                List<Period> s = ContractRules.schedule(start, end, f);
                int expected = f == Frequency.TERM ? 1 : 12 / f.months;
                String why = f + " from " + start;
                assertThat(s).as(why).hasSize(expected);
                assertThat(ContractRules.checkMilestones(s, start, end)).as(why).isEmpty();
                // every period starts a whole number of periods after the start of the term (no drift)
                for (int i = 0; i < s.size(); i++) {
                    assertThat(s.get(i).start()).as(why + " #" + i).isEqualTo(start.plusMonths((long) i * f.months));
                }
            }
        }
    }

    final LocalDate termStart = d("2027-01-01");
    final LocalDate termEnd = d("2027-12-31");

    @Test
    void aTilingPlanWithSharesSummingToOneHundredIsFine() {
        assertThat(ContractRules.checkMilestones(List.of(
                p("2027-01-01", "2027-06-30", "40.00"),
                p("2027-07-01", "2027-12-31", "60")), termStart, termEnd)).isEmpty();
    }

    @Test
    void aGapBetweenPeriods() {
        assertThat(ContractRules.checkMilestones(List.of(
                p("2027-01-01", "2027-06-30", "50"),
                p("2027-07-02", "2027-12-31", "50")), termStart, termEnd)).containsExactly(PERIODS_NOT_CONTIGUOUS);
    }

    @Test
    void overlappingPeriods() {
        assertThat(ContractRules.checkMilestones(List.of(
                p("2027-01-01", "2027-06-30", "50"),
                p("2027-06-30", "2027-12-31", "50")), termStart, termEnd)).containsExactly(PERIODS_NOT_CONTIGUOUS);
    }

    @Test
    void periodsMustStartOnTheFirstDayAndEndOnTheLastDayOfTheTerm() {
        assertThat(ContractRules.checkMilestones(List.of(p("2027-01-02", "2027-12-31", "100")), termStart, termEnd))
                .containsExactly(PERIODS_NOT_CONTIGUOUS);
        assertThat(ContractRules.checkMilestones(List.of(p("2027-01-01", "2027-12-30", "100")), termStart, termEnd))
                .containsExactly(PERIODS_NOT_CONTIGUOUS);
        assertThat(ContractRules.checkMilestones(List.of(p("2027-01-01", "2028-01-01", "100")), termStart, termEnd))
                .containsExactly(PERIODS_NOT_CONTIGUOUS);
    }

    @Test
    void aReversedPeriod() {
        assertThat(ContractRules.checkMilestones(List.of(
                p("2027-01-01", "2027-06-30", "50"),
                p("2027-07-01", "2027-06-30", "25"),
                p("2027-07-01", "2027-12-31", "25")), termStart, termEnd)).contains(PERIODS_NOT_CONTIGUOUS);
    }

    @Test
    void sharesMustSumToExactlyOneHundred() {
        assertThat(ContractRules.checkMilestones(List.of(
                p("2027-01-01", "2027-06-30", "33.33"),
                p("2027-07-01", "2027-09-30", "33.33"),
                p("2027-10-01", "2027-12-31", "33.33")), termStart, termEnd)).containsExactly(SHARES_NOT_100);
        assertThat(ContractRules.checkMilestones(List.of(
                p("2027-01-01", "2027-06-30", "50.01"),
                p("2027-07-01", "2027-12-31", "50")), termStart, termEnd)).containsExactly(SHARES_NOT_100);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.00", "-10"})
    void aShareMustBePositive(String share) {
        assertThat(ContractRules.checkMilestones(List.of(
                p("2027-01-01", "2027-06-30", "100"),
                p("2027-07-01", "2027-12-31", share)), termStart, termEnd)).contains(SHARE_NOT_POSITIVE);
    }

    @Test
    void aMissingShareIsNotPositive() {
        assertThat(ContractRules.checkMilestones(List.of(p("2027-01-01", "2027-12-31", null)), termStart, termEnd))
                .contains(SHARE_NOT_POSITIVE);
    }

    @Test
    void sharesHaveAtMostTwoDecimals() {
        List<ContractRules.Problem> problems = ContractRules.checkMilestones(List.of(
                p("2027-01-01", "2027-04-30", "33.333"),
                p("2027-05-01", "2027-08-31", "33.333"),
                p("2027-09-01", "2027-12-31", "33.334")), termStart, termEnd);
        assertThat(problems).contains(SHARE_TOO_MANY_DECIMALS).doesNotContain(SHARES_NOT_100, PERIODS_NOT_CONTIGUOUS);
        // trailing zeros are not decimals
        assertThat(ContractRules.checkMilestones(List.of(
                p("2027-01-01", "2027-06-30", "50.000"),
                p("2027-07-01", "2027-12-31", "50.0")), termStart, termEnd)).isEmpty();
    }

    @Test
    void anEmptyMilestonePlan() {
        assertThat(ContractRules.checkMilestones(List.of(), termStart, termEnd)).containsExactly(NO_MILESTONES);
        assertThat(ContractRules.checkMilestones(null, termStart, termEnd)).containsExactly(NO_MILESTONES);
    }

    @Test
    void atMostThirtySixMilestones() {
        List<Period> months36 = ContractRules.schedule(d("2027-01-01"), d("2029-12-31"), Frequency.MONTH);
        assertThat(ContractRules.checkMilestones(months36, d("2027-01-01"), d("2029-12-31"))).isEmpty();
        List<Period> months37 = ContractRules.schedule(d("2027-01-01"), d("2030-01-31"), Frequency.MONTH);
        assertThat(months37).hasSize(37);
        assertThat(ContractRules.checkMilestones(months37, d("2027-01-01"), d("2030-01-31"))).containsExactly(TOO_MANY_MILESTONES);
    }

    @Test
    void anAwkwardAmountSplitInThirds() {
        List<BigDecimal> a = ContractRules.milestoneAmounts(b("100000.01"), List.of(b("33.33"), b("33.33"), b("33.34")));
        // 33330.003333 -> 33330.00 twice; the last takes the rest
        assertThat(a).containsExactly(b("33330.00"), b("33330.00"), b("33340.01"));
        assertThat(sum(a)).isEqualTo(b("100000.01"));
    }

    @Test
    void eachAmountIsRoundedHalfUpToTheFen() {
        // 12345.69 / 2 = 6172.845 -> 6172.85 (HALF_EVEN or DOWN would give 6172.84)
        assertThat(ContractRules.milestoneAmounts(b("12345.69"), List.of(b("50.00"), b("50.00"))))
                .containsExactly(b("6172.85"), b("6172.84"));
        // 10000.30 * 12.50% = 1250.0375 -> 1250.04; 10000.30 * 0.05% = 5.00015 -> 5.00
        assertThat(ContractRules.milestoneAmounts(b("10000.30"), List.of(b("12.50"), b("0.05"), b("87.45"))))
                .containsExactly(b("1250.04"), b("5.00"), b("8745.26"));
        // 0.5 fen exactly rounds up: 0.01 * 50% = 0.005 -> 0.01
        assertThat(ContractRules.milestoneAmounts(b("0.01"), List.of(b("50"), b("50")))).containsExactly(b("0.01"), b("0.00"));
    }

    @Test
    void oneMilestoneTakesTheWholeAmount() {
        assertThat(ContractRules.milestoneAmounts(b("260000"), List.of(b("100.00")))).containsExactly(b("260000.00"));
    }

    @Test
    void amountsAlwaysSumToExactlyTheContractAmount() {
        Random r = new Random(20270101L);
        for (int run = 0; run < 20_000; run++) {
            BigDecimal amount = BigDecimal.valueOf(1 + (long) (r.nextDouble() * 999_999_999L), 2); // 0.01 .. 9,999,999.99
            int n = 1 + r.nextInt(ContractRules.MAX_MILESTONES);
            List<BigDecimal> shares = randomShares(r, n);
            assertThat(sum(shares)).isEqualByComparingTo("100");

            List<BigDecimal> a = ContractRules.milestoneAmounts(amount, shares);

            String why = "amount " + amount + " shares " + shares;
            assertThat(a).as(why).hasSize(n);
            assertThat(sum(a)).as(why).isEqualTo(amount);
            assertThat(a).as(why).allSatisfy(x -> assertThat(x.scale()).isEqualTo(2));
            for (int i = 0; i < n - 1; i++) {
                assertThat(a.get(i)).as(why).isEqualTo(amount.multiply(shares.get(i)).divide(b("100"), 2, RoundingMode.HALF_UP));
            }
            if (amount.compareTo(b("100")) >= 0 && shares.stream().allMatch(s -> s.compareTo(BigDecimal.ONE) >= 0)) {
                // no rounding of earlier milestones can eat a last share of at least 1% of 100 yuan
                assertThat(a).as(why).allSatisfy(x -> assertThat(x.signum()).isNotNegative());
            }
        }
    }

    @Test
    void scheduledSharesSplitTheAmountExactly() {
        for (String amount : List.of("100000.01", "99999.99", "0.07", "1234567.89", "333333.33")) {
            for (Frequency f : Frequency.values()) {
                List<Period> s = ContractRules.schedule(d("2027-01-01"), d("2029-12-31"), f);
                assertThat(sum(ContractRules.milestoneAmounts(b(amount), shares(s)))).as(amount + " " + f).isEqualTo(b(amount));
            }
        }
    }

    /** n positive shares with 2 decimals summing to 100, the last at least 0.01. */
    static List<BigDecimal> randomShares(Random r, int n) {
        int total = 10_000; // hundredths of a percent
        List<BigDecimal> out = new ArrayList<>();
        int left = total;
        for (int i = 0; i < n - 1; i++) {
            int maxHere = left - (n - 1 - i); // leave at least 1 for each later share
            int v = r.nextBoolean() ? Math.max(1, total / n + r.nextInt(21) - 10) : 1 + r.nextInt(Math.max(1, maxHere / 2));
            v = Math.min(v, maxHere);
            out.add(BigDecimal.valueOf(v, 2));
            left -= v;
        }
        out.add(BigDecimal.valueOf(left, 2));
        return out;
    }

    final BigDecimal original = b("100000.00");

    @Test
    void exactlyTenPercentIsAllowedAndOneFenMoreIsNot() {
        assertThat(ContractRules.checkSupplement(original, BigDecimal.ZERO, b("10000.00"))).isEmpty();
        assertThat(ContractRules.checkSupplement(original, BigDecimal.ZERO, b("10000.01"))).containsExactly(SUPPLEMENT_ABOVE_10_PERCENT);
    }

    @Test
    void theSupplementLimitIsCumulative() {
        assertThat(ContractRules.checkSupplement(original, b("4000.00"), b("6000.00"))).isEmpty();
        assertThat(ContractRules.checkSupplement(original, b("4000.00"), b("6000.01"))).containsExactly(SUPPLEMENT_ABOVE_10_PERCENT);
        assertThat(ContractRules.checkSupplement(original, b("10000.00"), b("0.01"))).containsExactly(SUPPLEMENT_ABOVE_10_PERCENT);
        assertThat(ContractRules.checkSupplement(original, b("9999.99"), b("0.01"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.00", "-0.01", "-500"})
    void aSupplementMustAddSomething(String add) {
        assertThat(ContractRules.checkSupplement(original, BigDecimal.ZERO, b(add))).containsExactly(SUPPLEMENT_NOT_POSITIVE);
    }

    @Test
    void aMissingSupplementIsNotPositive() {
        assertThat(ContractRules.checkSupplement(original, BigDecimal.ZERO, null)).containsExactly(SUPPLEMENT_NOT_POSITIVE);
    }

    @Test
    void aSupplementHasAtMostTwoDecimals() {
        assertThat(ContractRules.checkSupplement(original, BigDecimal.ZERO, b("100.001"))).containsExactly(SUPPLEMENT_TOO_MANY_DECIMALS);
        assertThat(ContractRules.checkSupplement(original, BigDecimal.ZERO, b("100.100"))).isEmpty();
        assertThat(ContractRules.checkSupplement(original, b("9999.99"), b("0.015")))
                .containsExactlyInAnyOrder(SUPPLEMENT_TOO_MANY_DECIMALS, SUPPLEMENT_ABOVE_10_PERCENT);
    }

    @Test
    void theSupplementLimitIsRoundedDownToTheFen() {
        assertThat(ContractRules.supplementLimit(b("100000.00"))).isEqualTo(b("10000.00"));
        assertThat(ContractRules.supplementLimit(b("100000.09"))).isEqualTo(b("10000.00")); // 10000.009
        assertThat(ContractRules.supplementLimit(b("12345.67"))).isEqualTo(b("1234.56")); // 1234.567
        assertThat(ContractRules.supplementLimit(b("0.09"))).isEqualTo(b("0.00"));
        // HALF_UP would allow 10000.01 here; the law does not
        assertThat(ContractRules.checkSupplement(b("100000.09"), BigDecimal.ZERO, b("10000.01"))).containsExactly(SUPPLEMENT_ABOVE_10_PERCENT);
        assertThat(ContractRules.checkSupplement(b("100000.09"), BigDecimal.ZERO, b("10000.00"))).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "2027-03-01, 2027-05-31, 3.00",
            "2027-03-15, 2027-06-14, 3.00",
            "2027-03-01, 2027-03-15, 0.50",
            "2027-01-01, 2027-12-31, 12.00",
            "2027-02-01, 2027-02-28, 1.00",
            "2028-02-01, 2028-02-29, 1.00",
            "2027-01-01, 2027-02-10, 1.33",
            "2027-03-01, 2027-03-01, 0.03",
            "2027-03-01, 2027-03-02, 0.07",
            "2027-01-01, 2029-12-31, 36.00"})
    void wholeMonthsPlusLeftOverDaysOverThirty(String start, String end, String months) {
        assertThat(ContractRules.months(d(start), d(end))).isEqualTo(b(months));
    }

    @Test
    void aLongerPeriodIsNeverFewerMonths() {
        LocalDate start = d("2027-01-15");
        BigDecimal prev = BigDecimal.ZERO;
        for (LocalDate e = start; e.isBefore(d("2029-01-15")); e = e.plusDays(1)) {
            BigDecimal m = ContractRules.months(start, e);
            assertThat(m).as(e.toString()).isGreaterThanOrEqualTo(prev);
            // never more than a day's worth off the day count / (365.25/12)
            double approx = (ChronoUnit.DAYS.between(start, e) + 1) / (365.25 / 12);
            assertThat(m.doubleValue()).as(e.toString()).isCloseTo(approx, org.assertj.core.data.Offset.offset(0.1));
            prev = m;
        }
    }
}
