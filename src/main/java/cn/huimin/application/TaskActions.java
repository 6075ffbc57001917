package cn.huimin.application;

import cn.huimin.domain.model.user.Role;
import cn.huimin.process.Bootstrap;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.util.*;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * The inbox: a user's own tasks and the unclaimed tasks of the groups (roles) he belongs to. A task is claimed by
 * one person; only that person completes it; completing writes the domain change and moves the process in one
 * transaction.
 */
@Stateless
@DeclareRoles({Role.ADMIN, Role.OFFICER, Role.HEAD, Role.FINANCE, Role.SUPERVISOR, Role.VENDOR, Role.EXPERT, Role.EVALUATOR, Role.STATION})
@RolesAllowed({Role.ADMIN, Role.OFFICER, Role.HEAD, Role.FINANCE, Role.SUPERVISOR, Role.VENDOR, Role.EXPERT, Role.EVALUATOR, Role.STATION})
public class TaskActions {
    public static final Set<String> DECISIONS = Set.of("APPROVE", "RETURN", "REJECT");

    @EJB
    Bootstrap bootstrap;

    @EJB
    Callers callers;

    @EJB
    TenderService tenders;

    @EJB
    AuditLog audit;

    @EJB
    VendorService vendors;

    @EJB
    EnquiryService enquiries;

    @EJB
    OpeningService openings;

    @EJB
    EvaluationService evaluations;

    @EJB
    AwardService awards;

    @EJB
    ChallengeService challenges;

    @EJB
    ContractService contracts;

    @EJB
    PerformanceService performance;

    @EJB
    SingleSourceService singleSource;

    public List<TaskRow> inbox(int first, int size, String sortField, boolean ascending) {
        TaskQuery q = query(callers.current());
        switch (sortField == null ? "" : sortField) {
            case "name" -> q.orderByTaskName();
            case "due" -> q.orderByDueDate();
            default -> q.orderByTaskCreateTime();
        }
        if (ascending) {
            q.asc();
        } else {
            q.desc();
        }
        List<Task> tasks = q.listPage(Math.max(0, first), Math.min(Math.max(1, size), 100));
        List<TaskRow> rows = new ArrayList<>();
        for (Task t : tasks) {
            rows.add(describe(t));
        }
        return rows;
    }

    public long inboxCount() {
        return query(callers.current()).count();
    }

    private TaskQuery query(Caller c) {
        TaskQuery q = engine().getTaskService().createTaskQuery().active()
                .or().taskAssignee(c.username());
        if (!c.roles().isEmpty()) {
            q = q.taskCandidateGroupIn(new ArrayList<>(groups(c)));
        }
        return q.endOr();
    }

    /** The task, if the caller may see it: assignee, or a member of a candidate group while it is unclaimed. */
    public TaskRow get(String taskId) {
        Caller c = callers.current();
        return describe(visible(taskId, c));
    }

    public void claim(String taskId) {
        Caller c = callers.current();
        Task t = visible(taskId, c);
        if (t.getAssignee() != null) {
            return; // visible() lets through only the caller's own claim or an unclaimed task
        }
        try {
            engine().getTaskService().claim(taskId, c.username());
        } catch (OptimisticLockingException | org.camunda.bpm.engine.TaskAlreadyClaimedException e) {
            throw AppException.conflict("task.claimedByOther", "?");
        }
        audit.record(c.username(), "TASK_CLAIMED", "task", taskId, null, Map.of("step", t.getTaskDefinitionKey()));
    }

    public void unclaim(String taskId) {
        Caller c = callers.current();
        Task t = actionable(taskId, c);
        engine().getTaskService().setAssignee(t.getId(), null);
        audit.record(c.username(), "TASK_RELEASED", "task", taskId, null, Map.of("step", t.getTaskDefinitionKey()));
    }

    /**
     * Completes a decision task. decision: APPROVE / RETURN / REJECT (head), APPROVE / RETURN (finance), APPROVE /
     * REJECT (change). Returning or rejecting needs a comment. reviseTender is completed by resubmitting the tender.
     */
    public void complete(String taskId, String decision, String comment) {
        complete(taskId, decision, comment, Map.of());
    }

