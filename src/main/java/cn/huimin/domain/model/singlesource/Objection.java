package cn.huimin.domain.model.singlesource;

import jakarta.persistence.*;
import java.time.Instant;

/** An objection to a single-source notice (its reasons or the proposed supplier), lodged during the notice period, and the purchaser's reply, published without the objector's name. */
@Entity
@Table(name = "objection")
public class Objection {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "tender_id")
    private Long tenderId;
    @Column(name = "lodged_by")
    private String lodgedBy;
    private String text;
    @Column(name = "lodged_at")
    private Instant lodgedAt;
    private String reply;
    @Column(name = "replied_by")
    private String repliedBy;
    @Column(name = "replied_at")
    private Instant repliedAt;

    public Long getId() { return id; }
    public Long getTenderId() { return tenderId; }
    public void setTenderId(Long tenderId) { this.tenderId = tenderId; }
    public String getLodgedBy() { return lodgedBy; }
    public void setLodgedBy(String lodgedBy) { this.lodgedBy = lodgedBy; }
    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
    public Instant getLodgedAt() { return lodgedAt; }
    public void setLodgedAt(Instant lodgedAt) { this.lodgedAt = lodgedAt; }
    public String getReply() { return reply; }
    public void setReply(String reply) { this.reply = reply; }
    public String getRepliedBy() { return repliedBy; }
    public void setRepliedBy(String repliedBy) { this.repliedBy = repliedBy; }
    public Instant getRepliedAt() { return repliedAt; }
    public void setRepliedAt(Instant repliedAt) { this.repliedAt = repliedAt; }
}
