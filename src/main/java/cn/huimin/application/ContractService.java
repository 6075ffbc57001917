package cn.huimin.application;

import cn.huimin.domain.model.award.Award;
import cn.huimin.domain.model.catalogue.DeliverableType;
import cn.huimin.domain.model.catalogue.Indicator;
import cn.huimin.domain.model.contract.Contract;
import cn.huimin.domain.model.contract.ContractDeliverable;
import cn.huimin.domain.model.contract.ContractRules;
import cn.huimin.domain.model.contract.Milestone;
import cn.huimin.domain.model.contract.Supplement;
import cn.huimin.domain.model.performance.CreditEntry;
import cn.huimin.domain.model.performance.CreditRules;
import cn.huimin.domain.model.place.Place;
import cn.huimin.domain.model.place.PurchasingUnit;
import cn.huimin.domain.model.tender.LotDeliverable;
import cn.huimin.domain.model.tender.Tender;
import cn.huimin.domain.model.tender.TenderLot;
import cn.huimin.domain.model.user.Role;
import cn.huimin.domain.model.vendor.Vendor;
import cn.huimin.domain.shared.WorkingDayCalendar;
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
import java.util.*;

/**
 * Contracts from standing awards: drafted from the tender and the winning bid, terms set by the officer of the
 * purchasing unit (bond, term, milestones), signed by the purchaser and then the vendor within 30 days of the award
 * notice, published at once (the law allows 2 working days), with supplementary agreements of at most 10% in total.
 */
@Stateless
@DeclareRoles({Role.ADMIN, Role.OFFICER, Role.HEAD, Role.FINANCE, Role.SUPERVISOR, Role.VENDOR, Role.STATION, Role.EVALUATOR})
public class ContractService {
    public static final Set<String> IN_SERVICE = Set.of("PUBLISHED");

    @PersistenceContext
    EntityManager em;

    @EJB
    AuditLog audit;

    @EJB
    Callers callers;

    @EJB
    WorkingDays workingDays;

    @EJB
    AwardService awards;

    @EJB
    VendorService vendors;

    /** Whether the award of a contract process may lead to a contract now: CANCELLED, BLOCKED or FREE. */
    @PermitAll
    public String awardState(Long awardId) {
        Award a = awards.award(awardId);
        if (Set.of("CANCELLED", "NO_AWARD", "RE_EVALUATION").contains(a.getStatus())) {
            return "CANCELLED";
        }
        if (!Set.of("PUBLISHED", "FINAL").contains(a.getStatus()) || awards.signingBlocked(a.getLotId())) {
            return "BLOCKED";
        }
        return "FREE";
    }

