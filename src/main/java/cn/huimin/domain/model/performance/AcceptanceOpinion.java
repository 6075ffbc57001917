package cn.huimin.domain.model.performance;

import jakarta.persistence.*;
import java.time.Instant;

/** A resident's opinion given during the final acceptance. */
@Entity
@Table(name = "acceptance_opinion")
public class AcceptanceOpinion {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "evaluation_id")
    private Long evaluationId;
    @Column(name = "place_id")
    private Long placeId;
    private String opinion;
    @Column(name = "submitted_at")
    private Instant submittedAt;

    public Long getId() { return id; }
    public Long getEvaluationId() { return evaluationId; }
    public void setEvaluationId(Long evaluationId) { this.evaluationId = evaluationId; }
    public Long getPlaceId() { return placeId; }
    public void setPlaceId(Long placeId) { this.placeId = placeId; }
    public String getOpinion() { return opinion; }
    public void setOpinion(String opinion) { this.opinion = opinion; }
    public Instant getSubmittedAt() { return submittedAt; }
    public void setSubmittedAt(Instant submittedAt) { this.submittedAt = submittedAt; }
}
