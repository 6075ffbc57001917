package cn.huimin.process;

import cn.huimin.application.WorkingDays;
import cn.huimin.domain.model.tender.DeadlineRules;
import cn.huimin.domain.shared.WorkingDayCalendar;
import jakarta.inject.Inject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** Due dates of user tasks and their timers, from the working-day calendar: ${taskDeadlines.dueInWorkingDays(3)}. */
@Named("taskDeadlines")
@ApplicationScoped
public class TaskDeadlines {
    // a session bean through CDI, injected wherever the engine first creates this bean (job threads too)
    @Inject
    WorkingDays workingDays;

    public Date dueInWorkingDays(int days) {
        WorkingDayCalendar cal = workingDays.calendar();
        LocalDate today = ClockUtil.getCurrentTime().toInstant().atZone(WorkingDayCalendar.ZONE).toLocalDate();
        return Date.from(DeadlineRules.endOfDay(DeadlineRules.taskDueDate(today, days, cal)));
    }
}
