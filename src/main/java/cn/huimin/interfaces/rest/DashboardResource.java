package cn.huimin.interfaces.rest;

import cn.huimin.application.DashboardService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What the purchased services delivered, per place and period. */
@Path("/dashboard")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "dashboard", description = "Delivered activities, people served, satisfaction, spend and scores per place and period")
@SecurityRequirement(name = "basic")
public class DashboardResource {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @EJB
    DashboardService dashboard;

    @GET
    @Operation(summary = "Figures for a place (default: the county) and year, optionally one month: ?placeId=&year=&month=")
    public DashboardService.Dashboard get(@QueryParam("placeId") Long placeId, @QueryParam("year") Integer year, @QueryParam("month") Integer month) {
        return dashboard.dashboard(placeId, year == null ? LocalDate.now(cn.huimin.domain.shared.WorkingDayCalendar.ZONE).getYear() : year, month);
    }

    @GET
    @Path("export")
    @Produces(XLSX)
    @Operation(summary = "The same figures as an Excel workbook")
    public Response export(@QueryParam("placeId") Long placeId, @QueryParam("year") Integer year, @QueryParam("month") Integer month) {
        int y = year == null ? LocalDate.now(cn.huimin.domain.shared.WorkingDayCalendar.ZONE).getYear() : year;
        return Response.ok(dashboard.excel(placeId, y, month), XLSX)
                .header("Content-Disposition", "attachment; filename=\"huimin-dashboard-" + y + (month == null ? "" : "-" + month) + ".xlsx\"").build();
    }
}
