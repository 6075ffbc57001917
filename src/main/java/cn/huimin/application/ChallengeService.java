package cn.huimin.application;

import cn.huimin.domain.model.award.Award;
import cn.huimin.domain.model.award.AwardRules;
import cn.huimin.domain.model.award.Challenge;
import cn.huimin.domain.model.evaluation.Committee;
import cn.huimin.domain.model.tender.DeadlineRules;
import cn.huimin.domain.model.tender.Tender;
import cn.huimin.domain.model.tender.TenderLot;
import cn.huimin.domain.model.user.Role;
import cn.huimin.domain.model.vendor.Vendor;
import cn.huimin.domain.shared.WorkingDayCalendar;
import cn.huimin.process.Bootstrap;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.*;

/**
 * Challenges (质疑) and complaints (投诉): a bidder challenges an award until the end of the 7th working day after its
 * notice; the purchaser answers within 7 working days; the bidder, still unsatisfied, may complain to the supervisor
 * until the end of the 15th working day after the answer was due; the supervisor decides within 30 working days:
 * dismiss, re-evaluate (a new committee evaluates the same bids) or cancel the award. While a challenge or complaint
 * is open the award is suspended (no contract), for 30 days at most. Every step is published (without the bidder's name).
 */
@Stateless
@DeclareRoles({Role.ADMIN, Role.OFFICER, Role.HEAD, Role.SUPERVISOR, Role.VENDOR})
public class ChallengeService {
    public static final Set<String> DECISIONS = Set.of("DISMISS", "RE_EVALUATE", "CANCEL_AWARD");

    @PersistenceContext
    EntityManager em;

    @EJB
    AuditLog audit;

    @EJB
    Callers callers;

    @EJB
    VendorService vendors;

    @EJB
    WorkingDays workingDays;

    @EJB
    AwardService awards;

    @EJB
    Bootstrap bootstrap;

    @EJB
    EvaluationService evaluations;

    /** A bidder of the lot challenges its published award. */
    @RolesAllowed(Role.VENDOR)
    public Challenge file(Long tenderId, Long lotId, String grounds, String evidence) {
        Caller c = callers.current();
        Vendor v = ownVendor(c);
        List<Award> list = em.createQuery("select a from Award a where a.tenderId = :t and a.lotId = :l and a.publishedAt is not null "
                + "order by a.id desc", Award.class).setParameter("t", tenderId).setParameter("l", lotId).getResultList();
        if (list.isEmpty()) {
            throw AppException.conflict("challenge.noAward");
        }
        Award a = em.find(Award.class, list.get(0).getId(), LockModeType.PESSIMISTIC_WRITE);
        long bidder = em.createQuery("select count(e) from OpeningEntry e where e.tenderId = :t and e.lotId = :l and e.vendorId = :v", Long.class)
                .setParameter("t", tenderId).setParameter("l", lotId).setParameter("v", v.getId()).getSingleResult();
        if (bidder == 0) {
            audit.recordAlone(c.username(), "ACCESS_DENIED", "award", a.getId(), Map.of("what", "challenge without a bid"));
            throw AppException.forbidden("challenge.notABidder");
        }
        Instant now = Instant.now();
        if (!AwardRules.within(now, a.getChallengeUntil()) || !Set.of("PUBLISHED", "FINAL").contains(a.getStatus())) {
            LocalDate last = a.getChallengeUntil().atZone(WorkingDayCalendar.ZONE).toLocalDate();
            audit.recordAlone(c.username(), "CHALLENGE_REFUSED", "award", a.getId(), Map.of("reason", "late", "lastDay", last.toString()));
            throw AppException.conflict("challenge.late", last.toString());
        }
        List<Violation> viol = new ArrayList<>();
        String g = strip(grounds);
        String ev = strip(evidence);
        if (g == null) {
            viol.add(new Violation("grounds", "validation.required"));
        } else if (g.length() > 8000) {
            viol.add(new Violation("grounds", "validation.tooLong", 8000));
        }
        if (ev != null && ev.length() > 8000) {
            viol.add(new Violation("evidence", "validation.tooLong", 8000));
        }
        if (!viol.isEmpty()) {
            throw AppException.invalid(viol);
        }
        long open = em.createQuery("select count(x) from Challenge x where x.awardId = :a and x.vendorId = :v and x.status in ('PENDING', 'ANSWERED', 'COMPLAINED')", Long.class)
                .setParameter("a", a.getId()).setParameter("v", v.getId()).getSingleResult();
        if (open > 0) {
            throw AppException.conflict("challenge.alreadyOpen");
        }
        Challenge ch = new Challenge();
        ch.setTenderId(tenderId);
        ch.setLotId(lotId);
        ch.setAwardId(a.getId());
        ch.setVendorId(v.getId());
        ch.setGrounds(g);
        ch.setEvidence(ev);
        ch.setFiledAt(now);
        ch.setAnswerDue(AwardRules.answerDue(now, workingDays.calendar()));
        ch.setStatus("PENDING");
        em.persist(ch);
        if (a.getSuspendedSince() == null) {
            a.setSuspendedSince(now);
        }
        em.flush();
        Tender t = em.find(Tender.class, tenderId);
        Map<String, Object> vars = new HashMap<>();
        vars.put("challengeId", ch.getId());
        vars.put("tenderId", tenderId);
        vars.put("lotId", lotId);
        vars.put("unitId", t.getUnitId());
        bootstrap.engine().getIdentityService().setAuthenticatedUserId(c.username());
        try {
            ch.setProcessInstanceId(bootstrap.engine().getRuntimeService()
                    .startProcessInstanceByKey("challenge", businessKey(ch.getId()), vars).getId());
        } finally {
            bootstrap.engine().getIdentityService().clearAuthentication();
        }
        audit.record(c.username(), "CHALLENGE_FILED", "tender", tenderId, null, Map.of("challenge", ch.getId(), "lot", a.getLotNo(),
                "answerDue", ch.getAnswerDue().toString()));
        return ch;
    }

