package cn.huimin.domain.model.award;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huimin.domain.shared.WorkingDayCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class AwardRulesTest {
    final WorkingDayCalendar cal = WorkingDayCalendar.official2026();

    static Instant at(int y, int m, int d, int h, int min) {
        return ZonedDateTime.of(y, m, d, h, min, 0, 0, WorkingDayCalendar.ZONE).toInstant();
    }

    static LocalDate day(Instant i) {
        return i.atZone(WorkingDayCalendar.ZONE).toLocalDate();
    }

    @Test
    void aChallengePeriodAcrossNationalDayCountsTheMakeUpSaturday() {
        // notice on Wed 30 Sep 2026: 1-7 Oct off; Thu 8, Fri 9, Sat 10 (make-up), Mon 12, Tue 13, Wed 14, Thu 15
        Instant until = AwardRules.challengeUntil(at(2026, 9, 30, 16, 0), cal);
        assertThat(day(until)).isEqualTo(LocalDate.of(2026, 10, 15));
        // the last second of that day still counts, the next does not
        assertThat(until).isEqualTo(at(2026, 10, 15, 23, 59).plusSeconds(59));
        assertThat(AwardRules.within(until, until)).isTrue();
        assertThat(AwardRules.within(until.plusSeconds(1), until)).isFalse();
    }

    @Test
    void aNoticeOnAHolidayCountsFromTheNextWorkingDay() {
        // notice on Sat 3 Oct 2026 (holiday): Thu 8 is the first working day
        assertThat(day(AwardRules.challengeUntil(at(2026, 10, 3, 10, 0), cal))).isEqualTo(LocalDate.of(2026, 10, 15));
    }

    @Test
    void theConfirmationIsDueFiveWorkingDaysAfterTheReportAcrossSpringFestival() {
        // report on Thu 12 Feb 2026: Fri 13, Sat 14 (make-up), then 15-23 off, Tue 24, Wed 25, Thu 26
        assertThat(day(AwardRules.confirmDue(at(2026, 2, 12, 11, 0), cal))).isEqualTo(LocalDate.of(2026, 2, 26));
    }

    @Test
    void theComplaintPeriodCountsFromTheDayTheAnswerWasDue() {
        Instant filed = at(2026, 4, 30, 9, 0); // Thu; 1-5 May off, Sat 9 May make-up
        Instant answerDue = AwardRules.answerDue(filed, cal);
        // Wed 6, Thu 7, Fri 8, Sat 9 (make-up), Mon 11, Tue 12, Wed 13
        assertThat(day(answerDue)).isEqualTo(LocalDate.of(2026, 5, 13));
        // 15 working days after Wed 13 May: 14,15,18,19,20,21,22,25,26,27,28,29, Jun 1,2,3
        assertThat(day(AwardRules.complaintUntil(answerDue, cal))).isEqualTo(LocalDate.of(2026, 6, 3));
    }

    @Test
    void theDecisionIsDueThirtyWorkingDaysAfterTheComplaintAcrossDragonBoat() {
        // complaint on Mon 1 Jun 2026; 19-21 Jun off (Fri 19 is the working day lost)
        LocalDate due = day(AwardRules.decisionDue(at(2026, 6, 1, 9, 0), cal));
        assertThat(due).isEqualTo(LocalDate.of(2026, 7, 14));
    }

    @Test
    void aSuspensionEndsAfterThirtyDays() {
        Instant since = at(2026, 6, 1, 9, 0);
        assertThat(AwardRules.suspended(since, since.plus(Duration.ofDays(30)).minusSeconds(1))).isTrue();
        assertThat(AwardRules.suspended(since, since.plus(Duration.ofDays(30)))).isFalse();
        assertThat(AwardRules.suspended(null, since)).isFalse();
    }
}
