package cn.huimin.domain.model.performance;

import jakarta.persistence.*;
import java.math.BigDecimal;

/** One indicator of an evaluation: its weight, the evidence from delivery records, the evaluator's score and comment. */
@Entity
@Table(name = "indicator_score")
public class IndicatorScore {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "evaluation_id")
    private Long evaluationId;
    @Column(name = "indicator_id")
    private Long indicatorId;
    @Column(name = "position_no")
    private int positionNo;
    @Column(name = "name_zh")
    private String nameZh;
    @Column(name = "name_en")
    private String nameEn;
    private int weight;
    private String evidence;
    private BigDecimal score;
    private String comment;

    public Long getId() { return id; }
    public Long getEvaluationId() { return evaluationId; }
    public void setEvaluationId(Long evaluationId) { this.evaluationId = evaluationId; }
    public Long getIndicatorId() { return indicatorId; }
    public void setIndicatorId(Long indicatorId) { this.indicatorId = indicatorId; }
    public int getPositionNo() { return positionNo; }
    public void setPositionNo(int positionNo) { this.positionNo = positionNo; }
    public String getNameZh() { return nameZh; }
    public void setNameZh(String nameZh) { this.nameZh = nameZh; }
    public String getNameEn() { return nameEn; }
    public void setNameEn(String nameEn) { this.nameEn = nameEn; }
    public int getWeight() { return weight; }
    public void setWeight(int weight) { this.weight = weight; }
    public String getEvidence() { return evidence; }
    public void setEvidence(String evidence) { this.evidence = evidence; }
    public BigDecimal getScore() { return score; }
    public void setScore(BigDecimal score) { this.score = score; }
    public String getComment() { return comment; }
    public void setComment(String comment) { this.comment = comment; }
}
