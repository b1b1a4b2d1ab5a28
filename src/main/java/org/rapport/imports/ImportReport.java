package org.rapport.imports;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** What the import page shows of one uploaded file: its counts, its rejected rows and the rows stored with a warning. */
public record ImportReport(String kind, String fileName, Instant at, long created, long updated, long unchanged,
                           long rejectedRows, List<Rejection> rejected, List<Warning> warnings) implements Serializable {

    static ImportReport of(String kind, String fileName, Instant at, ImportResult result) {
        return new ImportReport(kind, fileName, at, result.created(), result.updated(), result.unchanged(),
                result.rejectedRows(), List.copyOf(result.rejected()), List.copyOf(result.warnings()));
    }
}
