package org.rapport.planning;

import org.quartz.CronExpression;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.TimeZone;

/**
 * The planning times of the cron schedule, read against Rapport's clock rather than the scheduler's: the time a plan
 * is due for is the latest one at or before now. However long the service was down, that is one time, so a start after
 * a downtime plans once, for today, never once per missed time.
 */
public final class PlanningSchedule {

    /** Older planning times are never served: a week covers any weekly or daily schedule. */
    private static final Duration LOOK_BACK = Duration.ofDays(8);

    private final CronExpression cron;

    public PlanningSchedule(String cronExpression, TimeZone zone) {
        try {
            this.cron = new CronExpression(cronExpression);
        } catch (ParseException e) {
            throw new IllegalArgumentException("rapport.planning.cron: '" + cronExpression + "' is not a Quartz cron expression: "
                    + e.getMessage(), e);
        }
        cron.setTimeZone(zone);
    }

    /** The latest planning time at or before {@code now}, if there was one in the last eight days. */
    public Optional<Instant> dueSlot(Instant now) {
        Date latest = null;
        Date next = cron.getTimeAfter(Date.from(now.minus(LOOK_BACK)));
        while (next != null && !next.toInstant().isAfter(now)) {
            latest = next;
            next = cron.getTimeAfter(next);
        }
        return Optional.ofNullable(latest).map(Date::toInstant);
    }
}
