package org.rapport.planning;

import jakarta.json.bind.annotation.JsonbDateFormat;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.rapport.customers.Tier;
import org.rapport.platform.errors.FieldError;
import org.rapport.platform.errors.InvalidInput;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET/PUT /api/rules}: the rules as JSON. A PUT sends the whole document; a missing part is a 400, not a silent
 * default. Classes with public fields, not records: Payara's OpenAPI scanner fails on constraints on record components.
 */
public class RulesDocument {

    @NotNull public Map<String, Integer> cadenceDays;
    @NotNull public Boolean standardEmailWhenNoCapacity;
    @NotNull @Valid public ProblemFollowUp problemFollowUp;
    @NotNull @Valid public ThankYou thankYou;
    @NotNull @Valid public ContactPolicy contactPolicy;
    @NotNull @Valid public Capacity capacity;
    @NotNull @Valid public Rewards rewards;
    @NotNull @Valid public Introductions introductions;
    /** Optional, so that a document from before polls still saves (keeping the stored poll rule). */
    @Valid public Polls polls;

    public static class ProblemFollowUp {
        @NotNull public Integer callAfterBusinessDays;
        @NotNull public Integer dueWithinBusinessDays;
        @NotNull public Integer checkInAfterDays;
        @NotNull public Integer resellAfterDays;
    }

    public static class ThankYou {
        @NotNull public BigDecimal purchaseThreshold;
        @NotNull public Boolean anniversary;
        @NotNull public Boolean afterIntroduction;
        @NotNull public Integer minDaysBetween;
    }

    public static class ContactPolicy {
        @NotNull @JsonbDateFormat("HH:mm") public LocalTime sendWindowStart;
        @NotNull @JsonbDateFormat("HH:mm") public LocalTime sendWindowEnd;
        // named as the problems name them: the naming strategy alone would write max_emails_per7days
        @NotNull @JsonbProperty("max_emails_per_7_days") public Integer maxEmailsPer7Days;
        @NotNull @JsonbProperty("max_calls_per_3_days") public Integer maxCallsPer3Days;
    }

    public static class Capacity {
        @NotNull public Integer defaultDaily;
    }

    /** What each reward rule proposes, and each team's budget for a quarter ({@link RewardRules}). */
    public static class Rewards {
        @NotNull @Valid public Worth introductionConverted;
        @NotNull @Valid public Worth anniversary;
        @NotNull @Valid public Worth topTier;
        @NotNull @Valid public Worth referralConverted;
        @NotNull @Valid public Worth quarterlyBudgetPerTeam;
        /**
         * A team's own quarterly budget, in the currency of {@code quarterly_budget_per_team}, by its manager's external
         * id; optional (none: every team has the common budget), so a document from before it still saves.
         */
        public Map<String, BigDecimal> teamBudgets = new LinkedHashMap<>();
    }

    public static class Worth {
        @NotNull public BigDecimal value;
        @NotNull public String currency;

        static Worth of(RewardRules.Worth w) {
            Worth d = new Worth();
            d.value = w.value();
            d.currency = w.currency();
            return d;
        }

        RewardRules.Worth toWorth() {
            return new RewardRules.Worth(value, currency);
        }
    }

    /** The matcher's rules ({@link MatchRules}); the window is an ISO 8601 period such as {@code P12M}. */
    public static class Introductions {
        @NotNull public Integer openPerCustomer;
        @NotNull public Integer perCustomerPerYear;
        @NotNull public Integer suggestionsPerCustomer;
        @NotNull public Double competitorOverlap;
        @NotNull public String recentPairWindow;

        MatchRules toRules() {
            Period window;
            try {
                window = Period.parse(recentPairWindow.strip());
            } catch (DateTimeParseException e) {
                throw new InvalidRules(List.of(new FieldError("introductions.recent_pair_window", "'" + recentPairWindow
                        + "' is not an ISO 8601 period (such as P12M or P1Y)")));
            }
            return new MatchRules(openPerCustomer, perCustomerPerYear, suggestionsPerCustomer, competitorOverlap, window);
        }
    }

    /** At most one poll per customer in so many days, counted from when the customer was chosen for one. */
    public static class Polls {
        @NotNull public Integer minDaysBetween;
    }

