package cn.huimin.application;

import cn.huimin.domain.model.award.Award;
import cn.huimin.domain.model.singlesource.Negotiation;
import cn.huimin.domain.model.singlesource.NegotiationPrice;
import cn.huimin.domain.model.singlesource.Objection;
import cn.huimin.domain.model.singlesource.SingleSourceRules;
import cn.huimin.domain.model.tender.DeadlineRules;
import cn.huimin.domain.model.tender.ProcurementMethod;
import cn.huimin.domain.model.tender.Tender;
import cn.huimin.domain.model.tender.TenderLot;
import cn.huimin.domain.model.tender.TenderStatus;
import cn.huimin.domain.model.user.Role;
import cn.huimin.domain.model.vendor.Vendor;
import cn.huimin.domain.shared.Money;
import cn.huimin.process.Bootstrap;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.*;

/**
 * Single source after its public notice (BPMN single-source): objections lodged during the notice and the officer's
 * reply (go on, or stop the single source); the negotiation with the supplier recorded by the officer (team of three or
 * more, minutes, date, agreed price per lot within its ceiling); the supplier confirms or declines it; the head
 * approves or returns it; on approval each lot is awarded to the supplier and the award notice and challenge period
 * follow as for any award (BPMN award, from its publication), then the contract.
 */
@Stateless
@DeclareRoles({Role.ADMIN, Role.OFFICER, Role.HEAD, Role.FINANCE, Role.SUPERVISOR, Role.VENDOR})
public class SingleSourceService {
    public static final String RECORDED = "RECORDED";
    public static final String CONFIRMED = "CONFIRMED";
    public static final String DECLINED = "DECLINED";
    public static final String RETURNED = "RETURNED";
    public static final String APPROVED = "APPROVED";
    public static final String FAILED = "FAILED";

    @PersistenceContext
    EntityManager em;

    @EJB
    AuditLog audit;

    @EJB
    Callers callers;

    @EJB
    VendorService vendors;

    @EJB
    TenderService tenders;

    @EJB
    Bootstrap bootstrap;

    // ---------------------------------------------------------------- objections

    /** A registered vendor objects to the single source (its reasons or the supplier) while the notice runs. */
    @RolesAllowed(Role.VENDOR)
    public Objection lodge(Long tenderId, String text) {
        Vendor vendor = vendors.mine();
        // shared lock: the end of the notice (countObjections) takes the row exclusively, so an objection is either
        // committed before it is counted or refused; the clock is read once the lock is held
        Tender t = tenderId == null ? null : em.find(Tender.class, tenderId, LockModeType.PESSIMISTIC_READ);
        if (t == null || t.getPublishedAt() == null) {
            throw AppException.notFound("tender.notFound");
        }
        String why = SingleSourceRules.objectionRefusal(t.getStatus(), t.getMethod(), t.getBidDeadline(), Instant.now());
        if (why != null) {
            throw AppException.conflict(why);
        }
        List<Violation> v = SingleSourceRules.checkObjection(text);
        if (!v.isEmpty()) {
            throw AppException.invalid(v);
        }
        Objection o = new Objection();
        o.setTenderId(tenderId);
        o.setLodgedBy(vendor.getUsername());
        o.setText(text.strip());
        o.setLodgedAt(Instant.now());
        em.persist(o);
        em.flush();
        audit.record(vendor.getUsername(), "OBJECTION_LODGED", "tender", tenderId, null, Map.of("objection", o.getId()));
        return o;
    }

    /** The objections to a tender with their replies, oldest first (public: the objector is never named). */
    @PermitAll
    public List<Objection> objections(Long tenderId) {
        return em.createQuery("select o from Objection o where o.tenderId = :t order by o.lodgedAt, o.id", Objection.class)
                .setParameter("t", tenderId).getResultList();
    }

    /**
     * The notice has ended (its timer): the tender moves on to the negotiation (status OPENED: no objection, bid or
     * amendment is taken any more) and the objections that wait for a reply are counted, under the tender's lock.
     */
    @PermitAll
    public long noticeEnded(Long tenderId) {
        Tender t = em.find(Tender.class, tenderId, LockModeType.PESSIMISTIC_WRITE);
        if (t.getStatus() == TenderStatus.PUBLISHED) {
            t.setStatus(TenderStatus.OPENED);
            t.setUpdatedAt(Instant.now());
            audit.record("system", "SINGLE_SOURCE_NOTICE_ENDED", "tender", tenderId, null,
                    Map.of("objections", objections(tenderId).size()));
        }
        return unansweredObjections(tenderId);
    }

