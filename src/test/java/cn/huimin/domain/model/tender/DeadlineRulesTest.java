package cn.huimin.domain.model.tender;

import cn.huimin.domain.shared.CalendarDay;
import cn.huimin.domain.shared.WorkingDayCalendar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static cn.huimin.domain.model.tender.DeadlineProblem.BEFORE_LEGAL_MINIMUM;
import static cn.huimin.domain.model.tender.DeadlineProblem.NOT_A_WORKING_DAY;
import static cn.huimin.domain.model.tender.DeadlineProblem.YEAR_WITHOUT_SCHEDULE;
import static cn.huimin.domain.model.tender.ProcurementMethod.COMPETITIVE_CONSULTATION;
import static cn.huimin.domain.model.tender.ProcurementMethod.OPEN_TENDER;
import static cn.huimin.domain.model.tender.ProcurementMethod.SINGLE_SOURCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Expected values are worked out by hand from the 2026 table in DOMAIN.md (2026-01-01 is a Thursday).
 * Instants are written with an explicit offset: "+08:00" is Shanghai time, "Z" is UTC.
 */
class DeadlineRulesTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final WorkingDayCalendar cal = WorkingDayCalendar.official2026();

    /** An instant from an ISO date-time with offset, e.g. 2026-09-11T10:00+08:00 or 2026-09-10T16:30Z. */
    private static Instant at(String isoWithOffset) {
        return OffsetDateTime.parse(isoWithOffset).toInstant();
    }

    /** A Shanghai wall-clock date-time, e.g. 2026-10-08T09:30. */
    private static ZonedDateTime sh(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI);
    }

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void constants() {
        assertThat(DeadlineRules.DEADLINE_TIME).isEqualTo(LocalTime.of(9, 30));
        assertThat(DeadlineRules.SINGLE_SOURCE_NOTICE_END).isEqualTo(LocalTime.of(17, 30));
    }

    // ---- earliest bid deadline ----

    @ParameterizedTest(name = "{0} published {1} -> {2}")
    @CsvSource({
            // open tender: + 20 calendar days, then the next working day, 09:30
            "OPEN_TENDER, 2026-09-11T10:00+08:00, 2026-10-08T09:30", // Oct 1 holiday -> Oct 8
            "OPEN_TENDER, 2026-09-10T23:59:59+08:00, 2026-09-30T09:30",
            "OPEN_TENDER, 2026-09-10T16:30Z, 2026-10-08T09:30",  // already Sep 11 00:30 in Shanghai
            "OPEN_TENDER, 2026-09-10T15:59:59Z, 2026-09-30T09:30", // still Sep 10 23:59:59 in Shanghai
            "OPEN_TENDER, 2026-09-20T09:00+08:00, 2026-10-10T09:30", // lands on make-up Saturday Oct 10
            "OPEN_TENDER, 2026-01-25T10:00+08:00, 2026-02-14T09:30", // lands on make-up Saturday Feb 14
            "OPEN_TENDER, 2026-01-26T10:00+08:00, 2026-02-24T09:30", // Feb 15 -> after Spring Festival
            "OPEN_TENDER, 2026-03-16T10:00+08:00, 2026-04-07T09:30", // Apr 5 -> after Qingming
            "OPEN_TENDER, 2026-04-14T10:00+08:00, 2026-05-06T09:30", // May 4 -> after Labour Day
            "OPEN_TENDER, 2026-05-30T10:00+08:00, 2026-06-22T09:30", // Jun 19 -> after Dragon Boat
            "OPEN_TENDER, 2026-09-01T10:00+08:00, 2026-09-21T09:30", // plain Monday
            "OPEN_TENDER, 2025-12-12T10:00+08:00, 2026-01-04T09:30", // Jan 1 -> make-up Sunday Jan 4
            "OPEN_TENDER, 2026-12-12T10:00+08:00, 2027-01-01T09:30", // 2027 unscheduled: Friday counts
            "OPEN_TENDER, 2026-12-20T10:00+08:00, 2027-01-11T09:30", // Sat Jan 9 -> Mon Jan 11
            // competitive consultation: + 10 calendar days
            "COMPETITIVE_CONSULTATION, 2026-09-15T10:00+08:00, 2026-09-28T09:30", // Sep 25 Mid-Autumn
            "COMPETITIVE_CONSULTATION, 2026-09-10T10:00+08:00, 2026-09-20T09:30", // make-up Sunday
            "COMPETITIVE_CONSULTATION, 2026-02-04T10:00+08:00, 2026-02-14T09:30", // make-up Saturday
            "COMPETITIVE_CONSULTATION, 2026-02-05T10:00+08:00, 2026-02-24T09:30",
            "COMPETITIVE_CONSULTATION, 2026-04-24T10:00+08:00, 2026-05-06T09:30",
            "COMPETITIVE_CONSULTATION, 2026-06-09T10:00+08:00, 2026-06-22T09:30",
            "COMPETITIVE_CONSULTATION, 2026-09-30T15:00Z, 2026-10-10T09:30", // Sep 30 23:00 Shanghai
            "COMPETITIVE_CONSULTATION, 2026-09-30T17:00Z, 2026-10-12T09:30", // Oct 1 01:00 Shanghai
            // single source: 5th working day after publication, 17:30
            "SINGLE_SOURCE, 2026-09-28T10:00+08:00, 2026-10-10T17:30", // 29, 30, Oct 8, 9, Sat 10
            "SINGLE_SOURCE, 2026-09-14T10:00+08:00, 2026-09-20T17:30", // 15-18, make-up Sun 20
            "SINGLE_SOURCE, 2026-02-10T10:00+08:00, 2026-02-24T17:30", // 11, 12, 13, Sat 14, 24
            "SINGLE_SOURCE, 2026-10-03T10:00+08:00, 2026-10-13T17:30", // 8, 9, Sat 10, 12, 13
            "SINGLE_SOURCE, 2026-04-30T10:00+08:00, 2026-05-11T17:30", // 6, 7, 8, Sat 9, 11
            "SINGLE_SOURCE, 2026-12-28T10:00+08:00, 2027-01-04T17:30", // 29, 30, 31, Jan 1 (unscheduled), 4
            "SINGLE_SOURCE, 2026-02-08T15:59:59Z, 2026-02-13T17:30", // Sun Feb 8 in Shanghai
            "SINGLE_SOURCE, 2026-02-08T16:00Z, 2026-02-14T17:30"     // Mon Feb 9 in Shanghai
    })
    void earliest(ProcurementMethod method, String published, String expected) {
        ZonedDateTime deadline = DeadlineRules.earliestBidDeadline(method, at(published), cal);
        assertThat(deadline).isEqualTo(sh(expected));
        assertThat(deadline.getZone()).isEqualTo(SHANGHAI);
    }

    @Test
    void usesTheCalendarItIsGiven() {
        WorkingDayCalendar plain = WorkingDayCalendar.weekendsOnly();
        assertThat(DeadlineRules.earliestBidDeadline(OPEN_TENDER, at("2026-09-11T10:00+08:00"), plain))
                .isEqualTo(sh("2026-10-01T09:30"));
        assertThat(DeadlineRules.earliestBidDeadline(SINGLE_SOURCE, at("2026-09-28T10:00+08:00"), plain))
                .isEqualTo(sh("2026-10-05T17:30"));
    }

    @ParameterizedTest
    @EnumSource(ProcurementMethod.class)
    void everyPublicationDayOf2026KeepsTheStatutoryMinimum(ProcurementMethod method) {
        // A property check over a whole year, on top of the hand-worked examples above.
        for (LocalDate pub = d("2026-01-01"); pub.getYear() == 2026; pub = pub.plusDays(1)) {
            Instant publishedAt = pub.atTime(14, 0).atZone(SHANGHAI).toInstant();
            ZonedDateTime deadline = DeadlineRules.earliestBidDeadline(method, publishedAt, cal);
            LocalDate day = deadline.toLocalDate();
            assertThat(cal.isWorkingDay(day)).as("deadline %s for %s", day, pub).isTrue();
            if (method == SINGLE_SOURCE) {
                assertThat(deadline.toLocalTime()).isEqualTo(LocalTime.of(17, 30));
                int working = 0;
                for (LocalDate x = pub.plusDays(1); !x.isAfter(day); x = x.plusDays(1)) {
                    if (cal.isWorkingDay(x)) {
                        working++;
                    }
                }
                assertThat(working).as("working days in notice from %s", pub).isEqualTo(5);
            } else {
                int minimum = method == OPEN_TENDER ? 20 : 10;
                assertThat(deadline.toLocalTime()).isEqualTo(LocalTime.of(9, 30));
                assertThat(ChronoUnit.DAYS.between(pub, day)).isGreaterThanOrEqualTo(minimum);
                // every day between the minimum and the deadline is a rest day
                for (LocalDate x = pub.plusDays(minimum); x.isBefore(day); x = x.plusDays(1)) {
                    assertThat(cal.isWorkingDay(x)).as("%s skipped for %s", x, pub).isFalse();
                }
            }
        }
    }

    // ---- bid deadline ----

    /** Open tender published 2026-09-11: earliest deadline Oct 8 09:30. */
    private final Instant sep11 = at("2026-09-11T10:00+08:00");

    @ParameterizedTest(name = "preferred {0} -> {1}")
    @CsvSource({
            "2026-10-15, 2026-10-15T09:30", // later working day is used
            "2026-10-08, 2026-10-08T09:30", // equal to the earliest
            "2026-10-05, 2026-10-08T09:30", // earlier: the earliest wins
            "2026-09-20, 2026-10-08T09:30", // much earlier (a make-up day)
            "2026-10-03, 2026-10-08T09:30", // holiday rolls to Oct 8
            "2026-10-10, 2026-10-10T09:30", // make-up Saturday is a working day
            "2026-10-11, 2026-10-12T09:30", // Sunday rolls to Monday
            "2027-01-02, 2027-01-04T09:30"  // Saturday in an unscheduled year
    })
    void bidDeadlineOpenTender(String preferred, String expected) {
        assertThat(DeadlineRules.bidDeadline(OPEN_TENDER, sep11, d(preferred), cal)).isEqualTo(sh(expected));
    }

    @Test
    void withoutPreferenceTheEarliestIsUsed() {
        assertThat(DeadlineRules.bidDeadline(OPEN_TENDER, sep11, null, cal)).isEqualTo(sh("2026-10-08T09:30"));
        assertThat(DeadlineRules.bidDeadline(COMPETITIVE_CONSULTATION, at("2026-09-15T10:00+08:00"), null, cal))
                .isEqualTo(sh("2026-09-28T09:30"));
    }

    @Test
    void consultationAndSingleSource() {
        Instant sep15 = at("2026-09-15T10:00+08:00"); // consultation earliest Sep 28
        assertThat(DeadlineRules.bidDeadline(COMPETITIVE_CONSULTATION, sep15, d("2026-09-21"), cal))
                .isEqualTo(sh("2026-09-28T09:30"));
        assertThat(DeadlineRules.bidDeadline(COMPETITIVE_CONSULTATION, sep15, d("2026-09-26"), cal))
                .isEqualTo(sh("2026-09-28T09:30"));
        assertThat(DeadlineRules.bidDeadline(COMPETITIVE_CONSULTATION, sep15, d("2026-09-30"), cal))
                .isEqualTo(sh("2026-09-30T09:30"));

        Instant sep28 = at("2026-09-28T10:00+08:00"); // single source earliest Oct 10 17:30
        assertThat(DeadlineRules.bidDeadline(SINGLE_SOURCE, sep28, d("2026-10-20"), cal))
                .isEqualTo(sh("2026-10-20T17:30"));
        assertThat(DeadlineRules.bidDeadline(SINGLE_SOURCE, sep28, d("2026-10-09"), cal))
                .isEqualTo(sh("2026-10-10T17:30"));
    }

    @Test
    void lateEveningUtcPublication() {
        // 2026-09-10T16:30Z is Sep 11 00:30 in Shanghai, so the earliest is Oct 8, not Sep 30
        assertThat(DeadlineRules.bidDeadline(OPEN_TENDER, at("2026-09-10T16:30Z"), d("2026-09-30"), cal))
                .isEqualTo(sh("2026-10-08T09:30"));
        assertThat(DeadlineRules.bidDeadline(OPEN_TENDER, at("2026-09-10T15:30Z"), d("2026-09-30"), cal))
                .isEqualTo(sh("2026-09-30T09:30"));
    }

    // ---- check preferred date ----

    @ParameterizedTest(name = "preferred {0} -> {1}")
    @CsvSource(delimiter = ';', value = {
            "2026-10-15; ''",
            "2026-10-08; ''",                                   // exactly the earliest date
            "2026-10-10; ''",                                   // make-up Saturday
            "2026-10-09; ''",
            "2026-09-30; BEFORE_LEGAL_MINIMUM",
            "2026-09-20; BEFORE_LEGAL_MINIMUM",                 // make-up Sunday, but too early
            "2026-10-05; BEFORE_LEGAL_MINIMUM,NOT_A_WORKING_DAY",
            "2026-09-26; BEFORE_LEGAL_MINIMUM,NOT_A_WORKING_DAY",
            "2026-10-11; NOT_A_WORKING_DAY",
            "2026-10-17; NOT_A_WORKING_DAY",
            "2027-01-15; YEAR_WITHOUT_SCHEDULE",
            "2027-01-01; YEAR_WITHOUT_SCHEDULE",                // Friday: working by fallback
            "2027-01-16; NOT_A_WORKING_DAY,YEAR_WITHOUT_SCHEDULE"
    })
    void checkPreferredDateOpenTender(String preferred, String expected) {
        List<DeadlineProblem> problems = new ArrayList<>();
        if (!expected.isEmpty()) {
            for (String p : expected.split(",")) {
                problems.add(DeadlineProblem.valueOf(p));
            }
        }
        assertThat(DeadlineRules.checkPreferredDate(OPEN_TENDER, sep11, d(preferred), cal))
                .containsExactlyInAnyOrderElementsOf(problems);
    }

    @Test
    void allThreeProblemsAtOnce() {
        // published Dec 20 2026: earliest Jan 11 2027; Jan 9 2027 is an unscheduled Saturday
        assertThat(DeadlineRules.checkPreferredDate(OPEN_TENDER, at("2026-12-20T10:00+08:00"),
                d("2027-01-09"), cal))
                .containsExactlyInAnyOrder(BEFORE_LEGAL_MINIMUM, NOT_A_WORKING_DAY, YEAR_WITHOUT_SCHEDULE);
    }

    @Test
    void otherMethodsAndLateEveningPublication() {
        // single source published Sep 28: notice ends Oct 10
        Instant sep28 = at("2026-09-28T10:00+08:00");
        assertThat(DeadlineRules.checkPreferredDate(SINGLE_SOURCE, sep28, d("2026-10-09"), cal))
                .containsExactly(BEFORE_LEGAL_MINIMUM);
        assertThat(DeadlineRules.checkPreferredDate(SINGLE_SOURCE, sep28, d("2026-10-10"), cal)).isEmpty();
        // consultation: Sep 30 23:00 Shanghai -> earliest Oct 10; Oct 1 01:00 Shanghai -> earliest Oct 12
        assertThat(DeadlineRules.checkPreferredDate(COMPETITIVE_CONSULTATION, at("2026-09-30T15:00Z"),
                d("2026-10-10"), cal)).isEmpty();
        assertThat(DeadlineRules.checkPreferredDate(COMPETITIVE_CONSULTATION, at("2026-09-30T17:00Z"),
                d("2026-10-10"), cal)).containsExactly(BEFORE_LEGAL_MINIMUM);
    }

    @Test
    void noPreferenceHasNoProblems() {
        assertThat(DeadlineRules.checkPreferredDate(OPEN_TENDER, sep11, null, cal)).isEmpty();
    }

    // ---- amended deadline ----

    @ParameterizedTest(name = "{0}: deadline {1}, amendment {2} -> {3}")
    @CsvSource({
            // open tender, 15 calendar days
            "OPEN_TENDER, 2026-10-08T09:30, 2026-09-12T10:00+08:00, 2026-10-08T09:30", // early: stays
            "OPEN_TENDER, 2026-10-08T09:30, 2026-09-23T10:00+08:00, 2026-10-08T09:30", // exactly 15: stays
            "OPEN_TENDER, 2026-10-08T09:30, 2026-09-24T10:00+08:00, 2026-10-09T09:30", // 14: moves
            "OPEN_TENDER, 2026-10-08T09:30, 2026-09-25T08:00+08:00, 2026-10-10T09:30", // make-up Saturday
            "OPEN_TENDER, 2026-10-08T09:30, 2026-09-26T08:00+08:00, 2026-10-12T09:30", // Sunday -> Monday
            "OPEN_TENDER, 2026-10-08T09:30, 2026-09-23T15:30Z, 2026-10-08T09:30",      // Sep 23 23:30 Shanghai
            "OPEN_TENDER, 2026-10-08T09:30, 2026-09-23T16:30Z, 2026-10-09T09:30",      // Sep 24 00:30 Shanghai
            "OPEN_TENDER, 2026-10-15T14:00, 2026-10-05T10:00+08:00, 2026-10-20T14:00", // keeps time of day
            "OPEN_TENDER, 2026-02-12T09:30, 2026-01-31T10:00+08:00, 2026-02-24T09:30", // Feb 15 -> Feb 24
            "OPEN_TENDER, 2026-12-28T09:30, 2026-12-17T10:00+08:00, 2027-01-01T09:30", // unscheduled Friday
            "OPEN_TENDER, 2026-12-28T09:30, 2026-12-20T10:00+08:00, 2027-01-04T09:30",
            "OPEN_TENDER, 2026-10-08T09:30, 2026-10-08T10:00+08:00, 2026-10-23T09:30", // after the deadline
            // competitive consultation, 5 calendar days
            "COMPETITIVE_CONSULTATION, 2026-09-28T09:30, 2026-09-15T10:00+08:00, 2026-09-28T09:30",
            "COMPETITIVE_CONSULTATION, 2026-09-28T09:30, 2026-09-21T10:00+08:00, 2026-09-28T09:30",
            "COMPETITIVE_CONSULTATION, 2026-09-28T09:30, 2026-09-23T10:00+08:00, 2026-09-28T09:30", // exactly 5
            "COMPETITIVE_CONSULTATION, 2026-09-28T09:30, 2026-09-24T10:00+08:00, 2026-09-29T09:30",
            "COMPETITIVE_CONSULTATION, 2026-09-28T09:30, 2026-09-26T10:00+08:00, 2026-10-08T09:30", // Oct 1
            "COMPETITIVE_CONSULTATION, 2026-02-13T09:30, 2026-02-09T10:00+08:00, 2026-02-14T09:30", // make-up Sat
            "COMPETITIVE_CONSULTATION, 2026-02-13T09:30, 2026-02-10T10:00+08:00, 2026-02-24T09:30",
            "COMPETITIVE_CONSULTATION, 2026-09-28T09:30, 2026-09-22T16:30Z, 2026-09-28T09:30", // Sep 23 Shanghai
            "COMPETITIVE_CONSULTATION, 2026-09-28T09:30, 2026-09-23T16:30Z, 2026-09-29T09:30", // Sep 24 Shanghai
            // single source, 5 calendar days
            "SINGLE_SOURCE, 2026-10-10T17:30, 2026-10-05T10:00+08:00, 2026-10-10T17:30",
            "SINGLE_SOURCE, 2026-10-10T17:30, 2026-10-08T10:00+08:00, 2026-10-13T17:30"
    })
    void amended(ProcurementMethod method, String current, String amendment, String expected) {
        ZonedDateTime result = DeadlineRules.amendedDeadline(method, sh(current), at(amendment), cal);
        assertThat(result).isEqualTo(sh(expected));
        assertThat(result).isAfterOrEqualTo(sh(current));
    }

    @Test
    void deadlineGivenInAnotherZoneIsReadInShanghai() {
        // 01:30 UTC is 09:30 in Shanghai on the same day
        ZonedDateTime utc = ZonedDateTime.of(2026, 10, 8, 1, 30, 0, 0, ZoneOffset.UTC);
        assertThat(DeadlineRules.amendedDeadline(OPEN_TENDER, utc, at("2026-09-24T10:00+08:00"), cal))
                .isEqualTo(sh("2026-10-09T09:30"));
        assertThat(DeadlineRules.amendedDeadline(OPEN_TENDER, utc, at("2026-09-20T10:00+08:00"), cal))
                .isEqualTo(sh("2026-10-08T09:30"));
        // 20:00 UTC on Oct 7 is already Oct 8 04:00 in Shanghai
        ZonedDateTime evening = ZonedDateTime.of(2026, 10, 7, 20, 0, 0, 0, ZoneOffset.UTC);
        assertThat(DeadlineRules.amendedDeadline(OPEN_TENDER, evening, at("2026-09-23T10:00+08:00"), cal))
                .isEqualTo(sh("2026-10-08T04:00"));
        assertThat(DeadlineRules.amendedDeadline(OPEN_TENDER, evening, at("2026-09-24T10:00+08:00"), cal))
                .isEqualTo(sh("2026-10-09T04:00"));
    }

    // ---- tasks ----

    @ParameterizedTest(name = "{0} + {1} working days -> {2}")
    @CsvSource({
            "2026-09-29, 3, 2026-10-09",  // enquiry answer: Sep 30, Oct 8, Oct 9
            "2026-09-25, 7, 2026-10-12",  // challenge: 28, 29, 30, Oct 8, 9, Sat 10, 12
            "2026-02-12, 2, 2026-02-14",  // evaluation report: 13, Sat 14
            "2026-02-13, 5, 2026-02-27",  // confirm winner: Sat 14, 24, 25, 26, 27
            "2026-12-29, 5, 2027-01-05",  // 30, 31, Jan 1 (unscheduled), 4, 5
            "2026-03-10, 0, 2026-03-10"
    })
    void taskDueDate(String start, int days, String expected) {
        assertThat(DeadlineRules.taskDueDate(d(start), days, cal)).isEqualTo(d(expected));
    }

    @Test
    void negativeTaskLengthIsRejected() {
        assertThatThrownBy(() -> DeadlineRules.taskDueDate(d("2026-03-10"), -2, cal))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void endOfDayIsShanghaiMidnightMinusOneSecond() {
        assertThat(DeadlineRules.endOfDay(d("2026-10-08"))).isEqualTo(Instant.parse("2026-10-08T15:59:59Z"));
        assertThat(DeadlineRules.endOfDay(d("2026-12-31"))).isEqualTo(Instant.parse("2026-12-31T15:59:59Z"));
    }

    @Test
    void dateInChina() {
        assertThat(DeadlineRules.dateInChina(Instant.parse("2026-09-10T16:00:00Z"))).isEqualTo(d("2026-09-11"));
        assertThat(DeadlineRules.dateInChina(Instant.parse("2026-09-10T15:59:59Z"))).isEqualTo(d("2026-09-10"));
    }

    @Test
    void deadlinesUseAFixtureCalendar() {
        // A made-up calendar: Oct 1-2 2026 off, Sat Oct 3 a make-up day.
        WorkingDayCalendar fixture = new WorkingDayCalendar(List.of(
                CalendarDay.holiday(d("2026-10-01"), "Test"),
                CalendarDay.holiday(d("2026-10-02"), "Test"),
                CalendarDay.makeupWorkday(d("2026-10-03"), "Test")), List.of(2026));
        assertThat(DeadlineRules.earliestBidDeadline(OPEN_TENDER, at("2026-09-11T10:00+08:00"), fixture))
                .isEqualTo(sh("2026-10-03T09:30"));
        assertThat(DeadlineRules.checkPreferredDate(OPEN_TENDER, at("2026-09-11T10:00+08:00"), d("2026-10-05"),
                fixture)).isEmpty();
    }
}
