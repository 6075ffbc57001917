package cn.huimin.application;

import cn.huimin.domain.model.award.Award;
import cn.huimin.domain.model.award.AwardRules;
import cn.huimin.domain.model.award.Challenge;
import cn.huimin.domain.model.bid.BidSecurity;
import cn.huimin.domain.model.bid.OpeningEntry;
import cn.huimin.domain.model.evaluation.Committee;
import cn.huimin.domain.model.evaluation.CommitteeMember;
import cn.huimin.domain.model.evaluation.EvaluationLine;
import cn.huimin.domain.model.tender.DeadlineRules;
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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.*;

/**
 * The award of a lot after its evaluation: the officer confirms the first-ranked bidder within 5 working days of the
 * report (or the next one, or none, with the reason); the award notice goes out at once with the winner, the price,
 * every bidder's scores and the committee; bid securities of the others are refunded by finance within 5 working
 * days; bidders may challenge until the end of the 7th working day after the notice.
 */
@Stateless
@DeclareRoles({Role.ADMIN, Role.OFFICER, Role.HEAD, Role.SUPERVISOR, Role.FINANCE, Role.VENDOR, Role.EXPERT})
public class AwardService {

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
    TenderService tenders;

    @EJB
    EvaluationService evaluations;

    /** Opens the award of an evaluated lot; the confirmation is due at the end of the 5th working day after the report. */
    @PermitAll
    public Award create(Long committeeId) {
        List<Award> existing = em.createQuery("select a from Award a where a.committeeId = :c", Award.class)
                .setParameter("c", committeeId).getResultList();
        if (!existing.isEmpty()) {
            return existing.get(0);
        }
        Committee c = evaluations.committee(committeeId);
        Award a = new Award();
        a.setTenderId(c.getTenderId());
        a.setLotId(c.getLotId());
        a.setLotNo(c.getLotNo());
        a.setCommitteeId(committeeId);
        a.setStatus("PENDING");
        Instant reportDone = c.getCompletedAt() != null ? c.getCompletedAt() : Instant.now();
        a.setConfirmDue(AwardRules.confirmDue(reportDone, workingDays.calendar()));
        em.persist(a);
        em.flush();
        audit.record("system", "AWARD_OPENED", "tender", c.getTenderId(), null, Map.of("award", a.getId(), "lot", c.getLotNo(),
                "confirmDue", a.getConfirmDue().toString()));
        return a;
    }

    @PermitAll
    public void attachProcess(Long awardId, String processInstanceId) {
        award(awardId).setProcessInstanceId(processInstanceId);
    }

