package cn.huimin.interfaces.rest;

import cn.huimin.application.AppException;
import cn.huimin.application.Callers;
import cn.huimin.application.WorkingDays;
import cn.huimin.domain.model.tender.DeadlineRules;
import cn.huimin.domain.model.tender.ProcurementMethod;
import cn.huimin.domain.shared.CalendarDay;
import cn.huimin.domain.shared.DayKind;
import cn.huimin.domain.shared.WorkingDayCalendar;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.MediaType;
import java.time.*;
import java.time.format.DateTimeParseException;
import java.util.*;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/calendar")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "calendar", description = "The working-day calendar and the statutory deadline arithmetic")
public class CalendarResource {
    @EJB
    WorkingDays workingDays;

    @EJB
    Callers callers;

    @GET
    @Path("working-days")
    @Operation(summary = "The add-th working day after from: {\"date\":\"YYYY-MM-DD\"}")
    public Map<String, Object> workingDays(@QueryParam("from") String from, @QueryParam("add") Integer add) {
        LocalDate start = date("from", from);
        if (add == null || add < 0 || add > 3660) {
            throw AppException.invalid("add", "calendar.addRange");
        }
        WorkingDayCalendar cal = workingDays.calendar();
        LocalDate result = cal.addWorkingDays(start, add);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("date", result.toString());
        List<Integer> missing = cal.yearsMissingSchedule(start, result);
        if (!missing.isEmpty()) {
            m.put("warning", "no official schedule for " + missing + ": weekends only");
        }
        return m;
    }

    @GET
    @Path("days")
    @Operation(summary = "The year's exceptions: holidays and make-up working days")
    public Map<String, Object> days(@QueryParam("year") Integer year) {
        if (year == null || year < 2000 || year > 2100) {
            throw AppException.invalid("year", "calendar.yearRange");
        }
        List<Map<String, String>> days = new ArrayList<>();
        for (CalendarDay d : workingDays.daysOf(year)) {
            days.add(Map.of("date", d.getDate().toString(), "kind", d.getKind().name(), "name", d.getName()));
        }
        return Map.of("year", year, "official", workingDays.yearsWithSchedule().contains(year), "days", days);
    }

    @PUT
    @Path("years/{year}")
    @Operation(summary = "Enter or replace a year's official schedule (admin)")
    public Map<String, Object> saveYear(@PathParam("year") int year, List<DayInput> days) {
        List<CalendarDay> list = new ArrayList<>();
        for (DayInput d : days == null ? List.<DayInput>of() : days) {
            DayKind kind;
            try {
                kind = DayKind.valueOf(d.kind);
            } catch (RuntimeException e) {
                throw AppException.invalid("day", "calendar.dayIncomplete");
            }
            list.add(new CalendarDay(date("date", d.date), kind, d.name));
        }
        workingDays.saveYear(year, list, callers.current().username());
        return days(year);
    }

    @GET
    @Path("bid-deadline")
    @Operation(summary = "The bid deadline of a notice published at publishedAt (ISO instant or date) by method, honouring a later preferred date")
    public Map<String, Object> bidDeadline(@QueryParam("method") String method, @QueryParam("publishedAt") String publishedAt,
                                           @QueryParam("preferred") String preferred) {
        ProcurementMethod m = method(method);
        Instant pub = instant(publishedAt);
        LocalDate pref = preferred == null || preferred.isBlank() ? null : date("preferred", preferred);
        WorkingDayCalendar cal = workingDays.calendar();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("earliest", DeadlineRules.earliestBidDeadline(m, pub, cal).toOffsetDateTime().toString());
        if (pref != null) {
            out.put("problems", DeadlineRules.checkPreferredDate(m, pub, pref, cal));
        }
        out.put("deadline", DeadlineRules.bidDeadline(m, pub, pref, cal).toOffsetDateTime().toString());
        return out;
    }

    @GET
    @Path("amended-deadline")
    @Operation(summary = "The deadline after an amendment published at amendedAt: moved so the statutory period remains")
    public Map<String, Object> amendedDeadline(@QueryParam("method") String method, @QueryParam("deadline") String deadline,
                                               @QueryParam("amendedAt") String amendedAt) {
        ProcurementMethod m = method(method);
        ZonedDateTime current;
        try {
            current = OffsetDateTime.parse(deadline).atZoneSameInstant(WorkingDayCalendar.ZONE);
        } catch (DateTimeParseException | NullPointerException e) {
            throw AppException.invalid("deadline", "validation.badDate");
        }
        return Map.of("deadline", DeadlineRules.amendedDeadline(m, current, instant(amendedAt), workingDays.calendar())
                .toOffsetDateTime().toString());
    }

    private static ProcurementMethod method(String method) {
        try {
            return ProcurementMethod.valueOf(method);
        } catch (RuntimeException e) {
            throw AppException.invalid("method", "tender.methodUnknown");
        }
    }

    private static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return Instant.now();
        }
        try {
            return text.length() == 10 ? LocalDate.parse(text).atTime(9, 0).atZone(WorkingDayCalendar.ZONE).toInstant()
                    : OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw AppException.invalid("publishedAt", "validation.badDate");
        }
    }

    private static LocalDate date(String field, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException | NullPointerException e) {
            throw AppException.invalid(field, "validation.badDate");
        }
    }

    public static class DayInput {
        public String date;
        public String kind;
        public String name;
    }
}
