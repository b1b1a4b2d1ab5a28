package org.rapport.outbox;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.rapport.customers.CustomerService;
import org.rapport.platform.security.Access;
import org.rapport.platform.security.Viewer;
import org.rapport.platform.web.Params;

import java.util.List;

/** The outbox: search it, compose into it, resend what failed. */
@Path("outbox")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"SALES", "MANAGER", "ADMIN"})
public class OutboxResource {

    @Inject
    OutboxService outbox;

    @Inject
    ComposeService composer;

    @Inject
    CustomerService customers;

    @Inject
    Viewer viewer;

    /** Newest first; {@code before} (an id) pages on. A salesperson sees their customers' mail, a manager their team's. */
    @GET
    public List<OutboxView> search(@QueryParam("status") String status, @QueryParam("customer") String customer,
                                   @QueryParam("template") String template, @QueryParam("q") String q,
                                   @QueryParam("before") String before,
                                   @QueryParam("limit") String limit) {
        Access access = viewer.access();
        String named = Params.text("customer", customer, 64);
        Long customerId = named == null ? null : customers.requireVisible(access, named);
        return outbox.search(access, OutboxFilter.of(status, customerId, template, q, before, Params.limit(limit, 100)));
    }

    @GET
    @Path("{id}")
    public OutboxView get(@PathParam("id") long id) {
        return outbox.require(viewer.access(), id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response compose(@Valid @NotNull ComposeRequest request) {
        MailTemplate template = composer.composable(request.template);
        Params.locale("locale", request.locale);
        long customerId = customers.requireVisible(viewer.access(), request.customer.strip());
        OutboxService.Enqueued enqueued = composer.compose(viewer.user(), template, customerId, request.locale,
                request.fields, request.notBefore == null ? null : request.notBefore.toInstant(), request.idempotencyKey);
        OutboxView view = outbox.find(enqueued.id()).orElseThrow();
        return Response.status(enqueued.created() ? Response.Status.CREATED : Response.Status.OK).entity(view).build();
    }

    @POST
    @Path("{id}/resend")
    @RolesAllowed("ADMIN")
    public OutboxView resend(@PathParam("id") long id) {
        return outbox.resend(viewer.access(), id);
    }
}
