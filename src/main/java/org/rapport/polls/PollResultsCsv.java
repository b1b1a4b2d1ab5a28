package org.rapport.polls;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.rapport.platform.web.CsvCells;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * A poll's results as CSV for spreadsheets, one section under the other, each row saying which it belongs to: the
 * turnout, then per question its distribution (and mean) or its themes, then the themes of the replies (position 0).
 * Cells are formula-safe: customers wrote the samples.
 */
final class PollResultsCsv {

    private static final String[] HEADER = {"section", "position", "question", "value", "answers", "share", "mean", "samples"};

    private PollResultsCsv() {
    }

    static String of(PollResults results) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER).get())) {
            printer.printRecord(CsvCells.of("recipients", null, results.title(), null, results.recipients(), null, null, null));
            printer.printRecord(CsvCells.of("answered", null, results.title(), null, results.answered(), results.responseRate(), null,
                    null));
            for (PollResults.QuestionResults q : results.questions()) {
                for (PollResults.Share s : q.distribution()) {
                    printer.printRecord(CsvCells.of("distribution", q.position(), q.text(), s.value(), s.answers(), s.share(), null, null));
                }
                if (q.kind().scale()) {
                    printer.printRecord(CsvCells.of("mean", q.position(), q.text(), null, q.answers(), null, q.mean(), null));
                }
                if (q.freeText() != null) {
                    themes(printer, q.position(), q.text(), q.freeText());
                }
            }
            themes(printer, PollResults.REPLY, "reply", results.replies());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** A row per theme, then one for the answers in none ("other"); the samples joined by " | ". */
    private static void themes(CSVPrinter printer, int position, String question, Themes.Grouping grouping) throws IOException {
        for (Themes.Theme t : grouping.themes()) {
            printer.printRecord(CsvCells.of("theme", position, question, t.label(), t.answers(), null, null,
                    String.join(" | ", t.samples())));
        }
        if (grouping.other() > 0) {
            printer.printRecord(CsvCells.of("theme", position, question, "(other)", grouping.other(), null, null,
                    String.join(" | ", grouping.otherSamples())));
        }
    }
}