    @PermitAll
    public long unansweredObjections(Long tenderId) {
        return em.createQuery("select count(o) from Objection o where o.tenderId = :t and o.reply is null", Long.class)
                .setParameter("t", tenderId).getSingleResult();
    }

    /**
     * The officer's handling of the objections: PROCEED (the objections are dismissed, with the reply) or STOP (an
     * objection is upheld: the single source is cancelled with the reply as the reason). The reply goes to every
     * unanswered objection and is public.
     */
    @RolesAllowed(Role.OFFICER)
    public void handleObjections(Long tenderId, String decision, String reply) {
        if (!Set.of("PROCEED", "STOP").contains(decision)) {
            throw AppException.invalid("decision", "task.decisionUnknown", "PROCEED, STOP");
        }
        String r = reply == null ? "" : reply.strip();
        if (r.isEmpty()) {
            throw AppException.invalid("comment", "objection.replyRequired");
        }
        if (r.length() > SingleSourceRules.MAX_REPLY) {
            throw AppException.invalid("comment", "validation.tooLong", SingleSourceRules.MAX_REPLY);
        }
        String actor = callers.current().username();
        Instant now = Instant.now();
        int answered = 0;
        for (Objection o : objections(tenderId)) {
            if (o.getReply() == null) {
                o.setReply(r);
                o.setRepliedBy(actor);
                o.setRepliedAt(now);
                answered++;
            }
        }
        audit.record(actor, "OBJECTIONS_HANDLED", "tender", tenderId, null, Map.of("decision", decision, "answered", answered));
    }

    /** The single source stops after an upheld objection: the tender is cancelled with the officer's reply. */
    @PermitAll
    public void stop(Long tenderId, String actor) {
        String reason = objections(tenderId).stream().map(Objection::getReply).filter(Objects::nonNull)
                .reduce((a, b) -> b).orElse("");
        tenders.endSingleSource(tenderId, TenderStatus.CANCELLED,
                "单一来源采购因异议成立而终止 The single source is stopped: an objection was upheld.\n" + reason, actor);
    }

    // ---------------------------------------------------------------- negotiation

    /** The negotiation the process is at (the newest), or null. */
    @PermitAll
    public Negotiation current(Long tenderId) {
        return em.createQuery("select n from Negotiation n where n.tenderId = :t order by n.id desc", Negotiation.class)
                .setParameter("t", tenderId).setMaxResults(1).getResultStream().findFirst().orElse(null);
    }

    @PermitAll
    public List<Negotiation> history(Long tenderId) {
        return em.createQuery("select n from Negotiation n where n.tenderId = :t order by n.id", Negotiation.class)
                .setParameter("t", tenderId).getResultList();
    }

    @PermitAll
    public List<NegotiationPrice> prices(Long negotiationId) {
        return em.createQuery("select p from NegotiationPrice p where p.negotiationId = :n order by p.lotNo", NegotiationPrice.class)
                .setParameter("n", negotiationId).getResultList();
    }

    /** The vendor's registered name, for the pages of the negotiation. */
    @PermitAll
    public String vendorName(Long vendorId) {
        return vendors.nameOf(vendorId);
    }