    public static String businessKey(Long challengeId) {
        return "challenge-" + challengeId;
    }

    /** The officer of the tender's unit answers; the bidder may then complain until the 15th working day after the answer was due. */
    @RolesAllowed(Role.OFFICER)
    public void answer(Long challengeId, String text) {
        Caller c = callers.current();
        Challenge ch = lock(challengeId);
        Tender t = em.find(Tender.class, ch.getTenderId());
        if (!t.getUnitId().equals(c.unitId())) {
            throw AppException.forbidden("tender.otherUnit");
        }
        if (!"PENDING".equals(ch.getStatus())) {
            throw AppException.conflict("task.alreadyCompleted");
        }
        String a = strip(text);
        if (a == null) {
            throw AppException.invalid("comment", "validation.required");
        }
        if (a.length() > 8000) {
            throw AppException.invalid("comment", "validation.tooLong", 8000);
        }
        ch.setAnswer(a);
        ch.setAnsweredBy(c.username());
        ch.setAnsweredAt(Instant.now());
        ch.setStatus("ANSWERED");
        ch.setComplaintUntil(AwardRules.complaintUntil(ch.getAnswerDue(), workingDays.calendar()));
        liftSuspensionIfClear(ch.getAwardId());
        audit.record(c.username(), "CHALLENGE_ANSWERED", "tender", ch.getTenderId(), null, Map.of("challenge", challengeId,
                "late", ch.getAnsweredAt().isAfter(ch.getAnswerDue()), "complaintUntil", ch.getComplaintUntil().toString()));
    }

