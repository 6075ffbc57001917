package cn.huimin.application;

import cn.huimin.domain.model.bid.*;
import cn.huimin.domain.model.tender.*;
import cn.huimin.domain.model.user.Role;
import cn.huimin.domain.model.vendor.Vendor;
import cn.huimin.domain.shared.Envelope;
import cn.huimin.domain.shared.FileTypes;
import cn.huimin.domain.shared.Jsons;
import cn.huimin.domain.shared.Money;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.*;

/**
 * Sealed bidding. A bid's content and attachments are sealed with the tender's data key the moment they arrive and
 * are stored only as ciphertext; nothing here returns or logs bid content. The deadline is checked on the server
 * clock after taking a shared lock on the tender row, which the opening takes exclusively: a submission either
 * commits before the opening reads the bids, or sees the tender opened and is refused.
 */
@Stateless
@DeclareRoles({Role.ADMIN, Role.OFFICER, Role.HEAD, Role.FINANCE, Role.SUPERVISOR, Role.VENDOR})
public class BidService {
    public static final int MAX_ATTACHMENTS = 10;
    public static final int MAX_PROPOSAL = 8000;

    @PersistenceContext
    EntityManager em;

    @EJB
    AuditLog audit;

    @EJB
    Callers callers;

    @EJB
    VendorService vendors;

    @EJB
    KeyVault keys;

    // ---------------------------------------------------------------- attachments

    /** Seals and stores one file for a coming bid; returns its id to name in the bid. */
    @RolesAllowed(Role.VENDOR)
    public Map<String, Object> uploadAttachment(Long tenderId, String fileName, byte[] content) {
        Vendor vendor = eligibleVendor();
        Tender t = openForBids(tenderId, false);
        FileTypes.Problem p = FileTypes.check(fileName, content, FileTypes.BID_ATTACHMENTS);
        if (p != null) {
            throw AppException.invalid("file", "bidFile." + p.name());
        }
        long pending = em.createQuery("select count(a) from BidAttachment a where a.vendorId = :v and a.tenderId = :t and a.bidId is null", Long.class)
                .setParameter("v", vendor.getId()).setParameter("t", tenderId).getSingleResult();
        if (pending >= 2L * MAX_ATTACHMENTS) {
            throw AppException.conflict("bid.tooManyUploads");
        }
        FileTypes.Type type = FileTypes.detect(content);
        byte[] key = keys.dataKey(t.getId());
        String plainSha = Envelope.sha256Hex(content);
        JsonObject meta = Jsons.object().add("name", fileName).add("type", type.mime).add("sha256", plainSha).build();
        BidAttachment a = new BidAttachment();
        a.setTenderId(tenderId);
        a.setVendorId(vendor.getId());
        a.setSizeBytes(content.length);
        byte[] aad = Envelope.context("bid-attachment", tenderId, vendor.getId());
        a.setSealedMeta(Envelope.seal(key, meta.toString().getBytes(StandardCharsets.UTF_8), aad));
        byte[] sealed = Envelope.seal(key, content, aad);
        a.setSealedContent(sealed);
        a.setSealedSha256(Envelope.sha256Hex(sealed));
        a.setUploadedAt(Instant.now());
        em.persist(a);
        em.flush();
        em.detach(a); // the sealed bytes (and Hibernate's copy of them) leave the persistence context now
        audit.record(vendor.getUsername(), "BID_ATTACHMENT_SEALED", "tender", tenderId, null,
                Map.of("attachment", a.getId(), "sealedSha256", a.getSealedSha256(), "size", content.length));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", a.getId());
        out.put("fileName", fileName);
        out.put("size", content.length);
        out.put("sha256", plainSha);
        return out;
    }

    // ---------------------------------------------------------------- submission

