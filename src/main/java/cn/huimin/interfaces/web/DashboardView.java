package cn.huimin.interfaces.web;

import cn.huimin.application.DashboardService;
import cn.huimin.domain.model.place.Place;
import cn.huimin.domain.shared.Jsons;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.time.LocalDate;
import java.util.*;
import org.primefaces.model.StreamedContent;

/** The dashboard page: a place, a year (and month), the figures, charts (Chart.js via p:chart) and the Excel export. */
@Named
@ViewScoped
public class DashboardView extends ViewSupport {
    @EJB
    DashboardService dashboards;

    @EJB
    cn.huimin.application.Catalogue catalogue;

    private Long placeId;
    private int year = LocalDate.now(cn.huimin.domain.shared.WorkingDayCalendar.ZONE).getYear();
    private Integer month;
    private DashboardService.Dashboard dashboard;

    public DashboardService.Dashboard getDashboard() {
        if (dashboard == null) {
            attempt(() -> dashboard = dashboards.dashboard(placeId, year, month));
        }
        return dashboard;
    }

    public void show() {
        dashboard = null;
    }

    public StreamedContent export() {
        byte[] b = dashboards.excel(placeId, year, month);
        return download("huimin-dashboard-" + year + (month == null ? "" : "-" + month) + ".xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", b);
    }

    public List<Place> getPlaces() {
        return catalogue.places();
    }

    public List<Integer> getYears() {
        int now = LocalDate.now(cn.huimin.domain.shared.WorkingDayCalendar.ZONE).getYear();
        List<Integer> y = new ArrayList<>();
        for (int i = now + 1; i >= now - 5; i--) {
            y.add(i);
        }
        return y;
    }

    /** Chart.js configuration: activities and people served per place. */
    public String getPlaceChart() {
        DashboardService.Dashboard d = getDashboard();
        if (d == null) {
            return "{}";
        }
        JsonArrayBuilder labels = Jsons.array();
        JsonArrayBuilder acts = Jsons.array();
        JsonArrayBuilder people = Jsons.array();
        for (DashboardService.Figures f : d.byPlace()) {
            labels.add(f.place());
            acts.add(f.activities());
            people.add(f.people());
        }
        return chart("bar", labels, List.of(dataset(text("dashboard.activities"), acts, "#2f6f4f", "y"),
                dataset(text("dashboard.people"), people, "#c0873f", "y1")), true);
    }

    /** Chart.js configuration: activities per month. */
    public String getMonthChart() {
        DashboardService.Dashboard d = getDashboard();
        if (d == null) {
            return "{}";
        }
        JsonArrayBuilder labels = Jsons.array();
        JsonArrayBuilder acts = Jsons.array();
        for (DashboardService.MonthFigures f : d.byMonth()) {
            labels.add(f.month().toString());
            acts.add(f.activities());
        }
        return chart("line", labels, List.of(dataset(text("dashboard.activities"), acts, "#2f6f4f", "y")), false);
    }

    /** Chart.js configuration: average score per vendor. */
    public String getVendorChart() {
        DashboardService.Dashboard d = getDashboard();
        if (d == null) {
            return "{}";
        }
        JsonArrayBuilder labels = Jsons.array();
        JsonArrayBuilder scores = Jsons.array();
        for (DashboardService.VendorScore v : d.vendors()) {
            labels.add(v.vendor());
            scores.add(v.averageScore());
        }
        return chart("bar", labels, List.of(dataset(text("dashboard.score"), scores, "#3f6fc0", "y")), false);
    }

    private static JsonObjectBuilder dataset(String label, JsonArrayBuilder data, String color, String axis) {
        return Jsons.object().add("label", label).add("data", data).add("backgroundColor", color).add("borderColor", color)
                .add("yAxisID", axis);
    }

    private static String chart(String type, JsonArrayBuilder labels, List<JsonObjectBuilder> sets, boolean twoAxes) {
        JsonArrayBuilder ds = Jsons.array();
        sets.forEach(ds::add);
        JsonObjectBuilder scales = Jsons.object().add("y", Jsons.object().add("beginAtZero", true));
        if (twoAxes) {
            scales.add("y1", Jsons.object().add("beginAtZero", true).add("position", "right"));
        }
        String json = Jsons.object().add("type", type)
                .add("data", Jsons.object().add("labels", labels).add("datasets", ds))
                .add("options", Jsons.object().add("responsive", true).add("scales", scales))
                .build().toString();
        // the configuration is written into a script: no "<" may close it
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }

    public Long getPlaceId() { return placeId; }
    public void setPlaceId(Long placeId) { this.placeId = placeId; }
    public int getYear() { return year; }
    public void setYear(int year) { this.year = year; }
    public Integer getMonth() { return month; }
    public void setMonth(Integer month) { this.month = month; }
}
