package cn.huimin.domain.model.award;

import cn.huimin.domain.model.tender.DeadlineRules;
import cn.huimin.domain.shared.WorkingDayCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The statutory periods after the evaluation, counted in working days of the official calendar (Asia/Shanghai), each
 * ending at the end of its last day: the purchaser confirms the winner within 5 working days of the report (GPLIR
 * 43); bidders challenge within 7 working days of the award notice (GPL 52); the answer is due within 7 working days
 * (GPL 53); a complaint may follow within 15 working days after the answer was due (GPL 55); the supervisor decides
 * within 30 working days (GPL 56); a pending challenge or complaint suspends the award for 30 days at most (GPL 57).
 */
public final class AwardRules {
    public static final int CONFIRM_WORKING_DAYS = 5;
    public static final int CHALLENGE_WORKING_DAYS = 7;
    public static final int ANSWER_WORKING_DAYS = 7;
    public static final int COMPLAINT_WORKING_DAYS = 15;
    public static final int DECISION_WORKING_DAYS = 30;
    public static final int REFUND_WORKING_DAYS = 5;
    public static final Duration MAX_SUSPENSION = Duration.ofDays(30);

    private AwardRules() {
    }

    /** The end of the n-th working day after the day (in China) of the given moment. */
    public static Instant endOfWorkingDaysAfter(Instant from, int workingDays, WorkingDayCalendar cal) {
        LocalDate day = from.atZone(WorkingDayCalendar.ZONE).toLocalDate();
        return DeadlineRules.endOfDay(DeadlineRules.taskDueDate(day, workingDays, cal));
    }

    public static Instant confirmDue(Instant reportDone, WorkingDayCalendar cal) {
        return endOfWorkingDaysAfter(reportDone, CONFIRM_WORKING_DAYS, cal);
    }

    public static Instant challengeUntil(Instant noticePublished, WorkingDayCalendar cal) {
        return endOfWorkingDaysAfter(noticePublished, CHALLENGE_WORKING_DAYS, cal);
    }

    public static Instant answerDue(Instant challengeFiled, WorkingDayCalendar cal) {
        return endOfWorkingDaysAfter(challengeFiled, ANSWER_WORKING_DAYS, cal);
    }

    /** Counted from the day the answer was due, whether or not it came earlier. */
    public static Instant complaintUntil(Instant answerDue, WorkingDayCalendar cal) {
        return endOfWorkingDaysAfter(answerDue, COMPLAINT_WORKING_DAYS, cal);
    }

    public static Instant decisionDue(Instant complaintFiled, WorkingDayCalendar cal) {
        return endOfWorkingDaysAfter(complaintFiled, DECISION_WORKING_DAYS, cal);
    }

    /** Whether a moment is still within a period ending at {@code until} (the last second counts). */
    public static boolean within(Instant now, Instant until) {
        return !now.isAfter(until);
    }

    /** Whether the award is still suspended by a pending challenge or complaint: 30 days at most. */
    public static boolean suspended(Instant since, Instant now) {
        return since != null && now.isBefore(since.plus(MAX_SUSPENSION));
    }
}
