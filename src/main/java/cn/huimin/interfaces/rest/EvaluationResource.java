package cn.huimin.interfaces.rest;

import cn.huimin.application.EvaluationService;
import cn.huimin.domain.model.evaluation.Clarification;
import cn.huimin.domain.model.evaluation.Committee;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Evaluation committees: progress, the recorded draw and its re-run, a member's scoring sheet and the bid files. The
 * steps themselves (draw request, confirmation, explanation, scores, signatures) are tasks: POST /api/tasks/{id}/complete.
 */
@Path("/evaluations")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "evaluations", description = "Evaluation committees, draws, scoring sheets and results")
@SecurityRequirement(name = "basic")
public class EvaluationResource {
    @EJB
    EvaluationService evaluations;

    @GET
    @Path("tenders/{tenderId}/committees")
    @Operation(summary = "The committees of a tender, one per lot and round")
    public List<Map<String, Object>> committees(@PathParam("tenderId") Long tenderId) {
        return evaluations.committeesOf(tenderId).stream().map(EvaluationResource::describe).toList();
    }

    @GET
    @Path("committees/{id}")
    @Operation(summary = "Members and progress; every member's scores and the ranking once all members have signed their sheets")
    public EvaluationService.Summary summary(@PathParam("id") Long id) {
        return evaluations.summary(id);
    }

    @GET
    @Path("committees/{id}/draw")
    @Operation(summary = "Re-run the recorded draw (seed and candidate list) and compare it with the committee drawn")
    public EvaluationService.DrawCheck draw(@PathParam("id") Long id) {
        return evaluations.verifyDraw(id);
    }

    @GET
    @Path("committees/{id}/sheet")
    @Operation(summary = "The caller's scoring sheet: the bids opened for him, the factors and his own entries (confirmed members only)")
    public EvaluationService.Sheet sheet(@PathParam("id") Long id) {
        return evaluations.sheet(id);
    }

    @GET
    @Path("committees/{id}/attachments/{attachmentId}")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "A bid file of the lot under evaluation (confirmed members only)")
    public Response attachment(@PathParam("id") Long id, @PathParam("attachmentId") Long attachmentId) {
        Map<String, Object> a = evaluations.attachment(id, attachmentId);
        String name = (String) a.get("name");
        String encoded = java.net.URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return Response.ok(a.get("content"), (String) a.get("type"))
                .header("Content-Disposition", "attachment; filename*=UTF-8''" + encoded)
                .header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("committees/{id}/report.pdf")
    @Produces("application/pdf")
    @Operation(summary = "The evaluation report (PDF, Chinese and English): committee, signatures, ranking, every member's scores, dissents")
    public Response report(@PathParam("id") Long id) {
        return Response.ok(evaluations.reportPdf(id), "application/pdf")
                .header("Content-Disposition", "inline; filename=\"evaluation-report-" + id + ".pdf\"")
                .header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("committees/{id}/clarifications")
    @Operation(summary = "Price clarifications: all for the committee and staff, a vendor's own for a vendor")
    public List<Clarification> clarifications(@PathParam("id") Long id) {
        return evaluations.clarifications(id);
    }

    static Map<String, Object> describe(Committee c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.getId());
        m.put("tenderId", c.getTenderId());
        m.put("lotNo", c.getLotNo());
        m.put("round", c.getRoundNo());
        m.put("size", c.getSize());
        m.put("expertSeats", c.getExpertSeats());
        m.put("status", c.getStatus());
        m.put("drawnAt", c.getDrawnAt());
        m.put("evaluatedAt", c.getEvaluatedAt());
        m.put("reportDue", c.getReportDue());
        m.put("processInstanceId", c.getProcessInstanceId());
        return m;
    }
}
