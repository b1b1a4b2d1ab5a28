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

    /**
     * The problems report's sections one under the other, each row saying which section it belongs to and filling the
     * columns of its section: weekly (category, week, problems), repeats (category, problems), median_hours_to_resolve
     * (category, resolved, median_hours), top_customers (customer, company, problems), follow_up_calls (category, planned
     * to cancelled) and check_in_emails (category, template, emails to low_ratings).
     */
    private static final String[] PROBLEMS = {"section", "category", "week", "template", "customer", "company", "problems",
            "resolved", "median_hours", "planned", "reached", "closed_unreached", "open", "escalated", "cancelled", "emails",
            "sent", "unsent", "answered", "replied", "rated", "average_rating", "low_ratings"};

    private ReportCsv() {
    }

    static String problems(ProblemsReport report) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(PROBLEMS).get())) {
            for (ProblemsReport.Week w : report.weekly()) {
                printer.printRecord(problemCells("weekly", w.category(), w.week(), null, null, null, w.problems()));
            }
            for (ProblemsReport.CategoryCount r : report.repeats()) {
                printer.printRecord(problemCells("repeats", r.category(), null, null, null, null, r.problems()));
            }
            for (ProblemsReport.CategoryMedian m : report.medianHoursToResolve()) {
                printer.printRecord(problemCells("median_hours_to_resolve", m.category(), null, null, null, null, null,
                        m.resolved(), m.medianHours()));
            }
            for (ProblemsReport.CustomerCount c : report.topCustomers()) {
                printer.printRecord(problemCells("top_customers", null, null, null, c.externalId(), c.company(), c.problems()));
            }
            for (ProblemOutcomes.FollowUpCalls c : report.followUpCalls()) {
                printer.printRecord(problemCells("follow_up_calls", c.category(), null, null, null, null, null, null, null,
                        c.planned(), c.reached(), c.closedUnreached(), c.open(), c.escalated(), c.cancelled()));
            }
            for (ProblemOutcomes.CheckInEmails e : report.checkInEmails()) {
                printer.printRecord(problemCells("check_in_emails", e.category(), null, e.template(), null, null, null, null, null,
                        null, null, null, null, null, null, e.emails(), e.sent(), e.unsent(), e.answered(), e.replied(), e.rated(),
                        e.averageRating(), e.lowRatings()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** One row of the problems CSV: the values given, the columns after them empty. */
    private static Object[] problemCells(Object... values) {
        return CsvCells.of(java.util.Arrays.copyOf(values, PROBLEMS.length));
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
