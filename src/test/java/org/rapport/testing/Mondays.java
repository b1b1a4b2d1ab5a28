package org.rapport.testing;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

/** For the tests of the managers' weekly email, which is due once Monday 08:00 has passed on the manager's clock. */
public final class Mondays {

    private Mondays() {
    }

    /** A zone whose clock has passed this week's Monday 08:00: one of these always has. */
    public static ZoneId zoneWhereMondayEightHasPassed() {
        for (String id : List.of("UTC", "Pacific/Kiritimati")) {
            ZoneId zone = ZoneId.of(id);
            LocalDate today = LocalDate.now(zone);
            if (!ZonedDateTime.now(zone).isBefore(today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                    .atTime(8, 0).atZone(zone))) {
                return zone;
            }
        }
        throw new AssertionError("Monday 08:00 has passed in Kiritimati whenever it has not in UTC");
    }
}
