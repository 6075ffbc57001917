package cn.huimin.process;

import cn.huimin.application.AwardService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** What the award BPMN calls. */
@Named("awardWorkflow")
@ApplicationScoped
public class AwardWorkflow {
    // a session bean through CDI, injected wherever the engine first creates this bean (job threads too)
    @Inject
    AwardService awards;

    private static Long award(DelegateExecution execution) {
        return (Long) execution.getVariable("awardId");
    }

    public Date confirmDue(DelegateExecution execution) {
        return Date.from(awards.confirmDue(award(execution)));
    }

    public void publish(DelegateExecution execution) {
        execution.setVariable("refundNeeded", awards.publish(award(execution)));
    }

    public Date challengeUntil(DelegateExecution execution) {
        return Date.from(awards.challengeUntil(award(execution)));
    }

    public void closeChallengePeriod(DelegateExecution execution) {
        awards.closeChallengePeriod(award(execution));
    }
}
