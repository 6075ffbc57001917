package cn.huimin.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import cn.huimin.process.VendorVerificationProcessTest.Call;
import cn.huimin.process.VendorVerificationProcessTest.Recording;
import cn.huimin.process.VendorVerificationProcessTest.StandInDeadlines;
import cn.huimin.process.VendorVerificationProcessTest.StandInTenderWorkflow;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Walks every path and every timer of the award of a lot: the officer's confirmation (the
 * first-ranked bidder, the next-ranked one, or no award) with its overdue timer, the award notice,
 * and the two things that must both be over before the award stands: the challenge period, ended by
 * a timer at its date, and the refund of the bid securities by finance (when there is any to refund),
 * with its own overdue timer. The "awardWorkflow" bean is replaced by a stand-in whose answers each
 * test scripts; timers are driven with the engine clock.
 */
@Deployment(resources = "processes/award.bpmn")
public class AwardProcessTest {

    static final String PROCESS_KEY = "award";
    static final String BUSINESS_KEY = "42/1";
    static final long TENDER_ID = 42L;
    static final long UNIT_ID = 3L;
    static final long LOT_ID = 421L;
    static final long COMMITTEE_ID = 77L;
    static final long AWARD_ID = 901L;
    /** Monday 2 March 2026, 09:00 Shanghai time: the report of the lot has just been signed. */
    static final Date NOW = TenderPreparationProcessTest.NOW;
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** The winner is to be confirmed by the end of Monday 9 March 2026, Shanghai time. */
    static final Date CONFIRM_DUE = Date.from(ZonedDateTime.of(2026, 3, 9, 23, 59, 59, 0, SHANGHAI).toInstant());
    /** The officer confirms on Tuesday 3 March 2026 at 10:00. */
    static final Date CONFIRMED_AT = Date.from(ZonedDateTime.of(2026, 3, 3, 10, 0, 0, 0, SHANGHAI).toInstant());
    /** Bidders may challenge the award until the end of Thursday 12 March 2026, Shanghai time. */
    static final Date CHALLENGE_UNTIL = Date.from(ZonedDateTime.of(2026, 3, 12, 23, 59, 59, 0, SHANGHAI).toInstant());

    /** What the stand-in is asked for while the process builds due dates and timers. */
    static final Set<String> QUERIES = Set.of("confirmDue", "challengeUntil");

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder()
            .configurationResource("camunda.cfg.xml")
            .build();