    /** Drafts the contract of a standing award (once): parties, deliverables, price, default terms and milestones. */
    @PermitAll
    public Contract draft(Long awardId) {
        List<Contract> existing = em.createQuery("select c from Contract c where c.awardId = :a", Contract.class)
                .setParameter("a", awardId).getResultList();
        if (!existing.isEmpty()) {
            return existing.get(0);
        }
        Award a = awards.award(awardId);
        Tender t = em.find(Tender.class, a.getTenderId());
        TenderLot lot = em.find(TenderLot.class, a.getLotId());
        Instant now = Instant.now();
        Contract c = new Contract();
        c.setContractNo(nextNumber(now));
        c.setTenderId(t.getId());
        c.setLotId(lot.getId());
        c.setAwardId(awardId);
        c.setVendorId(a.getWinnerVendorId());
        c.setUnitId(t.getUnitId());
        String title = t.getTitle() + (lot.getTitle() == null || lot.getTitle().isBlank() ? "" : " · " + lot.getTitle());
        c.setTitle(title.length() > 300 ? title.substring(0, 300) : title);
        c.setAmount(a.getPrice());
        c.setBondPercent(ContractRules.DEFAULT_BOND_PERCENT);
        c.setBondAmount(ContractRules.bondAmount(a.getPrice(), ContractRules.DEFAULT_BOND_PERCENT));
        LocalDate today = LocalDate.now(WorkingDayCalendar.ZONE);
        LocalDate start = lot.getServiceStart() != null && lot.getServiceStart().isAfter(today) ? lot.getServiceStart() : today.plusDays(1);
        LocalDate end = lot.getServiceEnd() != null && lot.getServiceEnd().isAfter(start) ? lot.getServiceEnd() : start.plusYears(1).minusDays(1);
        if (end.isAfter(start.plusYears(3).minusDays(1))) {
            end = start.plusYears(3).minusDays(1);
        }
        boolean stable = end.isAfter(start.plusYears(1).minusDays(1));
        c.setTermStart(start);
        c.setTermEnd(end);
        c.setStableService(stable);
        c.setLongTermReason(stable ? "招标文件规定的服务期 The service term set in the tender" : null);
        c.setAcceptanceTerms(acceptanceTerms());
        c.setEvaluationTerms(evaluationTerms(t.getCategoryId()));
        c.setStatus("DRAFT");
        c.setSignDue(ContractRules.signDue(a.getPublishedAt() != null ? a.getPublishedAt() : now));
        c.setCreatedAt(now);
        em.persist(c);
        em.flush();
        for (LotDeliverable d : lot.getDeliverables()) {
            ContractDeliverable cd = new ContractDeliverable();
            cd.setContractId(c.getId());
            cd.setDeliverableTypeId(d.getDeliverableTypeId());
            cd.setPlaceId(d.getPlaceId());
            cd.setQuantity(d.getQuantity());
            cd.setPerPeriod(d.getPerPeriod().name());
            em.persist(cd);
        }
        ContractRules.Frequency f = ContractRules.months(start, end).compareTo(BigDecimal.valueOf(3)) <= 0
                ? ContractRules.Frequency.TERM : ContractRules.Frequency.QUARTER;
        replaceMilestones(c, ContractRules.schedule(start, end, f));
        audit.record("system", "CONTRACT_DRAFTED", "contract", c.getId(), null, Map.of("contractNo", c.getContractNo(),
                "award", awardId, "vendor", String.valueOf(c.getVendorId()), "amount", c.getAmount().toPlainString(),
                "signDue", c.getSignDue().toString()));
        return c;
    }

    private void replaceMilestones(Contract c, List<ContractRules.Period> periods) {
        em.createQuery("delete from Milestone m where m.contractId = :c").setParameter("c", c.getId()).executeUpdate();
        List<BigDecimal> amounts = ContractRules.milestoneAmounts(c.getAmount(), periods.stream().map(ContractRules.Period::sharePercent).toList());
        for (int i = 0; i < periods.size(); i++) {
            ContractRules.Period p = periods.get(i);
            Milestone m = new Milestone();
            m.setContractId(c.getId());
            m.setPositionNo(i + 1);
            m.setSharePercent(p.sharePercent());
            m.setAmount(amounts.get(i));
            m.setPeriodStart(p.start());
            m.setPeriodEnd(p.end());
            m.setFinalPeriod(i == periods.size() - 1);
            m.setStatus("PENDING");
            em.persist(m);
        }
        em.flush();
    }

