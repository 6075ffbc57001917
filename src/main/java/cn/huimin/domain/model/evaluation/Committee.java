package cn.huimin.domain.model.evaluation;

import jakarta.persistence.*;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** The evaluation committee of one lot (a new round after a re-evaluation), with its recorded draw. */
@Entity
@Table(name = "committee")
public class Committee {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Version
    private long version;
    @Column(name = "tender_id")
    private Long tenderId;
    @Column(name = "lot_id")
    private Long lotId;
    @Column(name = "lot_no")
    private int lotNo;
    @Column(name = "round_no")
    private int roundNo;
    private int size;
    @Column(name = "expert_seats")
    private int expertSeats;
    private String seed;
    private String candidates;
    private String exclusions;
    @Column(name = "draw_order")
    private String drawOrder;
    @Column(name = "drawn_by")
    private String drawnBy;
    @Column(name = "drawn_at")
    private Instant drawnAt;
    private String status;
    @Column(name = "evaluated_at")
    private Instant evaluatedAt;
    @Column(name = "report_due")
    private Instant reportDue;
    @Column(name = "completed_at")
    private Instant completedAt;
    @Column(name = "process_instance_id")
    private String processInstanceId;

    public Long getId() { return id; }
    public long getVersion() { return version; }
    public Long getTenderId() { return tenderId; }
    public void setTenderId(Long tenderId) { this.tenderId = tenderId; }
    public Long getLotId() { return lotId; }
    public void setLotId(Long lotId) { this.lotId = lotId; }
    public int getLotNo() { return lotNo; }
    public void setLotNo(int lotNo) { this.lotNo = lotNo; }
    public int getRoundNo() { return roundNo; }
    public void setRoundNo(int roundNo) { this.roundNo = roundNo; }
    public int getSize() { return size; }
    public void setSize(int size) { this.size = size; }
    public int getExpertSeats() { return expertSeats; }
    public void setExpertSeats(int expertSeats) { this.expertSeats = expertSeats; }
    public String getSeed() { return seed; }
    public void setSeed(String seed) { this.seed = seed; }
    public String getCandidates() { return candidates; }
    public void setCandidates(String candidates) { this.candidates = candidates; }
    public String getExclusions() { return exclusions; }
    public void setExclusions(String exclusions) { this.exclusions = exclusions; }
    public String getDrawOrder() { return drawOrder; }
    public void setDrawOrder(String drawOrder) { this.drawOrder = drawOrder; }
    public String getDrawnBy() { return drawnBy; }
    public void setDrawnBy(String drawnBy) { this.drawnBy = drawnBy; }
    public Instant getDrawnAt() { return drawnAt; }
    public void setDrawnAt(Instant drawnAt) { this.drawnAt = drawnAt; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public Instant getEvaluatedAt() { return evaluatedAt; }
    public void setEvaluatedAt(Instant evaluatedAt) { this.evaluatedAt = evaluatedAt; }
    public Instant getReportDue() { return reportDue; }
    public void setReportDue(Instant reportDue) { this.reportDue = reportDue; }
    public Instant getCompletedAt() { return completedAt; }
    public void setCompletedAt(Instant completedAt) { this.completedAt = completedAt; }
    public String getProcessInstanceId() { return processInstanceId; }
    public void setProcessInstanceId(String processInstanceId) { this.processInstanceId = processInstanceId; }
}
