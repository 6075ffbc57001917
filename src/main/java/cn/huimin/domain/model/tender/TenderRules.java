package cn.huimin.domain.model.tender;

import cn.huimin.application.Violation;
import cn.huimin.domain.shared.Money;
import cn.huimin.domain.shared.WorkingDayCalendar;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every rule a tender must satisfy. {@link #checkDraft} holds for anything saved; {@link #checkForSubmission}
 * adds what the law and the catalogue require before approval. Violations carry message keys of both languages.
 */
public final class TenderRules {
    public static final int MAX_TITLE = 300;
    public static final int MAX_TEXT = 4000;
    public static final int MAX_DESCRIPTION = 8000;
    public static final BigDecimal BID_SECURITY_SHARE = new BigDecimal("0.02");
    public static final int MAX_TERM_YEARS = 3;

    /** What the rules need to know about the world: the catalogue and the purchaser's jurisdiction. */
    public interface Context {
        boolean categoryExists(Long categoryId);

        /** the deliverable type exists, is active and belongs to the category */
        boolean deliverableInCategory(Long deliverableTypeId, Long categoryId);

        /** the place is the unit's own place or lies below it */
        boolean placeInJurisdiction(Long placeId);

        WorkingDayCalendar calendar();

        Instant now();

        LocalDate today();
    }

    private TenderRules() {
    }

    public static List<Violation> checkDraft(TenderForm f) {
        List<Violation> v = new ArrayList<>();
        if (blank(f.getTitle())) {
            v.add(new Violation("title", "validation.required"));
        }
        length(v, "title", f.getTitle(), MAX_TITLE);
        length(v, "singleSourceReason", f.getSingleSourceReason(), MAX_TEXT);
        length(v, "proposedSupplier", f.getProposedSupplier(), MAX_TITLE);
        length(v, "qualification", f.getQualification(), MAX_TEXT);
        length(v, "description", f.getDescription(), MAX_DESCRIPTION);
        if (method(f) == null) {
            v.add(new Violation("method", blank(f.getMethod()) ? "validation.required" : "tender.methodUnknown"));
        }
        amountIfPresent(v, "budget", f.getBudget(), false);
        amountIfPresent(v, "bidSecurity", f.getBidSecurity(), true);
        int i = 0;
        for (TenderForm.Lot lot : f.getLots()) {
            i++;
            length(v, "lotTitle", lot.getTitle(), MAX_TITLE);
            Money.Problem p = blank(lot.getBudgetCeiling()) ? null : Money.check(lot.getBudgetCeiling(), false);
            if (p != null) {
                v.add(new Violation("lotBudget", "money." + p, i));
            }
            for (TenderForm.Deliverable d : lot.getDeliverables()) {
                if (d.getPerPeriod() != null && !d.getPerPeriod().isBlank() && period(d.getPerPeriod()) == null) {
                    v.add(new Violation("perPeriod", "tender.periodUnknown", i));
                }
            }
        }
        for (TenderForm.Factor factor : f.getFactors()) {
            length(v, "factorName", factor.getName(), 200);
            length(v, "factorDescription", factor.getDescription(), 2000);
        }
        return v;
    }

    public static List<Violation> checkForSubmission(TenderForm f, Context ctx) {
        List<Violation> v = checkDraft(f);
        ProcurementMethod m = method(f);
        if (f.getCategoryId() == null || !ctx.categoryExists(f.getCategoryId())) {
            v.add(new Violation("category", "validation.required"));
        }
        if (blank(f.getBudget())) {
            v.add(new Violation("budget", "money.MISSING"));
        }
        if (blank(f.getQualification())) {
            v.add(new Violation("qualification", "validation.required"));
        }
        BigDecimal budget = Money.check(f.getBudget(), false) == null ? Money.of(f.getBudget()) : null;
        if (m == ProcurementMethod.SINGLE_SOURCE) {
            if (blank(f.getSingleSourceReason()) || f.getSingleSourceReason().trim().length() < 10) {
                v.add(new Violation("singleSourceReason", "tender.singleSourceReasonRequired"));
            }
            if (blank(f.getProposedSupplier())) {
                v.add(new Violation("proposedSupplier", "validation.required"));
            }
        }
        BigDecimal security = Money.check(f.getBidSecurity(), true) == null ? Money.of(f.getBidSecurity()) : null;
        if (security != null && budget != null
                && security.compareTo(budget.multiply(BID_SECURITY_SHARE)) > 0) {
            v.add(new Violation("bidSecurity", "tender.bidSecurityTooHigh",
                    Money.format(budget.multiply(BID_SECURITY_SHARE))));
        }
        if (m != null && m != ProcurementMethod.SINGLE_SOURCE) {
            checkScoring(f, m, v);
        }
        checkLots(f, ctx, budget, v);
        if (f.getPreferredDeadline() != null && m != null) {
            for (DeadlineProblem p : DeadlineRules.checkPreferredDate(m, ctx.now(), f.getPreferredDeadline(), ctx.calendar())) {
                v.add(new Violation("preferredDeadline", "deadline." + p,
                        DeadlineRules.earliestBidDeadline(m, ctx.now(), ctx.calendar()).toLocalDate().toString()));
            }
        }
        return v;
    }

    /** Price weight within the legal range for services; price weight plus factor points make 100. */
    static void checkScoring(TenderForm f, ProcurementMethod m, List<Violation> v) {
        Integer pw = f.getPriceWeight();
        int min = 10;
        int max = m == ProcurementMethod.COMPETITIVE_CONSULTATION ? 30 : 99;
        if (pw == null) {
            v.add(new Violation("priceWeight", "validation.required"));
        } else if (pw < min || pw > max) {
            v.add(new Violation("priceWeight", "tender.priceWeightRange", min, max));
        }
        if (f.getFactors().isEmpty()) {
            v.add(new Violation("factors", "tender.factorsRequired"));
            return;
        }
        int sum = pw == null ? 0 : pw;
        Set<String> names = new HashSet<>();
        for (TenderForm.Factor factor : f.getFactors()) {
            if (blank(factor.getName())) {
                v.add(new Violation("factorName", "validation.required"));
            } else if (!names.add(factor.getName().trim())) {
                v.add(new Violation("factorName", "tender.factorTwice", factor.getName().trim()));
            }
            if (factor.getPoints() == null || factor.getPoints() <= 0) {
                v.add(new Violation("factorPoints", "tender.factorPointsPositive"));
            } else {
                sum += factor.getPoints();
            }
        }
        if (sum != 100) {
            v.add(new Violation("factors", "tender.pointsSum", sum));
        }
    }

    static void checkLots(TenderForm f, Context ctx, BigDecimal budget, List<Violation> v) {
        if (f.getLots().isEmpty()) {
            v.add(new Violation("lots", "tender.lotsRequired"));
            return;
        }
        BigDecimal total = BigDecimal.ZERO;
        int i = 0;
        for (TenderForm.Lot lot : f.getLots()) {
            i++;
            if (blank(lot.getTitle())) {
                v.add(new Violation("lotTitle", "tender.lotValueRequired", i));
            }
            if (blank(lot.getBudgetCeiling())) {
                v.add(new Violation("lotBudget", "tender.lotValueRequired", i));
            } else if (Money.check(lot.getBudgetCeiling(), false) == null) {
                total = total.add(Money.of(lot.getBudgetCeiling()));
            }
            LocalDate s = lot.getServiceStart();
            LocalDate e = lot.getServiceEnd();
            if (s == null || e == null) {
                v.add(new Violation("servicePeriod", "tender.lotValueRequired", i));
            } else if (!e.isAfter(s)) {
                v.add(new Violation("servicePeriod", "tender.periodOrder", i));
            } else if (e.isAfter(s.plusYears(MAX_TERM_YEARS).minusDays(1))) {
                v.add(new Violation("servicePeriod", "tender.periodTooLong", i, MAX_TERM_YEARS));
            } else if (!s.isAfter(ctx.today())) {
                v.add(new Violation("servicePeriod", "tender.periodInPast", i));
            }
            if (lot.getDeliverables().isEmpty()) {
                v.add(new Violation("deliverables", "tender.deliverablesRequired", i));
            }
            for (TenderForm.Deliverable d : lot.getDeliverables()) {
                if (d.getDeliverableTypeId() == null
                        || !ctx.deliverableInCategory(d.getDeliverableTypeId(), f.getCategoryId())) {
                    v.add(new Violation("deliverableType", "tender.deliverableNotInCategory", i));
                }
                if (d.getPlaceId() == null || !ctx.placeInJurisdiction(d.getPlaceId())) {
                    v.add(new Violation("place", "tender.placeOutsideJurisdiction", i));
                }
                if (d.getQuantity() == null || d.getQuantity() < 1 || d.getQuantity() > 100_000) {
                    v.add(new Violation("quantity", "tender.quantityRange", i));
                }
                if (d.getPerPeriod() == null || d.getPerPeriod().isBlank()) {
                    // an unknown value is already reported by checkDraft
                    v.add(new Violation("perPeriod", "tender.periodUnknown", i));
                }
            }
        }
        if (budget != null && total.compareTo(budget) > 0) {
            v.add(new Violation("lots", "tender.lotsOverBudget", Money.format(total), Money.format(budget)));
        }
    }

    public static ProcurementMethod method(TenderForm f) {
        try {
            return f.getMethod() == null ? null : ProcurementMethod.valueOf(f.getMethod());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public static LotDeliverable.Period period(String p) {
        try {
            return p == null ? null : LotDeliverable.Period.valueOf(p);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void amountIfPresent(List<Violation> v, String field, String text, boolean zeroAllowed) {
        if (!blank(text)) {
            Money.Problem p = Money.check(text, zeroAllowed);
            if (p != null) {
                v.add(new Violation(field, "money." + p));
            }
        }
    }

    private static void length(List<Violation> v, String field, String text, int max) {
        if (text != null && text.length() > max) {
            v.add(new Violation(field, "validation.tooLong", max));
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
