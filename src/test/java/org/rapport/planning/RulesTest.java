package org.rapport.planning;

import org.junit.jupiter.api.Test;
import org.rapport.customers.Tier;

import java.time.LocalTime;
import java.time.Period;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RulesTest {

    @Test
    void theDefaultsAreTheSpecsAndValid() {
        Rules d = Rules.DEFAULTS;
        assertThat(d.cadence(Tier.TOP10)).isEqualTo(14);
        assertThat(d.cadence(Tier.TOP100)).isEqualTo(30);
        assertThat(d.cadence(Tier.STANDARD)).isEqualTo(90);
        assertThat(d.followUpDueWithinBusinessDays()).isEqualTo(2);
        assertThat(d.checkInAfterDays()).isEqualTo(7);
        assertThat(d.resellAfterDays()).isEqualTo(30);
        assertThat(d.thankYouMinDaysBetween()).isEqualTo(14);
        assertThat(d.sendWindowStart()).isEqualTo(LocalTime.of(8, 0));
        assertThat(d.sendWindowEnd()).isEqualTo(LocalTime.of(18, 0));
        assertThat(d.maxEmailsPer7Days()).isEqualTo(2);
        assertThat(d.maxCallsPer3Days()).isEqualTo(1);
        assertThat(d.problems()).isEmpty();
    }

    @Test
    void settingsRoundTripAndMissingOnesKeepTheirDefaults() {
        Map<String, String> settings = new HashMap<>(Rules.DEFAULTS.toSettings());
        settings.put("cadence.TOP10", "10");
        settings.remove("contact.send_window_end");
        settings.put("contact.max_calls_per_3_days", "not a number");
        Rules read = Rules.fromSettings(settings);
        assertThat(read.cadence(Tier.TOP10)).isEqualTo(10);
        assertThat(read.sendWindowEnd()).isEqualTo(LocalTime.of(18, 0));
        assertThat(read.maxCallsPer3Days()).isEqualTo(1);
        assertThat(Rules.fromSettings(read.toSettings())).isEqualTo(read);
    }

    @Test
    void aZeroCadenceOrAWindowEndingBeforeItStartsIsNamed() {
        Map<String, String> settings = new HashMap<>(Rules.DEFAULTS.toSettings());
        settings.put("cadence.TOP100", "0");
        settings.put("contact.send_window_start", "18:00");
        settings.put("contact.send_window_end", "08:00");
        assertThat(Rules.fromSettings(settings).problems())
                .anySatisfy(p -> assertThat(p).startsWith("cadence_days.TOP100"))
                .anySatisfy(p -> assertThat(p).startsWith("contact_policy.send_window_end"));
    }

    @Test
    void ninetyDaysBetweenTwoPollsByDefaultChangeableAndChecked() {
        assertThat(Rules.DEFAULTS.pollMinDaysBetween()).isEqualTo(90);
        Map<String, String> settings = new HashMap<>(Rules.DEFAULTS.toSettings());
        assertThat(settings).containsEntry("polls.min_days_between", "90");
        settings.put("polls.min_days_between", "30");
        assertThat(Rules.fromSettings(settings).pollMinDaysBetween()).isEqualTo(30);
        settings.put("polls.min_days_between", "-1");
        assertThat(Rules.fromSettings(settings).problems())
                .containsExactly("polls.min_days_between: must be between 0 and 3650, not -1.");
        RulesDocument document = RulesDocument.of(Rules.DEFAULTS, RewardRules.DEFAULTS);
        document.polls.minDaysBetween = 45;
        assertThat(document.toRules().pollMinDaysBetween()).isEqualTo(45);
        document.polls = null;
        assertThat(document.toRules().pollMinDaysBetween()).as("a document from before polls").isEqualTo(90);
        assertThat(document.toRules(30).pollMinDaysBetween()).as("a document from before polls keeps the stored rule").isEqualTo(30);
    }

    @Test
    void aCallLimitOfZeroWouldEmptyEveryCallListAndIsRefused() {
        Map<String, String> settings = new HashMap<>(Rules.DEFAULTS.toSettings());
        settings.put("contact.max_calls_per_3_days", "0");
        assertThat(Rules.fromSettings(settings).problems()).singleElement()
                .satisfies(p -> assertThat(p).isEqualTo("contact_policy.max_calls_per_3_days: must be between 1 and 10, not 0."));
        settings.put("contact.max_calls_per_3_days", "2");
        assertThat(Rules.fromSettings(settings).problems()).isEmpty();
    }

    @Test
    void theMatchersRulesAreStoredWithTheOthersAndCheckedFieldByField() {
        Map<String, String> settings = new HashMap<>(Rules.DEFAULTS.toSettings());
        assertThat(Rules.fromSettings(settings).introductions()).isEqualTo(MatchRules.DEFAULTS);
        settings.put("introductions.open_per_customer", "2");
        settings.put("introductions.recent_pair_window", "P6M");
        settings.put("introductions.competitor_overlap", "0.75");
        Rules read = Rules.fromSettings(settings);
        assertThat(read.introductions()).isEqualTo(new MatchRules(2, 4, 5, 0.75, Period.ofMonths(6)));
        assertThat(Rules.fromSettings(read.toSettings())).isEqualTo(read);

        settings.put("introductions.open_per_customer", "0");
        settings.put("introductions.competitor_overlap", "1.5");
        assertThat(Rules.fromSettings(settings).problems()).containsExactly(
                "introductions.open_per_customer: must be between 1 and 20, not 0.",
                "introductions.competitor_overlap: must be more than 0 and at most 1, not 1.5.");
    }
}
