package org.rapport.customers;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;


@Path("tiers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TierResource {

    @Inject
    TierService tiers;

    /**
     * Recomputes tiers now instead of waiting for the nightly job (admin): {@code changed}, the company {@code currency}
     * and the purchases left out for want of an exchange rate ({@code unconverted}).
     */
    @POST
    @Path("recompute")
    @RolesAllowed("ADMIN")
    public TierService.Recomputed recompute() {
        return tiers.recompute();
    }
}
