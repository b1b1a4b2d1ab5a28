package org.rapport.platform.jobs;

import org.junit.jupiter.api.Test;
import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.TriggerBuilder;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real Quartz scheduler (in memory): the scheduled firing of a job is logged with the moment its trigger named and
 * the instance, in the line {@link Firing#in} reads back; a run started by hand is not.
 */
class FiringLogTest {

    @Test
    void aScheduledFiringIsLoggedWithItsMomentAndInstanceAndReadBack() throws Exception {
        Scheduler scheduler = MemoryScheduler.create("firing-log-test", java.time.Duration.ofMinutes(1)); // never missed, however busy the machine
        scheduler.getListenerManager().addTriggerListener(new FiringLog("host/42/abcd1234"));
        List<String> lines = new CopyOnWriteArrayList<>();
        CountDownLatch ran = new CountDownLatch(2);
        Logger log = Logger.getLogger(FiringLog.class.getName());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        log.addHandler(capture);
        Counting.ran = ran;
        Instant at = Instant.now().plusMillis(300);
        try {
            JobKey job = JobKey.jobKey("Counting", Scheduling.GROUP);
            scheduler.scheduleJob(JobBuilder.newJob(Counting.class).withIdentity(job).storeDurably().build(),
                    TriggerBuilder.newTrigger().withIdentity("Counting", Scheduling.GROUP).startAt(Date.from(at)).build());
            scheduler.start();
            scheduler.triggerJob(job);

            assertThat(ran.await(10, TimeUnit.SECONDS)).as("both runs happened").isTrue();
        } finally {
            scheduler.shutdown(true);
            log.removeHandler(capture);
        }

        List<Firing> firings = Firing.in(lines);
        assertThat(firings).hasSize(1);
        Firing firing = firings.get(0);
        assertThat(firing.job()).isEqualTo("Counting");
        assertThat(firing.scheduled()).isEqualTo(at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(firing.instance()).isEqualTo("host/42/abcd1234");
        assertThat(firing.lateness().isNegative()).isFalse();
    }

    public static class Counting implements org.quartz.Job {
        static volatile CountDownLatch ran;

        @Override
        public void execute(org.quartz.JobExecutionContext context) {
            ran.countDown();
        }
    }
}
