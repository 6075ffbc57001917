package cn.huimin.domain.model.delivery;

import cn.huimin.domain.model.contract.ContractRules;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What was planned in a span of time and what counts as delivered. A deliverable's quantity is per month, quarter,
 * year or the whole term; the plan of a span inside the term is that quantity scaled by the span's length in months
 * (whole months plus the days left over as thirtieths), rounded once to one decimal, HALF_UP. Residents may rate an event until the end of the 14th day after it (Asia/Shanghai), unless
 * the period's evaluation has closed the ratings earlier.
 */
public final class DeliveryRules {
    public static final int RATING_DAYS = 14;
    public static final int MAX_ATTENDANCE = 100_000;
    public static final BigDecimal MAX_QUANTITY = new BigDecimal("1000");
    public static final int MAX_PHOTOS = 6;
    public static final long MAX_PHOTO_BYTES = 10L * 1024 * 1024;
    public static final int MAX_CODES_PER_BATCH = 500;

    public enum Problem { DATE_MISSING, DATE_IN_FUTURE, DATE_OUTSIDE_TERM, PLACE_NOT_IN_CONTRACT, DELIVERABLE_NOT_AT_PLACE,
        QUANTITY_NOT_POSITIVE, QUANTITY_TOO_LARGE, QUANTITY_TOO_MANY_DECIMALS, ATTENDANCE_NEGATIVE, ATTENDANCE_TOO_LARGE, PERIOD_CLOSED }

    private DeliveryRules() {
    }

    /** The planned quantity in [from, to] (inclusive, within the term) of a quantity given per period. */
    public static BigDecimal planned(int quantity, String perPeriod, LocalDate from, LocalDate to, LocalDate termStart, LocalDate termEnd) {
        LocalDate s = from.isBefore(termStart) ? termStart : from;
        LocalDate e = to.isAfter(termEnd) ? termEnd : to;
        if (e.isBefore(s)) {
            return BigDecimal.ZERO.setScale(1);
        }
        BigDecimal months = ContractRules.months(s, e, 6);
        BigDecimal q = BigDecimal.valueOf(quantity);
        BigDecimal v = switch (perPeriod) {
            case "MONTH" -> q.multiply(months);
            case "QUARTER" -> q.multiply(months).divide(BigDecimal.valueOf(3), 6, RoundingMode.HALF_UP);
            case "YEAR" -> q.multiply(months).divide(BigDecimal.valueOf(12), 6, RoundingMode.HALF_UP);
            default -> q.multiply(months).divide(ContractRules.months(termStart, termEnd, 6), 6, RoundingMode.HALF_UP);
        };
        return v.setScale(1, RoundingMode.HALF_UP);
    }

    /** Delivered ÷ planned as a percentage with one decimal; null when nothing was planned. */
    public static BigDecimal ratioPercent(BigDecimal delivered, BigDecimal planned) {
        if (planned == null || planned.signum() == 0) {
            return null;
        }
        return delivered.multiply(BigDecimal.valueOf(100)).divide(planned, 1, RoundingMode.HALF_UP);
    }

    /** Ratings close at the end of the 14th day after the event. */
    public static Instant ratingsClose(LocalDate eventDate) {
        return cn.huimin.domain.model.tender.DeadlineRules.endOfDay(eventDate.plusDays(RATING_DAYS));
    }

    public static Problem checkQuantity(BigDecimal q) {
        if (q == null || q.signum() <= 0) {
            return Problem.QUANTITY_NOT_POSITIVE;
        }
        if (q.compareTo(MAX_QUANTITY) > 0) {
            return Problem.QUANTITY_TOO_LARGE;
        }
        if (q.stripTrailingZeros().scale() > 1) {
            return Problem.QUANTITY_TOO_MANY_DECIMALS;
        }
        return null;
    }
}
