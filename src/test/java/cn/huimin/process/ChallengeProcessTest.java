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

import cn.huimin.application.ChallengeService;
import cn.huimin.process.VendorVerificationProcessTest.Call;
import cn.huimin.process.VendorVerificationProcessTest.Recording;
import cn.huimin.process.VendorVerificationProcessTest.StandInDeadlines;
import cn.huimin.process.VendorVerificationProcessTest.StandInTenderWorkflow;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.EventSubscription;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
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
 * Walks every path and every timer of a challenge to an award: the officer's answer with its
 * overdue timer, then either a complaint (a message correlated by the challenge's business key, as
 * ChallengeService.complain does) decided by the supervisor with its own overdue timer, or the end of
 * the complaint window, after which the challenge is closed and a complaint finds nothing to go to.
 * The "challengeWorkflow" bean is replaced by a stand-in whose dates each test may script; timers
 * are driven with the engine clock.
 */
@Deployment(resources = "processes/challenge.bpmn")
public class ChallengeProcessTest {

    static final String PROCESS_KEY = "challenge";
    static final String MESSAGE = "complaintFiled";
    static final long CHALLENGE_ID = 55L;
    static final long OTHER_CHALLENGE_ID = 56L;
    static final long TENDER_ID = 42L;
    static final long LOT_ID = 421L;
    static final long UNIT_ID = 3L;
    /** Monday 2 March 2026, 09:00 Shanghai time: a bidder has just challenged the award. */
    static final Date NOW = TenderPreparationProcessTest.NOW;
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** The officer answers by the end of Wednesday 11 March 2026 (7 working days), Shanghai time. */
    static final Date ANSWER_DUE = Date.from(ZonedDateTime.of(2026, 3, 11, 23, 59, 59, 0, SHANGHAI).toInstant());
    /** The officer answers on Thursday 5 March 2026 at 15:00. */
    static final Date ANSWERED_AT = Date.from(ZonedDateTime.of(2026, 3, 5, 15, 0, 0, 0, SHANGHAI).toInstant());
    /** The bidder may complain until the end of Wednesday 1 April 2026 (15 working days after the answer was due). */
    static final Date COMPLAINT_UNTIL = Date.from(ZonedDateTime.of(2026, 4, 1, 23, 59, 59, 0, SHANGHAI).toInstant());
    /** The bidder complains on Monday 16 March 2026 at 11:00. */
    static final Date COMPLAINED_AT = Date.from(ZonedDateTime.of(2026, 3, 16, 11, 0, 0, 0, SHANGHAI).toInstant());
    /** The supervisor decides by the end of Monday 27 April 2026 (30 working days), Shanghai time. */
    static final Date DECISION_DUE = Date.from(ZonedDateTime.of(2026, 4, 27, 23, 59, 59, 0, SHANGHAI).toInstant());

    /** What the stand-in is asked for while the process builds due dates and timers. */
    static final Set<String> QUERIES = Set.of("answerDue", "complaintUntil", "decisionDue");

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder()
            .configurationResource("camunda.cfg.xml")
            .build();