    /**
     * The officer records the negotiation: the supplier (a verified vendor in good standing, by its USCC), the team,
     * the date, the minutes and the agreed price of every lot (within the lot's ceiling). Returns it; the supplier's
     * login is what the process asks to confirm.
     */
    @RolesAllowed(Role.OFFICER)
    public Negotiation record(Long tenderId, String uscc, String team, String minutes, String negotiatedOn, Map<Long, String> prices) {
        Tender t = negotiable(tenderId);
        List<Violation> v = new ArrayList<>();
        Vendor vendor = null;
        String code = uscc == null ? "" : uscc.strip().toUpperCase(Locale.ROOT);
        if (code.isEmpty()) {
            v.add(new Violation("vendorUscc", "validation.required"));
        } else {
            vendor = em.createQuery("select x from Vendor x where x.uscc = :u", Vendor.class).setParameter("u", code)
                    .getResultStream().findFirst().orElse(null);
            if (vendor == null) {
                v.add(new Violation("vendorUscc", "negotiation.vendorUnknown"));
            } else {
                String why = vendors.ineligibility(vendor);
                if (why != null) {
                    v.add(new Violation("vendorUscc", why));
                } else if (t.getProposedSupplier() == null || !vendor.getName().strip().equals(t.getProposedSupplier().strip())) {
                    // only the supplier the public notice named, which anyone could object to
                    v.add(new Violation("vendorUscc", "negotiation.notTheNoticedSupplier", String.valueOf(t.getProposedSupplier())));
                }
            }
        }
        LocalDate date = null;
        if (negotiatedOn != null && !negotiatedOn.isBlank()) {
            try {
                date = LocalDate.parse(negotiatedOn.strip());
            } catch (DateTimeParseException e) {
                v.add(new Violation("negotiatedOn", "validation.badDate"));
            }
        }
        Map<Long, BigDecimal> ceilings = new LinkedHashMap<>();
        for (TenderLot lot : t.getLots()) {
            ceilings.put(lot.getId(), lot.getBudgetCeiling() != null ? lot.getBudgetCeiling() : t.getBudget());
        }
        LocalDate today = DeadlineRules.dateInChina(Instant.now());
        LocalDate noticeEnd = DeadlineRules.dateInChina(t.getBidDeadline());
        // with objections, not before they were answered
        for (Objection o : objections(tenderId)) {
            if (o.getRepliedAt() != null && DeadlineRules.dateInChina(o.getRepliedAt()).isAfter(noticeEnd)) {
                noticeEnd = DeadlineRules.dateInChina(o.getRepliedAt());
            }
        }
        List<Violation> rules = SingleSourceRules.checkNegotiation(team, minutes, date, noticeEnd, today,
                prices == null ? Map.of() : prices, ceilings);
        if (date == null && negotiatedOn != null && !negotiatedOn.isBlank()) {
            rules.removeIf(x -> x.getField().equals("negotiatedOn"));
        }
        v.addAll(rules);
        if (!v.isEmpty()) {
            throw AppException.invalid(v);
        }
        String actor = callers.current().username();
        Negotiation n = new Negotiation();
        n.setTenderId(tenderId);
        n.setVendorId(vendor.getId());
        n.setStatus(RECORDED);
        n.setTeam(String.join("、", SingleSourceRules.teamMembers(team)));
        n.setMinutes(minutes.strip());
        n.setNegotiatedOn(date);
        n.setRecordedBy(actor);
        n.setRecordedAt(Instant.now());
        em.persist(n);
        em.flush();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("negotiation", n.getId());
        details.put("vendor", vendor.getId());
        for (TenderLot lot : t.getLots()) {
            NegotiationPrice p = new NegotiationPrice();
            p.setNegotiationId(n.getId());
            p.setLotId(lot.getId());
            p.setLotNo(lot.getLotNo());
            p.setPrice(Money.of(prices.get(lot.getId())));
            em.persist(p);
            details.put("lot" + lot.getLotNo(), p.getPrice().toPlainString());
        }
        audit.record(actor, "NEGOTIATION_RECORDED", "tender", tenderId, null, details);
        return n;
    }

    /** The officer records that no agreement was reached (with the reason): every lot fails, the tender fails. */
    @RolesAllowed(Role.OFFICER)
    public void recordFailure(Long tenderId, String reason) {
        negotiable(tenderId);
        if (reason == null || reason.isBlank()) {
            throw AppException.invalid("comment", "negotiation.failureReasonRequired");
        }
        audit.record(callers.current().username(), "NEGOTIATION_FAILED", "tender", tenderId, null, Map.of("reason", reason.strip()));
    }

    /** From the process after a failed negotiation: the lots and the tender fail. */
    @PermitAll
    public void fail(Long tenderId, String reason, String actor) {
        tenders.endSingleSource(tenderId, TenderStatus.FAILED,
                "单一来源采购终止：未能与供应商达成一致。The single source ended: no agreement was reached with the supplier.\n"
                        + (reason == null ? "" : reason.strip()), actor);
    }

