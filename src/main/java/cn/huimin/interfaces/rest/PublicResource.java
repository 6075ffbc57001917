package cn.huimin.interfaces.rest;

import cn.huimin.application.DocumentService;
import cn.huimin.application.PublicNotices;
import cn.huimin.application.TenderService;
import cn.huimin.domain.model.tender.Tender;
import cn.huimin.domain.model.tender.TenderDocument;
import cn.huimin.domain.model.tender.TenderNotice;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.*;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/public")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "public", description = "Published notices, without login")
public class PublicResource {
    @EJB
    PublicNotices notices;

    @EJB
    cn.huimin.application.SingleSourceService singleSource;

    @EJB
    DocumentService documents;

    @EJB
    cn.huimin.application.EnquiryService enquiries;

    @EJB
    cn.huimin.application.VendorService vendors;

    @EJB
    cn.huimin.application.OpeningService openings;

    @EJB
    cn.huimin.application.AwardService awards;

    @EJB
    cn.huimin.application.ChallengeService challenges;

    @jakarta.ws.rs.core.Context
    jakarta.ws.rs.core.UriInfo uri;

    /** The application's absolute address (the part before /api/), for OCDS links. */
    private String appBase() {
        String api = uri.getBaseUri().toString();
        return api.endsWith("api/") ? api.substring(0, api.length() - 4) : api;
    }

    @GET
    @Path("tenders")
    @Operation(summary = "Published and cancelled tenders, newest first, paged")
    public Map<String, Object> tenders(@QueryParam("q") String q, @QueryParam("first") @DefaultValue("0") int first,
                                       @QueryParam("size") @DefaultValue("20") int size) {
        return Map.of("total", notices.count(q), "items", notices.list(q, first, size));
    }

