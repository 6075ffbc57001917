package cn.huimin.interfaces.web;

import cn.huimin.application.BidReceipt;
import cn.huimin.application.BidService;
import cn.huimin.application.EnquiryService;
import cn.huimin.domain.model.tender.Enquiry;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.util.List;

/** vendor/bids.xhtml: the vendor's bids with their receipts, and his questions. */
@Named
@ViewScoped
public class MyBidsView extends ViewSupport {
    @EJB
    BidService bids;

    @EJB
    EnquiryService enquiries;

    private List<BidReceipt> receipts;
    private List<Enquiry> questions;

    public void load() {
        if (receipts == null) {
            receipts = bids.myBids(0, 200);
            questions = enquiries.mine(null);
        }
    }

    public List<BidReceipt> getReceipts() { return receipts; }
    public List<Enquiry> getQuestions() { return questions; }
}
