package org.rapport.imports;

import org.rapport.imports.ImportResult.Counts;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What one kind of CSV file means: its columns, how a record becomes a typed row, and how a batch of valid rows is
 * stored (upsert by external id; a row whose content did not change is left alone). Implementations are CDI beans whose
 * {@link #store} runs in its own transaction, so every stored batch stays stored.
 */
public interface RowImporter<R> {

    /** The path segment: customers, salespeople, purchases, problems, exchange-rates or categories. */
    String kind();

    Set<String> columns();

    Set<String> requiredColumns();

    /** Reads a record; returns null when the row recorded a rejection. */
    R parse(Row row);

    String externalId(R row);

    /** The column a duplicate key is reported on, and how the key is named, for rows keyed by something else. */
    default String keyColumn() {
        return "external_id";
    }

    default String keyName() {
        return "external_id";
    }

    /** Called once before the first row, to load what rows refer to (salespeople, categories). */
    default void prepare() {
    }

    /** How many valid rows to store at once; salespeople are stored all together, as rows refer to each other. */
    default int batchSize() {
        return 1000;
    }

    Counts store(List<Parsed<R>> batch, Consumer<Rejection> reject);

    record Parsed<R>(long line, R row) {
    }
}
