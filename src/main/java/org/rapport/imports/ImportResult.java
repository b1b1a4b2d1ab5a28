package org.rapport.imports;

import java.util.ArrayList;
import java.util.List;

/** The answer to an import: counts of stored rows and every rejection. */
public final class ImportResult {

    private static final int MAX_REJECTIONS = 10_000;

    private long created;
    private long updated;
    private long unchanged;
    private long rejectedRows;
    private final List<Rejection> rejected = new ArrayList<>();
    private final List<Warning> warnings = new ArrayList<>();

    public void add(Counts counts) {
        created += counts.created();
        updated += counts.updated();
        unchanged += counts.unchanged();
    }

    public void reject(Rejection rejection) {
        if (rejected.size() < MAX_REJECTIONS) {
            rejected.add(rejection);
        }
    }

    public void warn(Warning warning) {
        if (warnings.size() < MAX_REJECTIONS) {
            warnings.add(warning);
        }
    }

    public void rowRejected() {
        rejectedRows++;
    }

    public long created() {
        return created;
    }

    public long updated() {
        return updated;
    }

    public long unchanged() {
        return unchanged;
    }

    /** Rows not stored (a row may have several rejections). */
    public long rejectedRows() {
        return rejectedRows;
    }

    public List<Rejection> rejected() {
        return rejected;
    }

    /** Rows stored with a warning (the first 10,000). */
    public List<Warning> warnings() {
        return warnings;
    }

    /** What one batch of valid rows did to the database. */
    public record Counts(long created, long updated, long unchanged) {
        public static final Counts NONE = new Counts(0, 0, 0);

        public Counts plus(Counts other) {
            return new Counts(created + other.created, updated + other.updated, unchanged + other.unchanged);
        }
    }
}
