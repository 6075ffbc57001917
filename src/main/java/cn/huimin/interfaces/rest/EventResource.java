package cn.huimin.interfaces.rest;

import cn.huimin.application.DeliveryService;
import cn.huimin.application.QrCodes;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Delivered events: photos, the station's check, residents' rating codes and the QR code of the rating link. */
@Path("/events")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "events", description = "Delivered events: photos, verification by station staff, rating codes")
@SecurityRequirement(name = "basic")
public class EventResource {
    @EJB
    DeliveryService deliveries;

    @jakarta.ws.rs.core.Context
    UriInfo uri;

    public static class CheckInput {
        public String decision;
        public String reason;
    }

    public static class CodesInput {
        public int count;
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One event")
    public DeliveryService.EventView get(@PathParam("id") long id) {
        return deliveries.event(id);
    }

    @GET
    @Path("to-check")
    @Operation(summary = "Events at the calling station user's places waiting for verification, oldest first")
    public List<DeliveryService.EventView> toCheck(@QueryParam("first") @DefaultValue("0") int first, @QueryParam("size") @DefaultValue("50") int size) {
        return deliveries.toCheck(first, size);
    }

    @POST
    @Path("{id}/photos")
    @Consumes({MediaType.APPLICATION_OCTET_STREAM, "image/jpeg", "image/png"})
    @Operation(summary = "Add a photo (JPEG or PNG by content, at most 10 MB, 6 per event) to your event: ?name=")
    public Response photo(@PathParam("id") long id, @QueryParam("name") String name, InputStream body,
                          @Parameter(hidden = true) @HeaderParam("Content-Length") @DefaultValue("-1") long length) {
        var p = deliveries.addPhoto(id, name, Uploads.read(body, length));
        return Response.status(201).entity(Map.of("id", p.getId(), "sha256", p.getSha256(), "sizeBytes", p.getSizeBytes())).build();
    }

    @GET
    @Path("{id}/photos")
    @Operation(summary = "The photos of an event")
    public List<Map<String, Object>> photos(@PathParam("id") long id) {
        return deliveries.photos(id);
    }

    @GET
    @Path("photos/{pid}")
    @Produces({"image/jpeg", "image/png"})
    @Operation(summary = "One photo")
    public Response photoContent(@PathParam("pid") long pid) {
        var p = deliveries.photo(pid);
        return Response.ok(p.getContent(), p.getContentType()).header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", "inline; filename=\"photo-" + p.getId() + (p.getContentType().endsWith("png") ? ".png" : ".jpg") + "\"").build();
    }

    @POST
    @Path("{id}/check")
    @Operation(summary = "Verify or dispute (with the reason) an event at your station's places: decision VERIFY or DISPUTE")
    public DeliveryService.EventView check(@PathParam("id") long id, CheckInput in) {
        deliveries.check(id, in == null ? null : in.decision, in == null ? null : in.reason);
        return deliveries.event(id);
    }

    @POST
    @Path("{id}/codes")
    @Operation(summary = "Issue one-time rating codes for an event (its vendor or the station staff); the codes are shown only in this answer")
    public Response codes(@PathParam("id") long id, CodesInput in) {
        List<String> codes = deliveries.issueCodes(id, in == null ? 0 : in.count);
        var e = deliveries.event(id);
        return Response.status(201).entity(Map.of("codes", codes, "link", link(e.ratingToken()))).build();
    }

    @GET
    @Path("{id}/qr.png")
    @Produces("image/png")
    @Operation(summary = "The QR code of the event's public rating link")
    public Response qr(@PathParam("id") long id) {
        var e = deliveries.event(id);
        return Response.ok(QrCodes.png(link(e.ratingToken()), 320), "image/png").build();
    }

    /** The public rating link: under HUIMIN_PUBLIC_URL (huimin.public.url) when set, else under this request's address. */
    private String link(String token) {
        String configured = org.eclipse.microprofile.config.ConfigProvider.getConfig().getOptionalValue("huimin.public.url", String.class)
                .orElse(null);
        if (configured != null) {
            return (configured.endsWith("/") ? configured : configured + "/") + "public/rate.xhtml?e=" + token;
        }
        String api = uri.getBaseUri().toString();
        String base = api.endsWith("api/") ? api.substring(0, api.length() - 4) : api;
        return base + "public/rate.xhtml?e=" + token;
    }
}
