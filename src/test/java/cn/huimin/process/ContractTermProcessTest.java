package cn.huimin.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.List;
import java.util.Map;
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
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Walks every path and every timer of a contract's service term: the periods one after the other
 * (each ends on a timer at its end date, then its evaluation is opened and run as the
 * "performance-evaluation" call activity), the completion when no period is left, and after two
 * failing periods in a row the head's decision to terminate the contract or to go on, with its
 * overdue timer. The evaluation is a stub deployed by the test: one task whose completion says
 * whether the period failed. The "termWorkflow" bean is replaced by a stand-in whose periods each
 * test scripts; timers are driven with the engine clock.
 */
@Deployment(resources = "processes/contract-term.bpmn")
public class ContractTermProcessTest {

    static final String PROCESS_KEY = "contract-term";
    static final String EVALUATION_KEY = "performance-evaluation";
    static final String BUSINESS_KEY = "contract-3001";
    static final long CONTRACT_ID = 3001L;
    static final long TENDER_ID = 42L;
    static final long UNIT_ID = 3L;
    static final String VENDOR = "acme.vendor";
    /** Monday 2 March 2026, 09:00 Shanghai time: the contract has just been published. */
    static final Date NOW = TenderPreparationProcessTest.NOW;
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** The first three quarterly periods end at the end of March, June and September 2026, Shanghai time. */
    static final Date Q1_ENDS = endOf(2026, 3, 31);
    static final Date Q2_ENDS = endOf(2026, 6, 30);
    static final Date Q3_ENDS = endOf(2026, 9, 30);
    static final Date Q4_ENDS = endOf(2026, 12, 31);

    /** What the stand-in is asked for while the process builds its timers. */
    static final Set<String> QUERIES = Set.of("periodEndsAt");

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder()
            .configurationResource("camunda.cfg.xml")
            .build();

