package cn.huimin.process;

import cn.huimin.application.ContractService;
import cn.huimin.domain.model.contract.Contract;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** What the contract-signing BPMN calls. */
@Named("contractWorkflow")
@ApplicationScoped
public class ContractWorkflow {
    /** How long a blocked award waits before it is checked again. */
    static final long RECHECK_MILLIS = 24L * 3600 * 1000;

    @Inject
    ContractService contracts;

    private static Long contract(DelegateExecution execution) {
        return (Long) execution.getVariable("contractId");
    }

    public void checkAward(DelegateExecution execution) {
        String state = contracts.awardState((Long) execution.getVariable("awardId"));
        execution.setVariable("awardCancelled", "CANCELLED".equals(state));
        execution.setVariable("awardBlocked", "BLOCKED".equals(state));
    }

    public Date recheckAt(DelegateExecution execution) {
        return new Date(ClockUtil.getCurrentTime().getTime() + RECHECK_MILLIS);
    }

    public void draft(DelegateExecution execution) {
        Contract c = contracts.draft((Long) execution.getVariable("awardId"));
        execution.setVariable("contractId", c.getId());
        contracts.attachProcess(c.getId(), execution.getProcessInstanceId(), null);
    }

    public Date signDue(DelegateExecution execution) {
        return Date.from(contracts.contract(contract(execution)).getSignDue());
    }

    public void escalate(DelegateExecution execution) {
        contracts.recordOverdueSigning(contract(execution));
    }

    public void publish(DelegateExecution execution) {
        contracts.publish(contract(execution));
    }

    /** Starts the service term of the published contract: its periods, evaluations and payments. */
    public void startTerm(DelegateExecution execution) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("contractId", contract(execution));
        vars.put("tenderId", execution.getVariable("tenderId"));
        vars.put("unitId", execution.getVariable("unitId"));
        vars.put("vendorUser", execution.getVariable("vendorUser"));
        String pi = execution.getProcessEngineServices().getRuntimeService()
                .startProcessInstanceByKey("contract-term", execution.getProcessBusinessKey(), vars).getId();
        contracts.attachProcess(contract(execution), null, pi);
    }
}
