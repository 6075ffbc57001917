package cn.huimin.interfaces.rest;

import cn.huimin.application.*;
import cn.huimin.domain.model.bid.BidSecurity;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/bids")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "bids", description = "Sealed bids: attachments, submission with Idempotency-Key, withdrawal, receipts, bid security")
@SecurityRequirement(name = "basic")
public class BidResource {
    @EJB
    BidService bids;

    @jakarta.inject.Inject
    cn.huimin.application.BidGate gate;

    @POST
    @Path("attachments")
    @Consumes({MediaType.APPLICATION_OCTET_STREAM, "application/pdf", "image/jpeg", "image/png"})
    @Operation(summary = "Upload one bid file (PDF, DOCX, XLSX, JPEG, PNG by content, at most 20 MB); it is sealed on arrival: ?tenderId=&name=")
    public Response attach(@QueryParam("tenderId") Long tenderId, @QueryParam("name") String name, InputStream body,
                           @Parameter(hidden = true) @HeaderParam("Content-Length") @jakarta.ws.rs.DefaultValue("-1") long length) {
        // the body arrives first, however slow the connection; then it waits for a worker
        return Response.status(201).entity(gate.upload(length, () -> Uploads.read(body, length),
                content -> bids.uploadAttachment(tenderId, name, content))).build();
    }

    @POST
    @Operation(summary = "Submit or replace the caller's sealed bid for a lot; the Idempotency-Key header makes a retry safe (the same key answers the first receipt)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "bid",
            value = "{\"tenderId\":1,\"lotId\":1,\"price\":\"276000.00\",\"proposals\":[\"服务方案……\",\"团队……\"],\"attachmentIds\":[3],\"declaration\":true}")))
    public Response submit(@Parameter(in = ParameterIn.HEADER, name = "Idempotency-Key", required = true)
                           @HeaderParam("Idempotency-Key") String key, BidForm f) {
        if (f == null) {
            throw AppException.invalid("lotId", "validation.required");
        }
        BidReceipt r = gate.run(() -> submitOnce(f, key));
        return Response.status(r.isRepeated() ? 200 : 201).entity(r).build();
    }

    private BidReceipt submitOnce(BidForm f, String key) {
        BidReceipt r;
        try {
            r = bids.submit(f, key);
        } catch (EJBException | jakarta.persistence.PersistenceException e) {
            if (AppErrors.find(e) != null) {
                throw e;
            }
            // two requests with one key at the same moment: the loser answers the winner's receipt
            r = bids.earlierSubmission(f, key);
            if (r == null) {
                throw e; // nothing was stored under this key: the caller may retry with it
            }
        }
        return r;
    }

    @GET
    @Operation(summary = "The caller's bids (current, replaced, withdrawn) with their receipts, newest first")
    public Map<String, Object> mine(@QueryParam("first") @DefaultValue("0") int first, @QueryParam("size") @DefaultValue("20") int size) {
        return Map.of("total", bids.myBidCount(), "items", bids.myBids(first, size));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "The receipt of one of the caller's bids (another vendor's bid: 403)")
    public BidReceipt receipt(@PathParam("id") long id) {
        return bids.receipt(id);
    }

    @POST
    @Path("{id}/withdraw")
    @Operation(summary = "Withdraw the caller's bid before the deadline")
    public BidReceipt withdraw(@PathParam("id") long id) {
        return bids.withdraw(id);
    }

    @POST
    @Path("security")
    @Operation(summary = "Record the bid security paid for a tender (finance confirms it before the opening)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "security",
            value = "{\"tenderId\":1,\"amount\":\"5000.00\",\"bankReference\":\"ICBC-20261201-0042\",\"paidOn\":\"2026-12-01\"}")))
    public Response security(SecurityPayment p) {
        if (p == null) {
            throw AppException.invalid("amount", "validation.required");
        }
        LocalDate paidOn;
        try {
            paidOn = p.paidOn == null || p.paidOn.isBlank() ? null : LocalDate.parse(p.paidOn);
        } catch (DateTimeParseException e) {
            throw AppException.invalid("paidOn", "validation.badDate");
        }
        BidSecurity s = bids.recordSecurity(p.tenderId, p.amount, p.bankReference, paidOn);
        return Response.status(201).entity(security(s)).build();
    }

    @GET
    @Path("security/pending")
    @Operation(summary = "Security payments awaiting finance's confirmation (finance)")
    public Map<String, Object> pending(@QueryParam("first") @DefaultValue("0") int first, @QueryParam("size") @DefaultValue("20") int size) {
        return Map.of("total", bids.pendingSecurityCount(), "items", bids.pendingSecurities(first, size));
    }

    @POST
    @Path("security/{id}/confirm")
    @Operation(summary = "Confirm receipt of a security payment (finance, before the opening)")
    public Map<String, Object> confirm(@PathParam("id") long id) {
        bids.confirmSecurity(id);
        return Map.of("confirmed", id);
    }

    static Map<String, Object> security(BidSecurity s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.getId());
        m.put("tenderId", s.getTenderId());
        m.put("amount", s.getAmount().toPlainString());
        m.put("bankReference", s.getBankReference());
        m.put("paidOn", s.getPaidOn().toString());
        m.put("status", s.getStatus().name());
        return m;
    }

    public static class SecurityPayment {
        public Long tenderId;
        public String amount;
        public String bankReference;
        public String paidOn;
    }
}
