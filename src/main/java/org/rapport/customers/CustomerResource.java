package org.rapport.customers;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.rapport.platform.security.Role;
import org.rapport.platform.security.Viewer;
import org.rapport.platform.web.ApiException;

import java.util.List;

@Path("customers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"SALES", "MANAGER", "ADMIN"})
public class CustomerResource {

    @Inject
    CustomerService customers;

    @Inject
    Viewer viewer;

    /** Customers the caller may see; {@code owner} narrows to one salesperson (a salesperson may name only themselves). */
    @GET
    public List<CustomerSummary> list(@QueryParam("owner") @Size(max = 64) String owner,
                                      @QueryParam("tier") String tier,
                                      @QueryParam("q") @Size(max = 200) String q,
                                      @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit,
                                      @QueryParam("offset") @DefaultValue("0") @Min(0) int offset) {
        var user = viewer.user();
        if (owner != null && user.role() == Role.SALES && !owner.equals(user.salespersonExternalId())) {
            throw ApiException.forbidden("A salesperson sees only their own customers; owner=" + owner + " is someone else.");
        }
        return customers.search(viewer.scope(), owner, tier(tier), q, limit, offset);
    }

    @GET
    @Path("{externalId}")
    public CustomerDetail get(@PathParam("externalId") String externalId) {
        return customers.detail(viewer.scope(), externalId);
    }

    private static Tier tier(String tier) {
        if (tier == null || tier.isBlank()) {
            return null;
        }
        try {
            return Tier.valueOf(tier.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("tier must be TOP10, TOP100 or STANDARD, not '" + tier + "'.");
        }
    }
}
