package cn.huimin.domain.shared;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Official holiday schedules published by the State Council. This is only the initial data:
 * the administrator keeps the calendar and enters later years when they are published.
 */
public final class OfficialSchedules {

    public static final String NEW_YEAR = "New Year's Day";
    public static final String SPRING_FESTIVAL = "Spring Festival";
    public static final String QINGMING = "Qingming Festival";
    public static final String LABOUR_DAY = "Labour Day";
    public static final String DRAGON_BOAT = "Dragon Boat Festival";
    public static final String MID_AUTUMN = "Mid-Autumn Festival";
    public static final String NATIONAL_DAY = "National Day";

    private OfficialSchedules() {
    }

    /**
     * The 2026 schedule (State Council notice of 2025-11-04). Every date of every holiday range is
     * listed as a holiday, including the weekend days inside a range. Make-up working days carry the
     * name of the holiday they belong to.
     *
     * @return an unmodifiable list, sorted by date
     */
    public static List<CalendarDay> year2026() {
        List<CalendarDay> days = new ArrayList<>();
        holidays(days, NEW_YEAR, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 3));
        days.add(CalendarDay.makeupWorkday(LocalDate.of(2026, 1, 4), NEW_YEAR));

        days.add(CalendarDay.makeupWorkday(LocalDate.of(2026, 2, 14), SPRING_FESTIVAL));
        holidays(days, SPRING_FESTIVAL, LocalDate.of(2026, 2, 15), LocalDate.of(2026, 2, 23));
        days.add(CalendarDay.makeupWorkday(LocalDate.of(2026, 2, 28), SPRING_FESTIVAL));

        holidays(days, QINGMING, LocalDate.of(2026, 4, 4), LocalDate.of(2026, 4, 6));

        holidays(days, LABOUR_DAY, LocalDate.of(2026, 5, 1), LocalDate.of(2026, 5, 5));
        days.add(CalendarDay.makeupWorkday(LocalDate.of(2026, 5, 9), LABOUR_DAY));

        holidays(days, DRAGON_BOAT, LocalDate.of(2026, 6, 19), LocalDate.of(2026, 6, 21));

        // Sunday 20 September is a make-up day for National Day, not for Mid-Autumn.
        days.add(CalendarDay.makeupWorkday(LocalDate.of(2026, 9, 20), NATIONAL_DAY));
        holidays(days, MID_AUTUMN, LocalDate.of(2026, 9, 25), LocalDate.of(2026, 9, 27));

        holidays(days, NATIONAL_DAY, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 7));
        days.add(CalendarDay.makeupWorkday(LocalDate.of(2026, 10, 10), NATIONAL_DAY));
        return List.copyOf(days);
    }

    private static void holidays(List<CalendarDay> days, String name, LocalDate first, LocalDate last) {
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            days.add(CalendarDay.holiday(d, name));
        }
    }
}
