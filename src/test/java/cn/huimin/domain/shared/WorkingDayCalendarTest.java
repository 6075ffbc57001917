package cn.huimin.domain.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Expected values are worked out by hand from the 2026 table in DOMAIN.md and a printed calendar
 * (2026-01-01 is a Thursday), never by calling the code under test.
 */
class WorkingDayCalendarTest {

    private final WorkingDayCalendar cal = WorkingDayCalendar.official2026();

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    /** Every rest day of the 2026 table, typed out by hand (33 days). */
    static final String[] HOLIDAYS_2026 = {
            // New Year: Thu Jan 1 - Sat Jan 3
            "2026-01-01", "2026-01-02", "2026-01-03",
            // Spring Festival: Sun Feb 15 - Mon Feb 23
            "2026-02-15", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19",
            "2026-02-20", "2026-02-21", "2026-02-22", "2026-02-23",
            // Qingming: Sat Apr 4 - Mon Apr 6
            "2026-04-04", "2026-04-05", "2026-04-06",
            // Labour Day: Fri May 1 - Tue May 5
            "2026-05-01", "2026-05-02", "2026-05-03", "2026-05-04", "2026-05-05",
            // Dragon Boat: Fri Jun 19 - Sun Jun 21
            "2026-06-19", "2026-06-20", "2026-06-21",
            // Mid-Autumn: Fri Sep 25 - Sun Sep 27
            "2026-09-25", "2026-09-26", "2026-09-27",
            // National Day: Thu Oct 1 - Wed Oct 7
            "2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04", "2026-10-05", "2026-10-06", "2026-10-07"
    };

    /** Every make-up working day of the 2026 table (6 days). */
    static final String[] MAKEUP_2026 = {
            "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"
    };

    @Test
    void zoneIsChinaStandardTime() {
        assertThat(WorkingDayCalendar.ZONE).isEqualTo(ZoneId.of("Asia/Shanghai"));
    }

    // ---- official2026 schedule ----

    @ParameterizedTest(name = "{0} is a holiday")
    @ValueSource(strings = {
            "2026-01-01", "2026-01-02", "2026-01-03",
            "2026-02-15", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19",
            "2026-02-20", "2026-02-21", "2026-02-22", "2026-02-23",
            "2026-04-04", "2026-04-05", "2026-04-06",
            "2026-05-01", "2026-05-02", "2026-05-03", "2026-05-04", "2026-05-05",
            "2026-06-19", "2026-06-20", "2026-06-21",
            "2026-09-25", "2026-09-26", "2026-09-27",
            "2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04", "2026-10-05", "2026-10-06", "2026-10-07"
    })
    void everyHolidayIsARestDay(String iso) {
        assertThat(cal.isWorkingDay(d(iso))).isFalse();
        assertThat(cal.exceptionOn(d(iso))).get()
                .extracting(CalendarDay::getKind).isEqualTo(DayKind.HOLIDAY);
    }

    @ParameterizedTest(name = "{0} is a make-up working day")
    @ValueSource(strings = {"2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"})
    void everyMakeupDayIsAWorkingWeekendDay(String iso) {
        LocalDate day = d(iso);
        assertThat(day.getDayOfWeek()).isIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThat(cal.isWorkingDay(day)).isTrue();
        assertThat(cal.exceptionOn(day)).get()
                .extracting(CalendarDay::getKind).isEqualTo(DayKind.MAKEUP_WORKDAY);
    }

    @Test
    void officialListHoldsExactlyTheTableAndNothingElse() {
        Map<LocalDate, DayKind> expected = new TreeMap<>();
        for (String h : HOLIDAYS_2026) {
            expected.put(d(h), DayKind.HOLIDAY);
        }
        for (String m : MAKEUP_2026) {
            expected.put(d(m), DayKind.MAKEUP_WORKDAY);
        }
        List<CalendarDay> official = OfficialSchedules.year2026();
        assertThat(official).hasSize(39);
        assertThat(official.stream().collect(Collectors.toMap(CalendarDay::getDate, CalendarDay::getKind)))
                .isEqualTo(expected);
        assertThat(official).extracting(CalendarDay::getDate).isSorted().doesNotHaveDuplicates();
        assertThat(official).allSatisfy(day -> assertThat(day.getName()).isNotBlank());
    }

