package cn.huimin.interfaces.rest;

import cn.huimin.application.AppException;
import cn.huimin.application.ContractService;
import cn.huimin.application.DeliveryService;
import cn.huimin.application.PerformanceService;
import cn.huimin.domain.model.contract.Contract;
import cn.huimin.domain.model.contract.ContractRules;
import cn.huimin.domain.shared.Money;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.*;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Contracts: the draft's terms (officer), the PDF, supplements, the delivered events and the schedule. Signing goes
 * through the signing tasks (signContractPurchaser, signContractVendor: POST /api/tasks/{id}/complete).
 */
@Path("/contracts")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "contracts", description = "Contracts, supplements, service delivery and schedules")
@SecurityRequirement(name = "basic")
public class ContractResource {
    @EJB
    ContractService contracts;

    @EJB
    DeliveryService deliveries;

    @EJB
    PerformanceService performance;

    public static class TermsInput {
        public String bondPercent;
        public String termStart;
        public String termEnd;
        public boolean stableService;
        public String longTermReason;
        public String frequency;
        public List<String> shares;
        public Long version;
    }

    public static class SupplementInput {
        public String amount;
        public String reason;
    }

    public static class EventInput {
        public Long placeId;
        public Long deliverableTypeId;
        public String eventDate;
        public String quantity;
        public Integer attendance;
        public String notes;
    }

    @GET
    @Operation(summary = "The caller's contracts: a vendor its own, an officer his unit's, county-wide roles all; newest first")
    public List<Map<String, Object>> mine(@QueryParam("first") @DefaultValue("0") int first, @QueryParam("size") @DefaultValue("20") int size) {
        return contracts.mine(first, size).stream().map(this::summary).toList();
    }

    Map<String, Object> summary(Contract c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.getId());
        m.put("contractNo", c.getContractNo());
        m.put("title", c.getTitle());
        m.put("status", c.getStatus());
        m.put("vendor", contracts.vendorName(c.getVendorId()));
        m.put("amount", c.getAmount().toPlainString());
        m.put("termStart", c.getTermStart().toString());
        m.put("termEnd", c.getTermEnd().toString());
        m.put("signDue", c.getSignDue().toString());
        m.put("publishedAt", c.getPublishedAt() == null ? null : c.getPublishedAt().toString());
        return m;
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A contract with its milestones, deliverables, supplements, evaluations and payment orders")
    public Map<String, Object> get(@PathParam("id") long id) {
        Contract c = contracts.readable(id);
        Map<String, Object> m = summary(c);
        m.put("tenderId", c.getTenderId());
        m.put("lotId", c.getLotId());
        m.put("awardId", c.getAwardId());
        m.put("purchaser", contracts.unitName(c.getUnitId()));
        m.put("supplementTotal", c.getSupplementTotal().toPlainString());
        m.put("bondPercent", c.getBondPercent().toPlainString());
        m.put("bondAmount", c.getBondAmount().toPlainString());
        m.put("stableService", c.isStableService());
        m.put("longTermReason", c.getLongTermReason());
        m.put("purchaserSignedAt", c.getPurchaserSignedAt() == null ? null : c.getPurchaserSignedAt().toString());
        m.put("vendorSignedAt", c.getVendorSignedAt() == null ? null : c.getVendorSignedAt().toString());
        m.put("returnReason", c.getReturnReason());
        m.put("version", c.getVersion());
        m.put("milestones", contracts.milestones(id).stream().map(x -> Map.of("id", x.getId(), "positionNo", x.getPositionNo(),
                "sharePercent", x.getSharePercent().toPlainString(), "amount", x.getAmount().toPlainString(),
                "periodStart", x.getPeriodStart().toString(), "periodEnd", x.getPeriodEnd().toString(), "finalPeriod", x.isFinalPeriod(),
                "status", x.getStatus())).toList());
        m.put("deliverables", contracts.deliverables(id).stream().map(x -> Map.of("deliverableTypeId", x.getDeliverableTypeId(),
                "placeId", x.getPlaceId(), "quantity", x.getQuantity(), "perPeriod", x.getPerPeriod())).toList());
        m.put("supplements", contracts.supplements(id).stream().map(x -> Map.of("id", x.getId(), "amount", x.getAmount().toPlainString(),
                "reason", x.getReason(), "status", x.getStatus())).toList());
        m.put("evaluations", performance.evaluationsOf(id).stream().map(x -> {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("id", x.getId());
            e.put("periodStart", x.getPeriodStart().toString());
            e.put("periodEnd", x.getPeriodEnd().toString());
            e.put("finalPeriod", x.isFinalPeriod());
            e.put("status", x.getStatus());
            e.put("totalScore", x.getTotalScore() == null ? null : x.getTotalScore().toPlainString());
            e.put("paymentShare", x.getPaymentShare() == null ? null : x.getPaymentShare().toPlainString());
            e.put("band", x.getBand());
            return e;
        }).toList());
        m.put("paymentOrders", performance.paymentOrdersOf(id).stream().map(PerformanceResource::order).toList());
        return m;
    }

