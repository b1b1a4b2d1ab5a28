package org.rapport.privacy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.rapport.platform.errors.InvalidInput;
import org.rapport.platform.security.Viewer;
import org.rapport.platform.web.Params;

import java.util.List;

/** The admin's queue of customers' data requests: {@code GET /api/data-requests}, then done or declined. */
@Path("data-requests")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("ADMIN")
public class DataRequestResource {

    @Inject
    DataRequestService requests;

    @Inject
    Viewer viewer;

    /** Newest first; {@code status} (OPEN, DONE, DECLINED) narrows the list. */
    @GET
    public List<DataRequest> list(@QueryParam("status") String status) {
        return requests.list(Params.oneOf("status", status, DataRequestStatus.class));
    }

    @POST
    @Path("{id}/done")
    public DataRequest done(@PathParam("id") String id) {
        return requests.move(idOf(id), DataRequestStatus.DONE, viewer.user().username());
    }

    @POST
    @Path("{id}/declined")
    public DataRequest declined(@PathParam("id") String id) {
        return requests.move(idOf(id), DataRequestStatus.DECLINED, viewer.user().username());
    }

    private static long idOf(String id) {
        return Params.id("id", id).orElseThrow(() -> new InvalidInput("id: a data request's id is needed."));
    }
}
