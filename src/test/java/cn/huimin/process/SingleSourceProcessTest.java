package cn.huimin.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import cn.huimin.process.VendorVerificationProcessTest.Call;
import cn.huimin.process.VendorVerificationProcessTest.Recording;
import cn.huimin.process.VendorVerificationProcessTest.StandInDeadlines;
import cn.huimin.process.VendorVerificationProcessTest.StandInTenderWorkflow;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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
 * Walks the single-source process: the notice timer, objections (none; dismissed; upheld), the negotiation with its
 * failure, the supplier's confirmation or refusal, the head's approval or return, the award, and every overdue timer.
 * The stand-in for "singleSourceWorkflow" answers how many objections wait and records each call.
 */
@Deployment(resources = "processes/single-source.bpmn")
public class SingleSourceProcessTest {
    static final String PROCESS_KEY = "single-source";
    static final long TENDER_ID = 77L;
    static final long UNIT_ID = 3L;
    static final Date NOW = TenderPreparationProcessTest.NOW;
    /** The notice ends on Friday 20 March 2026 at 17:30, Shanghai time. */
    static final Date NOTICE_ENDS = Date.from(ZonedDateTime.of(2026, 3, 20, 17, 30, 0, 0, ZoneId.of("Asia/Shanghai")).toInstant());

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder()
            .configurationResource("camunda.cfg.xml")
            .build();

