package org.rapport.planning;

import org.junit.jupiter.api.Test;
import org.rapport.planning.RewardRules.Worth;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The reward rules: safe defaults, every field checked with its name, stored as named settings. */
class RewardRulesTest {

    private static Worth eur(String value) {
        return new Worth(new BigDecimal(value), "EUR");
    }

    private static RewardRules with(Worth topTier, Worth budget) {
        RewardRules d = RewardRules.DEFAULTS;
        return new RewardRules(d.introductionConverted(), d.anniversary(), topTier, d.referralConverted(), budget);
    }

    @Test
    void theDefaultsAreValidAndInTheBudgetsCurrency() {
        assertThat(RewardRules.DEFAULTS.problems()).isEmpty();
        assertThat(RewardRules.DEFAULTS.quarterlyBudgetPerTeam()).isEqualTo(eur("1000.00"));
    }

    @Test
    void aValueOfZeroIsAllowedItTurnsTheRuleOff() {
        assertThat(with(eur("0"), eur("1000")).problems()).isEmpty();
        assertThat(with(eur("100"), eur("0")).problems()).as("a budget of 0 approves nothing").isEmpty();
    }

    @Test
    void eachBadFieldIsNamedWithWhy() {
        assertThat(with(eur("-1"), eur("1000")).problems()).singleElement().asString()
                .startsWith("rewards.top_tier.value: must be between 0 and");
        assertThat(with(eur("10.005"), eur("1000")).problems()).singleElement().asString()
                .startsWith("rewards.top_tier.value: has at most 2 decimal places");
        assertThat(with(new Worth(new BigDecimal("10"), "EURO"), eur("1000")).problems()).singleElement().asString()
                .isEqualTo("rewards.top_tier.currency: 'EURO' is not an ISO 4217 currency code (such as EUR, USD).");
        assertThat(with(new Worth(new BigDecimal("10"), "usd"), eur("1000")).problems()).singleElement().asString()
                .startsWith("rewards.top_tier.currency: must be the budget's currency, EUR, not USD");
        assertThat(with(eur("10"), new Worth(new BigDecimal("1000"), "XXQ")).problems())
                .contains("rewards.quarterly_budget_per_team.currency: 'XXQ' is not an ISO 4217 currency code (such as EUR, USD).");
    }

    @Test
    void storedSettingsComeBackAndUnreadableOnesKeepTheirDefault() {
        RewardRules changed = with(new Worth(new BigDecimal("250.5"), "usd"), new Worth(new BigDecimal("5000"), "USD"));
        Map<String, String> stored = new HashMap<>(changed.normalized().toSettings());
        assertThat(stored).containsEntry("rewards.top_tier.value", "250.50").containsEntry("rewards.top_tier.currency", "USD");
        RewardRules read = RewardRules.fromSettings(stored, Map.of());
        assertThat(read.topTier()).isEqualTo(new Worth(new BigDecimal("250.50"), "USD"));
        assertThat(read.quarterlyBudgetPerTeam()).isEqualTo(new Worth(new BigDecimal("5000.00"), "USD"));

        stored.put("rewards.top_tier.value", "a lot");
        assertThat(RewardRules.fromSettings(stored, Map.of()).topTier()).isEqualTo(RewardRules.DEFAULTS.topTier());
        assertThat(RewardRules.fromSettings(Map.of(), Map.of())).isEqualTo(RewardRules.DEFAULTS);
    }

    /** planning_rule.value holds 200 characters: the teams' own budgets are rows of team_budget, never a setting. */
    @Test
    void everySettingFitsItsColumnHoweverManyTeamsHaveABudget() {
        RewardRules d = RewardRules.DEFAULTS;
        Map<String, BigDecimal> teams = new HashMap<>();
        for (int i = 0; i < 50; i++) {
            teams.put("MANAGER-" + "X".repeat(50) + "-" + i, new BigDecimal("1000000000.00"));
        }
        RewardRules rules = new RewardRules(d.introductionConverted(), d.anniversary(), d.topTier(), d.referralConverted(),
                d.quarterlyBudgetPerTeam(), teams);
        assertThat(rules.problems()).isEmpty();
        Map<String, String> settings = rules.normalized().toSettings();
        assertThat(settings.values()).allSatisfy(v -> assertThat(v.length()).isLessThanOrEqualTo(200));
        assertThat(settings.keySet()).noneMatch(k -> k.contains("team_budgets"));
        RewardRules read = RewardRules.fromSettings(settings, Map.of("S-NORTH", new BigDecimal("250.50")));
        assertThat(read.teamBudgets()).containsOnly(Map.entry("S-NORTH", new BigDecimal("250.50")));
    }

    @Test
    void aTeamsOwnBudgetIsCheckedLikeTheCommonOne() {
        RewardRules d = RewardRules.DEFAULTS;
        java.util.Map<String, BigDecimal> teams = new java.util.TreeMap<>(Map.of("S1", new BigDecimal("-1"),
                "S2", new BigDecimal("1.001"), " ", BigDecimal.ONE));
        RewardRules rules = new RewardRules(d.introductionConverted(), d.anniversary(), d.topTier(), d.referralConverted(),
                d.quarterlyBudgetPerTeam(), teams);
        assertThat(rules.problems()).containsExactly(
                "rewards.team_budgets: a team is named by its manager's external id, not by a blank.",
                "rewards.team_budgets.S1: must be between 0 and 1000000000, not -1.",
                "rewards.team_budgets.S2: has at most 2 decimal places, not 1.001.");
    }
}
