package cn.huimin.application;

import cn.huimin.domain.model.catalogue.DeliverableType;
import cn.huimin.domain.model.place.Place;
import cn.huimin.domain.model.place.PurchasingUnit;
import cn.huimin.domain.model.tender.*;
import cn.huimin.domain.shared.WorkingDayCalendar;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.*;

/** What everyone may see without logging in: published tenders, every version of their notices, OCDS releases. */
@Stateless
@PermitAll
public class PublicNotices {
    private static final List<TenderStatus> PUBLIC = List.of(TenderStatus.PUBLISHED, TenderStatus.CANCELLED, TenderStatus.OPENED, TenderStatus.FAILED);

    @PersistenceContext
    EntityManager em;

    @EJB
    TenderService tenders;

    @EJB
    Catalogue catalogue;

    @EJB
    DocumentService documents;

    public List<TenderRow> list(String text, int first, int size) {
        return em.createQuery("select t from Tender t where t.status in :s and (:q = '' or lower(t.title) like :q or lower(t.noticeNumber) like :q) order by t.publishedAt desc, t.id desc", Tender.class)
                .setParameter("s", PUBLIC).setParameter("q", pattern(text))
                .setFirstResult(Math.max(0, first)).setMaxResults(Math.min(Math.max(size, 1), 100))
                .getResultList().stream().map(tenders::row).toList();
    }

    public long count(String text) {
        return em.createQuery("select count(t) from Tender t where t.status in :s and (:q = '' or lower(t.title) like :q or lower(t.noticeNumber) like :q)", Long.class)
                .setParameter("s", PUBLIC).setParameter("q", pattern(text)).getSingleResult();
    }

    /** The LIKE pattern of a search text (empty for none); a typed % or _ is dropped, not a wildcard. */
    static String pattern(String text) {
        return text == null || text.isBlank() ? "" : "%" + text.trim().toLowerCase().replace("%", "").replace("_", "") + "%";
    }

    public Tender tender(Long id) {
        Tender t = id == null ? null : em.find(Tender.class, id);
        if (t == null || !PUBLIC.contains(t.getStatus())) {
            throw AppException.notFound("tender.notFound");
        }
        t.getLots().forEach(l -> l.getDeliverables().size());
        t.getFactors().size();
        return t;
    }

    public List<TenderNotice> notices(Long tenderId) {
        tender(tenderId);
        return em.createQuery("select n from TenderNotice n where n.tenderId = :t order by n.versionNo", TenderNotice.class)
                .setParameter("t", tenderId).getResultList();
    }

    /** An OCDS 1.1 release package (baseUri: the application's absolute address ending in '/') with one release per notice version of the tender. */
    public Map<String, Object> ocdsPackage(Long tenderId, String baseUri) {
        Tender t = tender(tenderId);
        List<Map<String, Object>> releases = new ArrayList<>();
        List<TenderNotice> ns = notices(tenderId);
        for (TenderNotice n : ns) {
            releases.add(release(t, n, baseUri));
        }
        Map<String, Object> opened = openingRelease(t, ns, baseUri);
        if (opened != null) {
            releases.add(opened);
        }
        releases.addAll(contractReleases(t));
        return releasePackage(releases, baseUri + "api/public/tenders/" + tenderId + "/ocds");
    }

    /** The latest release of every public tender, newest first (paged). */
    public Map<String, Object> ocdsLatest(int first, int size, String baseUri) {
        List<Map<String, Object>> releases = new ArrayList<>();
        List<Tender> list = em.createQuery("select t from Tender t where t.status in :s order by t.publishedAt desc, t.id desc", Tender.class)
                .setParameter("s", PUBLIC).setFirstResult(Math.max(0, first)).setMaxResults(Math.min(Math.max(size, 1), 100))
                .getResultList();
        for (Tender t : list) {
            List<TenderNotice> ns = notices(t.getId());
            Map<String, Object> opened = openingRelease(t, ns, baseUri);
            if (opened != null && ns.get(ns.size() - 1).getKind() != TenderNotice.Kind.AWARD) {
                releases.add(opened);
            } else if (!ns.isEmpty()) {
                releases.add(release(t, ns.get(ns.size() - 1), baseUri));
            }
        }
        return releasePackage(releases, baseUri + "api/public/ocds?first=" + first + "&size=" + size);
    }

