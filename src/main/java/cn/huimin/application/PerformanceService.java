package cn.huimin.application;

import cn.huimin.domain.model.catalogue.DeliverableType;
import cn.huimin.domain.model.catalogue.Indicator;
import cn.huimin.domain.model.contract.Contract;
import cn.huimin.domain.model.contract.ContractDeliverable;
import cn.huimin.domain.model.contract.Milestone;
import cn.huimin.domain.model.delivery.DeliveryRules;
import cn.huimin.domain.model.performance.AcceptanceOpinion;
import cn.huimin.domain.model.performance.CreditEntry;
import cn.huimin.domain.model.performance.CreditRules;
import cn.huimin.domain.model.performance.IndicatorScore;
import cn.huimin.domain.model.performance.PaymentOrder;
import cn.huimin.domain.model.performance.PaymentRules;
import cn.huimin.domain.model.performance.PerformanceEvaluation;
import cn.huimin.domain.model.performance.Rectification;
import cn.huimin.domain.model.tender.Tender;
import cn.huimin.domain.model.user.Role;
import cn.huimin.domain.model.vendor.Vendor;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.*;

/**
 * Performance evaluation of each contract period and the final acceptance: evidence filled in from the delivery
 * records, indicator scores by the third-party evaluator, review by the officer, sign-off by the head (each may
 * return it); then the payment share from the decision table, the payment order, the credit record, and a
 * rectification order with its re-check when the score is below 70.
 */
@Stateless
@DeclareRoles({Role.ADMIN, Role.OFFICER, Role.HEAD, Role.FINANCE, Role.SUPERVISOR, Role.VENDOR, Role.STATION, Role.EVALUATOR})
public class PerformanceService {
    public static final int RECTIFICATION_WORKING_DAYS = 10;
    public static final int OPINION_WORKING_DAYS = 5;

    @PersistenceContext
    EntityManager em;

    @EJB
    AuditLog audit;

    @EJB
    Callers callers;

    @EJB
    ContractService contracts;

    @EJB
    DeliveryService deliveries;

    @EJB
    WorkingDays workingDays;

    @EJB
    VendorService vendors;

    // ------------------------------------------------------------------ periods

    /** The next period of a contract in service that has not been evaluated, or null. */
    @PermitAll
    public Milestone nextPeriod(Long contractId) {
        Contract c = contracts.contract(contractId);
        if (!ContractService.IN_SERVICE.contains(c.getStatus())) {
            return null;
        }
        return em.createQuery("select m from Milestone m where m.contractId = :c and m.status = 'PENDING' order by m.positionNo", Milestone.class)
                .setParameter("c", contractId).setMaxResults(1).getResultStream().findFirst().orElse(null);
    }

    /** Opens the evaluation of a period (once): the indicators of the tender's category, weights copied. */
    @PermitAll
    public PerformanceEvaluation open(Long contractId, Long milestoneId) {
        PerformanceEvaluation existing = em.createQuery("select e from PerformanceEvaluation e where e.milestoneId = :m", PerformanceEvaluation.class)
                .setParameter("m", milestoneId).getResultStream().findFirst().orElse(null);
        if (existing != null) {
            return existing;
        }
        Contract c = contracts.contract(contractId);
        Milestone m = em.find(Milestone.class, milestoneId, LockModeType.PESSIMISTIC_WRITE);
        m.setStatus("EVALUATING");
        PerformanceEvaluation e = new PerformanceEvaluation();
        e.setContractId(contractId);
        e.setMilestoneId(milestoneId);
        e.setPeriodStart(m.getPeriodStart());
        e.setPeriodEnd(m.getPeriodEnd());
        e.setFinalPeriod(m.isFinalPeriod());
        e.setStatus("EVIDENCE");
        e.setCreatedAt(Instant.now());
        em.persist(e);
        em.flush();
        Tender t = em.find(Tender.class, c.getTenderId());
        int pos = 1;
        for (Indicator i : em.createQuery("select i from Indicator i where i.categoryId = :c and i.active = true order by i.id", Indicator.class)
                .setParameter("c", t.getCategoryId()).getResultList()) {
            IndicatorScore s = new IndicatorScore();
            s.setEvaluationId(e.getId());
            s.setIndicatorId(i.getId());
            s.setPositionNo(pos++);
            s.setNameZh(i.getNameZh());
            s.setNameEn(i.getNameEn());
            s.setWeight(i.getWeight());
            em.persist(s);
        }
        audit.record("system", "PERFORMANCE_EVALUATION_OPENED", "contract", contractId, null, Map.of("evaluation", e.getId(),
                "period", m.getPeriodStart() + "/" + m.getPeriodEnd(), "final", m.isFinalPeriod()));
        return e;
    }

    @PermitAll
    public void attachProcess(Long evaluationId, String processInstanceId) {
        evaluation(evaluationId).setProcessInstanceId(processInstanceId);
    }

    /** The figures of a period from the delivery records. */
    public record Evidence(BigDecimal planned, BigDecimal delivered, BigDecimal verified, long awaiting, long disputed, long events,
                           long attendance, BigDecimal trainingPlanned, BigDecimal trainingHours, BigDecimal teamsPlanned, BigDecimal teams,
                           BigDecimal daysPlanned, BigDecimal openingDays, long ratings, BigDecimal satisfaction, long opinions,
                           List<String> perDeliverable) {
    }

