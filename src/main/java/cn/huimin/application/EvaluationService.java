package cn.huimin.application;

import cn.huimin.domain.model.bid.Bid;
import cn.huimin.domain.model.bid.BidAttachment;
import cn.huimin.domain.model.bid.OpeningEntry;
import cn.huimin.domain.model.evaluation.*;
import cn.huimin.domain.model.tender.DeadlineRules;
import cn.huimin.domain.model.tender.ScoringFactor;
import cn.huimin.domain.model.tender.Tender;
import cn.huimin.domain.model.tender.TenderLot;
import cn.huimin.domain.model.user.AppUser;
import cn.huimin.domain.model.user.Role;
import cn.huimin.domain.model.vendor.Vendor;
import cn.huimin.domain.shared.Envelope;
import cn.huimin.domain.shared.Jsons;
import cn.huimin.domain.shared.WorkingDayCalendar;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.*;

/**
 * Evaluation of one lot by its committee: the reproducible draw after conflict screening, each member's declaration,
 * clarification of abnormally low prices, independent scoring, the computed result and the signed report.
 *
 * <p>Nobody reads another member's scores before every member has signed his own; nothing here lets an officer pick,
 * change or remove a member or a score. Every refused attempt is audited.
 */
@Stateless
@DeclareRoles({Role.ADMIN, Role.OFFICER, Role.HEAD, Role.SUPERVISOR, Role.EXPERT, Role.VENDOR, Role.FINANCE})
public class EvaluationService {
    public static final int CLARIFICATION_WORKING_DAYS = 2;
    public static final int REPORT_WORKING_DAYS = 2;
    private static final Jsonb JSON = JsonbBuilder.create();

    @PersistenceContext
    EntityManager em;

    @EJB
    AuditLog audit;

    @EJB
    Callers callers;

    @EJB
    VendorService vendors;

    @EJB
    KeyVault keys;

    @EJB
    WorkingDays workingDays;

    // ---------------------------------------------------------------- start

    /** Creates a committee (not yet drawn) for every lot of the tender that passed the opening; returns them. */
    @PermitAll
    public List<Committee> prepareCommittees(Long tenderId) {
        Tender t = em.find(Tender.class, tenderId, LockModeType.PESSIMISTIC_WRITE);
        List<Committee> out = new ArrayList<>();
        for (TenderLot lot : t.getLots()) {
            if (!"EVALUATION".equals(lot.getStatus())) {
                continue;
            }
            long existing = em.createQuery("select count(c) from Committee c where c.lotId = :l", Long.class)
                    .setParameter("l", lot.getId()).getSingleResult();
            if (existing > 0) {
                continue;
            }
            Committee c = new Committee();
            c.setTenderId(tenderId);
            c.setLotId(lot.getId());
            c.setLotNo(lot.getLotNo());
            c.setRoundNo(1);
            c.setStatus("REQUESTED");
            em.persist(c);
            out.add(c);
        }
        em.flush();
        return out;
    }

    /** The start variables of a committee's evaluation process. */
    @PermitAll
    public Map<String, Object> processVariables(Long committeeId) {
        Committee c = committee(committeeId);
        Map<String, Object> vars = new HashMap<>();
        vars.put("tenderId", c.getTenderId());
        vars.put("unitId", em.find(Tender.class, c.getTenderId()).getUnitId());
        vars.put("lotId", c.getLotId());
        vars.put("committeeId", c.getId());
        vars.put("lotBudget", lotBudget(c.getLotId()).doubleValue());
        return vars;
    }

    @PermitAll
    public void attachProcess(Long committeeId, String processInstanceId) {
        committee(committeeId).setProcessInstanceId(processInstanceId);
    }

    /** The figure the committee-size decision table reads: the lot's budget ceiling (or the tender's budget). */
    @PermitAll
    public BigDecimal lotBudget(Long lotId) {
        TenderLot lot = em.find(TenderLot.class, lotId);
        return lot.getBudgetCeiling() != null ? lot.getBudgetCeiling() : lot.getTender().getBudget();
    }

    @PermitAll
    public void recordSize(Long committeeId, int size) {
        if (!CommitteeRules.validSize(size)) {
            throw new IllegalStateException("committee-size decided " + size + ": not odd and at least 5");
        }
        Committee c = committee(committeeId);
        c.setSize(size);
        c.setExpertSeats(size);
    }

    // ---------------------------------------------------------------- the draw

    /** Staff of the tender's unit who may sit as purchaser representatives. */
    @RolesAllowed({Role.OFFICER, Role.HEAD, Role.SUPERVISOR, Role.ADMIN})
    public List<AppUser> purchaserCandidates(Long committeeId) {
        Committee c = committee(committeeId);
        Tender t = em.find(Tender.class, c.getTenderId());
        List<AppUser> out = new ArrayList<>();
        for (AppUser u : em.createQuery("select u from AppUser u where u.unitId = :unit and u.active = true order by u.username", AppUser.class)
                .setParameter("unit", t.getUnitId()).getResultList()) {
            Set<String> r = u.roleSet();
            if ((r.contains(Role.OFFICER) || r.contains(Role.HEAD)) && !r.contains(Role.EXPERT) && !r.contains(Role.VENDOR)) {
                out.add(u);
            }
        }
        return out;
    }

