package org.rapport.suppression;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * For admins: put an address on the suppression list directly, and ask whether one is on it. There is no listing: the
 * list holds only hashes, and an answer per address is all it can give.
 */
@Path("suppression")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("ADMIN")
public class SuppressionResource {

    @Inject
    SuppressionList list;

    @POST
    public Response add(@NotNull(message = "a JSON body is required") @Valid SuppressionRequest request) {
        list.add(request.email, SuppressionList.Source.ADMIN);
        return Response.noContent().build();
    }

    @POST
    @Path("check")
    public Check check(@NotNull(message = "a JSON body is required") @Valid SuppressionRequest request) {
        return new Check(list.contains(request.email));
    }

    public record Check(boolean suppressed) {
    }
}
