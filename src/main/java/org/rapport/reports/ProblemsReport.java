package org.rapport.reports;

import java.time.LocalDate;
import java.util.List;

/**
 * {@code GET /api/reports/problems}: the problems opened from {@code from} to {@code to} (whole days in the schedule zone)
 * of the customers the caller reaches (of one manager's team when {@code team} is given). A problem without a category
 * counts under {@link ProblemPatterns#UNCATEGORISED}. How their follow-up calls and check-in emails turned out, per
 * category: {@link ProblemOutcomes}.
 */
public record ProblemsReport(LocalDate from, LocalDate to, String zone, String team, int problems, List<Week> weekly,
                             List<CategoryCount> repeats, List<CategoryMedian> medianHoursToResolve,
                             List<CustomerCount> topCustomers, List<ProblemOutcomes.FollowUpCalls> followUpCalls,
                             List<ProblemOutcomes.CheckInEmails> checkInEmails) {

    /** The same report with how the follow-ups turned out, per category. */
    public ProblemsReport withOutcomes(List<ProblemOutcomes.FollowUpCalls> calls, List<ProblemOutcomes.CheckInEmails> emails) {
        return new ProblemsReport(from, to, zone, team, problems, weekly, repeats, medianHoursToResolve, topCustomers, calls, emails);
    }

    /** Problems of one category opened in the ISO week starting (Monday) {@code week}. */
    public record Week(LocalDate week, String category, int problems) {
    }

    /** Repeat problems of a category: the customer had another of the same category opened in the 90 days before. */
    public record CategoryCount(String category, int problems) {
    }

    /** The median time from opened to resolved of a category's resolved problems, in hours (one decimal). */
    public record CategoryMedian(String category, int resolved, double medianHours) {
    }

    public record CustomerCount(String externalId, String company, int problems) {
    }
}