    /**
     * The officer of the tender's unit asks for the committee: names the purchaser representatives (at most a third
     * of the seats); the experts for the other seats and the reserves are drawn at random from the pool, among those
     * with the tender's service category as a specialty, after removing everyone in conflict with a bidder of the lot.
     */
    @RolesAllowed(Role.OFFICER)
    public Committee draw(Long committeeId, List<String> purchaserReps) {
        Caller caller = callers.current();
        Committee c = em.find(Committee.class, committeeId, LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            throw AppException.notFound("evaluation.notFound");
        }
        Tender t = em.find(Tender.class, c.getTenderId());
        if (!t.getUnitId().equals(caller.unitId())) {
            audit.recordAlone(caller.username(), "ACCESS_DENIED", "committee", committeeId, Map.of("what", "draw"));
            throw AppException.forbidden("tender.otherUnit");
        }
        if (!"REQUESTED".equals(c.getStatus()) && !"SHORT".equals(c.getStatus())) {
            throw AppException.conflict("evaluation.alreadyDrawn");
        }
        List<String> reps = purchaserReps == null ? List.of() : purchaserReps.stream().filter(Objects::nonNull)
                .map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        List<Violation> v = new ArrayList<>();
        if (reps.size() > CommitteeRules.maxPurchaserSeats(c.getSize())) {
            v.add(new Violation("purchaserReps", "evaluation.tooManyPurchaserReps", CommitteeRules.maxPurchaserSeats(c.getSize()), c.getSize()));
        }
        Set<String> allowedReps = new HashSet<>();
        purchaserCandidates(committeeId).forEach(u -> allowedReps.add(u.getUsername()));
        for (String r : reps) {
            if (!allowedReps.contains(r)) {
                v.add(new Violation("purchaserReps", "evaluation.notAPurchaserRep", r));
            }
        }
        if (!v.isEmpty()) {
            throw AppException.invalid(v);
        }
        List<OpeningEntry> bidders = lotEntries(c);
        LocalDate today = LocalDate.now(WorkingDayCalendar.ZONE);
        List<ConflictRules.Bidder> screened = new ArrayList<>();
        for (OpeningEntry e : bidders) {
            Vendor vendor = em.find(Vendor.class, e.getVendorId());
            screened.add(new ConflictRules.Bidder(vendor.getId(), vendor.getName(), vendor.getUscc()));
        }
        // earlier rounds' recusals stay out
        Set<Long> recused = new HashSet<>(em.createQuery("select m.expertId from CommitteeMember m where m.committeeId = :c "
                + "and m.expertId is not null and m.status <> 'CONFIRMED'", Long.class).setParameter("c", committeeId).getResultList());
        Set<Long> seated = new HashSet<>(em.createQuery("select m.expertId from CommitteeMember m where m.committeeId = :c "
                + "and m.expertId is not null and m.status = 'CONFIRMED'", Long.class).setParameter("c", committeeId).getResultList());
        List<Expert> pool = em.createQuery("select distinct e from Expert e join e.specialties s where s = :cat "
                        + "and e.active = true and e.available = true order by e.id", Expert.class)
                .setParameter("cat", t.getCategoryId()).getResultList();
        List<Long> candidates = new ArrayList<>();
        List<Map<String, Object>> exclusions = new ArrayList<>();
        for (Expert e : pool) {
            if (recused.contains(e.getId())) {
                exclusions.add(Map.of("expert", e.getId(), "reason", "EARLIER_ROUND"));
                continue;
            }
            if (reps.contains(e.getUsername()) || seated.contains(e.getId())) {
                continue;
            }
            List<ExpertRelation> rel = em.createQuery("select r from ExpertRelation r where r.expertId = :e", ExpertRelation.class)
                    .setParameter("e", e.getId()).getResultList();
            List<ConflictRules.Conflict> conflicts = ConflictRules.conflicts(ExpertService.screeningRelations(e, rel), screened, today);
            if (!conflicts.isEmpty()) {
                ConflictRules.Conflict first = conflicts.get(0);
                exclusions.add(Map.of("expert", e.getId(), "reason", "CONFLICT_" + first.kind().name(),
                        "vendor", first.vendorId(), "vendorName", first.vendorName()));
                continue;
            }
            candidates.add(e.getId());
        }
        // after a draw order ran out, the members who confirmed keep their seats; only the others are drawn again
        long keptExperts = em.createQuery("select count(m) from CommitteeMember m where m.committeeId = :c and m.status = 'CONFIRMED' "
                + "and m.kind = 'EXPERT'", Long.class).setParameter("c", committeeId).getSingleResult();
        long keptReps = em.createQuery("select count(m) from CommitteeMember m where m.committeeId = :c and m.status = 'CONFIRMED' "
                + "and m.kind = 'PURCHASER'", Long.class).setParameter("c", committeeId).getSingleResult();
        if (reps.size() + keptReps > CommitteeRules.maxPurchaserSeats(c.getSize())) {
            throw AppException.invalid("purchaserReps", "evaluation.tooManyPurchaserReps", CommitteeRules.maxPurchaserSeats(c.getSize()), c.getSize());
        }
        int expertSeats = (int) (c.getSize() - reps.size() - keptReps - keptExperts);
        if (candidates.size() < expertSeats) {
            throw AppException.invalid("purchaserReps", "evaluation.notEnoughExperts", candidates.size(), expertSeats);
        }
        if (keptExperts > 0) {
            // the earlier draw is in the audit trail; the positions recorded from now on are those of this draw
            for (CommitteeMember m : members(committeeId)) {
                if ("CONFIRMED".equals(m.getStatus())) {
                    m.setDrawPosition(null);
                }
            }
        }
        String seed = CommitteeDraw.newSeed();
        List<Long> order = CommitteeDraw.order(seed, candidates);
        Instant now = Instant.now();
        c.setSeed(seed);
        c.setCandidates(JSON.toJson(candidates.stream().sorted().toList()));
        c.setExclusions(JSON.toJson(exclusions));
        c.setDrawOrder(JSON.toJson(order));
        c.setDrawnBy(caller.username());
        c.setDrawnAt(now);
        c.setExpertSeats((int) (expertSeats + keptExperts));
        c.setStatus("CONFIRMING");
        int position = 0;
        for (Long id : order) {
            position++;
            Expert e = em.find(Expert.class, id);
            String status = position <= expertSeats ? "INVITED" : position <= expertSeats + CommitteeRules.RESERVES ? "RESERVE" : null;
            if (status == null) {
                break;
            }
            addMember(c, "EXPERT", e.getId(), e.getUsername(), e.getName(), position, status);
        }
        for (String r : reps) {
            AppUser u = callers.user(r);
            addMember(c, "PURCHASER", null, u.getUsername(), u.getDisplayName(), null, "INVITED");
        }
        em.flush();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("lot", c.getLotNo());
        after.put("size", c.getSize());
        after.put("seed", seed);
        after.put("candidates", candidates.size());
        after.put("excluded", exclusions.size());
        after.put("order", order.subList(0, Math.min(order.size(), expertSeats + CommitteeRules.RESERVES)).toString());
        after.put("purchaserReps", reps.toString());
        audit.record(caller.username(), "COMMITTEE_DRAWN", "tender", c.getTenderId(), null, after);
        return c;
    }

    private void addMember(Committee c, String kind, Long expertId, String username, String name, Integer position, String status) {
        List<CommitteeMember> existing = em.createQuery("select m from CommitteeMember m where m.committeeId = :c and m.username = :u", CommitteeMember.class)
                .setParameter("c", c.getId()).setParameter("u", username).getResultList();
        CommitteeMember m = existing.isEmpty() ? new CommitteeMember() : existing.get(0);
        m.setCommitteeId(c.getId());
        m.setKind(kind);
        m.setExpertId(expertId);
        m.setUsername(username);
        m.setName(name);
        m.setDrawPosition(position);
        m.setStatus(status);
        if (existing.isEmpty()) {
            em.persist(m);
        }
    }

    /** A re-run of the recorded draw: the seed and candidate list give the same order, hence the same committee. */
    public record DrawCheck(boolean sameOrder, boolean sameMembers, String seed, List<Long> candidates,
                            List<Long> recordedOrder, List<Long> recomputedOrder, List<Map<String, Object>> exclusions,
                            Map<Long, String> expertNames, Instant drawnAt, String drawnBy) {
    }

    @RolesAllowed({Role.SUPERVISOR, Role.ADMIN, Role.OFFICER, Role.HEAD})
    public DrawCheck verifyDraw(Long committeeId) {
        Committee c = committee(committeeId);
        if (c.getSeed() == null) {
            throw AppException.conflict("evaluation.notDrawn");
        }
        List<Long> candidates = longs(c.getCandidates());
        List<Long> recorded = longs(c.getDrawOrder());
        List<Long> recomputed = CommitteeDraw.order(c.getSeed(), candidates);
        // the drawn experts must be the first of the order, in draw positions
        boolean sameMembers = true;
        for (CommitteeMember m : members(committeeId)) {
            if (m.getDrawPosition() != null && !Objects.equals(recomputed.get(m.getDrawPosition() - 1), m.getExpertId())) {
                sameMembers = false;
            }
        }
        Caller caller = callers.current();
        audit.record(caller.username(), "COMMITTEE_DRAW_VERIFIED", "tender", c.getTenderId(), null,
                Map.of("committee", committeeId, "sameOrder", recomputed.equals(recorded), "sameMembers", sameMembers));
        Map<Long, String> names = new TreeMap<>();
        List<Map<String, Object>> exclusions = maps(c.getExclusions());
        List<Long> ids = new ArrayList<>(candidates);
        exclusions.forEach(x -> ids.add(((Number) x.get("expert")).longValue()));
        for (Long id : ids) {
            Expert e = em.find(Expert.class, id);
            if (e != null) {
                names.put(id, e.getName());
            }
        }
        return new DrawCheck(recomputed.equals(recorded), sameMembers, c.getSeed(), candidates, recorded, recomputed, exclusions,
                names, c.getDrawnAt(), c.getDrawnBy());
    }