    final List<Call> calls = new ArrayList<>();
    StandInChallengeWorkflow challenge;
    StandInDeadlines deadlines;

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(extension.getProcessEngine());
        ClockUtil.setCurrentTime(NOW);
        challenge = new StandInChallengeWorkflow(calls);
        deadlines = new StandInDeadlines();
        Mocks.register("challengeWorkflow", challenge);
        Mocks.register("tenderWorkflow", new StandInTenderWorkflow(calls));
        Mocks.register("taskDeadlines", deadlines);
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        Mocks.reset();
        AbstractAssertions.reset();
    }

    // ---------------------------------------------------------------- the answer

    @Test
    void theOfficerIsAskedToAnswerByTheChallengesAnswerDate() {
        ProcessInstance pi = start(CHALLENGE_ID);

        assertThat(pi).isWaitingAt("answerChallenge").hasPassed("challengeFiled");
        assertThat(pi).hasBusinessKey("challenge-55");
        Task answer = task(pi);
        assertThat(answer).hasDefinitionKey("answerChallenge").hasName("Answer the challenge")
                .hasCandidateGroup("officer").isNotAssigned();
        assertThat(candidateGroups(answer)).containsExactly("officer");
        assertThat(answer.getDueDate()).hasSameTimeAs(ANSWER_DUE);
        assertThat(job(pi).getDuedate()).hasSameTimeAs(ANSWER_DUE);
        assertThat(timer(pi, "answerOverdue").getDuedate()).hasSameTimeAs(ANSWER_DUE);
        // the due date and the timer both come from the challenge, asked for with its id
        assertThat(queries("answerDue")).hasSize(2).allSatisfy(c -> assertThat(c.variables())
                .containsEntry("challengeId", CHALLENGE_ID)
                .containsEntry("tenderId", TENDER_ID)
                .containsEntry("lotId", LOT_ID)
                .containsEntry("unitId", UNIT_ID));
        assertThat(queries("complaintUntil")).isEmpty();
        assertThat(queries("decisionDue")).isEmpty();
        assertThat(actions()).isEmpty();
        assertThat(deadlines.requestedDays).isEmpty();

        ClockUtil.setCurrentTime(new Date(ANSWER_DUE.getTime() - 1));
        assertThat(executeDueJobs(pi)).isZero();
        assertThat(pi).isWaitingAt("answerChallenge").hasNotPassed("answerOverdue", "recordAnswerOverdue");
        assertThat(actions()).isEmpty();
    }

    @Test
    void aComplaintBeforeTheAnswerFindsNothingToGoTo() {
        ProcessInstance pi = start(CHALLENGE_ID);

        assertThat(subscriptions(pi)).isEmpty();
        assertThatThrownBy(() -> complain(CHALLENGE_ID))
                .isInstanceOf(MismatchingMessageCorrelationException.class);

        assertThat(pi).isWaitingAt("answerChallenge").hasNotPassed("complaintFiled", "decideComplaint");
        assertThat(queries("decisionDue")).isEmpty();
    }

    @Test
    void afterTheAnswerTheProcessWaitsForAComplaintOrTheEndOfTheComplaintWindow() {
        ProcessInstance pi = answered(CHALLENGE_ID);

        assertThat(pi).isWaitingAt("complaintGateway")
                .hasPassedInOrder("challengeFiled", "answerChallenge")
                .hasNotPassed("complaintFiled", "complaintWindowClosed", "answerOverdue");
        assertThat(tasks(pi)).isEmpty();
        assertThat(subscriptions(pi)).singleElement().satisfies(s -> {
            assertThat(s.getEventType()).isEqualTo("message");
            assertThat(s.getEventName()).isEqualTo(MESSAGE);
            assertThat(s.getActivityId()).isEqualTo("complaintFiled");
        });
        // the answer timer went with its task; only the complaint window is left
        assertThat(jobs(pi)).singleElement()
                .satisfies(timer -> assertThat(timer.getDuedate()).hasSameTimeAs(COMPLAINT_UNTIL));
        assertThat(timer(pi, "complaintWindowClosed").getDuedate()).hasSameTimeAs(COMPLAINT_UNTIL);
        // the window is asked for once the answer is given (the real bean sets it when the answer is recorded)
        assertThat(calls).extracting(Call::method).containsExactly("answerDue", "answerDue", "complaintUntil");
        assertThat(queries("complaintUntil")).singleElement()
                .satisfies(c -> assertThat(c.variables()).containsEntry("challengeId", CHALLENGE_ID));
        assertThat(actions()).isEmpty();
    }

    // ---------------------------------------------------------------- no complaint

    @Test
    void withoutAComplaintTheChallengeIsClosedExactlyOnceWhenTheWindowCloses() {
        ProcessInstance pi = answered(CHALLENGE_ID);

        ClockUtil.setCurrentTime(new Date(COMPLAINT_UNTIL.getTime() - 1));
        assertThat(executeDueJobs(pi)).isZero();
        assertThat(pi).isWaitingAt("complaintGateway").hasNotPassed("complaintWindowClosed", "closeChallenge");
        assertThat(actions()).isEmpty();

        ClockUtil.setCurrentTime(COMPLAINT_UNTIL);
        assertThat(executeDueJobs(pi)).isEqualTo(1);

        assertThat(pi).isEnded()
                .hasPassedInOrder("answerChallenge", "complaintGateway", "complaintWindowClosed", "closeChallenge",
                        "challengeClosed")
                .hasNotPassed("complaintFiled", "decideComplaint", "complaintDecided");
        assertThat(actions()).containsExactly("challengeWorkflow.close@closeChallenge");
        assertThat(action("close").variables())
                .containsEntry("challengeId", CHALLENGE_ID)
                .containsEntry("tenderId", TENDER_ID);
        assertThat(queries("decisionDue")).isEmpty();
        assertThat(jobs(pi)).isEmpty();
        assertThat(subscriptions(pi)).isEmpty();

        // nothing fires again later
        ClockUtil.setCurrentTime(inDays(COMPLAINT_UNTIL, 30));
        assertThat(executeDueJobs(pi)).isZero();
        assertThat(passes(pi, "closeChallenge")).isEqualTo(1);
    }

    @Test
    void aComplaintAfterTheWindowClosedFindsNoSubscription() {
        ProcessInstance pi = answered(CHALLENGE_ID);
        ClockUtil.setCurrentTime(COMPLAINT_UNTIL);
        assertThat(executeDueJobs(pi)).isEqualTo(1);
        assertThat(pi).isEnded().hasPassed("challengeClosed");

        ClockUtil.setCurrentTime(new Date(COMPLAINT_UNTIL.getTime() + 1));
        assertThatThrownBy(() -> complain(CHALLENGE_ID))
                .isInstanceOf(MismatchingMessageCorrelationException.class)
                .hasMessageContaining(MESSAGE);

        assertThat(pi).hasNotPassed("complaintFiled", "decideComplaint", "complaintDecided");
        assertThat(extension.getTaskService().createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(actions()).containsExactly("challengeWorkflow.close@closeChallenge");
        assertThat(queries("decisionDue")).isEmpty();
    }

    // ---------------------------------------------------------------- a complaint

    @Test
    void aComplaintGoesToTheSupervisorAndTheWindowTimerIsGone() {
        ProcessInstance pi = answered(CHALLENGE_ID);
        ProcessInstance other = answered(OTHER_CHALLENGE_ID);
        String windowTimerId = timer(pi, "complaintWindowClosed").getId();
        ClockUtil.setCurrentTime(COMPLAINED_AT);

        MessageCorrelationResult result = complain(CHALLENGE_ID);

        assertThat(result.getExecution().getProcessInstanceId()).isEqualTo(pi.getId());
        assertThat(pi).isWaitingAt("decideComplaint")
                .hasPassedInOrder("answerChallenge", "complaintGateway", "complaintFiled")
                .hasNotPassed("complaintWindowClosed", "closeChallenge", "challengeClosed");
        Task decide = task(pi);
        assertThat(decide).hasDefinitionKey("decideComplaint").hasName("Decide the complaint")
                .hasCandidateGroup("supervisor").isNotAssigned();
        assertThat(candidateGroups(decide)).containsExactly("supervisor");
        assertThat(decide.getDueDate()).hasSameTimeAs(DECISION_DUE);
        assertThat(queries("decisionDue")).hasSize(2).allSatisfy(c -> assertThat(c.variables())
                .containsEntry("challengeId", CHALLENGE_ID));
        // the window timer no longer exists: the only job is the decision's overdue timer
        assertThat(extension.getManagementService().createJobQuery().jobId(windowTimerId).count()).isZero();
        assertThat(timer(pi, "complaintWindowClosed")).isNull();
        assertThat(jobs(pi)).singleElement().satisfies(timer -> {
            assertThat(timer.getDuedate()).hasSameTimeAs(DECISION_DUE);
            assertThat(timer.getId()).isEqualTo(timer(pi, "decisionOverdue").getId());
        });
        assertThat(subscriptions(pi)).isEmpty();

        // the other challenge, with another business key, still waits
        assertThat(other).isWaitingAt("complaintGateway").hasNotPassed("complaintFiled");
        assertThat(subscriptions(other)).hasSize(1);
        assertThat(timer(other, "complaintWindowClosed").getDuedate()).hasSameTimeAs(COMPLAINT_UNTIL);

        // the end of the window passes without closing the complained challenge
        ClockUtil.setCurrentTime(COMPLAINT_UNTIL);
        assertThat(executeDueJobs(pi)).isZero();
        assertThat(pi).isWaitingAt("decideComplaint").hasNotPassed("complaintWindowClosed", "closeChallenge");
        assertThat(calls).filteredOn(c -> c.method().equals("close")).isEmpty();

        // a second complaint finds nothing to go to
        assertThatThrownBy(() -> complain(CHALLENGE_ID))
                .isInstanceOf(MismatchingMessageCorrelationException.class);
        assertThat(passes(pi, "complaintFiled")).isEqualTo(1);
        assertThat(passes(pi, "decideComplaint")).isEqualTo(1);

        complete(task(pi));

        assertThat(pi).isEnded()
                .hasPassedInOrder("complaintFiled", "decideComplaint", "complaintDecided")
                .hasNotPassed("complaintWindowClosed", "closeChallenge", "challengeClosed", "decisionOverdue");
        assertThat(actions()).isEmpty();
        assertThat(jobs(pi)).isEmpty();
    }

    @Test
    void aComplaintOneMillisecondBeforeTheWindowClosesIsStillTaken() {
        ProcessInstance pi = answered(CHALLENGE_ID);
        ClockUtil.setCurrentTime(new Date(COMPLAINT_UNTIL.getTime() - 1));
        assertThat(executeDueJobs(pi)).isZero();

        complain(CHALLENGE_ID);

        assertThat(pi).isWaitingAt("decideComplaint").hasNotPassed("complaintWindowClosed");
        ClockUtil.setCurrentTime(COMPLAINT_UNTIL);
        assertThat(executeDueJobs(pi)).isZero();
        assertThat(actions()).isEmpty();
    }

    // ---------------------------------------------------------------- overdue timers

    @Test
    void anOverdueAnswerIsRecordedOnceAndTheOfficerKeepsTheTask() {
        ProcessInstance pi = start(CHALLENGE_ID);
        String taskId = task(pi).getId();

        ClockUtil.setCurrentTime(new Date(ANSWER_DUE.getTime() - 1));
        assertThat(executeDueJobs(pi)).isZero();
        ClockUtil.setCurrentTime(ANSWER_DUE);
        assertThat(executeDueJobs(pi)).isEqualTo(1);

        assertThat(actions()).containsExactly("tenderWorkflow.recordOverdue@recordAnswerOverdue");
        assertThat(action("recordOverdue").variables())
                .containsEntry("challengeId", CHALLENGE_ID)
                .containsEntry("tenderId", TENDER_ID);
        assertThat(pi).isWaitingAt("answerChallenge")
                .hasPassedInOrder("answerOverdue", "recordAnswerOverdue", "answerOverdueRecorded")
                .hasNotPassed("complaintGateway");
        assertThat(task(pi).getId()).isEqualTo(taskId);
        assertThat(task(pi)).hasCandidateGroup("officer").isNotAssigned();
        assertThat(jobs(pi)).isEmpty();
        assertThat(subscriptions(pi)).isEmpty();

        // it is recorded once: a week later nothing fires again
        ClockUtil.setCurrentTime(inDays(ANSWER_DUE, 7));
        assertThat(executeDueJobs(pi)).isZero();
        assertThat(passes(pi, "recordAnswerOverdue")).isEqualTo(1);

        // a late answer still opens the complaint window
        complete(task(pi));
        assertThat(pi).isWaitingAt("complaintGateway");
        assertThat(subscriptions(pi)).hasSize(1);
        assertThat(jobs(pi)).singleElement()
                .satisfies(timer -> assertThat(timer.getDuedate()).hasSameTimeAs(COMPLAINT_UNTIL));
        assertThat(actions()).containsExactly("tenderWorkflow.recordOverdue@recordAnswerOverdue");
    }

    @Test
    void anOverdueDecisionIsRecordedOnceAndTheSupervisorKeepsTheTask() {
        ProcessInstance pi = answered(CHALLENGE_ID);
        ClockUtil.setCurrentTime(COMPLAINED_AT);
        complain(CHALLENGE_ID);
        String taskId = task(pi).getId();
        assertThat(timer(pi, "decisionOverdue").getDuedate()).hasSameTimeAs(DECISION_DUE);

        ClockUtil.setCurrentTime(new Date(DECISION_DUE.getTime() - 1));
        assertThat(executeDueJobs(pi)).isZero();
        assertThat(pi).hasNotPassed("decisionOverdue");
        ClockUtil.setCurrentTime(DECISION_DUE);
        assertThat(executeDueJobs(pi)).isEqualTo(1);

        assertThat(actions()).containsExactly("tenderWorkflow.recordOverdue@recordComplaintOverdue");
        assertThat(action("recordOverdue").variables()).containsEntry("challengeId", CHALLENGE_ID);
        assertThat(pi).isWaitingAt("decideComplaint")
                .hasPassedInOrder("decisionOverdue", "recordComplaintOverdue", "complaintOverdueRecorded")
                .hasNotPassed("complaintDecided", "closeChallenge");
        assertThat(task(pi).getId()).isEqualTo(taskId);
        assertThat(task(pi)).hasCandidateGroup("supervisor").isNotAssigned();
        assertThat(jobs(pi)).isEmpty();

        // it is recorded once: a month later nothing fires again
        ClockUtil.setCurrentTime(inDays(DECISION_DUE, 30));
        assertThat(executeDueJobs(pi)).isZero();
        assertThat(passes(pi, "recordComplaintOverdue")).isEqualTo(1);

        // the late decision still ends the process
        complete(task(pi));
        assertThat(pi).isEnded().hasPassed("complaintDecided").hasNotPassed("challengeClosed");
        assertThat(actions()).containsExactly("tenderWorkflow.recordOverdue@recordComplaintOverdue");
    }

    // ---------------------------------------------------------------- helpers

    ProcessInstance start(long challengeId) {
        ProcessInstance pi = extension.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY,
                ChallengeService.businessKey(challengeId), withVariables(
                        "challengeId", challengeId,
                        "tenderId", TENDER_ID,
                        "lotId", LOT_ID,
                        "unitId", UNIT_ID));
        assertThat(pi).isStarted().isWaitingAt("answerChallenge");
        return pi;
    }

    /** Starts the challenge and lets the officer answer it in time (the clock stays at the answer): the complaint window is open. */
    ProcessInstance answered(long challengeId) {
        ProcessInstance pi = start(challengeId);
        ClockUtil.setCurrentTime(ANSWERED_AT);
        complete(task(pi));
        assertThat(pi).isWaitingAt("complaintGateway");
        return pi;
    }

    /** What ChallengeService.complain does in the engine. */
    MessageCorrelationResult complain(long challengeId) {
        return extension.getRuntimeService().createMessageCorrelation(MESSAGE)
                .processInstanceBusinessKey(ChallengeService.businessKey(challengeId))
                .correlateWithResult();
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

    List<EventSubscription> subscriptions(ProcessInstance pi) {
        return extension.getRuntimeService().createEventSubscriptionQuery().processInstanceId(pi.getId()).list();
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
     * Stands in for the "challengeWorkflow" CDI bean. Every call is recorded; the answer date, the
     * end of the complaint window and the decision date are the challenge's, here fixed dates.
     */
    public static class StandInChallengeWorkflow extends Recording {
        Date answerDue = ANSWER_DUE;
        Date complaintUntil = COMPLAINT_UNTIL;
        Date decisionDue = DECISION_DUE;

        StandInChallengeWorkflow(List<Call> calls) {
            super("challengeWorkflow", calls);
        }

        public Date answerDue(DelegateExecution execution) {
            record("answerDue", execution);
            return answerDue;
        }

        public Date complaintUntil(DelegateExecution execution) {
            record("complaintUntil", execution);
            return complaintUntil;
        }

        public Date decisionDue(DelegateExecution execution) {
            record("decisionDue", execution);
            return decisionDue;
        }

        public void close(DelegateExecution execution) {
            record("close", execution);
        }
    }
}
