package org.rapport.problems;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.rapport.platform.security.Viewer;

@Path("problems")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"SALES", "MANAGER", "ADMIN"})
public class ProblemResource {

    @Inject
    ProblemService problems;

    @Inject
    Viewer viewer;

    @POST
    public Response record(@NotNull(message = "a JSON body is required") @Valid ProblemRequest request) {
        return Response.status(Response.Status.CREATED).entity(problems.record(viewer.access(), request)).build();
    }

    @POST
    @Path("{externalId}/resolve")
    public Problem resolve(@PathParam("externalId") String externalId, @Valid ResolveRequest request) {
        return problems.resolve(viewer.access(), externalId, request);
    }
}
