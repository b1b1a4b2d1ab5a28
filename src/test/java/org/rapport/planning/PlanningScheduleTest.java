package org.rapport.planning;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.TimeZone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlanningScheduleTest {

    private final PlanningSchedule hourly = new PlanningSchedule("0 5 * * * ?", TimeZone.getTimeZone("UTC"));

    @Test
    void theDueTimeIsTheLatestAtOrBeforeNow() {
        assertThat(hourly.dueSlot(Instant.parse("2026-03-02T06:00:00Z"))).contains(Instant.parse("2026-03-02T05:05:00Z"));
        assertThat(hourly.dueSlot(Instant.parse("2026-03-02T06:05:00Z"))).contains(Instant.parse("2026-03-02T06:05:00Z"));
    }

    @Test
    void threeDaysDownAreOneDueTimeNotSeventyTwo() {
        assertThat(hourly.dueSlot(Instant.parse("2026-03-05T09:00:00Z"))).contains(Instant.parse("2026-03-05T08:05:00Z"));
    }

    @Test
    void aNightlyTimeThatDoesNotExistOnTheSpringForwardNightIsSkippedByQuartz() {
        // 2026-03-29 02:30 does not exist in Berlin and Quartz skips it: the due time stays the night before. This is
        // why the default schedule is hourly in UTC; a nightly one belongs outside 02:00-03:00 local.
        PlanningSchedule nightly = new PlanningSchedule("0 30 2 * * ?", TimeZone.getTimeZone("Europe/Berlin"));
        assertThat(nightly.dueSlot(Instant.parse("2026-03-29T06:00:00Z"))).contains(Instant.parse("2026-03-28T01:30:00Z"));
        assertThat(nightly.dueSlot(Instant.parse("2026-03-30T06:00:00Z"))).contains(Instant.parse("2026-03-30T00:30:00Z"));
    }

    @Test
    void aScheduleThatNeverFiredHasNoDueTime() {
        PlanningSchedule future = new PlanningSchedule("0 0 0 1 1 ? 2099", TimeZone.getTimeZone("UTC"));
        assertThat(future.dueSlot(Instant.parse("2026-03-05T09:00:00Z"))).isEmpty();
    }

    @Test
    void aBrokenExpressionNamesTheSetting() {
        assertThatThrownBy(() -> new PlanningSchedule("every hour", TimeZone.getTimeZone("UTC")))
                .hasMessageContaining("rapport.planning.cron").hasMessageContaining("every hour");
    }
}
