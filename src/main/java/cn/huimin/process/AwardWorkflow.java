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

    @Inject
    cn.huimin.application.ContractService contracts;

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

    /**
     * The challenge period ended: the award stands (or waits for open challenges), and the contract process starts;
     * it waits itself while a challenge blocks signing and ends if the award is cancelled.
     */
    public void closeChallengePeriod(DelegateExecution execution) {
        Long awardId = award(execution);
        awards.closeChallengePeriod(awardId);
        cn.huimin.domain.model.award.Award a = awards.award(awardId);
        if (a.getWinnerVendorId() == null || !java.util.Set.of("PUBLISHED", "FINAL").contains(a.getStatus())) {
            return;
        }
        java.util.Map<String, Object> vars = new java.util.HashMap<>();
        vars.put("awardId", awardId);
        vars.put("tenderId", execution.getVariable("tenderId"));
        vars.put("unitId", execution.getVariable("unitId"));
        vars.put("lotId", execution.getVariable("lotId"));
        vars.put("vendorUser", contracts.vendorUser(a.getWinnerVendorId()));
        execution.getProcessEngineServices().getRuntimeService()
                .startProcessInstanceByKey("contract-signing", execution.getProcessBusinessKey(), vars);
    }
}
