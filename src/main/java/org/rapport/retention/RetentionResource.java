package org.rapport.retention;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code POST /api/retention/run}: the nightly retention now (admin), with what it removed. */
@Path("retention")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("ADMIN")
public class RetentionResource {

    @Inject
    RetentionService retention;

    @POST
    @Path("run")
    public RetentionService.Report run() {
        return retention.run();
    }
}
