package cn.huimin.process;

import cn.huimin.application.ChallengeService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** What the challenge BPMN calls. */
@Named("challengeWorkflow")
@ApplicationScoped
public class ChallengeWorkflow {
    // a session bean through CDI, injected wherever the engine first creates this bean (job threads too)
    @Inject
    ChallengeService challenges;

    private static Long challenge(DelegateExecution execution) {
        return (Long) execution.getVariable("challengeId");
    }

    public Date answerDue(DelegateExecution execution) {
        return Date.from(challenges.answerDue(challenge(execution)));
    }

    public Date complaintUntil(DelegateExecution execution) {
        return Date.from(challenges.complaintUntil(challenge(execution)));
    }

    public Date decisionDue(DelegateExecution execution) {
        return Date.from(challenges.decisionDue(challenge(execution)));
    }

    public void close(DelegateExecution execution) {
        challenges.close(challenge(execution));
    }
}
