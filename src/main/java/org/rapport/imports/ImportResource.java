package org.rapport.imports;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.rapport.platform.errors.NotFound;

import java.io.InputStream;
import java.util.List;

@Path("import")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("ADMIN")
public class ImportResource {

    @Inject
    CsvImporter csv;

    @Inject
    Importers importers;

    /** Streams an RFC 4180 file into customers, salespeople, purchases, problems (upsert by external_id), exchange rates or categories (upsert by code). */
    @POST
    @Path("{kind}")
    @Consumes({"text/csv", "application/csv"})
    public ImportAnswer importCsv(@PathParam("kind") String kind, InputStream body) {
        RowImporter<?> importer = importers.of(kind)
                .orElseThrow(() -> new NotFound("There is no import of '" + kind
                        + "'; use customers, salespeople, purchases, problems, exchange-rates or categories."));
        ImportResult result = csv.run(body, importer);
        return new ImportAnswer(result.created(), result.updated(), result.unchanged(), result.rejected(), result.warnings());
    }

    /** The SPEC's answer shape, plus the rows stored with a warning. */
    public record ImportAnswer(long created, long updated, long unchanged, List<Rejection> rejected, List<Warning> warnings) {
    }
}
