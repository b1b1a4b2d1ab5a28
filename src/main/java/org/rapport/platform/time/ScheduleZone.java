package org.rapport.platform.time;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.TimeZone;

/**
 * The time zone of the schedules ({@code RAPPORT_SCHEDULE_ZONE}): Quartz's cron triggers, the planning times and the
 * tiers' "today". MicroProfile Config converts the setting with {@link #of}, and an injected value that does not
 * convert fails the deployment: a typo never moves a schedule to another zone ({@link TimeZone#getTimeZone(String)}
 * would quietly read it as GMT).
 */
public record ScheduleZone(ZoneId zone) {

    public static ScheduleZone of(String setting) {
        String id = setting == null ? "" : setting.strip();
        try {
            return new ScheduleZone(ZoneId.of(id));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("RAPPORT_SCHEDULE_ZONE is '" + setting
                    + "'; it must be a time zone id such as UTC or Europe/Berlin (IANA)");
        }
    }

    /** The zone as Quartz takes it. */
    public TimeZone timeZone() {
        return TimeZone.getTimeZone(zone);
    }

    @Override
    public String toString() {
        return zone.getId();
    }
}
