package org.rapport.users;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/** Logins, for admins: list, create, change (role, salesperson, enabled) and set a new password. */
@Path("users")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("ADMIN")
public class UserResource {

    @Inject
    UserService users;

    @GET
    public List<UserView> list() {
        return users.all();
    }

    @POST
    public Response create(@NotNull(message = "a JSON body is required") @Valid CreateUserRequest request) {
        return Response.status(Response.Status.CREATED).entity(users.create(request)).build();
    }

    @PUT
    @Path("{username}")
    public UserView update(@PathParam("username") String username,
                           @NotNull(message = "a JSON body is required") @Valid UpdateUserRequest request) {
        return users.update(username, request);
    }

    @PUT
    @Path("{username}/password")
    public Response resetPassword(@PathParam("username") String username,
                                  @NotNull(message = "a JSON body is required") @Valid PasswordRequest request) {
        users.resetPassword(username, request.password);
        return Response.noContent().build();
    }
}
