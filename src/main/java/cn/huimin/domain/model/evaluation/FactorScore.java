package cn.huimin.domain.model.evaluation;

import jakarta.persistence.*;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One member's points for one bid on one non-price factor. */
@Entity
@Table(name = "factor_score")
public class FactorScore {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "member_id")
    private Long memberId;
    @Column(name = "bid_id")
    private Long bidId;
    @Column(name = "factor_id")
    private Long factorId;
    private BigDecimal points;
    private String comment;

    public Long getId() { return id; }
    public Long getMemberId() { return memberId; }
    public void setMemberId(Long memberId) { this.memberId = memberId; }
    public Long getBidId() { return bidId; }
    public void setBidId(Long bidId) { this.bidId = bidId; }
    public Long getFactorId() { return factorId; }
    public void setFactorId(Long factorId) { this.factorId = factorId; }
    public BigDecimal getPoints() { return points; }
    public void setPoints(BigDecimal points) { this.points = points; }
    public String getComment() { return comment; }
    public void setComment(String comment) { this.comment = comment; }
}
