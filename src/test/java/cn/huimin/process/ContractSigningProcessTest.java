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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Walks every path and every timer of the signing of a contract once the award stands: the award
 * checked (cancelled, blocked and checked again on a timer, or free), the contract drafted, the
 * purchaser's and then the vendor's signature (the vendor may return the draft to the purchaser),
 * publication and the start of the service term. Each signature has a non-interrupting timer at
 * its due date that escalates to the head, whose follow-up task has its own overdue timer. The
 * "contractWorkflow" bean is replaced by a stand-in whose answers each test scripts; timers are
 * driven with the engine clock.
 */
@Deployment(resources = "processes/contract-signing.bpmn")
public class ContractSigningProcessTest {

    static final String PROCESS_KEY = "contract-signing";
    static final String BUSINESS_KEY = "42/1";
    static final long AWARD_ID = 901L;
    static final long TENDER_ID = 42L;
    static final long UNIT_ID = 3L;
    static final long LOT_ID = 421L;
    static final long CONTRACT_ID = 3001L;
    static final String VENDOR = "acme.vendor";
    /** Monday 2 March 2026, 09:00 Shanghai time: the award has just become standing. */
    static final Date NOW = TenderPreparationProcessTest.NOW;
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** The contract is to be signed by the end of Wednesday 1 April 2026 (30 days after the award), Shanghai time. */
    static final Date SIGN_DUE = Date.from(ZonedDateTime.of(2026, 4, 1, 23, 59, 59, 0, SHANGHAI).toInstant());
    /** The officer signs for the purchaser on Tuesday 10 March 2026 at 10:00. */
    static final Date PURCHASER_SIGNED_AT = Date.from(ZonedDateTime.of(2026, 3, 10, 10, 0, 0, 0, SHANGHAI).toInstant());

    /** What the stand-in is asked for while the process builds due dates and timers. */
    static final Set<String> QUERIES = Set.of("signDue", "recheckAt");

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder()
            .configurationResource("camunda.cfg.xml")
            .build();

    final List<Call> calls = new ArrayList<>();
    StandInContractWorkflow contract;
    StandInDeadlines deadlines;

    @BeforeEach
    void setUp() {
        AbstractAssertions.init(extension.getProcessEngine());
        ClockUtil.setCurrentTime(NOW);
        contract = new StandInContractWorkflow(calls);
        deadlines = new StandInDeadlines();
        Mocks.register("contractWorkflow", contract);
        Mocks.register("tenderWorkflow", new StandInTenderWorkflow(calls));
        Mocks.register("taskDeadlines", deadlines);
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        Mocks.reset();
        AbstractAssertions.reset();
    }

    // ---------------------------------------------------------------- the award

    @Test
    void aFreeAwardIsDraftedAndTheOfficerSignsFirstByTheSigningDate() {
        ProcessInstance pi = start();

        assertThat(pi).isWaitingAt("signContractPurchaser")
                .hasPassedInOrder("awardStanding", "checkAward", "awardFreeGateway", "draftContract", "signingJoin")
                .hasNotPassed("checkAgain", "awardCancelled");
        assertThat(actions()).containsExactly(
                "contractWorkflow.checkAward@checkAward",
                "contractWorkflow.draft@draftContract");
        assertThat(action("checkAward").variables())
                .containsEntry("awardId", AWARD_ID)
                .containsEntry("tenderId", TENDER_ID)
                .containsEntry("unitId", UNIT_ID)
                .containsEntry("lotId", LOT_ID)
                .containsEntry("vendorUser", VENDOR);
        assertThat(action("draft").variables())
                .containsEntry("awardBlocked", false)
                .containsEntry("awardCancelled", false)
                .doesNotContainKey("contractId");
        assertThat(pi).variables().containsEntry("contractId", CONTRACT_ID);

        Task sign = task(pi);
        assertThat(sign).hasDefinitionKey("signContractPurchaser").hasName("Sign the contract for the purchaser")
                .hasCandidateGroup("officer").isNotAssigned();
        assertThat(candidateGroups(sign)).containsExactly("officer");
        assertThat(sign.getDueDate()).hasSameTimeAs(SIGN_DUE);
        assertThat(jobs(pi)).singleElement()
                .satisfies(timer -> assertThat(timer.getDuedate()).hasSameTimeAs(SIGN_DUE));
        assertThat(timer(pi, "purchaserSigningOverdue").getDuedate()).hasSameTimeAs(SIGN_DUE);
        // the due date and the timer both come from the contract, asked for with its id
        assertThat(queries("signDue")).hasSize(2).allSatisfy(c -> assertThat(c.variables())
                .containsEntry("contractId", CONTRACT_ID)
                .containsEntry("awardId", AWARD_ID));
        assertThat(queries("recheckAt")).isEmpty();
        assertThat(deadlines.requestedDays).isEmpty();

        ClockUtil.setCurrentTime(new Date(SIGN_DUE.getTime() - 1));
        assertThat(executeDueJobs(pi)).isZero();
        assertThat(pi).isWaitingAt("signContractPurchaser").hasNotPassed("purchaserSigningOverdue");
        assertThat(actions()).hasSize(2);
    }

