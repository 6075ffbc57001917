package cn.huimin.process;

import cn.huimin.application.TenderService;
import jakarta.inject.Inject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** What the tender BPMN calls: ${tenderWorkflow.publish(execution)} and friends. Variables hold ids only. */
@Named("tenderWorkflow")
@ApplicationScoped
public class TenderWorkflow {
    // a session bean through CDI, injected wherever the engine first creates this bean (job threads too)
    @Inject
    TenderService tenders;

    public void publish(DelegateExecution execution) {
        tenders.publish((Long) execution.getVariable("tenderId"), Actors.of(execution));
    }

    public void reject(DelegateExecution execution) {
        tenders.reject((Long) execution.getVariable("tenderId"), Actors.of(execution));
    }

    public void applyChange(DelegateExecution execution) {
        tenders.applyChange((Long) execution.getVariable("changeId"), Actors.of(execution));
    }

    public void dismissChange(DelegateExecution execution) {
        tenders.dismissChange((Long) execution.getVariable("changeId"), Actors.of(execution));
    }

    public void recordOverdue(DelegateExecution execution) {
        tenders.recordOverdue(execution.getProcessInstanceId(), execution.getProcessBusinessKey(),
                execution.getCurrentActivityId());
    }
}
