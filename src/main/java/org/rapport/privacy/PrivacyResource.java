package org.rapport.privacy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.rapport.platform.errors.InvalidInput;
import org.rapport.platform.security.Viewer;

/**
 * A customer's data rights, for admins only: {@code GET …/export} (JSON; {@code ?format=csv} or
 * {@code Accept: application/zip} for a zip of CSV files) and {@code POST …/erase} with the reason.
 */
@Path("customers/{externalId}")
@RequestScoped
@RolesAllowed("ADMIN")
public class PrivacyResource {

    static final String ZIP = "application/zip";

    @Inject
    ExportService exports;

    @Inject
    ErasureService erasures;

    @Inject
    Viewer viewer;

    @GET
    @Path("export")
    @Produces({MediaType.APPLICATION_JSON, ZIP})
    public Response export(@PathParam("externalId") String externalId, @QueryParam("format") String format,
                           @HeaderParam("Accept") String accept) {
        boolean zip = wantsZip(format, accept);
        CustomerExport export = exports.export(externalId);
        if (!zip) {
            return Response.ok(export.json(), MediaType.APPLICATION_JSON_TYPE).build();
        }
        StreamingOutput body = out -> ExportZip.write(export, out);
        return Response.ok(body, ZIP)
                .header("Content-Disposition", "attachment; filename=\"customer-export.zip\"").build();
    }

    static boolean wantsZip(String format, String accept) {
        if (format == null || format.isBlank()) {
            return accept != null && accept.contains(ZIP) && !accept.contains(MediaType.APPLICATION_JSON);
        }
        return switch (format.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "json" -> false;
            case "csv", "zip" -> true;
            default -> throw new InvalidInput("format: must be json or csv (a zip of CSV files), not '" + format + "'.");
        };
    }

    @POST
    @Path("erase")
    @Produces(MediaType.APPLICATION_JSON)
    public Erasure erase(@PathParam("externalId") String externalId,
                         @NotNull(message = "a JSON body with the reason is required") @Valid EraseRequest request) {
        return erasures.erase(externalId, request.reason.strip(), viewer.user().username());
    }
}
