package cn.huimin.domain.model.contract;

import jakarta.persistence.*;

/** A deliverable of the contract: a quantity of one catalogue item for one place and period. */
@Entity
@Table(name = "contract_deliverable")
public class ContractDeliverable {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "contract_id")
    private Long contractId;
    @Column(name = "deliverable_type_id")
    private Long deliverableTypeId;
    @Column(name = "place_id")
    private Long placeId;
    private int quantity;
    @Column(name = "per_period")
    private String perPeriod;

    public Long getId() { return id; }
    public Long getContractId() { return contractId; }
    public void setContractId(Long contractId) { this.contractId = contractId; }
    public Long getDeliverableTypeId() { return deliverableTypeId; }
    public void setDeliverableTypeId(Long deliverableTypeId) { this.deliverableTypeId = deliverableTypeId; }
    public Long getPlaceId() { return placeId; }
    public void setPlaceId(Long placeId) { this.placeId = placeId; }
    public int getQuantity() { return quantity; }
    public void setQuantity(int quantity) { this.quantity = quantity; }
    public String getPerPeriod() { return perPeriod; }
    public void setPerPeriod(String perPeriod) { this.perPeriod = perPeriod; }
}
