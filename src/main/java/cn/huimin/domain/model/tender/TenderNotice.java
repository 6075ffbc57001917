package cn.huimin.domain.model.tender;

import jakarta.persistence.*;
import java.time.Instant;

/** One published version of a tender's notice: the original, each amendment, a cancellation. All stay public. */
@Entity
@Table(name = "tender_notice")
public class TenderNotice implements java.io.Serializable {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "tender_id")
    private Long tenderId;
    @Column(name = "version_no")
    private int versionNo;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    @Column(name = "published_at")
    private Instant publishedAt;
    @Column(name = "bid_deadline")
    private Instant bidDeadline;
    @Column(name = "text_body")
    private String textBody;

    public Long getTenderId() { return tenderId; }
    public void setTenderId(Long tenderId) { this.tenderId = tenderId; }
    public int getVersionNo() { return versionNo; }
    public void setVersionNo(int versionNo) { this.versionNo = versionNo; }
    public Kind getKind() { return kind; }
    public void setKind(Kind kind) { this.kind = kind; }
    public Instant getPublishedAt() { return publishedAt; }
    public void setPublishedAt(Instant publishedAt) { this.publishedAt = publishedAt; }
    public Instant getBidDeadline() { return bidDeadline; }
    public void setBidDeadline(Instant bidDeadline) { this.bidDeadline = bidDeadline; }
    public String getTextBody() { return textBody; }
    public void setTextBody(String textBody) { this.textBody = textBody; }
    public Long getId() { return id; }

    public enum Kind { TENDER, AMENDMENT, CANCELLATION, AWARD }
}
