package org.rapport.reports;

import java.time.LocalDate;
import java.util.List;

/**
 * {@code GET /api/reports/service-standards}: per salesperson and for everyone the report covers ({@code team}).
 * Rates are between 0 and 1, or null when there was nothing to measure. A follow-up whose due date has not passed and
 * that has not been done yet is pending: it counts in {@code follow_ups} but neither for nor against the rate.
 */
public record ServiceStandards(LocalDate from, LocalDate to, Figures team, List<Figures> salespeople) {

    public record Figures(String salesperson, int followUps, int followUpsOnTime, int followUpsPending, Double followUpRate,
                          List<FollowUp> followUpMisses, int top10Customers, int top10Covered,
                          Double top10Coverage, int top100Customers, int top100Covered, Double top100Coverage,
                          int callsDue, int callsDone, Double callListCompletion) {
    }

    /** One problem follow-up; {@code reachedOn} is the customer's local date of the first conversation after it. */
    public record FollowUp(String salesperson, String customer, String problem, LocalDate dueBy, LocalDate reachedOn,
                           String status, FollowUpStandard standard) {
    }

    static Double rate(int part, int whole) {
        return whole == 0 ? null : Math.round(1000.0 * part / whole) / 1000.0;
    }
}