    // ---------------------------------------------------------------- confirmation

    /** Usernames invited and not yet answered (the confirmation tasks to create). */
    @PermitAll
    public List<String> invitedMembers(Long committeeId) {
        return em.createQuery("select m.username from CommitteeMember m where m.committeeId = :c and m.status = 'INVITED' order by m.id", String.class)
                .setParameter("c", committeeId).getResultList();
    }

    /**
     * A member's answer: CONFIRM (available, declares no conflict with any bidder of the lot), or RECUSE with the
     * reason. Called by the member himself when completing his confirmation task.
     */
    @RolesAllowed({Role.EXPERT, Role.OFFICER, Role.HEAD})
    public void answerInvitation(Long committeeId, String decision, String reason) {
        Caller caller = callers.current();
        CommitteeMember m = ownSeat(committeeId, caller, "answer invitation");
        if (!"INVITED".equals(m.getStatus())) {
            throw AppException.conflict("task.alreadyCompleted");
        }
        if ("RECUSE".equals(decision)) {
            if (reason == null || reason.isBlank()) {
                throw AppException.invalid("comment", "evaluation.recusalReasonRequired");
            }
            m.setStatus("RECUSED");
            m.setRecusalReason(reason.strip());
        } else if ("CONFIRM".equals(decision)) {
            m.setStatus("CONFIRMED");
        } else {
            throw AppException.invalid("decision", "task.decisionUnknown", "CONFIRM, RECUSE");
        }
        m.setDeclaredAt(Instant.now());
        Committee c = committee(committeeId);
        audit.record(caller.username(), "RECUSE".equals(decision) ? "COMMITTEE_RECUSAL" : "COMMITTEE_CONFIRMED", "tender",
                c.getTenderId(), null, Map.of("committee", committeeId, "lot", c.getLotNo(),
                        "reason", m.getRecusalReason() == null ? "" : m.getRecusalReason()));
    }

    /** A member who did not answer in time counts as recused. */
    @PermitAll
    public void invitationExpired(Long committeeId, String username) {
        List<CommitteeMember> l = em.createQuery("select m from CommitteeMember m where m.committeeId = :c and m.username = :u", CommitteeMember.class)
                .setParameter("c", committeeId).setParameter("u", username).getResultList();
        if (l.isEmpty() || !"INVITED".equals(l.get(0).getStatus())) {
            return;
        }
        CommitteeMember m = l.get(0);
        m.setStatus("RECUSED");
        m.setRecusalReason("no answer in time");
        m.setDeclaredAt(Instant.now());
        audit.record("system", "COMMITTEE_NO_ANSWER", "tender", committee(committeeId).getTenderId(), null,
                Map.of("committee", committeeId, "member", username));
    }

    /**
     * After the answers: every recused seat goes to the next expert in the draw order (reserves first). Returns
     * COMPLETE when every seat is confirmed, INVITED when replacements were invited, SHORT when the order ran out (the
     * officer asks for a new draw).
     */
    @PermitAll
    public String fillVacancies(Long committeeId) {
        Committee c = em.find(Committee.class, committeeId, LockModeType.PESSIMISTIC_WRITE);
        List<CommitteeMember> all = members(committeeId);
        long confirmed = all.stream().filter(m -> "CONFIRMED".equals(m.getStatus())).count();
        long invited = all.stream().filter(m -> "INVITED".equals(m.getStatus())).count();
        int vacancies = (int) (c.getSize() - confirmed - invited);
        if (vacancies <= 0) {
            if (invited > 0) {
                return "INVITED";
            }
            chooseChair(all);
            c.setStatus("CONFIRMED");
            return "COMPLETE";
        }
        Set<Long> used = new HashSet<>();
        all.forEach(m -> { if (m.getExpertId() != null && !"RESERVE".equals(m.getStatus())) used.add(m.getExpertId()); });
        List<Long> order = longs(c.getDrawOrder());
        int filled = 0;
        for (int i = 0; i < order.size() && filled < vacancies; i++) {
            Long id = order.get(i);
            if (used.contains(id)) {
                continue;
            }
            Expert e = em.find(Expert.class, id);
            if (!e.isActive() || !e.isAvailable()) {
                continue;
            }
            addMember(c, "EXPERT", id, e.getUsername(), e.getName(), i + 1, "INVITED");
            used.add(id);
            filled++;
        }
        // keep the next ones in line marked as reserves
        int reserves = 0;
        for (int i = 0; i < order.size() && reserves < CommitteeRules.RESERVES; i++) {
            if (!used.contains(order.get(i))) {
                Expert e = em.find(Expert.class, order.get(i));
                addMember(c, "EXPERT", e.getId(), e.getUsername(), e.getName(), i + 1, "RESERVE");
                reserves++;
            }
        }
        em.flush();
        if (filled < vacancies) {
            // not enough: the seats invited stay; the officer asks for a new draw (a new seed, the recused excluded)
            for (CommitteeMember m : members(committeeId)) {
                if ("INVITED".equals(m.getStatus()) || "RESERVE".equals(m.getStatus())) {
                    m.setStatus("RELEASED");
                }
            }
            c.setStatus("SHORT");
            audit.record("system", "COMMITTEE_SHORT", "tender", c.getTenderId(), null, Map.of("committee", committeeId, "vacancies", vacancies - filled));
            return "SHORT";
        }
        audit.record("system", "COMMITTEE_VACANCIES_FILLED", "tender", c.getTenderId(), null, Map.of("committee", committeeId, "filled", filled));
        return "INVITED";
    }

    private static void chooseChair(List<CommitteeMember> all) {
        all.forEach(m -> m.setChair(false));
        all.stream().filter(m -> "CONFIRMED".equals(m.getStatus()) && "EXPERT".equals(m.getKind()))
                .min(Comparator.comparing(m -> m.getDrawPosition() == null ? Integer.MAX_VALUE : m.getDrawPosition()))
                .ifPresent(m -> m.setChair(true));
    }

    @PermitAll
    public List<String> confirmedMembers(Long committeeId) {
        return em.createQuery("select m.username from CommitteeMember m where m.committeeId = :c and m.status = 'CONFIRMED' order by m.id", String.class)
                .setParameter("c", committeeId).getResultList();
    }

    @PermitAll
    public String chair(Long committeeId) {
        return em.createQuery("select m.username from CommitteeMember m where m.committeeId = :c and m.status = 'CONFIRMED' and m.chair = true", String.class)
                .setParameter("c", committeeId).getResultList().stream().findFirst().orElseThrow();
    }

    // ---------------------------------------------------------------- abnormally low prices

