package cn.huimin.process;

import cn.huimin.application.OpeningService;
import jakarta.inject.Inject;
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
        execution.setVariable("validLots", r.validLots());
        execution.setVariable("failedLots", r.failedLots());
    }

    public void applyFailedLots(DelegateExecution execution) {
        openings.applyFailedLots((Long) execution.getVariable("tenderId"), Actors.of(execution));
    }
}
