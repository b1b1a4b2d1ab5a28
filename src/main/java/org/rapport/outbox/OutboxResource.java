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
import org.rapport.mail.TemplateRenderer;
import org.rapport.platform.errors.InvalidInput;
import org.rapport.platform.security.Access;
import org.rapport.platform.security.Viewer;
import org.rapport.platform.web.Params;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The outbox: search it, compose into it, resend what failed. */
@Path("outbox")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"SALES", "MANAGER", "ADMIN"})
public class OutboxResource {

    @Inject
    OutboxService outbox;

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
        String name = Params.text("template", template, 64);
        if (name != null && !TemplateRenderer.NAMES.contains(name)) {
            throw new InvalidInput("template: '" + template + "' is none of " + TemplateRenderer.NAMES + ".");
        }
        Access access = viewer.access();
        String named = Params.text("customer", customer, 64);
        Long customerId = named == null ? null : customers.requireVisible(access, named);
        return outbox.search(access, new OutboxFilter(Params.oneOf("status", status, OutboxStatus.class), customerId, name,
                Params.text("q", q, 200), Params.id("before", before).orElse(null), Params.limit(limit, 100)));
    }

    @GET
    @Path("{id}")
    public OutboxView get(@PathParam("id") long id) {
        return outbox.require(viewer.access(), id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response compose(@Valid @NotNull ComposeRequest request) {
        if (!TemplateRenderer.NAMES.contains(request.template)) {
            throw new InvalidInput("template: '" + request.template + "' is none of " + TemplateRenderer.NAMES + ".");
        }
        if (!MailPurpose.of(request.template).isOutreach()) {
            throw new InvalidInput("template: " + request.template + " is internal mail; Rapport sends it itself.");
        }
        Params.locale("locale", request.locale);
        long customerId = customers.requireVisible(viewer.access(), request.customer.strip());
        String key = "api:" + (request.idempotencyKey == null || request.idempotencyKey.isBlank()
                ? UUID.randomUUID().toString() : viewer.user().username() + ":" + request.idempotencyKey.strip());
        Instant notBefore = request.notBefore == null ? outbox.now() : request.notBefore.toInstant();
        OutboxService.Enqueued enqueued = outbox.enqueue(new Mail(key, request.template, customerId, null, request.locale,
                request.fields, notBefore));
        OutboxView view = outbox.find(enqueued.id()).orElseThrow();
        return Response.status(enqueued.created() ? Response.Status.CREATED : Response.Status.OK).entity(view).build();
    }

    @POST
    @Path("{id}/resend")
    @RolesAllowed("ADMIN")
    public OutboxView resend(@PathParam("id") long id) {
        return outbox.resend(id);
    }
}
