package cn.huimin.domain.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** CNY amounts: decimal text with at most 2 decimals, never floating point. */
public final class Money {
    public static final BigDecimal MAX = new BigDecimal("9999999999999.99");

    public enum Problem { MISSING, NOT_A_NUMBER, TOO_MANY_DECIMALS, NOT_POSITIVE, NEGATIVE, TOO_LARGE }

    private Money() {
    }

    /** Parses user text ("1,200.50" and full-width digits are not accepted: plain digits and one dot). */
    public static BigDecimal parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        if (!t.matches("-?\\d{1,16}(\\.\\d+)?")) {
            return null;
        }
        return new BigDecimal(t);
    }

    /** The problem with text as an amount, or null when it is a valid amount (positive, or zero where allowed). */
    public static Problem check(String text, boolean zeroAllowed) {
        if (text == null || text.isBlank()) {
            return Problem.MISSING;
        }
        BigDecimal v = parse(text);
        if (v == null) {
            return Problem.NOT_A_NUMBER;
        }
        if (v.scale() > 2) {
            return Problem.TOO_MANY_DECIMALS;
        }
        if (v.signum() < 0) {
            return Problem.NEGATIVE;
        }
        if (v.signum() == 0 && !zeroAllowed) {
            return Problem.NOT_POSITIVE;
        }
        if (v.compareTo(MAX) > 0) {
            return Problem.TOO_LARGE;
        }
        return null;
    }

    public static BigDecimal of(String text) {
        BigDecimal v = parse(text);
        return v == null ? null : v.setScale(2, RoundingMode.UNNECESSARY);
    }

    public static String format(BigDecimal v) {
        return v == null ? "" : String.format(java.util.Locale.ROOT, "%,.2f", v);
    }
}
