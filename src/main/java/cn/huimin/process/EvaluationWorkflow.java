package cn.huimin.process;

import cn.huimin.application.EvaluationService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** What the evaluation BPMN calls. Collections for the multi-instance steps are read from the database, never stored. */
@Named("evaluationWorkflow")
@ApplicationScoped
public class EvaluationWorkflow {
    // a session bean through CDI, injected wherever the engine first creates this bean (job threads too)
    @Inject
    EvaluationService evaluations;

    private static Long committee(DelegateExecution execution) {
        return (Long) execution.getVariable("committeeId");
    }

    public void recordSize(DelegateExecution execution) {
        evaluations.recordSize(committee(execution), ((Number) execution.getVariable("committeeSize")).intValue());
    }

    public List<String> invited(DelegateExecution execution) {
        return evaluations.invitedMembers(committee(execution));
    }

    /** The answer period ended: whoever has not answered counts as recused. */
    public void expireInvitations(DelegateExecution execution) {
        Long id = committee(execution);
        for (String username : evaluations.invitedMembers(id)) {
            evaluations.invitationExpired(id, username);
        }
    }

    public void fillVacancies(DelegateExecution execution) {
        execution.setVariable("committeeState", evaluations.fillVacancies(committee(execution)));
    }

    public void checkPrices(DelegateExecution execution) {
        execution.setVariable("clarificationCount", evaluations.checkPrices(committee(execution)).size());
    }

    public List<String> clarificationVendors(DelegateExecution execution) {
        return evaluations.clarificationVendorUsernames(committee(execution));
    }

    public Date clarificationDue(DelegateExecution execution) {
        Instant due = evaluations.clarificationDue(committee(execution));
        return Date.from(due);
    }

    /** The explanation period ended: unanswered clarifications are recorded as such (the chair can only reject them). */
    public void explanationsClosed(DelegateExecution execution) {
        evaluations.explanationsClosed(committee(execution));
    }

    public String chair(DelegateExecution execution) {
        return evaluations.chair(committee(execution));
    }

    public List<String> members(DelegateExecution execution) {
        return evaluations.confirmedMembers(committee(execution));
    }

    public void computeResult(DelegateExecution execution) {
        execution.setVariable("qualifiedBids", evaluations.computeResult(committee(execution)));
    }

    public Date reportDue(DelegateExecution execution) {
        return Date.from(evaluations.reportDue(committee(execution)));
    }

    public void escalateReport(DelegateExecution execution) {
        evaluations.reportOverdue(committee(execution), execution.getProcessInstanceId());
    }

    @Inject
    cn.huimin.application.AwardService awards;

    /** The award process of the lot (business key "tender/lot"), with the award's id. */
    public void startAward(DelegateExecution execution) {
        cn.huimin.domain.model.award.Award a = awards.create(committee(execution));
        java.util.Map<String, Object> vars = new java.util.HashMap<>();
        vars.put("tenderId", execution.getVariable("tenderId"));
        vars.put("unitId", execution.getVariable("unitId"));
        vars.put("lotId", execution.getVariable("lotId"));
        vars.put("committeeId", committee(execution));
        vars.put("awardId", a.getId());
        String pi = execution.getProcessEngineServices().getRuntimeService()
                .startProcessInstanceByKey("award", execution.getProcessBusinessKey(), vars).getId();
        awards.attachProcess(a.getId(), pi);
    }

    public void finish(DelegateExecution execution) {
        execution.setVariable("outcome", evaluations.finish(committee(execution)));
    }
}
