package cn.huimin.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngineException;
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
 * Walks every path and every timer of the vendor verification process on an in-memory engine.
 * The CDI beans the process calls are replaced by the recording stand-ins at the end of this class;
 * timers are driven by moving the engine clock and running the jobs that are due, as the job
 * executor would.
 */
@Deployment(resources = "processes/vendor-verification.bpmn")
public class VendorVerificationProcessTest {

    static final String PROCESS_KEY = "vendor-verification";
    static final long VENDOR_ID = 17L;
    static final String INITIATOR = "li.vendor";
    static final Date NOW = TenderPreparationProcessTest.NOW;

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder()
            .configurationResource("camunda.cfg.xml")
            .build();

    final List<Call> calls = new ArrayList<>();
    StandInDeadlines deadlines;

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(extension.getProcessEngine());
        ClockUtil.setCurrentTime(NOW);
        deadlines = new StandInDeadlines();
        Mocks.register("vendorWorkflow", new StandInVendorWorkflow(calls));
        Mocks.register("tenderWorkflow", new StandInTenderWorkflow(calls));
        Mocks.register("taskDeadlines", deadlines);
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        Mocks.reset();
        AbstractAssertions.reset();
    }

    // ---------------------------------------------------------------- paths

    @Test
    void verifiedVendorEndsVerified() {
        ProcessInstance pi = start();

        Task verify = task(pi);
        assertThat(verify).hasDefinitionKey("verifyVendor").hasName("Verify vendor").isNotAssigned();
        assertThat(candidateGroups(verify)).containsExactly("officer");
        assertThat(verify.getDueDate()).hasSameTimeAs(inDays(NOW, 3));

        complete(verify, withVariables("verificationDecision", "VERIFY"));

        assertThat(pi).isEnded()
                .hasPassedInOrder("vendorSubmitted", "verifyVendorJoin", "verifyVendor",
                        "verificationDecisionGateway", "markVendorVerified", "vendorVerified")
                .hasNotPassed("markVendorReturned", "reviseVendor", "verifyVendorOverdue");
        assertThat(calls).extracting(Call::signature).containsExactly("vendorWorkflow.verified@markVendorVerified");
        assertThat(calls.get(0).variables())
                .containsEntry("vendorId", VENDOR_ID)
                .containsEntry("initiator", INITIATOR)
                .containsEntry("verificationDecision", "VERIFY");
        assertThat(jobs(pi)).isEmpty();
    }

    @Test
    void returnedVendorRevisesAndIsVerifiedOnTheSecondLook() {
        ProcessInstance pi = start();

        complete(task(pi), withVariables("verificationDecision", "RETURN"));

        assertThat(calls).extracting(Call::signature).containsExactly("vendorWorkflow.returned@markVendorReturned");
        assertThat(calls.get(0).variables())
                .containsEntry("vendorId", VENDOR_ID)
                .containsEntry("verificationDecision", "RETURN");
        assertThat(pi).isWaitingAt("reviseVendor").hasNotPassed("markVendorVerified");
        Task revise = task(pi);
        assertThat(revise).hasName("Revise vendor registration").isAssignedTo(INITIATOR);
        assertThat(candidateGroups(revise)).containsExactly("vendor");
        assertThat(revise.getDueDate()).hasSameTimeAs(inDays(NOW, 10));
        // the verification timer went with its task: only the revision timer is left
        assertThat(jobs(pi)).singleElement()
                .satisfies(job -> assertThat(job.getDuedate()).hasSameTimeAs(inDays(NOW, 10)));

        complete(revise);

        assertThat(pi).isWaitingAt("verifyVendor");
        assertThat(task(pi)).hasCandidateGroup("officer").isNotAssigned();

        complete(task(pi), withVariables("verificationDecision", "VERIFY"));

        assertThat(pi).isEnded().hasPassed("reviseVendor", "markVendorVerified", "vendorVerified");
        assertThat(passes(pi, "verifyVendor")).isEqualTo(2);
        assertThat(passes(pi, "verifyVendorJoin")).isEqualTo(2);
        assertThat(calls).extracting(Call::signature).containsExactly(
                "vendorWorkflow.returned@markVendorReturned",
                "vendorWorkflow.verified@markVendorVerified");
        assertThat(deadlines.requestedDays).containsExactly(3, 3, 10, 10, 3, 3);
    }

    @Test
    void aVendorCanBeReturnedMoreThanOnce() {
        ProcessInstance pi = start();

        for (int round = 0; round < 2; round++) {
            complete(task(pi), withVariables("verificationDecision", "RETURN"));
            assertThat(pi).isWaitingAt("reviseVendor");
            assertThat(task(pi)).isAssignedTo(INITIATOR);
            complete(task(pi));
        }
        complete(task(pi), withVariables("verificationDecision", "VERIFY"));

        assertThat(pi).isEnded().hasPassed("vendorVerified");
        assertThat(passes(pi, "reviseVendor")).isEqualTo(2);
        assertThat(calls).extracting(Call::method).containsExactly("returned", "returned", "verified");
    }

    @Test
    void anUnknownDecisionIsRefusedAndTheTaskStaysOpen() {
        ProcessInstance pi = start();
        String taskId = task(pi).getId();

        assertThatThrownBy(() -> extension.getTaskService().complete(taskId, withVariables("verificationDecision", "MAYBE")))
                .isInstanceOf(ProcessEngineException.class);

        assertThat(pi).isWaitingAt("verifyVendor");
        assertThat(task(pi).getId()).isEqualTo(taskId);
        assertThat(calls).isEmpty();
    }

    // ---------------------------------------------------------------- overdue timers

    @Test
    void verificationTimerIsDueWithTheTaskAndNotBefore() {
        ProcessInstance pi = start();
        Date due = inDays(NOW, 3);

        Job timer = job(pi);
        assertThat(timer.getDuedate()).hasSameTimeAs(due).hasSameTimeAs(task(pi).getDueDate());
        assertThat(deadlines.requestedDays).containsExactly(3, 3);

        ClockUtil.setCurrentTime(new Date(due.getTime() - 1));
        assertThat(executeDueJobs(pi)).isZero();
        assertThat(calls).isEmpty();
    }

    @Test
    void overdueVerificationIsRecordedOnceWhileTheTaskStaysOpen() {
        ProcessInstance pi = start();
        String taskId = task(pi).getId();

        ClockUtil.setCurrentTime(inDays(NOW, 3));
        assertThat(executeDueJobs(pi)).isEqualTo(1);

        assertThat(calls).extracting(Call::signature)
                .containsExactly("tenderWorkflow.recordOverdue@recordVerifyVendorOverdue");
        assertThat(calls.get(0).variables()).containsEntry("vendorId", VENDOR_ID);
        assertThat(pi).isWaitingAt("verifyVendor")
                .hasPassed("verifyVendorOverdue", "recordVerifyVendorOverdue", "verifyVendorOverdueRecorded");
        assertThat(task(pi).getId()).isEqualTo(taskId);
        assertThat(jobs(pi)).isEmpty();

        // a month later nothing fires again
        ClockUtil.setCurrentTime(inDays(NOW, 30));
        assertThat(executeDueJobs(pi)).isZero();
        assertThat(calls).hasSize(1);

        // the officer can still decide after the deadline
        complete(task(pi), withVariables("verificationDecision", "VERIFY"));
        assertThat(pi).isEnded().hasPassed("vendorVerified");
        assertThat(calls).extracting(Call::method).containsExactly("recordOverdue", "verified");
    }

    @Test
    void overdueRevisionIsRecordedOnceWhileTheVendorKeepsTheTask() {
        ProcessInstance pi = start();
        Date returnedAt = new Date(NOW.getTime() + Duration.ofHours(5).toMillis());
        ClockUtil.setCurrentTime(returnedAt);
        complete(task(pi), withVariables("verificationDecision", "RETURN"));
        calls.clear();
        Date due = inDays(returnedAt, 10);

        Task revise = task(pi);
        assertThat(revise.getDueDate()).hasSameTimeAs(due);
        assertThat(job(pi).getDuedate()).hasSameTimeAs(due);

        ClockUtil.setCurrentTime(new Date(due.getTime() - 1));
        assertThat(executeDueJobs(pi)).isZero();
        ClockUtil.setCurrentTime(due);
        assertThat(executeDueJobs(pi)).isEqualTo(1);

        assertThat(calls).extracting(Call::signature)
                .containsExactly("tenderWorkflow.recordOverdue@recordReviseVendorOverdue");
        assertThat(pi).isWaitingAt("reviseVendor")
                .hasPassed("reviseVendorOverdue", "recordReviseVendorOverdue", "reviseVendorOverdueRecorded");
        assertThat(task(pi).getId()).isEqualTo(revise.getId());
        assertThat(task(pi)).isAssignedTo(INITIATOR);
        assertThat(jobs(pi)).isEmpty();

        ClockUtil.setCurrentTime(inDays(due, 20));
        assertThat(executeDueJobs(pi)).isZero();

        // a late revision goes back to verification with a fresh deadline
        Date revisedAt = ClockUtil.getCurrentTime();
        complete(task(pi));
        assertThat(pi).isWaitingAt("verifyVendor");
        assertThat(task(pi).getDueDate()).hasSameTimeAs(inDays(revisedAt, 3));
        assertThat(job(pi).getDuedate()).hasSameTimeAs(inDays(revisedAt, 3));
        assertThat(calls).extracting(Call::method).containsExactly("recordOverdue");
    }

    // ---------------------------------------------------------------- helpers

    ProcessInstance start() {
        ProcessInstance pi = extension.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY, withVariables(
                "vendorId", VENDOR_ID,
                "initiator", INITIATOR));
        assertThat(pi).isStarted().isWaitingAt("verifyVendor");
        return pi;
    }

    static Date inDays(Date from, int days) {
        return new Date(from.getTime() + Duration.ofDays(days).toMillis());
    }

    List<Job> jobs(ProcessInstance pi) {
        return extension.getManagementService().createJobQuery().processInstanceId(pi.getId()).list();
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

    long passes(ProcessInstance pi, String activityId) {
        return extension.getHistoryService().createHistoricActivityInstanceQuery()
                .processInstanceId(pi.getId()).activityId(activityId).count();
    }

    Set<String> candidateGroups(Task task) {
        List<IdentityLink> links = extension.getTaskService().getIdentityLinksForTask(task.getId());
        return links.stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId)
                .collect(Collectors.toSet());
    }

    // ---------------------------------------------------------------- test doubles

    /** One call the process made on a stand-in bean: where it came from and the variables it saw. */
    public record Call(String bean, String method, String activityId, Map<String, Object> variables) {
        String signature() {
            return bean + "." + method + "@" + activityId;
        }
    }

    /** Writes every call down in the shared list, so the order across beans can be checked. */
    public abstract static class Recording {
        final String bean;
        final List<Call> calls;

        Recording(String bean, List<Call> calls) {
            this.bean = bean;
            this.calls = calls;
        }

        void record(String method, DelegateExecution execution) {
            calls.add(new Call(bean, method, execution.getCurrentActivityId(), new HashMap<>(execution.getVariables())));
        }
    }

    /** Stands in for the "vendorWorkflow" CDI bean. */
    public static class StandInVendorWorkflow extends Recording {
        StandInVendorWorkflow(List<Call> calls) {
            super("vendorWorkflow", calls);
        }

        public void verified(DelegateExecution execution) {
            record("verified", execution);
        }

        public void returned(DelegateExecution execution) {
            record("returned", execution);
        }
    }

    /** Stands in for the "tenderWorkflow" CDI bean, of which this process only records overdue tasks. */
    public static class StandInTenderWorkflow extends Recording {
        StandInTenderWorkflow(List<Call> calls) {
            super("tenderWorkflow", calls);
        }

        public void recordOverdue(DelegateExecution execution) {
            record("recordOverdue", execution);
        }
    }

    /**
     * Stands in for the "taskDeadlines" CDI bean: "n working days" is n calendar days from the
     * engine clock, so each deadline shows which number the process asked for and when.
     */
    public static class StandInDeadlines {
        final List<Integer> requestedDays = new ArrayList<>();

        public Date dueInWorkingDays(int days) {
            requestedDays.add(days);
            return inDays(ClockUtil.getCurrentTime(), days);
        }
    }
}
