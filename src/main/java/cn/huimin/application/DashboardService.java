package cn.huimin.application;

import cn.huimin.domain.model.catalogue.DeliverableType;
import cn.huimin.domain.model.place.Place;
import cn.huimin.domain.model.user.Role;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.*;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * What the purchased services delivered, per county, township or village and period: verified activities, people
 * served, training hours, teams, venue opening days, residents' satisfaction, money paid (each paid order shared
 * among the contract's places by their planned quantities) and the vendors' average scores. Only verified events
 * count. Exportable to Excel.
 */
@Stateless
@DeclareRoles({Role.ADMIN, Role.OFFICER, Role.HEAD, Role.FINANCE, Role.SUPERVISOR, Role.EVALUATOR, Role.STATION})
@RolesAllowed({Role.ADMIN, Role.OFFICER, Role.HEAD, Role.FINANCE, Role.SUPERVISOR, Role.EVALUATOR, Role.STATION})
public class DashboardService {

    @PersistenceContext
    EntityManager em;

    @EJB
    AuditLog audit;

    @EJB
    Callers callers;

    /** The figures of one place (with everything under it). */
    public record Figures(Long placeId, String place, long activities, long people, BigDecimal trainingHours, BigDecimal teams,
                          BigDecimal openingDays, long ratings, BigDecimal satisfaction, BigDecimal spend) {
    }

    public record VendorScore(String vendor, long evaluations, BigDecimal averageScore) {
    }

    public record MonthFigures(YearMonth month, long activities, long people) {
    }

    public record Dashboard(Long placeId, String place, LocalDate from, LocalDate to, Figures total, List<Figures> byPlace,
                            List<MonthFigures> byMonth, List<VendorScore> vendors) {
    }

    private record Ev(Long place, String unit, BigDecimal quantity, int attendance, LocalDate date, Long id) {
    }

    /** month: 1–12, or null for the whole year. placeId: null for the county (the root). */
    public Dashboard dashboard(Long placeId, int year, Integer month) {
        if (year < 2000 || year > 2100) {
            throw AppException.invalid("year", "dashboard.yearRange");
        }
        if (month != null && (month < 1 || month > 12)) {
            throw AppException.invalid("month", "dashboard.monthRange");
        }
        Map<Long, Place> places = new HashMap<>();
        for (Place p : em.createQuery("select p from Place p", Place.class).getResultList()) {
            places.put(p.getId(), p);
        }
        Place root = placeId != null ? places.get(placeId)
                : places.values().stream().filter(p -> p.getParentId() == null).min(Comparator.comparing(Place::getId)).orElse(null);
        if (root == null) {
            throw AppException.notFound("place.notFound");
        }
        LocalDate from = month == null ? LocalDate.of(year, 1, 1) : LocalDate.of(year, month, 1);
        LocalDate to = month == null ? LocalDate.of(year, 12, 31) : YearMonth.of(year, month).atEndOfMonth();
        // each place under the root, mapped to the root's child it belongs to (or the root itself)
        Map<Long, Long> bucket = new HashMap<>();
        for (Place p : places.values()) {
            Long child = null;
            Place cur = p;
            while (cur != null) {
                if (cur.getId().equals(root.getId())) {
                    bucket.put(p.getId(), child == null ? root.getId() : child);
                    break;
                }
                child = cur.getId();
                cur = cur.getParentId() == null ? null : places.get(cur.getParentId());
            }
        }
        Map<Long, String> units = new HashMap<>();
        for (DeliverableType t : em.createQuery("select t from DeliverableType t", DeliverableType.class).getResultList()) {
            units.put(t.getId(), t.getUnitEn().toLowerCase(Locale.ROOT));
        }
        List<Ev> events = new ArrayList<>();
        for (Object[] r : em.createQuery("select e.placeId, e.deliverableTypeId, e.quantity, e.attendance, e.eventDate, e.id from ServiceEvent e "
                        + "where e.status = 'VERIFIED' and e.eventDate >= :f and e.eventDate <= :t", Object[].class)
                .setParameter("f", from).setParameter("t", to).getResultList()) {
            if (bucket.containsKey((Long) r[0])) {
                events.add(new Ev((Long) r[0], units.getOrDefault((Long) r[1], ""), (BigDecimal) r[2], (Integer) r[3], (LocalDate) r[4], (Long) r[5]));
            }
        }
        Map<Long, long[]> ratingsByEvent = new HashMap<>();
        if (!events.isEmpty()) {
            List<Long> ids = events.stream().map(Ev::id).toList();
            for (int i = 0; i < ids.size(); i += 1000) {
                for (Object[] r : em.createQuery("select r.eventId, count(r), sum(r.stars) from Rating r where r.eventId in :ids group by r.eventId", Object[].class)
                        .setParameter("ids", ids.subList(i, Math.min(ids.size(), i + 1000))).getResultList()) {
                    ratingsByEvent.put((Long) r[0], new long[]{((Number) r[1]).longValue(), ((Number) r[2]).longValue()});
                }
            }
        }
        Map<Long, BigDecimal> spend = spend(from, to, bucket);
        List<Long> buckets = new ArrayList<>(new TreeSet<>(bucket.values()));
        buckets.sort(Comparator.comparing((Long id) -> places.get(id).getCode()));
        List<Figures> byPlace = new ArrayList<>();
        for (Long b : buckets) {
            if (b.equals(root.getId()) && buckets.size() > 1) {
                continue; // the root's own events are in the total; its children are listed
            }
            byPlace.add(figures(b, name(places.get(b)), events.stream().filter(e -> b.equals(bucket.get(e.place()))).toList(), ratingsByEvent,
                    spend.getOrDefault(b, BigDecimal.ZERO)));
        }
        BigDecimal totalSpend = spend.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        Figures total = figures(root.getId(), name(root), events, ratingsByEvent, totalSpend);
        List<MonthFigures> byMonth = new ArrayList<>();
        for (YearMonth ym = YearMonth.from(from); !ym.isAfter(YearMonth.from(to)); ym = ym.plusMonths(1)) {
            YearMonth m = ym;
            List<Ev> in = events.stream().filter(e -> YearMonth.from(e.date()).equals(m)).toList();
            byMonth.add(new MonthFigures(m, in.size(), in.stream().mapToLong(Ev::attendance).sum()));
        }
        return new Dashboard(root.getId(), name(root), from, to, total, byPlace, byMonth, vendorScores(from, to, bucket.keySet()));
    }