    /** The bidder who challenged complains to the supervisor about the answer. */
    @RolesAllowed(Role.VENDOR)
    public void complain(Long challengeId, String text) {
        Caller c = callers.current();
        Vendor v = ownVendor(c);
        Challenge ch = lock(challengeId);
        if (!ch.getVendorId().equals(v.getId())) {
            audit.recordAlone(c.username(), "ACCESS_DENIED", "challenge", challengeId, Map.of("what", "complain about another's challenge"));
            throw AppException.forbidden("challenge.notYours");
        }
        if (!"ANSWERED".equals(ch.getStatus())) {
            throw AppException.conflict("challenge.notAnswered");
        }
        Instant now = Instant.now();
        if (!AwardRules.within(now, ch.getComplaintUntil())) {
            LocalDate last = ch.getComplaintUntil().atZone(WorkingDayCalendar.ZONE).toLocalDate();
            throw AppException.conflict("challenge.complaintLate", last.toString());
        }
        String text2 = strip(text);
        if (text2 == null) {
            throw AppException.invalid("complaint", "validation.required");
        }
        if (text2.length() > 8000) {
            throw AppException.invalid("complaint", "validation.tooLong", 8000);
        }
        ch.setComplaint(text2);
        ch.setComplaintFiledAt(now);
        ch.setDecisionDue(AwardRules.decisionDue(now, workingDays.calendar()));
        ch.setStatus("COMPLAINED");
        Award a = em.find(Award.class, ch.getAwardId(), LockModeType.PESSIMISTIC_WRITE);
        if (a.getSuspendedSince() == null) {
            a.setSuspendedSince(now);
        }
        em.flush();
        bootstrap.engine().getRuntimeService().createMessageCorrelation("complaintFiled")
                .processInstanceBusinessKey(businessKey(challengeId)).correlate();
        audit.record(c.username(), "COMPLAINT_FILED", "tender", ch.getTenderId(), null, Map.of("challenge", challengeId,
                "decisionDue", ch.getDecisionDue().toString()));
    }

    /** The supervisor decides the complaint: DISMISS, RE_EVALUATE or CANCEL_AWARD, with the reasons. */
    @RolesAllowed(Role.SUPERVISOR)
    public void decide(Long challengeId, String decision, String reason) {
        Caller c = callers.current();
        Challenge ch = lock(challengeId);
        if (!"COMPLAINED".equals(ch.getStatus())) {
            throw AppException.conflict("task.alreadyCompleted");
        }
        if (decision == null || !DECISIONS.contains(decision)) {
            throw AppException.invalid("decision", "task.decisionUnknown", String.join(", ", new TreeSet<>(DECISIONS)));
        }
        String why = strip(reason);
        if (why == null) {
            throw AppException.invalid("comment", "challenge.decisionReasonRequired");
        }
        ch.setDecision(decision);
        ch.setDecisionReason(why);
        ch.setDecidedBy(c.username());
        ch.setDecidedAt(Instant.now());
        ch.setStatus("DECIDED");
        Award a = em.find(Award.class, ch.getAwardId(), LockModeType.PESSIMISTIC_WRITE);
        audit.record(c.username(), "COMPLAINT_DECIDED", "tender", ch.getTenderId(), null, Map.of("challenge", challengeId,
                "decision", decision, "reason", why));
        switch (decision) {
            case "DISMISS" -> liftSuspensionIfClear(a.getId());
            case "CANCEL_AWARD" -> {
                a.setStatus("CANCELLED");
                em.find(TenderLot.class, a.getLotId()).setStatus("FAILED");
                audit.record(c.username(), "AWARD_CANCELLED", "tender", a.getTenderId(), null, Map.of("award", a.getId(), "challenge", challengeId));
            }
            case "RE_EVALUATE" -> reEvaluate(a, c.username());
            default -> throw new IllegalStateException(decision);
        }
    }

    /** A new committee (the next round) evaluates the same bids; the award is set aside. */
    private void reEvaluate(Award a, String actor) {
        a.setStatus("RE_EVALUATION");
        TenderLot lot = em.find(TenderLot.class, a.getLotId());
        lot.setStatus("EVALUATION");
        Committee old = em.find(Committee.class, a.getCommitteeId());
        Integer last = em.createQuery("select max(c.roundNo) from Committee c where c.lotId = :l", Integer.class)
                .setParameter("l", a.getLotId()).getSingleResult();
        Committee c = new Committee();
        c.setTenderId(a.getTenderId());
        c.setLotId(a.getLotId());
        c.setLotNo(a.getLotNo());
        c.setRoundNo(last == null ? 2 : last + 1);
        c.setStatus("REQUESTED");
        em.persist(c);
        em.flush();
        c.setProcessInstanceId(bootstrap.engine().getRuntimeService().startProcessInstanceByKey("evaluation",
                a.getTenderId() + "/" + a.getLotNo() + "/r" + c.getRoundNo(), evaluations.processVariables(c.getId())).getId());
        audit.record(actor, "RE_EVALUATION_STARTED", "tender", a.getTenderId(), null, Map.of("award", a.getId(),
                "previousCommittee", old.getId(), "committee", c.getId(), "round", c.getRoundNo()));
    }