    private Map<String, Object> releasePackage(List<Map<String, Object>> releases, String uri) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("uri", uri);
        p.put("version", "1.1");
        p.put("publishedDate", iso(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
        p.put("publisher", Map.of("name", "Huimin public cultural services procurement"));
        p.put("license", "https://creativecommons.org/publicdomain/zero/1.0/");
        p.put("publicationPolicy", "https://standard.open-contracting.org/1.1/en/");
        p.put("extensions", EXTENSIONS);
        p.put("releases", releases);
        return p;
    }

    private Map<String, Object> release(Tender t, TenderNotice n, String baseUri) {
        PurchasingUnit unit = catalogue.unit(t.getUnitId());
        String buyerId = "HM-UNIT-" + unit.getCode();
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("ocid", ocid(t));
        r.put("id", ocid(t) + "-" + n.getVersionNo());
        r.put("date", iso(n.getPublishedAt()));
        r.put("tag", List.of(switch (n.getKind()) {
            case TENDER -> "tender";
            case AMENDMENT -> "tenderAmendment";
            case CANCELLATION -> "tenderCancellation";
            case AWARD -> "award";
        }));
        r.put("initiationType", "tender");
        r.put("language", "zh");
        Map<String, Object> party = new LinkedHashMap<>();
        party.put("id", buyerId);
        party.put("name", unit.getNameZh());
        party.put("roles", List.of("buyer", "procuringEntity"));
        r.put("parties", List.of(party));
        r.put("buyer", Map.of("id", buyerId, "name", unit.getNameZh()));

        Map<String, Object> tender = new LinkedHashMap<>();
        tender.put("id", t.getNoticeNumber());
        tender.put("title", t.getTitle());
        if (t.getDescription() != null) {
            tender.put("description", t.getDescription());
        }
        tender.put("status", n.getKind() == TenderNotice.Kind.CANCELLATION ? "cancelled"
                : t.getStatus() == TenderStatus.FAILED ? "unsuccessful" : "active");
        tender.put("procuringEntity", Map.of("id", buyerId, "name", unit.getNameZh()));
        tender.put("value", money(t.getBudget()));
        tender.put("procurementMethod", switch (t.getMethod()) {
            case OPEN_TENDER -> "open";
            case COMPETITIVE_CONSULTATION -> "selective";
            case SINGLE_SOURCE -> "direct";
        });
        tender.put("procurementMethodDetails", switch (t.getMethod()) {
            case OPEN_TENDER -> "公开招标 Open tender";
            case COMPETITIVE_CONSULTATION -> "竞争性磋商 Competitive consultation";
            case SINGLE_SOURCE -> "单一来源 Single source";
        });
        if (t.getMethod() == ProcurementMethod.SINGLE_SOURCE && t.getSingleSourceReason() != null) {
            tender.put("procurementMethodRationale", t.getSingleSourceReason());
        }
        tender.put("mainProcurementCategory", "services");
        if (t.getMethod() != ProcurementMethod.SINGLE_SOURCE) {
            tender.put("awardCriteria", "ratedCriteria");
        }
        Map<String, Object> period = new LinkedHashMap<>();
        period.put("startDate", iso(t.getPublishedAt()));
        if (n.getBidDeadline() != null) {
            period.put("endDate", iso(n.getBidDeadline()));
        }
        tender.put("tenderPeriod", period);
        List<Map<String, Object>> lots = new ArrayList<>();
        List<Map<String, Object>> items = new ArrayList<>();
        for (TenderLot lot : t.getLots()) {
            String lotId = "lot-" + lot.getLotNo();
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("id", lotId);
            l.put("title", lot.getTitle());
            if (lot.getBudgetCeiling() != null) {
                l.put("value", money(lot.getBudgetCeiling()));
            }
            if (lot.getServiceStart() != null && lot.getServiceEnd() != null) {
                l.put("contractPeriod", Map.of("startDate", lot.getServiceStart() + "T00:00:00+08:00",
                        "endDate", lot.getServiceEnd() + "T23:59:59+08:00"));
            }
            lots.add(l);
            int i = 0;
            for (LotDeliverable d : lot.getDeliverables()) {
                DeliverableType type = catalogue.deliverable(d.getDeliverableTypeId());
                Place place = catalogue.place(d.getPlaceId());
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("id", lotId + "-" + (++i));
                item.put("description", type.getNameZh() + " · " + place.getNameZh() + " · " + d.getPerPeriod());
                item.put("quantity", d.getQuantity());
                item.put("unit", Map.of("name", type.getUnitZh()));
                item.put("relatedLot", lotId);
                items.add(item);
            }
        }
        tender.put("lots", lots);
        tender.put("items", items);
        List<Map<String, Object>> docs = new ArrayList<>();
        for (DocumentInfo d : documents.publicList(t.getId())) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("id", "doc-" + d.getId());
            doc.put("documentType", "biddingDocuments");
            doc.put("title", d.getFileName());
            doc.put("url", baseUri + "api/public/documents/" + d.getId());
            doc.put("format", d.getContentType());
            doc.put("datePublished", iso(d.getUploadedAt().isAfter(t.getPublishedAt()) ? d.getUploadedAt() : t.getPublishedAt()));
            docs.add(doc);
        }
        Map<String, Object> notice = new LinkedHashMap<>();
        notice.put("id", "notice-" + n.getVersionNo());
        notice.put("documentType", switch (n.getKind()) {
            case TENDER -> "tenderNotice";
            case AWARD -> "awardNotice";
            default -> "clarifications";
        });
        notice.put("title", t.getNoticeNumber() + " v" + n.getVersionNo());
        notice.put("url", baseUri + "public/notice.xhtml?id=" + t.getId() + "#v" + n.getVersionNo());
        notice.put("datePublished", iso(n.getPublishedAt()));
        docs.add(notice);
        tender.put("documents", docs);
        r.put("tender", tender);
        if (n.getKind() == TenderNotice.Kind.AWARD) {
            addAwards(r, t, n);
        }
        return r;
    }

