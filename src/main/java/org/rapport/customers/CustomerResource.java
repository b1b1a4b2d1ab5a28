package org.rapport.customers;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.rapport.platform.security.Access;
import org.rapport.platform.security.Viewer;
import org.rapport.platform.web.Params;
import org.rapport.team.TeamService;

import java.util.List;

@Path("customers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"SALES", "MANAGER", "ADMIN"})
public class CustomerResource {

    @Inject
    CustomerService customers;

    @Inject
    TeamService team;

    @Inject
    Viewer viewer;

    /** Customers the caller may see; {@code owner} narrows to one salesperson, who must be within the caller's reach. */
    @GET
    public List<CustomerSummary> list(@QueryParam("owner") String owner,
                                      @QueryParam("tier") String tier,
                                      @QueryParam("q") String q,
                                      @QueryParam("limit") String limit,
                                      @QueryParam("offset") String offset) {
        Access access = viewer.access();
        String ownerName = Params.text("owner", owner, 64);
        if (ownerName != null) {
            team.requireReachable(access, ownerName);
        }
        return customers.search(access, ownerName, Params.oneOf("tier", tier, Tier.class), Params.text("q", q, 200),
                Params.limit(limit, 100), Params.offset(offset));
    }

    @GET
    @Path("{externalId}")
    public CustomerDetail get(@PathParam("externalId") String externalId) {
        return customers.detail(viewer.access(), externalId);
    }
}
