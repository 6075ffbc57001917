package cn.huimin.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngine;
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
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Walks every path of the tender preparation process on an in-memory engine. The CDI beans
 * the process calls are replaced by the small recording doubles at the end of this class.
 */
@Deployment(resources = {"processes/tender-preparation.bpmn", "processes/finance-approval.dmn"})
public class TenderPreparationProcessTest {

    static final String PROCESS_KEY = "tender-preparation";
    static final String INITIATOR = "wang.officer";
    static final long TENDER_ID = 42L;

    /** Monday 2 March 2026, 09:00 in Shanghai: the engine clock when each test starts. */
    static final Date NOW = Date.from(ZonedDateTime.of(2026, 3, 2, 9, 0, 0, 0, ZoneId.of("Asia/Shanghai")).toInstant());
    /** What the stand-in working-day calendar answers for "3 working days from now". */
    static final Date DUE = Date.from(ZonedDateTime.of(2026, 3, 5, 9, 0, 0, 0, ZoneId.of("Asia/Shanghai")).toInstant());

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder()
            .configurationResource("camunda.cfg.xml")
            .build();

    RecordingWorkflow workflow;
    FixedDeadlines deadlines;

    @BeforeEach
    void setUp() {
        ProcessEngine engine = extension.getProcessEngine();
        AbstractAssertions.init(engine);
        ClockUtil.setCurrentTime(NOW);
        workflow = new RecordingWorkflow();
        deadlines = new FixedDeadlines(DUE);
        Mocks.register("tenderWorkflow", workflow);
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
    void smallOpenTenderIsPublishedAfterHeadApprovalAlone() {
        ProcessInstance pi = start(120_000.00, "OPEN_TENDER");

        assertThat(pi).isWaitingAt("approveTender");
        assertThat(task(pi)).hasCandidateGroup("head").isNotAssigned();

        complete(task(pi), withVariables("headDecision", "APPROVE"));

        assertThat(pi).isEnded()
                .hasPassedInOrder("tenderSubmitted", "approveTender", "decideFinanceApproval", "publishTender", "tenderPublished")
                .hasNotPassed("approveTenderFinance", "reviseTender", "rejectTender");
        assertThat(financeRequired(pi)).isFalse();
        assertThat(workflow.calls).containsExactly(new Call("publish", "publishTender", TENDER_ID));
    }

    @ParameterizedTest(name = "budget {0}, {1} needs finance approval")
    @CsvSource({
        "500000.00, OPEN_TENDER",
        "1000.00, SINGLE_SOURCE",
        "2000000.00, COMPETITIVE_CONSULTATION"
    })
    void financeApprovalIsRequiredThenPublishes(double budget, String method) {
        ProcessInstance pi = start(budget, method);
        complete(task(pi), withVariables("headDecision", "APPROVE"));

        assertThat(pi).isWaitingAt("approveTenderFinance");
        assertThat(financeRequired(pi)).isTrue();
        Task financeTask = task(pi);
        assertThat(financeTask).hasCandidateGroup("finance").isNotAssigned().hasName("Finance approval");
        assertThat(financeTask.getDueDate()).hasSameTimeAs(DUE);
        assertThat(workflow.calls).isEmpty();

        complete(financeTask, withVariables("financeDecision", "APPROVE"));

        assertThat(pi).isEnded().hasPassed("approveTenderFinance", "publishTender", "tenderPublished");
        assertThat(workflow.calls).containsExactly(new Call("publish", "publishTender", TENDER_ID));
    }

    @Test
    void financeReturnSendsTheTenderBackForRevisionAndThroughHeadApprovalAgain() {
        ProcessInstance pi = start(800_000.00, "OPEN_TENDER");
        complete(task(pi), withVariables("headDecision", "APPROVE"));
        assertThat(pi).isWaitingAt("approveTenderFinance");

        complete(task(pi), withVariables("financeDecision", "RETURN"));

        assertThat(pi).isWaitingAt("reviseTender");
        assertThat(task(pi)).isAssignedTo(INITIATOR);

        complete(task(pi));
        assertThat(pi).isWaitingAt("approveTender");

        complete(task(pi), withVariables("headDecision", "APPROVE"));
        assertThat(pi).isWaitingAt("approveTenderFinance");

        complete(task(pi), withVariables("financeDecision", "APPROVE"));

        assertThat(pi).isEnded().hasPassed("reviseTender", "publishTender");
        assertThat(workflow.calls).containsExactly(new Call("publish", "publishTender", TENDER_ID));
    }

    @Test
    void headReturnSendsTheTenderBackForRevision() {
        ProcessInstance pi = start(50_000.00, "COMPETITIVE_CONSULTATION");

        complete(task(pi), withVariables("headDecision", "RETURN"));

        assertThat(pi).isWaitingAt("reviseTender");
        assertThat(workflow.calls).isEmpty();

        complete(task(pi));
        assertThat(pi).isWaitingAt("approveTender");
        assertThat(task(pi)).hasCandidateGroup("head");

        complete(task(pi), withVariables("headDecision", "APPROVE"));

        assertThat(pi).isEnded()
                .hasPassed("reviseTender", "publishTender")
                .hasNotPassed("approveTenderFinance", "rejectTender");
        assertThat(workflow.calls).containsExactly(new Call("publish", "publishTender", TENDER_ID));
    }

    @Test
    void headRejectionEndsTheTenderWithoutPublishing() {
        ProcessInstance pi = start(900_000.00, "OPEN_TENDER");

        complete(task(pi), withVariables("headDecision", "REJECT"));

        assertThat(pi).isEnded()
                .hasPassedInOrder("approveTender", "rejectTender", "tenderRejected")
                .hasNotPassed("decideFinanceApproval", "publishTender", "tenderPublished");
        assertThat(workflow.calls).containsExactly(new Call("reject", "rejectTender", TENDER_ID));
        assertThat(workflow.methods()).doesNotContain("publish");
    }

    @Test
    void anUnknownHeadDecisionIsRefusedAndTheTaskStaysOpen() {
        ProcessInstance pi = start(10_000.00, "OPEN_TENDER");
        Task headTask = task(pi);

        assertThatThrownBy(() -> extension.getTaskService().complete(headTask.getId(), withVariables("headDecision", "MAYBE")))
                .isInstanceOf(ProcessEngineException.class);

        assertThat(pi).isWaitingAt("approveTender");
        assertThat(workflow.calls).isEmpty();
    }

    // ---------------------------------------------------------------- task set-up

    @Test
    void revisionGoesToTheInitiatingOfficer() {
        ProcessInstance pi = start(10_000.00, "OPEN_TENDER");
        complete(task(pi), withVariables("headDecision", "RETURN"));

        Task revise = task(pi);
        assertThat(revise).hasDefinitionKey("reviseTender").hasName("Revise tender").isAssignedTo(INITIATOR);
        assertThat(candidateGroups(revise)).containsExactly("officer");
        assertThat(revise.getDueDate()).hasSameTimeAs(DUE);
    }

    @Test
    void headApprovalTaskIsOfferedToHeads() {
        ProcessInstance pi = start(10_000.00, "OPEN_TENDER");

        Task headTask = task(pi);
        assertThat(headTask).hasDefinitionKey("approveTender").hasName("Head approval").isNotAssigned();
        assertThat(candidateGroups(headTask)).containsExactly("head");
    }

    @Test
    void dueDatesAndTimersComeFromTheWorkingDayCalendar() {
        ProcessInstance pi = start(10_000.00, "OPEN_TENDER");

        assertThat(task(pi).getDueDate()).hasSameTimeAs(DUE);
        Job timer = job(pi);
        assertThat(timer.getDuedate()).hasSameTimeAs(DUE);
        // one call for the task's due date, one for its overdue timer, both for 3 working days
        assertThat(deadlines.requestedDays).containsExactly(3, 3);
    }

    // ---------------------------------------------------------------- overdue timers

    @Test
    void overdueHeadApprovalIsRecordedWhileTheTaskStaysOpen() {
        ProcessInstance pi = start(10_000.00, "OPEN_TENDER");
        String headTaskId = task(pi).getId();

        assertThat(executableJobs(pi)).isZero();
        ClockUtil.setCurrentTime(new Date(DUE.getTime() + Duration.ofMinutes(1).toMillis()));
        assertThat(executableJobs(pi)).isEqualTo(1);

        execute(job(pi));

        assertThat(workflow.calls).containsExactly(new Call("recordOverdue", "recordApproveTenderOverdue", TENDER_ID));
        assertThat(pi).isWaitingAt("approveTender").hasPassed("approveTenderOverdue", "approveTenderOverdueRecorded");
        assertThat(task(pi).getId()).isEqualTo(headTaskId);
        assertThat(extension.getManagementService().createJobQuery().processInstanceId(pi.getId()).count()).isZero();

        // the head can still decide after the deadline
        complete(task(pi), withVariables("headDecision", "APPROVE"));
        assertThat(pi).isEnded().hasPassed("publishTender");
        assertThat(workflow.methods()).containsExactly("recordOverdue", "publish");
    }

    @Test
    void overdueRevisionIsRecordedWhileTheTaskStaysOpen() {
        ProcessInstance pi = start(10_000.00, "OPEN_TENDER");
        complete(task(pi), withVariables("headDecision", "RETURN"));
        assertThat(pi).isWaitingAt("reviseTender");

        ClockUtil.setCurrentTime(new Date(DUE.getTime() + Duration.ofHours(1).toMillis()));
        execute(job(pi));

        assertThat(workflow.calls).containsExactly(new Call("recordOverdue", "recordReviseTenderOverdue", TENDER_ID));
        assertThat(pi).isWaitingAt("reviseTender").hasPassed("reviseTenderOverdue", "reviseTenderOverdueRecorded");
        assertThat(task(pi)).isAssignedTo(INITIATOR);
    }

    @Test
    void overdueFinanceApprovalIsRecordedWhileTheTaskStaysOpen() {
        ProcessInstance pi = start(600_000.00, "OPEN_TENDER");
        complete(task(pi), withVariables("headDecision", "APPROVE"));
        assertThat(pi).isWaitingAt("approveTenderFinance");
        Job timer = job(pi);
        assertThat(timer.getDuedate()).hasSameTimeAs(DUE);

        ClockUtil.setCurrentTime(new Date(DUE.getTime() + Duration.ofDays(1).toMillis()));
        execute(timer);

        assertThat(workflow.calls).containsExactly(
                new Call("recordOverdue", "recordApproveTenderFinanceOverdue", TENDER_ID));
        assertThat(pi).isWaitingAt("approveTenderFinance")
                .hasPassed("approveTenderFinanceOverdue", "approveTenderFinanceOverdueRecorded");

        complete(task(pi), withVariables("financeDecision", "APPROVE"));
        assertThat(pi).isEnded().hasPassed("publishTender");
    }

    // ---------------------------------------------------------------- helpers

    ProcessInstance start(double budget, String method) {
        Map<String, Object> variables = withVariables(
                "tenderId", TENDER_ID,
                "initiator", INITIATOR,
                "budget", budget,
                "method", method);
        ProcessInstance pi = extension.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY, variables);
        assertThat(pi).isStarted();
        return pi;
    }

