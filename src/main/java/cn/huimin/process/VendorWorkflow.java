package cn.huimin.process;

import cn.huimin.application.VendorService;
import jakarta.inject.Inject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** What the vendor BPMN calls: ${vendorWorkflow.verified(execution)} and friends. */
@Named("vendorWorkflow")
@ApplicationScoped
public class VendorWorkflow {
    // a session bean through CDI, injected wherever the engine first creates this bean (job threads too)
    @Inject
    VendorService vendors;

    public void verified(DelegateExecution execution) {
        vendors.verified((Long) execution.getVariable("vendorId"), Actors.of(execution));
    }

    public void returned(DelegateExecution execution) {
        vendors.returned((Long) execution.getVariable("vendorId"), Actors.of(execution));
    }

    public void documentExpired(DelegateExecution execution) {
        vendors.documentExpired((Long) execution.getVariable("documentId"));
    }
}
