package cn.huimin.interfaces.rest;

import cn.huimin.application.AppException;
import cn.huimin.application.VendorService;
import cn.huimin.domain.model.vendor.Vendor;
import cn.huimin.domain.model.vendor.VendorDocument;
import cn.huimin.domain.model.vendor.VendorForm;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.*;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/vendors")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "vendors", description = "Vendor registry: registration, qualification documents, verification")
@SecurityRequirement(name = "basic")
public class VendorResource {
    @EJB
    VendorService vendors;

    @GET
    @Path("me")
    @Operation(summary = "The caller's vendor profile, documents and whether it may bid")
    public Map<String, Object> me() {
        Vendor v = vendors.mine();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("profile", VendorForm.of(v));
        m.put("documents", vendors.documents(v.getId()).stream().map(VendorResource::doc).toList());
        m.put("requiredKinds", VendorService.requiredKinds(v.getOrgType()));
        String why = vendors.ineligibility(v);
        m.put("mayBid", why == null);
        if (why != null) {
            m.put("reason", why);
        }
        return m;
    }

    @PUT
    @Path("me")
    @Operation(summary = "Revise the profile (before verification or after it was returned)")
    public VendorForm update(VendorForm f) {
        if (f == null) {
            throw AppException.invalid("name", "validation.required");
        }
        return vendors.update(f);
    }

    @POST
    @Path("me/documents")
    @Consumes({MediaType.APPLICATION_OCTET_STREAM, "application/pdf", "image/jpeg", "image/png"})
    @Operation(summary = "Upload a qualification document (PDF, JPEG or PNG by content, at most 20 MB): ?kind=LICENCE|REGISTRATION|TAX|SOCIAL_SECURITY&expiresOn=YYYY-MM-DD&name=file")
    public Response upload(@QueryParam("kind") String kind, @QueryParam("expiresOn") String expiresOn,
                           @QueryParam("name") String name, InputStream body) {
        LocalDate exp;
        try {
            exp = expiresOn == null || expiresOn.isBlank() ? null : LocalDate.parse(expiresOn);
        } catch (DateTimeParseException e) {
            throw AppException.invalid("expiresOn", "validation.badDate");
        }
        VendorDocument d = vendors.uploadDocument(kind, name, Uploads.read(body), exp);
        return Response.status(201).entity(doc(d)).build();
    }

    @POST
    @Path("me/submit")
    @Operation(summary = "Send the registration to an officer for verification")
    public Map<String, Object> submit() {
        vendors.submitForVerification();
        return Map.of("status", vendors.mine().getStatus().name());
    }

    @GET
    @Operation(summary = "Vendors by status (default VERIFIED) and name or USCC, paged (staff)")
    public Map<String, Object> list(@QueryParam("status") @DefaultValue("VERIFIED") String status, @QueryParam("q") String q,
                                    @QueryParam("first") @DefaultValue("0") int first, @QueryParam("size") @DefaultValue("20") int size) {
        return Map.of("total", vendors.count(status, q),
                "items", vendors.list(status, q, first, size).stream().map(VendorForm::of).toList());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A vendor's profile and documents (staff)")
    public Map<String, Object> get(@PathParam("id") long id) {
        Vendor v = vendors.get(id);
        return Map.of("profile", VendorForm.of(v), "documents", vendors.documents(id).stream().map(VendorResource::doc).toList());
    }

    @GET
    @Path("documents/{id}/content")
    @Produces({"application/pdf", "image/jpeg", "image/png", MediaType.APPLICATION_JSON})
    @Operation(summary = "Download a qualification document (its vendor, or staff)")
    public Response content(@PathParam("id") long id) {
        VendorDocument d = vendors.document(id);
        return Response.ok(d.getContent(), d.getContentType())
                .header("Content-Disposition", "attachment; filename=\"document-" + d.getId() + "\"").build();
    }

    static Map<String, Object> doc(VendorDocument d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.getId());
        m.put("kind", d.getKind().name());
        m.put("fileName", d.getFileName());
        m.put("contentType", d.getContentType());
        m.put("size", d.getSizeBytes());
        m.put("sha256", d.getSha256());
        m.put("expiresOn", d.getExpiresOn().toString());
        m.put("active", d.isActive());
        m.put("uploadedAt", d.getUploadedAt().toString());
        return m;
    }
}
