package org.rapport.outbox;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.rapport.customers.CustomerService;
import org.rapport.platform.security.Viewer;
import org.rapport.platform.web.Params;

import java.util.List;

/**
 * A customer's history of messages and the responses each drew (clicks, replies, bounces, unsubscribes). A root
 * resource of its own: its longer literal path wins over {@code customers/{externalId}} in JAX-RS matching.
 */
@Path("customers/{externalId}/messages")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"SALES", "MANAGER", "ADMIN"})
public class CustomerMessagesResource {

    @Inject
    OutboxService outbox;

    @Inject
    CustomerService customers;

    @Inject
    Viewer viewer;

    @GET
    public List<OutboxView> history(@PathParam("externalId") String externalId,
                                    @QueryParam("limit") String limit) {
        int rows = Params.limit(limit, 100);
        return outbox.history(viewer.access(), customers.requireVisible(viewer.access(), externalId), rows);
    }
}