    @GET
    @Path("tenders/{id}")
    @Operation(summary = "One public notice with every published version")
    public Map<String, Object> tender(@PathParam("id") long id) {
        Tender t = notices.tender(id);
        Map<String, Object> m = new LinkedHashMap<>(TenderService.toForm(t).asPublicMap());
        List<Map<String, Object>> versions = new ArrayList<>();
        for (TenderNotice n : notices.notices(id)) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("version", n.getVersionNo());
            v.put("kind", n.getKind().name());
            v.put("publishedAt", n.getPublishedAt().toString());
            v.put("bidDeadline", n.getBidDeadline() == null ? null : n.getBidDeadline().toString());
            v.put("text", n.getTextBody());
            versions.add(v);
        }
        m.put("notices", versions);
        m.put("documents", documents.publicList(id));
        return m;
    }

    @POST
    @Path("vendor-registrations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register an organization and its vendor login (no login needed); it may bid once an officer verified it")
    public Response register(cn.huimin.domain.model.vendor.VendorForm f) {
        if (f == null) {
            throw cn.huimin.application.AppException.invalid("name", "validation.required");
        }
        cn.huimin.domain.model.vendor.VendorForm saved = vendors.register(f);
        saved.setPassword(null);
        return Response.status(201).entity(saved).build();
    }

    @GET
    @Path("tenders/{id}/enquiries")
    @Operation(summary = "Published questions and answers of a tender (the askers are not shown)")
    public List<Map<String, Object>> enquiries(@PathParam("id") long id) {
        notices.tender(id);
        return enquiries.published(id);
    }

    @GET
    @Path("tenders/{id}/objections")
    @Operation(summary = "Objections to a single-source notice and the purchaser's replies (the objector is not named)")
    public java.util.List<Map<String, Object>> objections(@PathParam("id") long id) {
        notices.tender(id);
        return singleSource.objections(id).stream().map(ObjectionResource::view).toList();
    }

    @GET
    @Path("tenders/{id}/opening")
    @Operation(summary = "The opening record of a tender: bidders, prices, security, valid or invalid with the reason")
    public Map<String, Object> opening(@PathParam("id") long id) {
        notices.tender(id);
        cn.huimin.domain.model.bid.Opening o = openings.opening(id);
        if (o == null) {
            throw cn.huimin.application.AppException.notFound("opening.notYet");
        }
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("tenderId", id);
        m.put("deadline", o.getDeadline().toString());
        m.put("openedAt", o.getOpenedAt().toString());
        m.put("validLots", o.getValidLots());
        m.put("failedLots", o.getFailedLots());
        m.put("signedBy", o.getSignedBy());
        m.put("signedAt", o.getSignedAt() == null ? null : o.getSignedAt().toString());
        List<Map<String, Object>> entries = new java.util.ArrayList<>();
        for (cn.huimin.domain.model.bid.OpeningEntry e : openings.record(id)) {
            Map<String, Object> x = new java.util.LinkedHashMap<>();
            x.put("lotId", e.getLotId());
            x.put("lotNo", e.getLotNo());
            x.put("bidId", e.getBidId());
            x.put("vendor", e.getVendorName());
            x.put("price", e.getPrice() == null ? null : e.getPrice().toPlainString());
            x.put("security", e.getSecurityStatus());
            x.put("valid", e.isValid());
            x.put("invalidReason", e.getInvalidReason());
            x.put("sealVerified", e.isHashVerified());
            x.put("submittedAt", e.getSubmittedAt().toString());
            entries.add(x);
        }
        m.put("entries", entries);
        return m;
    }

    @GET
    @Path("tenders/{id}/awards")
    @Operation(summary = "Published awards: winner, price, every bidder's scores (or why it was rejected), the committee, the challenge period")
    public List<Map<String, Object>> awards(@PathParam("id") long id) {
        notices.tender(id);
        return awards.publicAwards(id).stream().map(p -> {
            Map<String, Object> m = award(p);
            // whether a contract for the lot may be signed now: no while a challenge or complaint is open (30 days at most)
            m.put("contractBlocked", awards.signingBlocked(p.award().getLotId()));
            return m;
        }).toList();
    }

    static Map<String, Object> award(cn.huimin.application.AwardService.PublicAward p) {
        cn.huimin.domain.model.award.Award a = p.award();
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("lotNo", a.getLotNo());
        m.put("status", a.getStatus());
        m.put("winner", a.getWinnerName());
        m.put("price", a.getPrice() == null ? null : a.getPrice().toPlainString());
        m.put("publishedAt", String.valueOf(a.getPublishedAt()));
        m.put("challengeUntil", String.valueOf(a.getChallengeUntil()));
        m.put("reason", a.getReason());
        List<Map<String, Object>> lines = new java.util.ArrayList<>();
        for (cn.huimin.domain.model.evaluation.EvaluationLine l : p.lines()) {
            Map<String, Object> x = new java.util.LinkedHashMap<>();
            x.put("rank", l.getRankNo());
            x.put("vendor", l.getVendorName());
            x.put("price", l.getPrice().toPlainString());
            x.put("qualified", l.isQualified());
            x.put("rejection", l.getRejection());
            x.put("technicalScore", l.getTechnicalScore() == null ? null : l.getTechnicalScore().toPlainString());
            x.put("priceScore", l.getPriceScore() == null ? null : l.getPriceScore().toPlainString());
            x.put("total", l.getTotal() == null ? null : l.getTotal().toPlainString());
            lines.add(x);
        }
        m.put("bidders", lines);
        m.put("committee", p.committee());
        return m;
    }

    @GET
    @Path("tenders/{id}/challenges")
    @Operation(summary = "Challenges of the tender's awards and what became of them (without the challenger's name)")
    public List<cn.huimin.application.ChallengeService.PublicChallenge> challenges(@PathParam("id") long id) {
        notices.tender(id);
        return challenges.publicChallenges(id);
    }

    @GET
    @Path("tenders/{id}/ocds")
    @Operation(summary = "OCDS 1.1 release package: one release per notice version")
    public Map<String, Object> ocds(@PathParam("id") long id) {
        return notices.ocdsPackage(id, appBase());
    }

    @GET
    @Path("ocds")
    @Operation(summary = "OCDS 1.1 release package with the latest release of every public tender, paged")
    public Map<String, Object> ocdsAll(@QueryParam("first") @DefaultValue("0") int first,
                                       @QueryParam("size") @DefaultValue("20") int size) {
        return notices.ocdsLatest(first, size, appBase());
    }

    @GET
    @Path("documents/{id}")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "Download a document of a published tender")
    public Response document(@PathParam("id") long id) {
        TenderDocument d = documents.download(id);
        return Response.ok(d.getContent(), d.getContentType())
                .header("Content-Disposition", "attachment; filename*=UTF-8''" + URLEncoder.encode(d.getFileName(), StandardCharsets.UTF_8).replace("+", "%20"))
                .header("X-Content-Type-Options", "nosniff").build();
    }

    // ------------------------------------------------------------------ contracts, ratings, acceptance

    @EJB
    cn.huimin.application.ContractService contracts;

    @EJB
    cn.huimin.application.DeliveryService deliveries;

    @EJB
    cn.huimin.application.PerformanceService performance;

    @jakarta.inject.Inject
    cn.huimin.application.RateLimiter limiter;

    @jakarta.ws.rs.core.Context
    jakarta.servlet.http.HttpServletRequest request;

    void limit(String what) {
        if (!limiter.allowPublic(request == null ? "?" : request.getRemoteAddr(), what)) {
            throw cn.huimin.application.AppException.tooMany("rating.tooMany");
        }
    }

    public static class RatingInput {
        public String code;
        public Integer stars;
        public String comment;
    }

    public static class OpinionInput {
        public Long placeId;
        public String opinion;
    }

    @GET
    @Path("contracts")
    @Operation(summary = "Published contracts, newest first, paged")
    public Map<String, Object> contracts(@QueryParam("first") @DefaultValue("0") int first, @QueryParam("size") @DefaultValue("20") int size) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (var c : contracts.published(first, size)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", c.getId());
            m.put("contractNo", c.getContractNo());
            m.put("title", c.getTitle());
            m.put("purchaser", contracts.unitName(c.getUnitId()));
            m.put("vendor", contracts.vendorName(c.getVendorId()));
            m.put("amount", c.getAmount().toPlainString());
            m.put("supplementTotal", c.getSupplementTotal().toPlainString());
            m.put("termStart", c.getTermStart().toString());
            m.put("termEnd", c.getTermEnd().toString());
            m.put("status", c.getStatus());
            m.put("publishedAt", c.getPublishedAt().toString());
            items.add(m);
        }
        return Map.of("total", contracts.publishedCount(), "items", items);
    }

    @GET
    @Path("contracts/{id}/pdf")
    @Produces("application/pdf")
    @Operation(summary = "A published contract as a PDF")
    public Response contractPdf(@PathParam("id") long id) {
        var c = contracts.contract(id);
        if (c.getPublishedAt() == null) {
            throw cn.huimin.application.AppException.notFound("contract.notFound");
        }
        return Response.ok(contracts.pdf(id), "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"" + c.getContractNo() + ".pdf\"").build();
    }

    @GET
    @Path("contracts/{id}/results")
    @Operation(summary = "Published acceptance results of a contract: total, payment share, every indicator's score")
    public List<Map<String, Object>> results(@PathParam("id") long id) {
        var c = contracts.contract(id);
        if (c.getPublishedAt() == null) {
            throw cn.huimin.application.AppException.notFound("contract.notFound");
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (var e : performance.publishedResults(id)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("evaluationId", e.getId());
            m.put("periodStart", e.getPeriodStart().toString());
            m.put("periodEnd", e.getPeriodEnd().toString());
            m.put("totalScore", e.getTotalScore().toPlainString());
            m.put("paymentShare", e.getPaymentShare().toPlainString());
            m.put("band", e.getBand());
            m.put("opinions", performance.opinions(e.getId()).size());
            m.put("indicators", performance.scores(e.getId()).stream().map(s -> Map.of("name", s.getNameZh() + " " + s.getNameEn(),
                    "weight", s.getWeight(), "score", String.valueOf(s.getScore()))).toList());
            out.add(m);
        }
        return out;
    }

    @GET
    @Path("events/{token}")
    @Operation(summary = "The event behind a rating link: what, where, when, and whether it can still be rated")
    public cn.huimin.application.DeliveryService.PublicEvent event(@PathParam("token") String token) {
        return deliveries.publicEvent(token);
    }

    @POST
    @Path("events/{token}/ratings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rate an event with a one-time code handed out there: 1-5 stars and a comment; rate-limited per client")
    public Response rate(@PathParam("token") String token, RatingInput in) {
        limit("event:" + token);
        var r = deliveries.rate(token, in == null ? null : in.code, in == null ? null : in.stars, in == null ? null : in.comment);
        return Response.status(201).entity(Map.of("rated", true, "stars", r.getStars())).build();
    }

    @GET
    @Path("acceptances")
    @Operation(summary = "Final acceptances open for residents' opinions now")
    public List<Map<String, Object>> acceptances() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (var e : performance.openForOpinions()) {
            var c = contracts.contract(e.getContractId());
            out.add(Map.of("evaluationId", e.getId(), "contractId", c.getId(), "contractNo", c.getContractNo(), "title", c.getTitle(),
                    "vendor", contracts.vendorName(c.getVendorId()), "until", e.getOpinionsUntil().toString()));
        }
        return out;
    }

    @POST
    @Path("acceptances/{id}/opinions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Give an opinion on a final acceptance while it is open; rate-limited per client")
    public Response opinion(@PathParam("id") long id, OpinionInput in) {
        limit("acceptance:" + id);
        performance.submitOpinion(id, in == null ? null : in.placeId, in == null ? null : in.opinion);
        return Response.status(201).entity(Map.of("received", true)).build();
    }
}
