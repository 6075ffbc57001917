package cn.huimin.process;

import cn.huimin.application.EnquiryService;
import jakarta.inject.Inject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** What the enquiry BPMN calls. */
@Named("enquiryWorkflow")
@ApplicationScoped
public class EnquiryWorkflow {
    // a session bean through CDI, injected wherever the engine first creates this bean (job threads too)
    @Inject
    EnquiryService enquiries;

    public void escalate(DelegateExecution execution) {
        enquiries.escalate((Long) execution.getVariable("enquiryId"), execution.getProcessInstanceId());
    }

    public void publishAnswer(DelegateExecution execution) {
        enquiries.publishAnswer((Long) execution.getVariable("enquiryId"));
    }
}