    /**
     * One release per published contract of the tender (tag contract, and implementation once finance has paid):
     * the contract with its award, value (with supplements), period and signature date, and the payments as
     * implementation transactions from the buyer to the supplier.
     */
    private List<Map<String, Object>> contractReleases(Tender t) {
        List<Map<String, Object>> out = new ArrayList<>();
        PurchasingUnit unit = catalogue.unit(t.getUnitId());
        String buyerId = "HM-UNIT-" + unit.getCode();
        for (cn.huimin.domain.model.contract.Contract c : em.createQuery("select c from Contract c where c.tenderId = :t and c.publishedAt is not null "
                + "order by c.id", cn.huimin.domain.model.contract.Contract.class).setParameter("t", t.getId()).getResultList()) {
            cn.huimin.domain.model.vendor.Vendor v = em.find(cn.huimin.domain.model.vendor.Vendor.class, c.getVendorId());
            String supplierId = "CN-USCC-" + v.getUscc();
            List<cn.huimin.domain.model.performance.PaymentOrder> paid = em.createQuery("select p from PaymentOrder p where p.contractId = :c "
                    + "and p.status = 'PAID' order by p.paidAt", cn.huimin.domain.model.performance.PaymentOrder.class)
                    .setParameter("c", c.getId()).getResultList();
            Instant date = paid.isEmpty() ? c.getPublishedAt() : paid.get(paid.size() - 1).getPaidAt();
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("ocid", ocid(t));
            r.put("id", ocid(t) + "-" + c.getContractNo() + "-" + paid.size());
            r.put("date", iso(date));
            r.put("tag", paid.isEmpty() ? List.of("contract") : List.of("contract", "implementation"));
            r.put("initiationType", "tender");
            r.put("language", "zh");
            Map<String, Object> buyer = new LinkedHashMap<>();
            buyer.put("id", buyerId);
            buyer.put("name", unit.getNameZh());
            buyer.put("roles", List.of("buyer", "procuringEntity", "payer"));
            Map<String, Object> supplier = new LinkedHashMap<>();
            supplier.put("id", supplierId);
            supplier.put("name", v.getName());
            supplier.put("identifier", Map.of("scheme", "CN-USCC", "id", v.getUscc(), "legalName", v.getName()));
            supplier.put("roles", List.of("supplier", "payee"));
            r.put("parties", List.of(buyer, supplier));
            r.put("buyer", Map.of("id", buyerId, "name", unit.getNameZh()));
            Map<String, Object> k = new LinkedHashMap<>();
            k.put("id", "contract-" + c.getId());
            k.put("awardID", "award-" + c.getAwardId());
            k.put("title", c.getContractNo() + " " + c.getTitle());
            k.put("status", switch (c.getStatus()) {
                case "TERMINATED", "COMPLETED" -> "terminated";
                case "PUBLISHED" -> "active";
                default -> "pending";
            });
            k.put("value", money(c.getAmount().add(c.getSupplementTotal())));
            k.put("period", Map.of("startDate", c.getTermStart() + "T00:00:00+08:00", "endDate", c.getTermEnd() + "T23:59:59+08:00"));
            if (c.getVendorSignedAt() != null) {
                k.put("dateSigned", iso(c.getVendorSignedAt()));
            }
            List<Map<String, Object>> transactions = new ArrayList<>();
            for (cn.huimin.domain.model.performance.PaymentOrder p : paid) {
                Map<String, Object> tx = new LinkedHashMap<>();
                tx.put("id", "payment-" + p.getId());
                tx.put("date", iso(p.getPaidAt()));
                tx.put("value", money(p.getPaidAmount()));
                tx.put("payer", Map.of("id", buyerId, "name", unit.getNameZh()));
                tx.put("payee", Map.of("id", supplierId, "name", v.getName()));
                transactions.add(tx);
            }
            k.put("implementation", Map.of("transactions", transactions));
            r.put("contracts", List.of(k));
            out.add(r);
        }
        return out;
    }

