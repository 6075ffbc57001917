package cn.huimin.domain.model.singlesource;

import cn.huimin.application.Violation;
import cn.huimin.domain.model.tender.ProcurementMethod;
import cn.huimin.domain.model.tender.TenderStatus;
import cn.huimin.domain.shared.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Single source (GPLIR 38): the reasons and the proposed supplier are publicly noticed for at least 5 working days;
 * anyone may object in that time and the purchaser handles the objections before it goes on; then a team of at least
 * three negotiates with the supplier, records the minutes and the agreed price of each lot (within its ceiling).
 */
public final class SingleSourceRules {
    public static final int MIN_TEAM = 3;
    public static final int MAX_TEAM_TEXT = 1000;
    public static final int MIN_MINUTES = 20;
    public static final int MAX_MINUTES = 8000;
    public static final int MIN_OBJECTION = 10;
    public static final int MAX_OBJECTION = 4000;
    public static final int MAX_REPLY = 4000;

    private SingleSourceRules() {
    }

    /** The team members named: split at commas (also full-width), enumeration commas, semicolons and line ends; each once. */
    public static List<String> teamMembers(String team) {
        Set<String> names = new LinkedHashSet<>();
        if (team != null) {
            for (String s : team.split("[,，、;；\\n\\r]+")) {
                String n = s.strip().replaceAll("\\s+", " ");
                if (!n.isEmpty()) {
                    names.add(n);
                }
            }
        }
        return List.copyOf(names);
    }

    /**
     * Why an objection cannot be lodged at this instant, or null: only on a published single-source tender, strictly
     * before the end of its notice period.
     */
    public static String objectionRefusal(TenderStatus status, ProcurementMethod method, Instant noticeEnds, Instant now) {
        if (method != ProcurementMethod.SINGLE_SOURCE) {
            return "objection.notSingleSource";
        }
        if (status != TenderStatus.PUBLISHED || noticeEnds == null || !now.isBefore(noticeEnds)) {
            return "objection.closed";
        }
        return null;
    }

    /** The problems of an objection's text, in the order a reader fixes them. */
    public static List<Violation> checkObjection(String text) {
        List<Violation> v = new ArrayList<>();
        String t = text == null ? "" : text.strip();
        if (t.length() < MIN_OBJECTION) {
            v.add(new Violation("text", "objection.tooShort", MIN_OBJECTION));
        } else if (t.length() > MAX_OBJECTION) {
            v.add(new Violation("text", "validation.tooLong", MAX_OBJECTION));
        }
        return v;
    }

    /**
     * The problems of a negotiation record. prices: lot id → the price as typed; ceilings: lot id → that lot's
     * ceiling (every lot of the tender, each needs a price). The negotiation cannot be dated before the notice ended
     * nor in the future.
     */
    public static List<Violation> checkNegotiation(String team, String minutes, LocalDate negotiatedOn, LocalDate noticeEndDay,
                                                   LocalDate today, Map<Long, String> prices, Map<Long, BigDecimal> ceilings) {
        List<Violation> v = new ArrayList<>();
        if (team != null && team.length() > MAX_TEAM_TEXT) {
            v.add(new Violation("team", "validation.tooLong", MAX_TEAM_TEXT));
        } else if (teamMembers(team).size() < MIN_TEAM) {
            v.add(new Violation("team", "negotiation.teamTooSmall", MIN_TEAM));
        }
        String m = minutes == null ? "" : minutes.strip();
        if (m.length() < MIN_MINUTES) {
            v.add(new Violation("minutes", "negotiation.minutesTooShort", MIN_MINUTES));
        } else if (m.length() > MAX_MINUTES) {
            v.add(new Violation("minutes", "validation.tooLong", MAX_MINUTES));
        }
        if (negotiatedOn == null) {
            v.add(new Violation("negotiatedOn", "validation.required"));
        } else if (negotiatedOn.isAfter(today)) {
            v.add(new Violation("negotiatedOn", "negotiation.dateInFuture"));
        } else if (noticeEndDay != null && negotiatedOn.isBefore(noticeEndDay)) {
            v.add(new Violation("negotiatedOn", "negotiation.beforeNoticeEnd", noticeEndDay.toString()));
        }
        for (Map.Entry<Long, BigDecimal> lot : ceilings.entrySet()) {
            String field = "price." + lot.getKey();
            String typed = prices.get(lot.getKey());
            Money.Problem p = Money.check(typed, false);
            if (p != null) {
                v.add(new Violation(field, "money." + p.name()));
            } else if (lot.getValue() != null && Money.of(typed).compareTo(lot.getValue()) > 0) {
                v.add(new Violation(field, "bid.aboveCeiling", Money.format(lot.getValue())));
            }
        }
        for (Long lotId : prices.keySet()) {
            if (!ceilings.containsKey(lotId)) {
                v.add(new Violation("price." + lotId, "bid.lotUnknown"));
            }
        }
        return v;
    }
}
