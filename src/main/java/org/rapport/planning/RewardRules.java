package org.rapport.planning;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What each reward rule proposes (a value and its currency) and each team's budget for a quarter. Stored next to the
 * planner's rules as named settings ({@code rewards.anniversary.value=50.00}); a missing or unreadable setting keeps
 * its default. A value of 0 turns that rule off. One budget holds for every team ({@code quarterly_budget_per_team}),
 * unless {@code team_budgets} gives the team its own (by its manager's external id, in the same currency; stored in
 * {@code team_budget} by the manager's id, see {@link RuleService}); every reward value is in the budget's currency,
 * since a reward in another one could never be approved against it.
 *
 * @param teamBudgets each team's own quarterly budget, by the external id of the team's manager, in the currency of
 *                    {@code quarterlyBudgetPerTeam}; whether each key is a manager is {@link RuleService}'s to check
 */
public record RewardRules(Worth introductionConverted, Worth anniversary, Worth topTier, Worth referralConverted,
                          Worth quarterlyBudgetPerTeam, Map<String, BigDecimal> teamBudgets) {

    /** A sum as the rules hold it: a decimal and an ISO 4217 code, checked by {@link #problems}. */
    public record Worth(BigDecimal value, String currency) {
    }

    static final BigDecimal MAX = new BigDecimal("1000000000");

    public static final RewardRules DEFAULTS = new RewardRules(
            new Worth(new BigDecimal("100.00"), "EUR"), new Worth(new BigDecimal("50.00"), "EUR"),
            new Worth(new BigDecimal("100.00"), "EUR"), new Worth(new BigDecimal("50.00"), "EUR"),
            new Worth(new BigDecimal("1000.00"), "EUR"), Map.of());

    public RewardRules(Worth introductionConverted, Worth anniversary, Worth topTier, Worth referralConverted,
                       Worth quarterlyBudgetPerTeam) {
        this(introductionConverted, anniversary, topTier, referralConverted, quarterlyBudgetPerTeam, Map.of());
    }

    public RewardRules {
        teamBudgets = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(teamBudgets, "teamBudgets")));
        Objects.requireNonNull(introductionConverted, "introductionConverted");
        Objects.requireNonNull(anniversary, "anniversary");
        Objects.requireNonNull(topTier, "topTier");
        Objects.requireNonNull(referralConverted, "referralConverted");
        Objects.requireNonNull(quarterlyBudgetPerTeam, "quarterlyBudgetPerTeam");
    }

    /** The rules by their field names in the document, in its order. */
    private Map<String, Worth> named() {
        Map<String, Worth> named = new LinkedHashMap<>();
        named.put("introduction_converted", introductionConverted);
        named.put("anniversary", anniversary);
        named.put("top_tier", topTier);
        named.put("referral_converted", referralConverted);
        named.put("quarterly_budget_per_team", quarterlyBudgetPerTeam);
        return named;
    }

    /** Every reason these rules cannot work, one per field ({@code rewards.top_tier.currency: …}); empty when valid. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        String budgetCurrency = code(quarterlyBudgetPerTeam.currency());
        named().forEach((name, worth) -> {
            String field = "rewards." + name;
            if (worth.value() == null || worth.value().signum() < 0 || worth.value().compareTo(MAX) > 0) {
                problems.add(field + ".value: must be between 0 and " + MAX.toPlainString() + ", not " + worth.value() + ".");
            } else if (worth.value().stripTrailingZeros().scale() > 2) {
                problems.add(field + ".value: has at most 2 decimal places, not " + worth.value().toPlainString() + ".");
            }
            String currency = code(worth.currency());
            if (currency == null) {
                problems.add(field + ".currency: '" + worth.currency() + "' is not an ISO 4217 currency code (such as EUR, USD).");
            } else if (budgetCurrency != null && !currency.equals(budgetCurrency)) {
                problems.add(field + ".currency: must be the budget's currency, " + budgetCurrency + ", not " + currency
                        + ": a reward in another currency could never be approved against the budget.");
            }
        });
        teamBudgets.forEach((team, value) -> {
            String field = "rewards.team_budgets." + team;
            if (team == null || team.isBlank()) {
                problems.add("rewards.team_budgets: a team is named by its manager's external id, not by a blank.");
            } else if (value == null || value.signum() < 0 || value.compareTo(MAX) > 0) {
                problems.add(field + ": must be between 0 and " + MAX.toPlainString() + ", not " + value + ".");
            } else if (value.stripTrailingZeros().scale() > 2) {
                problems.add(field + ": has at most 2 decimal places, not " + value.toPlainString() + ".");
            }
        });
        return problems;
    }

    /** The ISO 4217 code, upper case, or {@code null} when it is none. */
    private static String code(String text) {
        if (text == null || text.strip().length() != 3) {
            return null;
        }
        try {
            return Currency.getInstance(text.strip().toUpperCase(Locale.ROOT)).getCurrencyCode();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The same rules with currency codes in upper case (call only on rules without {@link #problems}). */
    public RewardRules normalized() {
        Map<String, BigDecimal> teams = new TreeMap<>();
        teamBudgets.forEach((team, value) -> teams.put(team.strip(), value.setScale(2)));
        return new RewardRules(norm(introductionConverted), norm(anniversary), norm(topTier), norm(referralConverted),
                norm(quarterlyBudgetPerTeam), teams);
    }

    private static Worth norm(Worth w) {
        return new Worth(w.value().setScale(2), code(w.currency()));
    }

    /** As stored: two named settings per rule (the teams' own budgets are rows of their own, see {@link RuleService}). */
    public Map<String, String> toSettings() {
        Map<String, String> s = new LinkedHashMap<>();
        named().forEach((name, worth) -> {
            s.put("rewards." + name + ".value", worth.value().toPlainString());
            s.put("rewards." + name + ".currency", worth.currency());
        });
        return s;
    }

    /**
     * Reads stored settings; a rule whose value or currency is missing or unreadable keeps its default.
     *
     * @param teamBudgets the teams' own budgets as stored, by their managers' external ids
     */
    public static RewardRules fromSettings(Map<String, String> s, Map<String, BigDecimal> teamBudgets) {
        RewardRules d = DEFAULTS;
        return new RewardRules(worth(s, "introduction_converted", d.introductionConverted), worth(s, "anniversary", d.anniversary),
                worth(s, "top_tier", d.topTier), worth(s, "referral_converted", d.referralConverted),
                worth(s, "quarterly_budget_per_team", d.quarterlyBudgetPerTeam), teamBudgets);
    }

    private static Worth worth(Map<String, String> s, String name, Worth fallback) {
        String value = s.get("rewards." + name + ".value");
        String currency = code(s.get("rewards." + name + ".currency"));
        if (value == null || currency == null) {
            return fallback;
        }
        try {
            return new Worth(new BigDecimal(value.strip()), currency);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
