package org.rapport.reports;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The problems report as CSV: its sections one under the other, cells a spreadsheet will not run. */
class ProblemsCsvTest {

    @Test
    void eachSectionFillsItsOwnColumns() {
        ProblemsReport report = new ProblemsReport(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-03-31"), "Europe/Berlin",
                null, 3,
                List.of(new ProblemsReport.Week(LocalDate.parse("2026-01-05"), "DELIVERY", 2)),
                List.of(new ProblemsReport.CategoryCount("DELIVERY", 1)),
                List.of(new ProblemsReport.CategoryMedian("DELIVERY", 2, 4.5)),
                List.of(new ProblemsReport.CustomerCount("C1", "=HYPERLINK(\"x\")", 3)),
                List.of(new ProblemOutcomes.FollowUpCalls("DELIVERY", 3, 1, 1, 1, 1, 0)),
                List.of(new ProblemOutcomes.CheckInEmails("DELIVERY", "problem-check-in", 2, 2, 0, 2, 1, 2, 2.5, 1),
                        new ProblemOutcomes.CheckInEmails("DELIVERY", "problem-follow-up", 1, 0, 1, 0, 0, 0, null, 0)));

        assertThat(ReportCsv.problems(report).lines().toList()).containsExactly(
                "section,category,week,template,customer,company,problems,resolved,median_hours,planned,reached,closed_unreached,"
                        + "open,escalated,cancelled,emails,sent,unsent,answered,replied,rated,average_rating,low_ratings",
                "weekly,DELIVERY,2026-01-05,,,,2,,,,,,,,,,,,,,,,",
                "repeats,DELIVERY,,,,,1,,,,,,,,,,,,,,,,",
                "median_hours_to_resolve,DELIVERY,,,,,,2,4.5,,,,,,,,,,,,,,",
                "top_customers,,,,C1,\"'=HYPERLINK(\"\"x\"\")\",3,,,,,,,,,,,,,,,,",
                "follow_up_calls,DELIVERY,,,,,,,,3,1,1,1,1,0,,,,,,,,",
                "check_in_emails,DELIVERY,,problem-check-in,,,,,,,,,,,,2,2,0,2,1,2,2.5,1",
                "check_in_emails,DELIVERY,,problem-follow-up,,,,,,,,,,,,1,0,1,0,0,0,,0");
    }
}
