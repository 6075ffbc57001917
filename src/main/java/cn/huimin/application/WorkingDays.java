package cn.huimin.application;

import cn.huimin.domain.model.calendar.CalendarDayRow;
import cn.huimin.domain.model.calendar.CalendarYear;
import cn.huimin.domain.shared.CalendarDay;
import cn.huimin.domain.shared.OfficialSchedules;
import cn.huimin.domain.shared.WorkingDayCalendar;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The working-day calendar as data: official schedules per year, edited by administrators. Every statutory
 * deadline is computed from {@link #calendar()}. The calendar is cached for a minute (other nodes pick up edits).
 */
@Stateless
public class WorkingDays {
    private static final long CACHE_MILLIS = 60_000;
    private static volatile WorkingDayCalendar cached;
    private static volatile long loadedAt;

    @PersistenceContext
    EntityManager em;

    @EJB
    AuditLog audit;

    @PermitAll
    public WorkingDayCalendar calendar() {
        WorkingDayCalendar c = cached;
        if (c == null || System.currentTimeMillis() - loadedAt > CACHE_MILLIS) {
            List<CalendarDay> days = em.createQuery("select d from CalendarDayRow d order by d.day", CalendarDayRow.class)
                    .getResultList().stream().map(r -> new CalendarDay(r.getDay(), r.getKind(), r.getName())).toList();
            List<Integer> years = em.createQuery("select y.year from CalendarYear y", Integer.class).getResultList();
            c = new WorkingDayCalendar(days, years);
            cached = c;
            loadedAt = System.currentTimeMillis();
        }
        return c;
    }

    /** Ships the 2026 official schedule on first start. */
    @PermitAll
    public void ensureOfficialSchedule() {
        if (em.find(CalendarYear.class, 2026) == null) {
            replaceYear(2026, OfficialSchedules.year2026(), "system");
        }
    }

    @PermitAll
    public List<CalendarDay> daysOf(int year) {
        return em.createQuery("select d from CalendarDayRow d where d.day >= :a and d.day <= :b order by d.day",
                        CalendarDayRow.class)
                .setParameter("a", LocalDate.of(year, 1, 1)).setParameter("b", LocalDate.of(year, 12, 31))
                .getResultList().stream().map(r -> new CalendarDay(r.getDay(), r.getKind(), r.getName())).toList();
    }

    @PermitAll
    public List<Integer> yearsWithSchedule() {
        return em.createQuery("select y.year from CalendarYear y order by y.year", Integer.class).getResultList();
    }

    @RolesAllowed("admin")
    public void saveYear(int year, List<CalendarDay> days, String actor) {
        List<Violation> problems = new ArrayList<>();
        if (year < 2000 || year > 2100) {
            problems.add(new Violation("year", "calendar.yearRange"));
        }
        java.util.Set<LocalDate> seen = new java.util.HashSet<>();
        for (CalendarDay d : days) {
            if (d.getDate() == null || d.getKind() == null) {
                problems.add(new Violation("day", "calendar.dayIncomplete"));
                continue;
            }
            if (d.getDate().getYear() != year) {
                problems.add(new Violation("day", "calendar.dayOutsideYear", d.getDate().toString(), year));
            }
            if (!seen.add(d.getDate())) {
                problems.add(new Violation("day", "calendar.dayTwice", d.getDate().toString()));
            }
            if (d.getKind() == cn.huimin.domain.shared.DayKind.MAKEUP_WORKDAY
                    && d.getDate().getDayOfWeek().getValue() < 6) {
                problems.add(new Violation("day", "calendar.makeupOnWeekday", d.getDate().toString()));
            }
            if (d.getName() != null && d.getName().length() > 100) {
                problems.add(new Violation("day", "validation.tooLong", 100));
            }
        }
        if (!problems.isEmpty()) {
            throw AppException.invalid(problems);
        }
        replaceYear(year, days, actor);
    }

    private void replaceYear(int year, List<CalendarDay> days, String actor) {
        List<CalendarDay> before = daysOf(year);
        em.createQuery("delete from CalendarDayRow d where d.day >= :a and d.day <= :b")
                .setParameter("a", LocalDate.of(year, 1, 1)).setParameter("b", LocalDate.of(year, 12, 31))
                .executeUpdate();
        for (CalendarDay d : days) {
            CalendarDayRow r = new CalendarDayRow();
            r.setDay(d.getDate());
            r.setKind(d.getKind());
            r.setName(d.getName() == null || d.getName().isBlank() ? d.getKind().name() : d.getName().trim());
            em.persist(r);
        }
        CalendarYear y = em.find(CalendarYear.class, year);
        boolean isNew = y == null;
        if (isNew) {
            y = new CalendarYear();
            y.setYear(year);
        }
        y.setUpdatedBy(actor);
        y.setUpdatedAt(Instant.now());
        if (isNew) {
            em.persist(y);
        }
        audit.record(actor, "CALENDAR_YEAR_SAVED", "calendar", year, summary(before), summary(days));
        cached = null;
    }

    private static Map<String, String> summary(List<CalendarDay> days) {
        Map<String, String> m = new LinkedHashMap<>();
        days.forEach(d -> m.put(d.getDate().toString(), d.getKind() + " " + d.getName()));
        return m;
    }
}
