package cn.huimin.interfaces.rest;

import cn.huimin.application.AppException;
import cn.huimin.application.SingleSourceService;
import cn.huimin.domain.model.singlesource.Objection;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/objections")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "objections", description = "Objections to a single-source notice; the replies are published without the objector")
@SecurityRequirement(name = "basic")
public class ObjectionResource {
    @EJB
    SingleSourceService singleSource;

    @POST
    @Operation(summary = "Object to a single-source notice (its reasons or the proposed supplier) before the notice ends (vendor)")
    public Response lodge(Lodged body) {
        if (body == null) {
            throw AppException.invalid("text", "validation.required");
        }
        return Response.status(201).entity(view(singleSource.lodge(body.tenderId, body.text))).build();
    }

    /** The public form of an objection: never who lodged it. */
    static Map<String, Object> view(Objection o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", o.getId());
        m.put("tenderId", o.getTenderId());
        m.put("text", o.getText());
        m.put("lodgedAt", o.getLodgedAt().toString());
        m.put("reply", o.getReply());
        m.put("repliedAt", o.getRepliedAt() == null ? null : o.getRepliedAt().toString());
        return m;
    }

    public static class Lodged {
        public Long tenderId;
        public String text;
    }
}
