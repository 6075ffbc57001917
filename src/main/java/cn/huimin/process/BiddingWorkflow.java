package cn.huimin.process;

import cn.huimin.application.OpeningService;
import cn.huimin.application.EvaluationService;
import cn.huimin.domain.model.evaluation.Committee;
import jakarta.inject.Inject;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** What the bid-opening BPMN calls: the opening at the deadline and the approved handling of failed lots. */
@Named("biddingWorkflow")
@ApplicationScoped
public class BiddingWorkflow {
    // a session bean through CDI, injected wherever the engine first creates this bean (job threads too)
    @Inject
    OpeningService openings;

    public void open(DelegateExecution execution) {
        OpeningService.Result r = openings.open((Long) execution.getVariable("tenderId"));
        execution.setVariable("opened", r.opened());
        if (!r.opened()) {
            // the timer fired before the tender's deadline: wait for it again
            execution.setVariable("bidDeadline", java.util.Date.from(r.notBefore()));
            return;
        }
        execution.setVariable("validLots", r.validLots());
        execution.setVariable("failedLots", r.failedLots());
    }

    @Inject
    EvaluationService evaluations;

    /** One evaluation process per lot that passed the opening (business key "tender/lot"). */
    public void startEvaluations(DelegateExecution execution) {
        Long tenderId = (Long) execution.getVariable("tenderId");
        for (Committee c : evaluations.prepareCommittees(tenderId)) {
            ProcessInstance pi = execution.getProcessEngineServices().getRuntimeService()
                    .startProcessInstanceByKey("evaluation", tenderId + "/" + c.getLotNo(), evaluations.processVariables(c.getId()));
            evaluations.attachProcess(c.getId(), pi.getId());
        }
    }

    public void applyFailedLots(DelegateExecution execution) {
        openings.applyFailedLots((Long) execution.getVariable("tenderId"), Actors.of(execution));
    }
}
