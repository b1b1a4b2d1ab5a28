package org.rapport.platform.jobs;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.triggers.SimpleTriggerImpl;
import org.rapport.testing.Eventually;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real Quartz scheduler (in memory) with a trigger that ends its firing in ERROR, as the JDBC store leaves a trigger
 * whose job an older instance could not load: it is named, and the reset puts it back to waiting.
 */
class TriggersInErrorTest {

    Scheduler scheduler;

    @AfterEach
    void stop() throws Exception {
        scheduler.shutdown(true);
    }

    @Test
    void aTriggerInErrorIsNamedAndResetAndNoOtherIsTouched() throws Exception {
        scheduler = MemoryScheduler.create("error-test", Duration.ofSeconds(60));
        scheduler.scheduleJob(JobBuilder.newJob(MisfireCounterTest.NoJob.class).withIdentity("Broken", "rapport").build(),
                erring(TriggerKey.triggerKey("Broken", "rapport")));
        scheduler.scheduleJob(JobBuilder.newJob(MisfireCounterTest.NoJob.class).withIdentity("Fine", "rapport").build(),
                TriggerBuilder.newTrigger().withIdentity("Fine", "rapport").startNow()
                        .withSchedule(SimpleScheduleBuilder.repeatHourlyForever()).build());
        scheduler.scheduleJob(JobBuilder.newJob(MisfireCounterTest.NoJob.class).withIdentity("Theirs", "other").build(),
                erring(TriggerKey.triggerKey("Theirs", "other")));
        assertThat(TriggersInError.in(scheduler, "rapport")).as("nothing has fired yet").isEmpty();

        scheduler.start();
        Eventually.within(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(TriggersInError.in(scheduler, "rapport")).containsExactly("Broken"));
        Eventually.within(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(TriggersInError.in(scheduler, "other")).containsExactly("Theirs"));
        scheduler.standby();

        assertThat(TriggersInError.reset(scheduler, "rapport")).containsExactly("Broken");

        assertThat(TriggersInError.in(scheduler, "rapport")).isEmpty();
        assertThat(scheduler.getTriggerState(TriggerKey.triggerKey("Broken", "rapport"))).isEqualTo(Trigger.TriggerState.NORMAL);
        assertThat(scheduler.getTriggerState(TriggerKey.triggerKey("Theirs", "other"))).as("another group's is not ours to reset")
                .isEqualTo(Trigger.TriggerState.ERROR);
    }

    /** Fires now and every hour; its first firing leaves it in ERROR, as a job that cannot be loaded does. */
    private static Trigger erring(TriggerKey key) {
        SimpleTriggerImpl trigger = new SimpleTriggerImpl() {
            @Override
            public CompletedExecutionInstruction executionComplete(JobExecutionContext context,
                    org.quartz.JobExecutionException result) {
                return CompletedExecutionInstruction.SET_TRIGGER_ERROR;
            }
        };
        trigger.setKey(key);
        trigger.setJobKey(org.quartz.JobKey.jobKey(key.getName(), key.getGroup()));
        trigger.setStartTime(new java.util.Date());
        trigger.setRepeatInterval(Duration.ofHours(1).toMillis());
        trigger.setRepeatCount(SimpleTriggerImpl.REPEAT_INDEFINITELY);
        return trigger;
    }
}