    final List<Call> calls = new ArrayList<>();
    StandInTermWorkflow term;
    StandInDeadlines deadlines;
    String stubDeploymentId;

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(extension.getProcessEngine());
        ClockUtil.setCurrentTime(NOW);
        term = new StandInTermWorkflow(calls);
        deadlines = new StandInDeadlines();
        Mocks.register("termWorkflow", term);
        Mocks.register("tenderWorkflow", new StandInTenderWorkflow(calls));
        Mocks.register("taskDeadlines", deadlines);
        stubDeploymentId = extension.getRepositoryService().createDeployment()
                .addModelInstance("performance-evaluation-stub.bpmn", evaluationStub())
                .deploy().getId();
    }

    @AfterEach
    void tearDown() {
        extension.getRepositoryService().deleteDeployment(stubDeploymentId, true);
        ClockUtil.reset();
        Mocks.reset();
        AbstractAssertions.reset();
    }

    /** Stands in for performance-evaluation.bpmn: the evaluator's one task says whether the period failed. */
    static BpmnModelInstance evaluationStub() {
        return Bpmn.createExecutableProcess(EVALUATION_KEY)
                .name("Performance evaluation (stub)")
                .camundaHistoryTimeToLive(5479)
                .startEvent("stubPeriodEnded").name("Period ended")
                .userTask("stubEvaluate").name("Evaluate the period").camundaCandidateGroups("evaluator")
                .endEvent("stubEvaluated").name("Evaluated")
                .done();
    }

    // ---------------------------------------------------------------- the periods

    @Test
    void theFirstPeriodEndsOnItsTimerAndIsEvaluatedWithTheContractsVariables() {
        term.periods.addAll(List.of(new Period(1001L, false, Q1_ENDS), new Period(1002L, true, Q2_ENDS)));

        ProcessInstance pi = start();

        assertThat(pi).isWaitingAt("periodEnds")
                .hasPassedInOrder("contractPublished", "periodJoin", "nextPeriod", "periodLeftGateway")
                .hasNotPassed("openEvaluation", "evaluatePeriod", "completeContract");
        assertThat(actions()).containsExactly("termWorkflow.nextPeriod@nextPeriod");
        assertThat(action("nextPeriod").variables())
                .containsEntry("contractId", CONTRACT_ID)
                .containsEntry("tenderId", TENDER_ID)
                .containsEntry("unitId", UNIT_ID)
                .containsEntry("vendorUser", VENDOR);
        assertThat(pi).variables()
                .containsEntry("hasPeriod", true)
                .containsEntry("milestoneId", 1001L)
                .containsEntry("finalPeriod", false);
        assertThat(jobs(pi)).singleElement()
                .satisfies(timer -> assertThat(timer.getDuedate()).hasSameTimeAs(Q1_ENDS));
        assertThat(timer(pi, "periodEnds").getDuedate()).hasSameTimeAs(Q1_ENDS);
        assertThat(queries("periodEndsAt")).singleElement()
                .satisfies(c -> assertThat(c.variables()).containsEntry("milestoneId", 1001L));
        assertThat(evaluations()).isEmpty();

        ClockUtil.setCurrentTime(new Date(Q1_ENDS.getTime() - 1));
        assertThat(executeDueJobs(pi)).isZero();
        assertThat(pi).isWaitingAt("periodEnds");

        ClockUtil.setCurrentTime(Q1_ENDS);
        assertThat(executeDueJobs(pi)).isEqualTo(1);

        assertThat(pi).isWaitingAt("evaluatePeriod")
                .hasPassedInOrder("periodEnds", "openEvaluation")
                .hasNotPassed("countFailingPeriods");
        assertThat(actions()).containsExactly(
                "termWorkflow.nextPeriod@nextPeriod",
                "termWorkflow.openEvaluation@openEvaluation");
        assertThat(action("openEvaluation").variables()).containsEntry("milestoneId", 1001L);
        ProcessInstance evaluation = evaluation(pi);
        assertThat(evaluation.getBusinessKey()).isEqualTo(BUSINESS_KEY);
        assertThat(extension.getRuntimeService().getVariables(evaluation.getId()))
                .containsOnlyKeys("contractId", "evaluationId", "tenderId", "unitId", "vendorUser", "finalPeriod")
                .containsEntry("contractId", CONTRACT_ID)
                .containsEntry("evaluationId", 5001L)
                .containsEntry("tenderId", TENDER_ID)
                .containsEntry("unitId", UNIT_ID)
                .containsEntry("vendorUser", VENDOR)
                .containsEntry("finalPeriod", false);
        assertThat(jobs(pi)).isEmpty();
    }

    @Test
    void passingPeriodsFollowOneAnotherUntilNoneIsLeftAndTheContractIsComplete() {
        term.periods.addAll(List.of(new Period(1001L, false, Q1_ENDS), new Period(1002L, false, Q2_ENDS),
                new Period(1003L, true, Q3_ENDS)));
        ProcessInstance pi = start();

        endPeriod(pi, Q1_ENDS, false);
        assertThat(pi).isWaitingAt("periodEnds").hasPassedInOrder("evaluatePeriod", "countFailingPeriods",
                "twoFailingGateway", "periodJoin", "nextPeriod");
        assertThat(timer(pi, "periodEnds").getDuedate()).hasSameTimeAs(Q2_ENDS);
        assertThat(action("afterEvaluation").variables())
                .containsEntry("failing", false)
                .containsEntry("evaluationId", 5001L);
        assertThat(pi).variables().containsEntry("proposeTermination", false).containsEntry("milestoneId", 1002L);

        endPeriod(pi, Q2_ENDS, false);
        assertThat(timer(pi, "periodEnds").getDuedate()).hasSameTimeAs(Q3_ENDS);

        // the last period is the final acceptance
        ClockUtil.setCurrentTime(Q3_ENDS);
        assertThat(executeDueJobs(pi)).isEqualTo(1);
        assertThat(extension.getRuntimeService().getVariables(evaluation(pi).getId()))
                .containsEntry("finalPeriod", true)
                .containsEntry("evaluationId", 5003L);
        complete(task(evaluation(pi)), withVariables("failing", false));

        assertThat(pi).isEnded()
                .hasPassedInOrder("countFailingPeriods", "twoFailingGateway", "periodJoin", "nextPeriod",
                        "periodLeftGateway", "completeContract", "termOver")
                .hasNotPassed("decideTermination", "terminateContract", "contractTerminated");
        assertThat(passes(pi, "nextPeriod")).isEqualTo(4);
        assertThat(passes(pi, "periodEnds")).isEqualTo(3);
        assertThat(passes(pi, "evaluatePeriod")).isEqualTo(3);
        assertThat(actions()).containsExactly(
                "termWorkflow.nextPeriod@nextPeriod",
                "termWorkflow.openEvaluation@openEvaluation",
                "termWorkflow.afterEvaluation@countFailingPeriods",
                "termWorkflow.nextPeriod@nextPeriod",
                "termWorkflow.openEvaluation@openEvaluation",
                "termWorkflow.afterEvaluation@countFailingPeriods",
                "termWorkflow.nextPeriod@nextPeriod",
                "termWorkflow.openEvaluation@openEvaluation",
                "termWorkflow.afterEvaluation@countFailingPeriods",
                "termWorkflow.nextPeriod@nextPeriod",
                "termWorkflow.complete@completeContract");
        assertThat(action("complete").variables()).containsEntry("hasPeriod", false).containsEntry("contractId", CONTRACT_ID);
        assertThat(jobs(pi)).isEmpty();
        assertThat(deadlines.requestedDays).isEmpty();
    }

    @Test
    void aContractWithoutAnyPeriodIsCompleteAtOnce() {
        ProcessInstance pi = extension.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY, BUSINESS_KEY, startVariables());

        assertThat(pi).isEnded()
                .hasPassedInOrder("contractPublished", "periodJoin", "nextPeriod", "periodLeftGateway",
                        "completeContract", "termOver")
                .hasNotPassed("periodEnds", "openEvaluation", "evaluatePeriod");
        assertThat(actions()).containsExactly(
                "termWorkflow.nextPeriod@nextPeriod",
                "termWorkflow.complete@completeContract");
        assertThat(queries("periodEndsAt")).isEmpty();
        assertThat(jobs(pi)).isEmpty();
    }

    @Test
    void failingPeriodsThatAreNotConsecutiveDoNotProposeTermination() {
        term.periods.addAll(List.of(new Period(1001L, false, Q1_ENDS), new Period(1002L, false, Q2_ENDS),
                new Period(1003L, true, Q3_ENDS)));
        ProcessInstance pi = start();

        endPeriod(pi, Q1_ENDS, true);
        assertThat(pi).isWaitingAt("periodEnds");
        assertThat(pi).variables().containsEntry("failing", true).containsEntry("proposeTermination", false);
        endPeriod(pi, Q2_ENDS, false);
        endPeriod(pi, Q3_ENDS, true);

        assertThat(pi).isEnded().hasPassed("termOver").hasNotPassed("decideTermination", "terminateContract");
        assertThat(passes(pi, "twoFailingGateway")).isEqualTo(3);
    }

    // ---------------------------------------------------------------- two failing periods in a row

    @Test
    void twoFailingPeriodsInARowGoToTheHeadWhoMayTerminateTheContract() {
        term.periods.addAll(List.of(new Period(1001L, false, Q1_ENDS), new Period(1002L, false, Q2_ENDS),
                new Period(1003L, true, Q3_ENDS)));
        ProcessInstance pi = start();
        endPeriod(pi, Q1_ENDS, true);

        endPeriod(pi, Q2_ENDS, true);

        assertThat(pi).isWaitingAt("decideTermination")
                .hasPassedInOrder("evaluatePeriod", "countFailingPeriods", "twoFailingGateway")
                .hasNotPassed("terminateGateway", "terminateContract");
        assertThat(pi).variables().containsEntry("proposeTermination", true);
        Task decide = task(pi);
        assertThat(decide).hasDefinitionKey("decideTermination").hasName("Decide on termination")
                .hasCandidateGroup("head").isNotAssigned();
        assertThat(candidateGroups(decide)).containsExactly("head");
        assertThat(decide.getDueDate()).hasSameTimeAs(inDays(Q2_ENDS, 5));
        assertThat(deadlines.requestedDays).containsExactly(5, 5);
        assertThat(jobs(pi)).singleElement().satisfies(timer -> {
            assertThat(timer.getDuedate()).hasSameTimeAs(inDays(Q2_ENDS, 5));
            assertThat(timer.getId()).isEqualTo(timer(pi, "terminationDecisionOverdue").getId());
        });

        complete(decide, withVariables("terminationDecision", "TERMINATE"));

        assertThat(pi).isEnded()
                .hasPassedInOrder("decideTermination", "terminateGateway", "terminateContract", "contractTerminated")
                .hasNotPassed("completeContract", "termOver", "terminationDecisionOverdue");
        assertThat(actions()).endsWith(
                "termWorkflow.afterEvaluation@countFailingPeriods",
                "termWorkflow.terminate@terminateContract");
        assertThat(action("terminate").variables())
                .containsEntry("contractId", CONTRACT_ID)
                .containsEntry("terminationDecision", "TERMINATE");
        // the remaining period is never started
        assertThat(passes(pi, "nextPeriod")).isEqualTo(2);
        assertThat(term.periods).hasSize(1);
        assertThat(jobs(pi)).isEmpty();
    }

    @Test
    void theHeadMayLetTheContractContinueWithTheNextPeriod() {
        term.periods.addAll(List.of(new Period(1001L, false, Q1_ENDS), new Period(1002L, false, Q2_ENDS),
                new Period(1003L, true, Q3_ENDS)));
        ProcessInstance pi = start();
        endPeriod(pi, Q1_ENDS, true);
        endPeriod(pi, Q2_ENDS, true);
        ClockUtil.setCurrentTime(inDays(Q2_ENDS, 1));

        complete(task(pi), withVariables("terminationDecision", "CONTINUE"));

        assertThat(pi).isWaitingAt("periodEnds")
                .hasPassedInOrder("decideTermination", "terminateGateway", "periodJoin", "nextPeriod", "periodLeftGateway")
                .hasNotPassed("terminateContract", "contractTerminated");
        assertThat(pi).variables().containsEntry("milestoneId", 1003L).containsEntry("finalPeriod", true);
        assertThat(jobs(pi)).singleElement()
                .satisfies(timer -> assertThat(timer.getDuedate()).hasSameTimeAs(Q3_ENDS));
        assertThat(calls).extracting(Call::method).doesNotContain("terminate");

        endPeriod(pi, Q3_ENDS, false);
        assertThat(pi).isEnded().hasPassed("completeContract", "termOver").hasNotPassed("terminateContract");
        assertThat(passes(pi, "decideTermination")).isEqualTo(1);
    }

    @Test
    void afterTheHeadLetItContinueAnotherFailingPeriodAsksTheHeadAgain() {
        term.periods.addAll(List.of(new Period(1001L, false, Q1_ENDS), new Period(1002L, false, Q2_ENDS),
                new Period(1003L, false, Q3_ENDS), new Period(1004L, true, Q4_ENDS)));
        ProcessInstance pi = start();
        endPeriod(pi, Q1_ENDS, true);
        endPeriod(pi, Q2_ENDS, true);
        complete(task(pi), withVariables("terminationDecision", "CONTINUE"));

        endPeriod(pi, Q3_ENDS, true);

        assertThat(pi).isWaitingAt("decideTermination");
        assertThat(passes(pi, "decideTermination")).isEqualTo(2);
        complete(task(pi), withVariables("terminationDecision", "TERMINATE"));
        assertThat(pi).isEnded().hasPassed("contractTerminated").hasNotPassed("termOver");
        assertThat(term.periods).hasSize(1);
    }

    @Test
    void aTerminationDecisionWithoutAKnownAnswerIsRefusedAndTheTaskStaysOpen() {
        term.periods.addAll(List.of(new Period(1001L, false, Q1_ENDS), new Period(1002L, true, Q2_ENDS)));
        ProcessInstance pi = start();
        endPeriod(pi, Q1_ENDS, true);
        endPeriod(pi, Q2_ENDS, true);
        String taskId = task(pi).getId();

        assertThatThrownBy(() -> extension.getTaskService().complete(taskId, withVariables("terminationDecision", "MAYBE")))
                .isInstanceOf(ProcessEngineException.class);

        assertThat(pi).isWaitingAt("decideTermination").hasNotPassed("terminateContract", "terminateGateway");
        assertThat(task(pi).getId()).isEqualTo(taskId);
        assertThat(calls).extracting(Call::method).doesNotContain("terminate", "complete");
    }

    @Test
    void anOverdueTerminationDecisionIsRecordedOnceAndTheHeadKeepsTheTask() {
        term.periods.addAll(List.of(new Period(1001L, false, Q1_ENDS), new Period(1002L, true, Q2_ENDS)));
        ProcessInstance pi = start();
        endPeriod(pi, Q1_ENDS, true);
        endPeriod(pi, Q2_ENDS, true);
        String taskId = task(pi).getId();
        Date due = inDays(Q2_ENDS, 5);

        ClockUtil.setCurrentTime(new Date(due.getTime() - 1));
        assertThat(executeDueJobs(pi)).isZero();
        ClockUtil.setCurrentTime(due);
        assertThat(executeDueJobs(pi)).isEqualTo(1);

        assertThat(actions()).endsWith("tenderWorkflow.recordOverdue@recordTerminationDecisionOverdue");
        assertThat(action("recordOverdue").variables())
                .containsEntry("contractId", CONTRACT_ID)
                .containsEntry("proposeTermination", true);
        assertThat(pi).isWaitingAt("decideTermination")
                .hasPassedInOrder("terminationDecisionOverdue", "recordTerminationDecisionOverdue",
                        "terminationDecisionOverdueRecorded")
                .hasNotPassed("terminateGateway");
        assertThat(task(pi).getId()).isEqualTo(taskId);
        assertThat(task(pi)).hasCandidateGroup("head");
        assertThat(jobs(pi)).isEmpty();

        ClockUtil.setCurrentTime(inDays(due, 30));
        assertThat(executeDueJobs(pi)).isZero();
        assertThat(passes(pi, "recordTerminationDecisionOverdue")).isEqualTo(1);

        complete(task(pi), withVariables("terminationDecision", "TERMINATE"));
        assertThat(pi).isEnded().hasPassed("terminateContract", "contractTerminated");
    }

    // ---------------------------------------------------------------- helpers

    Map<String, Object> startVariables() {
        return withVariables(
                "contractId", CONTRACT_ID,
                "tenderId", TENDER_ID,
                "unitId", UNIT_ID,
                "vendorUser", VENDOR);
    }

    /** Starts the term of a contract with at least one period: it waits for the end of the first. */
    ProcessInstance start() {
        ProcessInstance pi = extension.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY, BUSINESS_KEY, startVariables());
        assertThat(pi).isStarted().isWaitingAt("periodEnds");
        return pi;
    }

    /** Lets the period end at its date and its evaluation say whether it failed. */
    void endPeriod(ProcessInstance pi, Date endsAt, boolean failing) {
        assertThat(timer(pi, "periodEnds").getDuedate()).hasSameTimeAs(endsAt);
        ClockUtil.setCurrentTime(new Date(endsAt.getTime() - 1));
        assertThat(executeDueJobs(pi)).isZero();
        ClockUtil.setCurrentTime(endsAt);
        assertThat(executeDueJobs(pi)).isEqualTo(1);
        assertThat(pi).isWaitingAt("evaluatePeriod");
        complete(task(evaluation(pi)), withVariables("failing", failing));
        // the evaluation's verdict is passed back to the term
        assertThat(extension.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
                .variableName("failing").singleResult().getValue()).isEqualTo(failing);
    }

    /** The running evaluation called by this term. */
    ProcessInstance evaluation(ProcessInstance pi) {
        return extension.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(pi.getId()).singleResult();
    }

    List<ProcessInstance> evaluations() {
        return extension.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(EVALUATION_KEY).list();
    }

    static Date endOf(int year, int month, int day) {
        return Date.from(ZonedDateTime.of(year, month, day, 23, 59, 59, 0, SHANGHAI).toInstant());
    }

    static Date inDays(Date from, int days) {
        return VendorVerificationProcessTest.inDays(from, days);
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

    /** The last call of this action. */
    Call action(String method) {
        List<Call> found = calls.stream().filter(c -> c.method().equals(method)).toList();
        assertThat(found).as("calls of %s", method).isNotEmpty();
        return found.get(found.size() - 1);
    }

    List<Call> queries(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    // ---------------------------------------------------------------- test doubles

    /** One period of the service term: its milestone, whether it is the final acceptance, and when it ends. */
    record Period(long milestoneId, boolean finalPeriod, Date endsAt) {
    }

    /**
     * Stands in for the "termWorkflow" CDI bean. Every call is recorded. Like the real one, nextPeriod sets
     * hasPeriod and, for a period, milestoneId and finalPeriod (the periods each test scripts, in order);
     * openEvaluation sets evaluationId (5000 + the milestone's number); afterEvaluation sets proposeTermination
     * when this period and the one before it were failing.
     */
    public static class StandInTermWorkflow extends Recording {
        final Deque<Period> periods = new ArrayDeque<>();
        Period current;
        int failingInARow;

        StandInTermWorkflow(List<Call> calls) {
            super("termWorkflow", calls);
        }

        public void nextPeriod(DelegateExecution execution) {
            record("nextPeriod", execution);
            current = periods.poll();
            execution.setVariable("hasPeriod", current != null);
            if (current != null) {
                execution.setVariable("milestoneId", current.milestoneId());
                execution.setVariable("finalPeriod", current.finalPeriod());
            }
        }

        public Date periodEndsAt(DelegateExecution execution) {
            record("periodEndsAt", execution);
            return current.endsAt();
        }

        public void openEvaluation(DelegateExecution execution) {
            record("openEvaluation", execution);
            execution.setVariable("evaluationId", 4000L + current.milestoneId());
        }

        public void afterEvaluation(DelegateExecution execution) {
            record("afterEvaluation", execution);
            failingInARow = Boolean.TRUE.equals(execution.getVariable("failing")) ? failingInARow + 1 : 0;
            execution.setVariable("proposeTermination", failingInARow >= 2);
        }

        public void complete(DelegateExecution execution) {
            record("complete", execution);
        }

        public void terminate(DelegateExecution execution) {
            record("terminate", execution);
        }
    }
}
