package cn.huimin.interfaces.rest;

import cn.huimin.application.AppException;
import cn.huimin.application.EnquiryService;
import cn.huimin.domain.model.tender.Enquiry;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/enquiries")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "enquiries", description = "Vendors' questions on published tenders; answers are published without the asker")
@SecurityRequirement(name = "basic")
public class EnquiryResource {
    @EJB
    EnquiryService enquiries;

    @POST
    @Operation(summary = "Ask a question on a published tender before its deadline (vendor); answered within 3 working days")
    public Response ask(Question q) {
        if (q == null) {
            throw AppException.invalid("question", "validation.required");
        }
        Enquiry e = enquiries.ask(q.tenderId, q.question);
        return Response.status(201).entity(view(e)).build();
    }

    @GET
    @Path("mine")
    @Operation(summary = "The caller's own questions and their answers")
    public List<Map<String, Object>> mine(@QueryParam("tenderId") Long tenderId) {
        return enquiries.mine(tenderId).stream().map(EnquiryResource::view).toList();
    }

    static Map<String, Object> view(Enquiry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.getId());
        m.put("tenderId", e.getTenderId());
        m.put("question", e.getQuestion());
        m.put("askedAt", e.getAskedAt().toString());
        m.put("answerDue", e.getAnswerDue().toString());
        m.put("status", e.getStatus().name());
        m.put("answer", e.getStatus() == Enquiry.Status.ANSWERED ? e.getAnswer() : null);
        return m;
    }

    public static class Question {
        public Long tenderId;
        public String question;
    }
}
