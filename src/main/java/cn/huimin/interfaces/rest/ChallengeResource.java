package cn.huimin.interfaces.rest;

import cn.huimin.application.ChallengeService;
import cn.huimin.domain.model.award.Challenge;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A bidder's challenges of an award and complaints about the answers. The officer answers and the supervisor decides
 * through their tasks (answerChallenge, decideComplaint: POST /api/tasks/{id}/complete).
 */
@Path("/challenges")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "challenges", description = "Challenges (质疑) of awards and complaints (投诉)")
@SecurityRequirement(name = "basic")
public class ChallengeResource {
    @EJB
    ChallengeService challenges;

    public static class ChallengeInput {
        public Long tenderId;
        public Long lotId;
        public String grounds;
        public String evidence;
    }

    public static class ComplaintInput {
        public String text;
    }

    @POST
    @Operation(summary = "Challenge the award of a lot you bid on, until the end of the 7th working day after its notice")
    public Response file(ChallengeInput in) {
        if (in == null || in.tenderId == null || in.lotId == null) {
            throw cn.huimin.application.AppException.invalid("tenderId", "validation.required");
        }
        return Response.status(201).entity(challenges.file(in.tenderId, in.lotId, in.grounds, in.evidence)).build();
    }

    @POST
    @Path("{id}/complaint")
    @Operation(summary = "Complain to the supervisor about the answer to your challenge, until the end of the 15th working day after the answer was due")
    public Map<String, Object> complain(@PathParam("id") Long id, ComplaintInput in) {
        challenges.complain(id, in == null ? null : in.text);
        return Map.of("complained", id);
    }

    @GET
    @Path("mine")
    @Operation(summary = "The caller's challenges (vendor)")
    public List<Challenge> mine() {
        return challenges.mine();
    }
}