    @Test
    void officialListNamesTheHolidayEachDayBelongsTo() {
        Map<LocalDate, String> names = OfficialSchedules.year2026().stream()
                .collect(Collectors.toMap(CalendarDay::getDate, CalendarDay::getName));
        assertThat(names.get(d("2026-01-01"))).isEqualTo("New Year's Day");
        assertThat(names.get(d("2026-01-04"))).isEqualTo("New Year's Day");
        assertThat(names.get(d("2026-02-14"))).isEqualTo("Spring Festival");
        assertThat(names.get(d("2026-02-21"))).isEqualTo("Spring Festival");
        assertThat(names.get(d("2026-02-28"))).isEqualTo("Spring Festival");
        assertThat(names.get(d("2026-04-05"))).isEqualTo("Qingming Festival");
        assertThat(names.get(d("2026-05-09"))).isEqualTo("Labour Day");
        assertThat(names.get(d("2026-06-20"))).isEqualTo("Dragon Boat Festival");
        assertThat(names.get(d("2026-09-26"))).isEqualTo("Mid-Autumn Festival");
        // Sunday 20 September belongs to National Day, although it comes before Mid-Autumn.
        assertThat(names.get(d("2026-09-20"))).isEqualTo("National Day");
        assertThat(names.get(d("2026-10-04"))).isEqualTo("National Day");
        assertThat(names.get(d("2026-10-10"))).isEqualTo("National Day");
    }

