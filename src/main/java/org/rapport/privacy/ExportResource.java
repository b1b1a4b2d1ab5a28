package org.rapport.privacy;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.rapport.platform.errors.InvalidInput;

import java.util.Locale;

/**
 * {@code GET /api/customers/{externalId}/export}, admins only: JSON, or with {@code ?format=csv} (or
 * {@code Accept: application/zip} alone) a zip of one CSV file per section. The path ends in {@code export} at the class,
 * so this resource never shadows {@code GET /api/customers/{externalId}} (Jersey picks one root resource per path).
 */
@Path("customers/{externalId}/export")
@RequestScoped
@RolesAllowed("ADMIN")
public class ExportResource {

    static final String ZIP = "application/zip";

    @Inject
    ExportService exports;

    @GET
    @Produces({MediaType.APPLICATION_JSON, ZIP})
    public Response export(@PathParam("externalId") String externalId, @QueryParam("format") String format,
                           @HeaderParam("Accept") String accept) {
        boolean zip = wantsZip(format, accept);
        CustomerExport export = exports.export(externalId);
        if (!zip) {
            return Response.ok(export.json(), MediaType.APPLICATION_JSON_TYPE).build();
        }
        StreamingOutput body = out -> ExportZip.write(export, out);
        return Response.ok(body, ZIP).header("Content-Disposition", "attachment; filename=\"customer-export.zip\"").build();
    }

    static boolean wantsZip(String format, String accept) {
        if (format == null || format.isBlank()) {
            return accept != null && accept.contains(ZIP) && !accept.contains(MediaType.APPLICATION_JSON);
        }
        return switch (format.strip().toLowerCase(Locale.ROOT)) {
            case "json" -> false;
            case "csv", "zip" -> true;
            default -> throw new InvalidInput("format: must be json or csv (a zip of CSV files), not '" + format + "'.");
        };
    }
}
