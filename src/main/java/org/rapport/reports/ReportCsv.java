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

    /** The netweaving report's sections one under the other, each row saying which section it belongs to. */
    private static final String[] NETWEAVING = {"section", "name", "second_name", "introductions", "introduced", "deals",
            "conversion", "median_days", "value"};

    private ReportCsv() {
    }

    static String netweaving(NetweavingReport report) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(NETWEAVING).get())) {
            for (NetweavingReport.Stage s : report.funnel()) {
                printer.printRecord(CsvCells.of("funnel", s.stage(), null, s.reached(), null, null, s.conversion(), s.medianDays(), null));
            }
            for (var e : report.ended().entrySet()) {
                printer.printRecord(CsvCells.of("ended", e.getKey(), null, e.getValue(), null, null, null, null, null));
            }
            for (NetweavingReport.Deals d : report.deals()) {
                printer.printRecord(CsvCells.of("deals", d.currency(), null, null, null, d.deals(), null, null, d.value()));
            }
            for (NetweavingReport.Figures f : report.salespeople()) {
                printer.printRecord(CsvCells.of("salesperson", f.salesperson(), null, f.introductions(), f.introduced(), f.deals(),
                        f.conversion(), null, null));
            }
            for (NetweavingReport.CategoryPair p : report.categoryPairs()) {
                printer.printRecord(CsvCells.of("category_pair", p.firstNeeds(), p.secondNeeds(), p.introductions(), p.introduced(),
                        p.deals(), p.conversion(), null, null));
            }
            NetweavingReport.OtherPairs other = report.otherCategoryPairs();
            if (other != null) {
                printer.printRecord(CsvCells.of("other_category_pairs", other.pairs() + " pairs", null, other.introductions(),
                        other.introduced(), other.deals(), other.conversion(), null, null));
            }
            for (NetweavingReport.RewardFigures r : report.rewards().byStatus()) {
                printer.printRecord(CsvCells.of("rewards", r.status(), r.currency(), r.rewards(), null, null, null, null, r.value()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
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
