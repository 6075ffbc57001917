package cn.huimin.interfaces.rest;

import cn.huimin.application.ExpertForm;
import cn.huimin.application.ExpertService;
import cn.huimin.domain.model.evaluation.Expert;
import cn.huimin.domain.model.evaluation.ExpertRelation;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The expert pool (administrators keep it; supervisors read it). The ID number is write-only: only its hash is kept. */
@Path("/experts")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "experts", description = "The expert pool and the relations screened for conflicts")
@SecurityRequirement(name = "basic")
public class ExpertResource {
    @EJB
    ExpertService experts;

    @GET
    @Operation(summary = "Experts, paged; q searches name, login and employer")
    public Map<String, Object> list(@QueryParam("first") @DefaultValue("0") int first, @QueryParam("size") @DefaultValue("20") int size,
                                    @QueryParam("q") String q) {
        return Map.of("total", experts.count(q), "items", experts.list(first, size, q));
    }

    @GET
    @Path("{id}")
    public Expert get(@PathParam("id") Long id) {
        return experts.get(id);
    }

    @POST
    @Operation(summary = "Add an expert: an existing login with the expert role, name, 18-character ID number, employer, specialties (category ids)")
    public Response create(ExpertForm f) {
        if (f == null) {
            throw new BadRequestException();
        }
        f.setId(null);
        return Response.status(201).entity(experts.save(f)).build();
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Change an expert (send version; a blank ID number keeps the recorded one)")
    public Expert update(@PathParam("id") Long id, ExpertForm f) {
        if (f == null) {
            throw new BadRequestException();
        }
        f.setId(id);
        return experts.save(f);
    }

    @GET
    @Path("{id}/relations")
    public List<ExpertRelation> relations(@PathParam("id") Long id) {
        experts.get(id);
        return experts.relations(id);
    }

    public static class RelationInput {
        /** EMPLOYER, RELATIVE or WORK */
        public String kind;
        public String organization;
        public String uscc;
        public Long vendorId;
        /** WORK only: the last day of the work (yyyy-MM-dd); empty while it goes on */
        public String lastDate;
        public String note;
    }

    @POST
    @Path("{id}/relations")
    @Operation(summary = "Record a relation with an organization (employer, a relative there, work with it); screened at every draw")
    public Response addRelation(@PathParam("id") Long id, RelationInput in) {
        if (in == null) {
            throw new BadRequestException();
        }
        LocalDate last;
        try {
            last = in.lastDate == null || in.lastDate.isBlank() ? null : LocalDate.parse(in.lastDate.trim());
        } catch (DateTimeParseException e) {
            throw cn.huimin.application.AppException.invalid("lastDate", "validation.badDate");
        }
        return Response.status(201).entity(experts.addRelation(id, in.kind, in.organization, in.uscc, in.vendorId, last, in.note)).build();
    }

    @POST
    @Path("relations/{relationId}/end")
    @Operation(summary = "End a relation (kept for the record; no longer screened)")
    public Map<String, Object> endRelation(@PathParam("relationId") Long relationId) {
        experts.endRelation(relationId);
        return Map.of("ended", relationId);
    }
}
