package cn.huimin.interfaces.rest;

import cn.huimin.application.AdminService;
import cn.huimin.application.Caller;
import cn.huimin.application.Callers;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/me")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "me", description = "The caller's own account")
@SecurityRequirement(name = "basic")
public class MeResource {
    @EJB
    Callers callers;

    @EJB
    AdminService admin;

    @GET
    public Map<String, Object> me() {
        Caller c = callers.current();
        return Map.of("username", c.username(), "roles", c.roles(), "unitId", c.unitId() == null ? "" : c.unitId());
    }

    @POST
    @Path("password")
    public Map<String, Object> password(PasswordChange p) {
        admin.changeOwnPassword(p == null ? null : p.current, p == null ? null : p.next);
        return Map.of("changed", true);
    }

    public static class PasswordChange {
        public String current;
        public String next;
    }
}
