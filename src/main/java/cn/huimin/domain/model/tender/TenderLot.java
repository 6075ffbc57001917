package cn.huimin.domain.model.tender;

import jakarta.persistence.*;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

@Entity
@Table(name = "tender_lot")
public class TenderLot {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "tender_id")
    private Tender tender;

    @OneToMany(mappedBy = "lot", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<LotDeliverable> deliverables = new ArrayList<>();
    @Column(name = "lot_no")
    private int lotNo;
    private String title;
    @Column(name = "budget_ceiling")
    private BigDecimal budgetCeiling;
    @Column(name = "service_start")
    private LocalDate serviceStart;
    @Column(name = "service_end")
    private LocalDate serviceEnd;
    @Column(name = "status")
    private String status = "OPEN";
    @Column(name = "failed_action")
    private String failedAction;
    @Column(name = "successor_tender_id")
    private Long successorTenderId;

    /** OPEN while bidding, EVALUATION after a successful opening, FAILED with fewer than 3 valid bids. */
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    /** For a failed lot: RETENDER, CONSULTATION or SINGLE_SOURCE. */
    public String getFailedAction() { return failedAction; }
    public void setFailedAction(String failedAction) { this.failedAction = failedAction; }
    public Long getSuccessorTenderId() { return successorTenderId; }
    public void setSuccessorTenderId(Long successorTenderId) { this.successorTenderId = successorTenderId; }

    public int getLotNo() { return lotNo; }
    public void setLotNo(int lotNo) { this.lotNo = lotNo; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public BigDecimal getBudgetCeiling() { return budgetCeiling; }
    public void setBudgetCeiling(BigDecimal budgetCeiling) { this.budgetCeiling = budgetCeiling; }
    public LocalDate getServiceStart() { return serviceStart; }
    public void setServiceStart(LocalDate serviceStart) { this.serviceStart = serviceStart; }
    public LocalDate getServiceEnd() { return serviceEnd; }
    public void setServiceEnd(LocalDate serviceEnd) { this.serviceEnd = serviceEnd; }
    public Long getId() { return id; }
    public Tender getTender() { return tender; }
    public void setTender(Tender tender) { this.tender = tender; }
    public List<LotDeliverable> getDeliverables() { return deliverables; }
}
