package cn.huimin.domain.shared;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One day that differs from the plain week: a public holiday or a make-up working day.
 * Immutable. A plain class with getters (not a record) so that pages can bind it with EL.
 */
public final class CalendarDay {

    private final LocalDate date;
    private final DayKind kind;
    private final String name;

    /**
     * @param date the day, required
     * @param kind holiday or make-up working day, required
     * @param name the name of the holiday it belongs to, e.g. "Spring Festival"; null is stored as ""
     */
    public CalendarDay(LocalDate date, DayKind kind, String name) {
        this.date = Objects.requireNonNull(date, "date");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.name = name == null ? "" : name;
    }

    public static CalendarDay holiday(LocalDate date, String name) {
        return new CalendarDay(date, DayKind.HOLIDAY, name);
    }

    public static CalendarDay makeupWorkday(LocalDate date, String name) {
        return new CalendarDay(date, DayKind.MAKEUP_WORKDAY, name);
    }

    public LocalDate getDate() {
        return date;
    }

    public DayKind getKind() {
        return kind;
    }

    public String getName() {
        return name;
    }

    /** True for a rest day. Handy for EL: {@code #{day.holiday}}. */
    public boolean isHoliday() {
        return kind == DayKind.HOLIDAY;
    }

    /** True for a make-up working day. Handy for EL: {@code #{day.makeupWorkday}}. */
    public boolean isMakeupWorkday() {
        return kind == DayKind.MAKEUP_WORKDAY;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof CalendarDay)) {
            return false;
        }
        CalendarDay other = (CalendarDay) o;
        return date.equals(other.date) && kind == other.kind && name.equals(other.name);
    }

    @Override
    public int hashCode() {
        return Objects.hash(date, kind, name);
    }

    @Override
    public String toString() {
        return "CalendarDay[" + date + " " + kind + " " + name + "]";
    }
}
