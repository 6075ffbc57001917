package cn.huimin.interfaces.web;

import cn.huimin.application.AppException;
import cn.huimin.application.ContractService;
import cn.huimin.application.DeliveryService;
import cn.huimin.application.PerformanceService;
import cn.huimin.application.RateLimiter;
import cn.huimin.domain.model.contract.Contract;
import cn.huimin.domain.model.contract.ContractDeliverable;
import cn.huimin.domain.model.contract.Milestone;
import cn.huimin.domain.model.performance.IndicatorScore;
import cn.huimin.domain.model.performance.PerformanceEvaluation;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.util.*;
import org.primefaces.model.StreamedContent;

/**
 * The public pages of contracts (list and one contract with its acceptance results), of an event's rating
 * (public/rate?e=token) and of an acceptance's call for opinions. No login; ratings and opinions are rate-limited.
 */
@Named
@ViewScoped
public class PublicContractsView extends ViewSupport {
    @EJB
    ContractService contracts;

    @EJB
    DeliveryService deliveries;

    @EJB
    PerformanceService performance;

    @Inject
    RateLimiter limiter;

    private Long id;
    private Contract contract;
    private List<Contract> list;
    private List<Milestone> milestones = List.of();
    private List<ContractDeliverable> deliverableLines = List.of();
    private List<PerformanceEvaluation> results = List.of();
    private List<PerformanceEvaluation> openAcceptances;
    // rating
    private String token;
    private DeliveryService.PublicEvent event;
    private String code;
    private Integer stars;
    private String ratingComment;
    private boolean rated;
    // opinion
    private Long acceptanceId;
    private String opinion;
    private boolean opinionGiven;

    public void load() {
        if (id != null && contract == null) {
            attempt(() -> {
                Contract c = contracts.contract(id);
                if (c.getPublishedAt() == null) {
                    throw AppException.notFound("contract.notFound");
                }
                contract = c;
                milestones = contracts.milestones(id);
                deliverableLines = contracts.deliverables(id);
                results = performance.publishedResults(id);
            });
        }
    }

    public void loadEvent() {
        if (token != null && event == null) {
            attempt(() -> event = deliveries.publicEvent(token));
        }
    }

    public List<Contract> getList() {
        if (list == null) {
            list = contracts.published(0, 200);
        }
        return list;
    }

    public List<PerformanceEvaluation> getOpenAcceptances() {
        if (openAcceptances == null) {
            openAcceptances = performance.openForOpinions();
        }
        return openAcceptances;
    }

    /** The final acceptance behind public/acceptance?e=…, when it is asking for opinions. */
    public PerformanceEvaluation getAcceptance() {
        return acceptanceId == null ? null : getOpenAcceptances().stream().filter(e -> e.getId().equals(acceptanceId)).findFirst().orElse(null);
    }

    public Contract contractOf(Long contractId) {
        return contracts.contract(contractId);
    }

    private boolean allowed(String what) {
        HttpServletRequest req = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
        if (!limiter.allowPublic(req.getRemoteAddr(), what)) {
            error(text("rating.tooMany"));
            FacesContext.getCurrentInstance().validationFailed();
            return false;
        }
        return true;
    }

    public void rate() {
        if (!allowed("event:" + token)) {
            return;
        }
        if (attempt(() -> deliveries.rate(token, code, stars, ratingComment))) {
            rated = true;
            info(text("rating.thanks"));
        }
    }

    public void giveOpinion() {
        if (!allowed("acceptance:" + acceptanceId)) {
            return;
        }
        if (attempt(() -> performance.submitOpinion(acceptanceId, null, opinion))) {
            opinionGiven = true;
            opinion = null;
            info(text("performance.opinionThanks"));
        }
    }

    public StreamedContent pdf() {
        return download(contract.getContractNo() + ".pdf", "application/pdf", contracts.pdf(contract.getId()));
    }

    public List<IndicatorScore> scores(Long evaluationId) {
        return performance.scores(evaluationId);
    }

    public int opinions(Long evaluationId) {
        return performance.opinions(evaluationId).size();
    }

    public String vendorName(Long vendorId) {
        return contracts.vendorName(vendorId);
    }

    public String getPurchaser() {
        return contract == null ? "" : contracts.unitName(contract.getUnitId());
    }

    public String unitName(Long unitId) {
        return contracts.unitName(unitId);
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Contract getContract() { return contract; }
    public List<Milestone> getMilestones() { return milestones; }
    public List<ContractDeliverable> getDeliverableLines() { return deliverableLines; }
    public List<PerformanceEvaluation> getResults() { return results; }
    public String getToken() { return token; }
    public void setToken(String token) { this.token = token; }
    public DeliveryService.PublicEvent getEvent() { return event; }
    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public Integer getStars() { return stars; }
    public void setStars(Integer stars) { this.stars = stars; }
    public String getRatingComment() { return ratingComment; }
    public void setRatingComment(String ratingComment) { this.ratingComment = ratingComment; }
    public boolean isRated() { return rated; }
    public Long getAcceptanceId() { return acceptanceId; }
    public void setAcceptanceId(Long acceptanceId) { this.acceptanceId = acceptanceId; }
    public String getOpinion() { return opinion; }
    public void setOpinion(String opinion) { this.opinion = opinion; }
    public boolean isOpinionGiven() { return opinionGiven; }
}