    final List<Call> calls = new ArrayList<>();
    StandInAwardWorkflow award;
    StandInDeadlines deadlines;

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(extension.getProcessEngine());
        ClockUtil.setCurrentTime(NOW);
        award = new StandInAwardWorkflow(calls);
        deadlines = new StandInDeadlines();
        Mocks.register("awardWorkflow", award);
        Mocks.register("tenderWorkflow", new StandInTenderWorkflow(calls));
        Mocks.register("taskDeadlines", deadlines);
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        Mocks.reset();
        AbstractAssertions.reset();
    }

    // ---------------------------------------------------------------- the confirmation

    @Test
    void theOfficerIsAskedToConfirmTheWinnerByTheAwardsConfirmationDate() {
        ProcessInstance pi = start();

        assertThat(pi).isWaitingAt("confirmAward").hasPassed("lotEvaluated");
        Task confirm = task(pi);
        assertThat(confirm).hasDefinitionKey("confirmAward").hasName("Confirm the winner")
                .hasCandidateGroup("officer").isNotAssigned();
        assertThat(candidateGroups(confirm)).containsExactly("officer");
        assertThat(confirm.getDueDate()).hasSameTimeAs(CONFIRM_DUE);
        assertThat(job(pi).getDuedate()).hasSameTimeAs(CONFIRM_DUE);
        assertThat(timer(pi, "confirmAwardOverdue").getDuedate()).hasSameTimeAs(CONFIRM_DUE);
        // the due date and the timer both come from the award, asked for with its id
        assertThat(queries("confirmDue")).hasSize(2).allSatisfy(c -> assertThat(c.variables())
                .containsEntry("awardId", AWARD_ID)
                .containsEntry("tenderId", TENDER_ID)
                .containsEntry("unitId", UNIT_ID)
                .containsEntry("lotId", LOT_ID)
                .containsEntry("committeeId", COMMITTEE_ID));
        assertThat(actions()).isEmpty();
        assertThat(deadlines.requestedDays).isEmpty();

        ClockUtil.setCurrentTime(new Date(CONFIRM_DUE.getTime() - 1));
        assertThat(executeDueJobs(pi)).isZero();
        assertThat(pi).isWaitingAt("confirmAward").hasNotPassed("confirmAwardOverdue", "recordConfirmOverdue");
        assertThat(actions()).isEmpty();
    }

    @Test
    void noAwardEndsTheProcessWithoutANoticeOrAnyTimerLeft() {
        ProcessInstance pi = start();

        complete(task(pi), withVariables("awardDecision", "NO_AWARD"));

        assertThat(pi).isEnded()
                .hasPassedInOrder("lotEvaluated", "confirmAward", "awardDecisionGateway", "noAward")
                .hasNotPassed("publishAward", "afterNotice", "challengePeriodEnds", "closeChallengePeriod",
                        "refundGateway", "refundSecurities", "refundsSettled", "awardJoin", "awardStanding",
                        "confirmAwardOverdue");
        assertThat(actions()).isEmpty();
        assertThat(queries("challengeUntil")).isEmpty();
        assertThat(jobs(pi)).isEmpty();
        assertThat(extension.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(pi.getId()).variableName("refundNeeded").count()).isZero();
    }

    @Test
    void aConfirmationWithoutADecisionIsRefusedAndTheTaskStaysOpen() {
        ProcessInstance pi = start();
        String taskId = task(pi).getId();

        assertThatThrownBy(() -> extension.getTaskService().complete(taskId))
                .isInstanceOf(ProcessEngineException.class);

        assertThat(pi).isWaitingAt("confirmAward").hasNotPassed("publishAward", "noAward");
        assertThat(task(pi).getId()).isEqualTo(taskId);
        assertThat(actions()).isEmpty();
        assertThat(timer(pi, "confirmAwardOverdue").getDuedate()).hasSameTimeAs(CONFIRM_DUE);
    }

    // ---------------------------------------------------------------- notice without refunds

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"CONFIRM", "NEXT_RANKED"})
    void withoutSecuritiesToRefundTheAwardStandsWhenTheChallengePeriodEnds(String decision) {
        award.refundNeeded = false;
        ProcessInstance pi = start();
        ClockUtil.setCurrentTime(CONFIRMED_AT);

        complete(task(pi), withVariables("awardDecision", decision));

        // the notice is out, the refunds are settled at once, and the challenge period runs
        assertThat(pi).isWaitingAt("challengePeriodEnds")
                .hasPassedInOrder("confirmAward", "awardDecisionGateway", "publishAward", "afterNotice")
                .hasPassedInOrder("refundGateway", "refundsSettled")
                .hasNotPassed("refundSecurities", "closeChallengePeriod", "awardStanding", "noAward");
        assertThat(pi).isNotEnded();
        assertThat(actions()).containsExactly("awardWorkflow.publish@publishAward");
        assertThat(action("publish").variables())
                .containsEntry("awardId", AWARD_ID)
                .containsEntry("tenderId", TENDER_ID)
                .containsEntry("lotId", LOT_ID)
                .containsEntry("awardDecision", decision);
        assertThat(pi).variables().containsEntry("refundNeeded", false).containsEntry("awardDecision", decision);
        assertThat(queries("challengeUntil")).singleElement()
                .satisfies(c -> assertThat(c.variables()).containsEntry("awardId", AWARD_ID));
        assertThat(tasks(pi)).isEmpty();
        // the confirmation timer went with its task; only the end of the challenge period is left
        assertThat(jobs(pi)).singleElement()
                .satisfies(timer -> assertThat(timer.getDuedate()).hasSameTimeAs(CHALLENGE_UNTIL));
        assertThat(timer(pi, "challengePeriodEnds").getDuedate()).hasSameTimeAs(CHALLENGE_UNTIL);
        assertThat(deadlines.requestedDays).isEmpty();

        ClockUtil.setCurrentTime(new Date(CHALLENGE_UNTIL.getTime() - 1));
        assertThat(executeDueJobs(pi)).isZero();
        assertThat(pi).isNotEnded().isWaitingAt("challengePeriodEnds");

        ClockUtil.setCurrentTime(CHALLENGE_UNTIL);
        assertThat(executeDueJobs(pi)).isEqualTo(1);

        assertThat(pi).isEnded()
                .hasPassedInOrder("challengePeriodEnds", "closeChallengePeriod", "awardJoin", "awardStanding")
                .hasNotPassed("refundSecurities", "confirmAwardOverdue", "noAward");
        assertThat(actions()).containsExactly(
                "awardWorkflow.publish@publishAward",
                "awardWorkflow.closeChallengePeriod@closeChallengePeriod");
        assertThat(action("closeChallengePeriod").variables()).containsEntry("awardId", AWARD_ID);
        assertThat(passes(pi, "awardStanding")).isEqualTo(1);
        assertThat(jobs(pi)).isEmpty();
    }

    // ---------------------------------------------------------------- notice with refunds

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"CONFIRM", "NEXT_RANKED"})
    void refundsDoneBeforeTheChallengePeriodEndsWaitForIt(String decision) {
        award.refundNeeded = true;
        ProcessInstance pi = start();
        ClockUtil.setCurrentTime(CONFIRMED_AT);
        Date refundDue = inDays(CONFIRMED_AT, 5);

        complete(task(pi), withVariables("awardDecision", decision));

        assertThat(pi).isWaitingAt("challengePeriodEnds", "refundSecurities")
                .hasPassedInOrder("confirmAward", "publishAward", "afterNotice")
                .hasPassed("refundGateway")
                .hasNotPassed("refundsSettled", "closeChallengePeriod", "awardStanding");
        assertThat(pi).variables().containsEntry("refundNeeded", true);
        Task refund = task(pi);
        assertThat(refund).hasDefinitionKey("refundSecurities").hasName("Refund bid securities")
                .hasCandidateGroup("finance").isNotAssigned();
        assertThat(candidateGroups(refund)).containsExactly("finance");
        assertThat(refund.getDueDate()).hasSameTimeAs(refundDue);
        assertThat(deadlines.requestedDays).containsExactly(5, 5);
        assertThat(timer(pi, "refundOverdue").getDuedate()).hasSameTimeAs(refundDue);
        assertThat(timer(pi, "challengePeriodEnds").getDuedate()).hasSameTimeAs(CHALLENGE_UNTIL);
        assertThat(jobs(pi)).hasSize(2);
        assertThat(actions()).containsExactly("awardWorkflow.publish@publishAward");

        // finance refunds the next day: the award does not stand before the challenge period is over
        ClockUtil.setCurrentTime(inDays(CONFIRMED_AT, 1));
        complete(task(pi));

        assertThat(pi).isNotEnded().isWaitingAt("challengePeriodEnds")
                .hasPassedInOrder("refundSecurities", "refundsSettled")
                .hasNotPassed("closeChallengePeriod", "awardStanding", "refundOverdue");
        assertThat(tasks(pi)).isEmpty();
        // the refund timer went with its task
        assertThat(jobs(pi)).singleElement()
                .satisfies(timer -> assertThat(timer.getDuedate()).hasSameTimeAs(CHALLENGE_UNTIL));

        ClockUtil.setCurrentTime(new Date(CHALLENGE_UNTIL.getTime() - 1));
        assertThat(executeDueJobs(pi)).isZero();
        assertThat(pi).isNotEnded();

        ClockUtil.setCurrentTime(CHALLENGE_UNTIL);
        assertThat(executeDueJobs(pi)).isEqualTo(1);

        assertThat(pi).isEnded()
                .hasPassedInOrder("challengePeriodEnds", "closeChallengePeriod", "awardJoin", "awardStanding")
                .hasNotPassed("refundOverdue", "recordRefundOverdue", "noAward");
        assertThat(actions()).containsExactly(
                "awardWorkflow.publish@publishAward",
                "awardWorkflow.closeChallengePeriod@closeChallengePeriod");
        assertThat(passes(pi, "refundSecurities")).isEqualTo(1);
        assertThat(passes(pi, "closeChallengePeriod")).isEqualTo(1);
        assertThat(passes(pi, "awardStanding")).isEqualTo(1);
        assertThat(jobs(pi)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"CONFIRM", "NEXT_RANKED"})
    void whenTheChallengePeriodEndsFirstTheAwardStandsOnlyOnceTheRefundsAreDone(String decision) {
        award.refundNeeded = true;
        // a short challenge period that ends before the refunds are due
        Date challengeUntil = inDays(CONFIRMED_AT, 2);
        award.challengeUntil = challengeUntil;
        ProcessInstance pi = start();
        ClockUtil.setCurrentTime(CONFIRMED_AT);
        complete(task(pi), withVariables("awardDecision", decision));
        String refundId = task(pi).getId();

        ClockUtil.setCurrentTime(new Date(challengeUntil.getTime() - 1));
        assertThat(executeDueJobs(pi)).isZero();
        ClockUtil.setCurrentTime(challengeUntil);
        assertThat(executeDueJobs(pi)).isEqualTo(1);

        // the period is closed, but finance still has to refund
        assertThat(pi).isNotEnded().isWaitingAt("refundSecurities")
                .hasPassedInOrder("challengePeriodEnds", "closeChallengePeriod")
                .hasNotPassed("refundsSettled", "awardStanding");
        assertThat(task(pi).getId()).isEqualTo(refundId);
        assertThat(actions()).containsExactly(
                "awardWorkflow.publish@publishAward",
                "awardWorkflow.closeChallengePeriod@closeChallengePeriod");
        // the period timer fired once and is gone; only the refund timer is left
        assertThat(jobs(pi)).singleElement()
                .satisfies(timer -> assertThat(timer.getDuedate()).hasSameTimeAs(inDays(CONFIRMED_AT, 5)));
        assertThat(timer(pi, "challengePeriodEnds")).isNull();

        complete(task(pi));

        assertThat(pi).isEnded()
                .hasPassedInOrder("refundSecurities", "refundsSettled", "awardJoin", "awardStanding")
                .hasNotPassed("refundOverdue", "noAward");
        assertThat(passes(pi, "closeChallengePeriod")).isEqualTo(1);
        assertThat(passes(pi, "awardStanding")).isEqualTo(1);
        assertThat(actions()).containsExactly(
                "awardWorkflow.publish@publishAward",
                "awardWorkflow.closeChallengePeriod@closeChallengePeriod");
        assertThat(jobs(pi)).isEmpty();
    }

    @Test
    void theChallengePeriodEndsExactlyOnceAtItsDate() {
        award.refundNeeded = true;
        ProcessInstance pi = start();
        ClockUtil.setCurrentTime(CONFIRMED_AT);
        complete(task(pi), withVariables("awardDecision", "CONFIRM"));
        // finance refunds before the refunds are due, so only the challenge period is left
        complete(task(pi));
        Job timer = timer(pi, "challengePeriodEnds");
        assertThat(timer.getDuedate()).hasSameTimeAs(CHALLENGE_UNTIL);

        ClockUtil.setCurrentTime(new Date(CHALLENGE_UNTIL.getTime() - 1));
        assertThat(executeDueJobs(pi)).isZero();
        assertThat(passes(pi, "challengePeriodEnds")).isEqualTo(1);
        assertThat(extension.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(pi.getId())
                .activityId("challengePeriodEnds").finished().count()).isZero();

        ClockUtil.setCurrentTime(CHALLENGE_UNTIL);
        assertThat(executeDueJobs(pi)).isEqualTo(1);
        assertThat(pi).isEnded();

        // nothing fires again later
        ClockUtil.setCurrentTime(inDays(CHALLENGE_UNTIL, 30));
        assertThat(executeDueJobs(pi)).isZero();
        assertThat(passes(pi, "challengePeriodEnds")).isEqualTo(1);
        assertThat(passes(pi, "closeChallengePeriod")).isEqualTo(1);
        assertThat(calls.stream().filter(c -> c.method().equals("closeChallengePeriod")).count()).isEqualTo(1);
        assertThat(extension.getManagementService().createJobQuery().jobId(timer.getId()).count()).isZero();
    }

    // ---------------------------------------------------------------- overdue timers

    @Test
    void anOverdueConfirmationIsRecordedOnceAndTheOfficerKeepsTheTask() {
        award.refundNeeded = false;
        ProcessInstance pi = start();
        String taskId = task(pi).getId();

        ClockUtil.setCurrentTime(new Date(CONFIRM_DUE.getTime() - 1));
        assertThat(executeDueJobs(pi)).isZero();
        ClockUtil.setCurrentTime(CONFIRM_DUE);
        assertThat(executeDueJobs(pi)).isEqualTo(1);

        assertThat(actions()).containsExactly("tenderWorkflow.recordOverdue@recordConfirmOverdue");
        assertThat(action("recordOverdue").variables())
                .containsEntry("awardId", AWARD_ID)
                .containsEntry("tenderId", TENDER_ID);
        assertThat(pi).isWaitingAt("confirmAward")
                .hasPassedInOrder("confirmAwardOverdue", "recordConfirmOverdue", "confirmOverdueRecorded")
                .hasNotPassed("publishAward", "noAward");
        assertThat(task(pi).getId()).isEqualTo(taskId);
        assertThat(task(pi)).hasCandidateGroup("officer").isNotAssigned();
        assertThat(jobs(pi)).isEmpty();

        // it is recorded once: a week later nothing fires again
        ClockUtil.setCurrentTime(inDays(CONFIRM_DUE, 7));
        assertThat(executeDueJobs(pi)).isZero();
        assertThat(passes(pi, "recordConfirmOverdue")).isEqualTo(1);

        // a late confirmation still publishes the award, with a challenge period counted from the late notice
        Date lateChallengeUntil = inDays(ClockUtil.getCurrentTime(), 9);
        award.challengeUntil = lateChallengeUntil;
        complete(task(pi), withVariables("awardDecision", "CONFIRM"));
        assertThat(pi).isWaitingAt("challengePeriodEnds").hasPassed("publishAward", "refundsSettled");
        assertThat(actions()).containsExactly(
                "tenderWorkflow.recordOverdue@recordConfirmOverdue",
                "awardWorkflow.publish@publishAward");
        assertThat(jobs(pi)).singleElement()
                .satisfies(timer -> assertThat(timer.getDuedate()).hasSameTimeAs(lateChallengeUntil));
        ClockUtil.setCurrentTime(new Date(lateChallengeUntil.getTime() - 1));
        assertThat(executeDueJobs(pi)).isZero();
        ClockUtil.setCurrentTime(lateChallengeUntil);
        assertThat(executeDueJobs(pi)).isEqualTo(1);
        assertThat(pi).isEnded().hasPassed("closeChallengePeriod", "awardStanding");
    }

    @Test
    void anOverdueRefundIsRecordedOnceWhileFinanceKeepsTheTaskAndTheChallengePeriodRuns() {
        award.refundNeeded = true;
        ProcessInstance pi = start();
        ClockUtil.setCurrentTime(CONFIRMED_AT);
        complete(task(pi), withVariables("awardDecision", "NEXT_RANKED"));
        String refundId = task(pi).getId();
        Date refundDue = inDays(CONFIRMED_AT, 5);
        assertThat(refundDue).isBefore(CHALLENGE_UNTIL);

        ClockUtil.setCurrentTime(new Date(refundDue.getTime() - 1));
        assertThat(executeDueJobs(pi)).isZero();
        assertThat(pi).hasNotPassed("refundOverdue");
        ClockUtil.setCurrentTime(refundDue);
        assertThat(executeDueJobs(pi)).isEqualTo(1);

        assertThat(actions()).containsExactly(
                "awardWorkflow.publish@publishAward",
                "tenderWorkflow.recordOverdue@recordRefundOverdue");
        assertThat(action("recordOverdue").variables())
                .containsEntry("awardId", AWARD_ID)
                .containsEntry("refundNeeded", true);
        assertThat(pi).isWaitingAt("challengePeriodEnds", "refundSecurities")
                .hasPassedInOrder("refundOverdue", "recordRefundOverdue", "refundOverdueRecorded")
                .hasNotPassed("refundsSettled", "closeChallengePeriod");
        assertThat(task(pi).getId()).isEqualTo(refundId);
        assertThat(task(pi)).hasCandidateGroup("finance");
        // the challenge period is untouched
        assertThat(jobs(pi)).singleElement()
                .satisfies(timer -> assertThat(timer.getDuedate()).hasSameTimeAs(CHALLENGE_UNTIL));

        // recorded once: the next day nothing fires again
        ClockUtil.setCurrentTime(inDays(refundDue, 1));
        assertThat(executeDueJobs(pi)).isZero();
        assertThat(passes(pi, "recordRefundOverdue")).isEqualTo(1);

        // the late refund settles the refunds; the award stands when the period ends
        complete(task(pi));
        assertThat(pi).isNotEnded().isWaitingAt("challengePeriodEnds").hasPassed("refundsSettled");
        ClockUtil.setCurrentTime(CHALLENGE_UNTIL);
        assertThat(executeDueJobs(pi)).isEqualTo(1);
        assertThat(pi).isEnded().hasPassed("closeChallengePeriod", "awardJoin", "awardStanding");
        assertThat(actions()).containsExactly(
                "awardWorkflow.publish@publishAward",
                "tenderWorkflow.recordOverdue@recordRefundOverdue",
                "awardWorkflow.closeChallengePeriod@closeChallengePeriod");
    }

    // ---------------------------------------------------------------- helpers

    ProcessInstance start() {
        ProcessInstance pi = extension.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY, BUSINESS_KEY, withVariables(
                "tenderId", TENDER_ID,
                "unitId", UNIT_ID,
                "lotId", LOT_ID,
                "committeeId", COMMITTEE_ID,
                "awardId", AWARD_ID));
        assertThat(pi).isStarted().isWaitingAt("confirmAward");
        return pi;
    }

    static Date inDays(Date from, int days) {
        return VendorVerificationProcessTest.inDays(from, days);
    }

    List<Task> tasks(ProcessInstance pi) {
        return extension.getTaskService().createTaskQuery().processInstanceId(pi.getId()).list();
    }

    List<Job> jobs(ProcessInstance pi) {
        return extension.getManagementService().createJobQuery().processInstanceId(pi.getId()).list();
    }

    /** The timer job of this event, or null when there is none. */
    Job timer(ProcessInstance pi, String activityId) {
        return extension.getManagementService().createJobQuery().processInstanceId(pi.getId())
                .activityId(activityId).singleResult();
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
        return extension.getTaskService().getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId)
                .collect(Collectors.toSet());
    }

    /** The calls that change something, in order; the questions the process asks the bean are left out. */
    List<String> actions() {
        return calls.stream().filter(c -> !QUERIES.contains(c.method())).map(Call::signature).toList();
    }

    /** The only call of this action. */
    Call action(String method) {
        List<Call> found = calls.stream().filter(c -> c.method().equals(method)).toList();
        assertThat(found).as("calls of %s", method).hasSize(1);
        return found.get(0);
    }

    List<Call> queries(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    // ---------------------------------------------------------------- test doubles

    /**
     * Stands in for the "awardWorkflow" CDI bean. Every call is recorded. Like the real one,
     * publishing the notice sets refundNeeded on the process (scripted by each test: by default
     * the publication fails the test, so every test says whether there is anything to refund);
     * the confirmation date and the end of the challenge period are the award's, here fixed dates.
     */
    public static class StandInAwardWorkflow extends Recording {
        Boolean refundNeeded;
        Date confirmDue = CONFIRM_DUE;
        Date challengeUntil = CHALLENGE_UNTIL;

        StandInAwardWorkflow(List<Call> calls) {
            super("awardWorkflow", calls);
        }

        public Date confirmDue(DelegateExecution execution) {
            record("confirmDue", execution);
            return confirmDue;
        }

        public void publish(DelegateExecution execution) {
            record("publish", execution);
            if (refundNeeded == null) {
                throw new AssertionError("the test did not say whether securities are to be refunded");
            }
            execution.setVariable("refundNeeded", refundNeeded.booleanValue());
        }

        public Date challengeUntil(DelegateExecution execution) {
            record("challengeUntil", execution);
            return challengeUntil;
        }

        public void closeChallengePeriod(DelegateExecution execution) {
            record("closeChallengePeriod", execution);
        }
    }
}