    @PermitAll
    public Evidence evidence(Long contractId, LocalDate from, LocalDate to, Long evaluationId) {
        Contract c = contracts.contract(contractId);
        Map<Long, BigDecimal> planned = new LinkedHashMap<>();
        for (ContractDeliverable d : contracts.deliverables(contractId)) {
            planned.merge(d.getDeliverableTypeId(), DeliveryRules.planned(d.getQuantity(), d.getPerPeriod(), from, to, c.getTermStart(), c.getTermEnd()),
                    BigDecimal::add);
        }
        Map<Long, BigDecimal> delivered = new HashMap<>();
        Map<Long, BigDecimal> verified = new HashMap<>();
        long awaiting = 0;
        long disputed = 0;
        long events = 0;
        long attendance = 0;
        for (Object[] r : em.createQuery("select e.deliverableTypeId, e.quantity, e.status, e.attendance from ServiceEvent e where e.contractId = :c "
                + "and e.eventDate >= :f and e.eventDate <= :t", Object[].class)
                .setParameter("c", contractId).setParameter("f", from).setParameter("t", to).getResultList()) {
            Long type = (Long) r[0];
            BigDecimal q = (BigDecimal) r[1];
            String st = (String) r[2];
            if ("DISPUTED".equals(st)) {
                disputed++;
                continue;
            }
            delivered.merge(type, q, BigDecimal::add);
            if ("VERIFIED".equals(st)) {
                verified.merge(type, q, BigDecimal::add);
                events++;
                attendance += (Integer) r[3];
            } else {
                awaiting++;
            }
        }
        BigDecimal tp = BigDecimal.ZERO, th = BigDecimal.ZERO, mp = BigDecimal.ZERO, mt = BigDecimal.ZERO, dp = BigDecimal.ZERO, dd = BigDecimal.ZERO;
        BigDecimal allPlanned = BigDecimal.ZERO, allDelivered = BigDecimal.ZERO, allVerified = BigDecimal.ZERO;
        List<String> lines = new ArrayList<>();
        for (Map.Entry<Long, BigDecimal> p : planned.entrySet()) {
            DeliverableType dt = em.find(DeliverableType.class, p.getKey());
            BigDecimal v = verified.getOrDefault(p.getKey(), BigDecimal.ZERO);
            BigDecimal dl = delivered.getOrDefault(p.getKey(), BigDecimal.ZERO);
            allPlanned = allPlanned.add(p.getValue());
            allDelivered = allDelivered.add(dl);
            allVerified = allVerified.add(v);
            BigDecimal ratio = DeliveryRules.ratioPercent(v, p.getValue());
            lines.add(dt.getNameZh() + " " + dt.getNameEn() + ": " + v.toPlainString() + " / " + p.getValue().toPlainString() + " "
                    + dt.getUnitZh() + (ratio == null ? "" : " (" + ratio.toPlainString() + "%)"));
            String unit = dt.getUnitEn().toLowerCase(Locale.ROOT);
            if (unit.contains("hour")) {
                tp = tp.add(p.getValue());
                th = th.add(v);
            } else if (unit.contains("team")) {
                mp = mp.add(p.getValue());
                mt = mt.add(v);
            } else if (unit.contains("day")) {
                dp = dp.add(p.getValue());
                dd = dd.add(v);
            }
        }
        Object[] rs = em.createQuery("select count(r), avg(r.stars) from Rating r, ServiceEvent e where r.eventId = e.id and e.contractId = :c "
                        + "and e.eventDate >= :f and e.eventDate <= :t", Object[].class)
                .setParameter("c", contractId).setParameter("f", from).setParameter("t", to).getSingleResult();
        long ratings = ((Number) rs[0]).longValue();
        BigDecimal sat = rs[1] == null ? null : BigDecimal.valueOf(((Number) rs[1]).doubleValue()).setScale(2, RoundingMode.HALF_UP);
        long opinions = evaluationId == null ? 0 : em.createQuery("select count(o) from AcceptanceOpinion o where o.evaluationId = :e", Long.class)
                .setParameter("e", evaluationId).getSingleResult();
        return new Evidence(allPlanned, allDelivered, allVerified, awaiting, disputed, events, attendance, tp, th, mp, mt, dp, dd,
                ratings, sat, opinions, lines);
    }

    /** Fills in the evidence of every indicator from the delivery records and closes the period's ratings. */
    @PermitAll
    public void collectEvidence(Long evaluationId) {
        PerformanceEvaluation e = em.find(PerformanceEvaluation.class, evaluationId, LockModeType.PESSIMISTIC_WRITE);
        deliveries.closeRatings(e.getContractId(), e.getPeriodStart(), e.getPeriodEnd());
        writeEvidence(e);
        e.setStatus("SCORING");
        audit.record("system", "PERFORMANCE_EVIDENCE_COLLECTED", "contract", e.getContractId(), null, Map.of("evaluation", evaluationId,
                "evidence", e.getEvidence()));
    }

