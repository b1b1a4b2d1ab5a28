package org.rapport.reports;

import org.rapport.netweaving.IntroductionStage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/reports/netweaving}: what came of the introductions proposed from {@code from} to {@code to} (whole
 * days in the schedule zone) that the caller reaches, optionally of one manager's {@code team}.
 *
 * @param funnel        the stages of the way to a deal, in order, each with how many introductions reached it
 * @param ended         introductions that stopped short of a deal, by their final stage (declined, expired, no deal …)
 * @param deals         closed deals per currency (values in different currencies are never added up)
 * @param salespeople   per salesperson owning either side (an introduction between two owners counts for both)
 * @param categoryPairs per pair of single category codes: one the first customer needed of the second, one the second
 *                      needed of the first ("" when nothing); an introduction for several needs counts in each of its
 *                      pairs. The most frequent {@code NetweavingFigures.CATEGORY_PAIRS} pairs, most frequent first
 * @param otherCategoryPairs the pairs beyond those, summed; null when there are none
 * @param rewards       the rewards proposed in the period for these customers
 */
public record NetweavingReport(LocalDate from, LocalDate to, String zone, String team, int introductions,
                               List<Stage> funnel, Map<IntroductionStage, Integer> ended, List<Deals> deals,
                               List<Figures> salespeople, List<CategoryPair> categoryPairs,
                               OtherPairs otherCategoryPairs, Rewards rewards) {

    /**
     * The rewards proposed in the period for the customers the report covers, by status and currency, and the budget
     * each team has per quarter (approved and fulfilled rewards count against it).
     *
     * @param owed proposed or approved, not yet fulfilled
     */
    public record Rewards(List<RewardFigures> byStatus, int owed, String quarterlyBudgetPerTeam) {
    }

    public record RewardFigures(String status, String currency, int rewards, BigDecimal value) {
    }

    /**
     * @param reached    introductions that got at least this far (a deal counts as having met)
     * @param conversion the share of those that reached the next stage of the funnel; null for the last or when none
     * @param medianDays the median time an introduction spent in this stage before its next move, in days (0.1)
     */
    public record Stage(IntroductionStage stage, int reached, Double conversion, Double medianDays) {
    }

    public record Deals(String currency, int deals, BigDecimal value) {
    }

    public record Figures(String salesperson, int introductions, int introduced, int deals, Double conversion) {
    }

    /**
     * @param firstNeeds  one category code the first customer needed of the second
     * @param secondNeeds one code the second needed of the first, "" when the fit is one-way
     */
    public record CategoryPair(String firstNeeds, String secondNeeds, int introductions, int introduced, int deals,
                               Double conversion) {
    }

    /** The category pairs not listed one by one: how many, and their figures summed (pair by pair, as above). */
    public record OtherPairs(int pairs, int introductions, int introduced, int deals, Double conversion) {
    }
}
