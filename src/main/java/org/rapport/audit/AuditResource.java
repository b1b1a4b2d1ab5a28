package org.rapport.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.rapport.platform.security.Viewer;

/**
 * {@code GET /api/audit?actor=&kind=&from=&to=&limit=&cursor=}: the audit trail, newest first, for admins. Pass the
 * answer's {@code next} as {@code cursor} for the following page.
 */
@Path("audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("ADMIN")
public class AuditResource {

    @Inject
    AuditTrail trail;

    @Inject
    Viewer viewer;

    @GET
    public AuditTrail.EventPage search(@QueryParam("actor") String actor, @QueryParam("kind") String kind,
                                       @QueryParam("from") String from, @QueryParam("to") String to,
                                       @QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        return trail.search(viewer.access(), AuditFilter.parse(actor, kind, from, to, cursor, limit));
    }
}
