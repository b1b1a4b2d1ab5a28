package org.rapport.money;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The company currency and exchange rates: everyone reads them (amounts are shown converted), an admin replaces them. */
@Path("exchange-rates")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"SALES", "MANAGER", "ADMIN"})
public class ExchangeRatesResource {

    @Inject
    ExchangeRateService rates;

    @GET
    public ExchangeRatesDocument get() {
        return rates.document();
    }

    @PUT
    @RolesAllowed("ADMIN")
    public ExchangeRatesDocument put(@Valid @NotNull ExchangeRatesDocument document) {
        return rates.replace(document);
    }
}
