package org.rapport.calllists;

import org.junit.jupiter.api.Test;
import org.rapport.platform.errors.InvalidInput;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SnoozeTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

    @Test
    void aCourtesyCallIsSnoozedToALaterDayUpToTwoWeeksAhead() {
        assertThat(Snooze.until(TODAY.plusDays(1), TODAY, false, TODAY.minusDays(40))).isEqualTo(TODAY.plusDays(1));
        assertThat(Snooze.until(TODAY.plusDays(14), TODAY, false, TODAY.minusDays(40))).isEqualTo(TODAY.plusDays(14));
    }

    @Test
    void todayThePastAndMoreThanTwoWeeksAreRefusedSayingWhy() {
        assertThatThrownBy(() -> Snooze.until(null, TODAY, false, TODAY)).isInstanceOf(InvalidInput.class)
                .hasMessage("until: a date is required (YYYY-MM-DD).");
        assertThatThrownBy(() -> Snooze.until(TODAY, TODAY, false, TODAY)).isInstanceOf(InvalidInput.class)
                .hasMessage("until: 2026-12-03 is not after today (2026-12-03); a snooze moves a call to a later day.");
        assertThatThrownBy(() -> Snooze.until(TODAY.minusDays(1), TODAY, false, TODAY)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> Snooze.until(TODAY.plusDays(15), TODAY, false, TODAY)).isInstanceOf(InvalidInput.class)
                .hasMessage("until: 2026-12-18 is more than 14 days ahead (at most 2026-12-17); reschedule it with the customer, "
                        + "or hand a courtesy call back.");
    }

    @Test
    void aProblemFollowUpIsNotSnoozedPastItsDueByDate() {
        // due by the day after tomorrow: snoozed to tomorrow or that day, not later
        assertThat(Snooze.until(TODAY.plusDays(2), TODAY, true, TODAY.plusDays(2))).isEqualTo(TODAY.plusDays(2));
        assertThatThrownBy(() -> Snooze.until(TODAY.plusDays(3), TODAY, true, TODAY.plusDays(2))).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("after the call's due-by date 2026-12-05");
        // overdue already: not at all
        assertThatThrownBy(() -> Snooze.until(TODAY.plusDays(1), TODAY, true, TODAY.minusDays(1))).isInstanceOf(InvalidInput.class);
    }
}
