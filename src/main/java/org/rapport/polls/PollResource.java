package org.rapport.polls;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.rapport.platform.errors.InvalidInput;
import org.rapport.platform.security.Viewer;
import org.rapport.platform.web.Params;

import java.util.List;

/** Polls: managers define them for their team, admins for everyone; salespeople neither (403). */
@Path("polls")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"MANAGER", "ADMIN"})
public class PollResource {

    @Inject
    PollService polls;

    @Inject
    PollSending sending;

    @Inject
    Viewer viewer;

    @POST
    public Response define(@NotNull(message = "a JSON body is required") PollRequest request) {
        return Response.status(Response.Status.CREATED).entity(polls.define(viewer.user(), request)).build();
    }

    /** Newest first: a manager's own team's polls, an admin's all. */
    @GET
    public List<PollView> list() {
        return polls.list(viewer.access());
    }

    @GET
    @Path("{id}")
    public PollView find(@PathParam("id") String id) {
        return polls.find(viewer.access(), idOf(id));
    }

    /** Sends the poll now instead of on its first day: how many were selected and why the others were left out. */
    @POST
    @Path("{id}/send")
    public PollSending.Sent send(@PathParam("id") String id) {
        return sending.sendNow(viewer.access(), idOf(id));
    }

    private static long idOf(String id) {
        return Params.id("id", id).orElseThrow(() -> new InvalidInput("id: a poll's id is needed."));
    }
}
