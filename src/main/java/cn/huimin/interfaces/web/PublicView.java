package cn.huimin.interfaces.web;

import cn.huimin.application.*;
import cn.huimin.domain.model.tender.Tender;
import cn.huimin.domain.model.tender.TenderForm;
import cn.huimin.domain.model.tender.TenderNotice;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** Public notices, without login. */
@Named
@ViewScoped
public class PublicView extends ViewSupport {
    @EJB
    PublicNotices notices;

    @EJB
    DocumentService documents;

    @EJB
    cn.huimin.application.EnquiryService enquiries;

    @EJB
    cn.huimin.application.OpeningService openings;

    private List<Map<String, Object>> answered = List.of();
    @EJB
    cn.huimin.application.SingleSourceService singleSource;
    private List<cn.huimin.domain.model.singlesource.Objection> objections = List.of();
    private boolean singleSourceNotice;
    private boolean objectionOpen;
    private String objectionText;
    private cn.huimin.domain.model.bid.Opening opening;
    private List<cn.huimin.domain.model.bid.OpeningEntry> openingRecord = List.of();
    private boolean biddable;

    private String query;
    private Long id;
    private TenderForm tender;
    private String unitZh;
    private String unitEn;
    private List<TenderNotice> versions;
    private List<DocumentInfo> docs;
    private boolean missing;

    private final LazyDataModel<TenderRow> model = new LazyDataModel<>() {
        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) notices.count(query);
        }

        @Override
        public List<TenderRow> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            return notices.list(query, first, pageSize);
        }

        @Override
        public String getRowKey(TenderRow row) {
            return String.valueOf(row.getId());
        }
    };

    public void loadNotice() {
        if (tender != null || missing) {
            return;
        }
        try {
            Tender t = notices.tender(id);
            tender = TenderService.toForm(t);
            tender.setLastComment(null);
            versions = notices.notices(id);
            docs = documents.publicList(id);
            answered = enquiries.published(id);
            opening = openings.opening(id);
            openingRecord = openings.record(id);
            awards = awardService.publicAwards(id);
            challenges = challengeService.publicChallenges(id);
            biddable = t.getStatus() == cn.huimin.domain.model.tender.TenderStatus.PUBLISHED
                    && t.getMethod() != cn.huimin.domain.model.tender.ProcurementMethod.SINGLE_SOURCE;
            singleSourceNotice = t.getMethod() == cn.huimin.domain.model.tender.ProcurementMethod.SINGLE_SOURCE;
            if (singleSourceNotice) {
                objections = singleSource.objections(id);
                objectionOpen = cn.huimin.domain.model.singlesource.SingleSourceRules.objectionRefusal(t.getStatus(), t.getMethod(),
                        t.getBidDeadline(), java.time.Instant.now()) == null;
            }
        } catch (RuntimeException e) {
            missing = true;
            show(e);
        }
    }

    /** A vendor objects to the single source during its notice; the text is kept on a refusal. */
    public void lodgeObjection() {
        if (attempt(() -> singleSource.lodge(id, objectionText))) {
            info(text("objection.lodged"));
            objectionText = null;
            objections = singleSource.objections(id);
        }
    }

    public List<cn.huimin.domain.model.singlesource.Objection> getObjections() { return objections; }
    public boolean isSingleSourceNotice() { return singleSourceNotice; }
    public boolean isObjectionOpen() { return objectionOpen; }
    public String getObjectionText() { return objectionText; }
    public void setObjectionText(String objectionText) { this.objectionText = objectionText; }

    public LazyDataModel<TenderRow> getModel() { return model; }
    public String getQuery() { return query; }
    public void setQuery(String query) { this.query = query; }
    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public TenderForm getTender() { return tender; }
    public List<TenderNotice> getVersions() { return versions; }
    public List<DocumentInfo> getDocs() { return docs; }
    public boolean isMissing() { return missing; }
    public List<Map<String, Object>> getAnswered() { return answered; }
    @jakarta.ejb.EJB
    cn.huimin.application.AwardService awardService;

    @jakarta.ejb.EJB
    cn.huimin.application.ChallengeService challengeService;

    private List<cn.huimin.application.AwardService.PublicAward> awards = List.of();
    private List<cn.huimin.application.ChallengeService.PublicChallenge> challenges = List.of();

    public List<cn.huimin.application.AwardService.PublicAward> getAwards() { return awards; }
    public List<cn.huimin.application.ChallengeService.PublicChallenge> getChallenges() { return challenges; }
    public cn.huimin.domain.model.bid.Opening getOpening() { return opening; }
    public List<cn.huimin.domain.model.bid.OpeningEntry> getOpeningRecord() { return openingRecord; }
    public boolean isBiddable() { return biddable; }
}