    private void writeEvidence(PerformanceEvaluation e) {
        Evidence ev = evidence(e.getContractId(), e.getPeriodStart(), e.getPeriodEnd(), e.getId());
        String delivery = String.join("; ", ev.perDeliverable())
                + "; 待核实 awaiting check " + ev.awaiting() + ", 有争议 disputed " + ev.disputed();
        for (IndicatorScore s : scores(e.getId())) {
            Indicator i = em.find(Indicator.class, s.getIndicatorId());
            String kind = i.getEvidenceKind() == null ? "" : i.getEvidenceKind();
            String text = switch (kind) {
                case "DELIVERY" -> delivery;
                case "ATTENDANCE" -> "服务人次 people served: " + ev.attendance() + "（" + ev.events() + " 场已核实 verified events）";
                case "TRAINING_HOURS" -> "培训课时 training hours: " + ev.trainingHours().toPlainString() + " / " + ev.trainingPlanned().toPlainString()
                        + pct(ev.trainingHours(), ev.trainingPlanned());
                case "TEAMS" -> "文艺团队 teams: " + ev.teams().toPlainString() + " / " + ev.teamsPlanned().toPlainString() + pct(ev.teams(), ev.teamsPlanned());
                case "OPENING_DAYS" -> "开放天数 opening days: " + ev.openingDays().toPlainString() + " / " + ev.daysPlanned().toPlainString()
                        + pct(ev.openingDays(), ev.daysPlanned());
                case "SATISFACTION" -> "群众评价 resident ratings: " + (ev.satisfaction() == null ? "—" : ev.satisfaction().toPlainString() + " / 5")
                        + "（" + ev.ratings() + " 条 ratings）" + (e.isFinalPeriod() ? "；验收意见 acceptance opinions: " + ev.opinions() : "");
                default -> "无系统数据，依评估人现场核查 No delivery figure: scored on the evaluator's inspection";
            };
            s.setEvidence(text.length() > 2000 ? text.substring(0, 2000) : text);
        }
        String summary = "计划 planned " + ev.planned().toPlainString() + ", 已报告 delivered " + ev.delivered().toPlainString()
                + ", 已核实 verified " + ev.verified().toPlainString() + pct(ev.verified(), ev.planned()) + "; 人次 people " + ev.attendance()
                + "; 评价 ratings " + ev.ratings() + (ev.satisfaction() == null ? "" : " avg " + ev.satisfaction().toPlainString());
        e.setEvidence(summary);
    }

    private static String pct(BigDecimal a, BigDecimal b) {
        BigDecimal r = DeliveryRules.ratioPercent(a, b);
        return r == null ? "" : " (" + r.toPlainString() + "%)";
    }

    /** Opens the residents' opinions on the final acceptance until the end of the 5th working day. */
    @PermitAll
    public Instant inviteOpinions(Long evaluationId) {
        PerformanceEvaluation e = em.find(PerformanceEvaluation.class, evaluationId, LockModeType.PESSIMISTIC_WRITE);
        if (e.getOpinionsUntil() == null) {
            e.setOpinionsUntil(cn.huimin.domain.model.award.AwardRules.endOfWorkingDaysAfter(Instant.now(), OPINION_WORKING_DAYS, workingDays.calendar()));
            e.setStatus("OPINIONS");
            audit.record("system", "ACCEPTANCE_OPINIONS_INVITED", "contract", e.getContractId(), null, Map.of("evaluation", evaluationId,
                    "until", e.getOpinionsUntil().toString()));
        }
        return e.getOpinionsUntil();
    }

    @PermitAll
    public Instant opinionsUntil(Long evaluationId) {
        return evaluation(evaluationId).getOpinionsUntil();
    }

    /** The opinion period ended: the opinions count becomes part of the evidence, scoring starts. */
    @PermitAll
    public void closeOpinions(Long evaluationId) {
        PerformanceEvaluation e = em.find(PerformanceEvaluation.class, evaluationId, LockModeType.PESSIMISTIC_WRITE);
        if (!"OPINIONS".equals(e.getStatus())) {
            return; // the evaluator already started scoring (which closes the opinions itself)
        }
        writeEvidence(e);
        e.setStatus("SCORING");
        audit.record("system", "ACCEPTANCE_OPINIONS_CLOSED", "contract", e.getContractId(), null, Map.of("evaluation", evaluationId,
                "opinions", em.createQuery("select count(o) from AcceptanceOpinion o where o.evaluationId = :e", Long.class)
                        .setParameter("e", evaluationId).getSingleResult()));
    }

