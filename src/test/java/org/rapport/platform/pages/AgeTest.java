package org.rapport.platform.pages;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The one age of every badge ({@code /approvals}, {@code /netweaving}): whole days, and the same words for under a day. */
class AgeTest {

    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    @Test
    void theAgeIsWholeDaysAndNeverNegative() {
        assertThat(Age.days(NOW.minus(Duration.ofHours(23)), NOW)).isZero();
        assertThat(Age.days(NOW.minus(Duration.ofHours(24)), NOW)).isEqualTo(1);
        assertThat(Age.days(NOW.minus(Duration.ofDays(9).plusHours(5)), NOW)).isEqualTo(9);
        assertThat(Age.days(NOW.plusSeconds(5), NOW)).as("a database clock a little ahead").isZero();
        assertThat(Age.days(null, NOW)).as("not known").isZero();
    }

    @Test
    void theBadgeSaysUnderADayOneDayOrTheDaysInEnglishAndGerman() {
        assertThat(Age.text(Locale.ENGLISH, 0)).isEqualTo("under a day");
        assertThat(Age.text(Locale.ENGLISH, 1)).isEqualTo("1 day");
        assertThat(Age.text(Locale.ENGLISH, 12)).isEqualTo("12 days");
        assertThat(Age.text(Locale.GERMAN, 0)).isEqualTo("unter einem Tag");
        assertThat(Age.text(Locale.GERMAN, 1)).isEqualTo("1 Tag");
        assertThat(Age.text(Locale.GERMAN, 1200)).isEqualTo("1.200 Tage");
    }
}
