package cn.huimin.application;

import cn.huimin.domain.model.bid.*;
import cn.huimin.domain.model.tender.*;
import cn.huimin.domain.model.user.Role;
import cn.huimin.domain.model.vendor.Vendor;
import cn.huimin.domain.shared.Envelope;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.*;

/**
 * The public opening at the bid deadline, and what follows for lots with fewer than 3 valid bids. The opening locks
 * the tender row exclusively: submissions in flight finish first; later ones see the tender opened.
 */
@Stateless
@DeclareRoles({Role.ADMIN, Role.OFFICER, Role.HEAD, Role.FINANCE, Role.SUPERVISOR, Role.VENDOR})
public class OpeningService {
    public static final Set<String> FAILED_ACTIONS = Set.of("RETENDER", "CONSULTATION", "SINGLE_SOURCE");

    @PersistenceContext
    EntityManager em;

    @EJB
    AuditLog audit;

    @EJB
    Callers callers;

    @EJB
    KeyVault keys;

    @EJB
    TenderService tenders;

    /**
     * Result of an opening: lots with at least 3 valid bids, and lots that failed; or, when the timer fired before the
     * tender's deadline (a deadline moved by hand, a clock behind on another node), nothing opened and the deadline to
     * wait for.
     */
    public record Result(int validLots, int failedLots, Instant notBefore) {
        public Result(int validLots, int failedLots) {
            this(validLots, failedLots, null);
        }

        public boolean opened() {
            return notBefore == null;
        }
    }

