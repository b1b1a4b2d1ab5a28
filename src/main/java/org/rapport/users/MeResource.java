package org.rapport.users;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.rapport.platform.security.Viewer;

/** The caller's own login. */
@Path("me")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"SALES", "MANAGER", "ADMIN"})
public class MeResource {

    @Inject
    UserService users;

    @Inject
    Viewer viewer;

    @PUT
    @Path("password")
    public Response changePassword(@NotNull(message = "a JSON body is required") @Valid OwnPasswordRequest request) {
        users.changeOwnPassword(viewer.user(), request);
        return Response.noContent().build();
    }
}