    /**
     * Flags every valid bid priced under half the average of the other valid bids of the lot and opens a
     * clarification for it, due at the end of the 2nd working day. Returns the vendors' usernames.
     */
    @PermitAll
    public List<String> checkPrices(Long committeeId) {
        Committee c = committee(committeeId);
        List<OpeningEntry> valid = lotEntries(c).stream().filter(OpeningEntry::isValid).toList();
        List<String> vendors = new ArrayList<>();
        Instant now = Instant.now();
        Instant due = DeadlineRules.endOfDay(DeadlineRules.taskDueDate(LocalDate.now(WorkingDayCalendar.ZONE),
                CLARIFICATION_WORKING_DAYS, workingDays.calendar()));
        for (OpeningEntry e : valid) {
            List<BigDecimal> others = valid.stream().filter(o -> !o.getBidId().equals(e.getBidId())).map(OpeningEntry::getPrice).toList();
            if (!Scoring.abnormallyLow(e.getPrice(), others)) {
                continue;
            }
            boolean exists = !em.createQuery("select k.id from Clarification k where k.committeeId = :c and k.bidId = :b", Long.class)
                    .setParameter("c", committeeId).setParameter("b", e.getBidId()).getResultList().isEmpty();
            if (exists) {
                continue;
            }
            Clarification k = new Clarification();
            k.setCommitteeId(committeeId);
            k.setBidId(e.getBidId());
            k.setVendorId(e.getVendorId());
            k.setPrice(e.getPrice());
            k.setOthersAverage(Scoring.average(others).setScale(4, java.math.RoundingMode.HALF_UP));
            k.setRequestedAt(now);
            k.setDueAt(due);
            em.persist(k);
            Vendor v = em.find(Vendor.class, e.getVendorId());
            vendors.add(v.getUsername());
            audit.record("system", "PRICE_CLARIFICATION_REQUESTED", "tender", c.getTenderId(), null, Map.of(
                    "committee", committeeId, "bid", e.getBidId(), "price", e.getPrice().toPlainString(),
                    "othersAverage", k.getOthersAverage().toPlainString(), "due", due.toString()));
        }
        c.setStatus(vendors.isEmpty() ? "SCORING" : "CLARIFYING");
        return vendors;
    }

    /** The vendors asked to explain their prices (one task each). */
    @PermitAll
    public List<String> clarificationVendorUsernames(Long committeeId) {
        return em.createQuery("select v.username from Clarification k, Vendor v where v.id = k.vendorId and k.committeeId = :c "
                + "and k.answeredAt is null order by k.id", String.class).setParameter("c", committeeId).getResultList();
    }

    @PermitAll
    public void explanationsClosed(Long committeeId) {
        Committee c = committee(committeeId);
        for (Clarification k : em.createQuery("select k from Clarification k where k.committeeId = :c and k.answeredAt is null", Clarification.class)
                .setParameter("c", committeeId).getResultList()) {
            audit.record("system", "PRICE_EXPLANATION_MISSING", "tender", c.getTenderId(), null,
                    Map.of("committee", committeeId, "bid", k.getBidId(), "due", k.getDueAt().toString()));
        }
    }

    @PermitAll
    public Instant clarificationDue(Long committeeId) {
        return em.createQuery("select max(k.dueAt) from Clarification k where k.committeeId = :c", Instant.class)
                .setParameter("c", committeeId).getSingleResult();
    }

    @RolesAllowed({Role.VENDOR, Role.OFFICER, Role.HEAD, Role.SUPERVISOR, Role.ADMIN, Role.EXPERT})
    public List<Clarification> clarifications(Long committeeId) {
        Caller caller = callers.current();
        Committee c = committee(committeeId);
        List<Clarification> all = em.createQuery("select k from Clarification k where k.committeeId = :c order by k.id", Clarification.class)
                .setParameter("c", committeeId).getResultList();
        if (caller.has(Role.VENDOR)) {
            Vendor me = ownVendor(caller);
            return all.stream().filter(k -> k.getVendorId().equals(me.getId())).toList();
        }
        if (caller.has(Role.EXPERT) && !caller.has(Role.ADMIN) && !caller.has(Role.SUPERVISOR)) {
            ownSeat(committeeId, caller, "read clarifications");
        }
        if (caller.has(Role.OFFICER) && !caller.has(Role.SUPERVISOR) && !caller.has(Role.ADMIN)) {
            Tender t = em.find(Tender.class, c.getTenderId());
            if (!t.getUnitId().equals(caller.unitId())) {
                throw AppException.forbidden("tender.otherUnit");
            }
        }
        return all;
    }

    /** The bidder explains its price, until the clarification is due. */
    @RolesAllowed(Role.VENDOR)
    public void explain(Long committeeId, String explanation) {
        Caller caller = callers.current();
        Vendor me = ownVendor(caller);
        List<Clarification> mine = em.createQuery("select k from Clarification k where k.committeeId = :c and k.vendorId = :v", Clarification.class)
                .setParameter("c", committeeId).setParameter("v", me.getId()).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        if (mine.isEmpty()) {
            audit.recordAlone(caller.username(), "ACCESS_DENIED", "committee", committeeId, Map.of("what", "explain price"));
            throw AppException.forbidden("evaluation.notYourClarification");
        }
        Clarification k = mine.get(0);
        if (k.getAnsweredAt() != null) {
            throw AppException.conflict("task.alreadyCompleted");
        }
        if (!Instant.now().isBefore(k.getDueAt())) {
            throw AppException.conflict("evaluation.clarificationClosed");
        }
        if (explanation == null || explanation.isBlank()) {
            throw AppException.invalid("comment", "validation.required");
        }
        if (explanation.length() > 8000) {
            throw AppException.invalid("comment", "validation.tooLong", 8000);
        }
        k.setExplanation(explanation.strip());
        k.setAnsweredAt(Instant.now());
        audit.record(caller.username(), "PRICE_EXPLAINED", "tender", committee(committeeId).getTenderId(), null,
                Map.of("committee", committeeId, "bid", k.getBidId()));
    }

    /**
     * The chair, for the committee, accepts or rejects each explanation ("bid.&lt;id&gt;" → ACCEPT / REJECT, and
     * "reason.&lt;id&gt;"; a rejection needs a reason). An unanswered clarification can only be rejected.
     */
    @RolesAllowed({Role.EXPERT, Role.OFFICER, Role.HEAD})
    public void decideClarifications(Long committeeId, Map<String, String> details) {
        Caller caller = callers.current();
        CommitteeMember m = ownSeat(committeeId, caller, "decide clarifications");
        if (!m.isChair()) {
            audit.recordAlone(caller.username(), "ACCESS_DENIED", "committee", committeeId, Map.of("what", "decide clarifications (not chair)"));
            throw AppException.forbidden("evaluation.chairOnly");
        }
        List<Clarification> all = em.createQuery("select k from Clarification k where k.committeeId = :c order by k.id", Clarification.class)
                .setParameter("c", committeeId).getResultList();
        List<Violation> v = new ArrayList<>();
        for (Clarification k : all) {
            String d = details.get("bid." + k.getBidId());
            String reason = details.get("reason." + k.getBidId());
            if (!"ACCEPT".equals(d) && !"REJECT".equals(d)) {
                v.add(new Violation("bid." + k.getBidId(), "validation.required"));
            } else if ("ACCEPT".equals(d) && k.getAnsweredAt() == null) {
                v.add(new Violation("bid." + k.getBidId(), "evaluation.noExplanation"));
            } else if ("REJECT".equals(d) && (reason == null || reason.isBlank())) {
                v.add(new Violation("reason." + k.getBidId(), "task.commentRequired"));
            } else if (reason != null && reason.length() > 2000) {
                v.add(new Violation("reason." + k.getBidId(), "validation.tooLong", 2000));
            }
        }
        if (!v.isEmpty()) {
            throw AppException.invalid(v);
        }
        Map<String, Object> after = new LinkedHashMap<>();
        for (Clarification k : all) {
            k.setDecision("ACCEPT".equals(details.get("bid." + k.getBidId())) ? "ACCEPTED" : "REJECTED");
            String reason = details.get("reason." + k.getBidId());
            k.setDecisionReason(reason == null || reason.isBlank() ? null : reason.strip());
            k.setDecidedBy(caller.username());
            k.setDecidedAt(Instant.now());
            after.put("bid" + k.getBidId(), k.getDecision());
        }
        Committee c = committee(committeeId);
        c.setStatus("SCORING");
        after.put("committee", committeeId);
        audit.record(caller.username(), "PRICE_CLARIFICATIONS_DECIDED", "tender", c.getTenderId(), null, after);
    }