    final List<Call> calls = new ArrayList<>();
    StandInSingleSource singleSource;
    StandInDeadlines deadlines;

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(extension.getProcessEngine());
        ClockUtil.setCurrentTime(NOW);
        singleSource = new StandInSingleSource(calls);
        deadlines = new StandInDeadlines();
        Mocks.register("singleSourceWorkflow", singleSource);
        Mocks.register("tenderWorkflow", new StandInTenderWorkflow(calls));
        Mocks.register("taskDeadlines", deadlines);
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        Mocks.reset();
        AbstractAssertions.reset();
    }

    @Test
    void nothingHappensBeforeTheNoticeEnds() {
        ProcessInstance pi = start();
        assertThat(pi).isWaitingAt("noticePeriodEnds");
        assertThat(jobs(pi)).singleElement().satisfies(j -> assertThat(j.getDuedate()).hasSameTimeAs(NOTICE_ENDS));
        ClockUtil.setCurrentTime(new Date(NOTICE_ENDS.getTime() - 1000));
        assertThat(executeDueJobs(pi)).isZero();
        assertThat(calls).isEmpty();
    }

    @Test
    void withoutObjectionsTheOfficerNegotiatesTheSupplierConfirmsTheHeadApprovesAndTheSupplierIsAwarded() {
        ProcessInstance pi = noticeEnded(0);
        assertThat(pi).isWaitingAt("negotiateSingleSource").hasNotPassed("handleObjections");
        Task negotiate = task(pi);
        assertThat(negotiate).hasCandidateGroup("officer").isNotAssigned();
        assertThat(negotiate.getDueDate()).hasSameTimeAs(VendorVerificationProcessTest.inDays(NOTICE_ENDS, 10));

        complete(negotiate, withVariables("negotiationDecision", "SUBMIT", "vendorUser", "vendor7"));
        assertThat(pi).isWaitingAt("confirmOffer");
        assertThat(task(pi)).isAssignedTo("vendor7");
        complete(task(pi), withVariables("offerDecision", "CONFIRM"));
        assertThat(pi).isWaitingAt("approveNegotiation");
        assertThat(task(pi)).hasCandidateGroup("head");
        complete(task(pi), withVariables("approvalDecision", "APPROVE"));

        assertThat(pi).isEnded().hasPassedInOrder("noticePeriodEnds", "countObjections", "negotiateSingleSource", "confirmOffer",
                "approveNegotiation", "awardSingleSource", "supplierAwarded");
        assertThat(calls).extracting(Call::signature).containsExactly(
                "singleSourceWorkflow.countObjections@countObjections", "singleSourceWorkflow.award@awardSingleSource");
        assertThat(deadlines.requestedDays).contains(10, 3);
    }

    @Test
    void objectionsAreHandledFirstAndADismissalLeadsToTheNegotiation() {
        ProcessInstance pi = noticeEnded(2);
        assertThat(pi).isWaitingAt("handleObjections");
        assertThat(task(pi)).hasCandidateGroup("officer");
        assertThat(task(pi).getDueDate()).hasSameTimeAs(VendorVerificationProcessTest.inDays(NOTICE_ENDS, 5));
        complete(task(pi), withVariables("objectionDecision", "PROCEED"));
        assertThat(pi).isWaitingAt("negotiateSingleSource");
        assertThat(calls).extracting(Call::signature).doesNotContain("singleSourceWorkflow.stop@stopSingleSource");
    }

    @Test
    void anUpheldObjectionStopsTheSingleSource() {
        ProcessInstance pi = noticeEnded(1);
        complete(task(pi), withVariables("objectionDecision", "STOP"));
        assertThat(pi).isEnded().hasPassed("stopSingleSource", "singleSourceStopped").hasNotPassed("negotiateSingleSource");
        assertThat(calls).extracting(Call::signature).endsWith("singleSourceWorkflow.stop@stopSingleSource");
    }

    @Test
    void noAgreementFailsTheTender() {
        ProcessInstance pi = noticeEnded(0);
        complete(task(pi), withVariables("negotiationDecision", "FAIL"));
        assertThat(pi).isEnded().hasPassed("failNegotiation", "negotiationFailed").hasNotPassed("confirmOffer", "awardSingleSource");
        assertThat(calls).extracting(Call::signature).endsWith("singleSourceWorkflow.fail@failNegotiation");
    }

    @Test
    void aDeclinedOfferAndAReturnedNegotiationGoBackToTheOfficer() {
        ProcessInstance pi = noticeEnded(0);
        complete(task(pi), withVariables("negotiationDecision", "SUBMIT", "vendorUser", "vendor7"));
        complete(task(pi), withVariables("offerDecision", "DECLINE"));
        assertThat(pi).isWaitingAt("negotiateSingleSource");
        complete(task(pi), withVariables("negotiationDecision", "SUBMIT", "vendorUser", "vendor8"));
        assertThat(task(pi)).isAssignedTo("vendor8");
        complete(task(pi), withVariables("offerDecision", "CONFIRM"));
        complete(task(pi), withVariables("approvalDecision", "RETURN"));
        assertThat(pi).isWaitingAt("negotiateSingleSource");
        complete(task(pi), withVariables("negotiationDecision", "SUBMIT", "vendorUser", "vendor8"));
        complete(task(pi), withVariables("offerDecision", "CONFIRM"));
        complete(task(pi), withVariables("approvalDecision", "APPROVE"));
        assertThat(pi).isEnded().hasPassed("awardSingleSource");
        assertThat(calls).extracting(Call::signature).filteredOn(s -> s.contains("award")).hasSize(1);
    }

    @Test
    void overdueStepsAreRecordedAndStayWithTheirOwners() {
        ProcessInstance pi = noticeEnded(1);
        ClockUtil.setCurrentTime(VendorVerificationProcessTest.inDays(NOTICE_ENDS, 5));
        assertThat(executeDueJobs(pi)).isEqualTo(1);
        assertThat(pi).isWaitingAt("handleObjections").hasPassed("recordHandleObjectionsOverdue");
        complete(task(pi), withVariables("objectionDecision", "PROCEED"));

        Date t = ClockUtil.getCurrentTime();
        ClockUtil.setCurrentTime(VendorVerificationProcessTest.inDays(t, 10));
        assertThat(executeDueJobs(pi)).isEqualTo(1);
        assertThat(pi).isWaitingAt("negotiateSingleSource").hasPassed("recordNegotiateSingleSourceOverdue");
        complete(task(pi), withVariables("negotiationDecision", "SUBMIT", "vendorUser", "vendor7"));

        t = ClockUtil.getCurrentTime();
        ClockUtil.setCurrentTime(VendorVerificationProcessTest.inDays(t, 3));
        assertThat(executeDueJobs(pi)).isEqualTo(1);
        assertThat(pi).isWaitingAt("confirmOffer").hasPassed("recordConfirmOfferOverdue");
        complete(task(pi), withVariables("offerDecision", "CONFIRM"));

        t = ClockUtil.getCurrentTime();
        ClockUtil.setCurrentTime(VendorVerificationProcessTest.inDays(t, 3));
        assertThat(executeDueJobs(pi)).isEqualTo(1);
        assertThat(pi).isWaitingAt("approveNegotiation").hasPassed("recordApproveNegotiationOverdue");
        assertThat(calls).extracting(Call::signature).contains(
                "tenderWorkflow.recordOverdue@recordHandleObjectionsOverdue",
                "tenderWorkflow.recordOverdue@recordNegotiateSingleSourceOverdue",
                "tenderWorkflow.recordOverdue@recordConfirmOfferOverdue",
                "tenderWorkflow.recordOverdue@recordApproveNegotiationOverdue");
        complete(task(pi), withVariables("approvalDecision", "APPROVE"));
        assertThat(pi).isEnded();
    }

    @Test
    void theProcessKeepsOnlyPlainVariables() {
        ProcessInstance pi = noticeEnded(3);
        assertThat(pi).variables().containsEntry("objections", 3L).containsEntry("tenderId", TENDER_ID);
        extension.getRuntimeService().getVariables(pi.getId()).values()
                .forEach(v -> assertThat(v).isInstanceOfAny(Long.class, String.class, Date.class, Integer.class, Boolean.class));
    }

    // ---------------------------------------------------------------- helpers

    ProcessInstance start() {
        ProcessInstance pi = extension.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY, String.valueOf(TENDER_ID),
                withVariables("tenderId", TENDER_ID, "unitId", UNIT_ID, "bidDeadline", NOTICE_ENDS));
        assertThat(pi).isStarted();
        return pi;
    }

    ProcessInstance noticeEnded(long objections) {
        singleSource.objections = objections;
        ProcessInstance pi = start();
        ClockUtil.setCurrentTime(NOTICE_ENDS);
        assertThat(executeDueJobs(pi)).isEqualTo(1);
        return pi;
    }

    List<Job> jobs(ProcessInstance pi) {
        return extension.getManagementService().createJobQuery().processInstanceId(pi.getId()).list();
    }

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

    /** Stands in for the "singleSourceWorkflow" CDI bean. */
    public static class StandInSingleSource extends Recording {
        long objections;

        StandInSingleSource(List<Call> calls) {
            super("singleSourceWorkflow", calls);
        }

        public void countObjections(DelegateExecution execution) {
            record("countObjections", execution);
            execution.setVariable("objections", objections);
        }

        public void stop(DelegateExecution execution) {
            record("stop", execution);
        }

        public void fail(DelegateExecution execution) {
            record("fail", execution);
        }

        public void award(DelegateExecution execution) {
            record("award", execution);
        }
    }
}
