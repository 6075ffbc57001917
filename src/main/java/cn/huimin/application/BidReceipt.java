package cn.huimin.application;

import java.io.Serializable;
import java.time.Instant;

/** What the vendor keeps: bid id, server time, SHA-256 of the sealed content. Carries no bid content. */
public class BidReceipt implements Serializable {
    private Long bidId;
    private Long tenderId;
    private String tenderTitle;
    private String noticeNumber;
    private Long lotId;
    private int lotNo;
    private String status;
    private Instant submittedAt;
    private String sealedHash;
    private Long replacedBidId;
    private boolean repeated;
    private Instant bidDeadline;

    public Long getBidId() { return bidId; }
    public void setBidId(Long bidId) { this.bidId = bidId; }
    public Long getTenderId() { return tenderId; }
    public void setTenderId(Long tenderId) { this.tenderId = tenderId; }
    public String getTenderTitle() { return tenderTitle; }
    public void setTenderTitle(String tenderTitle) { this.tenderTitle = tenderTitle; }
    public String getNoticeNumber() { return noticeNumber; }
    public void setNoticeNumber(String noticeNumber) { this.noticeNumber = noticeNumber; }
    public Long getLotId() { return lotId; }
    public void setLotId(Long lotId) { this.lotId = lotId; }
    public int getLotNo() { return lotNo; }
    public void setLotNo(int lotNo) { this.lotNo = lotNo; }
    public String getStatus() { return status; }
    public void setStatus(String status) { this.status = status; }
    public Instant getSubmittedAt() { return submittedAt; }
    public void setSubmittedAt(Instant submittedAt) { this.submittedAt = submittedAt; }
    public String getSealedHash() { return sealedHash; }
    public void setSealedHash(String sealedHash) { this.sealedHash = sealedHash; }
    public Long getReplacedBidId() { return replacedBidId; }
    public void setReplacedBidId(Long replacedBidId) { this.replacedBidId = replacedBidId; }
    /** True when this answer repeats an earlier submission with the same Idempotency-Key. */
    public boolean isRepeated() { return repeated; }
    public void setRepeated(boolean repeated) { this.repeated = repeated; }
    public Instant getBidDeadline() { return bidDeadline; }
    public void setBidDeadline(Instant bidDeadline) { this.bidDeadline = bidDeadline; }
}