    // ---------------------------------------------------------------- scoring

    public record Proposal(int factor, String name, String text) {
    }

    public record Attachment(Long id, String name, String type, long size) {
    }

    public record SheetBid(Long bidId, String vendorName, BigDecimal price, boolean clarified, String explanation,
                           List<Proposal> proposals, List<Attachment> attachments) {
    }

    /** A non-price factor of the tender's scoring scheme. */
    public record Factor(Long id, int positionNo, String name, int points) {
        static List<Factor> of(Tender t) {
            return t.getFactors().stream().map(f -> new Factor(f.getId(), f.getPositionNo(), f.getName(), f.getPoints())).toList();
        }
    }

    public record Sheet(Long committeeId, Long tenderId, String tenderTitle, int lotNo, List<Factor> factors,
                        List<SheetBid> bids, boolean signed, Map<String, String> entries) {
    }

    /** The member's scoring sheet: the bids to evaluate (opened for him), the factors, and his own entries. */
    @RolesAllowed({Role.EXPERT, Role.OFFICER, Role.HEAD})
    public Sheet sheet(Long committeeId) {
        Caller caller = callers.current();
        CommitteeMember m = ownSeat(committeeId, caller, "read bids");
        if (!"CONFIRMED".equals(m.getStatus())) {
            throw AppException.forbidden("evaluation.notMember");
        }
        Committee c = committee(committeeId);
        if (!Set.of("SCORING", "REPORT", "COMPLETED").contains(c.getStatus())) {
            throw AppException.conflict("evaluation.notScoring");
        }
        Tender t = em.find(Tender.class, c.getTenderId());
        byte[] key = keys.dataKey(t.getId());
        List<SheetBid> bids = new ArrayList<>();
        Map<Long, Clarification> clar = clarificationsByBid(committeeId);
        for (OpeningEntry e : evaluable(c)) {
            Bid b = em.find(Bid.class, e.getBidId());
            JsonObject content = BidService.unseal(key, b);
            List<Proposal> proposals = new ArrayList<>();
            for (JsonValue p : content.getJsonArray("proposals")) {
                JsonObject o = p.asJsonObject();
                proposals.add(new Proposal(o.getInt("factor"), o.getString("name"), o.getString("text")));
            }
            List<Attachment> atts = new ArrayList<>();
            for (Object[] row : em.createQuery("select a.id, a.sizeBytes from BidAttachment a where a.bidId = :b order by a.id", Object[].class)
                    .setParameter("b", b.getId()).getResultList()) {
                BidAttachment a = em.find(BidAttachment.class, row[0]);
                JsonObject meta = readJson(Envelope.open(key, a.getSealedMeta(), Envelope.context("bid-attachment", t.getId(), b.getVendorId())));
                atts.add(new Attachment(a.getId(), meta.getString("name"), meta.getString("type"), (Long) row[1]));
                em.detach(a);
            }
            Clarification k = clar.get(e.getBidId());
            bids.add(new SheetBid(e.getBidId(), e.getVendorName(), e.getPrice(), k != null,
                    k == null ? null : k.getExplanation(), proposals, atts));
        }
        Map<String, String> entries = new LinkedHashMap<>();
        for (QualificationCheck q : em.createQuery("select q from QualificationCheck q where q.memberId = :m", QualificationCheck.class)
                .setParameter("m", m.getId()).getResultList()) {
            entries.put("qual." + q.getBidId(), q.isPassed() ? "PASS" : "FAIL");
            if (q.getReason() != null) {
                entries.put("qualReason." + q.getBidId(), q.getReason());
            }
        }
        for (FactorScore s : em.createQuery("select s from FactorScore s where s.memberId = :m", FactorScore.class)
                .setParameter("m", m.getId()).getResultList()) {
            entries.put("score." + s.getBidId() + "." + s.getFactorId(), s.getPoints().toPlainString());
            if (s.getComment() != null) {
                entries.put("comment." + s.getBidId() + "." + s.getFactorId(), s.getComment());
            }
        }
        audit.record(caller.username(), "BIDS_READ_FOR_EVALUATION", "tender", t.getId(), null, Map.of("committee", committeeId, "lot", c.getLotNo()));
        return new Sheet(committeeId, t.getId(), t.getTitle(), c.getLotNo(), Factor.of(t), bids, m.getScoresSignedAt() != null, entries);
    }

    /** One attachment of a bid under evaluation, for a confirmed member: name, type and content. */
    @RolesAllowed({Role.EXPERT, Role.OFFICER, Role.HEAD})
    public Map<String, Object> attachment(Long committeeId, Long attachmentId) {
        Caller caller = callers.current();
        CommitteeMember m = ownSeat(committeeId, caller, "read attachment");
        Committee c = committee(committeeId);
        if (!"CONFIRMED".equals(m.getStatus()) || !Set.of("SCORING", "REPORT", "COMPLETED").contains(c.getStatus())) {
            throw AppException.forbidden("evaluation.notMember");
        }
        BidAttachment a = attachmentId == null ? null : em.find(BidAttachment.class, attachmentId);
        Set<Long> bids = new HashSet<>();
        evaluable(c).forEach(e -> bids.add(e.getBidId()));
        if (a == null || a.getBidId() == null || !bids.contains(a.getBidId())) {
            throw AppException.notFound("evaluation.notFound");
        }
        byte[] key = keys.dataKey(c.getTenderId());
        byte[] aad = Envelope.context("bid-attachment", c.getTenderId(), a.getVendorId());
        JsonObject meta = readJson(Envelope.open(key, a.getSealedMeta(), aad));
        Map<String, Object> out = new HashMap<>();
        out.put("name", meta.getString("name"));
        out.put("type", meta.getString("type"));
        out.put("content", Envelope.open(key, a.getSealedContent(), aad));
        return out;
    }

