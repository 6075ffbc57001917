package cn.huimin.interfaces.rest;

import cn.huimin.application.*;
import cn.huimin.domain.model.audit.AuditEntry;
import cn.huimin.domain.model.tender.TenderChange;
import cn.huimin.domain.model.tender.TenderForm;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.*;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/tenders")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "tenders", description = "Prepare, submit, amend and cancel tenders")
@SecurityRequirement(name = "basic")
public class TenderResource {
    static final String EXAMPLE = """
            {"title":"2027年东湖镇农村公益电影放映服务","categoryId":3,"method":"OPEN_TENDER","budget":"288000.00",
             "bidSecurity":"5000.00","priceWeight":30,"qualification":"具有电影放映经营许可证",
             "lots":[{"title":"东湖镇","budgetCeiling":"288000.00","serviceStart":"2027-01-01","serviceEnd":"2027-12-31",
                      "deliverables":[{"deliverableTypeId":8,"placeId":5,"quantity":12,"perPeriod":"YEAR"}]}],
             "factors":[{"name":"服务方案","points":40},{"name":"放映设备","points":30}]}""";

    @EJB
    TenderService tenders;

    @EJB
    DocumentService documents;

    @EJB
    AuditLog audit;

    @GET
    @Operation(summary = "Tenders the caller may see (officers: their unit), newest first, paged")
    public Map<String, Object> list(@QueryParam("status") String status, @QueryParam("q") String q,
                                    @QueryParam("first") @DefaultValue("0") int first,
                                    @QueryParam("size") @DefaultValue("20") int size,
                                    @QueryParam("sort") @DefaultValue("updatedAt") String sort,
                                    @QueryParam("asc") @DefaultValue("false") boolean asc) {
        return Map.of("total", tenders.count(status, q), "items", tenders.list(status, q, first, size, sort, asc));
    }

    @POST
    @Operation(summary = "Save a new draft (officer); the draft belongs to the officer's unit")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "open tender", value = EXAMPLE)))
    public Response create(TenderForm form) {
        if (form == null) {
            throw AppException.invalid("title", "validation.required");
        }
        form.setId(null);
        TenderForm saved = tenders.saveDraft(form);
        return Response.status(201).entity(saved).header("Location", "/api/tenders/" + saved.getId()).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One tender with lots, deliverables and scoring scheme")
    public TenderForm get(@PathParam("id") long id) {
        return tenders.form(id);
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Save a draft or returned tender; 'version' must be the one read (else 409)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "edit", value = EXAMPLE)))
    public TenderForm update(@PathParam("id") long id, TenderForm form) {
        if (form == null) {
            throw AppException.invalid("title", "validation.required");
        }
        form.setId(id);
        return tenders.saveDraft(form);
    }

    @POST
    @Path("{id}/submit")
    @Operation(summary = "Submit for approval (or resubmit after a return); every broken rule is listed in the answer")
    public TenderForm submit(@PathParam("id") long id, @QueryParam("version") Long version) {
        return tenders.submit(id, version);
    }

    @GET
    @Path("{id}/documents")
    public List<DocumentInfo> documents(@PathParam("id") long id) {
        return documents.list(id);
    }

    @POST
    @Path("{id}/documents")
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    @Operation(summary = "Attach a document (PDF, DOCX or XLSX by content, at most 20 MB); the file name in ?name=")
    public Response upload(@PathParam("id") long id, @QueryParam("name") String name, byte[] content) {
        return Response.status(201).entity(documents.upload(id, name, content)).build();
    }

    @POST
    @Path("{id}/changes")
    @Operation(summary = "Request an amendment or a cancellation of a published tender (head approves)")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "amendment",
            value = "{\"type\":\"AMENDMENT\",\"text\":\"第二标段增加2个村\",\"requestedDeadline\":null}")))
    public Response requestChange(@PathParam("id") long id, ChangeRequest r) {
        if (r == null) {
            throw AppException.invalid("changeType", "validation.required");
        }
        Long changeId = tenders.requestChange(id, r.type, r.text, r.requestedDeadline);
        return Response.status(201).entity(Map.of("changeId", changeId)).build();
    }

    @GET
    @Path("{id}/changes")
    public List<Map<String, Object>> changes(@PathParam("id") long id) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (TenderChange c : tenders.changes(id)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", c.getId());
            m.put("type", c.getChangeType().name());
            m.put("status", c.getStatus().name());
            m.put("text", c.getTextBody());
            m.put("requestedBy", c.getRequestedBy());
            m.put("requestedAt", c.getRequestedAt().toString());
            out.add(m);
        }
        return out;
    }

    @GET
    @Path("{id}/history")
    @Operation(summary = "Who did what, when (the tender's audit entries)")
    public List<Map<String, Object>> history(@PathParam("id") long id) {
        tenders.form(id);
        List<Map<String, Object>> out = new ArrayList<>();
        for (AuditEntry e : audit.forEntity("tender", id)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("seq", e.getSeq());
            m.put("at", e.getAt().toString());
            m.put("actor", e.getActor());
            m.put("action", e.getAction());
            m.put("after", e.getAfterState());
            out.add(m);
        }
        return out;
    }

    public static class ChangeRequest {
        public String type;
        public String text;
        public LocalDate requestedDeadline;
    }
}
