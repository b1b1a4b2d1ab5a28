package org.rapport.polls;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.rapport.platform.security.Viewer;
import org.rapport.platform.web.Params;

/**
 * {@code GET /api/polls/{id}/results} as JSON, or as CSV at {@code results.csv} or with {@code Accept: text/csv}. For the
 * managers and admins who define polls; a salesperson gets 403. Its own root path beside the polls resource: the more
 * specific path wins, {@code /polls/{id}} stays the polls resource's.
 */
@Path("polls/{id: \\d+}/{file: results(\\.csv)?}")
@RequestScoped
@RolesAllowed({"MANAGER", "ADMIN"})
public class PollResultsResource {

    static final MediaType CSV = MediaType.valueOf("text/csv;charset=UTF-8");

    @Inject
    PollResultsService results;

    @Inject
    Viewer viewer;

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv;charset=UTF-8"})
    public Response results(@PathParam("id") long id, @PathParam("file") String file, @QueryParam("team") String team,
                            @Context HttpHeaders headers) {
        PollResults read = results.results(viewer.access(), id, Params.text("team", team, 64));
        if (file.endsWith(".csv") || csvPreferred(headers.getAcceptableMediaTypes())) {
            return Response.ok(PollResultsCsv.of(read), CSV).build();
        }
        return Response.ok(read, MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** Whether the first of the accepted types (most preferred first) that names either format names CSV; JSON by default. */
    static boolean csvPreferred(java.util.List<MediaType> accepted) {
        for (MediaType type : accepted) {
            if (type.isWildcardType() || type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (type.isCompatible(CSV)) {
                return true;
            }
        }
        return false;
    }
}