    @PermitAll
    public Result open(Long tenderId) {
        Tender t = em.find(Tender.class, tenderId, LockModeType.PESSIMISTIC_WRITE);
        if (t == null) {
            throw AppException.notFound("tender.notFound");
        }
        Opening done = em.find(Opening.class, tenderId);
        if (done != null) {
            return new Result(done.getValidLots(), done.getFailedLots());
        }
        if (t.getStatus() != TenderStatus.PUBLISHED) {
            throw AppException.conflict("tender.notPublished");
        }
        Instant now = Instant.now();
        Instant deadline = t.getBidDeadline();
        if (now.isBefore(deadline)) {
            // never open early: the process waits for the deadline again
            java.util.logging.Logger.getLogger(OpeningService.class.getName()).warning(
                    "the opening timer of tender " + tenderId + " fired at " + now + ", before its deadline " + deadline + ": waiting again");
            return new Result(0, 0, deadline);
        }
        byte[] key = keys.dataKey(tenderId);
        Map<Long, String> securityOf = new HashMap<>();
        for (BidSecurity s : em.createQuery("select s from BidSecurity s where s.tenderId = :t", BidSecurity.class)
                .setParameter("t", tenderId).getResultList()) {
            securityOf.put(s.getVendorId(), s.getStatus() == BidSecurity.Status.CONFIRMED ? "CONFIRMED" : "NOT_CONFIRMED");
        }
        boolean securityRequired = t.getBidSecurity() != null && t.getBidSecurity().signum() > 0;
        Map<Long, Integer> lotNo = new HashMap<>();
        Map<Long, BigDecimal> ceilingOf = new HashMap<>();
        for (TenderLot lot : t.getLots()) {
            lotNo.put(lot.getId(), lot.getLotNo());
            ceilingOf.put(lot.getId(), lot.getBudgetCeiling() != null ? lot.getBudgetCeiling() : t.getBudget());
        }
        List<Long> bidIds = em.createQuery("select b.id from Bid b where b.tenderId = :t and b.status = :s order by b.lotId, b.submittedAt, b.id", Long.class)
                .setParameter("t", tenderId).setParameter("s", Bid.Status.SUBMITTED).getResultList();
        Map<Long, Integer> validPerLot = new HashMap<>();
        List<Map<String, Object>> auditLines = new ArrayList<>();
        // a few bids at a time: their sealed content and attachments leave memory before the next ones are read
        for (int from = 0; from < bidIds.size(); from += 20) {
            for (Long bidId : bidIds.subList(from, Math.min(bidIds.size(), from + 20))) {
                Bid b = em.find(Bid.class, bidId);
                if (!b.getSubmittedAt().isBefore(deadline)) {
                    continue; // cannot happen: submissions are refused from the deadline on; never let one in
                }
                Vendor v = em.find(Vendor.class, b.getVendorId());
                OpeningEntry e = new OpeningEntry();
                e.setTenderId(tenderId);
                e.setLotId(b.getLotId());
                e.setLotNo(lotNo.get(b.getLotId()));
                e.setVendorId(b.getVendorId());
                e.setBidId(b.getId());
                e.setVendorName(v.getName());
                e.setSubmittedAt(b.getSubmittedAt());
                boolean opens = true;
                boolean attachmentsIntact = true;
                List<String> shas = new ArrayList<>();
                for (Long attachmentId : em.createQuery("select a.id from BidAttachment a where a.bidId = :b order by a.id", Long.class)
                        .setParameter("b", b.getId()).getResultList()) {
                    BidAttachment a = em.find(BidAttachment.class, attachmentId);
                    String actual = Envelope.sha256Hex(a.getSealedContent());
                    attachmentsIntact &= actual.equals(a.getSealedSha256());
                    shas.add(actual);
                    try {
                        Envelope.open(key, a.getSealedContent(), Envelope.context("bid-attachment", tenderId, b.getVendorId()));
                    } catch (Envelope.Broken broken) {
                        opens = false;
                    }
                    em.detach(a);
                }
                boolean hashOk = attachmentsIntact && BidService.sealedHash(b.getSealedContent(), shas).equals(b.getSealedHash());
                e.setHashVerified(hashOk);
                try {
                    JsonObject content = BidService.unseal(key, b);
                    e.setPrice(new BigDecimal(content.getString("price")));
                } catch (Envelope.Broken broken) {
                    opens = false;
                }
                String securityStatus = !securityRequired ? "NOT_REQUIRED" : securityOf.getOrDefault(b.getVendorId(), "NONE");
                e.setSecurityStatus(securityStatus);
                String invalid = BiddingRules.invalidReason(opens, hashOk, securityRequired, "CONFIRMED".equals(securityStatus),
                        e.getPrice(), ceilingOf.get(b.getLotId()));
                e.setValid(invalid == null);
                e.setInvalidReason(invalid);
                em.persist(e);
                if (e.isValid()) {
                    validPerLot.merge(b.getLotId(), 1, Integer::sum);
                }
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("bid", b.getId());
                line.put("lot", e.getLotNo());
                line.put("vendor", v.getName());
                line.put("price", e.getPrice() == null ? null : e.getPrice().toPlainString());
                line.put("valid", e.isValid());
                line.put("reason", invalid);
                auditLines.add(line);
            }
            em.flush();
            em.clear();
        }
        t = em.find(Tender.class, tenderId);
        int valid = 0;
        int failed = 0;
        for (TenderLot lot : t.getLots()) {
            if (BiddingRules.lotSucceeds(validPerLot.getOrDefault(lot.getId(), 0))) {
                lot.setStatus("EVALUATION");
                valid++;
            } else {
                lot.setStatus("FAILED");
                failed++;
            }
        }
        Opening o = new Opening();
        o.setTenderId(tenderId);
        o.setOpenedAt(now);
        o.setDeadline(deadline);
        o.setValidLots(valid);
        o.setFailedLots(failed);
        em.persist(o);
        t.setStatus(valid > 0 ? TenderStatus.OPENED : TenderStatus.FAILED);
        t.setOpenedAt(now);
        t.setUpdatedAt(now);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("deadline", deadline.toString());
        after.put("validLots", valid);
        after.put("failedLots", failed);
        after.put("bids", auditLines);
        audit.record("system", "TENDER_OPENED", "tender", tenderId, null, after);
        return new Result(valid, failed);
    }

    // ---------------------------------------------------------------- after the opening

    @PermitAll
    public Opening opening(Long tenderId) {
        return em.find(Opening.class, tenderId);
    }

    /** The opening record: public once the tender is opened. */
    @PermitAll
    public List<OpeningEntry> record(Long tenderId) {
        Opening o = em.find(Opening.class, tenderId);
        if (o == null) {
            return List.of();
        }
        return em.createQuery("select e from OpeningEntry e where e.tenderId = :t order by e.lotId, e.valid desc, e.price, e.id", OpeningEntry.class)
                .setParameter("t", tenderId).getResultList();
    }

