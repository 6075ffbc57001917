package cn.huimin.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.huimin.application.PerformanceService;
import cn.huimin.process.VendorVerificationProcessTest.Call;
import cn.huimin.process.VendorVerificationProcessTest.Recording;
import cn.huimin.process.VendorVerificationProcessTest.StandInDeadlines;
import cn.huimin.process.VendorVerificationProcessTest.StandInTenderWorkflow;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
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
 * Walks every path and every timer of the evaluation of a service period: the evidence, the residents'
 * opinions before the final acceptance (until a timer ends the opinion period), the evaluators' scores,
 * the officer's review and the head's sign-off (each may return the evaluation a step back), the payment
 * share from the real "payment-share" decision table for a score in every band, and for a score below 70
 * the vendor's rectification, re-checked by the officer, renewed when it failed, and recorded as missed
 * when its deadline passes. Every user task has its overdue timer. The "performanceWorkflow" bean is
 * replaced by a stand-in whose score and dates each test scripts; timers are driven with the engine clock.
 * The decision's result is never kept as a map: an end listener of the decision task copies it into the plain
 * variables share, rectification, failing and band, and no variable of any run is a serialized object.
 */
@Deployment(resources = {"processes/performance-evaluation.bpmn", "processes/payment-share.dmn"})
public class PerformanceEvaluationProcessTest {

    static final String PROCESS_KEY = "performance-evaluation";
    static final String DECISION_KEY = "payment-share";
    static final String BUSINESS_KEY = "contract-3001";
    static final long CONTRACT_ID = 3001L;
    static final long EVALUATION_ID = 5001L;
    static final long TENDER_ID = 42L;
    static final long UNIT_ID = 3L;
    static final String VENDOR = "acme.vendor";
    /** Monday 2 March 2026, 09:00 Shanghai time: the period has just ended. */
    static final Date NOW = TenderPreparationProcessTest.NOW;
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** Residents may give their opinions until the end of Monday 16 March 2026, Shanghai time. */
    static final Date OPINIONS_UNTIL = Date.from(ZonedDateTime.of(2026, 3, 16, 23, 59, 59, 0, SHANGHAI).toInstant());
    /** The vendor is to rectify by the end of Tuesday 31 March 2026, Shanghai time. */
    static final Date RECTIFICATION_DUE = Date.from(ZonedDateTime.of(2026, 3, 31, 23, 59, 59, 0, SHANGHAI).toInstant());
    /** A renewed rectification is due by the end of Thursday 30 April 2026, Shanghai time. */
    static final Date RENEWED_RECTIFICATION_DUE = Date.from(ZonedDateTime.of(2026, 4, 30, 23, 59, 59, 0, SHANGHAI).toInstant());
    /** A score that leads to a rectification (PASS band). */
    static final double LOW_SCORE = 65.0;

    /** What the stand-in is asked for while the process builds due dates and timers. */
    static final Set<String> QUERIES = Set.of("opinionsUntil", "rectificationDue");
    /**
     * The only value types a variable of this process may have: primitive values the engine stores in its own
     * columns. No map, list or other object, which would need serialization (Java serialization is off).
     */
    static final Set<String> PLAIN_TYPES = Set.of("string", "boolean", "double", "long", "integer", "date", "null");
    /** What the end listener of the decision task copies out of the decision's single result. */
    static final List<String> DECISION_VARIABLES = List.of("share", "rectification", "failing", "band");

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder()
            .configurationResource("camunda.cfg.xml")
            .build();

