package cn.huimin.domain.model.evaluation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Comprehensive scoring (综合评分法). Price score = lowest valid price ÷ bid price × price weight; technical score =
 * average over the members of each member's sum of factor points; both rounded to 2 decimals HALF_UP, and the total
 * is their sum, so anyone can redo the arithmetic from the published figures. Ranking: total (high first), then the
 * lower price, then the higher technical score; bids equal on all three share a rank.
 */
public final class Scoring {
    private static final MathContext MC = MathContext.DECIMAL128;
    public static final BigDecimal ABNORMALLY_LOW_SHARE = new BigDecimal("0.5");

    private Scoring() {
    }

    public static BigDecimal priceScore(BigDecimal lowestValidPrice, BigDecimal price, int priceWeight) {
        if (price == null || price.signum() <= 0 || lowestValidPrice == null) {
            throw new IllegalArgumentException("price must be positive");
        }
        return lowestValidPrice.divide(price, MC).multiply(BigDecimal.valueOf(priceWeight)).setScale(2, RoundingMode.HALF_UP);
    }

    /** Average of the members' factor totals, 2 decimals HALF_UP. */
    public static BigDecimal technicalScore(List<BigDecimal> memberTotals) {
        if (memberTotals.isEmpty()) {
            throw new IllegalArgumentException("no member scores");
        }
        BigDecimal sum = memberTotals.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return sum.divide(BigDecimal.valueOf(memberTotals.size()), MC).setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * Abnormally low: under half the average of the other valid bids' prices. Needs at least one other bid; the
     * comparison is exact (no rounding of the average).
     */
    public static boolean abnormallyLow(BigDecimal price, List<BigDecimal> otherValidPrices) {
        if (otherValidPrices.isEmpty()) {
            return false;
        }
        BigDecimal average = average(otherValidPrices);
        return price.compareTo(average.multiply(ABNORMALLY_LOW_SHARE)) < 0;
    }

    public static BigDecimal average(List<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add).divide(BigDecimal.valueOf(values.size()), MC);
    }

    /** A bidder fails qualification when more than half of the members fail it. */
    public static boolean qualified(int members, int failedBy) {
        return failedBy * 2 <= members;
    }

    /** A line of the result, before ranking. */
    public record Line(Long bidId, BigDecimal price, BigDecimal technical, BigDecimal priceScore) {
        public BigDecimal total() {
            return technical.add(priceScore);
        }
    }

    public record Ranked(Line line, int rank) {
    }

    public static final Comparator<Line> ORDER = Comparator.comparing(Line::total).reversed()
            .thenComparing(Line::price)
            .thenComparing(Comparator.comparing(Line::technical).reversed());

    /** Lines in ranking order with their ranks (1 = first; equal on total, price and technical score share a rank). */
    public static List<Ranked> rank(List<Line> lines) {
        List<Line> sorted = new ArrayList<>(lines);
        sorted.sort(ORDER.thenComparing(Line::bidId));
        List<Ranked> out = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Line l = sorted.get(i);
            int rank = i + 1;
            if (i > 0 && ORDER.compare(sorted.get(i - 1), l) == 0) {
                rank = out.get(i - 1).rank();
            }
            out.add(new Ranked(l, rank));
        }
        return out;
    }

    /** Whether a factor score needs a comment: below half the factor's points. */
    public static boolean commentRequired(BigDecimal points, int factorPoints) {
        return points.multiply(BigDecimal.valueOf(2)).compareTo(BigDecimal.valueOf(factorPoints)) < 0;
    }

    /** Null when the points are acceptable for the factor, else a message key. At most 2 decimals, 0..max. */
    public static String pointsProblem(BigDecimal points, int factorPoints) {
        if (points == null) {
            return "validation.required";
        }
        if (points.signum() < 0 || points.compareTo(BigDecimal.valueOf(factorPoints)) > 0) {
            return "evaluation.score.range";
        }
        if (points.stripTrailingZeros().scale() > 2) {
            return "evaluation.score.decimals";
        }
        return null;
    }
}
