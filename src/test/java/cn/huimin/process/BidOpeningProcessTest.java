package cn.huimin.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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

import cn.huimin.process.VendorVerificationProcessTest.Call;
import cn.huimin.process.VendorVerificationProcessTest.Recording;
import cn.huimin.process.VendorVerificationProcessTest.StandInDeadlines;
import cn.huimin.process.VendorVerificationProcessTest.StandInTenderWorkflow;
import org.camunda.bpm.engine.ProcessEngineException;
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
 * Walks the bid opening process: the bid deadline timer, the opening record, the failed-lot
 * proposal and its approval (with a return), and the two ends. The stand-in for "biddingWorkflow"
 * answers, when the bids are opened, how many lots failed and how many are valid. Every path that
 * ends ready for evaluation starts the evaluations of the valid lots first; a failed tender does not.
 */
@Deployment(resources = "processes/bid-opening.bpmn")
public class BidOpeningProcessTest {

    static final String PROCESS_KEY = "bid-opening";
    static final long TENDER_ID = 42L;
    static final long UNIT_ID = 3L;
    static final Date NOW = TenderPreparationProcessTest.NOW;
    /** Bids close on Friday 20 March 2026 at 09:30, Shanghai time. */
    static final Date BID_DEADLINE = Date.from(ZonedDateTime.of(2026, 3, 20, 9, 30, 0, 0, ZoneId.of("Asia/Shanghai")).toInstant());

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder()
            .configurationResource("camunda.cfg.xml")
            .build();

