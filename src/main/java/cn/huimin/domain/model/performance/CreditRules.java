package cn.huimin.domain.model.performance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A vendor's credit: what later tenders see of its past contracts. From the credit entries: the number of evaluated
 * periods and their average score, rectification orders and failed re-checks, terminations. The grade: NEW without any
 * evaluation; D after a termination within the last 3 years or with an average below 60; C below 80 or with a failed
 * re-check within 3 years; B below 90 or with any rectification within 3 years; A otherwise.
 */
public final class CreditRules {
    public static final String EVALUATION = "EVALUATION";
    public static final String RECTIFICATION = "RECTIFICATION";
    public static final String RECHECK_FAILED = "RECHECK_FAILED";
    public static final String RECTIFIED = "RECTIFIED";
    public static final String TERMINATION = "TERMINATION";

    public record Summary(int evaluations, BigDecimal averageScore, BigDecimal lastScore, int rectifications,
                          int failedRechecks, int terminations, String grade) {
        public boolean isEmpty() {
            return evaluations == 0 && rectifications == 0 && terminations == 0;
        }
    }

    private CreditRules() {
    }

    /** Entries in the order they were recorded. */
    public static Summary summarize(List<CreditEntry> entries, Instant now) {
        int evals = 0;
        int rect = 0;
        int failed = 0;
        int term = 0;
        boolean recentTermination = false;
        boolean recentRectification = false;
        boolean recentFailed = false;
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal last = null;
        Instant threeYears = now.minus(3 * 365 + 1, ChronoUnit.DAYS);
        for (CreditEntry e : entries) {
            boolean recent = !e.getRecordedAt().isBefore(threeYears);
            switch (e.getKind()) {
                case EVALUATION -> {
                    evals++;
                    sum = sum.add(e.getScore());
                    last = e.getScore();
                }
                case RECTIFICATION -> {
                    rect++;
                    recentRectification |= recent;
                }
                case RECHECK_FAILED -> {
                    failed++;
                    recentFailed |= recent;
                }
                case TERMINATION -> {
                    term++;
                    recentTermination |= recent;
                }
                default -> {
                }
            }
        }
        BigDecimal avg = evals == 0 ? null : sum.divide(BigDecimal.valueOf(evals), 2, RoundingMode.HALF_UP);
        String grade;
        if (recentTermination || (avg != null && avg.compareTo(BigDecimal.valueOf(60)) < 0)) {
            grade = "D";
        } else if (evals == 0) {
            grade = "NEW";
        } else if (recentFailed || (avg != null && avg.compareTo(BigDecimal.valueOf(80)) < 0)) {
            grade = "C";
        } else if (recentRectification || (avg != null && avg.compareTo(BigDecimal.valueOf(90)) < 0)) {
            grade = "B";
        } else {
            grade = "A";
        }
        return new Summary(evals, avg, last, rect, failed, term, grade);
    }
}
