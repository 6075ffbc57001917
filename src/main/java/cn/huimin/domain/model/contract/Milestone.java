package cn.huimin.domain.model.contract;

import jakarta.persistence.*;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A payment milestone: a share of the amount for one service period, paid after that period's evaluation. */
@Entity
@Table(name = "contract_milestone")
public class Milestone {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "contract_id")
    private Long contractId;
    @Column(name = "position_no")
    private int positionNo;
    @Column(name = "share_percent")
    private BigDecimal sharePercent;
    private BigDecimal amount;
    @Column(name = "period_start")
    private LocalDate periodStart;
    @Column(name = "period_end")
    private LocalDate periodEnd;
    @Column(name = "final_period")
    private boolean finalPeriod;
    private String status;

    public Long getId() { return id; }
    public Long getContractId() { return contractId; }
    public void setContractId(Long contractId) { this.contractId = contractId; }
    public int getPositionNo() { return positionNo; }
    public void setPositionNo(int positionNo) { this.positionNo = positionNo; }
    public BigDecimal getSharePercent() { return sharePercent; }
    public void setSharePercent(BigDecimal sharePercent) { this.sharePercent = sharePercent; }
    public BigDecimal getAmount() { return amount; }
    public void setAmount(BigDecimal amount) { this.amount = amount; }
    public LocalDate getPeriodStart() { return periodStart; }
    public void setPeriodStart(LocalDate periodStart) { this.periodStart = periodStart; }
    public LocalDate getPeriodEnd() { return periodEnd; }
    public void setPeriodEnd(LocalDate periodEnd) { this.periodEnd = periodEnd; }
    public boolean isFinalPeriod() { return finalPeriod; }
    public void setFinalPeriod(boolean finalPeriod) { this.finalPeriod = finalPeriod; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
}
