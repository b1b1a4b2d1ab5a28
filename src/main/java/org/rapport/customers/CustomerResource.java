package org.rapport.customers;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
    public List<CustomerSummary> list(@QueryParam("owner") String owner,
                                      @QueryParam("tier") String tier,
                                      @QueryParam("q") String q,
                                      @QueryParam("limit") @DefaultValue("100") int limit,
                                      @QueryParam("offset") @DefaultValue("0") int offset) {
        // checked here rather than with Bean Validation: Payara's OpenAPI scanner fails on constrained query parameters
        if (limit < 1 || limit > 1000) {
            throw ApiException.badRequest("limit must be between 1 and 1000, not " + limit + ".");
        }
        if (offset < 0) {
            throw ApiException.badRequest("offset must not be negative.");
        }
        if (q != null && q.length() > 200) {
            throw ApiException.badRequest("q must be at most 200 characters.");
        }
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
