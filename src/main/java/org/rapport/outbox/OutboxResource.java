package org.rapport.outbox;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.rapport.customers.CustomerService;
import org.rapport.platform.errors.InvalidInput;
import org.rapport.platform.security.Role;
import org.rapport.platform.security.Scope;
import org.rapport.platform.security.Viewer;
import org.rapport.platform.web.ApiException;

import java.util.List;
import java.util.Locale;

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
                                   @QueryParam("before") Long before,
                                   @QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw ApiException.badRequest("limit must be between 1 and 1000, not " + limit + ".");
        }
        if (q != null && q.length() > 200) {
            throw ApiException.badRequest("q must be at most 200 characters.");
        }
        if (template != null && MailTemplate.byName(template).isEmpty()) {
            throw ApiException.badRequest("template: '" + template + "' is none of " + MailTemplate.names() + ".");
        }
        Scope scope = viewer.scope();
        Long customerId = customer == null || customer.isBlank() ? null : customers.requireVisible(scope, customer.strip());
        Long ownerId = scope.isRestricted() && !scope.isTeam() ? scope.salespersonId() : null;
        Long teamOf = scope.isTeam() ? scope.salespersonId() : null;
        return outbox.search(new OutboxFilter(status(status), customerId, template, blankToNull(q), ownerId, teamOf, before, limit));
    }

    @GET
    @Path("{id}")
    public OutboxView get(@PathParam("id") long id) {
        OutboxView message = outbox.find(id).orElseThrow(() -> ApiException.notFound("There is no outbox message " + id + "."));
        requireVisible(message);
        return message;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response compose(@Valid @NotNull ComposeRequest request) {
        MailTemplate template = composer.composable(request.template);
        if (request.locale != null) {
            try {
                new Locale.Builder().setLanguageTag(request.locale);
            } catch (java.util.IllformedLocaleException e) {
                throw new InvalidInput("locale: '" + request.locale + "' is not a BCP 47 language tag.");
            }
        }
        long customerId = customers.requireVisible(viewer.scope(), request.customer.strip());
        OutboxService.Enqueued enqueued = null;
        for (int attempt = 1; enqueued == null; attempt++) {
            try {
                enqueued = composer.compose(viewer.user(), template, customerId, request.locale, request.fields,
                        request.notBefore == null ? null : request.notBefore.toInstant(), request.idempotencyKey);
            } catch (RuntimeException e) {
                // the database chose this insert as a deadlock victim next to a dispatcher: nothing was written, try again
                if (attempt == 3 || !ComposeService.rolledBackByDatabase(e)) {
                    throw e;
                }
            }
        }
        OutboxView view = outbox.find(enqueued.id()).orElseThrow();
        return Response.status(enqueued.created() ? Response.Status.CREATED : Response.Status.OK).entity(view).build();
    }

    @POST
    @Path("{id}/resend")
    @RolesAllowed("ADMIN")
    public OutboxView resend(@PathParam("id") long id) {
        return outbox.resend(id);
    }

    private void requireVisible(OutboxView message) {
        Scope scope = viewer.scope();
        if (!scope.isRestricted()) {
            return;
        }
        if (message.customer != null) {
            customers.requireVisible(scope, message.customer);
        } else if (viewer.user().role() != Role.ADMIN && !message.salesperson.equals(viewer.user().salespersonExternalId())) {
            throw ApiException.forbidden("Outbox message " + message.id + " is addressed to someone else.");
        }
    }

    private static OutboxStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return OutboxStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("status must be one of PENDING, SENDING, SENT, FAILED, SUPPRESSED, not '" + status + "'.");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
