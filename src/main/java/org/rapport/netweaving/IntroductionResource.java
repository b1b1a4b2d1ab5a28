package org.rapport.netweaving;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.rapport.platform.errors.InvalidInput;
import org.rapport.platform.security.Viewer;
import org.rapport.platform.web.Params;

import java.util.List;

/** Introductions between customers, as far as the caller reaches either customer of each. */
@Path("introductions")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"SALES", "MANAGER", "ADMIN"})
public class IntroductionResource {

    @Inject
    IntroductionService introductions;

    @Inject
    MatchingService matching;

    @Inject
    Viewer viewer;

    /** A matching run now (the weekly job runs the same); 409 while another run is under way. */
    @POST
    @Path("match")
    @RolesAllowed("ADMIN")
    public MatchRun match() {
        return matching.run(viewer.user().username());
    }

    /** Newest first; {@code stage} one of the stages, {@code owner} a salesperson's external id. */
    @GET
    public List<Introduction> list(@QueryParam("stage") String stage, @QueryParam("owner") String owner) {
        return introductions.list(viewer.access(), Params.oneOf("stage", stage, IntroductionStage.class),
                Params.text("owner", owner, 64));
    }

    @GET
    @Path("{id}")
    public Introduction find(@PathParam("id") String id) {
        return introductions.find(viewer.access(), id(id));
    }

    @POST
    @Path("{id}/approve")
    public Introduction approve(@PathParam("id") String id) {
        return introductions.approve(viewer.user(), id(id));
    }

    @POST
    @Path("{id}/decline")
    public Introduction decline(@PathParam("id") String id, @NotNull(message = "a JSON body with the reason is required")
                                @Valid Reason reason) {
        return introductions.decline(viewer.user(), id(id), reason.reason);
    }

    @POST
    @Path("{id}/outcome")
    public Introduction outcome(@PathParam("id") String id, @NotNull(message = "a JSON body with the outcome is required")
                                @Valid IntroductionOutcome outcome) {
        return introductions.recordOutcome(viewer.user(), id(id), outcome);
    }

    private static long id(String text) {
        return Params.id("id", text).orElseThrow(() -> new InvalidInput("id: required."));
    }

    /** Why a proposal is declined. */
    public static class Reason {
        @Size(max = 1000)
        public String reason;
    }
}
