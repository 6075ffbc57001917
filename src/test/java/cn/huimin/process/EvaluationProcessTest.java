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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import cn.huimin.process.VendorVerificationProcessTest.Call;
import cn.huimin.process.VendorVerificationProcessTest.Recording;
import cn.huimin.process.VendorVerificationProcessTest.StandInDeadlines;
import cn.huimin.process.VendorVerificationProcessTest.StandInTenderWorkflow;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
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
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Walks every path and every timer of the evaluation of a lot: the committee size from the
 * decision table, the draw request, the confirmation rounds (replacements, a new draw, answers
 * not given in time), the check for abnormally low prices with its explanations (given, or
 * recorded as missing when due) and the chair's decision, the scoring, the report with its
 * escalation to the head and the head's follow-up, and the two ends. The "evaluationWorkflow" bean is replaced by a
 * stand-in whose answers each test scripts; timers are driven with the engine clock.
 */
@Deployment(resources = {"processes/evaluation.bpmn", "processes/committee-size.dmn"})
public class EvaluationProcessTest {

    static final String PROCESS_KEY = "evaluation";
    static final long TENDER_ID = 42L;
    static final long UNIT_ID = 3L;
    static final long LOT_ID = 421L;
    static final long COMMITTEE_ID = 77L;
    static final double SMALL_BUDGET = 500_000.0;
    static final double LARGE_BUDGET = 12_000_000.0;
    static final Date NOW = TenderPreparationProcessTest.NOW;
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** Price explanations due on Wednesday 4 March 2026 at 18:00, Shanghai time. */
    static final Date CLARIFICATION_DUE = Date.from(ZonedDateTime.of(2026, 3, 4, 18, 0, 0, 0, SHANGHAI).toInstant());
    /** The report is to be signed by Friday 6 March 2026 at 18:00, Shanghai time. */
    static final Date REPORT_DUE = Date.from(ZonedDateTime.of(2026, 3, 6, 18, 0, 0, 0, SHANGHAI).toInstant());

    static final List<String> FIRST_DRAW = List.of("wang.expert", "li.expert", "zhang.expert", "liu.expert", "chen.expert");
    static final List<String> REPLACEMENTS = List.of("zhao.expert", "sun.expert");
    static final List<String> SECOND_DRAW = List.of("zhou.expert", "wu.expert", "zheng.expert", "feng.expert", "he.expert");
    static final String CHAIR = "wang.expert";
    static final List<String> FLAGGED_VENDORS = List.of("acme.vendor", "bolt.vendor");

    /** What the stand-in is asked for while the process builds collections, assignees and due dates. */
    static final Set<String> QUERIES = Set.of("invited", "clarificationVendors", "clarificationDue", "chair", "members", "reportDue");

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder()
            .configurationResource("camunda.cfg.xml")
            .build();

