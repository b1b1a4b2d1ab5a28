package org.rapport.privacy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.rapport.platform.security.Viewer;

/** {@code POST /api/customers/{externalId}/erase} with the reason, admins only; a second call changes nothing. */
@Path("customers/{externalId}/erase")
@RequestScoped
@RolesAllowed("ADMIN")
@Produces(MediaType.APPLICATION_JSON)
public class ErasureResource {

    @Inject
    ErasureService erasures;

    @Inject
    Viewer viewer;

    @POST
    public Erasure erase(@PathParam("externalId") String externalId,
                         @NotNull(message = "a JSON body with the reason is required") @Valid EraseRequest request) {
        return erasures.erase(externalId, request.reason.strip(), viewer.user().username());
    }
}