    private static String name(Place p) {
        return p.getNameZh() + " " + p.getNameEn();
    }

    private Figures figures(Long id, String name, List<Ev> events, Map<Long, long[]> ratings, BigDecimal spend) {
        BigDecimal hours = BigDecimal.ZERO, teams = BigDecimal.ZERO, days = BigDecimal.ZERO;
        long people = 0, n = 0, stars = 0;
        for (Ev e : events) {
            people += e.attendance();
            if (e.unit().contains("hour")) {
                hours = hours.add(e.quantity());
            } else if (e.unit().contains("team")) {
                teams = teams.add(e.quantity());
            } else if (e.unit().contains("day")) {
                days = days.add(e.quantity());
            }
            long[] r = ratings.get(e.id());
            if (r != null) {
                n += r[0];
                stars += r[1];
            }
        }
        BigDecimal sat = n == 0 ? null : BigDecimal.valueOf(stars).divide(BigDecimal.valueOf(n), 2, RoundingMode.HALF_UP);
        return new Figures(id, name, events.size(), people, hours, teams, days, n, sat, spend.setScale(2, RoundingMode.HALF_UP));
    }

    /** Paid orders in the period, each shared among its contract's places by their planned quantities. */
    private Map<Long, BigDecimal> spend(LocalDate from, LocalDate to, Map<Long, Long> bucket) {
        Map<Long, BigDecimal> out = new HashMap<>();
        Instant f = cn.huimin.domain.model.tender.DeadlineRules.endOfDay(from.minusDays(1));
        Instant t = cn.huimin.domain.model.tender.DeadlineRules.endOfDay(to);
        for (Object[] r : em.createQuery("select p.contractId, p.paidAmount from PaymentOrder p where p.status = 'PAID' and p.paidAt > :f and p.paidAt <= :t",
                Object[].class).setParameter("f", f).setParameter("t", t).getResultList()) {
            List<Object[]> ds = em.createQuery("select d.placeId, d.quantity from ContractDeliverable d where d.contractId = :c", Object[].class)
                    .setParameter("c", r[0]).getResultList();
            long all = ds.stream().mapToLong(d -> (Integer) d[1]).sum();
            if (all == 0) {
                continue;
            }
            BigDecimal paid = (BigDecimal) r[1];
            for (Object[] d : ds) {
                Long b = bucket.get((Long) d[0]);
                if (b != null) {
                    out.merge(b, paid.multiply(BigDecimal.valueOf((Integer) d[1])).divide(BigDecimal.valueOf(all), 6, RoundingMode.HALF_UP), BigDecimal::add);
                }
            }
        }
        return out;
    }

