package org.rapport.purchases;

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
import org.rapport.platform.security.Viewer;

@Path("purchases")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"SALES", "MANAGER", "ADMIN"})
public class PurchaseResource {

    @Inject
    PurchaseService purchases;

    @Inject
    Viewer viewer;

    @POST
    public Response record(@NotNull(message = "a JSON body is required") @Valid PurchaseRequest request) {
        return Response.status(Response.Status.CREATED).entity(purchases.record(viewer.access(), request)).build();
    }
}
