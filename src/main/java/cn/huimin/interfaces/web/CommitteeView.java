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
            return download("evaluation-report-" + id + ".pdf", "application/pdf", evaluations.reportPdf(id));
        } catch (RuntimeException e) {
            show(e);
            return null;
        }
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public EvaluationService.Summary getSummary() { return summary; }
    public EvaluationService.DrawCheck getDraw() { return draw; }
}
