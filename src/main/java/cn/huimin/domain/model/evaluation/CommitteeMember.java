package cn.huimin.domain.model.evaluation;

import jakarta.persistence.*;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A seat of a committee: a drawn expert or a purchaser representative. */
@Entity
@Table(name = "committee_member")
public class CommitteeMember {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "committee_id")
    private Long committeeId;
    private String kind;
    @Column(name = "expert_id")
    private Long expertId;
    private String username;
    private String name;
    @Column(name = "draw_position")
    private Integer drawPosition;
    private String status;
    private boolean chair;
    @Column(name = "declared_at")
    private Instant declaredAt;
    @Column(name = "recusal_reason")
    private String recusalReason;
    @Column(name = "scores_signed_at")
    private Instant scoresSignedAt;
    @Column(name = "report_signed_at")
    private Instant reportSignedAt;
    private String dissent;

    public Long getId() { return id; }
    public Long getCommitteeId() { return committeeId; }
    public void setCommitteeId(Long committeeId) { this.committeeId = committeeId; }
    public String getKind() { return kind; }
    public void setKind(String kind) { this.kind = kind; }
    public Long getExpertId() { return expertId; }
    public void setExpertId(Long expertId) { this.expertId = expertId; }
    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public Integer getDrawPosition() { return drawPosition; }
    public void setDrawPosition(Integer drawPosition) { this.drawPosition = drawPosition; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public boolean isChair() { return chair; }
    public void setChair(boolean chair) { this.chair = chair; }
    public Instant getDeclaredAt() { return declaredAt; }
    public void setDeclaredAt(Instant declaredAt) { this.declaredAt = declaredAt; }
    public String getRecusalReason() { return recusalReason; }
    public void setRecusalReason(String recusalReason) { this.recusalReason = recusalReason; }
    public Instant getScoresSignedAt() { return scoresSignedAt; }
    public void setScoresSignedAt(Instant scoresSignedAt) { this.scoresSignedAt = scoresSignedAt; }
    public Instant getReportSignedAt() { return reportSignedAt; }
    public void setReportSignedAt(Instant reportSignedAt) { this.reportSignedAt = reportSignedAt; }
    public String getDissent() { return dissent; }
    public void setDissent(String dissent) { this.dissent = dissent; }
}
