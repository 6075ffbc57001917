package cn.huimin.interfaces.web;

import cn.huimin.application.EvaluationService;
import cn.huimin.application.OpeningService;
import cn.huimin.application.TaskActions;
import cn.huimin.domain.model.bid.OpeningEntry;
import cn.huimin.domain.model.evaluation.Clarification;
import cn.huimin.domain.model.evaluation.Committee;
import cn.huimin.domain.model.evaluation.CommitteeRules;
import cn.huimin.domain.model.tender.ScoringFactor;
import cn.huimin.domain.model.user.AppUser;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.util.*;

/**
 * The evaluation part of an evaluation task page (tasks/requestCommittee, confirmMembership, explainPrice,
 * decideClarifications, scoreBids, signReport, followUpReport): what the step needs to show, and its entries.
 */
@Named
@ViewScoped
public class EvaluationTaskView extends ViewSupport {
    @EJB
    TaskActions tasks;

    @EJB
    EvaluationService evaluations;

    @EJB
    OpeningService openings;

    @EJB
    cn.huimin.application.AwardService awards;

    @EJB
    cn.huimin.application.ChallengeService challenges;

    private cn.huimin.domain.model.award.Award award;
    private cn.huimin.domain.model.award.Challenge challenge;
    private List<cn.huimin.domain.model.bid.BidSecurity> refunds = List.of();

    private String id;
    private String key;
    private Committee committee;
    private List<OpeningEntry> bidders = List.of();
    private List<AppUser> purchaserCandidates = List.of();
    private List<String> purchaserReps = new ArrayList<>();
    private List<Clarification> clarifications = List.of();
    private EvaluationService.Sheet sheet;
    private EvaluationService.Summary summary;
    private final Map<String, String> entries = new HashMap<>();
    private String comment;
    private boolean declared;
    private boolean loaded;

    public void load() {
        if (loaded) {
            return;
        }
        loaded = true;
        try {
            key = tasks.get(id).getKey();
            if (key.equals("answerChallenge") || key.equals("decideComplaint")) {
                Object ch = tasks.variable(id, "challengeId");
                challenge = ch instanceof Long l ? challenges.get(l) : null;
                if (challenge != null) {
                    award = awards.award(challenge.getAwardId());
                    summary = evaluations.summaryForReview(award.getCommitteeId());
                }
                return;
            }
            Object aw = tasks.variable(id, "awardId");
            if (aw instanceof Long awardId) {
                award = awards.award(awardId);
                if (key.equals("refundSecurities")) {
                    refunds = awards.refundable(awardId);
                    return;
                }
            }
            Object c = tasks.variable(id, "committeeId");
            if (!(c instanceof Long committeeId)) {
                return;
            }
            switch (key) {
                case "requestCommittee" -> {
                    committee = evaluations.committee(committeeId);
                    purchaserCandidates = evaluations.purchaserCandidates(committeeId);
                    bidders = lotBidders(committee);
                }
                case "confirmMembership" -> {
                    committee = evaluations.committee(committeeId);
                    bidders = lotBidders(committee);
                }
                case "explainPrice", "decideClarifications" -> {
                    committee = evaluations.committee(committeeId);
                    clarifications = evaluations.clarifications(committeeId);
                    if (key.equals("decideClarifications")) {
                        bidders = lotBidders(committee);
                    }
                }
                case "scoreBids" -> {
                    sheet = evaluations.sheet(committeeId);
                    committee = evaluations.committee(committeeId);
                    entries.putAll(sheet.entries());
                }
                case "signReport", "followUpReport", "confirmAward" -> {
                    summary = evaluations.summary(committeeId);
                    committee = evaluations.committee(committeeId);
                }
                default -> {
                }
            }
        } catch (RuntimeException e) {
            show(e);
        }
    }

    private List<OpeningEntry> lotBidders(Committee c) {
        return openings.record(c.getTenderId()).stream().filter(e -> e.getLotId().equals(c.getLotId())).toList();
    }

    public String draw() {
        Map<String, String> details = Map.of("purchaserReps", String.join(",", purchaserReps));
        return complete("DRAW", details);
    }

