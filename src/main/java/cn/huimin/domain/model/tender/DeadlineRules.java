package cn.huimin.domain.model.tender;

import cn.huimin.domain.shared.WorkingDayCalendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Statutory deadline arithmetic for government procurement. Every date is taken in Asia/Shanghai:
 * an instant published late in the evening UTC may already be the next day in China.
 * All results are {@link ZonedDateTime} values in Asia/Shanghai.
 */
public final class DeadlineRules {

    /** Time of day of a bid or response deadline (and of the opening). */
    public static final LocalTime DEADLINE_TIME = LocalTime.of(9, 30);

    /** Time of day at which a single-source public notice period ends. */
    public static final LocalTime SINGLE_SOURCE_NOTICE_END = LocalTime.of(17, 30);

    /** Open tender: calendar days from the notice to the bid deadline (GPL 35). */
    public static final int OPEN_TENDER_MIN_DAYS = 20;

    /** Competitive consultation: calendar days from the notice to the response deadline. */
    public static final int CONSULTATION_MIN_DAYS = 10;

    /** Single source: working days of public notice (GPLIR 38). */
    public static final int SINGLE_SOURCE_NOTICE_WORKING_DAYS = 5;

    /** Open tender: an amendment must be published at least this many calendar days before the deadline. */
    public static final int OPEN_TENDER_AMENDMENT_DAYS = 15;

    /** Other methods: an amendment must be published at least this many calendar days before the deadline. */
    public static final int OTHER_AMENDMENT_DAYS = 5;

    private static final ZoneId ZONE = WorkingDayCalendar.ZONE;
    private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

    private DeadlineRules() {
    }

    /**
     * The earliest lawful deadline for a notice published at {@code publishedAt}.
     * Open tender: publication date + 20 calendar days; competitive consultation: + 10 calendar days;
     * in both cases moved forward to a working day, at 09:30. Single source: the end of the public
     * notice period, the 5th working day after the publication date, at 17:30.
     */
    public static ZonedDateTime earliestBidDeadline(ProcurementMethod m, Instant publishedAt,
                                                    WorkingDayCalendar cal) {
        Objects.requireNonNull(m, "method");
        Objects.requireNonNull(cal, "calendar");
        LocalDate published = dateInChina(publishedAt);
        switch (m) {
            case OPEN_TENDER:
                return cal.onOrAfterWorkingDay(published.plusDays(OPEN_TENDER_MIN_DAYS))
                        .atTime(DEADLINE_TIME).atZone(ZONE);
            case COMPETITIVE_CONSULTATION:
                return cal.onOrAfterWorkingDay(published.plusDays(CONSULTATION_MIN_DAYS))
                        .atTime(DEADLINE_TIME).atZone(ZONE);
            case SINGLE_SOURCE:
                return cal.addWorkingDays(published, SINGLE_SOURCE_NOTICE_WORKING_DAYS)
                        .atTime(SINGLE_SOURCE_NOTICE_END).atZone(ZONE);
            default:
                throw new IllegalArgumentException("Unknown procurement method " + m);
        }
    }

    /**
     * The deadline to use: the earliest lawful one, or the preferred date if that is later.
     * A preferred date that is not a working day is moved forward to the next working day
     * (use {@link #checkPreferredDate} to tell the user). The time of day is that of the earliest
     * deadline (09:30, or 17:30 for single source).
     *
     * @param preferredDate may be null: then the earliest deadline is used
     */
    public static ZonedDateTime bidDeadline(ProcurementMethod m, Instant publishedAt, LocalDate preferredDate,
                                            WorkingDayCalendar cal) {
        ZonedDateTime earliest = earliestBidDeadline(m, publishedAt, cal);
        if (preferredDate == null) {
            return earliest;
        }
        ZonedDateTime preferred = cal.onOrAfterWorkingDay(preferredDate)
                .atTime(earliest.toLocalTime()).atZone(ZONE);
        return preferred.isAfter(earliest) ? preferred : earliest;
    }

    /**
     * What is wrong with a preferred deadline date. An empty list means the date can be used as it is.
     * A null date has no problems (the earliest deadline will be used).
     */
    public static List<DeadlineProblem> checkPreferredDate(ProcurementMethod m, Instant publishedAt,
                                                           LocalDate preferred, WorkingDayCalendar cal) {
        if (preferred == null) {
            return List.of();
        }
        List<DeadlineProblem> problems = new ArrayList<>();
        LocalDate earliest = earliestBidDeadline(m, publishedAt, cal).toLocalDate();
        if (preferred.isBefore(earliest)) {
            problems.add(DeadlineProblem.BEFORE_LEGAL_MINIMUM);
        }
        if (!cal.isWorkingDay(preferred)) {
            problems.add(DeadlineProblem.NOT_A_WORKING_DAY);
        }
        if (!cal.hasSchedule(preferred.getYear())) {
            problems.add(DeadlineProblem.YEAR_WITHOUT_SCHEDULE);
        }
        return List.copyOf(problems);
    }

    /**
     * The deadline after an amendment that affects the preparation of bids (Order 87 Art 27).
     * The amendment must be published at least 15 calendar days (open tender) or 5 calendar days
     * (other methods) before the deadline date. If it is, the deadline stays. Otherwise the new
     * deadline is the amendment date + that period, moved forward to a working day, at the current
     * deadline's time of day. The result is never earlier than the current deadline.
     */
    public static ZonedDateTime amendedDeadline(ProcurementMethod m, ZonedDateTime currentDeadline,
                                                Instant amendmentPublishedAt, WorkingDayCalendar cal) {
        Objects.requireNonNull(m, "method");
        Objects.requireNonNull(currentDeadline, "currentDeadline");
        Objects.requireNonNull(cal, "calendar");
        ZonedDateTime current = currentDeadline.withZoneSameInstant(ZONE);
        int period = m == ProcurementMethod.OPEN_TENDER ? OPEN_TENDER_AMENDMENT_DAYS : OTHER_AMENDMENT_DAYS;
        LocalDate required = dateInChina(amendmentPublishedAt).plusDays(period);
        if (!required.isAfter(current.toLocalDate())) {
            return current;
        }
        ZonedDateTime moved = cal.onOrAfterWorkingDay(required).atTime(current.toLocalTime()).atZone(ZONE);
        return moved.isAfter(current) ? moved : current;
    }

    /** The due date of a task that must be done within {@code workingDays} working days of {@code start}. */
    public static LocalDate taskDueDate(LocalDate start, int workingDays, WorkingDayCalendar cal) {
        Objects.requireNonNull(cal, "calendar");
        return cal.addWorkingDays(start, workingDays);
    }

    /** The last second of a day in China (23:59:59 Asia/Shanghai). */
    public static Instant endOfDay(LocalDate d) {
        Objects.requireNonNull(d, "date");
        return d.atTime(END_OF_DAY).atZone(ZONE).toInstant();
    }

    /** The calendar date in China of an instant. */
    public static LocalDate dateInChina(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        return instant.atZone(ZONE).toLocalDate();
    }
}
