package cn.huimin.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.claim;
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
 * Walks the enquiry process: an answer in time is published; an answer not given by the due
 * date is escalated once, the answer task stays open, and a late answer is still published.
 */
@Deployment(resources = "processes/enquiry.bpmn")
public class EnquiryProcessTest {

    static final String PROCESS_KEY = "enquiry";
    static final long ENQUIRY_ID = 9L;
    static final long TENDER_ID = 42L;
    static final Date NOW = TenderPreparationProcessTest.NOW;
    /** Answer due on Thursday 5 March 2026 at 18:00, Shanghai time. */
    static final Date ANSWER_DUE = Date.from(ZonedDateTime.of(2026, 3, 5, 18, 0, 0, 0, ZoneId.of("Asia/Shanghai")).toInstant());

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder()
            .configurationResource("camunda.cfg.xml")
            .build();

    final List<Call> calls = new ArrayList<>();

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(extension.getProcessEngine());
        ClockUtil.setCurrentTime(NOW);
        Mocks.register("enquiryWorkflow", new StandInEnquiryWorkflow(calls));
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        Mocks.reset();
        AbstractAssertions.reset();
    }

    @Test
    void anAnswerInTimeIsPublished() {
        ProcessInstance pi = start();

        Task answer = task(pi);
        assertThat(answer).hasDefinitionKey("answerEnquiry").hasName("Answer enquiry")
                .hasCandidateGroup("officer").isNotAssigned();
        assertThat(answer.getDueDate()).hasSameTimeAs(ANSWER_DUE);

        complete(answer);

        assertThat(pi).isEnded()
                .hasPassedInOrder("questionAsked", "answerEnquiry", "publishAnswer", "answerPublished")
                .hasNotPassed("enquiryOverdue", "escalateEnquiry", "escalatedToHead");
        assertThat(calls).extracting(Call::signature).containsExactly("enquiryWorkflow.publishAnswer@publishAnswer");
        assertThat(calls.get(0).variables())
                .containsEntry("enquiryId", ENQUIRY_ID)
                .containsEntry("tenderId", TENDER_ID);
        assertThat(extension.getManagementService().createJobQuery().processInstanceId(pi.getId()).count()).isZero();
    }

    @Test
    void theOverdueTimerIsDueWhenTheAnswerIsAndNotBefore() {
        ProcessInstance pi = start();

        Job timer = job(pi);
        assertThat(timer.getDuedate()).hasSameTimeAs(ANSWER_DUE);

        ClockUtil.setCurrentTime(new Date(ANSWER_DUE.getTime() - 1));
        assertThat(executeDueJobs(pi)).isZero();

        assertThat(pi).isWaitingAt("answerEnquiry").hasNotPassed("enquiryOverdue");
        assertThat(calls).isEmpty();
    }

    @Test
    void anOverdueEnquiryIsEscalatedOnceAndTheLateAnswerIsStillPublished() {
        ProcessInstance pi = start();
        claim(task(pi), "zhao.officer");
        String taskId = task(pi).getId();

        ClockUtil.setCurrentTime(ANSWER_DUE);
        assertThat(executeDueJobs(pi)).isEqualTo(1);

        assertThat(calls).extracting(Call::signature).containsExactly("enquiryWorkflow.escalate@escalateEnquiry");
        assertThat(calls.get(0).variables())
                .containsEntry("enquiryId", ENQUIRY_ID)
                .containsEntry("tenderId", TENDER_ID)
                .containsEntry("answerDue", ANSWER_DUE);
        assertThat(pi).isWaitingAt("answerEnquiry")
                .hasPassed("enquiryOverdue", "escalateEnquiry", "escalatedToHead")
                .hasNotPassed("publishAnswer");
        // the same task, still with the officer who claimed it
        assertThat(task(pi).getId()).isEqualTo(taskId);
        assertThat(task(pi)).isAssignedTo("zhao.officer");
        assertThat(candidateGroups(task(pi))).containsExactly("officer");

        // escalation happens once: a week later nothing else fires
        ClockUtil.setCurrentTime(new Date(ANSWER_DUE.getTime() + Duration.ofDays(7).toMillis()));
        assertThat(executeDueJobs(pi)).isZero();
        assertThat(calls).hasSize(1);

        complete(task(pi));

        assertThat(pi).isEnded().hasPassed("escalatedToHead", "publishAnswer", "answerPublished");
        assertThat(calls).extracting(Call::signature).containsExactly(
                "enquiryWorkflow.escalate@escalateEnquiry",
                "enquiryWorkflow.publishAnswer@publishAnswer");
    }

    // ---------------------------------------------------------------- helpers

    ProcessInstance start() {
        ProcessInstance pi = extension.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY, withVariables(
                "enquiryId", ENQUIRY_ID,
                "tenderId", TENDER_ID,
                "answerDue", ANSWER_DUE));
        assertThat(pi).isStarted().isWaitingAt("answerEnquiry");
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

    /** Stands in for the "enquiryWorkflow" CDI bean. */
    public static class StandInEnquiryWorkflow extends Recording {
        StandInEnquiryWorkflow(List<Call> calls) {
            super("enquiryWorkflow", calls);
        }

        public void escalate(DelegateExecution execution) {
            record("escalate", execution);
        }

        public void publishAnswer(DelegateExecution execution) {
            record("publishAnswer", execution);
        }
    }
}
