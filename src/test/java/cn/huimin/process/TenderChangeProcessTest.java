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
import java.util.Date;

import cn.huimin.process.TenderPreparationProcessTest.Call;
import cn.huimin.process.TenderPreparationProcessTest.FixedDeadlines;
import cn.huimin.process.TenderPreparationProcessTest.RecordingWorkflow;
import org.camunda.bpm.engine.ProcessEngineException;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Walks the paths of the tender amendment / cancellation process. It reuses the recording
 * doubles of {@link TenderPreparationProcessTest}, which stand in for the CDI beans.
 */
@Deployment(resources = "processes/tender-change.bpmn")
public class TenderChangeProcessTest {

    static final String PROCESS_KEY = "tender-change";
    static final long TENDER_ID = 42L;
    static final long CHANGE_ID = 7L;
    static final Date NOW = TenderPreparationProcessTest.NOW;
    static final Date DUE = TenderPreparationProcessTest.DUE;

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder()
            .configurationResource("camunda.cfg.xml")
            .build();

    RecordingWorkflow workflow;
    FixedDeadlines deadlines;

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(extension.getProcessEngine());
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

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"AMENDMENT", "CANCELLATION"})
    void approvedChangeIsApplied(String changeType) {
        ProcessInstance pi = start(changeType);

        Task headTask = task(pi);
        assertThat(headTask).hasDefinitionKey("approveTenderChange").hasCandidateGroup("head").isNotAssigned();
        assertThat(headTask.getDueDate()).hasSameTimeAs(DUE);

        complete(headTask, withVariables("changeDecision", "APPROVE"));

        assertThat(pi).isEnded()
                .hasPassedInOrder("changeRequested", "approveTenderChange", "applyTenderChange", "changeApplied")
                .hasNotPassed("dismissTenderChange");
        assertThat(workflow.calls).containsExactly(new Call("applyChange", "applyTenderChange", TENDER_ID));
    }

    @Test
    void rejectedChangeIsDismissed() {
        ProcessInstance pi = start("AMENDMENT");

        complete(task(pi), withVariables("changeDecision", "REJECT"));

        assertThat(pi).isEnded()
                .hasPassedInOrder("approveTenderChange", "dismissTenderChange", "changeDismissed")
                .hasNotPassed("applyTenderChange");
        assertThat(workflow.calls).containsExactly(new Call("dismissChange", "dismissTenderChange", TENDER_ID));
    }

    @Test
    void anUnknownDecisionIsRefusedAndTheTaskStaysOpen() {
        ProcessInstance pi = start("CANCELLATION");
        String taskId = task(pi).getId();

        assertThatThrownBy(() -> extension.getTaskService().complete(taskId, withVariables("changeDecision", "LATER")))
                .isInstanceOf(ProcessEngineException.class);

        assertThat(pi).isWaitingAt("approveTenderChange");
        assertThat(workflow.calls).isEmpty();
    }

    @Test
    void overdueChangeApprovalIsRecordedWhileTheTaskStaysOpen() {
        ProcessInstance pi = start("AMENDMENT");
        String taskId = task(pi).getId();
        Job timer = job(pi);
        assertThat(timer.getDuedate()).hasSameTimeAs(DUE);
        assertThat(deadlines.requestedDays).containsOnly(3);

        assertThat(executableJobs(pi)).isZero();
        ClockUtil.setCurrentTime(new Date(DUE.getTime() + Duration.ofMinutes(5).toMillis()));
        assertThat(executableJobs(pi)).isEqualTo(1);

        execute(timer);

        assertThat(workflow.calls).containsExactly(
                new Call("recordOverdue", "recordApproveTenderChangeOverdue", TENDER_ID));
        assertThat(pi).isWaitingAt("approveTenderChange")
                .hasPassed("approveTenderChangeOverdue", "approveTenderChangeOverdueRecorded");
        assertThat(task(pi).getId()).isEqualTo(taskId);

        complete(task(pi), withVariables("changeDecision", "APPROVE"));
        assertThat(pi).isEnded();
        assertThat(workflow.methods()).containsExactly("recordOverdue", "applyChange");
    }

    ProcessInstance start(String changeType) {
        ProcessInstance pi = extension.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY, withVariables(
                "tenderId", TENDER_ID,
                "changeId", CHANGE_ID,
                "initiator", "wang.officer",
                "changeType", changeType));
        assertThat(pi).isStarted().isWaitingAt("approveTenderChange");
        return pi;
    }

    long executableJobs(ProcessInstance pi) {
        return extension.getManagementService().createJobQuery().processInstanceId(pi.getId()).executable().count();
    }
}