    @RolesAllowed(Role.OFFICER)
    public void sign(Long tenderId) {
        Caller c = callers.current();
        Tender t = ownUnitTender(tenderId, c);
        Opening o = em.find(Opening.class, t.getId(), LockModeType.PESSIMISTIC_WRITE);
        if (o == null || o.getSignedBy() != null) {
            throw AppException.conflict("task.alreadyCompleted");
        }
        o.setSignedBy(c.username());
        o.setSignedAt(Instant.now());
        audit.record(c.username(), "OPENING_SIGNED", "tender", tenderId, null, Map.of("signedAt", o.getSignedAt().toString()));
    }

    /** The officer proposes, per failed lot: RETENDER, CONSULTATION or SINGLE_SOURCE. */
    @RolesAllowed(Role.OFFICER)
    public void proposeFailedLots(Long tenderId, Map<Long, String> actions, String comment) {
        Caller c = callers.current();
        Tender t = ownUnitTender(tenderId, c);
        List<Violation> v = new ArrayList<>();
        for (TenderLot lot : t.getLots()) {
            if (!"FAILED".equals(lot.getStatus())) {
                continue;
            }
            String a = actions.get(lot.getId());
            if (a == null || !FAILED_ACTIONS.contains(a)) {
                v.add(new Violation("lot." + lot.getId(), "opening.actionRequired", lot.getLotNo()));
            }
        }
        if (comment != null && comment.length() > 4000) {
            v.add(new Violation("comment", "validation.tooLong", 4000));
        }
        if (!v.isEmpty()) {
            throw AppException.invalid(v);
        }
        Map<String, Object> proposal = new LinkedHashMap<>();
        for (TenderLot lot : t.getLots()) {
            if ("FAILED".equals(lot.getStatus())) {
                lot.setFailedAction(actions.get(lot.getId()));
                proposal.put("lot" + lot.getLotNo(), lot.getFailedAction());
            }
        }
        Opening o = em.find(Opening.class, tenderId);
        o.setProposalComment(comment == null || comment.isBlank() ? null : comment.trim());
        proposal.put("comment", o.getProposalComment());
        audit.record(c.username(), "FAILED_LOTS_PROPOSED", "tender", tenderId, null, proposal);
    }

    @RolesAllowed(Role.HEAD)
    public void recordFailedLotsDecision(Long tenderId, String decision, String comment) {
        Opening o = em.find(Opening.class, tenderId, LockModeType.PESSIMISTIC_WRITE);
        if (o == null) {
            throw AppException.notFound("tender.notFound");
        }
        o.setDecisionComment(comment == null || comment.isBlank() ? null : comment.trim());
        audit.record(callers.current().username(), "FAILED_LOTS_" + decision, "tender", tenderId, null,
                Map.of("comment", String.valueOf(o.getDecisionComment())));
    }

    /** Carries out the approved proposal: each failed lot becomes a new draft tender with the chosen method. */
    @PermitAll
    public void applyFailedLots(Long tenderId, String actor) {
        Tender t = em.find(Tender.class, tenderId, LockModeType.PESSIMISTIC_WRITE);
        List<Long> created = new ArrayList<>();
        for (TenderLot lot : t.getLots()) {
            if (!"FAILED".equals(lot.getStatus()) || lot.getSuccessorTenderId() != null) {
                continue;
            }
            ProcurementMethod method = switch (lot.getFailedAction() == null ? "RETENDER" : lot.getFailedAction()) {
                case "CONSULTATION" -> ProcurementMethod.COMPETITIVE_CONSULTATION;
                case "SINGLE_SOURCE" -> ProcurementMethod.SINGLE_SOURCE;
                default -> t.getMethod();
            };
            Long successor = tenders.successorDraft(t, lot, method, actor);
            lot.setSuccessorTenderId(successor);
            created.add(successor);
        }
        audit.record(actor, "FAILED_LOTS_APPLIED", "tender", tenderId, null, Map.of("newDrafts", created));
    }

    private Tender ownUnitTender(Long tenderId, Caller c) {
        Tender t = tenderId == null ? null : em.find(Tender.class, tenderId);
        if (t == null) {
            throw AppException.notFound("tender.notFound");
        }
        if (!t.getUnitId().equals(c.unitId())) {
            throw AppException.forbidden("tender.otherUnit");
        }
        return t;
    }
}
