package org.rapport.platform.jobs;

import org.eclipse.microprofile.metrics.Counter;
import org.junit.jupiter.api.Test;
import org.quartz.JobBuilder;
import org.quartz.Scheduler;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;

import java.time.Instant;
import java.util.Date;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** A real Quartz scheduler (in memory) that finds a firing missed by ten minutes: the counter counts it once. */
class MisfireCounterTest {

    @Test
    void aFiringMissedBeyondTheThresholdIsCountedOnce() throws Exception {
        Scheduler scheduler = MemoryScheduler.create("misfire-test", java.time.Duration.ofSeconds(1));
        AtomicLong count = new AtomicLong();
        CountDownLatch counted = new CountDownLatch(1);
        scheduler.getListenerManager().addTriggerListener(new MisfireCounter(new Counter() {
            @Override
            public void inc() {
                count.incrementAndGet();
                counted.countDown();
            }

            @Override
            public void inc(long n) {
                count.addAndGet(n);
            }

            @Override
            public long getCount() {
                return count.get();
            }
        }));
        try {
            scheduler.scheduleJob(JobBuilder.newJob(NoJob.class).withIdentity("late").build(),
                    TriggerBuilder.newTrigger().withIdentity("late").startAt(Date.from(Instant.now().minusSeconds(600)))
                            .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow()).build());
            scheduler.start();

            assertThat(counted.await(10, TimeUnit.SECONDS)).as("the misfire was noticed").isTrue();
            Thread.sleep(200); // the firing that follows is on time: no second count
            assertThat(count.get()).isEqualTo(1);
        } finally {
            scheduler.shutdown(true);
        }
    }

    public static class NoJob implements org.quartz.Job {
        @Override
        public void execute(org.quartz.JobExecutionContext context) {
        }
    }
}
