package org.rapport.imports;

import org.junit.jupiter.api.Test;
import org.rapport.imports.ImportResult.Counts;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The streaming CSV engine, driven with a plain in-memory importer. */
class CsvImporterTest {

    final CsvImporter csv = new CsvImporter();
    final Recorder recorder = new Recorder();

    CsvImporterTest() {
        csv.maxRecordChars = 1000;
    }

    ImportResult run(String text) {
        ImportResult result = new ImportResult();
        csv.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), recorder, result);
        return result;
    }

    @Test
    void validRowsAreStoredInBatchesWithTheirLineNumbers() {
        recorder.batchSize = 2;

        ImportResult result = run("id,name\r\n1,a\r\n2,b\r\n3,c\r\n");

        assertThat(recorder.batches).hasSize(2);
        assertThat(recorder.stored()).containsExactly("2:1", "3:2", "4:3");
        assertThat(result.created()).isEqualTo(3);
    }

    @Test
    void lineNumbersCountTheLinesInsideQuotedFields() {
        ImportResult result = run("id,name\n1,\"two\nlines\"\n,missing id\n");

        assertThat(recorder.stored()).containsExactly("2:1");
        assertThat(result.rejected()).singleElement().extracting(Rejection::line).isEqualTo(4L);
    }

    @Test
    void blankLinesAreSkippedWithoutShiftingLineNumbers() {
        run("id,name\n\n1,a\n\n2,b\n");

        assertThat(recorder.stored()).containsExactly("3:1", "5:2");
    }

    @Test
    void aDuplicateIdIsRejectedNamingTheLineThatWasKept() {
        ImportResult result = run("id,name\n1,a\n2,b\n1,c\n");

        assertThat(recorder.stored()).containsExactly("2:1", "3:2");
        assertThat(result.rejected()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(4);
            assertThat(r.column()).isEqualTo("external_id");
            assertThat(r.reason()).contains("line 2");
        });
        assertThat(result.rejectedRows()).isEqualTo(1);
    }

    @Test
    void unknownColumnsAreReportedAndIgnored() {
        ImportResult result = run("id,name,colour\n1,a,red\n");

        assertThat(recorder.stored()).containsExactly("2:1");
        assertThat(result.rejected()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(1);
            assertThat(r.column()).isEqualTo("colour");
            assertThat(r.reason()).startsWith("unknown column");
        });
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstColumnName() {
        run("\uFEFFid,name\n1,a\n");

        assertThat(recorder.stored()).containsExactly("2:1");
    }

    @Test
    void anEmptyFileOrAMissingRequiredColumnRefusesTheWholeFile() {
        assertThatThrownBy(() -> run("")).isInstanceOf(CsvFormatException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> run("name\na\n")).isInstanceOf(CsvFormatException.class)
                .hasMessageContaining("lacks the required column(s) id");
        assertThat(recorder.batches).isEmpty();
    }

    @Test
    void anUnterminatedQuoteIsReportedAtItsLineAndEarlierRowsAreKept() {
        ImportResult result = run("id,name\n1,a\n2,\"never closed\n3,c\n");

        assertThat(recorder.stored()).containsExactly("2:1");
        assertThat(result.rejected()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(3);
            assertThat(r.reason()).startsWith("malformed CSV");
        });
    }

    @Test
    void aRowLongerThanTheLimitStopsTheImportInsteadOfFillingMemory() {
        csv.maxRecordChars = 10;

        ImportResult result = run("id,name\n1,a\n2,\"" + "x".repeat(200_000) + "\"\n");

        assertThat(recorder.stored()).containsExactly("2:1");
        assertThat(result.rejected()).singleElement().extracting(Rejection::reason).asString().contains("longer than 10 characters");
    }

    @Test
    void rejectionsFromTheStoreAreCountedAsRejectedRows() {
        recorder.rejectIds = Set.of("2");

        ImportResult result = run("id,name\n1,a\n2,b\n");

        assertThat(result.created()).isEqualTo(1);
        assertThat(result.rejectedRows()).isEqualTo(1);
        assertThat(result.rejected()).singleElement().extracting(Rejection::line).isEqualTo(3L);
    }

    /** Stores rows in memory; a row is (id, name), id required. */
    static final class Recorder implements RowImporter<String[]> {
        final List<List<Parsed<String[]>>> batches = new ArrayList<>();
        int batchSize = 1000;
        Set<String> rejectIds = Set.of();

        List<String> stored() {
            return batches.stream().flatMap(List::stream).map(p -> p.line() + ":" + p.row()[0]).toList();
        }

        @Override
        public String kind() {
            return "test";
        }

        @Override
        public Set<String> columns() {
            return Set.of("id", "name");
        }

        @Override
        public Set<String> requiredColumns() {
            return Set.of("id");
        }

        @Override
        public String[] parse(Row row) {
            String id = row.required("id", 10);
            String name = row.text("name", 100);
            return row.valid() ? new String[] {id, name} : null;
        }

        @Override
        public String externalId(String[] row) {
            return row[0];
        }

        @Override
        public int batchSize() {
            return batchSize;
        }

        @Override
        public Counts store(List<Parsed<String[]>> batch, Consumer<Rejection> reject) {
            List<Parsed<String[]>> kept = new ArrayList<>();
            for (Parsed<String[]> p : batch) {
                if (rejectIds.contains(p.row()[0])) {
                    reject.accept(new Rejection(p.line(), "id", p.row()[0], "refused by the store"));
                } else {
                    kept.add(p);
                }
            }
            batches.add(kept);
            return new Counts(kept.size(), 0, 0);
        }
    }
}
