package org.rapport.reports;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.rapport.platform.web.CsvCells;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** Reports as CSV for spreadsheets: one row per line of the JSON report, the total last. */
final class ReportCsv {

    private static final String[] RESPONSES = {"template", "locale", "sent", "clicked", "replied", "unsubscribed", "bounced",
            "ratings", "average_rating", "click_rate", "reply_rate"};

    private ReportCsv() {
    }

    static String responses(ResponsesReport report) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(RESPONSES).get())) {
            for (ResponseFigures f : report.templates()) {
                printer.printRecord(responseCells(f.template(), f.locale(), f));
            }
            printer.printRecord(responseCells("TOTAL", "", report.total()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static Object[] responseCells(String template, String locale, ResponseFigures f) {
        return CsvCells.of(template, locale, f.sent(), f.clicked(), f.replied(), f.unsubscribed(), f.bounced(), f.ratings(),
                f.averageRating(), f.clickRate(), f.replyRate());
    }
}
