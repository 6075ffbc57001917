package cn.huimin.interfaces.web;

import cn.huimin.application.*;
import cn.huimin.domain.model.bid.BidSecurity;
import cn.huimin.domain.model.tender.*;
import cn.huimin.domain.shared.Money;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.*;
import org.primefaces.event.FileUploadEvent;

/**
 * The bid form of a tender (vendor/bid.xhtml?tender=): lot, price, a proposal per scoring factor, sealed
 * attachments, declaration; the receipt; withdrawal; bid security; questions. A form keeps one Idempotency-Key until
 * its submission succeeds, so a double click or a resent form never makes two bids.
 */
@Named
@ViewScoped
public class BidView extends ViewSupport {
    @EJB
    PublicNotices notices;

    @EJB
    BidService bids;

    @EJB
    EnquiryService enquiries;

    @EJB
    VendorService vendors;

    @jakarta.inject.Inject
    cn.huimin.application.BidGate gate;

    public static class LotChoice implements Serializable {
        private final Long id;
        private final int lotNo;
        private final String title;
        private final String ceiling;

        LotChoice(TenderLot l, Tender t) {
            id = l.getId();
            lotNo = l.getLotNo();
            title = l.getTitle();
            ceiling = Money.format(l.getBudgetCeiling() != null ? l.getBudgetCeiling() : t.getBudget());
        }

        public Long getId() { return id; }
        public int getLotNo() { return lotNo; }
        public String getTitle() { return title; }
        public String getCeiling() { return ceiling; }
    }

    public static class Proposal implements Serializable {
        private final String factor;
        private final int points;
        private String text;

        Proposal(String factor, int points) {
            this.factor = factor;
            this.points = points;
        }

        public String getFactor() { return factor; }
        public int getPoints() { return points; }
        public String getText() { return text; }
        public void setText(String text) { this.text = text; }
    }

    public static class Upload implements Serializable {
        private final Long id;
        private final String name;
        private final long size;
        private final String sha256;

        Upload(Long id, String name, long size, String sha256) {
            this.id = id;
            this.name = name;
            this.size = size;
            this.sha256 = sha256;
        }

        public Long getId() { return id; }
        public String getName() { return name; }
        public long getSize() { return size; }
        public String getSha256() { return sha256; }
    }

    private Long tenderId;
    private String title;
    private String noticeNumber;
    private Instant deadline;
    private String securityRequired;
    private boolean open;
    private List<LotChoice> lots = new ArrayList<>();
    private List<Proposal> proposals = new ArrayList<>();
    private final List<Upload> uploads = new ArrayList<>();
    private Long lotId;
    private String price;
    private boolean declaration;
    private String idempotencyKey = UUID.randomUUID().toString();
    private BidReceipt receipt;
    private List<BidReceipt> myBids = List.of();
    private String ineligibility;
    private String question;
    private List<Map<String, Object>> answered = List.of();
    private List<Enquiry> myQuestions = List.of();
    private String securityAmount;
    private String bankReference;
    private LocalDate paidOn;
    private BidSecurity security;
    private boolean missing;

    public void load() {
        if (title != null || missing) {
            return;
        }
        try {
            Tender t = notices.tender(tenderId);
            title = t.getTitle();
            noticeNumber = t.getNoticeNumber();
            deadline = t.getBidDeadline();
            open = t.getStatus() == TenderStatus.PUBLISHED && deadline != null && Instant.now().isBefore(deadline)
                    && t.getMethod() != ProcurementMethod.SINGLE_SOURCE;
            securityRequired = t.getBidSecurity() != null && t.getBidSecurity().signum() > 0 ? Money.format(t.getBidSecurity()) : null;
            for (TenderLot l : t.getLots()) {
                lots.add(new LotChoice(l, t));
            }
            for (ScoringFactor f : t.getFactors()) {
                proposals.add(new Proposal(f.getName(), f.getPoints()));
            }
            if (lots.size() == 1) {
                lotId = lots.get(0).getId();
            }
            ineligibility = vendors.ineligibility(vendors.byUsername(user()));
            refresh();
        } catch (RuntimeException e) {
            missing = true;
            show(e);
        }
    }