    /** A resident's opinion on the final acceptance of a contract (public, no login, while the invitation is open). */
    @PermitAll
    public AcceptanceOpinion submitOpinion(Long evaluationId, Long placeId, String opinion) {
        PerformanceEvaluation e = evaluationId == null ? null : em.find(PerformanceEvaluation.class, evaluationId);
        if (e == null || !e.isFinalPeriod()) {
            throw AppException.notFound("performance.notFound");
        }
        if (e.getOpinionsUntil() == null || Instant.now().isAfter(e.getOpinionsUntil()) || !"OPINIONS".equals(e.getStatus())) {
            throw AppException.conflict("performance.opinionsClosed");
        }
        if (opinion == null || opinion.isBlank()) {
            throw AppException.invalid("opinion", "validation.required");
        }
        if (opinion.length() > 2000) {
            throw AppException.invalid("opinion", "validation.tooLong", 2000);
        }
        if (placeId != null && contracts.deliverables(e.getContractId()).stream().noneMatch(d -> d.getPlaceId().equals(placeId))) {
            throw AppException.invalid("placeId", "delivery.PLACE_NOT_IN_CONTRACT");
        }
        AcceptanceOpinion o = new AcceptanceOpinion();
        o.setEvaluationId(evaluationId);
        o.setPlaceId(placeId);
        o.setOpinion(opinion.strip());
        o.setSubmittedAt(Instant.now());
        em.persist(o);
        em.flush();
        audit.record("anonymous", "ACCEPTANCE_OPINION", "contract", e.getContractId(), null, Map.of("evaluation", evaluationId, "opinion", o.getId()));
        return o;
    }

    @PermitAll
    public List<AcceptanceOpinion> opinions(Long evaluationId) {
        return em.createQuery("select o from AcceptanceOpinion o where o.evaluationId = :e order by o.id", AcceptanceOpinion.class)
                .setParameter("e", evaluationId).setMaxResults(500).getResultList();
    }

    // ------------------------------------------------------------------ scoring, review, sign-off

