package org.rapport.netweaving;

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
import org.rapport.platform.security.Viewer;
import org.rapport.platform.web.Params;

import java.util.List;
import java.util.Map;

/**
 * Rewards: a salesperson sees their customers', a manager their team's, an admin all. An admin, or the manager of the
 * team whose budget a reward counts against, approves, rejects and corrects it; whoever reaches the customer proposes
 * and fulfils.
 */
@Path("rewards")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"SALES", "MANAGER", "ADMIN"})
public class RewardResource {

    @Inject
    RewardService rewards;

    @Inject
    CustomerService customers;

    @Inject
    Viewer viewer;

    /** Newest first, each with its ledger. */
    @GET
    public List<RewardView> search(@QueryParam("status") String status, @QueryParam("limit") String limit) {
        return rewards.search(viewer.access(), Params.oneOf("status", status, RewardStatus.class), Params.limit(limit, 100));
    }

    @GET
    @Path("{id}")
    public RewardView get(@PathParam("id") long id) {
        return rewards.require(viewer.access(), id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response propose(@Valid @NotNull ProposeRequest request) {
        long customerId = customers.requireVisible(viewer.access(), request.customer.strip());
        RewardService.Proposed proposed = rewards.proposeAs(viewer.user(), request.kind, customerId, request.subject,
                request.reason);
        return Response.status(proposed.created() ? Response.Status.CREATED : Response.Status.OK).entity(proposed.reward()).build();
    }

    /** Runs the daily reward rules now, as the nightly job does (admin). */
    @POST
    @Path("run")
    @RolesAllowed("ADMIN")
    public Map<String, Integer> run() {
        return Map.of("proposed", rewards.proposeDue());
    }

    @POST
    @Path("{id}/approve")
    public RewardView approve(@PathParam("id") long id) {
        return rewards.approve(viewer.user(), id);
    }

    @POST
    @Path("{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    public RewardView reject(@PathParam("id") long id, @Valid @NotNull RejectRequest request) {
        return rewards.reject(viewer.user(), id, request.reason);
    }

    /** A correction: a new ledger entry (201), never a change of an earlier one. */
    @POST
    @Path("{id}/corrections")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response correct(@PathParam("id") long id, @Valid @NotNull CorrectionRequest request) {
        return Response.status(Response.Status.CREATED).entity(rewards.correct(viewer.user(), id, request.amount,
                request.currency, request.note, request.reason)).build();
    }

    @POST
    @Path("{id}/fulfil")
    @Consumes(MediaType.APPLICATION_JSON)
    public RewardView fulfil(@PathParam("id") long id, @Valid @NotNull FulfilRequest request) {
        return rewards.fulfil(viewer.user(), id, request.given, request.description);
    }
}