    /**
     * The member signs his sheet: for every bid a qualification verdict ("qual.&lt;bid&gt;" PASS / FAIL, and
     * "qualReason.&lt;bid&gt;", needed for FAIL) and points for every factor ("score.&lt;bid&gt;.&lt;factor&gt;",
     * 0..the factor's points, 2 decimals; "comment.&lt;bid&gt;.&lt;factor&gt;" needed below half the points). Signed
     * sheets never change.
     */
    @RolesAllowed({Role.EXPERT, Role.OFFICER, Role.HEAD})
    public void signScores(Long committeeId, Map<String, String> details) {
        Caller caller = callers.current();
        CommitteeMember m = ownSeat(committeeId, caller, "sign scores");
        Committee c = committee(committeeId);
        if (!"CONFIRMED".equals(m.getStatus())) {
            throw AppException.forbidden("evaluation.notMember");
        }
        em.lock(m, LockModeType.PESSIMISTIC_WRITE);
        if (m.getScoresSignedAt() != null) {
            audit.recordAlone(caller.username(), "SCORE_CHANGE_REFUSED", "committee", committeeId, Map.of("what", "scores already signed"));
            throw AppException.conflict("evaluation.alreadySigned");
        }
        if (!"SCORING".equals(c.getStatus())) {
            throw AppException.conflict("evaluation.notScoring");
        }
        Tender t = em.find(Tender.class, c.getTenderId());
        List<OpeningEntry> bids = evaluable(c);
        List<Violation> v = new ArrayList<>();
        List<QualificationCheck> checks = new ArrayList<>();
        List<FactorScore> scores = new ArrayList<>();
        for (OpeningEntry e : bids) {
            String q = details.get("qual." + e.getBidId());
            String reason = strip(details.get("qualReason." + e.getBidId()));
            if (!"PASS".equals(q) && !"FAIL".equals(q)) {
                v.add(new Violation("qual." + e.getBidId(), "evaluation.qualificationRequired", e.getVendorName()));
            } else if ("FAIL".equals(q) && reason == null) {
                v.add(new Violation("qualReason." + e.getBidId(), "evaluation.qualificationReasonRequired", e.getVendorName()));
            } else if (reason != null && reason.length() > 2000) {
                v.add(new Violation("qualReason." + e.getBidId(), "validation.tooLong", 2000));
            } else {
                QualificationCheck qc = new QualificationCheck();
                qc.setMemberId(m.getId());
                qc.setBidId(e.getBidId());
                qc.setPassed("PASS".equals(q));
                qc.setReason(reason);
                checks.add(qc);
            }
            for (ScoringFactor f : t.getFactors()) {
                String field = "score." + e.getBidId() + "." + f.getId();
                String raw = strip(details.get(field));
                BigDecimal points;
                try {
                    points = raw == null ? null : new BigDecimal(raw);
                } catch (NumberFormatException ex) {
                    v.add(new Violation(field, "evaluation.score.number", f.getName(), e.getVendorName()));
                    continue;
                }
                String problem = Scoring.pointsProblem(points, f.getPoints());
                if (problem != null) {
                    v.add(new Violation(field, problem, f.getName(), e.getVendorName(), f.getPoints()));
                    continue;
                }
                String comment = strip(details.get("comment." + e.getBidId() + "." + f.getId()));
                if (Scoring.commentRequired(points, f.getPoints()) && comment == null) {
                    v.add(new Violation("comment." + e.getBidId() + "." + f.getId(), "evaluation.score.commentRequired",
                            f.getName(), e.getVendorName()));
                    continue;
                }
                if (comment != null && comment.length() > 2000) {
                    v.add(new Violation("comment." + e.getBidId() + "." + f.getId(), "validation.tooLong", 2000));
                    continue;
                }
                FactorScore s = new FactorScore();
                s.setMemberId(m.getId());
                s.setBidId(e.getBidId());
                s.setFactorId(f.getId());
                s.setPoints(points.setScale(2, java.math.RoundingMode.UNNECESSARY));
                s.setComment(comment);
                scores.add(s);
            }
        }
        if (!v.isEmpty()) {
            throw AppException.invalid(v);
        }
        checks.forEach(em::persist);
        scores.forEach(em::persist);
        m.setScoresSignedAt(Instant.now());
        StringBuilder digest = new StringBuilder();
        scores.forEach(s -> digest.append(s.getBidId()).append(':').append(s.getFactorId()).append('=').append(s.getPoints()).append(';'));
        checks.forEach(q -> digest.append(q.getBidId()).append('=').append(q.isPassed()).append(';'));
        audit.record(caller.username(), "SCORES_SIGNED", "tender", c.getTenderId(), null, Map.of("committee", committeeId,
                "lot", c.getLotNo(), "bids", bids.size(), "sheetSha256", Envelope.sha256Hex(digest.toString().getBytes(StandardCharsets.UTF_8))));
    }

    @PermitAll
    public boolean allScoresSigned(Long committeeId) {
        return em.createQuery("select count(m) from CommitteeMember m where m.committeeId = :c and m.status = 'CONFIRMED' "
                + "and m.scoresSignedAt is null", Long.class).setParameter("c", committeeId).getSingleResult() == 0;
    }

    // ---------------------------------------------------------------- result and report

    /**
     * Computes the result once every member has signed his sheet: qualification by majority, price score, technical
     * score (average of the members' sums), total and rank. Sets the report's due time (end of the 2nd working day).
     * Returns the number of qualified bids.
     */
    @PermitAll
    public int computeResult(Long committeeId) {
        Committee c = em.find(Committee.class, committeeId, LockModeType.PESSIMISTIC_WRITE);
        if (!allScoresSigned(committeeId)) {
            throw new IllegalStateException("committee " + committeeId + ": not every member has signed his scores");
        }
        if (!em.createQuery("select l.id from EvaluationLine l where l.committeeId = :c", Long.class).setParameter("c", committeeId)
                .getResultList().isEmpty()) {
            return (int) qualifiedCount(committeeId);
        }
        Tender t = em.find(Tender.class, c.getTenderId());
        List<CommitteeMember> members = members(committeeId).stream().filter(m -> "CONFIRMED".equals(m.getStatus())).toList();
        Map<Long, Clarification> clar = clarificationsByBid(committeeId);
        List<OpeningEntry> validAtOpening = lotEntries(c).stream().filter(OpeningEntry::isValid).toList();
        List<Long> memberIds = members.stream().map(CommitteeMember::getId).toList();
        Map<Long, Long> failedByBid = new HashMap<>();
        for (Object[] row : em.createQuery("select q.bidId, count(q) from QualificationCheck q where q.passed = false "
                + "and q.memberId in :m group by q.bidId", Object[].class).setParameter("m", memberIds).getResultList()) {
            failedByBid.put((Long) row[0], (Long) row[1]);
        }
        // every member's sum of factor points per bid
        Map<Long, Map<Long, BigDecimal>> sums = new HashMap<>();
        for (Object[] row : em.createQuery("select s.bidId, s.memberId, sum(s.points) from FactorScore s where s.memberId in :m "
                + "group by s.bidId, s.memberId", Object[].class).setParameter("m", memberIds).getResultList()) {
            sums.computeIfAbsent((Long) row[0], k -> new HashMap<>()).put((Long) row[1], (BigDecimal) row[2]);
        }
        Map<Long, String> rejection = new HashMap<>();
        for (OpeningEntry e : validAtOpening) {
            Clarification k = clar.get(e.getBidId());
            if (k != null && !"ACCEPTED".equals(k.getDecision())) {
                rejection.put(e.getBidId(), "ABNORMALLY_LOW");
                continue;
            }
            long failedBy = failedByBid.getOrDefault(e.getBidId(), 0L);
            if (!Scoring.qualified(members.size(), (int) failedBy)) {
                rejection.put(e.getBidId(), "QUALIFICATION");
            }
        }
        List<OpeningEntry> qualified = validAtOpening.stream().filter(e -> !rejection.containsKey(e.getBidId())).toList();
        BigDecimal lowest = qualified.stream().map(OpeningEntry::getPrice).min(BigDecimal::compareTo).orElse(null);
        int weight = t.getPriceWeight() == null ? 0 : t.getPriceWeight();
        List<Scoring.Line> lines = new ArrayList<>();
        for (OpeningEntry e : qualified) {
            Map<Long, BigDecimal> bySum = sums.getOrDefault(e.getBidId(), Map.of());
            List<BigDecimal> memberTotals = memberIds.stream().map(m -> bySum.getOrDefault(m, BigDecimal.ZERO)).toList();
            lines.add(new Scoring.Line(e.getBidId(), e.getPrice(), Scoring.technicalScore(memberTotals),
                    Scoring.priceScore(lowest, e.getPrice(), weight)));
        }
        Map<Long, Scoring.Ranked> ranked = new HashMap<>();
        Scoring.rank(lines).forEach(r -> ranked.put(r.line().bidId(), r));
        List<Map<String, Object>> auditLines = new ArrayList<>();
        for (OpeningEntry e : validAtOpening) {
            EvaluationLine l = new EvaluationLine();
            l.setCommitteeId(committeeId);
            l.setBidId(e.getBidId());
            l.setVendorId(e.getVendorId());
            l.setVendorName(e.getVendorName());
            l.setPrice(e.getPrice());
            l.setQualified(!rejection.containsKey(e.getBidId()));
            l.setRejection(rejection.get(e.getBidId()));
            Scoring.Ranked r = ranked.get(e.getBidId());
            if (r != null) {
                l.setTechnicalScore(r.line().technical());
                l.setPriceScore(r.line().priceScore());
                l.setTotal(r.line().total());
                l.setRankNo(r.rank());
            }
            em.persist(l);
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("bid", e.getBidId());
            a.put("vendor", e.getVendorName());
            a.put("total", l.getTotal() == null ? null : l.getTotal().toPlainString());
            a.put("rank", l.getRankNo());
            a.put("rejection", l.getRejection());
            auditLines.add(a);
        }
        Instant now = Instant.now();
        c.setEvaluatedAt(now);
        c.setReportDue(DeadlineRules.endOfDay(DeadlineRules.taskDueDate(now.atZone(WorkingDayCalendar.ZONE).toLocalDate(),
                REPORT_WORKING_DAYS, workingDays.calendar())));
        c.setStatus("REPORT");
        audit.record("system", "EVALUATION_COMPUTED", "tender", c.getTenderId(), null, Map.of("committee", committeeId,
                "lot", c.getLotNo(), "qualified", qualified.size(), "lines", auditLines, "reportDue", c.getReportDue().toString()));
        return qualified.size();
    }

