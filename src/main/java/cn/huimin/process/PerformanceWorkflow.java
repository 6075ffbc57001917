package cn.huimin.process;

import cn.huimin.application.PerformanceService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** What the performance-evaluation BPMN calls. */
@Named("performanceWorkflow")
@ApplicationScoped
public class PerformanceWorkflow {
    @Inject
    PerformanceService performance;

    private static Long evaluation(DelegateExecution execution) {
        return (Long) execution.getVariable("evaluationId");
    }

    public void collectEvidence(DelegateExecution execution) {
        performance.attachProcess(evaluation(execution), execution.getProcessInstanceId());
        performance.collectEvidence(evaluation(execution));
    }

    public void inviteOpinions(DelegateExecution execution) {
        performance.inviteOpinions(evaluation(execution));
    }

    public Date opinionsUntil(DelegateExecution execution) {
        return Date.from(performance.opinionsUntil(evaluation(execution)));
    }

    public void closeOpinions(DelegateExecution execution) {
        performance.closeOpinions(evaluation(execution));
    }

    /** The signed-off total as the decision table's input. */
    public void prepareDecision(DelegateExecution execution) {
        execution.setVariable("score", performance.totalScore(evaluation(execution)));
    }

    /**
     * End listener of the decision task: copies the single result of payment-share (share, rectification, failing,
     * band) into plain variables. The engine offers the whole result only as the transient "decisionResult" (a map
     * would need Java serialization, which is off).
     */
    public void readDecision(DelegateExecution execution) {
        org.camunda.bpm.dmn.engine.DmnDecisionResult r = (org.camunda.bpm.dmn.engine.DmnDecisionResult) execution.getVariable("decisionResult");
        Map<String, Object> d = r.getSingleResult().getEntryMap();
        execution.setVariable("share", ((Number) d.get("share")).doubleValue());
        execution.setVariable("rectification", Boolean.TRUE.equals(d.get("rectification")));
        execution.setVariable("failing", Boolean.TRUE.equals(d.get("failing")));
        execution.setVariable("band", String.valueOf(d.get("band")));
    }

    /** Applies what payment-share decided: the payment order, the credit entry, a rectification order. */
    public void applyConsequences(DelegateExecution execution) {
        BigDecimal share = new BigDecimal(String.valueOf(((Number) execution.getVariable("share")).doubleValue()));
        performance.applyConsequences(evaluation(execution), new PerformanceService.Decision(share,
                Boolean.TRUE.equals(execution.getVariable("rectification")), Boolean.TRUE.equals(execution.getVariable("failing")),
                String.valueOf(execution.getVariable("band"))));
    }

    public Date rectificationDue(DelegateExecution execution) {
        return Date.from(performance.rectificationDue(evaluation(execution)));
    }

    public void rectificationOverdue(DelegateExecution execution) {
        performance.rectificationOverdue(evaluation(execution));
    }

    public void rectificationPassed(DelegateExecution execution) {
        performance.rectificationPassed(evaluation(execution));
    }

    public void renewRectification(DelegateExecution execution) {
        performance.renewRectification(evaluation(execution));
    }
}