    @ParameterizedTest(name = "blocked {0}")
    @CsvSource({"false", "true"})
    void aCancelledAwardEndsWithoutAContractWhetherBlockedOrNot(boolean blocked) {
        contract.awardStates.add(blocked ? AwardState.CANCELLED_AND_BLOCKED : AwardState.CANCELLED);

        ProcessInstance pi = extension.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY, BUSINESS_KEY, startVariables());

        assertThat(pi).isEnded()
                .hasPassedInOrder("awardStanding", "checkAward", "awardFreeGateway", "awardCancelled")
                .hasNotPassed("checkAgain", "draftContract", "signingJoin", "signContractPurchaser");
        assertThat(actions()).containsExactly("contractWorkflow.checkAward@checkAward");
        assertThat(calls).hasSize(1);
        assertThat(jobs(pi)).isEmpty();
        assertThat(extension.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(pi.getId()).variableName("contractId").count()).isZero();
    }

    @Test
    void aBlockedAwardIsCheckedAgainOnTheTimerUntilItIsFree() {
        contract.awardStates.addAll(List.of(AwardState.BLOCKED, AwardState.BLOCKED, AwardState.FREE));
        Date firstRecheck = inDays(NOW, 1);

        ProcessInstance pi = extension.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY, BUSINESS_KEY, startVariables());

        assertThat(pi).isWaitingAt("checkAgain")
                .hasPassedInOrder("awardStanding", "checkAward", "awardFreeGateway")
                .hasNotPassed("draftContract", "awardCancelled", "signContractPurchaser");
        assertThat(tasks(pi)).isEmpty();
        assertThat(jobs(pi)).singleElement()
                .satisfies(timer -> assertThat(timer.getDuedate()).hasSameTimeAs(firstRecheck));
        assertThat(timer(pi, "checkAgain").getDuedate()).hasSameTimeAs(firstRecheck);
        assertThat(queries("recheckAt")).singleElement().satisfies(c -> assertThat(c.variables())
                .containsEntry("awardId", AWARD_ID)
                .containsEntry("awardBlocked", true)
                .containsEntry("awardCancelled", false));
        assertThat(actions()).containsExactly("contractWorkflow.checkAward@checkAward");

        ClockUtil.setCurrentTime(new Date(firstRecheck.getTime() - 1));
        assertThat(executeDueJobs(pi)).isZero();
        assertThat(passes(pi, "checkAward")).isEqualTo(1);

        // still blocked on the next day: another check is due a day later
        ClockUtil.setCurrentTime(firstRecheck);
        assertThat(executeDueJobs(pi)).isEqualTo(1);
        Date secondRecheck = inDays(firstRecheck, 1);
        assertThat(pi).isWaitingAt("checkAgain").hasNotPassed("draftContract");
        assertThat(passes(pi, "checkAward")).isEqualTo(2);
        assertThat(passes(pi, "checkAgain")).isEqualTo(2);
        assertThat(jobs(pi)).singleElement()
                .satisfies(timer -> assertThat(timer.getDuedate()).hasSameTimeAs(secondRecheck));

        // free at last: the contract is drafted and goes to the officer
        ClockUtil.setCurrentTime(secondRecheck);
        assertThat(executeDueJobs(pi)).isEqualTo(1);

        assertThat(pi).isWaitingAt("signContractPurchaser")
                .hasPassedInOrder("checkAgain", "checkAward", "awardFreeGateway", "draftContract", "signingJoin")
                .hasNotPassed("awardCancelled");
        assertThat(passes(pi, "checkAward")).isEqualTo(3);
        assertThat(actions()).containsExactly(
                "contractWorkflow.checkAward@checkAward",
                "contractWorkflow.checkAward@checkAward",
                "contractWorkflow.checkAward@checkAward",
                "contractWorkflow.draft@draftContract");
        assertThat(queries("recheckAt")).hasSize(2);
        assertThat(task(pi)).hasDefinitionKey("signContractPurchaser").hasCandidateGroup("officer");
        assertThat(jobs(pi)).singleElement()
                .satisfies(timer -> assertThat(timer.getDuedate()).hasSameTimeAs(SIGN_DUE));
    }

    @Test
    void anAwardCancelledWhileBlockedEndsOnTheNextCheck() {
        contract.awardStates.addAll(List.of(AwardState.BLOCKED, AwardState.CANCELLED));
        ProcessInstance pi = extension.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY, BUSINESS_KEY, startVariables());
        assertThat(pi).isWaitingAt("checkAgain");

        ClockUtil.setCurrentTime(inDays(NOW, 1));
        assertThat(executeDueJobs(pi)).isEqualTo(1);

        assertThat(pi).isEnded()
                .hasPassedInOrder("checkAgain", "awardCancelled")
                .hasNotPassed("draftContract", "signContractPurchaser");
        assertThat(passes(pi, "checkAward")).isEqualTo(2);
        assertThat(actions()).containsExactly(
                "contractWorkflow.checkAward@checkAward",
                "contractWorkflow.checkAward@checkAward");
        assertThat(jobs(pi)).isEmpty();
    }

    // ---------------------------------------------------------------- the signatures

    @Test
    void thePurchaserSignsThenTheVendorAndTheContractIsPublishedAndItsTermStarted() {
        Date vendorSignDue = inDays(SIGN_DUE, 5);
        ProcessInstance pi = start();
        ClockUtil.setCurrentTime(PURCHASER_SIGNED_AT);
        contract.signDue = vendorSignDue;

        complete(task(pi));

        assertThat(pi).isWaitingAt("signContractVendor")
                .hasPassedInOrder("signingJoin", "signContractPurchaser")
                .hasNotPassed("vendorSignedGateway", "purchaserSigningOverdue", "publishContract");
        Task sign = task(pi);
        assertThat(sign).hasDefinitionKey("signContractVendor").hasName("Sign the contract for the vendor")
                .isAssignedTo(VENDOR);
        assertThat(candidateGroups(sign)).isEmpty();
        assertThat(sign.getDueDate()).hasSameTimeAs(vendorSignDue);
        // the purchaser's timer went with its task; the vendor's is due with the vendor's task
        assertThat(jobs(pi)).singleElement()
                .satisfies(timer -> assertThat(timer.getDuedate()).hasSameTimeAs(vendorSignDue));
        assertThat(timer(pi, "vendorSigningOverdue").getDuedate()).hasSameTimeAs(vendorSignDue);
        assertThat(queries("signDue")).hasSize(4);
        assertThat(actions()).containsExactly(
                "contractWorkflow.checkAward@checkAward",
                "contractWorkflow.draft@draftContract");

        complete(task(pi), withVariables("contractDecision", "SIGN"));

        assertThat(pi).isEnded()
                .hasPassedInOrder("signContractPurchaser", "signContractVendor", "vendorSignedGateway",
                        "publishContract", "startTerm", "contractPublished")
                .hasNotPassed("vendorSigningOverdue", "escalatePurchaserSigning", "escalateVendorSigning",
                        "followUpContract", "followUpVendorSigning");
        assertThat(actions()).containsExactly(
                "contractWorkflow.checkAward@checkAward",
                "contractWorkflow.draft@draftContract",
                "contractWorkflow.publish@publishContract",
                "contractWorkflow.startTerm@startTerm");
        assertThat(action("publish").variables())
                .containsEntry("contractId", CONTRACT_ID)
                .containsEntry("awardId", AWARD_ID)
                .containsEntry("contractDecision", "SIGN");
        assertThat(action("startTerm").variables())
                .containsEntry("contractId", CONTRACT_ID)
                .containsEntry("tenderId", TENDER_ID)
                .containsEntry("unitId", UNIT_ID)
                .containsEntry("vendorUser", VENDOR);
        assertThat(jobs(pi)).isEmpty();
        assertThat(deadlines.requestedDays).isEmpty();
    }

    @Test
    void theVendorReturnsTheDraftToThePurchaserWhoSignsAgain() {
        ProcessInstance pi = start();
        ClockUtil.setCurrentTime(PURCHASER_SIGNED_AT);
        complete(task(pi));

        complete(task(pi), withVariables("contractDecision", "RETURN"));

        assertThat(pi).isWaitingAt("signContractPurchaser")
                .hasPassedInOrder("signContractPurchaser", "signContractVendor", "vendorSignedGateway", "signingJoin")
                .hasNotPassed("publishContract", "startTerm", "contractPublished");
        assertThat(passes(pi, "signingJoin")).isEqualTo(2);
        assertThat(passes(pi, "signContractPurchaser")).isEqualTo(2);
        Task again = task(pi);
        assertThat(again).hasCandidateGroup("officer").isNotAssigned();
        assertThat(again.getDueDate()).hasSameTimeAs(SIGN_DUE);
        assertThat(jobs(pi)).singleElement()
                .satisfies(timer -> assertThat(timer.getDuedate()).hasSameTimeAs(SIGN_DUE));
        assertThat(actions()).containsExactly(
                "contractWorkflow.checkAward@checkAward",
                "contractWorkflow.draft@draftContract");
        // the award is not checked again and the contract not drafted again
        assertThat(passes(pi, "checkAward")).isEqualTo(1);
        assertThat(passes(pi, "draftContract")).isEqualTo(1);

        complete(task(pi));
        assertThat(pi).isWaitingAt("signContractVendor");
        assertThat(task(pi)).isAssignedTo(VENDOR);
        complete(task(pi), withVariables("contractDecision", "SIGN"));

        assertThat(pi).isEnded().hasPassed("publishContract", "startTerm", "contractPublished");
        assertThat(passes(pi, "signContractVendor")).isEqualTo(2);
        assertThat(actions()).containsExactly(
                "contractWorkflow.checkAward@checkAward",
                "contractWorkflow.draft@draftContract",
                "contractWorkflow.publish@publishContract",
                "contractWorkflow.startTerm@startTerm");
        assertThat(jobs(pi)).isEmpty();
    }

    @Test
    void aVendorAnswerWithoutAKnownDecisionIsRefusedAndTheTaskStaysOpen() {
        ProcessInstance pi = start();
        complete(task(pi));
        String taskId = task(pi).getId();

        assertThatThrownBy(() -> extension.getTaskService().complete(taskId, withVariables("contractDecision", "MAYBE")))
                .isInstanceOf(ProcessEngineException.class);
        assertThatThrownBy(() -> extension.getTaskService().complete(taskId))
                .isInstanceOf(ProcessEngineException.class);

        assertThat(pi).isWaitingAt("signContractVendor").hasNotPassed("publishContract", "vendorSignedGateway");
        assertThat(task(pi).getId()).isEqualTo(taskId);
        assertThat(calls).extracting(Call::method).doesNotContain("publish", "startTerm");
    }

    // ---------------------------------------------------------------- overdue signatures

    @Test
    void anOverduePurchaserSignatureIsEscalatedToTheHeadWhileTheOfficerKeepsTheTask() {
        ProcessInstance pi = start();
        String signId = task(pi).getId();

        ClockUtil.setCurrentTime(SIGN_DUE);
        assertThat(executeDueJobs(pi)).isEqualTo(1);

        assertThat(pi).isWaitingAt("signContractPurchaser", "followUpContract")
                .hasPassedInOrder("purchaserSigningOverdue", "escalatePurchaserSigning")
                .hasNotPassed("contractSigningFollowedUp", "signContractVendor");
        assertThat(actions()).containsExactly(
                "contractWorkflow.checkAward@checkAward",
                "contractWorkflow.draft@draftContract",
                "contractWorkflow.escalate@escalatePurchaserSigning");
        assertThat(action("escalate").variables())
                .containsEntry("contractId", CONTRACT_ID)
                .containsEntry("awardId", AWARD_ID);
        // the officer keeps the signing task
        Task sign = task("signContractPurchaser", pi);
        assertThat(sign.getId()).isEqualTo(signId);
        assertThat(sign).hasCandidateGroup("officer").isNotAssigned();
        // the head follows the signing up within two working days
        Task followUp = task("followUpContract", pi);
        assertThat(followUp).hasName("Follow up the contract signing").hasCandidateGroup("head").isNotAssigned();
        assertThat(candidateGroups(followUp)).containsExactly("head");
        assertThat(followUp.getDueDate()).hasSameTimeAs(inDays(SIGN_DUE, 2));
        assertThat(deadlines.requestedDays).containsExactly(2, 2);
        assertThat(jobs(pi)).singleElement().satisfies(timer -> {
            assertThat(timer.getDuedate()).hasSameTimeAs(inDays(SIGN_DUE, 2));
            assertThat(timer.getId()).isEqualTo(timer(pi, "followUpContractOverdue").getId());
        });

        // the signing is escalated once
        ClockUtil.setCurrentTime(new Date(inDays(SIGN_DUE, 2).getTime() - 1));
        assertThat(executeDueJobs(pi)).isZero();
        assertThat(passes(pi, "escalatePurchaserSigning")).isEqualTo(1);

        // the head follows up; the signing goes on
        complete(followUp);
        assertThat(pi).isWaitingAt("signContractPurchaser")
                .hasPassedInOrder("escalatePurchaserSigning", "followUpContract", "contractSigningFollowedUp");
        assertThat(jobs(pi)).isEmpty();

        Date vendorSignDue = inDays(ClockUtil.getCurrentTime(), 5);
        contract.signDue = vendorSignDue;
        complete(task(pi));
        complete(task(pi), withVariables("contractDecision", "SIGN"));
        assertThat(pi).isEnded().hasPassed("publishContract", "startTerm", "contractPublished", "contractSigningFollowedUp")
                .hasNotPassed("followUpContractOverdue", "vendorSigningOverdue");
    }

    @Test
    void anOverdueFollowUpIsRecordedOnceAndTheHeadKeepsTheTask() {
        ProcessInstance pi = start();
        ClockUtil.setCurrentTime(SIGN_DUE);
        assertThat(executeDueJobs(pi)).isEqualTo(1);
        String followUpId = task("followUpContract", pi).getId();
        Date followUpDue = inDays(SIGN_DUE, 2);

        ClockUtil.setCurrentTime(followUpDue);
        assertThat(executeDueJobs(pi)).isEqualTo(1);

        assertThat(actions()).containsExactly(
                "contractWorkflow.checkAward@checkAward",
                "contractWorkflow.draft@draftContract",
                "contractWorkflow.escalate@escalatePurchaserSigning",
                "tenderWorkflow.recordOverdue@recordFollowUpContractOverdue");
        assertThat(action("recordOverdue").variables()).containsEntry("contractId", CONTRACT_ID);
        assertThat(pi).isWaitingAt("signContractPurchaser", "followUpContract")
                .hasPassedInOrder("followUpContractOverdue", "recordFollowUpContractOverdue",
                        "followUpContractOverdueRecorded")
                .hasNotPassed("contractSigningFollowedUp");
        assertThat(task("followUpContract", pi).getId()).isEqualTo(followUpId);
        assertThat(jobs(pi)).isEmpty();

        // recorded once: a month later nothing fires again
        ClockUtil.setCurrentTime(inDays(followUpDue, 30));
        assertThat(executeDueJobs(pi)).isZero();
        assertThat(passes(pi, "recordFollowUpContractOverdue")).isEqualTo(1);
        assertThat(passes(pi, "escalatePurchaserSigning")).isEqualTo(1);

        complete(task("followUpContract", pi));
        assertThat(pi).isWaitingAt("signContractPurchaser").hasPassed("contractSigningFollowedUp");
    }

    @Test
    void anOverdueVendorSignatureIsEscalatedToTheHeadWhileTheVendorKeepsTheTask() {
        Date vendorSignDue = inDays(SIGN_DUE, 5);
        ProcessInstance pi = start();
        ClockUtil.setCurrentTime(PURCHASER_SIGNED_AT);
        contract.signDue = vendorSignDue;
        complete(task(pi));
        String signId = task(pi).getId();

        ClockUtil.setCurrentTime(new Date(vendorSignDue.getTime() - 1));
        assertThat(executeDueJobs(pi)).isZero();
        ClockUtil.setCurrentTime(vendorSignDue);
        assertThat(executeDueJobs(pi)).isEqualTo(1);

        assertThat(pi).isWaitingAt("signContractVendor", "followUpVendorSigning")
                .hasPassedInOrder("vendorSigningOverdue", "escalateVendorSigning")
                .hasNotPassed("vendorSigningFollowedUp", "publishContract", "purchaserSigningOverdue",
                        "escalatePurchaserSigning", "followUpContract");
        assertThat(actions()).containsExactly(
                "contractWorkflow.checkAward@checkAward",
                "contractWorkflow.draft@draftContract",
                "contractWorkflow.escalate@escalateVendorSigning");
        Task sign = task("signContractVendor", pi);
        assertThat(sign.getId()).isEqualTo(signId);
        assertThat(sign).isAssignedTo(VENDOR);
        Task followUp = task("followUpVendorSigning", pi);
        assertThat(followUp).hasName("Follow up the contract signing").hasCandidateGroup("head").isNotAssigned();
        assertThat(candidateGroups(followUp)).containsExactly("head");
        Date followUpDue = inDays(vendorSignDue, 2);
        assertThat(followUp.getDueDate()).hasSameTimeAs(followUpDue);
        assertThat(deadlines.requestedDays).containsExactly(2, 2);
        assertThat(jobs(pi)).singleElement().satisfies(timer -> {
            assertThat(timer.getDuedate()).hasSameTimeAs(followUpDue);
            assertThat(timer.getId()).isEqualTo(timer(pi, "followUpVendorSigningOverdue").getId());
        });

        // the follow-up is overdue too: recorded once, the head keeps the task
        ClockUtil.setCurrentTime(new Date(followUpDue.getTime() - 1));
        assertThat(executeDueJobs(pi)).isZero();
        ClockUtil.setCurrentTime(followUpDue);
        assertThat(executeDueJobs(pi)).isEqualTo(1);
        assertThat(pi).isWaitingAt("signContractVendor", "followUpVendorSigning")
                .hasPassedInOrder("followUpVendorSigningOverdue", "recordFollowUpVendorSigningOverdue",
                        "followUpVendorSigningOverdueRecorded");
        assertThat(task("followUpVendorSigning", pi).getId()).isEqualTo(followUp.getId());
        assertThat(actions()).endsWith("tenderWorkflow.recordOverdue@recordFollowUpVendorSigningOverdue");
        assertThat(jobs(pi)).isEmpty();
        ClockUtil.setCurrentTime(inDays(followUpDue, 30));
        assertThat(executeDueJobs(pi)).isZero();
        assertThat(passes(pi, "recordFollowUpVendorSigningOverdue")).isEqualTo(1);
        assertThat(passes(pi, "escalateVendorSigning")).isEqualTo(1);

        // the vendor signs late: the contract is published, but the process waits for the head's follow-up
        complete(task("signContractVendor", pi), withVariables("contractDecision", "SIGN"));
        assertThat(pi).isNotEnded().isWaitingAt("followUpVendorSigning")
                .hasPassed("publishContract", "startTerm", "contractPublished");
        complete(task("followUpVendorSigning", pi));
        assertThat(pi).isEnded().hasPassed("vendorSigningFollowedUp");
        assertThat(actions()).containsExactly(
                "contractWorkflow.checkAward@checkAward",
                "contractWorkflow.draft@draftContract",
                "contractWorkflow.escalate@escalateVendorSigning",
                "tenderWorkflow.recordOverdue@recordFollowUpVendorSigningOverdue",
                "contractWorkflow.publish@publishContract",
                "contractWorkflow.startTerm@startTerm");
    }

    @Test
    void aReturnedDraftGetsAFreshSigningTimerForThePurchaser() {
        Date vendorSignDue = inDays(SIGN_DUE, 5);
        Date secondSignDue = inDays(SIGN_DUE, 10);
        ProcessInstance pi = start();
        ClockUtil.setCurrentTime(PURCHASER_SIGNED_AT);
        contract.signDue = vendorSignDue;
        complete(task(pi));
        contract.signDue = secondSignDue;

        complete(task(pi), withVariables("contractDecision", "RETURN"));

        assertThat(task(pi)).hasDefinitionKey("signContractPurchaser");
        assertThat(task(pi).getDueDate()).hasSameTimeAs(secondSignDue);
        assertThat(timer(pi, "purchaserSigningOverdue").getDuedate()).hasSameTimeAs(secondSignDue);
        assertThat(jobs(pi)).hasSize(1);

        // the old dates pass without an escalation
        ClockUtil.setCurrentTime(vendorSignDue);
        assertThat(executeDueJobs(pi)).isZero();
        ClockUtil.setCurrentTime(secondSignDue);
        assertThat(executeDueJobs(pi)).isEqualTo(1);
        assertThat(pi).isWaitingAt("signContractPurchaser", "followUpContract");
        assertThat(passes(pi, "escalatePurchaserSigning")).isEqualTo(1);
        assertThat(passes(pi, "escalateVendorSigning")).isZero();
    }

    // ---------------------------------------------------------------- helpers

    Map<String, Object> startVariables() {
        return withVariables(
                "awardId", AWARD_ID,
                "tenderId", TENDER_ID,
                "unitId", UNIT_ID,
                "lotId", LOT_ID,
                "vendorUser", VENDOR);
    }

    /** Starts the signing of a free award: the contract is drafted and waits for the officer's signature. */
    ProcessInstance start() {
        ProcessInstance pi = extension.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY, BUSINESS_KEY, startVariables());
        assertThat(pi).isStarted().isWaitingAt("signContractPurchaser");
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

    /** What the award looks like when it is checked. */
    enum AwardState {
        FREE(false, false), BLOCKED(true, false), CANCELLED(false, true), CANCELLED_AND_BLOCKED(true, true);

        final boolean blocked;
        final boolean cancelled;

        AwardState(boolean blocked, boolean cancelled) {
            this.blocked = blocked;
            this.cancelled = cancelled;
        }
    }

    /**
     * Stands in for the "contractWorkflow" CDI bean. Every call is recorded. Like the real one, checking the
     * award sets awardBlocked and awardCancelled (the states each test scripts, in order; free when none is
     * left), drafting sets contractId; the signing date is the contract's, here a date each test may move,
     * and a blocked award is checked again a day later.
     */
    public static class StandInContractWorkflow extends Recording {
        final Deque<AwardState> awardStates = new ArrayDeque<>();
        Date signDue = SIGN_DUE;

        StandInContractWorkflow(List<Call> calls) {
            super("contractWorkflow", calls);
        }

        public void checkAward(DelegateExecution execution) {
            record("checkAward", execution);
            AwardState state = awardStates.isEmpty() ? AwardState.FREE : awardStates.poll();
            execution.setVariable("awardBlocked", state.blocked);
            execution.setVariable("awardCancelled", state.cancelled);
        }

        public Date recheckAt(DelegateExecution execution) {
            record("recheckAt", execution);
            return inDays(ClockUtil.getCurrentTime(), 1);
        }

        public void draft(DelegateExecution execution) {
            record("draft", execution);
            execution.setVariable("contractId", CONTRACT_ID);
        }

        public Date signDue(DelegateExecution execution) {
            record("signDue", execution);
            return signDue;
        }

        public void escalate(DelegateExecution execution) {
            record("escalate", execution);
        }

        public void publish(DelegateExecution execution) {
            record("publish", execution);
        }

        public void startTerm(DelegateExecution execution) {
            record("startTerm", execution);
        }
    }
}