    /**
     * The officer's decision: CONFIRM (the first-ranked qualified bidder), NEXT_RANKED (the second, with the reason the
     * first cannot be awarded) or NO_AWARD (with the reason; the lot fails).
     */
    @RolesAllowed(Role.OFFICER)
    public Award confirm(Long awardId, String decision, String reason) {
        Caller c = callers.current();
        Award a = em.find(Award.class, awardId, LockModeType.PESSIMISTIC_WRITE);
        if (a == null) {
            throw AppException.notFound("award.notFound");
        }
        Tender t = em.find(Tender.class, a.getTenderId());
        if (!t.getUnitId().equals(c.unitId())) {
            audit.recordAlone(c.username(), "ACCESS_DENIED", "award", awardId, Map.of("what", "confirm award"));
            throw AppException.forbidden("tender.otherUnit");
        }
        if (!"PENDING".equals(a.getStatus())) {
            throw AppException.conflict("task.alreadyCompleted");
        }
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        List<EvaluationLine> ranked = evaluations.lines(a.getCommitteeId()).stream().filter(EvaluationLine::isQualified).toList();
        EvaluationLine winner;
        switch (decision == null ? "" : decision) {
            case "CONFIRM" -> {
                if (ranked.isEmpty()) {
                    throw AppException.conflict("award.noQualifiedBidder");
                }
                winner = ranked.get(0);
            }
            case "NEXT_RANKED" -> {
                if (why == null) {
                    throw AppException.invalid("comment", "award.reasonRequired");
                }
                winner = ranked.size() < 2 ? null : ranked.get(1);
                if (winner == null) {
                    throw AppException.conflict("award.noNextRanked");
                }
            }
            case "NO_AWARD" -> {
                if (why == null) {
                    throw AppException.invalid("comment", "award.reasonRequired");
                }
                winner = null;
            }
            default -> throw AppException.invalid("decision", "task.decisionUnknown", "CONFIRM, NEXT_RANKED, NO_AWARD");
        }
        Instant now = Instant.now();
        a.setConfirmedBy(c.username());
        a.setConfirmedAt(now);
        a.setReason(why);
        if (winner == null) {
            a.setStatus("NO_AWARD");
            em.find(TenderLot.class, a.getLotId()).setStatus("FAILED");
        } else {
            a.setStatus("CONFIRMED");
            a.setWinnerBidId(winner.getBidId());
            a.setWinnerVendorId(winner.getVendorId());
            a.setWinnerName(winner.getVendorName());
            a.setPrice(winner.getPrice());
            a.setWinnerRank(winner.getRankNo());
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("award", awardId);
        after.put("lot", a.getLotNo());
        after.put("decision", decision);
        after.put("winner", String.valueOf(a.getWinnerName()));
        after.put("price", a.getPrice() == null ? "" : a.getPrice().toPlainString());
        after.put("reason", why == null ? "" : why);
        after.put("late", now.isAfter(a.getConfirmDue()));
        audit.record(c.username(), "AWARD_" + decision, "tender", a.getTenderId(), null, after);
        return a;
    }

    /**
     * Publishes the award notice (winner, price, every bidder's scores, the committee) and opens the challenge period:
     * until the end of the 7th working day after the notice. Returns whether a security refund is needed.
     */
    @PermitAll
    public boolean publish(Long awardId) {
        Award a = em.find(Award.class, awardId, LockModeType.PESSIMISTIC_WRITE);
        if (a.getPublishedAt() != null) {
            return !refundable(awardId).isEmpty();
        }
        Instant now = Instant.now();
        a.setPublishedAt(now);
        a.setStatus("PUBLISHED");
        a.setChallengeUntil(AwardRules.challengeUntil(now, workingDays.calendar()));
        em.find(TenderLot.class, a.getLotId()).setStatus("AWARDED");
        tenders.addAwardNotice(a.getTenderId(), noticeText(a), now);
        audit.record("system", "AWARD_PUBLISHED", "tender", a.getTenderId(), null, Map.of("award", awardId, "lot", a.getLotNo(),
                "winner", a.getWinnerName(), "price", a.getPrice().toPlainString(), "challengeUntil", a.getChallengeUntil().toString()));
        return !refundable(awardId).isEmpty();
    }

    /** The bilingual text of the award notice. */
    String noticeText(Award a) {
        Tender t = em.find(Tender.class, a.getTenderId());
        StringBuilder b = new StringBuilder();
        b.append("中标公告 Award notice — ").append(t.getNoticeNumber()).append(' ').append(t.getTitle())
                .append(" · 第").append(a.getLotNo()).append("标段 Lot ").append(a.getLotNo()).append('\n');
        b.append("中标人 Winner: ").append(a.getWinnerName()).append('\n');
        b.append("中标金额 Price: ").append(a.getPrice().toPlainString()).append(" 元 CNY\n");
        if (a.getReason() != null) {
            b.append("说明 Note: ").append(a.getReason()).append('\n');
        }
        if (a.getNegotiationId() != null) {
            // single source: no scores and no committee, but who negotiated, when, and the price agreed
            cn.huimin.domain.model.singlesource.Negotiation n = em.find(cn.huimin.domain.model.singlesource.Negotiation.class, a.getNegotiationId());
            b.append("\n采购方式 Method: 单一来源 Single source (").append(n.getNegotiatedOn()).append(" 协商 negotiated)\n");
            b.append("协商小组 Negotiation team: ").append(n.getTeam()).append('\n');
            b.append("\n单一来源的理由和拟定供应商已公示，公示期内的异议已答复（见采购公告）。")
                    .append(" The reasons and the supplier were publicly noticed; objections during the notice were answered (see the notice).\n");
            return b.toString();
        }
        b.append("\n评审结果 Scores (技术分 technical + 价格分 price = 总分 total):\n");
        for (EvaluationLine l : evaluations.lines(a.getCommitteeId())) {
            if (l.isQualified()) {
                b.append(l.getRankNo()).append(". ").append(l.getVendorName()).append("  ").append(l.getPrice().toPlainString())
                        .append(" 元  ").append(l.getTechnicalScore()).append(" + ").append(l.getPriceScore()).append(" = ")
                        .append(l.getTotal()).append('\n');
            } else {
                b.append("-  ").append(l.getVendorName()).append("  ").append(l.getPrice().toPlainString()).append(" 元  ")
                        .append(rejectionText(l.getRejection())).append('\n');
            }
        }
        b.append("\n评标委员会 Committee: ");
        List<String> names = new ArrayList<>();
        for (CommitteeMember m : evaluations.members(a.getCommitteeId())) {
            if ("CONFIRMED".equals(m.getStatus())) {
                names.add(m.getName() + (m.isChair() ? "（组长 chair）" : ""));
            }
        }
        b.append(String.join("、", names)).append('\n');
        LocalDate last = a.getChallengeUntil().atZone(WorkingDayCalendar.ZONE).toLocalDate();
        b.append("\n投标人对结果有异议的，可于 ").append(last).append(" 24:00 前提出质疑。")
                .append(" A bidder may challenge this result until the end of ").append(last).append(" (Beijing time).\n");
        return b.toString();
    }

    private static String rejectionText(String code) {
        return switch (code == null ? "" : code) {
            case "QUALIFICATION" -> "资格审查不合格 failed qualification";
            case "ABNORMALLY_LOW" -> "异常低价未能合理说明 abnormally low price not explained";
            default -> "无效 invalid";
        };
    }

    /** Securities to refund after this award: confirmed, not yet refunded, of bidders on this lot other than the winner. */
    @PermitAll
    public List<BidSecurity> refundable(Long awardId) {
        Award a = award(awardId);
        Set<Long> bidders = new HashSet<>(em.createQuery("select e.vendorId from OpeningEntry e where e.tenderId = :t and e.lotId = :l", Long.class)
                .setParameter("t", a.getTenderId()).setParameter("l", a.getLotId()).getResultList());
        // a bidder still in the running for another lot of the tender keeps its security
        Set<Long> stillOpen = new HashSet<>(em.createQuery("select e.vendorId from OpeningEntry e, TenderLot l where l.id = e.lotId "
                        + "and e.tenderId = :t and e.lotId <> :l and l.status in ('EVALUATION', 'AWARD')", Long.class)
                .setParameter("t", a.getTenderId()).setParameter("l", a.getLotId()).getResultList());
        Set<Long> winners = new HashSet<>(em.createQuery("select a.winnerVendorId from Award a where a.tenderId = :t "
                + "and a.winnerVendorId is not null and a.status in ('CONFIRMED', 'PUBLISHED', 'FINAL')", Long.class)
                .setParameter("t", a.getTenderId()).getResultList());
        return em.createQuery("select s from BidSecurity s where s.tenderId = :t and s.status = :st and s.refundedAt is null order by s.id", BidSecurity.class)
                .setParameter("t", a.getTenderId()).setParameter("st", BidSecurity.Status.CONFIRMED).getResultList().stream()
                .filter(s -> bidders.contains(s.getVendorId()) && !winners.contains(s.getVendorId()) && !stillOpen.contains(s.getVendorId()))
                .toList();
    }

    /** Finance records the refund of every security listed for the award. */
    @RolesAllowed(Role.FINANCE)
    public int recordRefunds(Long awardId) {
        Caller c = callers.current();
        List<BidSecurity> list = refundable(awardId);
        Instant now = Instant.now();
        List<String> refunded = new ArrayList<>();
        for (BidSecurity s : list) {
            em.lock(s, LockModeType.PESSIMISTIC_WRITE);
            s.setRefundedAt(now);
            s.setRefundedBy(c.username());
            refunded.add(s.getVendorId() + ":" + s.getAmount().toPlainString());
        }
        Award a = award(awardId);
        audit.record(c.username(), "SECURITIES_REFUNDED", "tender", a.getTenderId(), null, Map.of("award", awardId,
                "refunded", refunded.toString()));
        return list.size();
    }

    /** The challenge period ended: the award stands unless a challenge is still open. */
    @PermitAll
    public void closeChallengePeriod(Long awardId) {
        Award a = em.find(Award.class, awardId, LockModeType.PESSIMISTIC_WRITE);
        long open = openChallenges(awardId);
        if ("PUBLISHED".equals(a.getStatus()) && open == 0) {
            a.setStatus("FINAL");
        }
        audit.record("system", "CHALLENGE_PERIOD_ENDED", "tender", a.getTenderId(), null, Map.of("award", awardId,
                "lot", a.getLotNo(), "openChallenges", open, "status", a.getStatus()));
    }

    @PermitAll
    public long openChallenges(Long awardId) {
        return em.createQuery("select count(c) from Challenge c where c.awardId = :a and c.status in ('PENDING', 'COMPLAINED')", Long.class)
                .setParameter("a", awardId).getSingleResult();
    }

    /**
     * Whether the contract of a lot may not be signed now: no standing award, or a challenge or complaint pending and
     * the award suspended for less than 30 days.
     */
    @PermitAll
    public boolean signingBlocked(Long lotId) {
        List<Award> l = em.createQuery("select a from Award a where a.lotId = :l and a.status in ('PUBLISHED', 'FINAL') order by a.id desc", Award.class)
                .setParameter("l", lotId).getResultList();
        if (l.isEmpty()) {
            return true;
        }
        Award a = l.get(0);
        if (openChallenges(a.getId()) == 0) {
            return false;
        }
        return a.getSuspendedSince() == null || AwardRules.suspended(a.getSuspendedSince(), Instant.now());
    }

    @PermitAll
    public Instant confirmDue(Long awardId) {
        return award(awardId).getConfirmDue();
    }

    @PermitAll
    public Instant challengeUntil(Long awardId) {
        return award(awardId).getChallengeUntil();
    }

    @PermitAll
    public Award award(Long awardId) {
        Award a = awardId == null ? null : em.find(Award.class, awardId);
        if (a == null) {
            throw AppException.notFound("award.notFound");
        }
        return a;
    }

    /** Published awards of a tender, for everyone. */
    @PermitAll
    public List<Award> published(Long tenderId) {
        return em.createQuery("select a from Award a where a.tenderId = :t and a.publishedAt is not null order by a.lotNo, a.id", Award.class)
                .setParameter("t", tenderId).getResultList();
    }

    /** The public view of a published award: the award, every bidder's line, the committee's names. */
    public record PublicAward(Award award, List<EvaluationLine> lines, List<String> committee) {
        /** The committee's names as one line, as in the award notice. */
        public String committeeText() {
            return String.join("、", committee);
        }
    }

    @PermitAll
    public List<PublicAward> publicAwards(Long tenderId) {
        List<PublicAward> out = new ArrayList<>();
        for (Award a : published(tenderId)) {
            if (a.getCommitteeId() == null) {
                // single source: the negotiation team instead of a committee, and no scores
                cn.huimin.domain.model.singlesource.Negotiation n = a.getNegotiationId() == null ? null
                        : em.find(cn.huimin.domain.model.singlesource.Negotiation.class, a.getNegotiationId());
                out.add(new PublicAward(a, List.of(), n == null ? List.of()
                        : cn.huimin.domain.model.singlesource.SingleSourceRules.teamMembers(n.getTeam())));
                continue;
            }
            List<String> names = evaluations.members(a.getCommitteeId()).stream().filter(m -> "CONFIRMED".equals(m.getStatus()))
                    .map(m -> m.getName() + (m.isChair() ? "（组长 chair）" : "")).toList();
            out.add(new PublicAward(a, evaluations.lines(a.getCommitteeId()), names));
        }
        return out;
    }

    /** A vendor's view of an award on a lot it bid for: the winner, its own line, and until when it may challenge. */
    public record MyResult(Long tenderId, String tenderTitle, String noticeNumber, Long lotId, int lotNo, String status,
                           String winner, java.math.BigDecimal price, EvaluationLine mine, Instant challengeUntil, boolean open) {
    }

    @RolesAllowed(Role.VENDOR)
    public List<MyResult> myResults() {
        Caller c = callers.current();
        Vendor v = vendors.byUsername(c.username());
        if (v == null) {
            return List.of();
        }
        Long me = v.getId();
        List<MyResult> out = new ArrayList<>();
        // lots it bid for, and single-source lots negotiated with it (no bid, no challenge: the notice took objections)
        for (Award a : em.createQuery("select a from Award a where a.publishedAt is not null and (exists (select e.id from OpeningEntry e "
                + "where e.tenderId = a.tenderId and e.lotId = a.lotId and e.vendorId = :v) or (a.negotiationId is not null and a.winnerVendorId = :v)) "
                + "order by a.publishedAt desc", Award.class)
                .setParameter("v", me).setMaxResults(200).getResultList()) {
            Tender t = em.find(Tender.class, a.getTenderId());
            EvaluationLine mine = a.getCommitteeId() == null ? null
                    : evaluations.lines(a.getCommitteeId()).stream().filter(l -> l.getVendorId().equals(me)).findFirst().orElse(null);
            boolean open = a.getCommitteeId() != null && AwardRules.within(Instant.now(), a.getChallengeUntil())
                    && Set.of("PUBLISHED", "FINAL").contains(a.getStatus());
            out.add(new MyResult(t.getId(), t.getTitle(), t.getNoticeNumber(), a.getLotId(), a.getLotNo(), a.getStatus(), a.getWinnerName(),
                    a.getPrice(), mine, a.getChallengeUntil(), open));
        }
        return out;
    }

}
