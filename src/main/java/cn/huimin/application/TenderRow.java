package cn.huimin.application;

import java.math.BigDecimal;
import java.time.Instant;

/** One line of a tender list. A class with getters, because pages bind to it with EL. */
public class TenderRow implements java.io.Serializable {
    private final Long id;
    private final String title;
    private final String unitZh;
    private final String unitEn;
    private final String method;
    private final BigDecimal budget;
    private final String status;
    private final String noticeNumber;
    private final Instant publishedAt;
    private final Instant bidDeadline;
    private final Instant updatedAt;

    public TenderRow(Long id, String title, String unitZh, String unitEn, String method, BigDecimal budget, String status,
                     String noticeNumber, Instant publishedAt, Instant bidDeadline, Instant updatedAt) {
        this.id = id;
        this.title = title;
        this.unitZh = unitZh;
        this.unitEn = unitEn;
        this.method = method;
        this.budget = budget;
        this.status = status;
        this.noticeNumber = noticeNumber;
        this.publishedAt = publishedAt;
        this.bidDeadline = bidDeadline;
        this.updatedAt = updatedAt;
    }

    public Long getId() { return id; }
    public String getTitle() { return title; }
    public String getUnitZh() { return unitZh; }
    public String getUnitEn() { return unitEn; }
    public String getMethod() { return method; }
    public BigDecimal getBudget() { return budget; }
    public String getStatus() { return status; }
    public String getNoticeNumber() { return noticeNumber; }
    public Instant getPublishedAt() { return publishedAt; }
    public Instant getBidDeadline() { return bidDeadline; }
    public Instant getUpdatedAt() { return updatedAt; }
}