    final List<Call> calls = new ArrayList<>();
    StandInBiddingWorkflow bidding;
    StandInDeadlines deadlines;

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(extension.getProcessEngine());
        ClockUtil.setCurrentTime(NOW);
        bidding = new StandInBiddingWorkflow(calls);
        deadlines = new StandInDeadlines();
        Mocks.register("biddingWorkflow", bidding);
        Mocks.register("tenderWorkflow", new StandInTenderWorkflow(calls));
        Mocks.register("taskDeadlines", deadlines);
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        Mocks.reset();
        AbstractAssertions.reset();
    }

    // ---------------------------------------------------------------- bid deadline

    @Test
    void bidsAreNotOpenedBeforeTheDeadline() {
        ProcessInstance pi = start();

        assertThat(pi).isWaitingAt("bidDeadlineReached");
        assertThat(job(pi).getDuedate()).hasSameTimeAs(BID_DEADLINE);

        ClockUtil.setCurrentTime(new Date(BID_DEADLINE.getTime() - 1));
        assertThat(executeDueJobs(pi)).isZero();

        assertThat(pi).isWaitingAt("bidDeadlineReached").hasNotPassed("openBids");
        assertThat(calls).isEmpty();
    }

    @Test
    void atTheDeadlineBidsAreOpenedOnceAndTheOpeningRecordIsToBeSigned() {
        bidding.lotsOpened(0, 2);
        ProcessInstance pi = start();

        ClockUtil.setCurrentTime(BID_DEADLINE);
        assertThat(executeDueJobs(pi)).isEqualTo(1);

        assertThat(calls).extracting(Call::signature).containsExactly("biddingWorkflow.open@openBids");
        assertThat(calls.get(0).variables())
                .containsEntry("tenderId", TENDER_ID)
                .containsEntry("bidDeadline", BID_DEADLINE);
        assertThat(pi).isWaitingAt("signOpening").hasPassedInOrder("tenderPublished", "bidDeadlineReached", "openBids");
        assertThat(pi).variables().containsEntry("failedLots", 0).containsEntry("validLots", 2);
        Task sign = task(pi);
        assertThat(sign).hasName("Sign opening record").hasCandidateGroup("officer").isNotAssigned();
        assertThat(sign.getDueDate()).hasSameTimeAs(inDays(BID_DEADLINE, 1));
        // the only job left is the signing timer
        assertThat(job(pi).getDuedate()).hasSameTimeAs(inDays(BID_DEADLINE, 1));
        assertThat(deadlines.requestedDays).containsExactly(1, 1);
    }

    @Test
    void aTimerThatFiresBeforeTheTendersDeadlineWaitsAgainInsteadOfOpening() {
        bidding.lotsOpened(0, 3);
        Date later = new Date(BID_DEADLINE.getTime() + Duration.ofHours(2).toMillis());
        bidding.earlyUntil = later;
        ProcessInstance pi = start();

        ClockUtil.setCurrentTime(BID_DEADLINE);
        assertThat(executeDueJobs(pi)).isEqualTo(1);

        // nothing opened: the process waits at the timer again, now due at the tender's own deadline
        assertThat(pi).isWaitingAt("bidDeadlineReached").hasPassed("openedGateway").hasNotPassed("signOpening");
        assertThat(job(pi).getDuedate()).hasSameTimeAs(later);
        ClockUtil.setCurrentTime(new Date(later.getTime() - 1));
        assertThat(executeDueJobs(pi)).isZero();

        ClockUtil.setCurrentTime(later);
        assertThat(executeDueJobs(pi)).isEqualTo(1);
        assertThat(pi).isWaitingAt("signOpening");
        assertThat(calls).extracting(Call::signature).containsExactly("biddingWorkflow.open@openBids", "biddingWorkflow.open@openBids");
    }

    // ---------------------------------------------------------------- paths

    @Test
    void withNoFailedLotTheTenderGoesStraightToEvaluation() {
        bidding.lotsOpened(0, 3);
        ProcessInstance pi = openBids();

        complete(task(pi));

        assertThat(pi).isEnded()
                .hasPassedInOrder("signOpening", "anyLotFailedGateway", "evaluationJoin", "anyValidLotGateway",
                        "startEvaluations", "readyForEvaluation")
                .hasNotPassed("proposeFailedLotsJoin", "proposeFailedLots", "approveFailedLots", "applyFailedLots",
                        "tenderFailed");
        assertThat(calls).extracting(Call::signature).containsExactly(
                "biddingWorkflow.open@openBids",
                "biddingWorkflow.startEvaluations@startEvaluations");
        // the real bean starts one evaluation per valid lot with the tender and its purchasing unit
        assertThat(calls.get(1).variables())
                .containsEntry("tenderId", TENDER_ID)
                .containsEntry("unitId", UNIT_ID)
                .containsEntry("failedLots", 0)
                .containsEntry("validLots", 3);
        assertThat(passes(pi, "startEvaluations")).isEqualTo(1);
        assertThat(jobs(pi)).isEmpty();
    }

    @Test
    void failedLotsAreProposedReturnedProposedAgainApprovedAndTheValidLotsGoToEvaluation() {
        bidding.lotsOpened(1, 2);
        ProcessInstance pi = openBids();
        complete(task(pi));

        assertThat(pi).isWaitingAt("proposeFailedLots");
        Task propose = task(pi);
        assertThat(propose).hasName("Propose what to do with failed lots").hasCandidateGroup("officer").isNotAssigned();
        assertThat(propose.getDueDate()).hasSameTimeAs(inDays(BID_DEADLINE, 3));
        assertThat(job(pi).getDuedate()).hasSameTimeAs(inDays(BID_DEADLINE, 3));

        complete(propose);

        assertThat(pi).isWaitingAt("approveFailedLots");
        Task approve = task(pi);
        assertThat(approve).hasName("Approve failed-lot proposal").hasCandidateGroup("head").isNotAssigned();
        assertThat(approve.getDueDate()).hasSameTimeAs(inDays(BID_DEADLINE, 3));
        assertThat(jobs(pi)).singleElement()
                .satisfies(timer -> assertThat(timer.getDuedate()).hasSameTimeAs(inDays(BID_DEADLINE, 3)));

        complete(approve, withVariables("failedLotsDecision", "RETURN"));

        assertThat(pi).isWaitingAt("proposeFailedLots").hasNotPassed("applyFailedLots");
        assertThat(task(pi)).hasCandidateGroup("officer");

        complete(task(pi));
        assertThat(pi).isWaitingAt("approveFailedLots");
        complete(task(pi), withVariables("failedLotsDecision", "APPROVE"));

        assertThat(pi).isEnded()
                .hasPassed("proposeFailedLotsJoin", "applyFailedLots", "evaluationJoin", "readyForEvaluation")
                .hasPassedInOrder("applyFailedLots", "evaluationJoin", "anyValidLotGateway", "startEvaluations",
                        "readyForEvaluation")
                .hasNotPassed("tenderFailed");
        assertThat(passes(pi, "proposeFailedLots")).isEqualTo(2);
        assertThat(passes(pi, "approveFailedLots")).isEqualTo(2);
        assertThat(passes(pi, "startEvaluations")).isEqualTo(1);
        assertThat(calls).extracting(Call::signature).containsExactly(
                "biddingWorkflow.open@openBids",
                "biddingWorkflow.applyFailedLots@applyFailedLots",
                "biddingWorkflow.startEvaluations@startEvaluations");
        assertThat(calls.get(1).variables())
                .containsEntry("tenderId", TENDER_ID)
                .containsEntry("failedLots", 1)
                .containsEntry("validLots", 2)
                .containsEntry("failedLotsDecision", "APPROVE");
        assertThat(calls.get(2).variables())
                .containsEntry("tenderId", TENDER_ID)
                .containsEntry("validLots", 2)
                .containsEntry("failedLotsDecision", "APPROVE");
        assertThat(deadlines.requestedDays).containsExactly(1, 1, 3, 3, 3, 3, 3, 3, 3, 3);
    }

    @Test
    void whenEveryLotFailedTheApprovedProposalEndsTheTenderAsFailed() {
        bidding.lotsOpened(3, 0);
        ProcessInstance pi = openBids();
        complete(task(pi));
        assertThat(pi).isWaitingAt("proposeFailedLots");
        complete(task(pi));

        complete(task(pi), withVariables("failedLotsDecision", "APPROVE"));

        assertThat(pi).isEnded()
                .hasPassedInOrder("approveFailedLots", "failedLotsDecisionGateway", "applyFailedLots",
                        "evaluationJoin", "anyValidLotGateway", "tenderFailed")
                .hasNotPassed("startEvaluations", "readyForEvaluation");
        assertThat(calls).extracting(Call::signature).containsExactly(
                "biddingWorkflow.open@openBids",
                "biddingWorkflow.applyFailedLots@applyFailedLots");
        assertThat(calls.get(1).variables()).containsEntry("failedLots", 3).containsEntry("validLots", 0);
        assertThat(jobs(pi)).isEmpty();
    }

    @Test
    void anUnknownFailedLotDecisionIsRefusedAndTheTaskStaysOpen() {
        bidding.lotsOpened(1, 1);
        ProcessInstance pi = openBids();
        complete(task(pi));
        complete(task(pi));
        String taskId = task(pi).getId();

        assertThatThrownBy(() -> extension.getTaskService().complete(taskId, withVariables("failedLotsDecision", "LATER")))
                .isInstanceOf(ProcessEngineException.class);

        assertThat(pi).isWaitingAt("approveFailedLots");
        assertThat(calls).extracting(Call::method).containsExactly("open");
    }

    @Test
    void whenTheEvaluationsCannotBeStartedTheSignatureIsRolledBackAndTheTaskStaysOpen() {
        bidding.lotsOpened(0, 2);
        bidding.failToStartEvaluations = true;
        ProcessInstance pi = openBids();
        String taskId = task(pi).getId();

        assertThatThrownBy(() -> extension.getTaskService().complete(taskId))
                .hasRootCauseInstanceOf(IllegalStateException.class)
                .hasRootCauseMessage("no committee could be prepared");

        assertThat(pi).isNotEnded().isWaitingAt("signOpening").hasNotPassed("startEvaluations", "readyForEvaluation");
        assertThat(task(pi).getId()).isEqualTo(taskId);
        assertThat(passes(pi, "signOpening")).isEqualTo(1);
        // the opening timer is still there: the signature did not happen
        assertThat(jobs(pi)).singleElement()
                .satisfies(timer -> assertThat(timer.getDuedate()).hasSameTimeAs(inDays(BID_DEADLINE, 1)));

        bidding.failToStartEvaluations = false;
        complete(task(pi));
        assertThat(pi).isEnded().hasPassed("startEvaluations", "readyForEvaluation");
        assertThat(calls).extracting(Call::method).containsExactly("open", "startEvaluations", "startEvaluations");
    }

    // ---------------------------------------------------------------- overdue timers

    @Test
    void anUnsignedOpeningRecordIsRecordedOverdueOnceAndCanStillBeSigned() {
        bidding.lotsOpened(0, 1);
        ProcessInstance pi = openBids();
        String taskId = task(pi).getId();
        Date due = inDays(BID_DEADLINE, 1);

        ClockUtil.setCurrentTime(new Date(due.getTime() - 1));
        assertThat(executeDueJobs(pi)).isZero();
        ClockUtil.setCurrentTime(due);
        assertThat(executeDueJobs(pi)).isEqualTo(1);

        assertThat(calls).extracting(Call::signature).containsExactly(
                "biddingWorkflow.open@openBids",
                "tenderWorkflow.recordOverdue@recordSignOpeningOverdue");
        assertThat(calls.get(1).variables()).containsEntry("tenderId", TENDER_ID);
        assertThat(pi).isWaitingAt("signOpening")
                .hasPassed("signOpeningOverdue", "recordSignOpeningOverdue", "signOpeningOverdueRecorded");
        assertThat(task(pi).getId()).isEqualTo(taskId);
        assertThat(jobs(pi)).isEmpty();

        ClockUtil.setCurrentTime(inDays(due, 10));
        assertThat(executeDueJobs(pi)).isZero();

        complete(task(pi));
        assertThat(pi).isEnded().hasPassedInOrder("signOpening", "startEvaluations", "readyForEvaluation");
        assertThat(calls).extracting(Call::method).containsExactly("open", "recordOverdue", "startEvaluations");
    }

    @Test
    void lateProposalAndLateApprovalAreEachRecordedOnceWhileTheirTasksStayOpen() {
        bidding.lotsOpened(2, 1);
        ProcessInstance pi = openBids();
        Date signedAt = new Date(BID_DEADLINE.getTime() + Duration.ofHours(2).toMillis());
        ClockUtil.setCurrentTime(signedAt);
        complete(task(pi));

        // the proposal is late
        String proposeId = task(pi).getId();
        Date proposalDue = inDays(signedAt, 3);
        assertThat(job(pi).getDuedate()).hasSameTimeAs(proposalDue);
        ClockUtil.setCurrentTime(new Date(proposalDue.getTime() - 1));
        assertThat(executeDueJobs(pi)).isZero();
        ClockUtil.setCurrentTime(proposalDue);
        assertThat(executeDueJobs(pi)).isEqualTo(1);

        assertThat(pi).isWaitingAt("proposeFailedLots")
                .hasPassed("proposeFailedLotsOverdue", "recordProposeFailedLotsOverdue", "proposeFailedLotsOverdueRecorded");
        assertThat(task(pi).getId()).isEqualTo(proposeId);
        assertThat(jobs(pi)).isEmpty();

        Date proposedAt = inDays(proposalDue, 1);
        ClockUtil.setCurrentTime(proposedAt);
        assertThat(executeDueJobs(pi)).isZero();
        complete(task(pi));

        // and so is the approval
        String approveId = task(pi).getId();
        Date approvalDue = inDays(proposedAt, 3);
        assertThat(job(pi).getDuedate()).hasSameTimeAs(approvalDue);
        ClockUtil.setCurrentTime(new Date(approvalDue.getTime() - 1));
        assertThat(executeDueJobs(pi)).isZero();
        ClockUtil.setCurrentTime(approvalDue);
        assertThat(executeDueJobs(pi)).isEqualTo(1);

        assertThat(pi).isWaitingAt("approveFailedLots")
                .hasPassed("approveFailedLotsOverdue", "recordApproveFailedLotsOverdue", "approveFailedLotsOverdueRecorded");
        assertThat(task(pi).getId()).isEqualTo(approveId);
        ClockUtil.setCurrentTime(inDays(approvalDue, 5));
        assertThat(executeDueJobs(pi)).isZero();

        complete(task(pi), withVariables("failedLotsDecision", "APPROVE"));

        assertThat(pi).isEnded().hasPassedInOrder("applyFailedLots", "startEvaluations", "readyForEvaluation");
        assertThat(calls).extracting(Call::signature).containsExactly(
                "biddingWorkflow.open@openBids",
                "tenderWorkflow.recordOverdue@recordProposeFailedLotsOverdue",
                "tenderWorkflow.recordOverdue@recordApproveFailedLotsOverdue",
                "biddingWorkflow.applyFailedLots@applyFailedLots",
                "biddingWorkflow.startEvaluations@startEvaluations");
    }

    // ---------------------------------------------------------------- helpers

    ProcessInstance start() {
        ProcessInstance pi = extension.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY, withVariables(
                "tenderId", TENDER_ID,
                "unitId", UNIT_ID,
                "bidDeadline", BID_DEADLINE));
        assertThat(pi).isStarted();
        return pi;
    }

    /** Starts the process and lets the bid deadline pass: the bids are open and the record waits for signing. */
    ProcessInstance openBids() {
        ProcessInstance pi = start();
        ClockUtil.setCurrentTime(BID_DEADLINE);
        assertThat(executeDueJobs(pi)).isEqualTo(1);
        assertThat(pi).isWaitingAt("signOpening");
        return pi;
    }

    static Date inDays(Date from, int days) {
        return VendorVerificationProcessTest.inDays(from, days);
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

    // ---------------------------------------------------------------- test doubles

    /**
     * Stands in for the "biddingWorkflow" CDI bean. Like the real one, opening the bids sets
     * failedLots and validLots on the process; the numbers are chosen by each test. Starting the
     * evaluations is only recorded (or fails, when a test asks for it).
     */
    public static class StandInBiddingWorkflow extends Recording {
        int failedLots;
        int validLots;
        boolean failToStartEvaluations;
        /** When set, the first opening finds the timer early and names this deadline to wait for. */
        Date earlyUntil;

        StandInBiddingWorkflow(List<Call> calls) {
            super("biddingWorkflow", calls);
        }

        void lotsOpened(int failed, int valid) {
            failedLots = failed;
            validLots = valid;
        }

        public void open(DelegateExecution execution) {
            record("open", execution);
            if (earlyUntil != null) {
                execution.setVariable("opened", false);
                execution.setVariable("bidDeadline", earlyUntil);
                earlyUntil = null;
                return;
            }
            execution.setVariable("opened", true);
            execution.setVariable("failedLots", Integer.valueOf(failedLots));
            execution.setVariable("validLots", Integer.valueOf(validLots));
        }

        public void applyFailedLots(DelegateExecution execution) {
            record("applyFailedLots", execution);
        }

        public void startEvaluations(DelegateExecution execution) {
            record("startEvaluations", execution);
            if (failToStartEvaluations) {
                throw new IllegalStateException("no committee could be prepared");
            }
        }
    }
}
