package org.rapport.team;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.rapport.platform.security.Viewer;

import java.util.List;

@Path("salespeople")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"SALES", "MANAGER", "ADMIN"})
public class SalespersonResource {

    @Inject
    TeamService team;

    @Inject
    Viewer viewer;

    /** The salespeople the caller may see: themselves, their team, or everyone. */
    @GET
    public List<SalespersonView> list() {
        return team.visibleTo(viewer.access());
    }

    @GET
    @Path("{externalId}/absences")
    public List<Absence> absences(@PathParam("externalId") String externalId) {
        return team.absences(viewer.access(), externalId);
    }

    /** Replaces the out-of-office periods (the salesperson, their manager or an admin). */
    @PUT
    @Path("{externalId}/absences")
    @Consumes(MediaType.APPLICATION_JSON)
    public List<Absence> replaceAbsences(@PathParam("externalId") String externalId,
                                         @NotNull(message = "a JSON array is required") @Valid List<AbsenceRequest> periods) {
        return team.replaceAbsences(viewer.access(), externalId, periods);
    }
}