    private String nextNumber(Instant now) {
        int year = now.atZone(WorkingDayCalendar.ZONE).getYear();
        int updated = em.createNativeQuery("update contract_counter set last_no = last_no + 1 where year_no = ?1")
                .setParameter(1, year).executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("insert into contract_counter(year_no, last_no) values (?1, 1)").setParameter(1, year).executeUpdate();
        }
        Number n = (Number) em.createNativeQuery("select last_no from contract_counter where year_no = ?1")
                .setParameter(1, year).getSingleResult();
        return String.format("HT-%d-%04d", year, n.intValue());
    }

    static String acceptanceTerms() {
        return "服务期满（及每个考核期末）由采购人组织绩效评价；终期验收邀请服务对象（群众）发表意见，验收结果向社会公开（政府采购法实施条例第45条）。\n"
                + "At the end of each period and of the term the purchaser evaluates the service; the final acceptance invites the "
                + "opinions of the residents served and its result is published (GPLIR 45).";
    }

    String evaluationTerms(Long categoryId) {
        StringBuilder b = new StringBuilder("绩效评价指标 Performance indicators (满分 out of 100):\n");
        if (categoryId != null) {
            for (Indicator i : em.createQuery("select i from Indicator i where i.categoryId = :c and i.active = true order by i.id", Indicator.class)
                    .setParameter("c", categoryId).getResultList()) {
                b.append("· ").append(i.getNameZh()).append(' ').append(i.getNameEn()).append(" — ").append(i.getWeight()).append('\n');
            }
        }
        b.append("付款比例 Payment share of the period: ≥90 100%; 80–90 95%; 70–80 85%; 60–70 70% 并整改 with rectification; "
                + "<60 0 并整改 with rectification. 连续两期低于60分，采购人可解除合同 Two periods in a row below 60 may end the contract.");
        return b.toString();
    }

    // ------------------------------------------------------------------ terms and signing

    /** The officer sets the terms of a draft: bond, term, stable-service reason and milestones (frequency or shares). */
    @RolesAllowed(Role.OFFICER)
    public Contract updateTerms(Long contractId, TermsForm f) {
        Caller caller = callers.current();
        Contract c = lockOwn(contractId, caller);
        if (!"DRAFT".equals(c.getStatus())) {
            throw AppException.conflict("contract.notDraft");
        }
        if (f.version() != null && f.version() != c.getVersion()) {
            throw AppException.conflict("tender.stale");
        }
        List<Violation> v = new ArrayList<>();
        String reason = f.longTermReason() == null || f.longTermReason().isBlank() ? null : f.longTermReason().strip();
        for (ContractRules.Problem p : ContractRules.checkTerm(f.termStart(), f.termEnd(), f.stableService(), reason)) {
            v.add(new Violation(p == ContractRules.Problem.LONG_TERM_REASON_MISSING ? "longTermReason" : "termEnd", "contract." + p.name()));
        }
        for (ContractRules.Problem p : ContractRules.checkBond(f.bondPercent())) {
            v.add(new Violation("bondPercent", "contract." + p.name()));
        }
        if (reason != null && reason.length() > 2000) {
            v.add(new Violation("longTermReason", "validation.tooLong", 2000));
        }
        List<ContractRules.Period> periods = null;
        if (v.isEmpty()) {
            ContractRules.Frequency freq = f.frequency() == null ? ContractRules.Frequency.QUARTER : f.frequency();
            periods = ContractRules.schedule(f.termStart(), f.termEnd(), freq);
            if (periods.size() > ContractRules.MAX_MILESTONES) {
                v.add(new Violation("frequency", "contract.TOO_MANY_MILESTONES", ContractRules.MAX_MILESTONES));
            } else if (f.shares() != null && !f.shares().isEmpty()) {
                if (f.shares().size() != periods.size()) {
                    v.add(new Violation("shares", "contract.sharesCount", periods.size()));
                } else {
                    List<ContractRules.Period> custom = new ArrayList<>();
                    for (int i = 0; i < periods.size(); i++) {
                        custom.add(new ContractRules.Period(periods.get(i).start(), periods.get(i).end(), f.shares().get(i)));
                    }
                    periods = custom;
                }
            }
            if (v.isEmpty()) {
                for (ContractRules.Problem p : ContractRules.checkMilestones(periods, f.termStart(), f.termEnd())) {
                    v.add(new Violation("shares", "contract." + p.name()));
                }
            }
        }
        if (!v.isEmpty()) {
            throw AppException.invalid(v);
        }
        Map<String, Object> before = Map.of("bond", c.getBondPercent().toPlainString(), "term", c.getTermStart() + "/" + c.getTermEnd());
        c.setBondPercent(f.bondPercent());
        c.setBondAmount(ContractRules.bondAmount(c.getAmount(), f.bondPercent()));
        c.setTermStart(f.termStart());
        c.setTermEnd(f.termEnd());
        c.setStableService(f.stableService());
        c.setLongTermReason(f.stableService() ? reason : null);
        replaceMilestones(c, periods);
        audit.record(caller.username(), "CONTRACT_TERMS_SET", "contract", c.getId(), before, Map.of("bond", f.bondPercent().toPlainString(),
                "term", f.termStart() + "/" + f.termEnd(), "milestones", periods.size(), "stable", f.stableService()));
        return c;
    }

    /** What the officer may change in a draft. shares: optional percentages per period (must sum to 100). */
    public record TermsForm(BigDecimal bondPercent, LocalDate termStart, LocalDate termEnd, boolean stableService,
                            String longTermReason, ContractRules.Frequency frequency, List<BigDecimal> shares, Long version) {
    }

    /** The purchaser signs (the officer of the unit, by login): the terms are fixed from now on. */
    @RolesAllowed(Role.OFFICER)
    public Contract signForPurchaser(Long contractId) {
        Caller caller = callers.current();
        Contract c = lockOwn(contractId, caller);
        if (!"DRAFT".equals(c.getStatus())) {
            throw AppException.conflict("contract.notDraft");
        }
        Instant now = Instant.now();
        c.setPurchaserSignedBy(caller.username());
        c.setPurchaserSignedAt(now);
        c.setReturnReason(null);
        c.setStatus("PURCHASER_SIGNED");
        audit.record(caller.username(), "CONTRACT_SIGNED_PURCHASER", "contract", c.getId(), null, Map.of("contractNo", c.getContractNo(),
                "late", now.isAfter(c.getSignDue())));
        return c;
    }

    /** The vendor signs the contract the purchaser signed, or returns it with the reason (the purchaser's signature lapses). */
    @RolesAllowed(Role.VENDOR)
    public Contract vendorDecision(Long contractId, String decision, String reason) {
        Caller caller = callers.current();
        Contract c = em.find(Contract.class, contractId, LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            throw AppException.notFound("contract.notFound");
        }
        Vendor me = vendors.byUsername(caller.username());
        if (me == null || !me.getId().equals(c.getVendorId())) {
            audit.recordAlone(caller.username(), "ACCESS_DENIED", "contract", contractId, Map.of("what", "sign contract"));
            throw AppException.forbidden("contract.notYours");
        }
        if (!"PURCHASER_SIGNED".equals(c.getStatus())) {
            throw AppException.conflict("contract.notAwaitingVendor");
        }
        Instant now = Instant.now();
        if ("SIGN".equals(decision)) {
            c.setVendorSignedBy(caller.username());
            c.setVendorSignedAt(now);
            c.setStatus("SIGNED");
            c.setPublishDue(ContractRules.publishDue(now, workingDays.calendar()));
                audit.record(caller.username(), "CONTRACT_SIGNED_VENDOR", "contract", c.getId(), null, Map.of("contractNo", c.getContractNo(),
                    "late", now.isAfter(c.getSignDue())));
        } else if ("RETURN".equals(decision)) {
            if (reason == null || reason.isBlank()) {
                throw AppException.invalid("comment", "task.commentRequired");
            }
            c.setReturnReason(reason.strip());
            c.setPurchaserSignedAt(null);
            c.setPurchaserSignedBy(null);
            c.setStatus("DRAFT");
            audit.record(caller.username(), "CONTRACT_RETURNED", "contract", c.getId(), null, Map.of("reason", reason.strip()));
        } else {
            throw AppException.invalid("decision", "task.decisionUnknown", "SIGN, RETURN");
        }
        return c;
    }

    /** Publishes a contract signed by both sides. */
    @PermitAll
    public void publish(Long contractId) {
        Contract c = em.find(Contract.class, contractId, LockModeType.PESSIMISTIC_WRITE);
        if (c.getPublishedAt() != null) {
            return;
        }
        if (!"SIGNED".equals(c.getStatus())) {
            throw new IllegalStateException("contract " + contractId + " is not signed");
        }
        Instant now = Instant.now();
        c.setPublishedAt(now);
        c.setStatus("PUBLISHED");
        audit.record("system", "CONTRACT_PUBLISHED", "contract", c.getId(), null, Map.of("contractNo", c.getContractNo(),
                "publishDue", String.valueOf(c.getPublishDue()), "late", c.getPublishDue() != null && now.isAfter(c.getPublishDue())));
    }

    @PermitAll
    public void recordOverdueSigning(Long contractId) {
        Contract c = contract(contractId);
        audit.record("system", "CONTRACT_SIGNING_OVERDUE", "contract", c.getId(), null, Map.of("contractNo", c.getContractNo(),
                "status", c.getStatus(), "signDue", c.getSignDue().toString()));
    }

    @PermitAll
    public void attachProcess(Long contractId, String signing, String term) {
        Contract c = contract(contractId);
        if (signing != null) {
            c.setProcessInstanceId(signing);
        }
        if (term != null) {
            c.setTermProcessId(term);
        }
    }

    /** The head acknowledges the overdue signing with what was done about it. */
    @RolesAllowed(Role.HEAD)
    public void recordFollowUp(Long contractId, String note) {
        Caller caller = callers.current();
        Contract c = contract(contractId);
        audit.record(caller.username(), "CONTRACT_SIGNING_FOLLOWED_UP", "contract", c.getId(), null, Map.of("note", note));
    }

    /**
     * Starts the contract process of every standing award that has neither a contract nor one running (demo awards
     * are loaded without: process starts belong in a request, not in the start-up). Called by the first request.
     */
    @PermitAll
    public int startMissingSigning() {
        var engine = cn.huimin.process.Bootstrap.running();
        int started = 0;
        for (Award a : em.createQuery("select a from Award a where a.status = 'FINAL' and a.winnerVendorId is not null "
                + "and not exists (select c.id from Contract c where c.awardId = a.id) order by a.id", Award.class).setMaxResults(100).getResultList()) {
            if (engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("contract-signing")
                    .variableValueEquals("awardId", a.getId()).count() > 0) {
                continue;
            }
            Map<String, Object> vars = new HashMap<>();
            vars.put("awardId", a.getId());
            vars.put("tenderId", a.getTenderId());
            vars.put("unitId", em.find(Tender.class, a.getTenderId()).getUnitId());
            vars.put("lotId", a.getLotId());
            vars.put("vendorUser", vendorUser(a.getWinnerVendorId()));
            engine.getRuntimeService().startProcessInstanceByKey("contract-signing", a.getTenderId() + "/" + a.getLotNo(), vars);
            started++;
        }
        return started;
    }

    // ------------------------------------------------------------------ supplements

    /** The officer proposes a supplementary agreement; together with the others it may add at most 10% of the amount. */
    @RolesAllowed(Role.OFFICER)
    public Supplement proposeSupplement(Long contractId, BigDecimal amount, String reason) {
        Caller caller = callers.current();
        Contract c = lockOwn(contractId, caller);
        if (!IN_SERVICE.contains(c.getStatus())) {
            throw AppException.conflict("contract.notInService");
        }
        List<Violation> v = new ArrayList<>();
        BigDecimal pending = em.createQuery("select coalesce(sum(s.amount), 0) from Supplement s where s.contractId = :c and s.status = 'PROPOSED'", BigDecimal.class)
                .setParameter("c", contractId).getSingleResult();
        for (ContractRules.Problem p : ContractRules.checkSupplement(c.getAmount(), c.getSupplementTotal().add(pending), amount)) {
            v.add(new Violation("amount", "contract." + p.name(), ContractRules.supplementLimit(c.getAmount()).toPlainString(),
                    c.getSupplementTotal().add(pending).toPlainString()));
        }
        if (reason == null || reason.isBlank()) {
            v.add(new Violation("reason", "contract.supplementReasonRequired"));
        } else if (reason.length() > 4000) {
            v.add(new Violation("reason", "validation.tooLong", 4000));
        }
        if (!v.isEmpty()) {
            audit.recordAlone(caller.username(), "SUPPLEMENT_REFUSED", "contract", contractId, Map.of("amount", String.valueOf(amount),
                    "problems", v.stream().map(Violation::getKey).toList().toString()));
            throw AppException.invalid(v);
        }
        Supplement s = new Supplement();
        s.setContractId(contractId);
        s.setAmount(amount);
        s.setReason(reason.strip());
        s.setStatus("PROPOSED");
        s.setProposedBy(caller.username());
        s.setProposedAt(Instant.now());
        em.persist(s);
        em.flush();
        audit.record(caller.username(), "SUPPLEMENT_PROPOSED", "contract", contractId, null, Map.of("supplement", s.getId(),
                "amount", amount.toPlainString()));
        return s;
    }

    /** The vendor signs a proposed supplement: the contract amount grows, the final milestone carries it. */
    @RolesAllowed(Role.VENDOR)
    public Supplement signSupplement(Long supplementId) {
        Caller caller = callers.current();
        Supplement s = em.find(Supplement.class, supplementId, LockModeType.PESSIMISTIC_WRITE);
        if (s == null) {
            throw AppException.notFound("contract.notFound");
        }
        Contract c = em.find(Contract.class, s.getContractId(), LockModeType.PESSIMISTIC_WRITE);
        Vendor me = vendors.byUsername(caller.username());
        if (me == null || !me.getId().equals(c.getVendorId())) {
            audit.recordAlone(caller.username(), "ACCESS_DENIED", "contract", c.getId(), Map.of("what", "sign supplement"));
            throw AppException.forbidden("contract.notYours");
        }
        if (!"PROPOSED".equals(s.getStatus())) {
            throw AppException.conflict("contract.supplementNotOpen");
        }
        if (!ContractRules.checkSupplement(c.getAmount(), c.getSupplementTotal(), s.getAmount()).isEmpty()) {
            throw AppException.invalid("amount", "contract.SUPPLEMENT_ABOVE_10_PERCENT", ContractRules.supplementLimit(c.getAmount()).toPlainString(),
                    c.getSupplementTotal().toPlainString());
        }
        s.setStatus("SIGNED");
        s.setVendorSignedBy(caller.username());
        s.setVendorSignedAt(Instant.now());
        c.setSupplementTotal(c.getSupplementTotal().add(s.getAmount()));
        Milestone last = em.createQuery("select m from Milestone m where m.contractId = :c and m.finalPeriod = true", Milestone.class)
                .setParameter("c", c.getId()).getSingleResult();
        if ("PENDING".equals(last.getStatus())) {
            last.setAmount(last.getAmount().add(s.getAmount()));
        }
        audit.record(caller.username(), "SUPPLEMENT_SIGNED", "contract", c.getId(), null, Map.of("supplement", s.getId(),
                "amount", s.getAmount().toPlainString(), "total", c.getSupplementTotal().toPlainString()));
        return s;
    }

    // ------------------------------------------------------------------ term

    /** Marks a contract whose every period was evaluated as completed. */
    @PermitAll
    public void complete(Long contractId) {
        Contract c = em.find(Contract.class, contractId, LockModeType.PESSIMISTIC_WRITE);
        if ("PUBLISHED".equals(c.getStatus())) {
            c.setStatus("COMPLETED");
            audit.record("system", "CONTRACT_COMPLETED", "contract", c.getId(), null, Map.of("contractNo", c.getContractNo()));
        }
    }

    /** The head's decision on a termination proposal after two failing periods in a row. */
    @RolesAllowed(Role.HEAD)
    public void decideTermination(Long contractId, String decision, String reason) {
        Caller caller = callers.current();
        Contract c = em.find(Contract.class, contractId, LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            throw AppException.notFound("contract.notFound");
        }
        if (reason == null || reason.isBlank()) {
            throw AppException.invalid("comment", "contract.terminationReasonRequired");
        }
        if ("TERMINATE".equals(decision)) {
            c.setTerminationReason(reason.strip());
        }
        audit.record(caller.username(), "TERMINATION_" + decision, "contract", c.getId(), null, Map.of("reason", reason.strip()));
    }

    /** Ends the contract after the head decided so: no further periods, the vendor's credit records the termination. */
    @PermitAll
    public void terminate(Long contractId) {
        Contract c = em.find(Contract.class, contractId, LockModeType.PESSIMISTIC_WRITE);
        if ("TERMINATED".equals(c.getStatus())) {
            return;
        }
        c.setStatus("TERMINATED");
        c.setTerminatedAt(Instant.now());
        CreditEntry e = new CreditEntry();
        e.setVendorId(c.getVendorId());
        e.setKind(CreditRules.TERMINATION);
        e.setContractId(c.getId());
        e.setNote("合同因连续两期考核不合格解除 Contract ended after two failing periods: " + c.getTerminationReason());
        e.setRecordedAt(Instant.now());
        e.setRecordedBy("system");
        em.persist(e);
        audit.record("system", "CONTRACT_TERMINATED", "contract", c.getId(), null, Map.of("contractNo", c.getContractNo(),
                "reason", String.valueOf(c.getTerminationReason())));
    }

    // ------------------------------------------------------------------ reading

    @PermitAll
    public Contract contract(Long id) {
        Contract c = id == null ? null : em.find(Contract.class, id);
        if (c == null) {
            throw AppException.notFound("contract.notFound");
        }
        return c;
    }

    /** A contract as its parties and the purchaser's staff see it; the public sees published ones only. */
    @PermitAll
    public Contract readable(Long id) {
        Contract c = contract(id);
        if (!mayRead(c, callers.current())) {
            if (c.getPublishedAt() != null) {
                return c;
            }
            audit.recordAlone(callers.current().username(), "ACCESS_DENIED", "contract", id, Map.of("what", "read contract"));
            throw AppException.forbidden("contract.notYours");
        }
        return c;
    }

    /** Whether the caller is a party to the contract or the purchaser's staff (more than the public sees). */
    @PermitAll
    public boolean involved(Long contractId) {
        return mayRead(contract(contractId), callers.current());
    }

    @PermitAll
    public boolean mayRead(Contract c, Caller caller) {
        if (caller.countyWide() || caller.has(Role.EVALUATOR)) {
            return true;
        }
        if (caller.has(Role.OFFICER) && c.getUnitId().equals(caller.unitId())) {
            return true;
        }
        if (caller.has(Role.STATION)) {
            return true;
        }
        if (caller.has(Role.VENDOR)) {
            Vendor me = vendors.byUsername(caller.username());
            return me != null && me.getId().equals(c.getVendorId());
        }
        return false;
    }

    /** Contracts the caller works with: a vendor its own, an officer his unit's, county-wide roles all; newest first. */
    @PermitAll
    public List<Contract> mine(int first, int size) {
        Caller caller = callers.current();
        String where;
        Map<String, Object> params = new HashMap<>();
        if (caller.countyWide() || caller.has(Role.EVALUATOR) || caller.has(Role.STATION)) {
            where = "1 = 1";
        } else if (caller.has(Role.OFFICER)) {
            where = "c.unitId = :u";
            params.put("u", caller.unitId());
        } else if (caller.has(Role.VENDOR)) {
            Vendor me = vendors.byUsername(caller.username());
            if (me == null) {
                return List.of();
            }
            where = "c.vendorId = :v";
            params.put("v", me.getId());
        } else {
            return List.of();
        }
        var q = em.createQuery("select c from Contract c where " + where + " order by c.id desc", Contract.class);
        params.forEach(q::setParameter);
        return q.setFirstResult(Math.max(0, first)).setMaxResults(Math.min(Math.max(1, size), 200)).getResultList();
    }

    /** Published contracts, for everyone, newest first. */
    @PermitAll
    public List<Contract> published(int first, int size) {
        return em.createQuery("select c from Contract c where c.publishedAt is not null order by c.publishedAt desc", Contract.class)
                .setFirstResult(Math.max(0, first)).setMaxResults(Math.min(Math.max(1, size), 200)).getResultList();
    }

    @PermitAll
    public long publishedCount() {
        return em.createQuery("select count(c) from Contract c where c.publishedAt is not null", Long.class).getSingleResult();
    }

    @PermitAll
    public List<Milestone> milestones(Long contractId) {
        return em.createQuery("select m from Milestone m where m.contractId = :c order by m.positionNo", Milestone.class)
                .setParameter("c", contractId).getResultList();
    }

    @PermitAll
    public List<ContractDeliverable> deliverables(Long contractId) {
        return em.createQuery("select d from ContractDeliverable d where d.contractId = :c order by d.id", ContractDeliverable.class)
                .setParameter("c", contractId).getResultList();
    }

    @PermitAll
    public List<Supplement> supplements(Long contractId) {
        return em.createQuery("select s from Supplement s where s.contractId = :c order by s.id", Supplement.class)
                .setParameter("c", contractId).getResultList();
    }

    /** The contract of an award, if drafted. */
    @PermitAll
    public Contract ofAward(Long awardId) {
        return em.createQuery("select c from Contract c where c.awardId = :a", Contract.class).setParameter("a", awardId)
                .getResultStream().findFirst().orElse(null);
    }

    /** The text of a contract as a PDF in Chinese and English (parties, deliverables, price, milestones, terms, signatures). */
    @PermitAll
    public byte[] pdf(Long contractId) {
        return pdf(readable(contractId));
    }

    byte[] pdf(Contract c) {
        Tender t = em.find(Tender.class, c.getTenderId());
        TenderLot lot = em.find(TenderLot.class, c.getLotId());
        PurchasingUnit unit = em.find(PurchasingUnit.class, c.getUnitId());
        Vendor v = em.find(Vendor.class, c.getVendorId());
        List<ContractPdf.DeliverableLine> lines = new ArrayList<>();
        for (ContractDeliverable d : deliverables(c.getId())) {
            DeliverableType dt = em.find(DeliverableType.class, d.getDeliverableTypeId());
            Place p = em.find(Place.class, d.getPlaceId());
            lines.add(new ContractPdf.DeliverableLine(dt.getNameZh() + " " + dt.getNameEn(), p.getNameZh() + " " + p.getNameEn(),
                    d.getQuantity() + " " + dt.getUnitZh() + " " + dt.getUnitEn(), d.getPerPeriod()));
        }
        return ContractPdf.render(c, t.getNoticeNumber(), lot.getLotNo(), unit.getNameZh() + " " + unit.getNameEn(),
                v.getName(), v.getUscc(), v.getLegalRep(), lines, milestones(c.getId()), supplements(c.getId()));
    }

    /** Names of the parties for pages. */
    @PermitAll
    public String vendorName(Long vendorId) {
        Vendor v = em.find(Vendor.class, vendorId);
        return v == null ? "" : v.getName();
    }

    @PermitAll
    public String vendorUser(Long vendorId) {
        Vendor v = em.find(Vendor.class, vendorId);
        return v == null ? null : v.getUsername();
    }

    @PermitAll
    public String unitName(Long unitId) {
        PurchasingUnit u = em.find(PurchasingUnit.class, unitId);
        return u == null ? "" : u.getNameZh() + " " + u.getNameEn();
    }

    /** The contract, locked, if the calling officer belongs to its purchasing unit. */
    @PermitAll
    public Contract lockOwn(Long contractId, Caller caller) {
        Contract c = contractId == null ? null : em.find(Contract.class, contractId, LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            throw AppException.notFound("contract.notFound");
        }
        if (!c.getUnitId().equals(caller.unitId())) {
            audit.recordAlone(caller.username(), "ACCESS_DENIED", "contract", contractId, Map.of("what", "officer action on another unit's contract"));
            throw AppException.forbidden("tender.otherUnit");
        }
        return c;
    }
}