    Boolean financeRequired(ProcessInstance pi) {
        return (Boolean) extension.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(pi.getId()).variableName("financeRequired").singleResult().getValue();
    }

    long executableJobs(ProcessInstance pi) {
        return extension.getManagementService().createJobQuery().processInstanceId(pi.getId()).executable().count();
    }

    Set<String> candidateGroups(Task task) {
        List<IdentityLink> links = extension.getTaskService().getIdentityLinksForTask(task.getId());
        return links.stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId)
                .collect(Collectors.toSet());
    }

    // ---------------------------------------------------------------- test doubles

    /** One call the process made on the workflow bean: method, calling activity and tender. */
    public record Call(String method, String activityId, Object tenderId) {
    }

    /**
     * Stands in for the "tenderWorkflow" CDI bean: it only writes down what the process asked
     * for. Public, with public methods, so the expression language can call them.
     */
    public static class RecordingWorkflow {
        final List<Call> calls = new ArrayList<>();

        public void publish(DelegateExecution execution) {
            record("publish", execution);
        }

        public void reject(DelegateExecution execution) {
            record("reject", execution);
        }

        public void recordOverdue(DelegateExecution execution) {
            record("recordOverdue", execution);
        }

        public void applyChange(DelegateExecution execution) {
            record("applyChange", execution);
        }

        public void dismissChange(DelegateExecution execution) {
            record("dismissChange", execution);
        }

        List<String> methods() {
            return calls.stream().map(Call::method).toList();
        }

        private void record(String method, DelegateExecution execution) {
            calls.add(new Call(method, execution.getCurrentActivityId(), execution.getVariable("tenderId")));
        }
    }

    /**
     * Stands in for the "taskDeadlines" CDI bean (the working-day calendar): it answers one
     * fixed date and remembers how many working days were asked for.
     */
    public static class FixedDeadlines {
        final Date due;
        final List<Integer> requestedDays = new ArrayList<>();

        FixedDeadlines(Date due) {
            this.due = due;
        }

        public Date dueInWorkingDays(int days) {
            requestedDays.add(days);
            return new Date(due.getTime());
        }
    }
}
