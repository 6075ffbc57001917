package cn.huimin.domain.model.contract;

import cn.huimin.domain.model.tender.DeadlineRules;
import cn.huimin.domain.shared.WorkingDayCalendar;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The statutory limits of a contract and the arithmetic of its milestones: signed within 30 days of the award notice
 * (GPL 46), published within 2 working days of signing (GPLIR 50), a performance bond of at most 10% of the amount
 * (GPLIR 48), supplementary agreements adding at most 10% of the amount in total (GPL 49), a term of at most one year,
 * or three for a stable service with a reason (MOF Order 102). Milestone shares are percentages with 2 decimals that
 * sum to exactly 100; each milestone's amount is its share of the contract amount rounded to the fen (HALF_UP), the
 * last taking what is left so the amounts sum to exactly the contract amount.
 */
public final class ContractRules {
    public static final int SIGN_CALENDAR_DAYS = 30;
    public static final int PUBLISH_WORKING_DAYS = 2;
    public static final BigDecimal MAX_BOND_PERCENT = new BigDecimal("10");
    public static final BigDecimal DEFAULT_BOND_PERCENT = new BigDecimal("5");
    public static final BigDecimal MAX_SUPPLEMENT_PERCENT = new BigDecimal("10");
    public static final BigDecimal HUNDRED = new BigDecimal("100");
    public static final int MAX_MILESTONES = 36;

    /** How often milestones fall: every month, quarter, half year, or once at the end of the term. */
    public enum Frequency {
        MONTH(1), QUARTER(3), HALF_YEAR(6), YEAR(12), TERM(0);
        public final int months;

        Frequency(int months) {
            this.months = months;
        }
    }

    /** One milestone before it is saved: its period and share. */
    public record Period(LocalDate start, LocalDate end, BigDecimal sharePercent) {
    }

    public enum Problem {
        TERM_MISSING, TERM_REVERSED, TERM_TOO_LONG, TERM_TOO_LONG_FOR_STABLE, LONG_TERM_REASON_MISSING,
        BOND_NEGATIVE, BOND_TOO_HIGH, BOND_TOO_MANY_DECIMALS,
        NO_MILESTONES, TOO_MANY_MILESTONES, SHARE_NOT_POSITIVE, SHARE_TOO_MANY_DECIMALS, SHARES_NOT_100, PERIODS_NOT_CONTIGUOUS,
        SUPPLEMENT_NOT_POSITIVE, SUPPLEMENT_TOO_MANY_DECIMALS, SUPPLEMENT_ABOVE_10_PERCENT
    }

    private ContractRules() {
    }

    /** The end of the 30th calendar day (in China) after the award notice. */
    public static Instant signDue(Instant awardNoticePublished) {
        LocalDate day = DeadlineRules.dateInChina(awardNoticePublished);
        return DeadlineRules.endOfDay(day.plusDays(SIGN_CALENDAR_DAYS));
    }

    /** The end of the 2nd working day after the day the contract was signed by the last side. */
    public static Instant publishDue(Instant signed, WorkingDayCalendar cal) {
        return DeadlineRules.endOfDay(DeadlineRules.taskDueDate(DeadlineRules.dateInChina(signed), PUBLISH_WORKING_DAYS, cal));
    }

    /** The problems of a term: a stable service may run up to three years, with a reason; any other up to one year. */
    public static List<Problem> checkTerm(LocalDate start, LocalDate end, boolean stable, String reason) {
        List<Problem> p = new ArrayList<>();
        if (start == null || end == null) {
            p.add(Problem.TERM_MISSING);
            return p;
        }
        if (end.isBefore(start)) {
            p.add(Problem.TERM_REVERSED);
            return p;
        }
        // the last day is part of the term: a year from 1 January ends on 31 December
        LocalDate limit = start.plusYears(stable ? 3 : 1).minusDays(1);
        if (end.isAfter(limit)) {
            p.add(stable ? Problem.TERM_TOO_LONG_FOR_STABLE : Problem.TERM_TOO_LONG);
        }
        if (stable && (reason == null || reason.isBlank())) {
            p.add(Problem.LONG_TERM_REASON_MISSING);
        }
        return p;
    }

    public static List<Problem> checkBond(BigDecimal percent) {
        List<Problem> p = new ArrayList<>();
        if (percent == null || percent.signum() < 0) {
            p.add(Problem.BOND_NEGATIVE);
        } else if (percent.compareTo(MAX_BOND_PERCENT) > 0) {
            p.add(Problem.BOND_TOO_HIGH);
        } else if (percent.stripTrailingZeros().scale() > 2) {
            p.add(Problem.BOND_TOO_MANY_DECIMALS);
        }
        return p;
    }

    public static BigDecimal bondAmount(BigDecimal amount, BigDecimal percent) {
        return amount.multiply(percent).divide(HUNDRED, 2, RoundingMode.HALF_UP);
    }