    final List<Call> calls = new ArrayList<>();
    StandInPerformanceWorkflow performance;
    StandInDeadlines deadlines;

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(extension.getProcessEngine());
        ClockUtil.setCurrentTime(NOW);
        performance = new StandInPerformanceWorkflow(calls);
        deadlines = new StandInDeadlines();
        Mocks.register("performanceWorkflow", performance);
        Mocks.register("tenderWorkflow", new StandInTenderWorkflow(calls));
        Mocks.register("taskDeadlines", deadlines);
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        Mocks.reset();
        AbstractAssertions.reset();
    }

    // ---------------------------------------------------------------- evidence and opinions

    @Test
    void aPeriodThatIsNotTheFinalOneGoesStraightToTheEvaluators() {
        ProcessInstance pi = start(false);

        assertThat(pi).isWaitingAt("scoreIndicators")
                .hasPassedInOrder("periodEnded", "collectEvidence", "finalAcceptanceGateway", "opinionsJoin", "scoringJoin")
                .hasNotPassed("inviteOpinions", "opinionPeriodEnds", "closeOpinions");
        assertThat(actions()).containsExactly("performanceWorkflow.collectEvidence@collectEvidence");
        assertThat(calls).extracting(Call::method).doesNotContain("inviteOpinions", "closeOpinions");
        assertThat(action("collectEvidence").variables())
                .containsEntry("contractId", CONTRACT_ID)
                .containsEntry("evaluationId", EVALUATION_ID)
                .containsEntry("tenderId", TENDER_ID)
                .containsEntry("unitId", UNIT_ID)
                .containsEntry("vendorUser", VENDOR)
                .containsEntry("finalPeriod", false);
        assertThat(queries("opinionsUntil")).isEmpty();

        Task score = task(pi);
        assertThat(score).hasDefinitionKey("scoreIndicators").hasName("Score the indicators")
                .hasCandidateGroup("evaluator").isNotAssigned();
        assertThat(candidateGroups(score)).containsExactly("evaluator");
        assertThat(score.getDueDate()).hasSameTimeAs(inDays(NOW, 10));
        assertThat(deadlines.requestedDays).containsExactly(10, 10);
        assertThat(jobs(pi)).singleElement()
                .satisfies(timer -> assertThat(timer.getDuedate()).hasSameTimeAs(inDays(NOW, 10)));
        assertThat(timer(pi, "scoringOverdue").getDuedate()).hasSameTimeAs(inDays(NOW, 10));
        assertOnlyPlainVariables(pi);

        // to its end, the opinions are never closed: there were none
        performance.score = 85.0;
        complete(task(pi));
        complete(task(pi), withVariables("reviewDecision", "APPROVE"));
        complete(task(pi), withVariables("signOffDecision", "SIGN"));
        assertThat(pi).isEnded().hasPassed("evaluationClosed").hasNotPassed("closeOpinions");
        assertThat(actions()).containsExactly(
                "performanceWorkflow.collectEvidence@collectEvidence",
                "performanceWorkflow.prepareDecision@prepareDecision",
                "performanceWorkflow.readDecision@decidePaymentShare",
                "performanceWorkflow.applyConsequences@applyConsequences");
        assertOnlyPlainVariables(pi);
    }

    @Test
    void theFinalAcceptanceWaitsForTheResidentsOpinionsBeforeTheScoring() {
        ProcessInstance pi = start(true);

        assertThat(pi).isWaitingAt("opinionPeriodEnds")
                .hasPassedInOrder("periodEnded", "collectEvidence", "finalAcceptanceGateway", "inviteOpinions")
                .hasNotPassed("closeOpinions", "opinionsJoin", "scoreIndicators");
        assertThat(actions()).containsExactly(
                "performanceWorkflow.collectEvidence@collectEvidence",
                "performanceWorkflow.inviteOpinions@inviteOpinions");
        assertThat(action("inviteOpinions").variables())
                .containsEntry("evaluationId", EVALUATION_ID)
                .containsEntry("finalPeriod", true);
        assertThat(queries("opinionsUntil")).singleElement()
                .satisfies(c -> assertThat(c.variables()).containsEntry("evaluationId", EVALUATION_ID));
        assertThat(tasks(pi)).isEmpty();
        assertThat(jobs(pi)).singleElement()
                .satisfies(timer -> assertThat(timer.getDuedate()).hasSameTimeAs(OPINIONS_UNTIL));
        assertThat(timer(pi, "opinionPeriodEnds").getDuedate()).hasSameTimeAs(OPINIONS_UNTIL);

        ClockUtil.setCurrentTime(new Date(OPINIONS_UNTIL.getTime() - 1));
        assertThat(executeDueJobs(pi)).isZero();
        assertThat(pi).isWaitingAt("opinionPeriodEnds").hasNotPassed("closeOpinions");
        assertThat(calls).extracting(Call::method).doesNotContain("closeOpinions");

        ClockUtil.setCurrentTime(OPINIONS_UNTIL);
        assertThat(executeDueJobs(pi)).isEqualTo(1);

        // the opinions are closed once the timer has fired, before the evaluators get the evaluation
        assertThat(pi).isWaitingAt("scoreIndicators")
                .hasPassedInOrder("inviteOpinions", "opinionPeriodEnds", "closeOpinions", "opinionsJoin", "scoringJoin");
        assertThat(passes(pi, "closeOpinions")).isEqualTo(1);
        assertThat(actions()).containsExactly(
                "performanceWorkflow.collectEvidence@collectEvidence",
                "performanceWorkflow.inviteOpinions@inviteOpinions",
                "performanceWorkflow.closeOpinions@closeOpinions");
        assertThat(action("closeOpinions").variables())
                .containsEntry("evaluationId", EVALUATION_ID)
                .containsEntry("finalPeriod", true);
        assertThat(performance.opinionsClosedAt).hasSameTimeAs(OPINIONS_UNTIL);
        Task score = task(pi);
        assertThat(score).hasCandidateGroup("evaluator");
        assertThat(score.getDueDate()).hasSameTimeAs(inDays(OPINIONS_UNTIL, 10));
        assertThat(jobs(pi)).singleElement()
                .satisfies(timer -> assertThat(timer.getDuedate()).hasSameTimeAs(inDays(OPINIONS_UNTIL, 10)));
        assertOnlyPlainVariables(pi);

        // nothing else fires for the opinions
        ClockUtil.setCurrentTime(inDays(OPINIONS_UNTIL, 1));
        assertThat(executeDueJobs(pi)).isZero();
        assertThat(passes(pi, "closeOpinions")).isEqualTo(1);
    }

    @Test
    void aFinalAcceptanceRunsToItsEndWithTheOpinionsClosedOnceAndOnlyPlainVariables() {
        ProcessInstance pi = start(true);
        ClockUtil.setCurrentTime(OPINIONS_UNTIL);
        assertThat(executeDueJobs(pi)).isEqualTo(1);
        performance.score = LOW_SCORE;

        complete(task(pi));
        complete(task(pi), withVariables("reviewDecision", "RETURN"));
        complete(task(pi));
        complete(task(pi), withVariables("reviewDecision", "APPROVE"));
        complete(task(pi), withVariables("signOffDecision", "SIGN"));
        assertThat(pi).isWaitingAt("rectify");
        assertOnlyPlainVariables(pi);
        // the rectification is missed, re-checked as failed, renewed, done and passed
        ClockUtil.setCurrentTime(RECTIFICATION_DUE);
        assertThat(executeDueJobs(pi)).isEqualTo(1);
        performance.rectificationDue = RENEWED_RECTIFICATION_DUE;
        complete(task(pi), withVariables("recheckDecision", "FAILED"));
        complete(task(pi));
        complete(task(pi), withVariables("recheckDecision", "PASSED"));

        assertThat(pi).isEnded()
                .hasPassedInOrder("inviteOpinions", "opinionPeriodEnds", "closeOpinions", "opinionsJoin", "scoringJoin",
                        "scoreIndicators", "prepareDecision", "decidePaymentShare", "applyConsequences", "rectify",
                        "recordMissedRectification", "renewRectification", "closeRectification", "rectified");
        assertThat(passes(pi, "closeOpinions")).isEqualTo(1);
        assertThat(passes(pi, "scoringJoin")).isEqualTo(2);
        assertThat(actions()).containsExactly(
                "performanceWorkflow.collectEvidence@collectEvidence",
                "performanceWorkflow.inviteOpinions@inviteOpinions",
                "performanceWorkflow.closeOpinions@closeOpinions",
                "performanceWorkflow.prepareDecision@prepareDecision",
                "performanceWorkflow.readDecision@decidePaymentShare",
                "performanceWorkflow.applyConsequences@applyConsequences",
                "performanceWorkflow.rectificationOverdue@recordMissedRectification",
                "performanceWorkflow.renewRectification@renewRectification",
                "performanceWorkflow.rectificationPassed@closeRectification");
        assertThat(action("applyConsequences").variables())
                .containsEntry("share", 0.70)
                .containsEntry("rectification", true)
                .containsEntry("failing", false)
                .containsEntry("band", "PASS")
                .containsEntry("finalPeriod", true);
        assertOnlyPlainVariables(pi);
    }

    // ---------------------------------------------------------------- scoring, review and sign-off

    @Test
    void theEvaluatorsScoreThenTheOfficerReviewsAndTheHeadSignsOff() {
        ProcessInstance pi = start(false);
        Date scoredAt = inDays(NOW, 3);
        ClockUtil.setCurrentTime(scoredAt);

        complete(task(pi));

        assertThat(pi).isWaitingAt("reviewEvaluation").hasPassedInOrder("scoreIndicators", "reviewJoin");
        Task review = task(pi);
        assertThat(review).hasName("Review the evaluation").hasCandidateGroup("officer").isNotAssigned();
        assertThat(candidateGroups(review)).containsExactly("officer");
        assertThat(review.getDueDate()).hasSameTimeAs(inDays(scoredAt, 5));
        assertThat(jobs(pi)).singleElement().satisfies(timer -> {
            assertThat(timer.getDuedate()).hasSameTimeAs(inDays(scoredAt, 5));
            assertThat(timer.getId()).isEqualTo(timer(pi, "reviewOverdue").getId());
        });

        Date reviewedAt = inDays(scoredAt, 1);
        ClockUtil.setCurrentTime(reviewedAt);
        complete(review, withVariables("reviewDecision", "APPROVE"));

        assertThat(pi).isWaitingAt("signOffEvaluation").hasPassedInOrder("reviewEvaluation", "reviewGateway");
        Task signOff = task(pi);
        assertThat(signOff).hasName("Sign off the evaluation").hasCandidateGroup("head").isNotAssigned();
        assertThat(candidateGroups(signOff)).containsExactly("head");
        assertThat(signOff.getDueDate()).hasSameTimeAs(inDays(reviewedAt, 5));
        assertThat(jobs(pi)).singleElement().satisfies(timer -> {
            assertThat(timer.getDuedate()).hasSameTimeAs(inDays(reviewedAt, 5));
            assertThat(timer.getId()).isEqualTo(timer(pi, "signOffOverdue").getId());
        });
        assertThat(deadlines.requestedDays).containsExactly(10, 10, 5, 5, 5, 5);
        assertThat(actions()).containsExactly("performanceWorkflow.collectEvidence@collectEvidence");
    }

    @Test
    void theOfficerReturnsTheEvaluationToTheEvaluators() {
        ProcessInstance pi = start(false);
        complete(task(pi));
        Date returnedAt = inDays(NOW, 2);
        ClockUtil.setCurrentTime(returnedAt);

        complete(task(pi), withVariables("reviewDecision", "RETURN"));

        assertThat(pi).isWaitingAt("scoreIndicators")
                .hasPassedInOrder("reviewEvaluation", "reviewGateway", "scoringJoin")
                .hasNotPassed("signOffEvaluation");
        assertThat(passes(pi, "scoringJoin")).isEqualTo(2);
        assertThat(passes(pi, "scoreIndicators")).isEqualTo(2);
        assertThat(task(pi)).hasCandidateGroup("evaluator").isNotAssigned();
        assertThat(task(pi).getDueDate()).hasSameTimeAs(inDays(returnedAt, 10));
        assertThat(jobs(pi)).singleElement()
                .satisfies(timer -> assertThat(timer.getDuedate()).hasSameTimeAs(inDays(returnedAt, 10)));
        // the evidence is not collected again
        assertThat(actions()).containsExactly("performanceWorkflow.collectEvidence@collectEvidence");

        complete(task(pi));
        complete(task(pi), withVariables("reviewDecision", "APPROVE"));
        assertThat(pi).isWaitingAt("signOffEvaluation");
        assertThat(passes(pi, "reviewEvaluation")).isEqualTo(2);
    }

    @Test
    void theHeadReturnsTheEvaluationToTheOfficer() {
        ProcessInstance pi = start(false);
        complete(task(pi));
        complete(task(pi), withVariables("reviewDecision", "APPROVE"));
        Date returnedAt = inDays(NOW, 4);
        ClockUtil.setCurrentTime(returnedAt);

        complete(task(pi), withVariables("signOffDecision", "RETURN"));

        assertThat(pi).isWaitingAt("reviewEvaluation")
                .hasPassedInOrder("signOffEvaluation", "signOffGateway", "reviewJoin")
                .hasNotPassed("prepareDecision", "decidePaymentShare");
        assertThat(passes(pi, "reviewJoin")).isEqualTo(2);
        assertThat(passes(pi, "reviewEvaluation")).isEqualTo(2);
        assertThat(passes(pi, "scoreIndicators")).isEqualTo(1);
        assertThat(task(pi)).hasCandidateGroup("officer").isNotAssigned();
        assertThat(task(pi).getDueDate()).hasSameTimeAs(inDays(returnedAt, 5));
        assertThat(jobs(pi)).singleElement()
                .satisfies(timer -> assertThat(timer.getDuedate()).hasSameTimeAs(inDays(returnedAt, 5)));

        performance.score = 92.0;
        complete(task(pi), withVariables("reviewDecision", "APPROVE"));
        complete(task(pi), withVariables("signOffDecision", "SIGN"));
        assertThat(pi).isEnded().hasPassed("evaluationClosed");
        assertThat(passes(pi, "signOffEvaluation")).isEqualTo(2);
        assertThat(historicVariable(pi, "band")).isEqualTo("EXCELLENT");
        assertOnlyPlainVariables(pi);
    }

    @Test
    void aReviewOrSignOffWithoutAKnownDecisionIsRefusedAndTheTaskStaysOpen() {
        ProcessInstance pi = start(false);
        complete(task(pi));
        String reviewId = task(pi).getId();

        assertThatThrownBy(() -> extension.getTaskService().complete(reviewId, withVariables("reviewDecision", "MAYBE")))
                .isInstanceOf(ProcessEngineException.class);
        assertThat(pi).isWaitingAt("reviewEvaluation");
        assertThat(task(pi).getId()).isEqualTo(reviewId);

        complete(task(pi), withVariables("reviewDecision", "APPROVE"));
        String signOffId = task(pi).getId();
        assertThatThrownBy(() -> extension.getTaskService().complete(signOffId, withVariables("signOffDecision", "MAYBE")))
                .isInstanceOf(ProcessEngineException.class);
        assertThat(pi).isWaitingAt("signOffEvaluation").hasNotPassed("prepareDecision");
        assertThat(task(pi).getId()).isEqualTo(signOffId);
        assertThat(actions()).containsExactly("performanceWorkflow.collectEvidence@collectEvidence");
    }

    // ---------------------------------------------------------------- the payment share

    @ParameterizedTest(name = "score {0} -> {4}: share {1}, rectification {2}, failing {3}")
    @CsvSource({
        "100.0, 1.0,  false, false, EXCELLENT",
        "90.0,  1.0,  false, false, EXCELLENT",
        "89.99, 0.95, false, false, GOOD",
        "80.0,  0.95, false, false, GOOD",
        "79.99, 0.85, false, false, FAIR",
        "70.0,  0.85, false, false, FAIR",
        "69.99, 0.70, true,  false, PASS",
        "60.0,  0.70, true,  false, PASS",
        "59.99, 0.0,  true,  true,  FAIL",
        "0.0,   0.0,  true,  true,  FAIL"
    })
    void theSignedOffScoreDecidesThePaymentShareAndARectificationExactlyBelowSeventy(
            double score, double share, boolean rectification, boolean failing, String band) {
        assertThat(rectification).as("a rectification exactly below 70").isEqualTo(score < 70);
        Map<String, Object> expected = Map.of("share", share, "rectification", rectification, "failing", failing, "band", band);

        ProcessInstance pi = signedOff(score);

        assertThat(pi).hasPassedInOrder("signOffEvaluation", "signOffGateway", "prepareDecision",
                "decidePaymentShare", "applyConsequences", "rectificationGateway");
        assertThat(actions()).containsExactly(
                "performanceWorkflow.collectEvidence@collectEvidence",
                "performanceWorkflow.prepareDecision@prepareDecision",
                "performanceWorkflow.readDecision@decidePaymentShare",
                "performanceWorkflow.applyConsequences@applyConsequences");
        assertThat(action("prepareDecision").variables()).containsEntry("signOffDecision", "SIGN");
        assertThat(extension.getHistoryService().createHistoricDecisionInstanceQuery()
                .processInstanceId(pi.getId()).decisionDefinitionKey(DECISION_KEY).count()).isEqualTo(1);

        // the end listener of the decision task gets the whole result, only as the transient "decisionResult"
        Call read = action("readDecision");
        assertThat(read.variables())
                .containsEntry("score", score)
                .containsKey("decisionResult")
                .doesNotContainKeys("paymentShare", "share", "rectification", "failing", "band");
        assertThat(performance.decided).containsExactlyInAnyOrderEntriesOf(expected);
        // ... and copies it into four plain variables, which applyConsequences reads
        Call apply = action("applyConsequences");
        assertThat(apply.variables())
                .containsEntry("score", score)
                .containsEntry("evaluationId", EVALUATION_ID)
                .containsEntry("contractId", CONTRACT_ID)
                .containsAllEntriesOf(expected)
                .doesNotContainKey("paymentShare");
        assertThat(apply.variables().get("share")).isInstanceOf(Double.class);
        assertThat(apply.variables().get("band")).isInstanceOf(String.class);
        assertThat(performance.applied).isNotNull();
        assertThat(performance.applied.share()).isEqualByComparingTo(BigDecimal.valueOf(share));
        assertThat(performance.applied.rectification()).isEqualTo(rectification);
        assertThat(performance.applied.failing()).isEqualTo(failing);
        assertThat(performance.applied.band()).isEqualTo(band);

        // history keeps each of them once, as a plain value of its own type, and nothing else of the decision
        for (String name : DECISION_VARIABLES) {
            assertThat(historicVariable(pi, name)).as(name).isEqualTo(expected.get(name));
        }
        assertThat(historicVariableTypes(pi)).containsEntry("share", "double").containsEntry("rectification", "boolean")
                .containsEntry("failing", "boolean").containsEntry("band", "string").containsEntry("score", "double")
                .doesNotContainKeys("paymentShare", "decisionResult");
        assertOnlyPlainVariables(pi);

        if (rectification) {
            assertThat(pi).isWaitingAt("rectify")
                    .hasPassedInOrder("rectificationGateway", "rectifyJoin")
                    .hasNotPassed("evaluationClosed");
            // the decision's result is kept with the evaluation and reads back in a later transaction
            Map<String, Object> kept = extension.getRuntimeService().getVariables(pi.getId(), DECISION_VARIABLES);
            assertThat(kept).containsExactlyInAnyOrderEntriesOf(expected);
            assertThat(extension.getRuntimeService().getVariable(pi.getId(), "paymentShare")).isNull();
            assertThat(extension.getRuntimeService().getVariable(pi.getId(), "decisionResult")).isNull();
            Task rectify = task(pi);
            assertThat(rectify).hasName("Rectify").isAssignedTo(VENDOR);
            assertThat(candidateGroups(rectify)).isEmpty();
            assertThat(rectify.getDueDate()).hasSameTimeAs(RECTIFICATION_DUE);
            assertThat(jobs(pi)).singleElement().satisfies(timer -> {
                assertThat(timer.getDuedate()).hasSameTimeAs(RECTIFICATION_DUE);
                assertThat(timer.getId()).isEqualTo(timer(pi, "rectificationDue").getId());
            });
            assertThat(queries("rectificationDue")).hasSize(2).allSatisfy(c -> assertThat(c.variables())
                    .containsEntry("rectification", true)
                    .containsEntry("failing", failing)
                    .containsEntry("evaluationId", EVALUATION_ID));
        } else {
            assertThat(pi).isEnded()
                    .hasPassedInOrder("rectificationGateway", "evaluationClosed")
                    .hasNotPassed("rectifyJoin", "rectify");
            assertThat(queries("rectificationDue")).isEmpty();
            assertThat(jobs(pi)).isEmpty();
        }
    }

    // ---------------------------------------------------------------- the rectification

    @Test
    void aRectificationThatPassesTheRecheckIsClosed() {
        ProcessInstance pi = signedOff(LOW_SCORE);
        Date rectifiedAt = inDays(RECTIFICATION_DUE, -3);
        ClockUtil.setCurrentTime(rectifiedAt);

        complete(task(pi));

        assertThat(pi).isWaitingAt("recheckRectification")
                .hasPassedInOrder("rectifyJoin", "rectify", "recheckJoin")
                .hasNotPassed("rectificationDue", "recordMissedRectification");
        Task recheck = task(pi);
        assertThat(recheck).hasName("Re-check the rectification").hasCandidateGroup("officer").isNotAssigned();
        assertThat(candidateGroups(recheck)).containsExactly("officer");
        assertThat(recheck.getDueDate()).hasSameTimeAs(inDays(rectifiedAt, 5));
        // the rectification deadline went with its task; the re-check's overdue timer is left
        assertThat(jobs(pi)).singleElement().satisfies(timer -> {
            assertThat(timer.getDuedate()).hasSameTimeAs(inDays(rectifiedAt, 5));
            assertThat(timer.getId()).isEqualTo(timer(pi, "recheckOverdue").getId());
        });

        complete(recheck, withVariables("recheckDecision", "PASSED"));

        assertThat(pi).isEnded()
                .hasPassedInOrder("recheckRectification", "recheckGateway", "closeRectification", "rectified")
                .hasNotPassed("renewRectification", "evaluationClosed", "recheckOverdue");
        assertThat(actions()).endsWith(
                "performanceWorkflow.applyConsequences@applyConsequences",
                "performanceWorkflow.rectificationPassed@closeRectification");
        assertThat(action("rectificationPassed").variables())
                .containsEntry("recheckDecision", "PASSED")
                .containsEntry("evaluationId", EVALUATION_ID);
        assertThat(jobs(pi)).isEmpty();
        assertOnlyPlainVariables(pi);
    }

    @Test
    void aFailedRecheckOrdersAnotherRectification() {
        ProcessInstance pi = signedOff(LOW_SCORE);
        complete(task(pi));
        performance.rectificationDue = RENEWED_RECTIFICATION_DUE;

        complete(task(pi), withVariables("recheckDecision", "FAILED"));

        assertThat(pi).isWaitingAt("rectify")
                .hasPassedInOrder("recheckGateway", "renewRectification", "rectifyJoin")
                .hasNotPassed("closeRectification", "rectified");
        assertThat(passes(pi, "rectifyJoin")).isEqualTo(2);
        assertThat(passes(pi, "rectify")).isEqualTo(2);
        assertThat(actions()).endsWith("performanceWorkflow.renewRectification@renewRectification");
        assertThat(action("renewRectification").variables()).containsEntry("recheckDecision", "FAILED");
        Task rectify = task(pi);
        assertThat(rectify).isAssignedTo(VENDOR);
        assertThat(rectify.getDueDate()).hasSameTimeAs(RENEWED_RECTIFICATION_DUE);
        assertThat(jobs(pi)).singleElement()
                .satisfies(timer -> assertThat(timer.getDuedate()).hasSameTimeAs(RENEWED_RECTIFICATION_DUE));
        // the first deadline passes without effect
        ClockUtil.setCurrentTime(RECTIFICATION_DUE);
        assertThat(executeDueJobs(pi)).isZero();

        complete(task(pi));
        complete(task(pi), withVariables("recheckDecision", "PASSED"));
        assertThat(pi).isEnded().hasPassed("closeRectification", "rectified");
        assertThat(passes(pi, "recheckRectification")).isEqualTo(2);
        assertThat(calls).extracting(Call::method).doesNotContain("rectificationOverdue");
        assertOnlyPlainVariables(pi);
    }

    @Test
    void aRecheckWithoutAKnownDecisionIsRefusedAndTheTaskStaysOpen() {
        ProcessInstance pi = signedOff(LOW_SCORE);
        complete(task(pi));
        String taskId = task(pi).getId();

        assertThatThrownBy(() -> extension.getTaskService().complete(taskId, withVariables("recheckDecision", "MAYBE")))
                .isInstanceOf(ProcessEngineException.class);

        assertThat(pi).isWaitingAt("recheckRectification").hasNotPassed("closeRectification", "renewRectification");
        assertThat(task(pi).getId()).isEqualTo(taskId);
    }

    @Test
    void aMissedRectificationDeadlineTakesTheTaskAwayRecordsItAndGoesToTheRecheck() {
        ProcessInstance pi = signedOff(LOW_SCORE);
        String rectifyId = task(pi).getId();

        ClockUtil.setCurrentTime(new Date(RECTIFICATION_DUE.getTime() - 1));
        assertThat(executeDueJobs(pi)).isZero();
        assertThat(pi).isWaitingAt("rectify");

        ClockUtil.setCurrentTime(RECTIFICATION_DUE);
        assertThat(executeDueJobs(pi)).isEqualTo(1);

        assertThat(pi).isWaitingAt("recheckRectification")
                .hasPassedInOrder("rectificationDue", "recordMissedRectification", "recheckJoin")
                .hasNotPassed("closeRectification");
        assertThat(actions()).endsWith("performanceWorkflow.rectificationOverdue@recordMissedRectification");
        assertThat(action("rectificationOverdue").variables())
                .containsEntry("evaluationId", EVALUATION_ID)
                .containsEntry("vendorUser", VENDOR);
        // the vendor's task is gone: only the officer's re-check is left
        assertThat(extension.getTaskService().createTaskQuery().taskId(rectifyId).count()).isZero();
        assertThat(extension.getHistoryService().createHistoricTaskInstanceQuery().taskId(rectifyId).singleResult()
                .getDeleteReason()).isEqualTo("deleted");
        Task recheck = task(pi);
        assertThat(recheck).hasDefinitionKey("recheckRectification").hasCandidateGroup("officer");
        assertThat(recheck.getDueDate()).hasSameTimeAs(inDays(RECTIFICATION_DUE, 5));
        assertThat(jobs(pi)).singleElement()
                .satisfies(timer -> assertThat(timer.getId()).isEqualTo(timer(pi, "recheckOverdue").getId()));

        // nothing is left to fire for the rectification
        ClockUtil.setCurrentTime(inDays(RECTIFICATION_DUE, 1));
        assertThat(executeDueJobs(pi)).isZero();
        assertThat(passes(pi, "recordMissedRectification")).isEqualTo(1);

        // the officer orders another rectification, which is done in time
        performance.rectificationDue = RENEWED_RECTIFICATION_DUE;
        complete(task(pi), withVariables("recheckDecision", "FAILED"));
        assertThat(pi).isWaitingAt("rectify");
        assertThat(task(pi)).isAssignedTo(VENDOR);
        assertThat(task(pi).getDueDate()).hasSameTimeAs(RENEWED_RECTIFICATION_DUE);
        complete(task(pi));
        complete(task(pi), withVariables("recheckDecision", "PASSED"));
        assertThat(pi).isEnded().hasPassed("rectified");
        assertThat(passes(pi, "recordMissedRectification")).isEqualTo(1);
        assertThat(passes(pi, "rectify")).isEqualTo(2);
        assertOnlyPlainVariables(pi);
    }

    // ---------------------------------------------------------------- overdue timers

    @Test
    void overdueScoringIsRecordedOnceAndTheEvaluatorsKeepTheTask() {
        ProcessInstance pi = start(false);

        assertOverdueRecordedOnce(pi, "scoreIndicators", "scoringOverdue", "recordScoringOverdue",
                "scoringOverdueRecorded", inDays(NOW, 10));

        complete(task(pi));
        assertThat(pi).isWaitingAt("reviewEvaluation");
    }

    @Test
    void anOverdueReviewIsRecordedOnceAndTheOfficerKeepsTheTask() {
        ProcessInstance pi = start(false);
        complete(task(pi));

        assertOverdueRecordedOnce(pi, "reviewEvaluation", "reviewOverdue", "recordReviewOverdue",
                "reviewOverdueRecorded", inDays(NOW, 5));

        complete(task(pi), withVariables("reviewDecision", "APPROVE"));
        assertThat(pi).isWaitingAt("signOffEvaluation");
    }

    @Test
    void anOverdueSignOffIsRecordedOnceAndTheHeadKeepsTheTask() {
        ProcessInstance pi = start(false);
        complete(task(pi));
        complete(task(pi), withVariables("reviewDecision", "APPROVE"));

        assertOverdueRecordedOnce(pi, "signOffEvaluation", "signOffOverdue", "recordSignOffOverdue",
                "signOffOverdueRecorded", inDays(NOW, 5));

        performance.score = 85.0;
        complete(task(pi), withVariables("signOffDecision", "SIGN"));
        assertThat(pi).isEnded().hasPassed("evaluationClosed");
        assertThat(historicVariable(pi, "band")).isEqualTo("GOOD");
        assertOnlyPlainVariables(pi);
    }

    @Test
    void anOverdueRecheckIsRecordedOnceAndTheOfficerKeepsTheTask() {
        ProcessInstance pi = signedOff(LOW_SCORE);
        complete(task(pi));

        assertOverdueRecordedOnce(pi, "recheckRectification", "recheckOverdue", "recordRecheckOverdue",
                "recheckOverdueRecorded", inDays(NOW, 5));

        complete(task(pi), withVariables("recheckDecision", "PASSED"));
        assertThat(pi).isEnded().hasPassed("rectified");
        assertOnlyPlainVariables(pi);
    }

    // ---------------------------------------------------------------- helpers

    /**
     * The task's overdue timer fires at its due date and not before, records the overdue task once, and the
     * task stays where it was.
     */
    void assertOverdueRecordedOnce(ProcessInstance pi, String taskKey, String timerId, String recordId,
            String recordedId, Date due) {
        Task waiting = task(pi);
        assertThat(waiting).hasDefinitionKey(taskKey);
        assertThat(waiting.getDueDate()).hasSameTimeAs(due);
        assertThat(timer(pi, timerId).getDuedate()).hasSameTimeAs(due);
        int before = calls.size();

        ClockUtil.setCurrentTime(new Date(due.getTime() - 1));
        assertThat(executeDueJobs(pi)).isZero();
        assertThat(pi).hasNotPassed(timerId);
        ClockUtil.setCurrentTime(due);
        assertThat(executeDueJobs(pi)).isEqualTo(1);

        assertThat(calls.subList(before, calls.size())).extracting(Call::signature)
                .containsExactly("tenderWorkflow.recordOverdue@" + recordId);
        assertThat(calls.get(calls.size() - 1).variables())
                .containsEntry("evaluationId", EVALUATION_ID)
                .containsEntry("contractId", CONTRACT_ID);
        assertThat(pi).isWaitingAt(taskKey).hasPassedInOrder(timerId, recordId, recordedId);
        assertThat(task(pi).getId()).isEqualTo(waiting.getId());
        assertThat(jobs(pi)).isEmpty();

        ClockUtil.setCurrentTime(inDays(due, 30));
        assertThat(executeDueJobs(pi)).isZero();
        assertThat(passes(pi, recordId)).isEqualTo(1);
    }

    /** Starts the evaluation of a period; the evidence has just been asked for. */
    ProcessInstance start(boolean finalPeriod) {
        ProcessInstance pi = extension.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY, BUSINESS_KEY, withVariables(
                "contractId", CONTRACT_ID,
                "evaluationId", EVALUATION_ID,
                "tenderId", TENDER_ID,
                "unitId", UNIT_ID,
                "vendorUser", VENDOR,
                "finalPeriod", finalPeriod));
        assertThat(pi).isStarted().isWaitingAt(finalPeriod ? "opinionPeriodEnds" : "scoreIndicators");
        return pi;
    }

    /** A period that is not the final one, scored, reviewed and signed off at once with this total score. */
    ProcessInstance signedOff(double score) {
        performance.score = score;
        ProcessInstance pi = start(false);
        complete(task(pi));
        complete(task(pi), withVariables("reviewDecision", "APPROVE"));
        complete(task(pi), withVariables("signOffDecision", "SIGN"));
        return pi;
    }

    Object historicVariable(ProcessInstance pi, String name) {
        return extension.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(pi.getId()).variableName(name).singleResult().getValue();
    }

    /** The type of each variable the instance has had, by name (history is full). */
    Map<String, String> historicVariableTypes(ProcessInstance pi) {
        return extension.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(pi.getId()).disableBinaryFetching().disableCustomObjectDeserialization().list().stream()
                .collect(Collectors.toMap(HistoricVariableInstance::getName, HistoricVariableInstance::getTypeName));
    }

    /**
     * No variable of this instance holds a map or any other (serialized) object, now or at any time of the run:
     * every variable the history has seen, every value ever written to one, and every variable still on the
     * instance has one of the plain types.
     */
    void assertOnlyPlainVariables(ProcessInstance pi) {
        List<HistoricVariableInstance> variables = extension.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(pi.getId()).disableBinaryFetching().disableCustomObjectDeserialization().list();
        assertThat(variables).as("variables of the run").isNotEmpty();
        assertThat(variables).allSatisfy(v -> {
            assertThat(v.getTypeName()).as("type of variable %s", v.getName()).isIn(PLAIN_TYPES);
            assertThat(v.getValue()).as("value of variable %s", v.getName())
                    .isNotInstanceOf(Map.class).isNotInstanceOf(Collection.class);
        });
        List<HistoricDetail> updates = extension.getHistoryService().createHistoricDetailQuery()
                .processInstanceId(pi.getId()).variableUpdates().disableBinaryFetching().disableCustomObjectDeserialization().list();
        assertThat(updates).as("variable updates of the run").isNotEmpty();
        assertThat(updates).allSatisfy(d -> {
            HistoricVariableUpdate update = (HistoricVariableUpdate) d;
            assertThat(update.getTypeName()).as("type written to variable %s", update.getVariableName()).isIn(PLAIN_TYPES);
        });
        assertThat(extension.getRuntimeService().createVariableInstanceQuery().processInstanceIdIn(pi.getId())
                .disableBinaryFetching().disableCustomObjectDeserialization().list())
                .allSatisfy(v -> assertThat(v.getTypeName()).as("type of variable %s", v.getName()).isIn(PLAIN_TYPES));
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
     * Stands in for the "performanceWorkflow" CDI bean. Every call is recorded. Like the real one,
     * prepareDecision sets the total score (scripted by each test: by default reading it fails the test),
     * readDecision, the end listener of the decision task, copies the decision's single result from the transient
     * "decisionResult" into the plain variables share, rectification, failing and band, and applyConsequences
     * reads those four; the end of the opinion period and the rectification deadline are the evaluation's, here
     * dates a test may move.
     */
    public static class StandInPerformanceWorkflow extends Recording {
        Double score;
        Date opinionsUntil = OPINIONS_UNTIL;
        Date rectificationDue = RECTIFICATION_DUE;
        /** The engine clock when closeOpinions was called. */
        Date opinionsClosedAt;
        /** What readDecision found in the decision's single result. */
        Map<String, Object> decided;
        /** What applyConsequences would hand to PerformanceService. */
        PerformanceService.Decision applied;

        StandInPerformanceWorkflow(List<Call> calls) {
            super("performanceWorkflow", calls);
        }

        public void collectEvidence(DelegateExecution execution) {
            record("collectEvidence", execution);
        }

        public void inviteOpinions(DelegateExecution execution) {
            record("inviteOpinions", execution);
        }

        public Date opinionsUntil(DelegateExecution execution) {
            record("opinionsUntil", execution);
            return opinionsUntil;
        }

        public void closeOpinions(DelegateExecution execution) {
            record("closeOpinions", execution);
            opinionsClosedAt = ClockUtil.getCurrentTime();
        }

        public void prepareDecision(DelegateExecution execution) {
            record("prepareDecision", execution);
            if (score == null) {
                throw new AssertionError("the test did not say what the total score is");
            }
            execution.setVariable("score", score.doubleValue());
        }

        /** As PerformanceWorkflow.readDecision. */
        public void readDecision(DelegateExecution execution) {
            record("readDecision", execution);
            DmnDecisionResult r = (DmnDecisionResult) execution.getVariable("decisionResult");
            Map<String, Object> d = r.getSingleResult().getEntryMap();
            decided = new HashMap<>(d);
            execution.setVariable("share", ((Number) d.get("share")).doubleValue());
            execution.setVariable("rectification", Boolean.TRUE.equals(d.get("rectification")));
            execution.setVariable("failing", Boolean.TRUE.equals(d.get("failing")));
            execution.setVariable("band", String.valueOf(d.get("band")));
        }

        /** Reads the four plain variables as PerformanceWorkflow.applyConsequences does. */
        public void applyConsequences(DelegateExecution execution) {
            record("applyConsequences", execution);
            BigDecimal share = new BigDecimal(String.valueOf(((Number) execution.getVariable("share")).doubleValue()));
            applied = new PerformanceService.Decision(share,
                    Boolean.TRUE.equals(execution.getVariable("rectification")), Boolean.TRUE.equals(execution.getVariable("failing")),
                    String.valueOf(execution.getVariable("band")));
        }

        public Date rectificationDue(DelegateExecution execution) {
            record("rectificationDue", execution);
            return rectificationDue;
        }

        public void rectificationOverdue(DelegateExecution execution) {
            record("rectificationOverdue", execution);
        }

        public void rectificationPassed(DelegateExecution execution) {
            record("rectificationPassed", execution);
        }

        public void renewRectification(DelegateExecution execution) {
            record("renewRectification", execution);
        }
    }
}
