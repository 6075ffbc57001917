package cn.huimin.domain.model.performance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The money that follows a score. The share of a period comes from the decision table payment-share (≥ 90 full,
 * 80–90 95%, 70–80 85%, 60–70 70%, below 60 nothing); the payment order is the milestone amount × share, to the fen
 * (HALF_UP), never more than the milestone. Finance records what was paid: positive, at most the order's amount.
 * The evaluation's total is the sum of the indicator scores, each between 0 and its weight with at most 2 decimals.
 */
public final class PaymentRules {
    public enum Problem { SHARE_OUT_OF_RANGE, PAID_NOT_POSITIVE, PAID_TOO_MANY_DECIMALS, PAID_ABOVE_ORDER, ALREADY_PAID,
        SCORE_MISSING, SCORE_NEGATIVE, SCORE_ABOVE_WEIGHT, SCORE_TOO_MANY_DECIMALS, COMMENT_MISSING }

    private PaymentRules() {
    }

    /** The order for a milestone. Refuses a share outside [0, 1]: no order can exceed its milestone. */
    public static BigDecimal orderAmount(BigDecimal milestoneAmount, BigDecimal share) {
        if (share == null || share.signum() < 0 || share.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException(Problem.SHARE_OUT_OF_RANGE.name());
        }
        BigDecimal a = milestoneAmount.multiply(share).setScale(2, RoundingMode.HALF_UP);
        return a.min(milestoneAmount);
    }

    public static Problem checkPaid(BigDecimal orderAmount, BigDecimal paid, boolean alreadyPaid) {
        if (alreadyPaid) {
            return Problem.ALREADY_PAID;
        }
        if (paid == null || paid.signum() <= 0) {
            return Problem.PAID_NOT_POSITIVE;
        }
        if (paid.stripTrailingZeros().scale() > 2) {
            return Problem.PAID_TOO_MANY_DECIMALS;
        }
        if (paid.compareTo(orderAmount) > 0) {
            return Problem.PAID_ABOVE_ORDER;
        }
        return null;
    }

    /** The problem with one indicator's score and comment, or null. */
    public static Problem checkScore(BigDecimal score, int weight, String comment) {
        if (score == null) {
            return Problem.SCORE_MISSING;
        }
        if (score.signum() < 0) {
            return Problem.SCORE_NEGATIVE;
        }
        if (score.compareTo(BigDecimal.valueOf(weight)) > 0) {
            return Problem.SCORE_ABOVE_WEIGHT;
        }
        if (score.stripTrailingZeros().scale() > 2) {
            return Problem.SCORE_TOO_MANY_DECIMALS;
        }
        if (comment == null || comment.isBlank()) {
            return Problem.COMMENT_MISSING;
        }
        return null;
    }

    public static BigDecimal total(List<BigDecimal> scores) {
        return scores.stream().reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.HALF_UP);
    }
}
