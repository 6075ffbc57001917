package cn.huimin.domain.model.bid;

import cn.huimin.domain.model.tender.ProcurementMethod;
import cn.huimin.domain.model.tender.TenderStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** The rules of sealed bidding and of the opening, free of storage and clock so that they can be tested on any date. */
public final class BiddingRules {
    /** Valid bids a lot needs at the opening, else it fails (GPL 36). */
    public static final int VALID_BIDS_NEEDED = 3;
    /** A vendor is reminded this many days before a qualification document expires. */
    public static final int REMIND_DAYS_BEFORE_EXPIRY = 30;

    private BiddingRules() {
    }

    /**
     * Why a bid (or its withdrawal, or a security payment) is refused at this instant, or null when it is accepted:
     * only a published tender that takes bids, strictly before its deadline — at the deadline itself it is too late.
     */
    public static String refusal(TenderStatus status, ProcurementMethod method, Instant deadline, Instant now) {
        if (method == ProcurementMethod.SINGLE_SOURCE) {
            return "bid.noBidsForSingleSource";
        }
        if (status != TenderStatus.PUBLISHED || deadline == null || now == null || !now.isBefore(deadline)) {
            return "bid.deadlinePassed";
        }
        return null;
    }

    /**
     * Why an opened bid is invalid, or null when it is valid. Checked in this order: the seal opens, the content
     * matches the receipt's hash, the security is confirmed where required, the price is within the ceiling.
     */
    public static String invalidReason(boolean sealOpens, boolean hashMatches, boolean securityRequired,
                                       boolean securityConfirmed, BigDecimal price, BigDecimal ceiling) {
        if (!sealOpens) {
            return "SEAL_BROKEN";
        }
        if (!hashMatches) {
            return "HASH_MISMATCH";
        }
        if (securityRequired && !securityConfirmed) {
            return "SECURITY_NOT_CONFIRMED";
        }
        if (price == null || (ceiling != null && price.compareTo(ceiling) > 0)) {
            return "ABOVE_CEILING";
        }
        return null;
    }

    public static boolean lotSucceeds(int validBids) {
        return validBids >= VALID_BIDS_NEEDED;
    }

    /** The start (in the given zone) of the day a vendor is reminded to renew a document. */
    public static Instant remindAt(LocalDate expiresOn, ZoneId zone) {
        return expiresOn.minusDays(REMIND_DAYS_BEFORE_EXPIRY).atStartOfDay(zone).toInstant();
    }

    /** A document is in force through the whole of its expiry day, and expired from the next day on. */
    public static boolean expired(LocalDate expiresOn, LocalDate today) {
        return expiresOn == null || expiresOn.isBefore(today);
    }
}
