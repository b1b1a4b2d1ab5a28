package org.rapport.retention;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetentionAgesTest {

    private static final Period TWO_YEARS = Period.ofYears(2);

    @Test
    void eachKindIsCutAtItsOwnAgeCountedInCalendarTimeFromTheOneClock() {
        RetentionAges ages = new RetentionAges(TWO_YEARS, Period.ofDays(90), Period.ofMonths(6), Period.ofDays(1));
        RetentionAges.Cutoffs cutoffs = ages.cutoffs(Clock.fixed(Instant.parse("2028-02-29T03:15:00Z"), ZoneOffset.UTC));

        assertThat(cutoffs.now()).isEqualTo(Instant.parse("2028-02-29T03:15:00Z"));
        assertThat(cutoffs.messageBodies()).as("two years before a leap day: the last day of February")
                .isEqualTo(Instant.parse("2026-02-28T03:15:00Z"));
        assertThat(cutoffs.replySnippets()).isEqualTo(Instant.parse("2027-12-01T03:15:00Z"));
        assertThat(cutoffs.clicks()).isEqualTo(Instant.parse("2027-08-29T03:15:00Z"));
        assertThat(cutoffs.callNotes()).isEqualTo(Instant.parse("2028-02-28T03:15:00Z"));
    }

    @Test
    void aSettingThatIsNoPeriodIsRefusedByItsName() {
        assertThat(RetentionAges.parse("rapport.retention.clicks", " P18M ")).isEqualTo(Period.ofMonths(18));
        assertThatThrownBy(() -> RetentionAges.parse("rapport.retention.clicks", "2 years"))
                .hasMessage("rapport.retention.clicks must be an ISO period such as P2Y or P90D, not '2 years'");
        assertThatThrownBy(() -> RetentionAges.parse("rapport.retention.clicks", "PT12H"))
                .as("hours are no period of days").hasMessageContaining("rapport.retention.clicks must be an ISO period");
    }

    @Test
    void lessThanADayWouldRemoveTextStillInUseAndIsRefused() {
        assertThatThrownBy(() -> new RetentionAges(TWO_YEARS, TWO_YEARS, TWO_YEARS, Period.ZERO))
                .hasMessage("rapport.retention.call-notes must be at least one day (P1D), not P0D");
        assertThatThrownBy(() -> new RetentionAges(Period.ofDays(-30), TWO_YEARS, TWO_YEARS, TWO_YEARS))
                .hasMessageContaining("rapport.retention.message-bodies must be at least one day");
        assertThatThrownBy(() -> new RetentionAges(TWO_YEARS, Period.of(0, 1, -31), TWO_YEARS, TWO_YEARS))
                .as("a month less 31 days is less than a day").hasMessageContaining("rapport.retention.reply-snippets");
        assertThat(new RetentionAges(TWO_YEARS, TWO_YEARS, TWO_YEARS, Period.ofDays(1)).callNotes()).isEqualTo(Period.ofDays(1));
    }
}
