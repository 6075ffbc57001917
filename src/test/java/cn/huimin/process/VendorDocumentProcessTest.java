package cn.huimin.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import cn.huimin.process.VendorVerificationProcessTest.Call;
import cn.huimin.process.VendorVerificationProcessTest.Recording;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Walks the vendor document expiry process: the renewal reminder 30 days before expiry, renewal
 * in time, and expiry while the renewal task is still open. Timers are driven by the engine
 * clock; the "vendorWorkflow" bean is the recording stand-in at the end of this class.
 */
@Deployment(resources = "processes/vendor-document.bpmn")
public class VendorDocumentProcessTest {

    static final String PROCESS_KEY = "vendor-document";
    static final long DOCUMENT_ID = 5L;
    static final long VENDOR_ID = 17L;
    static final String VENDOR_USER = "li.vendor";
    static final Date NOW = TenderPreparationProcessTest.NOW;
    /** The document (say a business licence) expires at midnight starting 1 May 2026, Shanghai time. */
    static final Date EXPIRES_AT = Date.from(ZonedDateTime.of(2026, 5, 1, 0, 0, 0, 0, ZoneId.of("Asia/Shanghai")).toInstant());
    static final Date REMIND_AT = Date.from(EXPIRES_AT.toInstant().minus(Duration.ofDays(30)));

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder()
            .configurationResource("camunda.cfg.xml")
            .build();

