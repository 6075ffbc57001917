package cn.huimin.domain.model.evaluation;

import jakarta.persistence.*;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One bidder's line of the evaluation result. */
@Entity
@Table(name = "evaluation_line")
public class EvaluationLine {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "committee_id")
    private Long committeeId;
    @Column(name = "bid_id")
    private Long bidId;
    @Column(name = "vendor_id")
    private Long vendorId;
    @Column(name = "vendor_name")
    private String vendorName;
    private BigDecimal price;
    private boolean qualified;
    private String rejection;
    @Column(name = "technical_score")
    private BigDecimal technicalScore;
    @Column(name = "price_score")
    private BigDecimal priceScore;
    private BigDecimal total;
    @Column(name = "rank_no")
    private Integer rankNo;

    public Long getId() { return id; }
    public Long getCommitteeId() { return committeeId; }
    public void setCommitteeId(Long committeeId) { this.committeeId = committeeId; }
    public Long getBidId() { return bidId; }
    public void setBidId(Long bidId) { this.bidId = bidId; }
    public Long getVendorId() { return vendorId; }
    public void setVendorId(Long vendorId) { this.vendorId = vendorId; }
    public String getVendorName() { return vendorName; }
    public void setVendorName(String vendorName) { this.vendorName = vendorName; }
    public BigDecimal getPrice() { return price; }
    public void setPrice(BigDecimal price) { this.price = price; }
    public boolean isQualified() { return qualified; }
    public void setQualified(boolean qualified) { this.qualified = qualified; }
    public String getRejection() { return rejection; }
    public void setRejection(String rejection) { this.rejection = rejection; }
    public BigDecimal getTechnicalScore() { return technicalScore; }
    public void setTechnicalScore(BigDecimal technicalScore) { this.technicalScore = technicalScore; }
    public BigDecimal getPriceScore() { return priceScore; }
    public void setPriceScore(BigDecimal priceScore) { this.priceScore = priceScore; }
    public BigDecimal getTotal() { return total; }
    public void setTotal(BigDecimal total) { this.total = total; }
    public Integer getRankNo() { return rankNo; }
    public void setRankNo(Integer rankNo) { this.rankNo = rankNo; }
}
