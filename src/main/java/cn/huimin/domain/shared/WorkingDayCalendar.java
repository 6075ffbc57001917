package cn.huimin.domain.shared;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The official Chinese working-day calendar: Monday to Friday are working days, Saturday and Sunday
 * are not, except for the listed holidays (rest days) and make-up working days (weekend days that are
 * working days). Immutable and safe to share between threads.
 *
 * <p>A year that is not in {@code yearsWithSchedule} has no official schedule yet; it falls back to
 * plain weekends, and {@link #hasSchedule(int)} is false so that the application can warn the
 * administrator. If some days of such a year were entered anyway, they are still applied: partial
 * data is closer to the truth than none.
 */
public final class WorkingDayCalendar {

    /** All dates and deadlines are reckoned in China Standard Time. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final Map<LocalDate, CalendarDay> exceptions;
    private final SortedSet<Integer> yearsWithSchedule;

    /**
     * @param exceptions holidays and make-up working days; the same day listed twice is accepted only if
     *                   both entries have the same kind
     * @param yearsWithSchedule years whose official schedule is complete in {@code exceptions}
     * @throws IllegalArgumentException if one date is listed both as a holiday and as a make-up working day
     */
    public WorkingDayCalendar(Collection<CalendarDay> exceptions, Collection<Integer> yearsWithSchedule) {
        Objects.requireNonNull(exceptions, "exceptions");
        Objects.requireNonNull(yearsWithSchedule, "yearsWithSchedule");
        TreeMap<LocalDate, CalendarDay> byDate = new TreeMap<>();
        for (CalendarDay day : exceptions) {
            Objects.requireNonNull(day, "exception day");
            CalendarDay earlier = byDate.putIfAbsent(day.getDate(), day);
            if (earlier != null && earlier.getKind() != day.getKind()) {
                throw new IllegalArgumentException("Date " + day.getDate()
                        + " is listed both as " + earlier.getKind() + " and as " + day.getKind());
            }
        }
        TreeSet<Integer> years = new TreeSet<>();
        for (Integer year : yearsWithSchedule) {
            years.add(Objects.requireNonNull(year, "year"));
        }
        this.exceptions = Collections.unmodifiableMap(byDate);
        this.yearsWithSchedule = Collections.unmodifiableSortedSet(years);
    }

    /** The calendar with the official 2026 schedule and no other year. */
    public static WorkingDayCalendar official2026() {
        return new WorkingDayCalendar(OfficialSchedules.year2026(), List.of(2026));
    }

    /** A calendar with no schedule at all: plain weekends in every year. */
    public static WorkingDayCalendar weekendsOnly() {
        return new WorkingDayCalendar(List.of(), List.of());
    }

    /**
     * A make-up working day is a working day; a holiday is not; any other day is a working day
     * from Monday to Friday.
     */
    public boolean isWorkingDay(LocalDate d) {
        Objects.requireNonNull(d, "date");
        CalendarDay exception = exceptions.get(d);
        if (exception != null) {
            return exception.getKind() == DayKind.MAKEUP_WORKDAY;
        }
        DayOfWeek dow = d.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }

    /** True if the official schedule of that year has been entered. */
    public boolean hasSchedule(int year) {
        return yearsWithSchedule.contains(year);
    }

    /**
     * The n-th working day strictly after {@code from}. For n = 0 returns {@code from} itself,
     * whether or not it is a working day.
     *
     * @throws IllegalArgumentException if n is negative
     */
    public LocalDate addWorkingDays(LocalDate from, int n) {
        Objects.requireNonNull(from, "from");
        if (n < 0) {
            throw new IllegalArgumentException("Number of working days must not be negative: " + n);
        }
        LocalDate d = from;
        int left = n;
        while (left > 0) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }

    /** {@code d} if it is a working day, otherwise the first working day after it. */
    public LocalDate onOrAfterWorkingDay(LocalDate d) {
        Objects.requireNonNull(d, "date");
        LocalDate result = d;
        while (!isWorkingDay(result)) {
            result = result.plusDays(1);
        }
        return result;
    }

    /**
     * The years from {@code from} to {@code to} (both included) that have no official schedule,
     * in ascending order.
     *
     * @throws IllegalArgumentException if {@code to} is before {@code from}
     */
    public List<Integer> yearsMissingSchedule(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("Range end " + to + " is before its start " + from);
        }
        List<Integer> missing = new ArrayList<>();
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            if (!hasSchedule(year)) {
                missing.add(year);
            }
        }
        return List.copyOf(missing);
    }

    /** The holiday or make-up working day on that date, if any. */
    public Optional<CalendarDay> exceptionOn(LocalDate d) {
        Objects.requireNonNull(d, "date");
        return Optional.ofNullable(exceptions.get(d));
    }

    /** All holidays and make-up working days, sorted by date, one per date. Unmodifiable. */
    public List<CalendarDay> getExceptions() {
        return List.copyOf(exceptions.values());
    }

    /** The years with an official schedule, ascending. Unmodifiable. */
    public SortedSet<Integer> getYearsWithSchedule() {
        return yearsWithSchedule;
    }

    @Override
    public String toString() {
        return "WorkingDayCalendar[" + exceptions.size() + " exceptions, years " + yearsWithSchedule + "]";
    }
}
