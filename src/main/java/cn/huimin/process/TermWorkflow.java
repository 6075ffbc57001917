package cn.huimin.process;

import cn.huimin.application.ContractService;
import cn.huimin.application.PerformanceService;
import cn.huimin.domain.model.contract.Milestone;
import cn.huimin.domain.model.tender.DeadlineRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** What the contract-term BPMN calls: one period after the other, each evaluated when it ends. */
@Named("termWorkflow")
@ApplicationScoped
public class TermWorkflow {
    @Inject
    ContractService contracts;

    @Inject
    PerformanceService performance;

    private static Long contract(DelegateExecution execution) {
        return (Long) execution.getVariable("contractId");
    }

    public void nextPeriod(DelegateExecution execution) {
        Milestone m = performance.nextPeriod(contract(execution));
        execution.setVariable("hasPeriod", m != null);
        if (m != null) {
            execution.setVariable("milestoneId", m.getId());
            execution.setVariable("finalPeriod", m.isFinalPeriod());
        }
    }

    /** The end of the period's last day, Beijing time. */
    public Date periodEndsAt(DelegateExecution execution) {
        Long id = (Long) execution.getVariable("milestoneId");
        Milestone m = contracts.milestones(contract(execution)).stream().filter(x -> x.getId().equals(id)).findFirst().orElseThrow();
        return Date.from(DeadlineRules.endOfDay(m.getPeriodEnd()));
    }

    public void openEvaluation(DelegateExecution execution) {
        execution.setVariable("evaluationId", performance.open(contract(execution), (Long) execution.getVariable("milestoneId")).getId());
    }

    public void afterEvaluation(DelegateExecution execution) {
        execution.setVariable("proposeTermination", performance.twoFailingInARow(contract(execution)));
    }

    public void terminate(DelegateExecution execution) {
        contracts.terminate(contract(execution));
    }

    public void complete(DelegateExecution execution) {
        contracts.complete(contract(execution));
    }
}
