package org.rapport.platform.jobs;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a Quartz {@link org.quartz.Job} bean to be scheduled on the cluster. {@code cron} names the configuration key
 * holding its Quartz cron expression, so operators move schedules without a rebuild; the time zone is
 * {@code rapport.schedule.zone}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Scheduled {
    String cron();

    /** Also fire once when the instance starts (the job decides whether there is anything to do). */
    boolean atStart() default false;
}
