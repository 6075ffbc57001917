package cn.huimin.interfaces.rest;

import cn.huimin.application.*;
import cn.huimin.domain.model.place.PlaceLevel;
import cn.huimin.domain.model.user.AppUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.*;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/admin")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "admin", description = "Users, places, purchasing units and the service catalogue (admin)")
@SecurityRequirement(name = "basic")
public class AdminResource {
    @EJB
    AdminService admin;

    @EJB
    Catalogue catalogue;

    @GET
    @Path("users")
    public Map<String, Object> users(@QueryParam("first") @DefaultValue("0") int first, @QueryParam("size") @DefaultValue("50") int size) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (AppUser u : admin.users(first, size)) {
            items.add(user(u));
        }
        return Map.of("total", admin.userCount(), "items", items);
    }

    @POST
    @Path("users")
    @Operation(summary = "Create a user with roles and, for officers, a purchasing unit")
    public Response create(UserInput in) {
        if (in == null) {
            throw AppException.invalid("username", "validation.required");
        }
        AppUser u = admin.createUser(in.username, in.displayName, in.password, roles(in.roles), in.unitId);
        return Response.status(201).entity(user(u)).build();
    }

    @PUT
    @Path("users/{id}")
    public Map<String, Object> update(@PathParam("id") long id, UserInput in) {
        admin.updateUser(id, roles(in.roles), in.unitId, in.active == null || in.active, in.version == null ? -1 : in.version);
        return Map.of("updated", id);
    }

    @POST
    @Path("users/{id}/unlock")
    public Map<String, Object> unlock(@PathParam("id") long id) {
        admin.unlock(id);
        return Map.of("unlocked", id);
    }

    @POST
    @Path("users/{id}/password")
    public Map<String, Object> reset(@PathParam("id") long id, UserInput in) {
        admin.resetPassword(id, in == null ? null : in.password);
        return Map.of("reset", id);
    }

    @GET
    @Path("places")
    @RolesAllowed({"admin", "officer", "head", "finance", "supervisor"})
    public Object places() {
        return catalogue.places();
    }

    @POST
    @Path("places")
    public Response createPlace(PlaceInput in) {
        PlaceLevel level;
        try {
            level = PlaceLevel.valueOf(in.level);
        } catch (RuntimeException e) {
            throw AppException.invalid("level", "validation.required");
        }
        return Response.status(201).entity(admin.savePlace(null, in.code, in.nameZh, in.nameEn, level, in.parentId, true)).build();
    }

    @GET
    @Path("units")
    public Object units() {
        return catalogue.units();
    }

    @PUT
    @Path("units/{id}")
    @Operation(summary = "Change a purchasing unit; an inactive unit cannot publish")
    public Object updateUnit(@PathParam("id") long id, UnitInput in) {
        return admin.saveUnit(id, in.code, in.nameZh, in.nameEn, in.placeId, in.active == null || in.active);
    }

    @GET
    @Path("categories")
    public Object categories() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (var c : catalogue.categories(false)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", c.getId());
            m.put("code", c.getCode());
            m.put("nameZh", c.getNameZh());
            m.put("nameEn", c.getNameEn());
            m.put("active", c.isActive());
            m.put("deliverables", catalogue.deliverables(c.getId()));
            m.put("indicators", catalogue.indicators(c.getId()));
            out.add(m);
        }
        return out;
    }

    @PUT
    @Path("categories/{id}/indicators")
    @Operation(summary = "Replace a category's indicator set; weights must add up to 100")
    public Map<String, Object> indicators(@PathParam("id") long id, List<AdminService.IndicatorInput> in) {
        admin.saveIndicators(id, in == null ? List.of() : in);
        return Map.of("saved", id);
    }

    private static Set<String> roles(List<String> roles) {
        return roles == null ? Set.of() : new LinkedHashSet<>(roles);
    }

    private static Map<String, Object> user(AppUser u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", u.getId());
        m.put("version", u.getVersion());
        m.put("username", u.getUsername());
        m.put("displayName", u.getDisplayName());
        m.put("roles", u.roleSet());
        m.put("unitId", u.getUnitId());
        m.put("active", u.isActive());
        m.put("lockedUntil", u.getLockedUntil() == null ? null : u.getLockedUntil().toString());
        return m;
    }

    public static class UserInput {
        public String username;
        public String displayName;
        public String password;
        public List<String> roles;
        public Long unitId;
        public Boolean active;
        public Long version;
    }

    public static class PlaceInput {
        public String code;
        public String nameZh;
        public String nameEn;
        public String level;
        public Long parentId;
    }

    public static class UnitInput {
        public String code;
        public String nameZh;
        public String nameEn;
        public Long placeId;
        public Boolean active;
    }
}