    /** The awards published up to an award notice, with their suppliers as parties (OCDS awards section). */
    @SuppressWarnings("unchecked")
    private void addAwards(Map<String, Object> r, Tender t, TenderNotice n) {
        List<Map<String, Object>> awards = new ArrayList<>();
        List<Map<String, Object>> parties = new ArrayList<>((List<Map<String, Object>>) r.get("parties"));
        Set<String> partyIds = new HashSet<>();
        for (cn.huimin.domain.model.award.Award a : em.createQuery("select a from Award a where a.tenderId = :t and a.publishedAt is not null "
                + "and a.publishedAt <= :at order by a.lotNo", cn.huimin.domain.model.award.Award.class)
                .setParameter("t", t.getId()).setParameter("at", n.getPublishedAt()).getResultList()) {
            cn.huimin.domain.model.vendor.Vendor v = em.find(cn.huimin.domain.model.vendor.Vendor.class, a.getWinnerVendorId());
            String supplierId = "CN-USCC-" + v.getUscc();
            if (partyIds.add(supplierId)) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("id", supplierId);
                p.put("name", v.getName());
                p.put("identifier", Map.of("scheme", "CN-USCC", "id", v.getUscc(), "legalName", v.getName()));
                p.put("roles", List.of("supplier"));
                parties.add(p);
            }
            Map<String, Object> aw = new LinkedHashMap<>();
            aw.put("id", "award-" + a.getId());
            aw.put("title", "Lot " + a.getLotNo());
            aw.put("status", "CANCELLED".equals(a.getStatus()) ? "cancelled" : "active");
            aw.put("date", iso(a.getPublishedAt()));
            aw.put("value", money(a.getPrice()));
            aw.put("suppliers", List.of(Map.of("id", supplierId, "name", v.getName())));
            aw.put("relatedLots", List.of("lot-" + a.getLotNo()));
            awards.add(aw);
        }
        r.put("parties", parties);
        r.put("awards", awards);
    }

    /**
     * The release of the public opening (tag tenderUpdate): who bid (numberOfTenderers, tenderers, each a party with
     * the role tenderer), which lots failed, and the bids read out (bids extension: each bid's price, validity and lot,
     * and per lot the number of bids, of valid bids, the lowest and highest valid price). Awards come with the evaluation.
     */
    @SuppressWarnings("unchecked")
    private Map<String, Object> openingRelease(Tender t, List<TenderNotice> ns, String baseUri) {
        cn.huimin.domain.model.bid.Opening o = em.find(cn.huimin.domain.model.bid.Opening.class, t.getId());
        if (o == null || ns.isEmpty()) {
            return null;
        }
        Map<String, Object> r = release(t, ns.get(ns.size() - 1), baseUri);
        r.put("id", ocid(t) + "-opening");
        r.put("date", iso(o.getOpenedAt()));
        r.put("tag", List.of("tenderUpdate"));
        Map<String, Object> tender = (Map<String, Object>) r.get("tender");
        Map<Long, Map<String, Object>> tenderers = new LinkedHashMap<>();
        List<cn.huimin.domain.model.bid.OpeningEntry> entries = em.createQuery(
                "select e from OpeningEntry e where e.tenderId = :t order by e.lotNo, e.vendorName, e.id", cn.huimin.domain.model.bid.OpeningEntry.class)
                .setParameter("t", t.getId()).getResultList();
        List<Map<String, Object>> details = new ArrayList<>();
        for (cn.huimin.domain.model.bid.OpeningEntry e : entries) {
            Map<String, Object> ref = tenderers.computeIfAbsent(e.getVendorId(), k -> {
                cn.huimin.domain.model.vendor.Vendor v = em.find(cn.huimin.domain.model.vendor.Vendor.class, k);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", "CN-USCC-" + v.getUscc()); // the same party id as the award's supplier
                m.put("name", v.getName());
                return m;
            });
            // every bid read out at the opening, as the public opening record shows it
            Map<String, Object> bid = new LinkedHashMap<>();
            bid.put("id", "bid-" + (e.getBidId() != null ? e.getBidId() : "entry-" + e.getId()));
            if (e.getSubmittedAt() != null) {
                bid.put("date", iso(e.getSubmittedAt()));
            }
            bid.put("status", e.isValid() ? "valid" : "disqualified");
            bid.put("tenderers", List.of(new LinkedHashMap<>(ref)));
            if (e.getPrice() != null) {
                bid.put("value", money(e.getPrice()));
            }
            bid.put("relatedLots", List.of("lot-" + e.getLotNo()));
            details.add(bid);
        }
        // per lot: bids received, valid bids, lowest and highest valid price
        List<Map<String, Object>> statistics = new ArrayList<>();
        Map<Integer, List<cn.huimin.domain.model.bid.OpeningEntry>> byLot = new TreeMap<>();
        for (cn.huimin.domain.model.bid.OpeningEntry e : entries) {
            byLot.computeIfAbsent(e.getLotNo(), k -> new ArrayList<>()).add(e);
        }
        String openedAt = iso(o.getOpenedAt());
        for (TenderLot lot : t.getLots()) {
            List<cn.huimin.domain.model.bid.OpeningEntry> es = byLot.getOrDefault(lot.getLotNo(), List.of());
            List<java.math.BigDecimal> valid = es.stream().filter(cn.huimin.domain.model.bid.OpeningEntry::isValid)
                    .map(cn.huimin.domain.model.bid.OpeningEntry::getPrice).filter(Objects::nonNull).sorted().toList();
            String lotRef = "lot-" + lot.getLotNo();
            statistics.add(statistic(lotRef + "-bids", "bids", es.size(), null, openedAt, lotRef));
            statistics.add(statistic(lotRef + "-validBids", "validBids", valid.size(), null, openedAt, lotRef));
            if (!valid.isEmpty()) {
                statistics.add(statistic(lotRef + "-lowestValidBidValue", "lowestValidBidValue", valid.get(0), "CNY", openedAt, lotRef));
                statistics.add(statistic(lotRef + "-highestValidBidValue", "highestValidBidValue", valid.get(valid.size() - 1), "CNY", openedAt, lotRef));
            }
        }
        Map<String, Object> bids = new LinkedHashMap<>();
        bids.put("statistics", statistics);
        bids.put("details", details);
        r.put("bids", bids);
        tender.put("numberOfTenderers", tenderers.size());
        tender.put("tenderers", new ArrayList<>(tenderers.values()));
        List<Map<String, Object>> parties = new ArrayList<>((List<Map<String, Object>>) r.get("parties"));
        for (Map<String, Object> ref : tenderers.values()) {
            Map<String, Object> party = new LinkedHashMap<>(ref);
            party.put("roles", List.of("tenderer"));
            parties.add(party);
        }
        r.put("parties", parties);
        Map<Integer, String> lotStatus = new HashMap<>();
        for (TenderLot lot : t.getLots()) {
            lotStatus.put(lot.getLotNo(), "FAILED".equals(lot.getStatus()) ? "unsuccessful" : "active");
        }
        for (Map<String, Object> l : (List<Map<String, Object>>) tender.get("lots")) {
            String id = (String) l.get("id");
            l.put("status", lotStatus.getOrDefault(Integer.valueOf(id.substring(4)), "active"));
        }
        return r;
    }

    /** The OCDS extensions the releases use: lots (tender.lots, relatedLots) and bids (the opening's bids section). */
    static final List<String> EXTENSIONS = List.of(
            "https://raw.githubusercontent.com/open-contracting-extensions/ocds_lots_extension/v1.1.5/extension.json",
            "https://raw.githubusercontent.com/open-contracting-extensions/ocds_bid_extension/v1.1.5/extension.json");

    static String ocid(Tender t) {
        return "ocds-hm2026-" + t.getNoticeNumber();
    }

    private static Map<String, Object> statistic(String id, String measure, Object value, String currency, String date, String lot) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("measure", measure);
        m.put("value", value);
        if (currency != null) {
            m.put("currency", currency);
        }
        m.put("date", date);
        m.put("relatedLot", lot);
        return m;
    }

    private static Map<String, Object> money(java.math.BigDecimal amount) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("amount", amount);
        m.put("currency", "CNY");
        return m;
    }

    private static String iso(Instant i) {
        return i == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(i.atZone(WorkingDayCalendar.ZONE));
    }
}
