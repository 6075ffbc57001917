package cn.huimin.domain.model.tender;

import jakarta.persistence.*;

/** A non-price factor of the comprehensive scoring scheme. */
@Entity
@Table(name = "scoring_factor")
public class ScoringFactor {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "tender_id")
    private Tender tender;
    @Column(name = "position_no")
    private int positionNo;
    private String name;
    private int points;
    private String description;

    public int getPositionNo() { return positionNo; }
    public void setPositionNo(int positionNo) { this.positionNo = positionNo; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public int getPoints() { return points; }
    public void setPoints(int points) { this.points = points; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public Long getId() { return id; }
    public Tender getTender() { return tender; }
    public void setTender(Tender tender) { this.tender = tender; }
}