    private long qualifiedCount(Long committeeId) {
        return em.createQuery("select count(l) from EvaluationLine l where l.committeeId = :c and l.qualified = true", Long.class)
                .setParameter("c", committeeId).getSingleResult();
    }

    @PermitAll
    public Instant reportDue(Long committeeId) {
        return committee(committeeId).getReportDue();
    }

    /**
     * The report was not signed by every member in time: recorded, and the head of the purchasing unit gets a task to
     * follow it up with the members who have not signed.
     */
    @PermitAll
    public List<String> reportOverdue(Long committeeId, String processInstanceId) {
        Committee c = committee(committeeId);
        List<String> missing = em.createQuery("select m.username from CommitteeMember m where m.committeeId = :c and m.status = 'CONFIRMED' "
                + "and m.reportSignedAt is null order by m.id", String.class).setParameter("c", committeeId).getResultList();
        audit.record("system", "EVALUATION_REPORT_OVERDUE", "tender", c.getTenderId(), null, Map.of("committee", committeeId,
                "lot", c.getLotNo(), "reportDue", String.valueOf(c.getReportDue()), "notSigned", missing.toString(),
                "process", String.valueOf(processInstanceId)));
        return missing;
    }

    /** The head records how the overdue report was followed up. */
    @RolesAllowed(Role.HEAD)
    public void recordFollowUp(Long committeeId, String comment) {
        Caller caller = callers.current();
        Committee c = committee(committeeId);
        Tender t = em.find(Tender.class, c.getTenderId());
        if (!t.getUnitId().equals(caller.unitId())) {
            throw AppException.forbidden("tender.otherUnit");
        }
        audit.record(caller.username(), "EVALUATION_REPORT_FOLLOWED_UP", "tender", c.getTenderId(), null,
                Map.of("committee", committeeId, "lot", c.getLotNo(), "comment", comment == null ? "" : comment.strip()));
    }

    /** A member signs the report; a dissent, if given, is recorded with the signature and shown in the report. */
    @RolesAllowed({Role.EXPERT, Role.OFFICER, Role.HEAD})
    public void signReport(Long committeeId, String dissent) {
        Caller caller = callers.current();
        CommitteeMember m = ownSeat(committeeId, caller, "sign report");
        Committee c = committee(committeeId);
        if (!"CONFIRMED".equals(m.getStatus()) || !"REPORT".equals(c.getStatus())) {
            throw AppException.conflict("evaluation.notReporting");
        }
        if (m.getReportSignedAt() != null) {
            throw AppException.conflict("task.alreadyCompleted");
        }
        String d = strip(dissent);
        if (d != null && d.length() > 4000) {
            throw AppException.invalid("comment", "validation.tooLong", 4000);
        }
        m.setDissent(d);
        m.setReportSignedAt(Instant.now());
        audit.record(caller.username(), d == null ? "REPORT_SIGNED" : "REPORT_SIGNED_WITH_DISSENT", "tender", c.getTenderId(), null,
                Map.of("committee", committeeId, "lot", c.getLotNo(), "dissent", d == null ? "" : d));
    }

    /** After every signature: the lot goes on to the award, or fails with fewer than 3 qualified bids. */
    @PermitAll
    public String finish(Long committeeId) {
        Committee c = em.find(Committee.class, committeeId, LockModeType.PESSIMISTIC_WRITE);
        long qualified = qualifiedCount(committeeId);
        TenderLot lot = em.find(TenderLot.class, c.getLotId());
        String outcome = qualified >= 3 ? "AWARD" : "FAILED";
        lot.setStatus(outcome);
        c.setStatus("COMPLETED");
        c.setCompletedAt(Instant.now());
        audit.record("system", "EVALUATION_COMPLETED", "tender", c.getTenderId(), null, Map.of("committee", committeeId,
                "lot", c.getLotNo(), "qualified", qualified, "outcome", outcome));
        return outcome;
    }

    // ---------------------------------------------------------------- reading

    public record MemberView(String username, String name, String kind, String status, boolean chair, Integer drawPosition,
                             Instant declaredAt, String recusalReason, Instant scoresSignedAt, Instant reportSignedAt, String dissent) {
    }

    public record ScoreView(String member, Long bidId, Long factorId, BigDecimal points, String comment) {
    }

    public record QualificationView(String member, Long bidId, boolean passed, String reason) {
    }

    public record Summary(Long committeeId, Long tenderId, String tenderTitle, int lotNo, int size, String status,
                          Instant drawnAt, String drawnBy, Instant evaluatedAt, Instant reportDue, List<MemberView> members,
                          List<Factor> factors, List<EvaluationLine> lines, List<ScoreView> scores,
                          List<QualificationView> qualifications, boolean scoresVisible) {
        private java.util.Optional<ScoreView> score(String member, Long bidId, Long factorId) {
            return scores.stream().filter(x -> x.member().equals(member) && x.bidId().equals(bidId) && x.factorId().equals(factorId)).findFirst();
        }

        /** A member's points for a bid on a factor, as shown in the summary ("–" when none). */
        public String points(String member, Long bidId, Long factorId) {
            return score(member, bidId, factorId).map(x -> x.points().toPlainString()).orElse("–");
        }

        public String scoreComment(String member, Long bidId, Long factorId) {
            return score(member, bidId, factorId).map(ScoreView::comment).orElse(null);
        }

        /** A member's qualification verdict on a bid: ✓, or ✗ with the reason ("–" when none). */
        public String qualification(String member, Long bidId) {
            return qualifications.stream().filter(q -> q.member().equals(member) && q.bidId().equals(bidId))
                    .map(q -> q.passed() ? "✓" : "✗ " + (q.reason() == null ? "" : q.reason())).findFirst().orElse("–");
        }
    }

