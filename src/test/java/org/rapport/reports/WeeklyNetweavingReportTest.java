package org.rapport.reports;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/** When the weekly report of a manager is due, on their own clock: Monday 08:00, or later that week after a downtime. */
class WeeklyNetweavingReportTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);

    private static ZonedDateTime at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN);
    }

    @Test
    void notBeforeMondayAtEight() {
        assertThat(WeeklyNetweavingReport.dueWeek(at("2026-11-30T07:59:59"))).isEmpty();
        assertThat(WeeklyNetweavingReport.dueWeek(at("2026-11-30T08:00:00"))).contains(MONDAY);
    }

    @Test
    void aServiceDownOnMondayCatchesUpLaterThatWeek() {
        assertThat(WeeklyNetweavingReport.dueWeek(at("2026-12-03T14:00:00"))).as("Thursday").contains(MONDAY);
        assertThat(WeeklyNetweavingReport.dueWeek(at("2026-12-06T23:59:59"))).as("Sunday night, the last moment").contains(MONDAY);
    }

    @Test
    void theManagersZoneDecidesNotUtc() {
        // 07:30 UTC on Monday is 08:30 in Berlin (due) and 02:30 in New York (not yet)
        ZonedDateTime utc = LocalDateTime.parse("2026-11-30T07:30:00").atZone(ZoneId.of("UTC"));
        assertThat(WeeklyNetweavingReport.dueWeek(utc.withZoneSameInstant(BERLIN))).contains(MONDAY);
        assertThat(WeeklyNetweavingReport.dueWeek(utc.withZoneSameInstant(ZoneId.of("America/New_York")))).isEmpty();
    }
}
