package cn.huimin.domain.model.tender;

import jakarta.persistence.*;

/** A quantity of one catalogue deliverable for one place and period, e.g. 12 screenings per village per year. */
@Entity
@Table(name = "lot_deliverable")
public class LotDeliverable {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "lot_id")
    private TenderLot lot;
    @Column(name = "deliverable_type_id")
    private Long deliverableTypeId;
    @Column(name = "place_id")
    private Long placeId;
    private int quantity;
    @Enumerated(EnumType.STRING) @Column(name = "per_period")
    private Period perPeriod;

    public Long getDeliverableTypeId() { return deliverableTypeId; }
    public void setDeliverableTypeId(Long deliverableTypeId) { this.deliverableTypeId = deliverableTypeId; }
    public Long getPlaceId() { return placeId; }
    public void setPlaceId(Long placeId) { this.placeId = placeId; }
    public int getQuantity() { return quantity; }
    public void setQuantity(int quantity) { this.quantity = quantity; }
    public Period getPerPeriod() { return perPeriod; }
    public void setPerPeriod(Period perPeriod) { this.perPeriod = perPeriod; }
    public Long getId() { return id; }
    public TenderLot getLot() { return lot; }
    public void setLot(TenderLot lot) { this.lot = lot; }

    public enum Period { MONTH, QUARTER, YEAR, WHOLE_TERM }
}
