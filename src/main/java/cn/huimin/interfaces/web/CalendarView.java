package cn.huimin.interfaces.web;

import cn.huimin.application.WorkingDays;
import cn.huimin.domain.shared.CalendarDay;
import cn.huimin.domain.shared.DayKind;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Administrators keep the official holiday schedule, year by year. A year without one is warned about. */
@Named
@ViewScoped
public class CalendarView extends ViewSupport {
    @EJB
    WorkingDays workingDays;

    private int year = LocalDate.now(cn.huimin.domain.shared.WorkingDayCalendar.ZONE).getYear();
    private List<Row> days;

    public void load() {
        if (days == null) {
            open();
        }
    }

    public void open() {
        days = new ArrayList<>();
        for (CalendarDay d : workingDays.daysOf(year)) {
            days.add(new Row(d.getDate(), d.getKind().name(), d.getName()));
        }
    }

    public void addDay() {
        days.add(new Row(null, DayKind.HOLIDAY.name(), null));
    }

    public void removeDay(Row r) {
        days.remove(r);
    }

    public void save() {
        List<CalendarDay> list = new ArrayList<>();
        for (Row r : days) {
            if (r.getDate() == null) {
                error(text("calendar.dayIncomplete"));
                return;
            }
            list.add(new CalendarDay(r.getDate(), DayKind.valueOf(r.getKind()), r.getName()));
        }
        if (attempt(() -> workingDays.saveYear(year, list, user()))) {
            info(text("calendar.saved", year));
            open();
        }
    }

    /** Years from this one to next that have no official schedule yet. */
    public List<Integer> getMissingYears() {
        int now = LocalDate.now(cn.huimin.domain.shared.WorkingDayCalendar.ZONE).getYear();
        List<Integer> have = workingDays.yearsWithSchedule();
        List<Integer> missing = new ArrayList<>();
        for (int y = now; y <= now + 1; y++) {
            if (!have.contains(y)) {
                missing.add(y);
            }
        }
        return missing;
    }

    public List<Integer> getYears() {
        return workingDays.yearsWithSchedule();
    }

    public boolean isOfficial() {
        return workingDays.yearsWithSchedule().contains(year);
    }

    public static class Row implements java.io.Serializable {
        private LocalDate date;
        private String kind;
        private String name;

        public Row(LocalDate date, String kind, String name) {
            this.date = date;
            this.kind = kind;
            this.name = name;
        }

        public LocalDate getDate() { return date; }
        public void setDate(LocalDate date) { this.date = date; }
        public String getKind() { return kind; }
        public void setKind(String kind) { this.kind = kind; }
        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
    }

    public int getYear() { return year; }
    public void setYear(int year) { this.year = year; }
    public List<Row> getDays() { return days; }
}
