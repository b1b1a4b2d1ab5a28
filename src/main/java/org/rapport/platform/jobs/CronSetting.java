package org.rapport.platform.jobs;

import org.quartz.CronExpression;

import java.text.ParseException;

/** A job's schedule as configured: a Quartz cron expression, or a refusal to start that names the setting. */
final class CronSetting {

    private CronSetting() {
    }

    /**
     * @return the expression, stripped
     * @throws IllegalStateException naming {@code key}, the value and Quartz's reason (Quartz alone would say only
     *                               "CronExpression '…' is invalid", without which setting)
     */
    static String checked(String key, String value) {
        String cron = value == null ? "" : value.strip();
        try {
            new CronExpression(cron);
            return cron;
        } catch (ParseException | RuntimeException e) {
            throw new IllegalStateException(key + ": '" + value + "' is not a Quartz cron expression (seconds minutes "
                    + "hours day-of-month month day-of-week, such as '0 0 6 ? * MON'): " + e.getMessage(), e);
        }
    }
}
