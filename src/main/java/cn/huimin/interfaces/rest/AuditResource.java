package cn.huimin.interfaces.rest;

import cn.huimin.application.AuditLog;
import cn.huimin.application.AuditReader;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/audit")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "audit", description = "The hash-chained audit trail (admin, supervisor)")
@SecurityRequirement(name = "basic")
public class AuditResource {
    @EJB
    AuditReader reader;

    @GET
    @Path("verify")
    @Operation(summary = "Recompute the whole chain; reports the first damaged entry")
    public AuditLog.Verification verify() {
        return reader.verify();
    }

    @GET
    @Operation(summary = "Audit entries, newest first, paged")
    public Map<String, Object> list(@QueryParam("first") @DefaultValue("0") int first, @QueryParam("size") @DefaultValue("50") int size) {
        return Map.of("total", reader.count(), "items", reader.page(first, Math.min(size, 200)));
    }
}
