package org.rapport.planning;

import org.rapport.customers.Tier;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the planner decides by, with the SPEC defaults. Stored as named settings ({@code cadence.TOP10=14}), so an
 * operator can read them in the database and a new rule needs no migration of old values.
 */
public record Rules(Map<Tier, Integer> cadenceDays, boolean standardEmailWhenNoCapacity,
                    int followUpAfterBusinessDays, int followUpDueWithinBusinessDays, int checkInAfterDays,
                    int resellAfterDays, BigDecimal thankYouPurchaseThreshold, boolean thankYouAnniversary,
                    boolean thankYouAfterIntroduction, int thankYouMinDaysBetween, LocalTime sendWindowStart,
                    LocalTime sendWindowEnd, int maxEmailsPer7Days, int maxCallsPer3Days, int defaultDailyCapacity,
                    MatchRules introductions, int pollMinDaysBetween) {

    public static final Rules DEFAULTS = new Rules(
            new EnumMap<>(Map.of(Tier.TOP10, 14, Tier.TOP100, 30, Tier.STANDARD, 90)), true,
            1, 2, 7, 30,
            new BigDecimal("1000.00"), true, true, 14,
            LocalTime.of(8, 0), LocalTime.of(18, 0), 2, 1, 20, MatchRules.DEFAULTS, 90);

    public Rules {
        cadenceDays = Map.copyOf(cadenceDays);
    }

    /** The rules with the default days between two polls to one customer. */
    public Rules(Map<Tier, Integer> cadenceDays, boolean standardEmailWhenNoCapacity, int followUpAfterBusinessDays,
                 int followUpDueWithinBusinessDays, int checkInAfterDays, int resellAfterDays,
                 BigDecimal thankYouPurchaseThreshold, boolean thankYouAnniversary, boolean thankYouAfterIntroduction,
                 int thankYouMinDaysBetween, LocalTime sendWindowStart, LocalTime sendWindowEnd, int maxEmailsPer7Days,
                 int maxCallsPer3Days, int defaultDailyCapacity, MatchRules introductions) {
        this(cadenceDays, standardEmailWhenNoCapacity, followUpAfterBusinessDays, followUpDueWithinBusinessDays,
                checkInAfterDays, resellAfterDays, thankYouPurchaseThreshold, thankYouAnniversary, thankYouAfterIntroduction,
                thankYouMinDaysBetween, sendWindowStart, sendWindowEnd, maxEmailsPer7Days, maxCallsPer3Days,
                defaultDailyCapacity, introductions, 90);
    }

    public int cadence(Tier tier) {
        return cadenceDays.get(tier);
    }

    /** Every reason the rules cannot work, one line per field; empty when they are valid. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (Tier tier : Tier.values()) {
            Integer days = cadenceDays.get(tier);
            if (days == null || days < 1 || days > 3650) {
                problems.add("cadence_days." + tier + ": must be between 1 and 3650 days, not " + days + ".");
            }
        }
        positive(problems, "problem_follow_up.call_after_business_days", followUpAfterBusinessDays, 0, 30);
        positive(problems, "problem_follow_up.due_within_business_days", followUpDueWithinBusinessDays, 1, 30);
        positive(problems, "problem_follow_up.check_in_after_days", checkInAfterDays, 1, 365);
        positive(problems, "problem_follow_up.resell_after_days", resellAfterDays, 1, 3650);
        if (resellAfterDays <= checkInAfterDays) {
            problems.add("problem_follow_up.resell_after_days: must come after check_in_after_days (" + checkInAfterDays + ").");
        }
        if (thankYouPurchaseThreshold == null || thankYouPurchaseThreshold.signum() < 0) {
            problems.add("thank_you.purchase_threshold: must be 0 or more.");
        }
        positive(problems, "thank_you.min_days_between", thankYouMinDaysBetween, 0, 365);
        if (sendWindowStart == null || sendWindowEnd == null || !sendWindowEnd.isAfter(sendWindowStart)) {
            problems.add("contact_policy.send_window_end: must be after send_window_start (" + sendWindowStart + "), not "
                    + sendWindowEnd + ".");
        }
        positive(problems, "contact_policy.max_emails_per_7_days", maxEmailsPer7Days, 0, 100);
        // 0 would empty every call list: stopping calls to a customer is do-not-contact, not a rule for everyone
        positive(problems, "contact_policy.max_calls_per_3_days", maxCallsPer3Days, 1, 10);
        positive(problems, "capacity.default_daily", defaultDailyCapacity, 1, 500);
        problems.addAll(introductions.problems());
        positive(problems, "polls.min_days_between", pollMinDaysBetween, 0, 3650);
        return problems;
    }

    private static void positive(List<String> problems, String field, int value, int min, int max) {
        if (value < min || value > max) {
            problems.add(field + ": must be between " + min + " and " + max + ", not " + value + ".");
        }
    }

    /** As stored: one named setting per value. */
    public Map<String, String> toSettings() {
        Map<String, String> s = new LinkedHashMap<>();
        cadenceDays.forEach((tier, days) -> s.put("cadence." + tier, Integer.toString(days)));
        s.put("cadence.standard_email_when_no_capacity", Boolean.toString(standardEmailWhenNoCapacity));
        s.put("problem.call_after_business_days", Integer.toString(followUpAfterBusinessDays));
        s.put("problem.due_within_business_days", Integer.toString(followUpDueWithinBusinessDays));
        s.put("problem.check_in_after_days", Integer.toString(checkInAfterDays));
        s.put("problem.resell_after_days", Integer.toString(resellAfterDays));
        s.put("thank_you.purchase_threshold", thankYouPurchaseThreshold.toPlainString());
        s.put("thank_you.anniversary", Boolean.toString(thankYouAnniversary));
        s.put("thank_you.after_introduction", Boolean.toString(thankYouAfterIntroduction));
        s.put("thank_you.min_days_between", Integer.toString(thankYouMinDaysBetween));
        s.put("contact.send_window_start", sendWindowStart.toString());
        s.put("contact.send_window_end", sendWindowEnd.toString());
        s.put("contact.max_emails_per_7_days", Integer.toString(maxEmailsPer7Days));
        s.put("contact.max_calls_per_3_days", Integer.toString(maxCallsPer3Days));
        s.put("capacity.default_daily", Integer.toString(defaultDailyCapacity));
        s.put("introductions.open_per_customer", Integer.toString(introductions.openPerCustomer()));
        s.put("introductions.per_customer_per_year", Integer.toString(introductions.perCustomerPerYear()));
        s.put("introductions.suggestions_per_customer", Integer.toString(introductions.suggestionsPerCustomer()));
        s.put("introductions.competitor_overlap", Double.toString(introductions.competitorOverlap()));
        s.put("introductions.recent_pair_window", introductions.recentPairWindow().toString());
        s.put("polls.min_days_between", Integer.toString(pollMinDaysBetween));
        return s;
    }

    /** Reads stored settings; a setting that is missing or unreadable keeps its default. */
    public static Rules fromSettings(Map<String, String> s) {
        Rules d = DEFAULTS;
        EnumMap<Tier, Integer> cadence = new EnumMap<>(Tier.class);
        for (Tier tier : Tier.values()) {
            cadence.put(tier, integer(s, "cadence." + tier, d.cadence(tier)));
        }
        return new Rules(cadence, bool(s, "cadence.standard_email_when_no_capacity", d.standardEmailWhenNoCapacity),
                integer(s, "problem.call_after_business_days", d.followUpAfterBusinessDays),
                integer(s, "problem.due_within_business_days", d.followUpDueWithinBusinessDays),
                integer(s, "problem.check_in_after_days", d.checkInAfterDays),
                integer(s, "problem.resell_after_days", d.resellAfterDays),
                decimal(s, "thank_you.purchase_threshold", d.thankYouPurchaseThreshold),
                bool(s, "thank_you.anniversary", d.thankYouAnniversary),
                bool(s, "thank_you.after_introduction", d.thankYouAfterIntroduction),
                integer(s, "thank_you.min_days_between", d.thankYouMinDaysBetween),
                time(s, "contact.send_window_start", d.sendWindowStart),
                time(s, "contact.send_window_end", d.sendWindowEnd),
                integer(s, "contact.max_emails_per_7_days", d.maxEmailsPer7Days),
                integer(s, "contact.max_calls_per_3_days", d.maxCallsPer3Days),
                integer(s, "capacity.default_daily", d.defaultDailyCapacity),
                new MatchRules(integer(s, "introductions.open_per_customer", d.introductions.openPerCustomer()),
                        integer(s, "introductions.per_customer_per_year", d.introductions.perCustomerPerYear()),
                        integer(s, "introductions.suggestions_per_customer", d.introductions.suggestionsPerCustomer()),
                        decimal(s, "introductions.competitor_overlap", BigDecimal.valueOf(d.introductions.competitorOverlap())).doubleValue(),
                        period(s, "introductions.recent_pair_window", d.introductions.recentPairWindow())),
                integer(s, "polls.min_days_between", d.pollMinDaysBetween));
    }

    private static Period period(Map<String, String> s, String key, Period fallback) {
        try {
            return s.containsKey(key) ? Period.parse(s.get(key).strip()) : fallback;
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }

    private static int integer(Map<String, String> s, String key, int fallback) {
        try {
            return s.containsKey(key) ? Integer.parseInt(s.get(key).strip()) : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static boolean bool(Map<String, String> s, String key, boolean fallback) {
        return s.containsKey(key) ? Boolean.parseBoolean(s.get(key).strip()) : fallback;
    }

    private static BigDecimal decimal(Map<String, String> s, String key, BigDecimal fallback) {
        try {
            return s.containsKey(key) ? new BigDecimal(s.get(key).strip()) : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static LocalTime time(Map<String, String> s, String key, LocalTime fallback) {
        try {
            return s.containsKey(key) ? LocalTime.parse(s.get(key).strip()) : fallback;
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }
}