    /**
     * The committee as the caller may see it: members and progress for the unit's staff, supervisors, admins and
     * the members; every member's scores only once all have signed their sheets.
     */
    @RolesAllowed({Role.EXPERT, Role.OFFICER, Role.HEAD, Role.SUPERVISOR, Role.ADMIN})
    public Summary summary(Long committeeId) {
        Caller caller = callers.current();
        Committee c = committee(committeeId);
        Tender t = em.find(Tender.class, c.getTenderId());
        boolean staff = caller.has(Role.SUPERVISOR) || caller.has(Role.ADMIN)
                || ((caller.has(Role.OFFICER) || caller.has(Role.HEAD)) && t.getUnitId().equals(caller.unitId()));
        List<CommitteeMember> all = members(committeeId);
        boolean member = all.stream().anyMatch(m -> m.getUsername().equals(caller.username()) && "CONFIRMED".equals(m.getStatus()));
        if (!staff && !member) {
            audit.recordAlone(caller.username(), "ACCESS_DENIED", "committee", committeeId, Map.of("what", "committee summary"));
            throw AppException.forbidden("evaluation.notMember");
        }
        boolean visible = Set.of("REPORT", "COMPLETED").contains(c.getStatus());
        List<MemberView> mv = all.stream().filter(m -> !"RELEASED".equals(m.getStatus()))
                .map(m -> new MemberView(m.getUsername(), m.getName(), m.getKind(), m.getStatus(), m.isChair(), m.getDrawPosition(),
                        m.getDeclaredAt(), m.getRecusalReason(), m.getScoresSignedAt(), m.getReportSignedAt(), m.getDissent())).toList();
        List<ScoreView> scores = new ArrayList<>();
        List<QualificationView> quals = new ArrayList<>();
        List<EvaluationLine> lines = List.of();
        if (visible) {
            Map<Long, String> who = new HashMap<>();
            all.forEach(m -> who.put(m.getId(), m.getUsername()));
            for (FactorScore s : em.createQuery("select s from FactorScore s where s.memberId in :m order by s.bidId, s.factorId, s.memberId", FactorScore.class)
                    .setParameter("m", new ArrayList<>(who.keySet())).getResultList()) {
                scores.add(new ScoreView(who.get(s.getMemberId()), s.getBidId(), s.getFactorId(), s.getPoints(), s.getComment()));
            }
            for (QualificationCheck q : em.createQuery("select q from QualificationCheck q where q.memberId in :m order by q.bidId, q.memberId", QualificationCheck.class)
                    .setParameter("m", new ArrayList<>(who.keySet())).getResultList()) {
                quals.add(new QualificationView(who.get(q.getMemberId()), q.getBidId(), q.isPassed(), q.getReason()));
            }
            lines = lines(committeeId);
        }
        return new Summary(c.getId(), t.getId(), t.getTitle(), c.getLotNo(), c.getSize(), c.getStatus(), c.getDrawnAt(),
                c.getDrawnBy(), c.getEvaluatedAt(), c.getReportDue(), mv, Factor.of(t), lines, scores, quals, visible);
    }

    /** The summary for whoever reviews a challenge or complaint about the result: staff of the unit and supervisors. */
    @RolesAllowed({Role.OFFICER, Role.HEAD, Role.SUPERVISOR, Role.ADMIN})
    public Summary summaryForReview(Long committeeId) {
        return summary(committeeId);
    }

    /** The evaluation report as a PDF (Chinese and English), once the result is computed; for whoever may see the summary. */
    @RolesAllowed({Role.EXPERT, Role.OFFICER, Role.HEAD, Role.SUPERVISOR, Role.ADMIN})
    public byte[] reportPdf(Long committeeId) {
        Summary s = summary(committeeId);
        if (!s.scoresVisible()) {
            throw AppException.conflict("evaluation.reportNotReady");
        }
        Tender t = em.find(Tender.class, s.tenderId());
        return EvaluationReport.pdf(s, t.getNoticeNumber());
    }

    /** The result lines in ranking order (qualified first). */
    @PermitAll
    public List<EvaluationLine> lines(Long committeeId) {
        return em.createQuery("select l from EvaluationLine l where l.committeeId = :c "
                + "order by l.qualified desc, l.rankNo, l.price, l.id", EvaluationLine.class).setParameter("c", committeeId).getResultList();
    }

    /** Committees of a tender (any round). */
    @RolesAllowed({Role.EXPERT, Role.OFFICER, Role.HEAD, Role.SUPERVISOR, Role.ADMIN})
    public List<Committee> committeesOf(Long tenderId) {
        return em.createQuery("select c from Committee c where c.tenderId = :t order by c.lotNo, c.roundNo", Committee.class)
                .setParameter("t", tenderId).getResultList();
    }

    @PermitAll
    public Committee committee(Long committeeId) {
        Committee c = committeeId == null ? null : em.find(Committee.class, committeeId);
        if (c == null) {
            throw AppException.notFound("evaluation.notFound");
        }
        return c;
    }

    @PermitAll
    public List<CommitteeMember> members(Long committeeId) {
        return em.createQuery("select m from CommitteeMember m where m.committeeId = :c order by m.kind, m.drawPosition, m.id", CommitteeMember.class)
                .setParameter("c", committeeId).getResultList();
    }

    // ---------------------------------------------------------------- helpers

    private CommitteeMember ownSeat(Long committeeId, Caller caller, String what) {
        committee(committeeId);
        List<CommitteeMember> l = em.createQuery("select m from CommitteeMember m where m.committeeId = :c and m.username = :u", CommitteeMember.class)
                .setParameter("c", committeeId).setParameter("u", caller.username()).getResultList();
        if (l.isEmpty() || "RELEASED".equals(l.get(0).getStatus()) || "RESERVE".equals(l.get(0).getStatus())) {
            audit.recordAlone(caller.username(), "ACCESS_DENIED", "committee", committeeId, Map.of("what", what));
            throw AppException.forbidden("evaluation.notMember");
        }
        return l.get(0);
    }

    private Vendor ownVendor(Caller caller) {
        Vendor v = vendors.byUsername(caller.username());
        if (v == null) {
            throw AppException.forbidden("vendor.noProfile");
        }
        return v;
    }

    private List<OpeningEntry> lotEntries(Committee c) {
        return em.createQuery("select e from OpeningEntry e where e.tenderId = :t and e.lotId = :l order by e.price, e.id", OpeningEntry.class)
                .setParameter("t", c.getTenderId()).setParameter("l", c.getLotId()).getResultList();
    }

    /** Valid at the opening, and not rejected after a price clarification. */
    private List<OpeningEntry> evaluable(Committee c) {
        Map<Long, Clarification> clar = clarificationsByBid(c.getId());
        return lotEntries(c).stream().filter(OpeningEntry::isValid)
                .filter(e -> clar.get(e.getBidId()) == null || !"REJECTED".equals(clar.get(e.getBidId()).getDecision()))
                .toList();
    }

    private Map<Long, Clarification> clarificationsByBid(Long committeeId) {
        Map<Long, Clarification> out = new HashMap<>();
        for (Clarification k : em.createQuery("select k from Clarification k where k.committeeId = :c", Clarification.class)
                .setParameter("c", committeeId).getResultList()) {
            out.put(k.getBidId(), k);
        }
        return out;
    }

    private static JsonObject readJson(byte[] bytes) {
        try (var r = Jsons.reader(new StringReader(new String(bytes, StandardCharsets.UTF_8)))) {
            return r.readObject();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Long> longs(String json) {
        if (json == null) {
            return List.of();
        }
        List<Number> raw = JSON.fromJson(json, List.class);
        return raw.stream().map(Number::longValue).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(String json) {
        return json == null ? List.of() : JSON.fromJson(json, List.class);
    }

    private static String strip(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }
}
