package cn.huimin.interfaces.web;

import cn.huimin.application.AwardService;
import cn.huimin.application.ChallengeService;
import cn.huimin.domain.model.award.Challenge;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** vendor/results.xhtml: the awards on lots the vendor bid for, its challenges, and complaints about the answers. */
@Named
@ViewScoped
public class ResultsView extends ViewSupport {
    @EJB
    AwardService awards;

    @EJB
    ChallengeService challenges;

    private List<AwardService.MyResult> results;
    private List<Challenge> mine;
    private final Map<Long, String> grounds = new HashMap<>();
    private final Map<Long, String> evidence = new HashMap<>();
    private final Map<Long, String> complaints = new HashMap<>();

    public void load() {
        if (results == null) {
            refresh();
        }
    }

    private void refresh() {
        results = awards.myResults();
        mine = challenges.mine();
    }

    public void challenge(AwardService.MyResult r) {
        if (attempt(() -> challenges.file(r.tenderId(), r.lotId(), grounds.get(r.lotId()), evidence.get(r.lotId())))) {
            grounds.remove(r.lotId());
            evidence.remove(r.lotId());
            info(text("challenge.filed"));
            refresh();
        }
    }

    public void complain(Challenge c) {
        if (attempt(() -> challenges.complain(c.getId(), complaints.get(c.getId())))) {
            complaints.remove(c.getId());
            info(text("challenge.complaintFiled"));
            refresh();
        }
    }

    public List<AwardService.MyResult> getResults() { return results; }
    public List<Challenge> getMine() { return mine; }
    public Map<Long, String> getGrounds() { return grounds; }
    public Map<Long, String> getEvidence() { return evidence; }
    public Map<Long, String> getComplaints() { return complaints; }
}