    static RulesDocument of(Rules r, RewardRules rewards) {
        RulesDocument d = new RulesDocument();
        d.cadenceDays = new LinkedHashMap<>();
        for (Tier tier : Tier.values()) {
            d.cadenceDays.put(tier.name(), r.cadence(tier));
        }
        d.standardEmailWhenNoCapacity = r.standardEmailWhenNoCapacity();
        d.problemFollowUp = new ProblemFollowUp();
        d.problemFollowUp.callAfterBusinessDays = r.followUpAfterBusinessDays();
        d.problemFollowUp.dueWithinBusinessDays = r.followUpDueWithinBusinessDays();
        d.problemFollowUp.checkInAfterDays = r.checkInAfterDays();
        d.problemFollowUp.resellAfterDays = r.resellAfterDays();
        d.thankYou = new ThankYou();
        d.thankYou.purchaseThreshold = r.thankYouPurchaseThreshold();
        d.thankYou.anniversary = r.thankYouAnniversary();
        d.thankYou.afterIntroduction = r.thankYouAfterIntroduction();
        d.thankYou.minDaysBetween = r.thankYouMinDaysBetween();
        d.contactPolicy = new ContactPolicy();
        d.contactPolicy.sendWindowStart = r.sendWindowStart();
        d.contactPolicy.sendWindowEnd = r.sendWindowEnd();
        d.contactPolicy.maxEmailsPer7Days = r.maxEmailsPer7Days();
        d.contactPolicy.maxCallsPer3Days = r.maxCallsPer3Days();
        d.capacity = new Capacity();
        d.capacity.defaultDaily = r.defaultDailyCapacity();
        d.rewards = new Rewards();
        d.rewards.introductionConverted = Worth.of(rewards.introductionConverted());
        d.rewards.anniversary = Worth.of(rewards.anniversary());
        d.rewards.topTier = Worth.of(rewards.topTier());
        d.rewards.referralConverted = Worth.of(rewards.referralConverted());
        d.rewards.quarterlyBudgetPerTeam = Worth.of(rewards.quarterlyBudgetPerTeam());
        d.rewards.teamBudgets = new LinkedHashMap<>(rewards.teamBudgets());
        d.introductions = new Introductions();
        d.introductions.openPerCustomer = r.introductions().openPerCustomer();
        d.introductions.perCustomerPerYear = r.introductions().perCustomerPerYear();
        d.introductions.suggestionsPerCustomer = r.introductions().suggestionsPerCustomer();
        d.introductions.competitorOverlap = r.introductions().competitorOverlap();
        d.introductions.recentPairWindow = r.introductions().recentPairWindow().toString();
        d.polls = new Polls();
        d.polls.minDaysBetween = r.pollMinDaysBetween();
        return d;
    }

    Rules toRules() {
        return toRules(Rules.DEFAULTS.pollMinDaysBetween());
    }

    /** @param storedPollDays the poll rule a document from before polls keeps (it has no such section to change it) */
    Rules toRules(int storedPollDays) {
        EnumMap<Tier, Integer> cadence = new EnumMap<>(Tier.class);
        cadenceDays.forEach((name, days) -> {
            try {
                cadence.put(Tier.valueOf(name), days);
            } catch (IllegalArgumentException e) {
                throw new InvalidInput("cadence_days." + name + ": there is no tier " + name + " (TOP10, TOP100, STANDARD).");
            }
        });
        for (Tier tier : Tier.values()) {
            if (!cadence.containsKey(tier) || cadence.get(tier) == null) {
                throw new InvalidInput("cadence_days." + tier + ": is required.");
            }
        }
        return new Rules(cadence, standardEmailWhenNoCapacity, problemFollowUp.callAfterBusinessDays,
                problemFollowUp.dueWithinBusinessDays, problemFollowUp.checkInAfterDays, problemFollowUp.resellAfterDays,
                thankYou.purchaseThreshold, thankYou.anniversary, thankYou.afterIntroduction, thankYou.minDaysBetween,
                contactPolicy.sendWindowStart, contactPolicy.sendWindowEnd, contactPolicy.maxEmailsPer7Days,
                contactPolicy.maxCallsPer3Days, capacity.defaultDaily, introductions.toRules(),
                polls == null ? storedPollDays : polls.minDaysBetween);
    }

    RewardRules toRewardRules() {
        return new RewardRules(rewards.introductionConverted.toWorth(), rewards.anniversary.toWorth(),
                rewards.topTier.toWorth(), rewards.referralConverted.toWorth(), rewards.quarterlyBudgetPerTeam.toWorth(),
                rewards.teamBudgets == null ? Map.of() : rewards.teamBudgets);
    }
}