    /** The supplier confirms (CONFIRM) or declines (DECLINE, with the reason) the recorded negotiation. */
    @RolesAllowed(Role.VENDOR)
    public void supplierDecision(Long tenderId, String decision, String comment) {
        Negotiation n = currentFor(tenderId, RECORDED);
        Vendor me = vendors.mine();
        if (!me.getId().equals(n.getVendorId())) {
            audit.recordAlone(me.getUsername(), "ACCESS_DENIED", "tender", tenderId, Map.of("negotiation", n.getId()));
            throw AppException.forbidden("negotiation.notYours");
        }
        if ("DECLINE".equals(decision) && (comment == null || comment.isBlank())) {
            throw AppException.invalid("comment", "negotiation.declineReasonRequired");
        }
        n.setStatus("CONFIRM".equals(decision) ? CONFIRMED : DECLINED);
        n.setVendorComment(comment == null || comment.isBlank() ? null : comment.strip());
        n.setVendorDecidedAt(Instant.now());
        audit.record(me.getUsername(), "CONFIRM".equals(decision) ? "NEGOTIATION_CONFIRMED" : "NEGOTIATION_DECLINED",
                "tender", tenderId, null, Map.of("negotiation", n.getId()));
    }

    /** The head approves (APPROVE) or returns (RETURN, with the comment) the confirmed negotiation. */
    @RolesAllowed(Role.HEAD)
    public void headDecision(Long tenderId, String decision, String comment) {
        Negotiation n = currentFor(tenderId, CONFIRMED);
        String actor = callers.current().username();
        n.setStatus("APPROVE".equals(decision) ? APPROVED : RETURNED);
        n.setDecidedBy(actor);
        n.setDecidedAt(Instant.now());
        n.setDecisionComment(comment == null || comment.isBlank() ? null : comment.strip());
        audit.record(actor, "APPROVE".equals(decision) ? "NEGOTIATION_APPROVED" : "NEGOTIATION_RETURNED", "tender", tenderId, null,
                Map.of("negotiation", n.getId()));
    }

    /** The login of the supplier of the newest negotiation: its confirmation task goes to it. */
    @PermitAll
    public String supplierLogin(Long tenderId) {
        Negotiation n = current(tenderId);
        return n == null ? null : em.find(Vendor.class, n.getVendorId()).getUsername();
    }

    /**
     * From the process after the head's approval: each lot is awarded to the supplier at its agreed price (confirmed
     * by the head), and its award process starts at the publication of the notice. Returns the award ids.
     */
    @PermitAll
    public List<Long> award(Long tenderId) {
        Negotiation n = currentFor(tenderId, APPROVED);
        Tender t = em.find(Tender.class, tenderId);
        Vendor vendor = em.find(Vendor.class, n.getVendorId());
        String why = vendors.ineligibility(vendor);
        if (why != null) {
            // suspended (a document expired) since the negotiation: the head's approval is refused
            throw AppException.conflict(why);
        }
        List<Long> ids = new ArrayList<>();
        for (NegotiationPrice p : prices(n.getId())) {
            Award existing = em.createQuery("select a from Award a where a.negotiationId = :n and a.lotId = :l", Award.class)
                    .setParameter("n", n.getId()).setParameter("l", p.getLotId()).getResultStream().findFirst().orElse(null);
            if (existing != null) {
                ids.add(existing.getId());
                continue;
            }
            Award a = new Award();
            a.setTenderId(tenderId);
            a.setLotId(p.getLotId());
            a.setLotNo(p.getLotNo());
            a.setNegotiationId(n.getId());
            a.setStatus("CONFIRMED");
            a.setWinnerVendorId(vendor.getId());
            a.setWinnerName(vendor.getName());
            a.setPrice(p.getPrice());
            a.setConfirmDue(n.getDecidedAt());
            a.setConfirmedBy(n.getDecidedBy());
            a.setConfirmedAt(n.getDecidedAt());
            em.persist(a);
            em.flush();
            ids.add(a.getId());
            Map<String, Object> vars = new HashMap<>();
            vars.put("tenderId", tenderId);
            vars.put("unitId", t.getUnitId());
            vars.put("lotId", p.getLotId());
            vars.put("awardId", a.getId());
            String pi = bootstrap.engine().getRuntimeService().createProcessInstanceByKey("award")
                    .businessKey(tenderId + "/" + p.getLotNo()).setVariables(vars).startBeforeActivity("publishAward")
                    .execute().getId();
            a.setProcessInstanceId(pi);
            audit.record("system", "AWARD_CONFIRMED", "tender", tenderId, null, Map.of("award", a.getId(), "lot", p.getLotNo(),
                    "winner", vendor.getName(), "price", p.getPrice().toPlainString(), "negotiation", n.getId()));
        }
        return ids;
    }