    /** No complaint came in time: the challenge is closed. */
    @PermitAll
    public void close(Long challengeId) {
        Challenge ch = lock(challengeId);
        if ("ANSWERED".equals(ch.getStatus())) {
            ch.setStatus("CLOSED");
            audit.record("system", "CHALLENGE_CLOSED", "tender", ch.getTenderId(), null, Map.of("challenge", challengeId));
        }
    }

    private void liftSuspensionIfClear(Long awardId) {
        Award a = em.find(Award.class, awardId, LockModeType.PESSIMISTIC_WRITE);
        em.flush();
        if (awards.openChallenges(awardId) == 0) {
            a.setSuspendedSince(null);
            if ("PUBLISHED".equals(a.getStatus()) && a.getChallengeUntil() != null && !Instant.now().isBefore(a.getChallengeUntil())) {
                a.setStatus("FINAL");
            }
        }
    }

    @PermitAll
    public Challenge get(Long challengeId) {
        Challenge ch = challengeId == null ? null : em.find(Challenge.class, challengeId);
        if (ch == null) {
            throw AppException.notFound("challenge.notFound");
        }
        return ch;
    }

    @PermitAll
    public Instant answerDue(Long challengeId) {
        return get(challengeId).getAnswerDue();
    }

    @PermitAll
    public Instant complaintUntil(Long challengeId) {
        return get(challengeId).getComplaintUntil();
    }

    @PermitAll
    public Instant decisionDue(Long challengeId) {
        return get(challengeId).getDecisionDue();
    }

    /** The caller's own challenges (vendor). */
    @RolesAllowed(Role.VENDOR)
    public List<Challenge> mine() {
        Vendor v = ownVendor(callers.current());
        return em.createQuery("select c from Challenge c where c.vendorId = :v order by c.filedAt desc", Challenge.class)
                .setParameter("v", v.getId()).setMaxResults(200).getResultList();
    }

    /** What everyone sees of the challenges of a tender: dates, grounds, answers and decisions, not who challenged. */
    public record PublicChallenge(Long id, int lotNo, Instant filedAt, String grounds, String status, Instant answeredAt,
                                  String answer, Instant complaintFiledAt, String decision, String decisionReason, Instant decidedAt) {
    }

    @PermitAll
    public List<PublicChallenge> publicChallenges(Long tenderId) {
        List<PublicChallenge> out = new ArrayList<>();
        for (Challenge ch : em.createQuery("select c from Challenge c where c.tenderId = :t order by c.filedAt", Challenge.class)
                .setParameter("t", tenderId).getResultList()) {
            Award a = em.find(Award.class, ch.getAwardId());
            out.add(new PublicChallenge(ch.getId(), a.getLotNo(), ch.getFiledAt(), ch.getGrounds(), ch.getStatus(), ch.getAnsweredAt(),
                    ch.getAnswer(), ch.getComplaintFiledAt(), ch.getDecision(), ch.getDecisionReason(), ch.getDecidedAt()));
        }
        return out;
    }

    private Challenge lock(Long challengeId) {
        Challenge ch = challengeId == null ? null : em.find(Challenge.class, challengeId, LockModeType.PESSIMISTIC_WRITE);
        if (ch == null) {
            throw AppException.notFound("challenge.notFound");
        }
        return ch;
    }

    private Vendor ownVendor(Caller c) {
        Vendor v = vendors.byUsername(c.username());
        if (v == null) {
            throw AppException.forbidden("vendor.noProfile");
        }
        return v;
    }

    private static String strip(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }
}
