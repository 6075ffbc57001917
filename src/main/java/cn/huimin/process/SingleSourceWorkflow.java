package cn.huimin.process;

import cn.huimin.application.SingleSourceService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** What the single-source BPMN calls. */
@Named("singleSourceWorkflow")
@ApplicationScoped
public class SingleSourceWorkflow {
    // a session bean through CDI, injected wherever the engine first creates this bean (job threads too)
    @Inject
    SingleSourceService singleSource;

    private static Long tender(DelegateExecution execution) {
        return (Long) execution.getVariable("tenderId");
    }

    /** At the end of the notice: how many objections wait for a reply ("objections", a plain long). */
    public void countObjections(DelegateExecution execution) {
        execution.setVariable("objections", singleSource.noticeEnded(tender(execution)));
    }

    public void stop(DelegateExecution execution) {
        singleSource.stop(tender(execution), Actors.of(execution));
    }

    public void fail(DelegateExecution execution) {
        singleSource.fail(tender(execution), (String) execution.getVariable("failureReason"), Actors.of(execution));
    }

    public void award(DelegateExecution execution) {
        singleSource.award(tender(execution));
    }
}