    /**
     * Periods of the given frequency covering the term, with equal shares in hundredths of a percent (the last takes
     * the remainder so they sum to 100). The last period may be shorter; it is the final acceptance.
     */
    public static List<Period> schedule(LocalDate start, LocalDate end, Frequency f) {
        List<LocalDate[]> spans = new ArrayList<>();
        if (f == Frequency.TERM) {
            spans.add(new LocalDate[]{start, end});
        } else {
            // each boundary counted from the start (never from the previous boundary), so a term starting on the
            // 31st does not drift through the shorter months
            for (int k = 0; !start.plusMonths((long) k * f.months).isAfter(end); k++) {
                LocalDate s = start.plusMonths((long) k * f.months);
                LocalDate e = start.plusMonths((long) (k + 1) * f.months).minusDays(1);
                spans.add(new LocalDate[]{s, e.isAfter(end) ? end : e});
            }
        }
        int n = spans.size();
        BigDecimal each = HUNDRED.divide(BigDecimal.valueOf(n), 2, RoundingMode.DOWN);
        List<Period> out = new ArrayList<>();
        BigDecimal used = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            BigDecimal share = i == n - 1 ? HUNDRED.subtract(used) : each;
            used = used.add(share);
            out.add(new Period(spans.get(i)[0], spans.get(i)[1], share.setScale(2, RoundingMode.UNNECESSARY)));
        }
        return out;
    }

    /** The problems of a milestone plan: positive shares with at most 2 decimals summing to 100, periods that tile the term. */
    public static List<Problem> checkMilestones(List<Period> periods, LocalDate termStart, LocalDate termEnd) {
        List<Problem> p = new ArrayList<>();
        if (periods == null || periods.isEmpty()) {
            p.add(Problem.NO_MILESTONES);
            return p;
        }
        if (periods.size() > MAX_MILESTONES) {
            p.add(Problem.TOO_MANY_MILESTONES);
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (Period m : periods) {
            if (m.sharePercent() == null || m.sharePercent().signum() <= 0) {
                p.add(Problem.SHARE_NOT_POSITIVE);
                return p;
            }
            if (m.sharePercent().stripTrailingZeros().scale() > 2) {
                p.add(Problem.SHARE_TOO_MANY_DECIMALS);
            }
            sum = sum.add(m.sharePercent());
        }
        if (sum.compareTo(HUNDRED) != 0) {
            p.add(Problem.SHARES_NOT_100);
        }
        LocalDate expected = termStart;
        for (Period m : periods) {
            if (m.start() == null || m.end() == null || !m.start().equals(expected) || m.end().isBefore(m.start())) {
                p.add(Problem.PERIODS_NOT_CONTIGUOUS);
                return p;
            }
            expected = m.end().plusDays(1);
        }
        if (termEnd != null && !expected.equals(termEnd.plusDays(1))) {
            p.add(Problem.PERIODS_NOT_CONTIGUOUS);
        }
        return p;
    }

    /** Each milestone's amount: share × amount to the fen (HALF_UP); the last takes the rest, so they sum to the amount. */
    public static List<BigDecimal> milestoneAmounts(BigDecimal amount, List<BigDecimal> sharesPercent) {
        List<BigDecimal> out = new ArrayList<>();
        BigDecimal used = BigDecimal.ZERO;
        for (int i = 0; i < sharesPercent.size(); i++) {
            BigDecimal a = i == sharesPercent.size() - 1
                    ? amount.subtract(used)
                    : amount.multiply(sharesPercent.get(i)).divide(HUNDRED, 2, RoundingMode.HALF_UP);
            used = used.add(a);
            out.add(a.setScale(2, RoundingMode.UNNECESSARY));
        }
        return out;
    }

    /** What a new supplementary agreement may add: the supplements in total stay within 10% of the original amount. */
    public static List<Problem> checkSupplement(BigDecimal originalAmount, BigDecimal alreadyAdded, BigDecimal add) {
        List<Problem> p = new ArrayList<>();
        if (add == null || add.signum() <= 0) {
            p.add(Problem.SUPPLEMENT_NOT_POSITIVE);
            return p;
        }
        if (add.stripTrailingZeros().scale() > 2) {
            p.add(Problem.SUPPLEMENT_TOO_MANY_DECIMALS);
        }
        if (alreadyAdded.add(add).compareTo(supplementLimit(originalAmount)) > 0) {
            p.add(Problem.SUPPLEMENT_ABOVE_10_PERCENT);
        }
        return p;
    }

    /** 10% of the original amount, to the fen rounded down (never more than the law allows). */
    public static BigDecimal supplementLimit(BigDecimal originalAmount) {
        return originalAmount.multiply(MAX_SUPPLEMENT_PERCENT).divide(HUNDRED, 2, RoundingMode.DOWN);
    }

    /**
     * The length of a period in months: whole calendar months from its first day, plus the days left over as a
     * fraction of 30 (2 decimals). 1 March to 31 May is 3; 15 March to 14 June is 3; 1 to 15 March is 0.5.
     */
    public static BigDecimal months(LocalDate start, LocalDate end) {
        return months(start, end, 2);
    }

    /** As {@link #months(LocalDate, LocalDate)}, with the given number of decimals (plans use 6: no rounding twice). */
    public static BigDecimal months(LocalDate start, LocalDate end, int scale) {
        LocalDate after = end.plusDays(1);
        long whole = ChronoUnit.MONTHS.between(start, after);
        long days = ChronoUnit.DAYS.between(start.plusMonths(whole), after);
        return BigDecimal.valueOf(whole).add(BigDecimal.valueOf(days).divide(BigDecimal.valueOf(30), scale, RoundingMode.HALF_UP));
    }
}
