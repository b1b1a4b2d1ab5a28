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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Variant;
import org.rapport.platform.security.Viewer;
import org.rapport.platform.web.Params;

import java.util.List;

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

    private static final List<Variant> FORMATS = Variant.mediaTypes(MediaType.APPLICATION_JSON_TYPE, CSV).build();

    @Inject
    PollResultsService results;

    @Inject
    Viewer viewer;

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv;charset=UTF-8"})
    public Response results(@PathParam("id") long id, @PathParam("file") String file, @QueryParam("team") String team,
                            @Context Request request) {
        PollResults read = results.results(viewer.access(), id, Params.text("team", team, 64));
        Variant chosen = request.selectVariant(FORMATS);
        if (file.endsWith(".csv") || (chosen != null && chosen.getMediaType().isCompatible(CSV))) {
            return Response.ok(PollResultsCsv.of(read), CSV).build();
        }
        return Response.ok(read, MediaType.APPLICATION_JSON_TYPE).build();
    }
}