    public String answer(String decision) {
        if ("CONFIRM".equals(decision) && !declared) {
            error(text("evaluation.declarationRequired"));
            jakarta.faces.context.FacesContext.getCurrentInstance().validationFailed();
            return null;
        }
        return complete(decision, Map.of());
    }

    public String submit(String decision) {
        return complete(decision, new HashMap<>(entries));
    }

    private String complete(String decision, Map<String, String> details) {
        if (attempt(() -> tasks.complete(id, decision, comment, details))) {
            info(text("evaluation.done." + key + (Set.of("SIGN_WITH_DISSENT", "RECUSE", "NO_AWARD").contains(decision) ? "." + decision : "")));
            keepMessages();
            return "/inbox.xhtml?faces-redirect=true";
        }
        return null;
    }

    // ---------------------------------------------------------------- for the pages

    public int getMaxPurchaserSeats() {
        return committee == null ? 0 : CommitteeRules.maxPurchaserSeats(committee.getSize());
    }

    public int getMinExperts() {
        return committee == null ? 0 : CommitteeRules.minExperts(committee.getSize());
    }

    public List<EvaluationService.MemberView> getConfirmedMembers() {
        return summary == null ? List.of() : summary.members().stream().filter(m -> "CONFIRMED".equals(m.status())).toList();
    }

    public List<EvaluationService.MemberView> getUnsignedMembers() {
        return getConfirmedMembers().stream().filter(m -> m.reportSignedAt() == null).toList();
    }

    public BigDecimal half(EvaluationService.Factor f) {
        return BigDecimal.valueOf(f.points()).divide(BigDecimal.valueOf(2));
    }

    public String vendorName(Long bidId) {
        return bidders.stream().filter(b -> b.getBidId().equals(bidId)).map(OpeningEntry::getVendorName).findFirst().orElse(String.valueOf(bidId));
    }

    public String money(BigDecimal value) {
        return value == null ? "" : value.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    /** A bid attachment for a member, decrypted on the server for this download only. */
    public org.primefaces.model.StreamedContent download(Long attachmentId) {
        try {
            Map<String, Object> a = evaluations.attachment(committee.getId(), attachmentId);
            return download((String) a.get("name"), (String) a.get("type"), (byte[]) a.get("content"));
        } catch (RuntimeException e) {
            show(e);
            return null;
        }
    }

    public String vendorOf(Long vendorId) {
        try {
            return vendors.get(vendorId).getName();
        } catch (RuntimeException e) {
            return String.valueOf(vendorId);
        }
    }

    @EJB
    cn.huimin.application.VendorService vendors;

    public cn.huimin.domain.model.award.Award getAward() { return award; }
    public cn.huimin.domain.model.award.Challenge getChallenge() { return challenge; }
    public List<cn.huimin.domain.model.bid.BidSecurity> getRefunds() { return refunds; }

    /** The evaluation report PDF of this task's committee. */
    public org.primefaces.model.StreamedContent report() {
        try {
            return download("evaluation-report-" + committee.getId() + ".pdf", "application/pdf", evaluations.reportPdf(committee.getId()));
        } catch (RuntimeException e) {
            show(e);
            return null;
        }
    }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getKey() { return key; }
    public Committee getCommittee() { return committee; }
    public List<OpeningEntry> getBidders() { return bidders; }
    public List<AppUser> getPurchaserCandidates() { return purchaserCandidates; }
    public List<String> getPurchaserReps() { return purchaserReps; }
    public void setPurchaserReps(List<String> purchaserReps) { this.purchaserReps = purchaserReps == null ? new ArrayList<>() : purchaserReps; }
    public List<Clarification> getClarifications() { return clarifications; }
    public EvaluationService.Sheet getSheet() { return sheet; }
    public EvaluationService.Summary getSummary() { return summary; }
    public Map<String, String> getEntries() { return entries; }
    public String getComment() { return comment; }
    public void setComment(String comment) { this.comment = comment; }
    public boolean isDeclared() { return declared; }
    public void setDeclared(boolean declared) { this.declared = declared; }
}