    /**
     * Starts the single-source process of every published single-source tender that has none (demo data is loaded
     * before the engine runs); a notice that has already ended is handled at once by its timer. Returns how many.
     */
    @PermitAll
    public int startMissingProcesses() {
        int started = 0;
        for (Tender t : em.createQuery("select t from Tender t where t.method = :m and t.status = :s order by t.id", Tender.class)
                .setParameter("m", ProcurementMethod.SINGLE_SOURCE).setParameter("s", TenderStatus.PUBLISHED).getResultList()) {
            // two nodes starting at once: the row lock lets one of them start it, the other sees its history
            em.lock(t, LockModeType.PESSIMISTIC_WRITE);
            String key = String.valueOf(t.getId());
            var engine = bootstrap.engine();
            if (engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("single-source")
                    .processInstanceBusinessKey(key).count() > 0) {
                continue;
            }
            Map<String, Object> vars = new HashMap<>();
            vars.put("tenderId", t.getId());
            vars.put("unitId", t.getUnitId());
            vars.put("bidDeadline", java.util.Date.from(t.getBidDeadline()));
            engine.getRuntimeService().startProcessInstanceByKey("single-source", key, vars);
            started++;
        }
        return started;
    }

    /** The USCC of a vendor, to fill the officer's form again after a declined or returned round. */
    @RolesAllowed(Role.OFFICER)
    public String usccOfVendor(Long vendorId) {
        Vendor v = vendorId == null ? null : em.find(Vendor.class, vendorId);
        return v == null ? null : v.getUscc();
    }

    /** The USCC of the supplier the tender's notice proposed, when exactly one registered vendor has that name; or null. */
    @RolesAllowed(Role.OFFICER)
    public String proposedSupplierUscc(Long tenderId) {
        Tender t = tenderId == null ? null : em.find(Tender.class, tenderId);
        if (t == null || t.getProposedSupplier() == null || t.getProposedSupplier().isBlank()) {
            return null;
        }
        List<String> found = em.createQuery("select v.uscc from Vendor v where v.name = :n", String.class)
                .setParameter("n", t.getProposedSupplier().strip()).setMaxResults(2).getResultList();
        return found.size() == 1 ? found.get(0) : null;
    }

    /** The officer's negotiation step is possible: a single-source tender whose notice has ended (OPENED), every objection answered. */
    private Tender negotiable(Long tenderId) {
        Tender t = tenderId == null ? null : em.find(Tender.class, tenderId);
        if (t == null) {
            throw AppException.notFound("tender.notFound");
        }
        if (t.getMethod() != ProcurementMethod.SINGLE_SOURCE) {
            throw AppException.conflict("negotiation.notOpen");
        }
        if (t.getStatus() == TenderStatus.PUBLISHED || Instant.now().isBefore(t.getBidDeadline())) {
            throw AppException.conflict("negotiation.noticeRunning");
        }
        if (t.getStatus() != TenderStatus.OPENED) {
            throw AppException.conflict("negotiation.notOpen");
        }
        if (unansweredObjections(tenderId) > 0) {
            throw AppException.conflict("negotiation.objectionsOpen");
        }
        return t;
    }

    private Negotiation currentFor(Long tenderId, String status) {
        Negotiation n = current(tenderId);
        if (n == null || !status.equals(n.getStatus())) {
            throw AppException.conflict("task.alreadyCompleted");
        }
        return em.find(Negotiation.class, n.getId(), LockModeType.PESSIMISTIC_WRITE);
    }
}
