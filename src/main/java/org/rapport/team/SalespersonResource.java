package org.rapport.team;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
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
        return team.visibleTo(viewer.scope());
    }
}