    /**
     * As above, with the details some steps need: proposeFailedLots takes "lot.&lt;id&gt;" → RETENDER / CONSULTATION /
     * SINGLE_SOURCE. answerEnquiry takes ANSWER, or AMEND when the answer changes the tender (an amendment for the
     * head); the answer text is the comment.
     */
    public void complete(String taskId, String decision, String comment, Map<String, String> details) {
        Caller c = callers.current();
        Task t = actionable(taskId, c);
        String key = t.getTaskDefinitionKey();
        List<Violation> v = new ArrayList<>();
        Set<String> allowed = switch (key) {
            case "approveTender" -> Set.of("APPROVE", "RETURN", "REJECT");
            case "approveTenderFinance" -> Set.of("APPROVE", "RETURN");
            case "approveTenderChange" -> Set.of("APPROVE", "REJECT");
            case "reviseTender" -> Set.of("SUBMIT");
            case "verifyVendor" -> Set.of("VERIFY", "RETURN");
            case "answerEnquiry" -> Set.of("ANSWER", "AMEND");
            case "signOpening" -> Set.of("SIGN");
            case "proposeFailedLots" -> Set.of("PROPOSE");
            case "approveFailedLots" -> Set.of("APPROVE", "RETURN");
            case "requestCommittee" -> Set.of("DRAW");
            case "confirmMembership" -> Set.of("CONFIRM", "RECUSE");
            case "explainPrice" -> Set.of("EXPLAIN");
            case "decideClarifications" -> Set.of("DECIDE");
            case "scoreBids" -> Set.of("SIGN");
            case "signReport" -> Set.of("SIGN", "SIGN_WITH_DISSENT");
            case "followUpReport" -> Set.of("ACKNOWLEDGE");
            case "confirmAward" -> Set.of("CONFIRM", "NEXT_RANKED", "NO_AWARD");
            case "refundSecurities" -> Set.of("REFUNDED");
            case "answerChallenge" -> Set.of("ANSWER");
            case "decideComplaint" -> Set.of("DISMISS", "RE_EVALUATE", "CANCEL_AWARD");
            case "signContractPurchaser" -> Set.of("SIGN");
            case "signContractVendor" -> Set.of("SIGN", "RETURN");
            case "followUpContract", "followUpVendorSigning" -> Set.of("ACKNOWLEDGE");
            case "decideTermination" -> Set.of("TERMINATE", "CONTINUE");
            case "scoreIndicators" -> Set.of("SUBMIT");
            case "reviewEvaluation" -> Set.of("APPROVE", "RETURN");
            case "signOffEvaluation" -> Set.of("SIGN", "RETURN");
            case "rectify" -> Set.of("REPORT");
            case "recheckRectification" -> Set.of("PASSED", "FAILED");
            case "handleObjections" -> Set.of("PROCEED", "STOP");
            case "negotiateSingleSource" -> Set.of("SUBMIT", "FAIL");
            case "confirmOffer" -> Set.of("CONFIRM", "DECLINE");
            case "approveNegotiation" -> Set.of("APPROVE", "RETURN");
            default -> Set.of();
        };
        if (decision == null || !allowed.contains(decision)) {
            v.add(new Violation("decision", "task.decisionUnknown", String.join(", ", allowed)));
        }
        String needsText = decision == null ? null : switch (decision) {
            case "RETURN", "REJECT" -> "task.commentRequired";
            case "RECUSE" -> "evaluation.recusalReasonRequired";
            case "SIGN_WITH_DISSENT" -> "evaluation.dissentRequired";
            case "EXPLAIN" -> "evaluation.explanationRequired";
            case "ACKNOWLEDGE" -> "evaluation.followUpRequired";
            case "TERMINATE", "CONTINUE" -> "contract.terminationReasonRequired";
            case "REPORT" -> "performance.rectificationReportRequired";
            case "FAILED" -> "performance.recheckReasonRequired";
            case "NEXT_RANKED", "NO_AWARD" -> "award.reasonRequired";
            case "ANSWER" -> "answerChallenge".equals(key) ? "challenge.answerRequired" : null; // an enquiry's answer is checked by its service
            case "DISMISS", "RE_EVALUATE", "CANCEL_AWARD" -> "challenge.decisionReasonRequired";
            case "PROCEED", "STOP" -> "objection.replyRequired";
            case "FAIL" -> "negotiation.failureReasonRequired";
            case "DECLINE" -> "negotiation.declineReasonRequired";
            default -> null;
        };
        if (needsText != null && (comment == null || comment.isBlank())) {
            v.add(new Violation("comment", needsText));
        }
        int maxComment = "answerEnquiry".equals(key) ? EnquiryService.MAX_ANSWER
                : Set.of("explainPrice", "answerChallenge").contains(key) ? 8000 : 4000;
        if (comment != null && comment.length() > maxComment) {
            v.add(new Violation("comment", "validation.tooLong", maxComment));
        }
        if (!v.isEmpty()) {
            throw AppException.invalid(v);
        }
        TaskService ts = engine().getTaskService();
        Map<String, Object> vars = ts.getVariables(t.getId(), List.of("tenderId", "changeId", "vendorId", "enquiryId", "committeeId", "awardId", "challengeId", "contractId", "evaluationId"));
        Long contractId = (Long) vars.get("contractId");
        Long evaluationId = (Long) vars.get("evaluationId");
        Long awardId = (Long) vars.get("awardId");
        Long challengeId = (Long) vars.get("challengeId");
        Long committeeId = (Long) vars.get("committeeId");
        Long tenderId = (Long) vars.get("tenderId");
        engine().getIdentityService().setAuthenticatedUserId(c.username());
        try {
            switch (key) {
                case "approveTender" -> {
                    tenders.recordDecision(tenderId, key, decision, comment);
                    ts.complete(t.getId(), Map.of("headDecision", decision));
                }
                case "approveTenderFinance" -> {
                    tenders.recordDecision(tenderId, key, decision, comment);
                    ts.complete(t.getId(), Map.of("financeDecision", decision));
                }
                case "approveTenderChange" -> {
                    tenders.recordChangeDecision((Long) vars.get("changeId"), decision, comment);
                    ts.complete(t.getId(), Map.of("changeDecision", decision));
                }
                case "reviseTender" -> tenders.submit(tenderId, tenders.form(tenderId).getVersion());
                case "verifyVendor" -> {
                    vendors.recordVerification((Long) vars.get("vendorId"), decision, comment);
                    ts.complete(t.getId(), Map.of("verificationDecision", decision));
                }
                case "answerEnquiry" -> {
                    enquiries.answer((Long) vars.get("enquiryId"), comment, "AMEND".equals(decision));
                    ts.complete(t.getId());
                }
                case "signOpening" -> {
                    openings.sign(tenderId);
                    ts.complete(t.getId());
                }
                case "proposeFailedLots" -> {
                    Map<Long, String> actions = new HashMap<>();
                    details.forEach((k, val) -> {
                        if (k.startsWith("lot.")) {
                            try {
                                actions.put(Long.valueOf(k.substring(4)), val);
                            } catch (NumberFormatException e) {
                                throw AppException.invalid(k, "validation.unknownValue");
                            }
                        }
                    });
                    openings.proposeFailedLots(tenderId, actions, comment);
                    ts.complete(t.getId());
                }
                case "approveFailedLots" -> {
                    openings.recordFailedLotsDecision(tenderId, decision, comment);
                    ts.complete(t.getId(), Map.of("failedLotsDecision", decision));
                }
                case "requestCommittee" -> {
                    String reps = details.getOrDefault("purchaserReps", "");
                    evaluations.draw(committeeId, reps.isBlank() ? List.of() : List.of(reps.split(",")));
                    ts.complete(t.getId());
                }
                case "confirmMembership" -> {
                    evaluations.answerInvitation(committeeId, decision, comment);
                    ts.complete(t.getId());
                }
                case "explainPrice" -> {
                    evaluations.explain(committeeId, comment);
                    ts.complete(t.getId());
                }
                case "decideClarifications" -> {
                    evaluations.decideClarifications(committeeId, details);
                    ts.complete(t.getId());
                }
                case "scoreBids" -> {
                    evaluations.signScores(committeeId, details);
                    ts.complete(t.getId());
                }
                case "signReport" -> {
                    evaluations.signReport(committeeId, "SIGN_WITH_DISSENT".equals(decision) ? comment : null);
                    ts.complete(t.getId());
                }
                case "followUpReport" -> {
                    evaluations.recordFollowUp(committeeId, comment);
                    ts.complete(t.getId());
                }
                case "confirmAward" -> {
                    awards.confirm(awardId, decision, comment);
                    ts.complete(t.getId(), Map.of("awardDecision", decision));
                }
                case "refundSecurities" -> {
                    awards.recordRefunds(awardId);
                    ts.complete(t.getId());
                }
                case "answerChallenge" -> {
                    challenges.answer(challengeId, comment);
                    ts.complete(t.getId());
                }
                case "decideComplaint" -> {
                    challenges.decide(challengeId, decision, comment);
                    ts.complete(t.getId());
                }
                case "signContractPurchaser" -> {
                    contracts.signForPurchaser(contractId);
                    ts.complete(t.getId());
                }
                case "signContractVendor" -> {
                    contracts.vendorDecision(contractId, decision, comment);
                    ts.complete(t.getId(), Map.of("contractDecision", decision));
                }
                case "followUpContract", "followUpVendorSigning" -> {
                    contracts.recordFollowUp(contractId, comment);
                    ts.complete(t.getId());
                }
                case "decideTermination" -> {
                    contracts.decideTermination(contractId, decision, comment);
                    ts.complete(t.getId(), Map.of("terminationDecision", decision));
                }
                case "scoreIndicators" -> {
                    performance.score(evaluationId, details, true);
                    ts.complete(t.getId());
                }
                case "reviewEvaluation" -> {
                    performance.review(evaluationId, decision, comment);
                    ts.complete(t.getId(), Map.of("reviewDecision", decision));
                }
                case "signOffEvaluation" -> {
                    performance.signOff(evaluationId, decision, comment);
                    ts.complete(t.getId(), Map.of("signOffDecision", decision));
                }
                case "rectify" -> {
                    performance.reportRectification(evaluationId, comment);
                    ts.complete(t.getId());
                }
                case "recheckRectification" -> {
                    performance.recheck(evaluationId, decision, comment);
                    ts.complete(t.getId(), Map.of("recheckDecision", decision));
                }
                case "handleObjections" -> {
                    singleSource.handleObjections(tenderId, decision, comment);
                    ts.complete(t.getId(), Map.of("objectionDecision", decision));
                }
                case "negotiateSingleSource" -> {
                    if ("SUBMIT".equals(decision)) {
                        Map<Long, String> prices = new HashMap<>();
                        details.forEach((k, val) -> {
                            if (k.startsWith("price.")) {
                                try {
                                    prices.put(Long.valueOf(k.substring(6)), val);
                                } catch (NumberFormatException e) {
                                    throw AppException.invalid(k, "validation.unknownValue");
                                }
                            }
                        });
                        singleSource.record(tenderId, details.get("vendorUscc"), details.get("team"), details.get("minutes"),
                                details.get("negotiatedOn"), prices);
                        ts.complete(t.getId(), Map.of("negotiationDecision", decision, "vendorUser", singleSource.supplierLogin(tenderId)));
                    } else {
                        singleSource.recordFailure(tenderId, comment);
                        ts.complete(t.getId(), Map.of("negotiationDecision", decision, "failureReason", comment.strip()));
                    }
                }
                case "confirmOffer" -> {
                    singleSource.supplierDecision(tenderId, decision, comment);
                    ts.complete(t.getId(), Map.of("offerDecision", decision));
                }
                case "approveNegotiation" -> {
                    singleSource.headDecision(tenderId, decision, comment);
                    ts.complete(t.getId(), Map.of("approvalDecision", decision));
                }
                default -> throw AppException.conflict("task.unknownStep");
            }
        } catch (OptimisticLockingException e) {
            throw AppException.conflict("task.alreadyCompleted");
        } catch (RuntimeException e) {
            AppException app = AppErrors.find(e);
            throw app != null ? app : e;
        } finally {
            engine().getIdentityService().clearAuthentication();
        }
        audit.record(c.username(), "TASK_COMPLETED", "task", taskId, null,
                Map.of("step", key, "decision", decision, "tenderId", String.valueOf(tenderId)));
    }