    /**
     * Submits (or replaces) the caller's bid for a lot. The same Idempotency-Key with the same request answers the
     * first receipt again; with a different request it is refused.
     */
    @RolesAllowed(Role.VENDOR)
    public BidReceipt submit(BidForm f, String idempotencyKey) {
        if (idempotencyKey == null || !idempotencyKey.matches("[A-Za-z0-9_\\-:.]{8,100}")) {
            throw AppException.invalid("Idempotency-Key", "bid.idempotencyKeyRequired");
        }
        Vendor vendor = vendors.mine();
        String requestHash = requestHash(f);
        Bid earlier = byIdempotencyKey(vendor.getId(), idempotencyKey);
        if (earlier != null) {
            return repeat(earlier, requestHash);
        }
        String why = vendors.ineligibility(vendor);
        if (why != null) {
            throw AppException.forbidden(why);
        }
        Tender t = openForBids(f.getTenderId(), true);
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        TenderLot lot = t.getLots().stream().filter(l -> l.getId().equals(f.getLotId())).findFirst().orElse(null);
        List<Violation> v = new ArrayList<>();
        if (lot == null) {
            v.add(new Violation("lotId", "bid.lotUnknown"));
        }
        BigDecimal price = null;
        Money.Problem mp = Money.check(f.getPrice(), false);
        if (mp != null) {
            v.add(new Violation("price", "money." + mp.name()));
        } else {
            price = Money.of(f.getPrice());
            BigDecimal ceiling = lot == null ? null : (lot.getBudgetCeiling() != null ? lot.getBudgetCeiling() : t.getBudget());
            if (ceiling != null && price.compareTo(ceiling) > 0) {
                v.add(new Violation("price", "bid.aboveCeiling", Money.format(ceiling)));
            }
        }
        List<ScoringFactor> factors = t.getFactors();
        if (f.getProposals().size() != factors.size()) {
            v.add(new Violation("proposals", "bid.proposalPerFactor", factors.size()));
        } else {
            for (int i = 0; i < factors.size(); i++) {
                String text = f.getProposals().get(i);
                if (text == null || text.isBlank()) {
                    v.add(new Violation("proposals[" + i + "]", "bid.proposalRequired", factors.get(i).getName()));
                } else if (text.length() > MAX_PROPOSAL) {
                    v.add(new Violation("proposals[" + i + "]", "validation.tooLong", MAX_PROPOSAL));
                }
            }
        }
        if (!f.isDeclaration()) {
            v.add(new Violation("declaration", "bid.declarationRequired"));
        }
        List<Long> attachmentIds = f.getAttachmentIds().stream().filter(Objects::nonNull).distinct().toList();
        if (attachmentIds.size() > MAX_ATTACHMENTS) {
            v.add(new Violation("attachmentIds", "bid.tooManyAttachments", MAX_ATTACHMENTS));
        }
        String currentKey = lot == null ? null : Bid.currentKey(t.getId(), lot.getId(), vendor.getId());
        Bid current = currentKey == null ? null : currentBid(currentKey);
        // the attachments' identities only: their sealed content (1 MB and more) is neither read nor written again
        Map<Long, Object[]> found = new HashMap<>();
        if (!attachmentIds.isEmpty()) {
            for (Object[] row : em.createQuery("select a.id, a.vendorId, a.tenderId, a.bidId, a.sealedSha256 from BidAttachment a where a.id in :ids",
                    Object[].class).setParameter("ids", attachmentIds).getResultList()) {
                found.put((Long) row[0], row);
            }
        }
        List<Object[]> attachments = new ArrayList<>();
        for (Long id : attachmentIds) {
            Object[] a = found.get(id);
            boolean usable = a != null && vendor.getId().equals(a[1]) && t.getId().equals(a[2])
                    && (a[3] == null || (current != null && a[3].equals(current.getId())));
            if (!usable) {
                v.add(new Violation("attachmentIds", "bid.attachmentUnknown", id));
            } else {
                attachments.add(a);
            }
        }
        if (!v.isEmpty()) {
            throw AppException.invalid(v);
        }
        byte[] key = keys.dataKey(t.getId());
        JsonArrayBuilder props = Jsons.array();
        for (int i = 0; i < factors.size(); i++) {
            props.add(Jsons.object().add("factor", factors.get(i).getPositionNo())
                    .add("name", factors.get(i).getName()).add("text", f.getProposals().get(i)));
        }
        JsonArrayBuilder atts = Jsons.array();
        List<Long> keptIds = new ArrayList<>();
        List<String> keptHashes = new ArrayList<>();
        for (Object[] row : attachments) {
            Long id = (Long) row[0];
            if (row[3] != null) {
                // a file of the bid being replaced: the new bid gets its own copy, the replaced one keeps its files
                BidAttachment a = em.find(BidAttachment.class, id);
                BidAttachment copy = new BidAttachment();
                copy.setTenderId(a.getTenderId());
                copy.setVendorId(a.getVendorId());
                copy.setSealedMeta(a.getSealedMeta());
                copy.setSizeBytes(a.getSizeBytes());
                copy.setSealedContent(a.getSealedContent());
                copy.setSealedSha256(a.getSealedSha256());
                copy.setUploadedAt(a.getUploadedAt());
                em.persist(copy);
                em.flush();
                em.detach(copy);
                em.detach(a);
                id = copy.getId();
            }
            keptIds.add(id);
            keptHashes.add((String) row[4]);
        }
        for (int i = 0; i < keptIds.size(); i++) {
            atts.add(Jsons.object().add("id", keptIds.get(i)).add("sealedSha256", keptHashes.get(i)));
        }
        JsonObjectBuilder content = Jsons.object()
                .add("tenderId", t.getId()).add("lotId", lot.getId()).add("vendorId", vendor.getId())
                .add("price", price.toPlainString()).add("proposals", props).add("attachments", atts)
                .add("declaration", true).add("salt", Envelope.randomToken(16));
        byte[] sealed = Envelope.seal(key, content.build().toString().getBytes(StandardCharsets.UTF_8),
                Envelope.context("bid", t.getId(), lot.getId(), vendor.getId()));
        if (current != null) {
            current.setStatus(Bid.Status.REPLACED);
            current.setCurrentKey(null);
            current.setEndedAt(now);
            em.flush();
        }
        Bid b = new Bid();
        b.setTenderId(t.getId());
        b.setLotId(lot.getId());
        b.setVendorId(vendor.getId());
        b.setStatus(Bid.Status.SUBMITTED);
        b.setCurrentKey(currentKey);
        b.setIdempotencyKey(idempotencyKey);
        b.setRequestHash(requestHash);
        b.setSealedContent(sealed);
        b.setSealedHash(sealedHash(sealed, keptHashes));
        b.setSubmittedAt(now);
        em.persist(b);
        em.flush();
        if (!keptIds.isEmpty()) {
            int bound = em.createQuery("update BidAttachment a set a.bidId = :b where a.id in :ids and a.bidId is null")
                    .setParameter("b", b.getId()).setParameter("ids", keptIds).executeUpdate();
            if (bound != keptIds.size()) {
                // another submission took one of these files in the meantime: nothing of this one is kept
                throw AppException.conflict("bid.attachmentTaken");
            }
        }
        if (current != null) {
            current.setReplacedBy(b.getId());
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("bid", b.getId());
        details.put("lot", lot.getId());
        details.put("vendor", vendor.getId());
        details.put("sealedHash", b.getSealedHash());
        details.put("attachments", keptIds.size());
        if (current != null) {
            details.put("replaces", current.getId());
        }
        audit.record(vendor.getUsername(), current == null ? "BID_SUBMITTED" : "BID_REPLACED", "tender", t.getId(), null, details);
        BidReceipt r = receipt(b, t, lot);
        r.setReplacedBidId(current == null ? null : current.getId());
        return r;
    }

    /** After a failed submission with this key (for example two identical requests at once): the first one's receipt. */
    @RolesAllowed(Role.VENDOR)
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public BidReceipt earlierSubmission(BidForm f, String idempotencyKey) {
        Vendor vendor = vendors.mine();
        Bid earlier = idempotencyKey == null ? null : byIdempotencyKey(vendor.getId(), idempotencyKey);
        return earlier == null ? null : repeat(earlier, requestHash(f));
    }

    private BidReceipt repeat(Bid earlier, String requestHash) {
        if (!earlier.getRequestHash().equals(requestHash)) {
            throw AppException.conflict("bid.idempotencyKeyReused");
        }
        Tender t = em.find(Tender.class, earlier.getTenderId());
        TenderLot lot = t.getLots().stream().filter(l -> l.getId().equals(earlier.getLotId())).findFirst().orElseThrow();
        BidReceipt r = receipt(earlier, t, lot);
        r.setRepeated(true);
        return r;
    }

    /** The caller withdraws his own bid before the deadline. */
    @RolesAllowed(Role.VENDOR)
    public BidReceipt withdraw(Long bidId) {
        Vendor vendor = vendors.mine();
        Bid b = ownBid(bidId, vendor, "withdraw");
        Tender t = openForBids(b.getTenderId(), true);
        if (b.getStatus() != Bid.Status.SUBMITTED) {
            throw AppException.conflict("bid.notCurrent");
        }
        b = em.find(Bid.class, bidId, LockModeType.PESSIMISTIC_WRITE);
        if (b.getStatus() != Bid.Status.SUBMITTED) {
            throw AppException.conflict("bid.notCurrent");
        }
        b.setStatus(Bid.Status.WITHDRAWN);
        b.setCurrentKey(null);
        b.setEndedAt(Instant.now());
        audit.record(vendor.getUsername(), "BID_WITHDRAWN", "tender", t.getId(), null,
                Map.of("bid", b.getId(), "lot", b.getLotId(), "vendor", vendor.getId()));
        final Long lotId = b.getLotId();
        return receipt(b, t, t.getLots().stream().filter(l -> l.getId().equals(lotId)).findFirst().orElseThrow());
    }

    /** The receipt of one of the caller's bids; another vendor's bid is refused and the attempt audited. */
    @RolesAllowed(Role.VENDOR)
    public BidReceipt receipt(Long bidId) {
        Vendor vendor = vendors.mine();
        Bid b = ownBid(bidId, vendor, "read");
        Tender t = em.find(Tender.class, b.getTenderId());
        return receipt(b, t, t.getLots().stream().filter(l -> l.getId().equals(b.getLotId())).findFirst().orElseThrow());
    }

    /** Every bid the caller ever submitted (current, replaced, withdrawn), newest first. */
    @RolesAllowed(Role.VENDOR)
    public List<BidReceipt> myBids(int first, int size) {
        Vendor vendor = vendors.byUsername(callers.current().username());
        if (vendor == null) {
            return List.of();
        }
        List<BidReceipt> out = new ArrayList<>();
        for (Bid b : em.createQuery("select b from Bid b where b.vendorId = :v order by b.id desc", Bid.class)
                .setParameter("v", vendor.getId()).setFirstResult(Math.max(0, first)).setMaxResults(Math.min(Math.max(1, size), 200)).getResultList()) {
            Tender t = em.find(Tender.class, b.getTenderId());
            out.add(receipt(b, t, t.getLots().stream().filter(l -> l.getId().equals(b.getLotId())).findFirst().orElseThrow()));
        }
        return out;
    }

    @RolesAllowed(Role.VENDOR)
    public long myBidCount() {
        Vendor vendor = vendors.byUsername(callers.current().username());
        return vendor == null ? 0 : em.createQuery("select count(b) from Bid b where b.vendorId = :v", Long.class)
                .setParameter("v", vendor.getId()).getSingleResult();
    }

    private Bid ownBid(Long bidId, Vendor vendor, String what) {
        Bid b = bidId == null ? null : em.find(Bid.class, bidId);
        if (b == null) {
            throw AppException.notFound("bid.notFound");
        }
        if (!b.getVendorId().equals(vendor.getId())) {
            audit.recordAlone(vendor.getUsername(), "ACCESS_DENIED", "bid", bidId, Map.of("what", what));
            throw AppException.forbidden("bid.notYours");
        }
        return b;
    }

    // ---------------------------------------------------------------- bid security

    @RolesAllowed(Role.VENDOR)
    public BidSecurity recordSecurity(Long tenderId, String amount, String bankReference, LocalDate paidOn) {
        Vendor vendor = vendors.mine();
        String why = vendors.ineligibility(vendor);
        if (why != null) {
            throw AppException.forbidden(why);
        }
        Tender t = openForBids(tenderId, true);
        if (t.getBidSecurity() == null || t.getBidSecurity().signum() == 0) {
            throw AppException.conflict("security.notRequired");
        }
        List<Violation> v = new ArrayList<>();
        Money.Problem mp = Money.check(amount, false);
        if (mp != null) {
            v.add(new Violation("amount", "money." + mp.name()));
        } else if (Money.of(amount).compareTo(t.getBidSecurity()) < 0) {
            v.add(new Violation("amount", "security.tooLow", Money.format(t.getBidSecurity())));
        }
        if (bankReference == null || bankReference.isBlank()) {
            v.add(new Violation("bankReference", "validation.required"));
        } else if (bankReference.length() > 100) {
            v.add(new Violation("bankReference", "validation.tooLong", 100));
        }
        LocalDate today = DeadlineRules.dateInChina(Instant.now());
        if (paidOn == null) {
            v.add(new Violation("paidOn", "validation.required"));
        } else if (paidOn.isAfter(today) || paidOn.isBefore(DeadlineRules.dateInChina(t.getPublishedAt()))) {
            v.add(new Violation("paidOn", "security.paidOnRange"));
        }
        if (!v.isEmpty()) {
            throw AppException.invalid(v);
        }
        List<BidSecurity> existing = em.createQuery("select s from BidSecurity s where s.tenderId = :t and s.vendorId = :v", BidSecurity.class)
                .setParameter("t", tenderId).setParameter("v", vendor.getId()).getResultList();
        BidSecurity s = existing.isEmpty() ? new BidSecurity() : existing.get(0);
        if (s.getStatus() == BidSecurity.Status.CONFIRMED) {
            throw AppException.conflict("security.alreadyConfirmed");
        }
        s.setTenderId(tenderId);
        s.setVendorId(vendor.getId());
        s.setAmount(Money.of(amount));
        s.setBankReference(bankReference.trim());
        s.setPaidOn(paidOn);
        s.setStatus(BidSecurity.Status.RECORDED);
        s.setRecordedAt(Instant.now());
        if (existing.isEmpty()) {
            em.persist(s);
        }
        em.flush();
        audit.record(vendor.getUsername(), "SECURITY_RECORDED", "tender", tenderId, null,
                Map.of("security", s.getId(), "amount", s.getAmount().toPlainString(), "bankReference", s.getBankReference()));
        return s;
    }

    @RolesAllowed(Role.VENDOR)
    public BidSecurity mySecurity(Long tenderId) {
        Vendor vendor = vendors.mine();
        List<BidSecurity> l = em.createQuery("select s from BidSecurity s where s.tenderId = :t and s.vendorId = :v", BidSecurity.class)
                .setParameter("t", tenderId).setParameter("v", vendor.getId()).getResultList();
        return l.isEmpty() ? null : l.get(0);
    }

    /** Security payments finance has not confirmed yet, of tenders still open for bids. */
    @RolesAllowed({Role.FINANCE, Role.ADMIN, Role.SUPERVISOR})
    public List<Map<String, Object>> pendingSecurities(int first, int size) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object[] row : em.createQuery("select s, t.title, t.noticeNumber, t.bidDeadline, v.name from BidSecurity s, Tender t, Vendor v where s.tenderId = t.id and s.vendorId = v.id and s.status = :st and t.status = :ts order by t.bidDeadline, s.id", Object[].class)
                .setParameter("st", BidSecurity.Status.RECORDED).setParameter("ts", TenderStatus.PUBLISHED)
                .setFirstResult(Math.max(0, first)).setMaxResults(Math.min(Math.max(1, size), 200)).getResultList()) {
            BidSecurity s = (BidSecurity) row[0];
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", s.getId());
            m.put("tenderId", s.getTenderId());
            m.put("tenderTitle", row[1]);
            m.put("noticeNumber", row[2]);
            m.put("bidDeadline", row[3]);
            m.put("vendorName", row[4]);
            m.put("amount", s.getAmount());
            m.put("bankReference", s.getBankReference());
            m.put("paidOn", s.getPaidOn());
            m.put("recordedAt", s.getRecordedAt());
            out.add(m);
        }
        return out;
    }

    @RolesAllowed({Role.FINANCE, Role.ADMIN, Role.SUPERVISOR})
    public long pendingSecurityCount() {
        return em.createQuery("select count(s) from BidSecurity s, Tender t where s.tenderId = t.id and s.status = :st and t.status = :ts", Long.class)
                .setParameter("st", BidSecurity.Status.RECORDED).setParameter("ts", TenderStatus.PUBLISHED).getSingleResult();
    }

    @RolesAllowed(Role.FINANCE)
    public void confirmSecurity(Long securityId) {
        BidSecurity s = securityId == null ? null : em.find(BidSecurity.class, securityId, LockModeType.PESSIMISTIC_WRITE);
        if (s == null) {
            throw AppException.notFound("security.notFound");
        }
        if (s.getStatus() == BidSecurity.Status.CONFIRMED) {
            throw AppException.conflict("security.alreadyConfirmed");
        }
        Tender t = em.find(Tender.class, s.getTenderId(), LockModeType.PESSIMISTIC_READ);
        if (t.getStatus() != TenderStatus.PUBLISHED) {
            throw AppException.conflict("security.tenderOpened");
        }
        s.setStatus(BidSecurity.Status.CONFIRMED);
        s.setConfirmedBy(callers.current().username());
        s.setConfirmedAt(Instant.now());
        audit.record(s.getConfirmedBy(), "SECURITY_CONFIRMED", "tender", s.getTenderId(), null,
                Map.of("security", s.getId(), "vendor", s.getVendorId(), "amount", s.getAmount().toPlainString()));
    }

    // ---------------------------------------------------------------- helpers

    private Vendor eligibleVendor() {
        Vendor vendor = vendors.mine();
        String why = vendors.ineligibility(vendor);
        if (why != null) {
            throw AppException.forbidden(why);
        }
        return vendor;
    }

    /**
     * The tender if bids may still be submitted to it. With lock: a shared row lock, so the opening (which locks the
     * row exclusively) waits for this transaction, and the clock is read only after the lock is held.
     */
    private Tender openForBids(Long tenderId, boolean lock) {
        Tender t = tenderId == null ? null : (lock ? em.find(Tender.class, tenderId, LockModeType.PESSIMISTIC_READ) : em.find(Tender.class, tenderId));
        if (t == null || t.getPublishedAt() == null) {
            throw AppException.notFound("tender.notFound");
        }
        String refusal = BiddingRules.refusal(t.getStatus(), t.getMethod(), t.getBidDeadline(), Instant.now());
        if (refusal != null) {
            throw AppException.conflict(refusal, t.getBidDeadline() == null ? "" : t.getBidDeadline().toString());
        }
        return t;
    }

    private Bid currentBid(String currentKey) {
        List<Bid> l = em.createQuery("select b from Bid b where b.currentKey = :k", Bid.class).setParameter("k", currentKey)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        return l.isEmpty() ? null : l.get(0);
    }

    private Bid byIdempotencyKey(Long vendorId, String key) {
        List<Bid> l = em.createQuery("select b from Bid b where b.vendorId = :v and b.idempotencyKey = :k", Bid.class)
                .setParameter("v", vendorId).setParameter("k", key).getResultList();
        return l.isEmpty() ? null : l.get(0);
    }

    static String requestHash(BidForm f) {
        StringBuilder sb = new StringBuilder();
        sb.append(f.getTenderId()).append('\u0000').append(f.getLotId()).append('\u0000').append(f.getPrice() == null ? "" : f.getPrice().trim());
        for (String p : f.getProposals()) {
            sb.append('\u0001').append(p == null ? "" : p);
        }
        sb.append('\u0002');
        f.getAttachmentIds().stream().filter(Objects::nonNull).distinct().sorted().forEach(id -> sb.append(id).append(','));
        sb.append('\u0003').append(f.isDeclaration());
        return Envelope.sha256Hex(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** SHA-256 over the sealed content followed by each attachment's sealed SHA-256 (hex), in order. */
    public static String sealedHash(byte[] sealedContent, List<String> attachmentSealedShas) {
        byte[][] parts = new byte[attachmentSealedShas.size() + 1][];
        parts[0] = sealedContent;
        for (int i = 0; i < attachmentSealedShas.size(); i++) {
            parts[i + 1] = attachmentSealedShas.get(i).getBytes(StandardCharsets.US_ASCII);
        }
        return Envelope.sha256Hex(parts);
    }

    private BidReceipt receipt(Bid b, Tender t, TenderLot lot) {
        BidReceipt r = new BidReceipt();
        r.setBidId(b.getId());
        r.setTenderId(t.getId());
        r.setTenderTitle(t.getTitle());
        r.setNoticeNumber(t.getNoticeNumber());
        r.setLotId(lot.getId());
        r.setLotNo(lot.getLotNo());
        r.setStatus(b.getStatus().name());
        r.setSubmittedAt(b.getSubmittedAt());
        r.setSealedHash(b.getSealedHash());
        r.setBidDeadline(t.getBidDeadline());
        return r;
    }

    /** Opens a sealed bid's content; only the opening calls this, after the deadline. */
    static JsonObject unseal(byte[] key, Bid b) {
        byte[] plain = Envelope.open(key, b.getSealedContent(), Envelope.context("bid", b.getTenderId(), b.getLotId(), b.getVendorId()));
        try (var r = Jsons.reader(new StringReader(new String(plain, StandardCharsets.UTF_8)))) {
            return r.readObject();
        }
    }
}
