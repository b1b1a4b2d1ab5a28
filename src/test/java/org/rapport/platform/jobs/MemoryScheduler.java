package org.rapport.platform.jobs;

import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.StdSchedulerFactory;

import java.util.Properties;

/** A real Quartz scheduler in memory, one job thread, not started: for the listeners' tests. */
final class MemoryScheduler {

    private MemoryScheduler() {
    }

    /** @param misfireThreshold how late a firing may be before Quartz counts it missed */
    static Scheduler create(String name, java.time.Duration misfireThreshold) throws SchedulerException {
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", name);
        p.setProperty("org.quartz.threadPool.threadCount", "1");
        p.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        p.setProperty("org.quartz.jobStore.misfireThreshold", Long.toString(misfireThreshold.toMillis()));
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        return new StdSchedulerFactory(p).getScheduler();
    }
}