    final List<Call> calls = new ArrayList<>();
    StandInEvaluationWorkflow evaluation;
    StandInDeadlines deadlines;

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(extension.getProcessEngine());
        ClockUtil.setCurrentTime(NOW);
        evaluation = new StandInEvaluationWorkflow(calls);
        deadlines = new StandInDeadlines();
        Mocks.register("evaluationWorkflow", evaluation);
        Mocks.register("tenderWorkflow", new StandInTenderWorkflow(calls));
        Mocks.register("taskDeadlines", deadlines);
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        Mocks.reset();
        AbstractAssertions.reset();
    }

    // ---------------------------------------------------------------- committee size

    @ParameterizedTest(name = "budget {0} -> {1} members")
    @CsvSource({
        "500000.00,   5",
        "12000000.00, 7"
    })
    void theCommitteeSizeComesFromTheDecisionTableAndIsRecorded(double lotBudget, int size) {
        ProcessInstance pi = start(lotBudget);

        assertThat(pi).isWaitingAt("requestCommittee")
                .hasPassedInOrder("lotReadyForEvaluation", "decideCommitteeSize", "recordCommitteeSize", "requestJoin");
        assertThat(calls).extracting(Call::signature).containsExactly("evaluationWorkflow.recordSize@recordCommitteeSize");
        assertThat(calls.get(0).variables())
                .containsEntry("committeeSize", size)
                .containsEntry("tenderId", TENDER_ID)
                .containsEntry("unitId", UNIT_ID)
                .containsEntry("lotId", LOT_ID)
                .containsEntry("committeeId", COMMITTEE_ID)
                .containsEntry("lotBudget", lotBudget);
        assertThat(extension.getRuntimeService().getVariable(pi.getId(), "committeeSize")).isEqualTo(Integer.valueOf(size));
        assertThat(extension.getHistoryService().createHistoricDecisionInstanceQuery()
                .processInstanceId(pi.getId()).decisionDefinitionKey("committee-size").count()).isEqualTo(1);
    }

    // ---------------------------------------------------------------- the draw request

    @Test
    void theOfficerIsAskedForTheDrawWithinOneWorkingDay() {
        ProcessInstance pi = start(SMALL_BUDGET);

        Task request = task(pi);
        assertThat(request).hasDefinitionKey("requestCommittee").hasName("Request committee draw")
                .hasCandidateGroup("officer").isNotAssigned();
        assertThat(candidateGroups(request)).containsExactly("officer");
        assertThat(request.getDueDate()).hasSameTimeAs(inDays(NOW, 1));
        assertThat(job(pi).getDuedate()).hasSameTimeAs(inDays(NOW, 1));
        assertThat(deadlines.requestedDays).containsExactly(1, 1);

        ClockUtil.setCurrentTime(new Date(inDays(NOW, 1).getTime() - 1));
        assertThat(executeDueJobs(pi)).isZero();
        assertThat(pi).isWaitingAt("requestCommittee").hasNotPassed("requestCommitteeOverdue");
        assertThat(actions()).containsExactly("evaluationWorkflow.recordSize@recordCommitteeSize");
    }

    @Test
    void anOverdueDrawRequestIsRecordedOnceAndTheOfficerKeepsTheTask() {
        evaluation.invitedRounds.add(FIRST_DRAW);
        ProcessInstance pi = start(SMALL_BUDGET);
        String taskId = task(pi).getId();
        Date due = inDays(NOW, 1);

        ClockUtil.setCurrentTime(due);
        assertThat(executeDueJobs(pi)).isEqualTo(1);

        assertThat(actions()).containsExactly(
                "evaluationWorkflow.recordSize@recordCommitteeSize",
                "tenderWorkflow.recordOverdue@recordRequestOverdue");
        assertThat(calls.get(1).variables())
                .containsEntry("tenderId", TENDER_ID)
                .containsEntry("committeeId", COMMITTEE_ID);
        assertThat(pi).isWaitingAt("requestCommittee")
                .hasPassed("requestCommitteeOverdue", "recordRequestOverdue", "requestOverdueRecorded");
        assertThat(task(pi).getId()).isEqualTo(taskId);
        assertThat(task(pi)).hasCandidateGroup("officer");
        assertThat(jobs(pi)).isEmpty();

        // it is recorded once: a week later nothing fires again
        ClockUtil.setCurrentTime(inDays(due, 7));
        assertThat(executeDueJobs(pi)).isZero();

        // the late draw still leads to the confirmations
        complete(task(pi));
        assertThat(pi).isWaitingAt("confirmMembership");
        assertThat(assignees(tasks(pi, "confirmMembership"))).containsExactlyInAnyOrderElementsOf(FIRST_DRAW);
        assertThat(actions()).containsExactly(
                "evaluationWorkflow.recordSize@recordCommitteeSize",
                "tenderWorkflow.recordOverdue@recordRequestOverdue");
        assertThat(rounds("invited")).isEqualTo(1);
    }

    // ---------------------------------------------------------------- confirmations

    @Test
    void eachInvitedExpertConfirmsInTheirOwnTaskAndACompleteCommitteeGoesOnToThePriceCheck() {
        evaluation.invitedRounds.add(FIRST_DRAW);
        evaluation.committeeStates.add("COMPLETE");
        ProcessInstance pi = start(SMALL_BUDGET);

        complete(task(pi));

        assertThat(pi).isWaitingAt("confirmMembership").hasPassedInOrder("requestCommittee", "confirmJoin");
        List<Task> confirmations = tasks(pi, "confirmMembership");
        assertThat(confirmations).hasSize(5);
        assertThat(assignees(confirmations)).containsExactlyInAnyOrderElementsOf(FIRST_DRAW);
        for (Task confirmation : confirmations) {
            assertThat(confirmation).hasName("Confirm availability and declare no conflict");
            assertThat(confirmation.getDueDate()).hasSameTimeAs(inDays(NOW, 1));
            assertThat(candidateGroups(confirmation)).isEmpty();
            assertThat(extension.getTaskService().getVariableLocal(confirmation.getId(), "member")).isNull();
            assertThat(extension.getRuntimeService().getVariableLocal(confirmation.getExecutionId(), "member"))
                    .isEqualTo(confirmation.getAssignee());
        }
        assertThat(rounds("invited")).isEqualTo(1);
        assertThat(queries("invited")).allSatisfy(c -> {
            assertThat(c.activityId()).isEqualTo("confirmMembership#multiInstanceBody");
            assertThat(c.variables()).containsEntry("committeeId", COMMITTEE_ID);
        });
        // the request timer went with its task; the answers are due in one working day
        assertThat(jobs(pi)).singleElement()
                .satisfies(timer -> assertThat(timer.getDuedate()).hasSameTimeAs(inDays(NOW, 1)));

        // four answers: still waiting for the fifth
        for (String member : FIRST_DRAW.subList(0, 4)) {
            complete(taskOf(pi, "confirmMembership", member));
        }
        assertThat(pi).isWaitingAt("confirmMembership").hasNotPassed("fillVacancies");
        assertThat(tasks(pi, "confirmMembership")).extracting(Task::getAssignee).containsExactly("chen.expert");
        assertThat(actions()).containsExactly("evaluationWorkflow.recordSize@recordCommitteeSize");

        complete(taskOf(pi, "confirmMembership", "chen.expert"));

        assertThat(pi).isWaitingAt("scoreBids")
                .hasPassedInOrder("confirmMembership", "fillVacancies", "committeeStateGateway", "checkPrices",
                        "abnormalGateway", "scoringJoin")
                .hasNotPassed("answersDue", "expireInvitations", "explainPrice", "decideClarifications");
        assertThat(actions()).containsExactly(
                "evaluationWorkflow.recordSize@recordCommitteeSize",
                "evaluationWorkflow.fillVacancies@fillVacancies",
                "evaluationWorkflow.checkPrices@checkPrices");
        assertThat(action("fillVacancies").variables()).containsEntry("committeeId", COMMITTEE_ID);
        assertThat(action("checkPrices").variables()).containsEntry("committeeState", "COMPLETE");
        assertThat(passes(pi, "confirmMembership")).isEqualTo(5);
        assertThat(passes(pi, "requestCommittee")).isEqualTo(1);
    }

    @Test
    void invitedReplacementsConfirmInANewRoundWithANewAnswerPeriod() {
        evaluation.invitedRounds.add(FIRST_DRAW);
        evaluation.invitedRounds.add(REPLACEMENTS);
        evaluation.committeeStates.add("INVITED");
        evaluation.committeeStates.add("COMPLETE");
        ProcessInstance pi = start(SMALL_BUDGET);
        complete(task(pi));

        Date answeredAt = new Date(NOW.getTime() + Duration.ofHours(3).toMillis());
        ClockUtil.setCurrentTime(answeredAt);
        completeAll(pi, "confirmMembership");

        // the replacements get tasks of their own, and a fresh answer period
        assertThat(pi).isWaitingAt("confirmMembership").hasNotPassed("checkPrices", "answersDue");
        assertThat(assignees(tasks(pi, "confirmMembership"))).containsExactlyInAnyOrderElementsOf(REPLACEMENTS);
        assertThat(tasks(pi, "confirmMembership"))
                .allSatisfy(t -> assertThat(t.getDueDate()).hasSameTimeAs(inDays(answeredAt, 1)));
        assertThat(jobs(pi)).singleElement()
                .satisfies(timer -> assertThat(timer.getDuedate()).hasSameTimeAs(inDays(answeredAt, 1)));
        assertThat(actions()).containsExactly(
                "evaluationWorkflow.recordSize@recordCommitteeSize",
                "evaluationWorkflow.fillVacancies@fillVacancies");
        assertThat(rounds("invited")).isEqualTo(2);
        assertThat(passes(pi, "confirmJoin")).isEqualTo(2);
        assertThat(passes(pi, "requestCommittee")).isEqualTo(1);
        assertThat(passes(pi, "requestJoin")).isEqualTo(1);

        completeAll(pi, "confirmMembership");

        assertThat(pi).isWaitingAt("scoreBids").hasPassed("checkPrices").hasNotPassed("expireInvitations");
        assertThat(actions()).containsExactly(
                "evaluationWorkflow.recordSize@recordCommitteeSize",
                "evaluationWorkflow.fillVacancies@fillVacancies",
                "evaluationWorkflow.fillVacancies@fillVacancies",
                "evaluationWorkflow.checkPrices@checkPrices");
        assertThat(passes(pi, "confirmMembership")).isEqualTo(7);
        assertThat(passes(pi, "fillVacancies")).isEqualTo(2);
    }

    @Test
    void whenTheDrawOrderRunsOutTheOfficerRequestsANewDraw() {
        evaluation.invitedRounds.add(FIRST_DRAW);
        evaluation.invitedRounds.add(SECOND_DRAW);
        evaluation.committeeStates.add("SHORT");
        evaluation.committeeStates.add("COMPLETE");
        ProcessInstance pi = start(LARGE_BUDGET);
        complete(task(pi));

        Date shortAt = new Date(NOW.getTime() + Duration.ofHours(5).toMillis());
        ClockUtil.setCurrentTime(shortAt);
        completeAll(pi, "confirmMembership");

        assertThat(pi).isWaitingAt("requestCommittee").hasNotPassed("checkPrices");
        Task request = task(pi);
        assertThat(request).hasDefinitionKey("requestCommittee").hasCandidateGroup("officer").isNotAssigned();
        assertThat(request.getDueDate()).hasSameTimeAs(inDays(shortAt, 1));
        assertThat(jobs(pi)).singleElement()
                .satisfies(timer -> assertThat(timer.getDuedate()).hasSameTimeAs(inDays(shortAt, 1)));
        assertThat(passes(pi, "requestJoin")).isEqualTo(2);
        assertThat(passes(pi, "requestCommittee")).isEqualTo(2);
        assertThat(passes(pi, "decideCommitteeSize")).isEqualTo(1);
        assertThat(passes(pi, "recordCommitteeSize")).isEqualTo(1);

        complete(request);

        assertThat(pi).isWaitingAt("confirmMembership");
        assertThat(assignees(tasks(pi, "confirmMembership"))).containsExactlyInAnyOrderElementsOf(SECOND_DRAW);
        completeAll(pi, "confirmMembership");

        assertThat(pi).isWaitingAt("scoreBids");
        assertThat(actions()).containsExactly(
                "evaluationWorkflow.recordSize@recordCommitteeSize",
                "evaluationWorkflow.fillVacancies@fillVacancies",
                "evaluationWorkflow.fillVacancies@fillVacancies",
                "evaluationWorkflow.checkPrices@checkPrices");
        assertThat(action("recordSize").variables()).containsEntry("committeeSize", 7);
        assertThat(rounds("invited")).isEqualTo(2);
    }

    @Test
    void unansweredInvitationsExpireWhenTheAnswersAreDueAndTheVacanciesAreFilled() {
        evaluation.invitedRounds.add(FIRST_DRAW);
        evaluation.invitedRounds.add(REPLACEMENTS);
        evaluation.committeeStates.add("INVITED");
        evaluation.committeeStates.add("COMPLETE");
        ProcessInstance pi = start(SMALL_BUDGET);
        complete(task(pi));
        Date answersDue = inDays(NOW, 1);
        complete(taskOf(pi, "confirmMembership", "wang.expert"));
        complete(taskOf(pi, "confirmMembership", "li.expert"));

        ClockUtil.setCurrentTime(new Date(answersDue.getTime() - 1));
        assertThat(executeDueJobs(pi)).isZero();
        assertThat(tasks(pi, "confirmMembership")).hasSize(3);

        ClockUtil.setCurrentTime(answersDue);
        assertThat(executeDueJobs(pi)).isEqualTo(1);

        // the three unanswered tasks are gone, not completed
        assertThat(pi).hasPassedInOrder("answersDue", "expireInvitations", "fillVacancies", "committeeStateGateway");
        assertThat(actions()).containsExactly(
                "evaluationWorkflow.recordSize@recordCommitteeSize",
                "evaluationWorkflow.expireInvitations@expireInvitations",
                "evaluationWorkflow.fillVacancies@fillVacancies");
        assertThat(action("expireInvitations").variables()).containsEntry("committeeId", COMMITTEE_ID);
        List<HistoricTaskInstance> firstRound = extension.getHistoryService().createHistoricTaskInstanceQuery()
                .processInstanceId(pi.getId()).taskDefinitionKey("confirmMembership").list().stream()
                .filter(t -> FIRST_DRAW.contains(t.getAssignee())).toList();
        assertThat(firstRound).hasSize(5).allSatisfy(t -> assertThat(t.getEndTime()).isNotNull());
        assertThat(firstRound.stream().filter(t -> "completed".equals(t.getDeleteReason())).map(HistoricTaskInstance::getAssignee))
                .containsExactlyInAnyOrder("wang.expert", "li.expert");
        assertThat(firstRound.stream().filter(t -> "deleted".equals(t.getDeleteReason())).map(HistoricTaskInstance::getAssignee))
                .containsExactlyInAnyOrder("zhang.expert", "liu.expert", "chen.expert");

        // the replacements are invited with an answer period of their own
        assertThat(pi).isWaitingAt("confirmMembership");
        assertThat(assignees(tasks(pi, "confirmMembership"))).containsExactlyInAnyOrderElementsOf(REPLACEMENTS);
        assertThat(jobs(pi)).singleElement()
                .satisfies(timer -> assertThat(timer.getDuedate()).hasSameTimeAs(inDays(answersDue, 1)));

        completeAll(pi, "confirmMembership");

        assertThat(pi).isWaitingAt("scoreBids");
        assertThat(actions()).containsExactly(
                "evaluationWorkflow.recordSize@recordCommitteeSize",
                "evaluationWorkflow.expireInvitations@expireInvitations",
                "evaluationWorkflow.fillVacancies@fillVacancies",
                "evaluationWorkflow.fillVacancies@fillVacancies",
                "evaluationWorkflow.checkPrices@checkPrices");
        assertThat(passes(pi, "expireInvitations")).isEqualTo(1);
    }

    @Test
    void whenNobodyAnswersInTimeAndTheOrderRunsOutTheOfficerRequestsANewDraw() {
        evaluation.invitedRounds.add(FIRST_DRAW);
        evaluation.committeeStates.add("SHORT");
        ProcessInstance pi = start(SMALL_BUDGET);
        complete(task(pi));

        ClockUtil.setCurrentTime(inDays(NOW, 1));
        assertThat(executeDueJobs(pi)).isEqualTo(1);

        assertThat(tasks(pi, "confirmMembership")).isEmpty();
        assertThat(pi).isWaitingAt("requestCommittee")
                .hasPassedInOrder("answersDue", "expireInvitations", "fillVacancies", "committeeStateGateway");
        assertThat(task(pi)).hasCandidateGroup("officer");
        assertThat(task(pi).getDueDate()).hasSameTimeAs(inDays(NOW, 2));
        assertThat(actions()).containsExactly(
                "evaluationWorkflow.recordSize@recordCommitteeSize",
                "evaluationWorkflow.expireInvitations@expireInvitations",
                "evaluationWorkflow.fillVacancies@fillVacancies");
    }

    @Test
    void anUnknownCommitteeStateIsRefusedAndTheLastAnswerStaysOpen() {
        evaluation.invitedRounds.add(FIRST_DRAW);
        evaluation.committeeStates.add("PENDING");
        ProcessInstance pi = start(SMALL_BUDGET);
        complete(task(pi));
        for (String member : FIRST_DRAW.subList(0, 4)) {
            complete(taskOf(pi, "confirmMembership", member));
        }
        String lastId = taskOf(pi, "confirmMembership", "chen.expert").getId();

        assertThatThrownBy(() -> extension.getTaskService().complete(lastId))
                .isInstanceOf(ProcessEngineException.class);

        assertThat(pi).isWaitingAt("confirmMembership").hasNotPassed("fillVacancies", "checkPrices");
        assertThat(tasks(pi, "confirmMembership")).extracting(Task::getId).containsExactly(lastId);
    }

    // ---------------------------------------------------------------- abnormally low prices

    @Test
    void withoutAbnormallyLowPricesTheCommitteeGoesStraightToScoring() {
        ProcessInstance pi = atScoring();

        assertThat(pi).isWaitingAt("scoreBids")
                .hasPassedInOrder("fillVacancies", "committeeStateGateway", "checkPrices", "abnormalGateway", "scoringJoin")
                .hasNotPassed("explainPrice", "explanationsJoin", "explanationsDue", "decideClarifications");
        assertThat(extension.getRuntimeService().getVariable(pi.getId(), "clarificationCount")).isEqualTo(0);
        assertThat(queries("clarificationVendors")).isEmpty();
        assertThat(queries("clarificationDue")).isEmpty();
        assertThat(queries("chair")).isEmpty();
    }

    @Test
    void eachFlaggedVendorExplainsThePriceAndThenTheChairDecides() {
        evaluation.clarificationCount = 2;
        evaluation.clarificationVendors = FLAGGED_VENDORS;
        ProcessInstance pi = confirmedCommittee();

        assertThat(pi).isWaitingAt("explainPrice").hasPassedInOrder("checkPrices", "abnormalGateway")
                .hasNotPassed("scoringJoin");
        List<Task> explanations = tasks(pi, "explainPrice");
        assertThat(assignees(explanations)).containsExactlyInAnyOrderElementsOf(FLAGGED_VENDORS);
        assertThat(explanations).allSatisfy(t -> {
            assertThat(t).hasName("Explain the price");
            assertThat(t.getDueDate()).hasSameTimeAs(CLARIFICATION_DUE);
        });
        assertThat(jobs(pi)).singleElement()
                .satisfies(timer -> assertThat(timer.getDuedate()).hasSameTimeAs(CLARIFICATION_DUE));
        assertThat(rounds("clarificationVendors")).isEqualTo(1);
        assertThat(queries("clarificationDue")).hasSize(3);   // the timer and one per task
        assertThat(queries("clarificationDue")).allSatisfy(c -> assertThat(c.variables()).containsEntry("committeeId", COMMITTEE_ID));

        complete(taskOf(pi, "explainPrice", "acme.vendor"));
        assertThat(pi).isWaitingAt("explainPrice").hasNotPassed("explanationsJoin");
        assertThat(tasks(pi, "explainPrice")).extracting(Task::getAssignee).containsExactly("bolt.vendor");

        complete(taskOf(pi, "explainPrice", "bolt.vendor"));

        assertThat(pi).isWaitingAt("decideClarifications")
                .hasPassedInOrder("explainPrice", "explanationsJoin")
                .hasNotPassed("explanationsDue");
        Task decide = task(pi);
        assertThat(decide).hasDefinitionKey("decideClarifications").hasName("Decide on price explanations")
                .isAssignedTo(CHAIR);
        assertThat(decide.getDueDate()).hasSameTimeAs(inDays(NOW, 1));
        assertThat(queries("chair")).hasSize(1);
        // the explanation deadline went with the explanations; the decision has its own overdue timer
        assertThat(jobs(pi)).singleElement()
                .satisfies(timer -> assertThat(timer.getDuedate()).hasSameTimeAs(inDays(NOW, 1)));

        complete(decide);

        assertThat(pi).isWaitingAt("scoreBids").hasPassedInOrder("decideClarifications", "scoringJoin")
                .hasNotPassed("recordMissingExplanations", "decideClarificationsOverdue");
        assertThat(actions()).containsExactly(
                "evaluationWorkflow.recordSize@recordCommitteeSize",
                "evaluationWorkflow.fillVacancies@fillVacancies",
                "evaluationWorkflow.checkPrices@checkPrices");
        assertThat(extension.getRuntimeService().getVariable(pi.getId(), "clarificationCount")).isEqualTo(2);
    }

    @Test
    void explanationsNotGivenByTheDueDateAreSkippedAndTheChairStillDecides() {
        evaluation.clarificationCount = 2;
        evaluation.clarificationVendors = FLAGGED_VENDORS;
        ProcessInstance pi = confirmedCommittee();
        complete(taskOf(pi, "explainPrice", "acme.vendor"));

        ClockUtil.setCurrentTime(new Date(CLARIFICATION_DUE.getTime() - 1));
        assertThat(executeDueJobs(pi)).isZero();
        assertThat(tasks(pi, "explainPrice")).hasSize(1);

        ClockUtil.setCurrentTime(CLARIFICATION_DUE);
        assertThat(executeDueJobs(pi)).isEqualTo(1);

        assertThat(tasks(pi, "explainPrice")).isEmpty();
        assertThat(pi).isWaitingAt("decideClarifications")
                .hasPassedInOrder("explanationsDue", "recordMissingExplanations", "explanationsJoin");
        assertThat(actions()).containsExactly(
                "evaluationWorkflow.recordSize@recordCommitteeSize",
                "evaluationWorkflow.fillVacancies@fillVacancies",
                "evaluationWorkflow.checkPrices@checkPrices",
                "evaluationWorkflow.explanationsClosed@recordMissingExplanations");
        assertThat(action("explanationsClosed").variables())
                .containsEntry("committeeId", COMMITTEE_ID)
                .containsEntry("clarificationCount", 2);
        Task decide = task(pi);
        assertThat(decide).isAssignedTo(CHAIR);
        assertThat(decide.getDueDate()).hasSameTimeAs(inDays(CLARIFICATION_DUE, 1));
        HistoricTaskInstance skipped = extension.getHistoryService().createHistoricTaskInstanceQuery()
                .processInstanceId(pi.getId()).taskDefinitionKey("explainPrice").taskAssignee("bolt.vendor").singleResult();
        assertThat(skipped.getEndTime()).isNotNull();
        assertThat(skipped.getDeleteReason()).isEqualTo("deleted");
        assertThat(passes(pi, "explanationsJoin")).isEqualTo(1);
        assertThat(passes(pi, "recordMissingExplanations")).isEqualTo(1);

        complete(decide);

        assertThat(pi).isWaitingAt("scoreBids");
        assertThat(actions()).containsExactly(
                "evaluationWorkflow.recordSize@recordCommitteeSize",
                "evaluationWorkflow.fillVacancies@fillVacancies",
                "evaluationWorkflow.checkPrices@checkPrices",
                "evaluationWorkflow.explanationsClosed@recordMissingExplanations");
    }

    @Test
    void aLateClarificationDecisionIsRecordedOnceAndTheChairKeepsTheTask() {
        evaluation.clarificationCount = 1;
        evaluation.clarificationVendors = List.of("acme.vendor");
        ProcessInstance pi = confirmedCommittee();
        Date explainedAt = new Date(NOW.getTime() + Duration.ofHours(4).toMillis());
        ClockUtil.setCurrentTime(explainedAt);
        complete(taskOf(pi, "explainPrice", "acme.vendor"));
        String decideId = task(pi).getId();
        Date due = inDays(explainedAt, 1);
        assertThat(task(pi).getDueDate()).hasSameTimeAs(due);
        calls.clear();

        ClockUtil.setCurrentTime(new Date(due.getTime() - 1));
        assertThat(executeDueJobs(pi)).isZero();
        ClockUtil.setCurrentTime(due);
        assertThat(executeDueJobs(pi)).isEqualTo(1);

        assertThat(calls).extracting(Call::signature).containsExactly("tenderWorkflow.recordOverdue@recordDecisionOverdue");
        assertThat(calls.get(0).variables()).containsEntry("committeeId", COMMITTEE_ID);
        assertThat(pi).isWaitingAt("decideClarifications")
                .hasPassed("decideClarificationsOverdue", "recordDecisionOverdue", "decisionOverdueRecorded");
        assertThat(task(pi).getId()).isEqualTo(decideId);
        assertThat(task(pi)).isAssignedTo(CHAIR);
        assertThat(jobs(pi)).isEmpty();

        ClockUtil.setCurrentTime(inDays(due, 4));
        assertThat(executeDueJobs(pi)).isZero();

        complete(task(pi));
        assertThat(pi).isWaitingAt("scoreBids");
        assertThat(actions()).containsExactly("tenderWorkflow.recordOverdue@recordDecisionOverdue");
        assertThat(passes(pi, "recordDecisionOverdue")).isEqualTo(1);
    }

    // ---------------------------------------------------------------- scoring

    @Test
    void everyMemberScoresAndTheResultIsComputedOnceAllHaveSigned() {
        ProcessInstance pi = atScoring();

        List<Task> scoring = tasks(pi, "scoreBids");
        assertThat(assignees(scoring)).containsExactlyInAnyOrderElementsOf(FIRST_DRAW);
        assertThat(scoring).allSatisfy(t -> {
            assertThat(t).hasName("Check qualification and score the bids");
            assertThat(t.getDueDate()).hasSameTimeAs(inDays(NOW, 1));
        });
        assertThat(jobs(pi)).singleElement()
                .satisfies(timer -> assertThat(timer.getDuedate()).hasSameTimeAs(inDays(NOW, 1)));
        assertThat(rounds("members")).isEqualTo(1);
        assertThat(queries("members")).extracting(Call::activityId).containsOnly("scoreBids#multiInstanceBody");

        for (String member : FIRST_DRAW.subList(0, 4)) {
            complete(taskOf(pi, "scoreBids", member));
        }
        assertThat(pi).isWaitingAt("scoreBids").hasNotPassed("computeResult");

        complete(taskOf(pi, "scoreBids", "chen.expert"));

        assertThat(pi).isWaitingAt("signReport").hasPassedInOrder("scoreBids", "computeResult")
                .hasNotPassed("scoringOverdue", "recordScoringOverdue");
        assertThat(actions()).containsExactly(
                "evaluationWorkflow.recordSize@recordCommitteeSize",
                "evaluationWorkflow.fillVacancies@fillVacancies",
                "evaluationWorkflow.checkPrices@checkPrices",
                "evaluationWorkflow.computeResult@computeResult");
        assertThat(extension.getRuntimeService().getVariable(pi.getId(), "qualifiedBids")).isEqualTo(4);

        List<Task> signing = tasks(pi, "signReport");
        assertThat(assignees(signing)).containsExactlyInAnyOrderElementsOf(FIRST_DRAW);
        assertThat(signing).allSatisfy(t -> {
            assertThat(t).hasName("Sign the evaluation report");
            assertThat(t.getDueDate()).hasSameTimeAs(REPORT_DUE);
        });
        assertThat(jobs(pi)).singleElement()
                .satisfies(timer -> assertThat(timer.getDuedate()).hasSameTimeAs(REPORT_DUE));
        assertThat(rounds("members")).isEqualTo(2);
        assertThat(queries("members")).extracting(Call::activityId)
                .containsOnly("scoreBids#multiInstanceBody", "signReport#multiInstanceBody");
        assertThat(queries("reportDue")).hasSize(6);   // the timer and one per task
    }

    @Test
    void lateScoringIsRecordedOnceAndTheMembersKeepTheirTasks() {
        ProcessInstance pi = atScoring();
        complete(taskOf(pi, "scoreBids", "wang.expert"));
        Set<String> open = tasks(pi, "scoreBids").stream().map(Task::getId).collect(Collectors.toSet());
        Date due = inDays(NOW, 1);
        calls.clear();

        ClockUtil.setCurrentTime(new Date(due.getTime() - 1));
        assertThat(executeDueJobs(pi)).isZero();
        ClockUtil.setCurrentTime(due);
        assertThat(executeDueJobs(pi)).isEqualTo(1);

        assertThat(calls).extracting(Call::signature).containsExactly("tenderWorkflow.recordOverdue@recordScoringOverdue");
        assertThat(calls.get(0).variables())
                .containsEntry("tenderId", TENDER_ID)
                .containsEntry("committeeId", COMMITTEE_ID);
        assertThat(pi).isWaitingAt("scoreBids")
                .hasPassed("scoringOverdue", "recordScoringOverdue", "scoringOverdueRecorded")
                .hasNotPassed("computeResult");
        assertThat(tasks(pi, "scoreBids")).extracting(Task::getId).containsExactlyInAnyOrderElementsOf(open);
        assertThat(jobs(pi)).isEmpty();

        ClockUtil.setCurrentTime(inDays(due, 5));
        assertThat(executeDueJobs(pi)).isZero();

        completeAll(pi, "scoreBids");
        assertThat(pi).isWaitingAt("signReport");
        assertThat(actions()).containsExactly(
                "tenderWorkflow.recordOverdue@recordScoringOverdue",
                "evaluationWorkflow.computeResult@computeResult");
    }

    // ---------------------------------------------------------------- the report and the ends

    @Test
    void whenEveryMemberSignsAndEnoughBidsQualifyTheLotIsReadyForAward() {
        evaluation.outcome = "AWARD";
        ProcessInstance pi = atSigning();

        for (String member : FIRST_DRAW.subList(0, 4)) {
            complete(taskOf(pi, "signReport", member));
        }
        assertThat(pi).isWaitingAt("signReport").hasNotPassed("finishEvaluation");

        complete(taskOf(pi, "signReport", "chen.expert"));

        assertThat(pi).isEnded()
                .hasPassedInOrder("lotReadyForEvaluation", "decideCommitteeSize", "recordCommitteeSize", "requestCommittee",
                        "confirmMembership", "fillVacancies", "checkPrices", "scoreBids", "computeResult", "signReport",
                        "finishEvaluation", "outcomeGateway", "startAward", "readyForAward")
                .hasNotPassed("lotFailed", "reportOverdue", "escalateReport", "followUpReport");
        assertThat(actions()).containsExactly(
                "evaluationWorkflow.recordSize@recordCommitteeSize",
                "evaluationWorkflow.fillVacancies@fillVacancies",
                "evaluationWorkflow.checkPrices@checkPrices",
                "evaluationWorkflow.computeResult@computeResult",
                "evaluationWorkflow.finish@finishEvaluation",
                "evaluationWorkflow.startAward@startAward");
        assertThat(action("finish").variables())
                .containsEntry("committeeId", COMMITTEE_ID)
                .containsEntry("qualifiedBids", 4);
        assertThat(passes(pi, "signReport")).isEqualTo(5);
        assertThat(jobs(pi)).isEmpty();
    }

    @Test
    void whenTooFewBidsQualifyTheLotFails() {
        evaluation.qualifiedBids = 2;
        evaluation.outcome = "FAILED";
        ProcessInstance pi = atSigning();

        completeAll(pi, "signReport");

        assertThat(pi).isEnded()
                .hasPassedInOrder("signReport", "finishEvaluation", "outcomeGateway", "lotFailed")
                .hasNotPassed("readyForAward");
        assertThat(actions()).endsWith(
                "evaluationWorkflow.computeResult@computeResult",
                "evaluationWorkflow.finish@finishEvaluation");
        assertThat(action("finish").variables()).containsEntry("qualifiedBids", 2);
        assertThat(jobs(pi)).isEmpty();
    }

    @Test
    void anUnknownOutcomeIsRefusedAndTheLastSignatureStaysOpen() {
        evaluation.outcome = "PENDING";
        ProcessInstance pi = atSigning();
        for (String member : FIRST_DRAW.subList(0, 4)) {
            complete(taskOf(pi, "signReport", member));
        }
        String lastId = taskOf(pi, "signReport", "chen.expert").getId();

        assertThatThrownBy(() -> extension.getTaskService().complete(lastId))
                .isInstanceOf(ProcessEngineException.class);

        assertThat(pi).isWaitingAt("signReport").hasNotPassed("readyForAward", "lotFailed");
        assertThat(tasks(pi, "signReport")).extracting(Task::getId).containsExactly(lastId);
    }

    @Test
    void theReportTimerIsDueWithTheReportAndNotBefore() {
        ProcessInstance pi = atSigning();

        assertThat(job(pi).getDuedate()).hasSameTimeAs(REPORT_DUE);
        ClockUtil.setCurrentTime(new Date(REPORT_DUE.getTime() - 1));
        assertThat(executeDueJobs(pi)).isZero();

        assertThat(pi).isWaitingAt("signReport").hasNotPassed("reportOverdue", "escalateReport");
        assertThat(tasks(pi, "followUpReport")).isEmpty();
    }

    @Test
    void anOverdueReportIsEscalatedToTheHeadAndTheSignaturesStillCompleteTheEvaluation() {
        ProcessInstance pi = atSigning();
        complete(taskOf(pi, "signReport", "wang.expert"));
        complete(taskOf(pi, "signReport", "li.expert"));
        Set<String> unsigned = tasks(pi, "signReport").stream().map(Task::getId).collect(Collectors.toSet());

        ClockUtil.setCurrentTime(REPORT_DUE);
        assertThat(executeDueJobs(pi)).isEqualTo(1);

        assertThat(actions()).endsWith(
                "evaluationWorkflow.computeResult@computeResult",
                "evaluationWorkflow.escalateReport@escalateReport");
        assertThat(action("escalateReport").variables())
                .containsEntry("committeeId", COMMITTEE_ID)
                .containsEntry("tenderId", TENDER_ID);
        assertThat(evaluation.escalatedProcessInstanceIds).containsExactly(pi.getId());
        assertThat(pi).isWaitingAt("signReport", "followUpReport").hasPassedInOrder("reportOverdue", "escalateReport");
        Task followUp = tasks(pi, "followUpReport").get(0);
        assertThat(followUp).hasName("Follow up the overdue report").hasCandidateGroup("head").isNotAssigned();
        assertThat(candidateGroups(followUp)).containsExactly("head");
        assertThat(followUp.getDueDate()).hasSameTimeAs(inDays(REPORT_DUE, 1));
        // the members keep their own tasks
        assertThat(tasks(pi, "signReport")).extracting(Task::getId).containsExactlyInAnyOrderElementsOf(unsigned);
        // the report timer fired once; the follow-up has an overdue timer of its own
        assertThat(jobs(pi)).singleElement()
                .satisfies(timer -> assertThat(timer.getDuedate()).hasSameTimeAs(inDays(REPORT_DUE, 1)));

        // escalated once: nothing else fires before the follow-up is due
        Date followUpDue = inDays(REPORT_DUE, 1);
        ClockUtil.setCurrentTime(new Date(followUpDue.getTime() - 1));
        assertThat(executeDueJobs(pi)).isZero();
        assertThat(passes(pi, "escalateReport")).isEqualTo(1);

        completeAll(pi, "signReport");

        assertThat(pi).hasPassedInOrder("signReport", "finishEvaluation", "outcomeGateway", "startAward", "readyForAward")
                .hasNotPassed("lotFailed");
        assertThat(actions()).endsWith(
                "evaluationWorkflow.escalateReport@escalateReport",
                "evaluationWorkflow.finish@finishEvaluation",
                "evaluationWorkflow.startAward@startAward");
        // readyForAward is a terminate end event: the last signature ends the instance, the head's follow-up with it,
        // and its overdue timer can no longer fire for a finished lot
        assertThat(pi).isEnded();
        assertThat(extension.getProcessEngine().getTaskService().createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
        assertThat(jobs(pi)).isEmpty();
        ClockUtil.setCurrentTime(followUpDue);
        assertThat(executeDueJobs(pi)).isZero();
        assertThat(actions()).endsWith("evaluationWorkflow.finish@finishEvaluation", "evaluationWorkflow.startAward@startAward");
        assertThat(passes(pi, "finishEvaluation")).isEqualTo(1);
        assertThat(passes(pi, "readyForAward")).isEqualTo(1);
    }

    @Test
    void aFollowUpDoneBeforeTheLastSignatureLetsTheEvaluationEndWithIt() {
        evaluation.outcome = "FAILED";
        ProcessInstance pi = atSigning();
        ClockUtil.setCurrentTime(REPORT_DUE);
        assertThat(executeDueJobs(pi)).isEqualTo(1);
        Task followUp = tasks(pi, "followUpReport").get(0);

        Date acknowledgedAt = new Date(REPORT_DUE.getTime() + Duration.ofHours(2).toMillis());
        ClockUtil.setCurrentTime(acknowledgedAt);
        complete(followUp);

        assertThat(pi).isWaitingAt("signReport").hasPassed("followUpReport", "reportFollowedUp")
                .hasNotPassed("followUpOverdue", "finishEvaluation");
        assertThat(tasks(pi, "signReport")).hasSize(5);
        // the follow-up timer went with its task, and the report timer has already fired
        assertThat(jobs(pi)).isEmpty();

        completeAll(pi, "signReport");

        assertThat(pi).isEnded().hasPassedInOrder("signReport", "finishEvaluation", "outcomeGateway", "lotFailed")
                .hasNotPassed("readyForAward", "recordFollowUpOverdue");
        assertThat(actions()).endsWith(
                "evaluationWorkflow.computeResult@computeResult",
                "evaluationWorkflow.escalateReport@escalateReport",
                "evaluationWorkflow.finish@finishEvaluation");
    }

    // ---------------------------------------------------------------- helpers

    ProcessInstance start(double lotBudget) {
        ProcessInstance pi = extension.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY, withVariables(
                "tenderId", TENDER_ID,
                "unitId", UNIT_ID,
                "lotId", LOT_ID,
                "committeeId", COMMITTEE_ID,
                "lotBudget", lotBudget));
        assertThat(pi).isStarted();
        return pi;
    }

    /** The draw is requested and all five invited experts confirm; the committee is complete. */
    ProcessInstance confirmedCommittee() {
        evaluation.invitedRounds.add(FIRST_DRAW);
        evaluation.committeeStates.add("COMPLETE");
        ProcessInstance pi = start(SMALL_BUDGET);
        assertThat(pi).isWaitingAt("requestCommittee");
        complete(task(pi));
        completeAll(pi, "confirmMembership");
        assertThat(pi).hasPassed("checkPrices");
        return pi;
    }

    /** A complete committee, no abnormally low price: the members score the bids. */
    ProcessInstance atScoring() {
        evaluation.clarificationCount = 0;
        ProcessInstance pi = confirmedCommittee();
        assertThat(pi).isWaitingAt("scoreBids");
        return pi;
    }

    /** Everyone has scored; the members sign the report. */
    ProcessInstance atSigning() {
        ProcessInstance pi = atScoring();
        completeAll(pi, "scoreBids");
        assertThat(pi).isWaitingAt("signReport");
        return pi;
    }

    List<Task> tasks(ProcessInstance pi, String taskDefinitionKey) {
        return extension.getTaskService().createTaskQuery().processInstanceId(pi.getId())
                .taskDefinitionKey(taskDefinitionKey).list();
    }

    Task taskOf(ProcessInstance pi, String taskDefinitionKey, String assignee) {
        return extension.getTaskService().createTaskQuery().processInstanceId(pi.getId())
                .taskDefinitionKey(taskDefinitionKey).taskAssignee(assignee).singleResult();
    }

    void completeAll(ProcessInstance pi, String taskDefinitionKey) {
        List<Task> open = tasks(pi, taskDefinitionKey);
        assertThat(open).as("open %s tasks", taskDefinitionKey).isNotEmpty();
        open.forEach(t -> complete(t));
    }

    static List<String> assignees(List<Task> tasks) {
        return tasks.stream().map(Task::getAssignee).toList();
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

    /**
     * How many times the process came to ask this question: consecutive calls count once, as the
     * engine may evaluate a multi-instance collection more than once when the activity starts.
     */
    long rounds(String method) {
        long rounds = 0;
        String previous = null;
        for (Call call : calls) {
            if (call.method().equals(method) && !method.equals(previous)) {
                rounds++;
            }
            previous = call.method();
        }
        return rounds;
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

    Set<String> candidateGroups(Task task) {
        return extension.getTaskService().getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId)
                .collect(Collectors.toSet());
    }

    // ---------------------------------------------------------------- test doubles

    /**
     * Stands in for the "evaluationWorkflow" CDI bean. Every call is recorded; the answers are
     * scripted by each test: one invited list per confirmation round (the same list however often
     * the engine asks, until fillVacancies closes the round), one committee state per
     * filling of vacancies, the number of abnormally low prices and who must explain them, the
     * chair, the members, the due dates and the outcome. An answer not scripted fails the test.
     */
    public static class StandInEvaluationWorkflow extends Recording {
        final Deque<List<String>> invitedRounds = new ArrayDeque<>();
        final Deque<String> committeeStates = new ArrayDeque<>();
        final List<String> escalatedProcessInstanceIds = new ArrayList<>();
        int clarificationCount;
        List<String> clarificationVendors = List.of();
        Date clarificationDue = CLARIFICATION_DUE;
        String chair = CHAIR;
        List<String> members = FIRST_DRAW;
        int qualifiedBids = 4;
        Date reportDue = REPORT_DUE;
        String outcome = "AWARD";

        StandInEvaluationWorkflow(List<Call> calls) {
            super("evaluationWorkflow", calls);
        }

        public void recordSize(DelegateExecution execution) {
            record("recordSize", execution);
        }

        public List<String> invited(DelegateExecution execution) {
            record("invited", execution);
            if (invitedRounds.isEmpty()) {
                throw new AssertionError("no invited list scripted for this confirmation round");
            }
            return invitedRounds.peek();
        }

        public void expireInvitations(DelegateExecution execution) {
            record("expireInvitations", execution);
        }

        public void fillVacancies(DelegateExecution execution) {
            record("fillVacancies", execution);
            // this round is over: the next round invites the next scripted list
            invitedRounds.poll();
            execution.setVariable("committeeState", next(committeeStates, "committee state"));
        }

        public void checkPrices(DelegateExecution execution) {
            record("checkPrices", execution);
            execution.setVariable("clarificationCount", clarificationCount);
        }

        public List<String> clarificationVendors(DelegateExecution execution) {
            record("clarificationVendors", execution);
            return clarificationVendors;
        }

        public Date clarificationDue(DelegateExecution execution) {
            record("clarificationDue", execution);
            return clarificationDue;
        }

        public void explanationsClosed(DelegateExecution execution) {
            record("explanationsClosed", execution);
        }

        public String chair(DelegateExecution execution) {
            record("chair", execution);
            return chair;
        }

        public List<String> members(DelegateExecution execution) {
            record("members", execution);
            return members;
        }

        public void computeResult(DelegateExecution execution) {
            record("computeResult", execution);
            execution.setVariable("qualifiedBids", qualifiedBids);
        }

        public Date reportDue(DelegateExecution execution) {
            record("reportDue", execution);
            return reportDue;
        }

        public void escalateReport(DelegateExecution execution) {
            record("escalateReport", execution);
            escalatedProcessInstanceIds.add(execution.getProcessInstanceId());
        }

        public void startAward(DelegateExecution execution) {
            record("startAward", execution);
        }

        public void finish(DelegateExecution execution) {
            record("finish", execution);
            execution.setVariable("outcome", outcome);
        }

        private static <T> T next(Deque<T> answers, String what) {
            if (answers.isEmpty()) {
                throw new AssertionError("the process asked for one " + what + " more than the test scripted");
            }
            return answers.poll();
        }
    }
}
