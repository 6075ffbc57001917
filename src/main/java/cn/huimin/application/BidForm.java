package cn.huimin.application;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** A bid as the vendor submits it: lot, price, a proposal text per scoring factor, attachments, declaration. */
public class BidForm implements Serializable {
    private Long tenderId;
    private Long lotId;
    private String price;
    private List<String> proposals = new ArrayList<>();
    private List<Long> attachmentIds = new ArrayList<>();
    private boolean declaration;

    public Long getTenderId() { return tenderId; }
    public void setTenderId(Long tenderId) { this.tenderId = tenderId; }
    public Long getLotId() { return lotId; }
    public void setLotId(Long lotId) { this.lotId = lotId; }
    public String getPrice() { return price; }
    public void setPrice(String price) { this.price = price; }
    public List<String> getProposals() { return proposals; }
    public void setProposals(List<String> proposals) { this.proposals = proposals == null ? new ArrayList<>() : proposals; }
    public List<Long> getAttachmentIds() { return attachmentIds; }
    public void setAttachmentIds(List<Long> attachmentIds) { this.attachmentIds = attachmentIds == null ? new ArrayList<>() : attachmentIds; }
    public boolean isDeclaration() { return declaration; }
    public void setDeclaration(boolean declaration) { this.declaration = declaration; }
}
