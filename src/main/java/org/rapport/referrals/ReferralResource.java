package org.rapport.referrals;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.rapport.platform.security.Viewer;
import org.rapport.platform.web.Params;

import java.util.List;

/** Prospects recommended by the caller's customers. */
@Path("referrals")
@RequestScoped
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"SALES", "MANAGER", "ADMIN"})
public class ReferralResource {

    @Inject
    ReferralService referrals;

    @Inject
    Viewer viewer;

    @POST
    public Response recommend(@NotNull(message = "a JSON body is required") @Valid ReferralRequest request) {
        return Response.status(Response.Status.CREATED).entity(referrals.recommend(viewer.user(), request)).build();
    }

    /** Newest first; {@code customer}: only those recommended by this customer (an external id). */
    @GET
    public List<Referral> list(@QueryParam("customer") String customer) {
        return referrals.list(viewer.access(), Params.text("customer", customer, 64));
    }
}