    final List<Call> calls = new ArrayList<>();

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(extension.getProcessEngine());
        ClockUtil.setCurrentTime(NOW);
        Mocks.register("vendorWorkflow", new StandInVendorWorkflow(calls));
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        Mocks.reset();
        AbstractAssertions.reset();
    }

    @Test
    void nothingIsAskedOfTheVendorBeforeTheReminderDate() {
        ProcessInstance pi = start(REMIND_AT, EXPIRES_AT);

        assertThat(pi).isWaitingAt("renewalDue");
        assertThat(extension.getTaskService().createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
        Job reminder = job(pi);
        assertThat(reminder.getDuedate()).hasSameTimeAs(REMIND_AT);

        ClockUtil.setCurrentTime(new Date(REMIND_AT.getTime() - 1));
        assertThat(executeDueJobs(pi)).isZero();

        assertThat(pi).isWaitingAt("renewalDue");
        assertThat(calls).isEmpty();
    }

    @Test
    void onTheReminderDateTheVendorIsAskedToRenew() {
        ProcessInstance pi = start(REMIND_AT, EXPIRES_AT);

        ClockUtil.setCurrentTime(REMIND_AT);
        assertThat(executeDueJobs(pi)).isEqualTo(1);

        assertThat(pi).isWaitingAt("renewVendorDocument").hasPassed("renewalDue");
        Task renew = task(pi);
        assertThat(renew).hasName("Renew vendor document").isAssignedTo(VENDOR_USER);
        assertThat(candidateGroups(renew)).containsExactly("vendor");
        assertThat(renew.getDueDate()).hasSameTimeAs(EXPIRES_AT);
        // the reminder has gone; the expiry timer waits for the expiry date itself
        assertThat(job(pi).getDuedate()).hasSameTimeAs(EXPIRES_AT);
        assertThat(calls).isEmpty();
    }

    @Test
    void renewalBeforeExpiryEndsRenewedWithoutSuspension() {
        ProcessInstance pi = start(REMIND_AT, EXPIRES_AT);
        ClockUtil.setCurrentTime(REMIND_AT);
        executeDueJobs(pi);

        ClockUtil.setCurrentTime(new Date(EXPIRES_AT.getTime() - Duration.ofDays(2).toMillis()));
        complete(task(pi));

        assertThat(pi).isEnded()
                .hasPassedInOrder("documentRegistered", "renewalDue", "renewVendorDocument", "documentRenewed")
                .hasNotPassed("documentExpired", "suspendVendor", "biddingSuspended");
        assertThat(calls).isEmpty();
        assertThat(extension.getManagementService().createJobQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    @Test
    void expirySuspendsTheVendorOnceAndTheRenewalTaskStaysOpen() {
        ProcessInstance pi = start(REMIND_AT, EXPIRES_AT);
        ClockUtil.setCurrentTime(REMIND_AT);
        executeDueJobs(pi);
        String taskId = task(pi).getId();

        ClockUtil.setCurrentTime(new Date(EXPIRES_AT.getTime() - 1));
        assertThat(executeDueJobs(pi)).isZero();
        assertThat(calls).isEmpty();

        ClockUtil.setCurrentTime(EXPIRES_AT);
        assertThat(executeDueJobs(pi)).isEqualTo(1);

        assertThat(calls).extracting(Call::signature).containsExactly("vendorWorkflow.documentExpired@suspendVendor");
        assertThat(calls.get(0).variables())
                .containsEntry("documentId", DOCUMENT_ID)
                .containsEntry("vendorId", VENDOR_ID)
                .containsEntry("vendorUser", VENDOR_USER);
        assertThat(pi).isWaitingAt("renewVendorDocument")
                .hasPassed("documentExpired", "suspendVendor", "biddingSuspended")
                .hasNotPassed("documentRenewed");
        assertThat(task(pi).getId()).isEqualTo(taskId);
        assertThat(task(pi)).isAssignedTo(VENDOR_USER);

        // the expiry fires once: two months on, nothing else happens
        ClockUtil.setCurrentTime(new Date(EXPIRES_AT.getTime() + Duration.ofDays(60).toMillis()));
        assertThat(executeDueJobs(pi)).isZero();
        assertThat(calls).hasSize(1);

        // a late renewal still ends the process as renewed
        complete(task(pi));
        assertThat(pi).isEnded().hasPassed("biddingSuspended", "documentRenewed");
        assertThat(calls).hasSize(1);
    }

    @Test
    void aDocumentRegisteredLessThanThirtyDaysBeforeExpiryAsksForRenewalAtOnce() {
        Date expiresAt = new Date(NOW.getTime() + Duration.ofDays(20).toMillis());
        Date remindAt = new Date(expiresAt.getTime() - Duration.ofDays(30).toMillis());
        ProcessInstance pi = start(remindAt, expiresAt);

        assertThat(executeDueJobs(pi)).isEqualTo(1);

        assertThat(pi).isWaitingAt("renewVendorDocument");
        assertThat(task(pi).getDueDate()).hasSameTimeAs(expiresAt);
        assertThat(job(pi).getDuedate()).hasSameTimeAs(expiresAt);
        assertThat(calls).isEmpty();
    }

    @Test
    void aDocumentThatHasAlreadyExpiredSuspendsTheVendorAtOnce() {
        Date expiresAt = new Date(NOW.getTime() - Duration.ofDays(1).toMillis());
        Date remindAt = new Date(expiresAt.getTime() - Duration.ofDays(30).toMillis());
        ProcessInstance pi = start(remindAt, expiresAt);

        assertThat(executeDueJobs(pi)).isEqualTo(2);

        assertThat(pi).isWaitingAt("renewVendorDocument").hasPassed("suspendVendor", "biddingSuspended");
        assertThat(calls).extracting(Call::signature).containsExactly("vendorWorkflow.documentExpired@suspendVendor");
    }

    // ---------------------------------------------------------------- helpers

    ProcessInstance start(Date remindAt, Date expiresAt) {
        ProcessInstance pi = extension.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY, withVariables(
                "documentId", DOCUMENT_ID,
                "vendorId", VENDOR_ID,
                "vendorUser", VENDOR_USER,
                "remindAt", remindAt,
                "expiresAt", expiresAt));
        assertThat(pi).isStarted().isWaitingAt("renewalDue");
        return pi;
    }

    Set<String> candidateGroups(Task task) {
        return extension.getTaskService().getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId)
                .collect(Collectors.toSet());
    }

    /** Runs the jobs of this instance that are due at the engine clock, as the job executor would. */
    int executeDueJobs(ProcessInstance pi) {
        int executed = 0;
        List<Job> due;
        while (!(due = extension.getManagementService().createJobQuery()
                .processInstanceId(pi.getId()).executable().list()).isEmpty()) {
            for (Job job : due) {
                extension.getManagementService().executeJob(job.getId());
                executed++;
            }
            assertThat(executed).as("jobs keep becoming due").isLessThan(20);
        }
        return executed;
    }

    // ---------------------------------------------------------------- test doubles

    /** Stands in for the "vendorWorkflow" CDI bean; the recording is shared with the verification test. */
    public static class StandInVendorWorkflow extends Recording {
        StandInVendorWorkflow(List<Call> calls) {
            super("vendorWorkflow", calls);
        }

        public void documentExpired(DelegateExecution execution) {
            record("documentExpired", execution);
        }
    }
}