    private List<VendorScore> vendorScores(LocalDate from, LocalDate to, Set<Long> placeIds) {
        List<VendorScore> out = new ArrayList<>();
        if (placeIds.isEmpty()) {
            return out;
        }
        for (Object[] r : em.createQuery("select v.name, count(e), avg(e.totalScore) from PerformanceEvaluation e, Contract c, Vendor v "
                        + "where c.id = e.contractId and v.id = c.vendorId and e.status = 'SIGNED' and e.periodEnd >= :f and e.periodStart <= :t "
                        + "and exists (select d.id from ContractDeliverable d where d.contractId = c.id and d.placeId in :p) group by v.name order by v.name",
                Object[].class).setParameter("f", from).setParameter("t", to).setParameter("p", placeIds).getResultList()) {
            out.add(new VendorScore((String) r[0], ((Number) r[1]).longValue(),
                    BigDecimal.valueOf(((Number) r[2]).doubleValue()).setScale(2, RoundingMode.HALF_UP)));
        }
        return out;
    }

    /** The dashboard as an Excel workbook: figures by place, by month, and vendors' scores. */
    public byte[] excel(Long placeId, int year, Integer month) {
        Dashboard d = dashboard(placeId, year, month);
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = wb.createCellStyle();
            var font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            Sheet s = wb.createSheet("按地区 By place");
            int r = 0;
            Row title = s.createRow(r++);
            title.createCell(0).setCellValue(d.place() + "  " + d.from() + " — " + d.to());
            title.getCell(0).setCellStyle(bold);
            String[] head = {"地区 Place", "活动场次 Activities", "服务人次 People served", "培训课时 Training hours", "文艺团队 Teams",
                    "场馆开放天数 Venue opening days", "评价条数 Ratings", "满意度 Satisfaction (1-5)", "支出 Spend (CNY)"};
            Row h = s.createRow(r++);
            for (int i = 0; i < head.length; i++) {
                Cell c = h.createCell(i);
                c.setCellValue(head[i]);
                c.setCellStyle(bold);
            }
            for (Figures f : d.byPlace()) {
                figuresRow(s.createRow(r++), f);
            }
            Row tot = s.createRow(r);
            figuresRow(tot, d.total());
            tot.getCell(0).setCellValue("合计 Total " + d.total().place());
            Sheet m = wb.createSheet("按月 By month");
            Row mh = m.createRow(0);
            mh.createCell(0).setCellValue("月份 Month");
            mh.createCell(1).setCellValue("活动场次 Activities");
            mh.createCell(2).setCellValue("服务人次 People served");
            int mr = 1;
            for (MonthFigures f : d.byMonth()) {
                Row row = m.createRow(mr++);
                row.createCell(0).setCellValue(f.month().toString());
                row.createCell(1).setCellValue(f.activities());
                row.createCell(2).setCellValue(f.people());
            }
            Sheet v = wb.createSheet("承接主体 Vendors");
            Row vh = v.createRow(0);
            vh.createCell(0).setCellValue("承接主体 Vendor");
            vh.createCell(1).setCellValue("评价期数 Evaluations");
            vh.createCell(2).setCellValue("平均得分 Average score");
            int vr = 1;
            for (VendorScore f : d.vendors()) {
                Row row = v.createRow(vr++);
                row.createCell(0).setCellValue(f.vendor());
                row.createCell(1).setCellValue(f.evaluations());
                row.createCell(2).setCellValue(f.averageScore().doubleValue());
            }
            for (int i = 0; i < head.length; i++) {
                s.setColumnWidth(i, 22 * 256);
            }
            wb.write(out);
            audit.record(callers.current().username(), "DASHBOARD_EXPORTED", "place", d.placeId(), null, Map.of("from", d.from().toString(),
                    "to", d.to().toString()));
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void figuresRow(Row row, Figures f) {
        row.createCell(0).setCellValue(f.place());
        row.createCell(1).setCellValue(f.activities());
        row.createCell(2).setCellValue(f.people());
        row.createCell(3).setCellValue(f.trainingHours().doubleValue());
        row.createCell(4).setCellValue(f.teams().doubleValue());
        row.createCell(5).setCellValue(f.openingDays().doubleValue());
        row.createCell(6).setCellValue(f.ratings());
        if (f.satisfaction() != null) {
            row.createCell(7).setCellValue(f.satisfaction().doubleValue());
        } else {
            row.createCell(7).setCellValue("—");
        }
        row.createCell(8).setCellValue(f.spend().doubleValue());
    }
}
