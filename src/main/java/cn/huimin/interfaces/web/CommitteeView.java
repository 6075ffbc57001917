package cn.huimin.interfaces.web;

import cn.huimin.application.EvaluationService;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;

/** evaluation/committee.xhtml?id=: a committee's members, progress, result, and its recorded draw, which can be re-run. */
@Named
@ViewScoped
public class CommitteeView extends ViewSupport {
    @EJB
    EvaluationService evaluations;

    private Long id;
    private EvaluationService.Summary summary;
    private EvaluationService.DrawCheck draw;

    public void load() {
        if (summary == null && id != null) {
            attempt(() -> summary = evaluations.summary(id));
        }
    }

    /** Re-runs the draw from its recorded seed and candidate list (audited). */
    public void verify() {
        attempt(() -> draw = evaluations.verifyDraw(id));
    }

    public String name(Object expertId) {
        if (draw == null || expertId == null) {
            return "";
        }
        return draw.expertNames().getOrDefault(((Number) expertId).longValue(), String.valueOf(expertId));
    }

    public List<Map<String, Object>> getExclusions() {
        return draw == null ? List.of() : draw.exclusions();
    }

    public org.primefaces.model.StreamedContent report() {
        try {
            byte[] pdf = evaluations.reportPdf(id);
            return org.primefaces.model.DefaultStreamedContent.builder().name("evaluation-report-" + id + ".pdf")
                    .contentType("application/pdf").contentLength((long) pdf.length)
                    .stream(() -> new java.io.ByteArrayInputStream(pdf)).build();
        } catch (RuntimeException e) {
            show(e);
            return null;
        }
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public EvaluationService.Summary getSummary() { return summary; }
    public EvaluationService.DrawCheck getDraw() { return draw; }

    // the summary include asks its bean for these
    public String points(String member, Long bidId, Long factorId) {
        return summary == null ? "" : summary.scores().stream().filter(s -> s.member().equals(member) && s.bidId().equals(bidId)
                && s.factorId().equals(factorId)).map(s -> s.points().toPlainString()).findFirst().orElse("–");
    }

    public String scoreComment(String member, Long bidId, Long factorId) {
        return summary == null ? null : summary.scores().stream().filter(s -> s.member().equals(member) && s.bidId().equals(bidId)
                && s.factorId().equals(factorId)).map(EvaluationService.ScoreView::comment).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    public String qualification(String member, Long bidId) {
        return summary == null ? "" : summary.qualifications().stream().filter(q -> q.member().equals(member) && q.bidId().equals(bidId))
                .map(q -> q.passed() ? "✓" : "✗ " + (q.reason() == null ? "" : q.reason())).findFirst().orElse("–");
    }
}
