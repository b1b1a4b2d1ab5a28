package org.rapport.imports;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.file.UploadedFile;
import org.rapport.platform.errors.NotFound;
import org.rapport.platform.pages.Feedback;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;

/**
 * {@code /admin/import}: an admin uploads a CSV file of one kind; it goes through the same {@link CsvImporter} and
 * {@link RowImporter} as {@code POST /api/import/{kind}}, so the rules live in one place. The answer (counts and
 * rejected rows) is kept for the session ({@link ImportReports}); {@code /admin/import-rejected.csv} downloads its
 * rejected rows.
 */
@Named
@RequestScoped
public class ImportPage {

    /** The kinds offered on the page, in the order an empty system needs them. */
    static final List<String> KINDS = List.of("salespeople", "customers", "purchases", "problems");

    @Inject
    CsvImporter csv;

    @Inject
    Importers importers;

    @Inject
    ImportReports reports;

    @Inject
    Feedback feedback;

    @Inject
    Clock clock;

    public List<String> getKinds() {
        return KINDS;
    }

    public ImportReport getReport() {
        return reports.last().orElse(null);
    }

    /** One uploaded file; the kind is the upload component's attribute {@code kind}. */
    public void upload(FileUploadEvent event) {
        String kind = String.valueOf(event.getComponent().getAttributes().get("kind"));
        UploadedFile file = event.getFile();
        // the report below the uploads is the answer; no page message (the result stays until the next import)
        feedback.attempt(null, () -> {
            RowImporter<?> importer = importers.of(kind).filter(i -> KINDS.contains(kind))
                    .orElseThrow(() -> new NotFound("There is no import of '" + kind + "'."));
            try (InputStream in = file.getInputStream()) {
                ImportReport report = ImportReport.of(kind, file.getFileName(), clock.instant(), csv.run(in, importer));
                reports.keep(report);
                return report;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
