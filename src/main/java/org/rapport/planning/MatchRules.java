package org.rapport.planning;

import java.time.Period;
import java.util.ArrayList;
import java.util.List;

/**
 * What the matcher decides by, with the SPEC defaults.
 *
 * @param openPerCustomer        at most this many open introductions per customer (1)
 * @param perCustomerPerYear     at most this many introductions per customer in 12 months (4)
 * @param suggestionsPerCustomer each customer's best this many providers are considered (5)
 * @param competitorOverlap      two customers whose offers overlap at least this much (shared codes over all their
 *                               codes, 0 to 1) are competitors and never introduced (0.5)
 * @param recentPairWindow       a pair introduced, declined or expired within this is not proposed again (12 months)
 */
public record MatchRules(int openPerCustomer, int perCustomerPerYear, int suggestionsPerCustomer, double competitorOverlap,
                         Period recentPairWindow) {

    public static final MatchRules DEFAULTS = new MatchRules(1, 4, 5, 0.5, Period.ofMonths(12));

    /** Every reason the rules cannot work, one line per field; empty when they are valid. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (openPerCustomer < 1 || openPerCustomer > 20) {
            problems.add("introductions.open_per_customer: must be between 1 and 20, not " + openPerCustomer + ".");
        }
        if (perCustomerPerYear < openPerCustomer || perCustomerPerYear > 100) {
            problems.add("introductions.per_customer_per_year: must be between open_per_customer (" + openPerCustomer
                    + ") and 100, not " + perCustomerPerYear + ".");
        }
        if (suggestionsPerCustomer < 1 || suggestionsPerCustomer > 50) {
            problems.add("introductions.suggestions_per_customer: must be between 1 and 50, not " + suggestionsPerCustomer + ".");
        }
        if (!(competitorOverlap > 0 && competitorOverlap <= 1)) {
            problems.add("introductions.competitor_overlap: must be more than 0 and at most 1, not " + competitorOverlap + ".");
        }
        if (recentPairWindow == null || recentPairWindow.isNegative()) {
            problems.add("introductions.recent_pair_window: must be a period of 0 or more, not " + recentPairWindow + ".");
        }
        return problems;
    }
}
