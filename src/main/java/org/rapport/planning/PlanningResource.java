package org.rapport.planning;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.rapport.customers.CustomerService;
import org.rapport.platform.security.Access;
import org.rapport.platform.security.Viewer;
import org.rapport.platform.web.Params;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;

@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"SALES", "MANAGER", "ADMIN"})
public class PlanningResource {

    @Inject
    PlanningService planning;

    @Inject
    CustomerService customers;

    @Inject
    Viewer viewer;

    @Inject
    Clock clock;

    /**
     * Plans every customer (admin), as of {@code date} at the present time of day, or now. Idempotent: what is already
     * planned is not planned again.
     */
    @POST
    @Path("planning/run")
    @RolesAllowed("ADMIN")
    public PlanningService.Run run(@QueryParam("date") String date) {
        if (date == null || date.isBlank()) {
            return planning.planAll();
        }
        LocalDate day = Params.date("date", date);
        Instant now = clock.instant();
        return planning.planAll(day.atTime(LocalTime.ofInstant(now, ZoneOffset.UTC)).toInstant(ZoneOffset.UTC));
    }

    /** The latest served planning times (scheduled and at start), newest first. */
    @GET
    @Path("planning/runs")
    @RolesAllowed("ADMIN")
    public List<PlanningRunView> runs(@QueryParam("limit") String limit) {
        return planning.runs(Params.limit(limit, 50));
    }

    @GET
    @Path("planned-touches")
    public List<PlannedTouchView> search(@QueryParam("customer") String customer, @QueryParam("status") String status,
                                         @QueryParam("limit") String limit) {
        int rows = Params.limit(limit, 100);
        PlannedTouchStatus wanted = Params.oneOf("status", status, PlannedTouchStatus.class);
        Access access = viewer.access();
        String named = Params.text("customer", customer, 64);
        Long customerId = named == null ? null : customers.requireVisible(access, named);
        return planning.search(access, customerId, wanted == null ? null : wanted.name(), rows);
    }
}
