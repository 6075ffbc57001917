package cn.huimin.domain.model.singlesource;

import jakarta.persistence.*;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;

/** The price agreed for one lot in a single-source negotiation. */
@Entity
@Table(name = "negotiation_price")
@IdClass(NegotiationPrice.Key.class)
public class NegotiationPrice {
    @Id
    @Column(name = "negotiation_id")
    private Long negotiationId;
    @Id
    @Column(name = "lot_id")
    private Long lotId;
    @Column(name = "lot_no")
    private int lotNo;
    private BigDecimal price;

    public static class Key implements Serializable {
        private Long negotiationId;
        private Long lotId;

        public Key() {
        }

        public Key(Long negotiationId, Long lotId) {
            this.negotiationId = negotiationId;
            this.lotId = lotId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(negotiationId, k.negotiationId) && Objects.equals(lotId, k.lotId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(negotiationId, lotId);
        }
    }

    public Long getNegotiationId() { return negotiationId; }
    public void setNegotiationId(Long negotiationId) { this.negotiationId = negotiationId; }
    public Long getLotId() { return lotId; }
    public void setLotId(Long lotId) { this.lotId = lotId; }
    public int getLotNo() { return lotNo; }
    public void setLotNo(int lotNo) { this.lotNo = lotNo; }
    public BigDecimal getPrice() { return price; }
    public void setPrice(BigDecimal price) { this.price = price; }
}