    @Test
    void officialListCannotBeModified() {
        List<CalendarDay> official = OfficialSchedules.year2026();
        assertThatThrownBy(() -> official.add(CalendarDay.holiday(d("2026-12-25"), "x")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest(name = "{0} working = {1}")
    @CsvSource({
            "2026-01-05, true",   // Monday after New Year
            "2026-01-10, false",  // plain Saturday
            "2026-01-11, false",  // plain Sunday
            "2026-02-13, true",   // Friday before the make-up Saturday
            "2026-02-24, true",   // first day back after Spring Festival
            "2026-02-27, true",
            "2026-03-01, false",  // Sunday after make-up Saturday Feb 28
            "2026-04-03, true",
            "2026-04-07, true",
            "2026-05-06, true",
            "2026-05-10, false",  // Sunday after make-up Saturday May 9
            "2026-06-18, true",
            "2026-06-22, true",
            "2026-09-19, false",  // Saturday before make-up Sunday Sep 20
            "2026-09-21, true",
            "2026-09-24, true",
            "2026-09-28, true",
            "2026-09-30, true",
            "2026-10-08, true",
            "2026-10-09, true",
            "2026-10-11, false",  // Sunday after make-up Saturday Oct 10
            "2026-12-31, true"
    })
    void ordinaryDaysFollowTheWeek(String iso, boolean working) {
        assertThat(cal.isWorkingDay(d(iso))).isEqualTo(working);
        assertThat(cal.exceptionOn(d(iso))).isEmpty();
    }

    @Test
    void year2026Has248WorkingDays() {
        // 261 weekdays - 19 holidays on weekdays + 6 make-up days = 248
        int count = 0;
        for (LocalDate day = d("2026-01-01"); day.getYear() == 2026; day = day.plusDays(1)) {
            if (cal.isWorkingDay(day)) {
                count++;
            }
        }
        assertThat(count).isEqualTo(248);
    }

    // ---- years without schedule ----

    @Test
    void onlyTheDeclaredYearHasASchedule() {
        assertThat(cal.hasSchedule(2026)).isTrue();
        assertThat(cal.hasSchedule(2025)).isFalse();
        assertThat(cal.hasSchedule(2027)).isFalse();
        assertThat(cal.getYearsWithSchedule()).containsExactly(2026);
    }

    @ParameterizedTest(name = "{0} working = {1}")
    @CsvSource({
            "2025-12-27, false", // Saturday, 2025 has no schedule
            "2025-12-28, false",
            "2025-12-29, true",
            "2025-12-31, true",
            "2026-01-01, false", // 2026 schedule starts
            "2026-01-04, true",
            "2026-12-31, true",
            "2027-01-01, true",  // Friday; 2027 not entered, so plain weekends only
            "2027-01-02, false",
            "2027-01-03, false",
            "2027-01-04, true",
            "2027-02-06, false", // Saturday
            "2027-02-08, true"
    })
    void newYearBoundary(String iso, boolean working) {
        assertThat(cal.isWorkingDay(d(iso))).isEqualTo(working);
    }

    @Test
    void year2027FallsBackToPlainWeekends() {
        // 2027 starts on a Friday: 52 full weeks + Friday 31 Dec = 261 weekdays
        int count = 0;
        for (LocalDate day = d("2027-01-01"); day.getYear() == 2027; day = day.plusDays(1)) {
            if (cal.isWorkingDay(day)) {
                count++;
            }
        }
        assertThat(count).isEqualTo(261);
    }

    @ParameterizedTest(name = "{0} .. {1} -> {2}")
    @CsvSource(delimiter = ';', value = {
            "2026-01-01; 2026-12-31; ''",
            "2026-03-01; 2026-03-01; ''",
            "2025-12-01; 2026-02-01; 2025",
            "2026-12-01; 2027-02-01; 2027",
            "2025-12-01; 2027-02-01; 2025,2027",
            "2026-06-01; 2029-01-01; 2027,2028,2029",
            "2027-05-05; 2027-05-05; 2027"
    })
    void yearsMissingSchedule(String from, String to, String expected) {
        List<Integer> years = new ArrayList<>();
        if (!expected.isEmpty()) {
            for (String y : expected.split(",")) {
                years.add(Integer.parseInt(y));
            }
        }
        assertThat(cal.yearsMissingSchedule(d(from), d(to))).containsExactlyElementsOf(years);
    }

    @Test
    void yearsMissingScheduleRejectsABackwardRange() {
        assertThatThrownBy(() -> cal.yearsMissingSchedule(d("2026-02-01"), d("2026-01-31")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCalendarWithoutAnyScheduleIsPlainWeekends() {
        WorkingDayCalendar plain = WorkingDayCalendar.weekendsOnly();
        assertThat(plain.isWorkingDay(d("2026-10-01"))).isTrue();  // Thursday
        assertThat(plain.isWorkingDay(d("2026-10-10"))).isFalse(); // Saturday
        assertThat(plain.hasSchedule(2026)).isFalse();
        assertThat(plain.addWorkingDays(d("2026-09-30"), 1)).isEqualTo(d("2026-10-01"));
    }

    // ---- add working days ----

    @ParameterizedTest(name = "{0} + {1} working days = {2}")
    @CsvSource({
            // Spring Festival
            "2026-02-13, 1, 2026-02-14", // make-up Saturday
            "2026-02-13, 2, 2026-02-24", // Feb 15-23 off
            "2026-02-14, 1, 2026-02-24",
            "2026-02-14, 5, 2026-02-28", // 24, 25, 26, 27, make-up Sat 28
            "2026-02-14, 6, 2026-03-02", // Sunday Mar 1 skipped
            "2026-02-12, 3, 2026-02-24", // 13, 14, 24
            "2026-02-15, 1, 2026-02-24", // from inside the holiday
            // National Day and Mid-Autumn
            "2026-09-30, 1, 2026-10-08",
            "2026-09-30, 2, 2026-10-09",
            "2026-09-30, 3, 2026-10-10", // make-up Saturday
            "2026-09-30, 4, 2026-10-12",
            "2026-09-18, 1, 2026-09-20", // Sat 19 off, make-up Sun 20
            "2026-09-18, 2, 2026-09-21",
            "2026-09-24, 1, 2026-09-28", // Sep 25-27 off
            "2026-09-24, 4, 2026-10-08", // 28, 29, 30, Oct 8
            "2026-10-03, 3, 2026-10-10",
            // other holidays
            "2026-04-03, 1, 2026-04-07",
            "2026-04-30, 1, 2026-05-06",
            "2026-04-30, 4, 2026-05-09", // 6, 7, 8, make-up Sat 9
            "2026-04-30, 5, 2026-05-11",
            "2026-06-18, 1, 2026-06-22",
            // plain weeks
            "2026-03-06, 1, 2026-03-09", // Friday -> Monday
            "2026-03-09, 5, 2026-03-16",
            "2026-03-07, 1, 2026-03-09", // from a Saturday
            // year boundaries
            "2025-12-31, 1, 2026-01-04", // Jan 1-3 off, make-up Sun Jan 4
            "2025-12-31, 2, 2026-01-05",
            "2025-12-26, 1, 2025-12-29", // 2025 unscheduled: plain weekend
            "2026-12-31, 1, 2027-01-01", // 2027 unscheduled: Friday counts
            "2026-12-31, 2, 2027-01-04",
            "2026-12-30, 3, 2027-01-04"
    })
    void addWorkingDays(String from, int n, String expected) {
        assertThat(cal.addWorkingDays(d(from), n)).isEqualTo(d(expected));
    }

    @ParameterizedTest(name = "{0} + 0 = itself")
    @ValueSource(strings = {"2026-10-01", "2026-10-10", "2026-03-08", "2026-03-09"})
    void zeroReturnsTheStartEvenOnARestDay(String iso) {
        assertThat(cal.addWorkingDays(d(iso), 0)).isEqualTo(d(iso));
    }

    @Test
    void negativeIsRejected() {
        assertThatThrownBy(() -> cal.addWorkingDays(d("2026-03-09"), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void wholeYear() {
        // 2026 has 248 working days, the last one Thursday Dec 31
        assertThat(cal.addWorkingDays(d("2025-12-31"), 248)).isEqualTo(d("2026-12-31"));
        assertThat(cal.addWorkingDays(d("2025-12-31"), 247)).isEqualTo(d("2026-12-30"));
        assertThat(cal.addWorkingDays(d("2025-12-31"), 249)).isEqualTo(d("2027-01-01"));
        assertThat(cal.addWorkingDays(d("2025-12-31"), 250)).isEqualTo(d("2027-01-04"));
    }

    @Test
    void nullStartIsRejected() {
        assertThatThrownBy(() -> cal.addWorkingDays(null, 1)).isInstanceOf(NullPointerException.class);
    }

    // ---- on or after working day ----

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "2026-10-01, 2026-10-08",
            "2026-10-07, 2026-10-08",
            "2026-10-08, 2026-10-08",
            "2026-10-10, 2026-10-10", // make-up Saturday is itself
            "2026-10-11, 2026-10-12",
            "2026-09-19, 2026-09-20", // Saturday -> make-up Sunday
            "2026-09-25, 2026-09-28",
            "2026-02-14, 2026-02-14",
            "2026-02-15, 2026-02-24",
            "2026-03-01, 2026-03-02",
            "2026-05-02, 2026-05-06",
            "2026-05-09, 2026-05-09",
            "2026-06-20, 2026-06-22",
            "2026-04-04, 2026-04-07",
            "2026-01-01, 2026-01-04",
            "2025-12-27, 2025-12-29",
            "2027-01-01, 2027-01-01", // unscheduled Friday
            "2027-01-02, 2027-01-04"
    })
    void rollsForward(String iso, String expected) {
        assertThat(cal.onOrAfterWorkingDay(d(iso))).isEqualTo(d(expected));
    }

    // ---- construction ----

    @Test
    void fixtureCalendarForAnotherYear() {
        WorkingDayCalendar fixture = new WorkingDayCalendar(List.of(
                CalendarDay.holiday(d("2027-01-01"), "New Year"),
                CalendarDay.holiday(d("2027-01-04"), "Test holiday on a Monday"),
                CalendarDay.makeupWorkday(d("2027-01-09"), "Test make-up Saturday")),
                List.of(2027));
        assertThat(fixture.hasSchedule(2027)).isTrue();
        assertThat(fixture.hasSchedule(2026)).isFalse();
        assertThat(fixture.isWorkingDay(d("2027-01-01"))).isFalse();
        assertThat(fixture.isWorkingDay(d("2027-01-04"))).isFalse();
        assertThat(fixture.isWorkingDay(d("2027-01-09"))).isTrue();
        // 2026 is unscheduled in this fixture: Oct 1 is a plain Thursday
        assertThat(fixture.isWorkingDay(d("2026-10-01"))).isTrue();
        assertThat(fixture.addWorkingDays(d("2026-12-31"), 1)).isEqualTo(d("2027-01-05"));
        assertThat(fixture.addWorkingDays(d("2027-01-07"), 2)).isEqualTo(d("2027-01-09"));
    }

    @Test
    void daysOfAYearNotDeclaredAreStillAppliedButTheYearStaysUnscheduled() {
        WorkingDayCalendar partial = new WorkingDayCalendar(
                List.of(CalendarDay.holiday(d("2027-01-01"), "New Year")), List.of());
        assertThat(partial.isWorkingDay(d("2027-01-01"))).isFalse();
        assertThat(partial.hasSchedule(2027)).isFalse();
        assertThat(partial.yearsMissingSchedule(d("2027-01-01"), d("2027-01-01"))).containsExactly(2027);
    }

    @Test
    void conflictingEntriesForOneDateAreRejected() {
        List<CalendarDay> days = List.of(
                CalendarDay.holiday(d("2026-10-10"), "a"),
                CalendarDay.makeupWorkday(d("2026-10-10"), "b"));
        assertThatThrownBy(() -> new WorkingDayCalendar(days, List.of(2026)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2026-10-10");
    }

    @Test
    void repeatedEntriesOfTheSameKindAreAccepted() {
        WorkingDayCalendar c = new WorkingDayCalendar(List.of(
                CalendarDay.holiday(d("2026-10-01"), "National Day"),
                CalendarDay.holiday(d("2026-10-01"), "National Day")), List.of(2026, 2026));
        assertThat(c.isWorkingDay(d("2026-10-01"))).isFalse();
        assertThat(c.getExceptions()).hasSize(1);
        assertThat(c.getYearsWithSchedule()).containsExactly(2026);
    }

    @Test
    void laterChangesToTheInputDoNotLeakIn() {
        List<CalendarDay> days = new ArrayList<>(List.of(CalendarDay.holiday(d("2026-10-01"), "x")));
        List<Integer> years = new ArrayList<>(List.of(2026));
        WorkingDayCalendar c = new WorkingDayCalendar(days, years);
        days.add(CalendarDay.holiday(d("2026-10-08"), "y"));
        years.add(2027);
        assertThat(c.isWorkingDay(d("2026-10-08"))).isTrue();
        assertThat(c.hasSchedule(2027)).isFalse();
    }

    @Test
    void accessorsAreSortedAndUnmodifiable() {
        List<CalendarDay> exceptions = cal.getExceptions();
        assertThat(exceptions).hasSize(39);
        assertThat(exceptions).extracting(CalendarDay::getDate).isSorted();
        assertThat(exceptions.get(0)).isEqualTo(CalendarDay.holiday(d("2026-01-01"), "New Year's Day"));
        assertThatThrownBy(() -> exceptions.remove(0)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> cal.getYearsWithSchedule().add(2027))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void nullsAreRejected() {
        assertThatThrownBy(() -> new WorkingDayCalendar(null, List.of())).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new WorkingDayCalendar(List.of(), null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> cal.isWorkingDay(null)).isInstanceOf(NullPointerException.class);
    }

    // ---- calendar day value ----

    @Test
    void gettersAndEquality() {
        CalendarDay a = new CalendarDay(d("2026-02-14"), DayKind.MAKEUP_WORKDAY, "Spring Festival");
        CalendarDay b = CalendarDay.makeupWorkday(d("2026-02-14"), "Spring Festival");
        assertThat(a.getDate()).isEqualTo(d("2026-02-14"));
        assertThat(a.getKind()).isEqualTo(DayKind.MAKEUP_WORKDAY);
        assertThat(a.getName()).isEqualTo("Spring Festival");
        assertThat(a.isMakeupWorkday()).isTrue();
        assertThat(a.isHoliday()).isFalse();
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a).isNotEqualTo(CalendarDay.holiday(d("2026-02-14"), "Spring Festival"));
        assertThat(a).isNotEqualTo(CalendarDay.makeupWorkday(d("2026-02-28"), "Spring Festival"));
        assertThat(a).isNotEqualTo(CalendarDay.makeupWorkday(d("2026-02-14"), "春节"));
        assertThat(a).isNotEqualTo(null);
        assertThat(a.toString()).contains("2026-02-14");
    }

    @Test
    void nullNameBecomesEmptyAndRequiredFieldsAreChecked() {
        assertThat(CalendarDay.holiday(d("2026-10-01"), null).getName()).isEmpty();
        assertThatThrownBy(() -> new CalendarDay(null, DayKind.HOLIDAY, "x"))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new CalendarDay(d("2026-10-01"), null, "x"))
                .isInstanceOf(NullPointerException.class);
    }
}
