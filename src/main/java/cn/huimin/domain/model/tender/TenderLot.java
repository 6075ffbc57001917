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