    /**
     * The evaluator's scores: "score.&lt;indicatorScoreId&gt;" and "comment.&lt;id&gt;" for each indicator, 0 to the
     * weight with 2 decimals, a comment each. submit=false keeps a draft; submit=true needs every indicator and sends
     * the evaluation to the officer. Refused once the evaluation has left the scoring step (reviewed, signed off).
     */
    @RolesAllowed(Role.EVALUATOR)
    public PerformanceEvaluation score(Long evaluationId, Map<String, String> details, boolean submit) {
        Caller caller = callers.current();
        PerformanceEvaluation e = evaluationId == null ? null : em.find(PerformanceEvaluation.class, evaluationId, LockModeType.PESSIMISTIC_WRITE);
        if (e == null) {
            throw AppException.notFound("performance.notFound");
        }
        if ("OPINIONS".equals(e.getStatus()) && e.getOpinionsUntil() != null && Instant.now().isAfter(e.getOpinionsUntil())) {
            writeEvidence(e); // the opinion period is over: its count joins the evidence
            e.setStatus("SCORING");
        }
        if (!"SCORING".equals(e.getStatus())) {
            audit.recordAlone(caller.username(), "SCORE_CHANGE_REFUSED", "contract", e.getContractId(), Map.of("evaluation", evaluationId,
                    "status", e.getStatus()));
            throw AppException.conflict("performance.scoresLocked");
        }
        List<Violation> v = new ArrayList<>();
        List<IndicatorScore> list = scores(evaluationId);
        Map<Long, BigDecimal> parsed = new HashMap<>();
        for (IndicatorScore s : list) {
            String raw = details.get("score." + s.getId());
            String comment = details.get("comment." + s.getId());
            BigDecimal value = null;
            if (raw != null && !raw.isBlank()) {
                try {
                    value = new BigDecimal(raw.trim());
                } catch (NumberFormatException ex) {
                    v.add(new Violation("score." + s.getId(), "performance.SCORE_NOT_A_NUMBER", s.getNameZh() + " " + s.getNameEn()));
                    continue;
                }
            }
            if (value == null && !submit && (comment == null || comment.isBlank())) {
                continue;
            }
            PaymentRules.Problem p = PaymentRules.checkScore(value, s.getWeight(), comment);
            if (p == PaymentRules.Problem.COMMENT_MISSING && !submit) {
                p = null;
            }
            if (p == PaymentRules.Problem.SCORE_MISSING && !submit) {
                p = null;
            }
            if (p != null) {
                v.add(new Violation(p == PaymentRules.Problem.COMMENT_MISSING ? "comment." + s.getId() : "score." + s.getId(),
                        "performance." + p.name(), s.getNameZh() + " " + s.getNameEn(), s.getWeight()));
            } else if (comment != null && comment.length() > 2000) {
                v.add(new Violation("comment." + s.getId(), "validation.tooLong", 2000));
            }
            parsed.put(s.getId(), value);
        }
        if (!v.isEmpty()) {
            throw AppException.invalid(v);
        }
        for (IndicatorScore s : list) {
            if (parsed.containsKey(s.getId())) {
                s.setScore(parsed.get(s.getId()) == null ? null : parsed.get(s.getId()).setScale(2, RoundingMode.UNNECESSARY));
                String comment = details.get("comment." + s.getId());
                s.setComment(comment == null || comment.isBlank() ? null : comment.strip());
            }
        }
        if (submit) {
            e.setTotalScore(PaymentRules.total(list.stream().map(IndicatorScore::getScore).toList()));
            e.setScoredBy(caller.username());
            e.setScoredAt(Instant.now());
            e.setStatus("REVIEW");
            e.setReturnComment(null);
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("evaluation", evaluationId);
        after.put("submitted", submit);
        for (IndicatorScore s : list) {
            after.put(s.getNameEn(), s.getScore() == null ? "" : s.getScore().toPlainString());
        }
        if (submit) {
            after.put("total", e.getTotalScore().toPlainString());
        }
        audit.record(caller.username(), submit ? "PERFORMANCE_SCORED" : "PERFORMANCE_SCORES_SAVED", "contract", e.getContractId(), null, after);
        return e;
    }

    /** The officer of the purchasing unit approves the scores or returns them to the evaluator. */
    @RolesAllowed(Role.OFFICER)
    public PerformanceEvaluation review(Long evaluationId, String decision, String comment) {
        Caller caller = callers.current();
        PerformanceEvaluation e = lockStep(evaluationId, "REVIEW");
        contracts.lockOwn(e.getContractId(), caller);
        requireDecision(decision, "APPROVE", comment);
        if ("APPROVE".equals(decision)) {
            e.setReviewedBy(caller.username());
            e.setReviewedAt(Instant.now());
            e.setStatus("SIGN_OFF");
            e.setReturnComment(null);
        } else {
            e.setStatus("SCORING");
            e.setReturnComment(comment.strip());
        }
        audit.record(caller.username(), "PERFORMANCE_REVIEW_" + decision, "contract", e.getContractId(), null, Map.of("evaluation", evaluationId,
                "comment", comment == null ? "" : comment));
        return e;
    }

    /** The head signs the evaluation off (the scores are final) or returns it to the officer. */
    @RolesAllowed(Role.HEAD)
    public PerformanceEvaluation signOff(Long evaluationId, String decision, String comment) {
        Caller caller = callers.current();
        PerformanceEvaluation e = lockStep(evaluationId, "SIGN_OFF");
        requireDecision(decision, "SIGN", comment);
        if ("SIGN".equals(decision)) {
            e.setSignedBy(caller.username());
            e.setSignedAt(Instant.now());
            e.setStatus("SIGNED");
            e.setReturnComment(null);
        } else {
            e.setStatus("REVIEW");
            e.setReturnComment(comment.strip());
        }
        audit.record(caller.username(), "PERFORMANCE_SIGN_OFF_" + decision, "contract", e.getContractId(), null, Map.of("evaluation", evaluationId,
                "total", String.valueOf(e.getTotalScore()), "comment", comment == null ? "" : comment));
        return e;
    }

    private static void requireDecision(String decision, String yes, String comment) {
        if (!yes.equals(decision) && !"RETURN".equals(decision)) {
            throw AppException.invalid("decision", "task.decisionUnknown", yes + ", RETURN");
        }
        if ("RETURN".equals(decision) && (comment == null || comment.isBlank())) {
            throw AppException.invalid("comment", "task.commentRequired");
        }
    }

    private PerformanceEvaluation lockStep(Long evaluationId, String status) {
        PerformanceEvaluation e = evaluationId == null ? null : em.find(PerformanceEvaluation.class, evaluationId, LockModeType.PESSIMISTIC_WRITE);
        if (e == null) {
            throw AppException.notFound("performance.notFound");
        }
        if (!status.equals(e.getStatus())) {
            throw AppException.conflict("task.alreadyCompleted");
        }
        return e;
    }

    @PermitAll
    public double totalScore(Long evaluationId) {
        PerformanceEvaluation e = evaluation(evaluationId);
        if (!"SIGNED".equals(e.getStatus()) || e.getTotalScore() == null) {
            throw new IllegalStateException("evaluation " + evaluationId + " is not signed off");
        }
        return e.getTotalScore().doubleValue();
    }

    // ------------------------------------------------------------------ consequences

    /** What the decision table gave for the total: payment share, rectification, failing, band. */
    public record Decision(BigDecimal share, boolean rectification, boolean failing, String band) {
    }

    /**
     * Applies the signed-off result: the payment order (milestone × share), the credit entry, a rectification order
     * when needed, and for the final acceptance the public result. Runs once per evaluation.
     */
    @PermitAll
    public PerformanceEvaluation applyConsequences(Long evaluationId, Decision d) {
        PerformanceEvaluation e = em.find(PerformanceEvaluation.class, evaluationId, LockModeType.PESSIMISTIC_WRITE);
        if (e.getPaymentShare() != null) {
            return e;
        }
        Contract c = contracts.contract(e.getContractId());
        Milestone m = em.find(Milestone.class, e.getMilestoneId(), LockModeType.PESSIMISTIC_WRITE);
        BigDecimal share = d.share().setScale(4, RoundingMode.HALF_UP);
        e.setPaymentShare(share);
        e.setBand(d.band());
        e.setRectification(d.rectification());
        e.setFailing(d.failing());
        m.setStatus("EVALUATED");
        Instant now = Instant.now();
        PaymentOrder po = new PaymentOrder();
        po.setContractId(c.getId());
        po.setMilestoneId(m.getId());
        po.setEvaluationId(evaluationId);
        po.setMilestoneAmount(m.getAmount());
        po.setShare(share);
        po.setAmount(PaymentRules.orderAmount(m.getAmount(), share));
        po.setStatus(po.getAmount().signum() == 0 ? "NOTHING_DUE" : "ISSUED");
        po.setIssuedAt(now);
        em.persist(po);
        credit(c.getVendorId(), CreditRules.EVALUATION, c.getId(), evaluationId, e.getTotalScore(),
                "第" + m.getPositionNo() + "期 period " + m.getPositionNo() + (e.isFinalPeriod() ? "（终期验收 final acceptance）" : "")
                        + ": " + e.getTotalScore().toPlainString() + " → " + share.multiply(BigDecimal.valueOf(100)).stripTrailingZeros().toPlainString() + "%");
        if (d.rectification()) {
            Rectification r = new Rectification();
            r.setContractId(c.getId());
            r.setEvaluationId(evaluationId);
            r.setRoundNo(1);
            r.setOrderText(rectificationText(e));
            r.setDueAt(cn.huimin.domain.model.award.AwardRules.endOfWorkingDaysAfter(now, RECTIFICATION_WORKING_DAYS, workingDays.calendar()));
            r.setStatus("OPEN");
            em.persist(r);
            credit(c.getVendorId(), CreditRules.RECTIFICATION, c.getId(), evaluationId, null, "整改通知 Rectification order, due " + r.getDueAt());
        }
        if (e.isFinalPeriod()) {
            e.setPublishedAt(now);
        }
        em.flush();
        audit.record("system", "PERFORMANCE_CONSEQUENCES", "contract", c.getId(), null, Map.of("evaluation", evaluationId,
                "total", e.getTotalScore().toPlainString(), "share", share.toPlainString(), "band", d.band(),
                "paymentOrder", po.getAmount().toPlainString(), "rectification", d.rectification(), "failing", d.failing()));
        return e;
    }

    private String rectificationText(PerformanceEvaluation e) {
        StringBuilder b = new StringBuilder("绩效评价得分 Score " + e.getTotalScore().toPlainString() + "，须整改以下指标 Rectify these indicators:");
        for (IndicatorScore s : scores(e.getId())) {
            if (s.getScore() != null && s.getScore().compareTo(BigDecimal.valueOf(s.getWeight()).multiply(new BigDecimal("0.7"))) < 0) {
                b.append("\n· ").append(s.getNameZh()).append(' ').append(s.getNameEn()).append(": ").append(s.getScore().toPlainString())
                        .append('/').append(s.getWeight()).append(" — ").append(Objects.toString(s.getComment(), ""));
            }
        }
        String t = b.toString();
        return t.length() > 4000 ? t.substring(0, 4000) : t;
    }

    private void credit(Long vendorId, String kind, Long contractId, Long evaluationId, BigDecimal score, String note) {
        CreditEntry ce = new CreditEntry();
        ce.setVendorId(vendorId);
        ce.setKind(kind);
        ce.setContractId(contractId);
        ce.setEvaluationId(evaluationId);
        ce.setScore(score);
        ce.setNote(note.length() > 2000 ? note.substring(0, 2000) : note);
        ce.setRecordedAt(Instant.now());
        ce.setRecordedBy("system");
        em.persist(ce);
    }

    /** The open rectification of an evaluation (the latest round). */
    @PermitAll
    public Rectification rectification(Long evaluationId) {
        return em.createQuery("select r from Rectification r where r.evaluationId = :e order by r.roundNo desc", Rectification.class)
                .setParameter("e", evaluationId).setMaxResults(1).getResultStream().findFirst().orElse(null);
    }

    @PermitAll
    public List<Rectification> rectifications(Long contractId) {
        return em.createQuery("select r from Rectification r where r.contractId = :c order by r.id", Rectification.class)
                .setParameter("c", contractId).getResultList();
    }

    /** The vendor reports what it fixed. */
    @RolesAllowed(Role.VENDOR)
    public Rectification reportRectification(Long evaluationId, String report) {
        Caller caller = callers.current();
        Rectification r = rectification(evaluationId);
        if (r == null) {
            throw AppException.notFound("performance.notFound");
        }
        Contract c = contracts.contract(r.getContractId());
        Vendor me = vendors.byUsername(caller.username());
        if (me == null || !me.getId().equals(c.getVendorId())) {
            audit.recordAlone(caller.username(), "ACCESS_DENIED", "contract", c.getId(), Map.of("what", "report rectification"));
            throw AppException.forbidden("contract.notYours");
        }
        em.lock(r, LockModeType.PESSIMISTIC_WRITE);
        if (!"OPEN".equals(r.getStatus())) {
            throw AppException.conflict("performance.rectificationNotOpen");
        }
        if (report == null || report.isBlank()) {
            throw AppException.invalid("comment", "performance.rectificationReportRequired");
        }
        r.setVendorReport(report.strip());
        r.setReportedAt(Instant.now());
        r.setStatus("REPORTED");
        audit.record(caller.username(), "RECTIFICATION_REPORTED", "contract", c.getId(), null, Map.of("rectification", r.getId(),
                "late", r.getReportedAt().isAfter(r.getDueAt())));
        return r;
    }

    @PermitAll
    public Instant rectificationDue(Long evaluationId) {
        Rectification r = rectification(evaluationId);
        return r == null ? Instant.now() : r.getDueAt();
    }

    /** The deadline passed without a report: the re-check goes ahead on what is there. */
    @PermitAll
    public void rectificationOverdue(Long evaluationId) {
        Rectification r = rectification(evaluationId);
        if (r != null && "OPEN".equals(r.getStatus())) {
            r.setStatus("MISSED");
            audit.record("system", "RECTIFICATION_MISSED", "contract", r.getContractId(), null, Map.of("rectification", r.getId()));
        }
    }

    /** The officer re-checks: PASSED or FAILED (a new order follows). */
    @RolesAllowed(Role.OFFICER)
    public Rectification recheck(Long evaluationId, String decision, String comment) {
        Caller caller = callers.current();
        Rectification r = rectification(evaluationId);
        if (r == null) {
            throw AppException.notFound("performance.notFound");
        }
        contracts.lockOwn(r.getContractId(), caller);
        em.lock(r, LockModeType.PESSIMISTIC_WRITE);
        if (!Set.of("OPEN", "REPORTED", "MISSED").contains(r.getStatus())) {
            throw AppException.conflict("task.alreadyCompleted");
        }
        if ("FAILED".equals(decision) && (comment == null || comment.isBlank())) {
            throw AppException.invalid("comment", "performance.recheckReasonRequired");
        }
        r.setStatus("PASSED".equals(decision) ? "PASSED" : "FAILED");
        r.setCheckedBy(caller.username());
        r.setCheckedAt(Instant.now());
        r.setCheckComment(comment == null || comment.isBlank() ? null : comment.strip());
        audit.record(caller.username(), "RECTIFICATION_" + r.getStatus(), "contract", r.getContractId(), null, Map.of("rectification", r.getId(),
                "comment", comment == null ? "" : comment));
        return r;
    }

    @PermitAll
    public void rectificationPassed(Long evaluationId) {
        Rectification r = rectification(evaluationId);
        Contract c = contracts.contract(r.getContractId());
        credit(c.getVendorId(), CreditRules.RECTIFIED, c.getId(), evaluationId, null, "整改通过 Rectification passed (round " + r.getRoundNo() + ")");
    }

    /** After a failed re-check: the credit record notes it and a new round with a new deadline starts. */
    @PermitAll
    public Rectification renewRectification(Long evaluationId) {
        Rectification last = rectification(evaluationId);
        Contract c = contracts.contract(last.getContractId());
        credit(c.getVendorId(), CreditRules.RECHECK_FAILED, c.getId(), evaluationId, null,
                "整改复查未通过 Re-check failed (round " + last.getRoundNo() + "): " + Objects.toString(last.getCheckComment(), ""));
        Rectification r = new Rectification();
        r.setContractId(last.getContractId());
        r.setEvaluationId(evaluationId);
        r.setRoundNo(last.getRoundNo() + 1);
        r.setOrderText(last.getOrderText());
        r.setDueAt(cn.huimin.domain.model.award.AwardRules.endOfWorkingDaysAfter(Instant.now(), RECTIFICATION_WORKING_DAYS, workingDays.calendar()));
        r.setStatus("OPEN");
        em.persist(r);
        em.flush();
        audit.record("system", "RECTIFICATION_RENEWED", "contract", c.getId(), null, Map.of("rectification", r.getId(), "round", r.getRoundNo(),
                "due", r.getDueAt().toString()));
        return r;
    }

    /** Whether the last two evaluated periods of a contract both failed. */
    @PermitAll
    public boolean twoFailingInARow(Long contractId) {
        List<Boolean> last = em.createQuery("select e.failing from PerformanceEvaluation e where e.contractId = :c and e.paymentShare is not null "
                + "order by e.periodStart desc", Boolean.class).setParameter("c", contractId).setMaxResults(2).getResultList();
        return last.size() == 2 && last.get(0) && last.get(1);
    }

    // ------------------------------------------------------------------ payments

    @RolesAllowed({Role.FINANCE, Role.OFFICER, Role.HEAD, Role.ADMIN, Role.SUPERVISOR})
    public List<PaymentOrder> paymentOrders(String status, int first, int size) {
        Caller caller = callers.current();
        String unitFilter = caller.countyWide() ? "" : " and exists (select c.id from Contract c where c.id = p.contractId and c.unitId = :u)";
        var q = em.createQuery("select p from PaymentOrder p where (:s is null or p.status = :s)" + unitFilter + " order by p.issuedAt desc, p.id desc",
                PaymentOrder.class).setParameter("s", status == null || status.isBlank() ? null : status);
        if (!caller.countyWide()) {
            q.setParameter("u", caller.unitId());
        }
        return q.setFirstResult(Math.max(0, first)).setMaxResults(Math.min(Math.max(1, size), 200)).getResultList();
    }

    @PermitAll
    public List<PaymentOrder> paymentOrdersOf(Long contractId) {
        return em.createQuery("select p from PaymentOrder p where p.contractId = :c order by p.id", PaymentOrder.class)
                .setParameter("c", contractId).getResultList();
    }

    /** Finance records the payment of an order: positive, at most the order's amount, with the bank reference. */
    @RolesAllowed(Role.FINANCE)
    public PaymentOrder recordPaid(Long orderId, BigDecimal amount, String bankReference) {
        Caller caller = callers.current();
        PaymentOrder po = orderId == null ? null : em.find(PaymentOrder.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        if (po == null) {
            throw AppException.notFound("payment.notFound");
        }
        List<Violation> v = new ArrayList<>();
        PaymentRules.Problem p = PaymentRules.checkPaid(po.getAmount(), amount, !"ISSUED".equals(po.getStatus()));
        if (p == PaymentRules.Problem.ALREADY_PAID) {
            throw AppException.conflict("payment.ALREADY_PAID");
        }
        if (p != null) {
            v.add(new Violation("amount", "payment." + p.name(), po.getAmount().toPlainString()));
            audit.recordAlone(caller.username(), "PAYMENT_REFUSED", "contract", po.getContractId(), Map.of("order", orderId,
                    "amount", String.valueOf(amount), "problem", p.name()));
        }
        if (bankReference == null || bankReference.isBlank()) {
            v.add(new Violation("bankReference", "payment.bankReferenceRequired"));
        } else if (bankReference.length() > 100) {
            v.add(new Violation("bankReference", "validation.tooLong", 100));
        }
        if (!v.isEmpty()) {
            throw AppException.invalid(v);
        }
        po.setPaidAmount(amount.setScale(2, RoundingMode.UNNECESSARY));
        po.setPaidBy(caller.username());
        po.setPaidAt(Instant.now());
        po.setBankReference(bankReference.strip());
        po.setStatus("PAID");
        audit.record(caller.username(), "PAYMENT_RECORDED", "contract", po.getContractId(), null, Map.of("order", orderId,
                "amount", po.getPaidAmount().toPlainString(), "bankReference", po.getBankReference()));
        return po;
    }

    // ------------------------------------------------------------------ credit

    /** A vendor's credit record: the summary and its entries, newest first. */
    public record Credit(Long vendorId, String vendorName, CreditRules.Summary summary, List<CreditEntry> entries) {
        /** The five newest entries, for the short credit block on decision pages. */
        public List<CreditEntry> recent() {
            return entries.subList(0, Math.min(5, entries.size()));
        }
    }

    @RolesAllowed({Role.OFFICER, Role.HEAD, Role.FINANCE, Role.ADMIN, Role.SUPERVISOR, Role.EXPERT, Role.EVALUATOR, Role.VENDOR})
    public Credit credit(Long vendorId) {
        Caller caller = callers.current();
        if (caller.has(Role.VENDOR) && caller.roles().size() == 1) {
            Vendor me = vendors.byUsername(caller.username());
            if (me == null || !me.getId().equals(vendorId)) {
                throw AppException.forbidden("contract.notYours");
            }
        }
        return creditOf(vendorId);
    }

    @PermitAll
    public Credit creditOf(Long vendorId) {
        Vendor v = em.find(Vendor.class, vendorId);
        if (v == null) {
            throw AppException.notFound("vendor.notFound");
        }
        List<CreditEntry> entries = em.createQuery("select e from CreditEntry e where e.vendorId = :v order by e.recordedAt, e.id", CreditEntry.class)
                .setParameter("v", vendorId).getResultList();
        List<CreditEntry> newest = new ArrayList<>(entries);
        Collections.reverse(newest);
        return new Credit(vendorId, v.getName(), CreditRules.summarize(entries, Instant.now()), newest.subList(0, Math.min(50, newest.size())));
    }

    // ------------------------------------------------------------------ reading

    @PermitAll
    public PerformanceEvaluation evaluation(Long id) {
        PerformanceEvaluation e = id == null ? null : em.find(PerformanceEvaluation.class, id);
        if (e == null) {
            throw AppException.notFound("performance.notFound");
        }
        return e;
    }

    /** An evaluation for whoever may read its contract. */
    @PermitAll
    public PerformanceEvaluation readable(Long id) {
        PerformanceEvaluation e = evaluation(id);
        Contract c = contracts.contract(e.getContractId());
        if (!contracts.mayRead(c, callers.current()) && e.getPublishedAt() == null) {
            throw AppException.forbidden("contract.notYours");
        }
        return e;
    }

    @PermitAll
    public List<IndicatorScore> scores(Long evaluationId) {
        return em.createQuery("select s from IndicatorScore s where s.evaluationId = :e order by s.positionNo", IndicatorScore.class)
                .setParameter("e", evaluationId).getResultList();
    }

    @PermitAll
    public List<PerformanceEvaluation> evaluationsOf(Long contractId) {
        return em.createQuery("select e from PerformanceEvaluation e where e.contractId = :c order by e.periodStart", PerformanceEvaluation.class)
                .setParameter("c", contractId).getResultList();
    }

    /** Published acceptance results of a contract (for everyone). */
    @PermitAll
    public List<PerformanceEvaluation> publishedResults(Long contractId) {
        return em.createQuery("select e from PerformanceEvaluation e where e.contractId = :c and e.publishedAt is not null order by e.periodStart",
                PerformanceEvaluation.class).setParameter("c", contractId).getResultList();
    }

    /** Final acceptances open for residents' opinions now. */
    @PermitAll
    public List<PerformanceEvaluation> openForOpinions() {
        return em.createQuery("select e from PerformanceEvaluation e where e.status = 'OPINIONS' and e.opinionsUntil > :now order by e.opinionsUntil",
                PerformanceEvaluation.class).setParameter("now", Instant.now()).setMaxResults(100).getResultList();
    }
}
