package cn.huimin.interfaces.web;

import cn.huimin.application.ContractService;
import cn.huimin.application.PerformanceService;
import cn.huimin.application.TaskActions;
import cn.huimin.domain.model.contract.Contract;
import cn.huimin.domain.model.contract.ContractDeliverable;
import cn.huimin.domain.model.contract.ContractRules;
import cn.huimin.domain.model.contract.Milestone;
import cn.huimin.domain.model.performance.IndicatorScore;
import cn.huimin.domain.model.performance.PerformanceEvaluation;
import cn.huimin.domain.model.performance.Rectification;
import cn.huimin.domain.shared.Money;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.*;
import org.primefaces.model.StreamedContent;

/**
 * The contract and performance task pages: signContractPurchaser (terms and signature), signContractVendor,
 * followUpContract, decideTermination, scoreIndicators, reviewEvaluation, signOffEvaluation, rectify,
 * recheckRectification.
 */
@Named
@ViewScoped
public class ContractTaskView extends ViewSupport {
    @EJB
    TaskActions tasks;

    @EJB
    ContractService contracts;

    @EJB
    PerformanceService performance;

    private String id;
    private String key;
    private Contract contract;
    private List<Milestone> milestones = List.of();
    private List<ContractDeliverable> deliverableLines = List.of();
    private PerformanceEvaluation evaluation;
    private List<IndicatorScore> scores = List.of();
    private List<PerformanceEvaluation> evaluations = List.of();
    private Rectification rectification;
    private final Map<String, String> entries = new HashMap<>();
    private String comment;
    private boolean loaded;
    // terms
    private String bondPercent;
    private LocalDate termStart;
    private LocalDate termEnd;
    private boolean stableService;
    private String longTermReason;
    private String frequency;
    private String shares;

    public void load() {
        if (loaded) {
            return;
        }
        loaded = true;
        attempt(() -> {
            key = tasks.get(id).getKey();
            Object c = tasks.variable(id, "contractId");
            if (c instanceof Long contractId) {
                loadContract(contractId);
            }
            Object e = tasks.variable(id, "evaluationId");
            if (e instanceof Long evaluationId) {
                evaluation = performance.evaluation(evaluationId);
                scores = performance.scores(evaluationId);
                rectification = performance.rectification(evaluationId);
                for (IndicatorScore s : scores) {
                    if (s.getScore() != null) {
                        entries.put("score." + s.getId(), s.getScore().toPlainString());
                    }
                    if (s.getComment() != null) {
                        entries.put("comment." + s.getId(), s.getComment());
                    }
                }
            }
        });
    }

    private void loadContract(Long contractId) {
        contract = contracts.contract(contractId);
        milestones = contracts.milestones(contractId);
        deliverableLines = contracts.deliverables(contractId);
        evaluations = performance.evaluationsOf(contractId);
        bondPercent = contract.getBondPercent().stripTrailingZeros().toPlainString();
        termStart = contract.getTermStart();
        termEnd = contract.getTermEnd();
        stableService = contract.isStableService();
        longTermReason = contract.getLongTermReason();
        if (frequency == null) {
            frequency = milestones.size() <= 1 ? "TERM" : "QUARTER";
        }
    }

    public void saveTerms() {
        BigDecimal bond = Money.parse(bondPercent);
        List<BigDecimal> shareList = new ArrayList<>();
        if (shares != null && !shares.isBlank()) {
            for (String s : shares.split("[,，\\s]+")) {
                if (s.isBlank()) {
                    continue;
                }
                BigDecimal b = Money.parse(s);
                if (b == null) {
                    error(text("contract.SHARE_NOT_POSITIVE"));
                    jakarta.faces.context.FacesContext.getCurrentInstance().validationFailed();
                    return;
                }
                shareList.add(b);
            }
        }
        if (bond == null) {
            error(text("contract.BOND_NEGATIVE"));
            jakarta.faces.context.FacesContext.getCurrentInstance().validationFailed();
            return;
        }
        ContractRules.Frequency f = ContractRules.Frequency.valueOf(frequency == null ? "QUARTER" : frequency);
        if (attempt(() -> contracts.updateTerms(contract.getId(), new ContractService.TermsForm(bond, termStart, termEnd, stableService,
                longTermReason, f, shareList, null)))) {
            info(text("contract.termsSaved"));
            loadContract(contract.getId());
        }
    }

    public StreamedContent pdf() {
        return download(contract.getContractNo() + ".pdf", "application/pdf", contracts.pdf(contract.getId()));
    }

    public String submit(String decision) {
        if (attempt(() -> tasks.complete(id, decision, comment, new HashMap<>(entries)))) {
            info(text("contract.done." + key + "." + decision));
            keepMessages();
            return "/inbox.xhtml?faces-redirect=true";
        }
        return null;
    }

    /** The evaluator keeps a draft of the scores without submitting. */
    public void saveDraft() {
        if (attempt(() -> performance.score(evaluation.getId(), new HashMap<>(entries), false))) {
            info(text("performance.draftSaved"));
        }
    }

    public String vendorName(Long vendorId) {
        return contracts.vendorName(vendorId);
    }

    public String getPurchaser() {
        return contract == null ? "" : contracts.unitName(contract.getUnitId());
    }

    public BigDecimal getDraftTotal() {
        BigDecimal t = BigDecimal.ZERO;
        for (IndicatorScore s : scores) {
            BigDecimal b = Money.parse(entries.get("score." + s.getId()));
            if (b != null) {
                t = t.add(b);
            }
        }
        return t;
    }

    public List<String> getFrequencies() {
        return Arrays.stream(ContractRules.Frequency.values()).map(Enum::name).toList();
    }

    // ---------------------------------------------------------------- getters and setters

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getKey() { return key; }
    public Contract getContract() { return contract; }
    public List<Milestone> getMilestones() { return milestones; }
    public List<ContractDeliverable> getDeliverableLines() { return deliverableLines; }
    public PerformanceEvaluation getEvaluation() { return evaluation; }
    public List<IndicatorScore> getScores() { return scores; }
    public List<PerformanceEvaluation> getEvaluations() { return evaluations; }
    public Rectification getRectification() { return rectification; }
    public Map<String, String> getEntries() { return entries; }
    public String getComment() { return comment; }
    public void setComment(String comment) { this.comment = comment; }
    public String getBondPercent() { return bondPercent; }
    public void setBondPercent(String bondPercent) { this.bondPercent = bondPercent; }
    public LocalDate getTermStart() { return termStart; }
    public void setTermStart(LocalDate termStart) { this.termStart = termStart; }
    public LocalDate getTermEnd() { return termEnd; }
    public void setTermEnd(LocalDate termEnd) { this.termEnd = termEnd; }
    public boolean isStableService() { return stableService; }
    public void setStableService(boolean stableService) { this.stableService = stableService; }
    public String getLongTermReason() { return longTermReason; }
    public void setLongTermReason(String longTermReason) { this.longTermReason = longTermReason; }
    public String getFrequency() { return frequency; }
    public void setFrequency(String frequency) { this.frequency = frequency; }
    public String getShares() { return shares; }
    public void setShares(String shares) { this.shares = shares; }
}