    /** One process variable of a task the caller may see (ids only). */
    public Object variable(String taskId, String name) {
        visible(taskId, callers.current());
        return engine().getTaskService().getVariable(taskId, name);
    }

    /** History of a process instance: who did which step, when. */
    public List<HistoricTaskInstance> history(String processInstanceId) {
        return engine().getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(processInstanceId)
                .orderByHistoricActivityInstanceStartTime().asc().listPage(0, 200);
    }

    public List<String> activeActivities(String processInstanceId) {
        if (processInstanceId == null) {
            return List.of();
        }
        var pi = engine().getRuntimeService().createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
        return pi == null ? List.of() : engine().getRuntimeService().getActiveActivityIds(processInstanceId);
    }

    public String processDefinitionXml(String processInstanceId) {
        var hpi = engine().getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
        if (hpi == null) {
            return null;
        }
        try (var in = engine().getRepositoryService().getProcessModel(hpi.getProcessDefinitionId())) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private TaskRow describe(Task t) {
        TaskRow r = TaskRow.of(t);
        // one read of the variables a row shows, not one per variable
        Map<String, Object> vars = engine().getTaskService().getVariables(t.getId(), List.of("tenderId", "contractId", "vendorId"));
        if (vars.get("tenderId") instanceof Long tenderId) {
            r.setTenderId(tenderId);
            r.setTenderTitle(tenders.title(tenderId));
        }
        if (vars.get("contractId") instanceof Long contractId) {
            r.setContractId(contractId);
        }
        if (vars.get("vendorId") instanceof Long vendorId) {
            r.setVendorName(vendors.nameOf(vendorId));
        }
        return r;
    }

    private Task visible(String taskId, Caller c) {
        Task t = taskId == null ? null : engine().getTaskService().createTaskQuery().taskId(taskId).singleResult();
        if (t == null) {
            boolean done = taskId != null && engine().getHistoryService().createHistoricTaskInstanceQuery()
                    .taskId(taskId).finished().count() > 0;
            if (done) {
                throw AppException.conflict("task.alreadyCompleted");
            }
            throw AppException.notFound("task.notFound");
        }
        if (c.username().equals(t.getAssignee())) {
            return t;
        }
        if (t.getAssignee() == null && inCandidateGroup(t, c)) {
            return t;
        }
        throw AppException.forbidden("task.notYours");
    }

    private Task actionable(String taskId, Caller c) {
        Task t = visible(taskId, c);
        if (t.getAssignee() == null) {
            engine().getTaskService().claim(t.getId(), c.username());
            return engine().getTaskService().createTaskQuery().taskId(taskId).singleResult();
        }
        return t;
    }

    private boolean inCandidateGroup(Task t, Caller c) {
        for (IdentityLink l : engine().getTaskService().getIdentityLinksForTask(t.getId())) {
            if ("candidate".equals(l.getType()) && l.getGroupId() != null && groups(c).contains(l.getGroupId())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The candidate groups of a caller: his roles; an officer takes officer tasks through the routing groups (his
     * unit's, and the one for tasks of no unit), never through "officer" itself.
     */
    static Set<String> groups(Caller c) {
        Set<String> g = new HashSet<>(c.roles());
        if (c.has(Role.OFFICER)) {
            g.remove(cn.huimin.process.UnitRouting.OFFICER);
            g.add(cn.huimin.process.UnitRouting.ANY_OFFICER);
            if (c.unitId() != null) {
                g.add(cn.huimin.process.UnitRouting.unitGroup(c.unitId()));
            }
        }
        return g;
    }

    private ProcessEngine engine() {
        return bootstrap.engine();
    }
}