    @GET
    @Path("{id}/pdf")
    @Produces("application/pdf")
    @Operation(summary = "The contract as a PDF in Chinese and English")
    public Response pdf(@PathParam("id") long id) {
        Contract c = contracts.readable(id);
        return Response.ok(contracts.pdf(id), "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"" + c.getContractNo() + ".pdf\"").build();
    }

    @PUT
    @Path("{id}/terms")
    @Operation(summary = "Set the draft's terms (officer of the unit): bond %, term, stable-service reason, milestone frequency and shares")
    public Map<String, Object> terms(@PathParam("id") long id, TermsInput in) {
        if (in == null) {
            throw AppException.invalid("bondPercent", "validation.required");
        }
        List<BigDecimal> shares = null;
        if (in.shares != null) {
            shares = new ArrayList<>();
            for (String s : in.shares) {
                BigDecimal b = Money.parse(s);
                if (b == null) {
                    throw AppException.invalid("shares", "contract.SHARE_NOT_POSITIVE");
                }
                shares.add(b);
            }
        }
        BigDecimal bond = Money.parse(in.bondPercent);
        if (bond == null) {
            throw AppException.invalid("bondPercent", "contract.BOND_NEGATIVE");
        }
        ContractRules.Frequency f;
        try {
            f = in.frequency == null ? ContractRules.Frequency.QUARTER : ContractRules.Frequency.valueOf(in.frequency);
        } catch (IllegalArgumentException e) {
            throw AppException.invalid("frequency", "validation.unknownValue");
        }
        contracts.updateTerms(id, new ContractService.TermsForm(bond, date("termStart", in.termStart), date("termEnd", in.termEnd),
                in.stableService, in.longTermReason, f, shares, in.version));
        return get(id);
    }

    static LocalDate date(String field, String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(s.trim());
        } catch (DateTimeParseException e) {
            throw AppException.invalid(field, "validation.badDate");
        }
    }

    @POST
    @Path("{id}/supplements")
    @Operation(summary = "Propose a supplementary agreement (officer); all supplements together at most 10% of the amount (GPL 49)")
    public Response supplement(@PathParam("id") long id, SupplementInput in) {
        BigDecimal amount = in == null ? null : Money.parse(in.amount);
        if (amount == null) {
            throw AppException.invalid("amount", "contract.SUPPLEMENT_NOT_POSITIVE");
        }
        var s = contracts.proposeSupplement(id, amount, in.reason);
        return Response.status(201).entity(Map.of("id", s.getId(), "amount", s.getAmount().toPlainString(), "status", s.getStatus())).build();
    }

    @POST
    @Path("supplements/{sid}/sign")
    @Operation(summary = "Sign a proposed supplementary agreement (the contract's vendor)")
    public Map<String, Object> signSupplement(@PathParam("sid") long sid) {
        var s = contracts.signSupplement(sid);
        return Map.of("id", s.getId(), "amount", s.getAmount().toPlainString(), "status", s.getStatus());
    }

    @GET
    @Path("{id}/events")
    @Operation(summary = "Delivered events of the contract, newest first, paged")
    public Map<String, Object> events(@PathParam("id") long id, @QueryParam("first") @DefaultValue("0") int first,
                                      @QueryParam("size") @DefaultValue("20") int size) {
        return Map.of("total", deliveries.eventCount(id), "items", deliveries.events(id, first, size));
    }

    @POST
    @Path("{id}/events")
    @Operation(summary = "Record a delivered event (the contract's vendor): place and deliverable of the contract, date within the term, attendance")
    public Response record(@PathParam("id") long id, EventInput in) {
        if (in == null) {
            throw AppException.invalid("placeId", "validation.required");
        }
        BigDecimal q = in.quantity == null || in.quantity.isBlank() ? BigDecimal.ONE : Money.parse(in.quantity);
        if (q == null) {
            throw AppException.invalid("quantity", "delivery.QUANTITY_NOT_POSITIVE");
        }
        var e = deliveries.record(id, new DeliveryService.EventForm(in.placeId, in.deliverableTypeId, date("eventDate", in.eventDate), q,
                in.attendance, in.notes));
        return Response.status(201).entity(deliveries.event(e.getId())).build();
    }

    @GET
    @Path("{id}/schedule")
    @Operation(summary = "Per place, deliverable and month: planned vs delivered vs verified")
    public List<DeliveryService.ScheduleRow> schedule(@PathParam("id") long id) {
        return deliveries.schedule(id);
    }
}
