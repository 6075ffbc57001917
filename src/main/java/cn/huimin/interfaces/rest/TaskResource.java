package cn.huimin.interfaces.rest;

import cn.huimin.application.TaskActions;
import cn.huimin.application.TaskRow;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/tasks")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "tasks", description = "The caller's inbox: own tasks and unclaimed tasks of his groups")
@SecurityRequirement(name = "basic")
public class TaskResource {
    @EJB
    TaskActions tasks;

    @GET
    @Operation(summary = "Inbox, paged; sort by created, due or name")
    public Map<String, Object> inbox(@QueryParam("first") @DefaultValue("0") int first,
                                     @QueryParam("size") @DefaultValue("20") int size,
                                     @QueryParam("sort") @DefaultValue("created") String sort,
                                     @QueryParam("asc") @DefaultValue("false") boolean asc) {
        return Map.of("total", tasks.inboxCount(), "items", tasks.inbox(first, size, sort, asc));
    }

    @GET
    @Path("{id}")
    public TaskRow get(@PathParam("id") String id) {
        return tasks.get(id);
    }

    @POST
    @Path("{id}/claim")
    @Operation(summary = "Claim a group task: from now on only the caller may complete it")
    public Map<String, String> claim(@PathParam("id") String id) {
        tasks.claim(id);
        return Map.of("claimed", id);
    }

    @POST
    @Path("{id}/unclaim")
    public Map<String, String> unclaim(@PathParam("id") String id) {
        tasks.unclaim(id);
        return Map.of("released", id);
    }

    @POST
    @Path("{id}/complete")
    @Operation(summary = "Complete a task with a decision: APPROVE, RETURN or REJECT (a comment is required to return or reject); SUBMIT for reviseTender")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "return", value = "{\"decision\":\"RETURN\",\"comment\":\"请补充各村放映场次\"}")))
    public Map<String, String> complete(@PathParam("id") String id, Decision d) {
        tasks.complete(id, d == null ? null : d.decision, d == null ? null : d.comment,
                d == null || d.details == null ? Map.of() : d.details);
        return Map.of("completed", id);
    }

    public static class Decision {
        public String decision;
        public String comment;
        /** proposeFailedLots: {"lot.<lotId>": "RETENDER" | "CONSULTATION" | "SINGLE_SOURCE"} */
        public Map<String, String> details;
    }
}
