package org.rapport.planning;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.rapport.customers.CustomerService;
import org.rapport.platform.security.Viewer;
import org.rapport.platform.web.ApiException;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"SALES", "MANAGER", "ADMIN"})
public class PlanningResource {

    private static final Set<String> STATUSES = java.util.EnumSet.allOf(PlannedTouchStatus.class).stream().map(Enum::name)
            .collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new));

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
        LocalDate day;
        try {
            day = LocalDate.parse(date.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("date: '" + date + "' is not a date (YYYY-MM-DD).");
        }
        Instant now = clock.instant();
        return planning.planAll(day.atTime(LocalTime.ofInstant(now, ZoneOffset.UTC)).toInstant(ZoneOffset.UTC));
    }

    /** The latest served planning times (scheduled and at start), newest first. */
    @GET
    @Path("planning/runs")
    @RolesAllowed("ADMIN")
    public List<PlanningRunView> runs(@QueryParam("limit") @DefaultValue("50") int limit) {
        if (limit < 1 || limit > 1000) {
            throw ApiException.badRequest("limit must be between 1 and 1000, not " + limit + ".");
        }
        return planning.runs(limit);
    }

    @GET
    @Path("planned-touches")
    public List<PlannedTouchView> search(@QueryParam("customer") String customer, @QueryParam("status") String status,
                                         @QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw ApiException.badRequest("limit must be between 1 and 1000, not " + limit + ".");
        }
        if (status != null && !STATUSES.contains(status)) {
            throw ApiException.badRequest("status must be one of " + STATUSES + ", not '" + status + "'.");
        }
        Long customerId = customer == null || customer.isBlank() ? null : customers.requireVisible(viewer.scope(), customer.strip());
        return planning.search(viewer.scope(), customerId, status, limit);
    }
}