    private void refresh() {
        myBids = bids.myBids(0, 200).stream().filter(b -> b.getTenderId().equals(tenderId)).toList();
        answered = enquiries.published(tenderId);
        myQuestions = enquiries.mine(tenderId);
        security = securityRequired == null ? null : bids.mySecurity(tenderId);
    }

    public void upload(FileUploadEvent event) {
        byte[] content = event.getFile().getContent();
        String name = event.getFile().getFileName();
        Map<String, Object>[] result = new Map[1];
        if (attempt(() -> result[0] = gate.run(() -> bids.uploadAttachment(tenderId, name, content)))) {
            uploads.add(new Upload((Long) result[0].get("id"), name, content.length, (String) result[0].get("sha256")));
            info(text("bid.attachmentSealed", name));
        }
    }

    public void removeUpload(Long id) {
        uploads.removeIf(u -> u.getId().equals(id));
    }

    public void submit() {
        BidForm f = new BidForm();
        f.setTenderId(tenderId);
        f.setLotId(lotId);
        f.setPrice(price);
        f.setProposals(proposals.stream().map(Proposal::getText).toList());
        f.setAttachmentIds(uploads.stream().map(Upload::getId).toList());
        f.setDeclaration(declaration);
        BidReceipt[] r = new BidReceipt[1];
        if (attempt(() -> r[0] = gate.run(() -> bids.submit(f, idempotencyKey)))) {
            receipt = r[0];
            idempotencyKey = UUID.randomUUID().toString();
            info(text(receipt.getReplacedBidId() == null ? "bid.submitted" : "bid.replaced", receipt.getBidId()));
            refresh();
        }
    }

    public void withdraw(Long bidId) {
        if (attempt(() -> bids.withdraw(bidId))) {
            info(text("bid.withdrawn", bidId));
            refresh();
        }
    }

    public void ask() {
        if (attempt(() -> enquiries.ask(tenderId, question))) {
            question = null;
            info(text("enquiry.asked"));
            refresh();
        }
    }

    public void recordSecurity() {
        if (attempt(() -> bids.recordSecurity(tenderId, securityAmount, bankReference, paidOn))) {
            info(text("security.recorded"));
            refresh();
        }
    }

    public Long getTenderId() { return tenderId; }
    public void setTenderId(Long tenderId) { this.tenderId = tenderId; }
    public String getTitle() { return title; }
    public String getNoticeNumber() { return noticeNumber; }
    public Instant getDeadline() { return deadline; }
    public String getSecurityRequired() { return securityRequired; }
    public boolean isOpen() { return open; }
    public List<LotChoice> getLots() { return lots; }
    public List<Proposal> getProposals() { return proposals; }
    public List<Upload> getUploads() { return uploads; }
    public Long getLotId() { return lotId; }
    public void setLotId(Long lotId) { this.lotId = lotId; }
    public String getPrice() { return price; }
    public void setPrice(String price) { this.price = price; }
    public boolean isDeclaration() { return declaration; }
    public void setDeclaration(boolean declaration) { this.declaration = declaration; }
    public BidReceipt getReceipt() { return receipt; }
    public List<BidReceipt> getMyBids() { return myBids; }
    public String getIneligibility() { return ineligibility; }
    public String getQuestion() { return question; }
    public void setQuestion(String question) { this.question = question; }
    public List<Map<String, Object>> getAnswered() { return answered; }
    public List<Enquiry> getMyQuestions() { return myQuestions; }
    public String getSecurityAmount() { return securityAmount; }
    public void setSecurityAmount(String securityAmount) { this.securityAmount = securityAmount; }
    public String getBankReference() { return bankReference; }
    public void setBankReference(String bankReference) { this.bankReference = bankReference; }
    public LocalDate getPaidOn() { return paidOn; }
    public void setPaidOn(LocalDate paidOn) { this.paidOn = paidOn; }
    public BidSecurity getSecurity() { return security; }
    public boolean isMissing() { return missing; }
}
