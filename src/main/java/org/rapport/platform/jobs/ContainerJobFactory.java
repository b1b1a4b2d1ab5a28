package org.rapport.platform.jobs;

import org.quartz.Job;
import org.quartz.Scheduler;
import org.quartz.spi.JobFactory;
import org.quartz.spi.TriggerFiredBundle;

/** Quartz asks for a job; it gets a shell that hands the firing to the container-context {@link JobRunner}. */
final class ContainerJobFactory implements JobFactory {

    private final JobRunner runner;

    ContainerJobFactory(JobRunner runner) {
        this.runner = runner;
    }

    @Override
    public Job newJob(TriggerFiredBundle bundle, Scheduler scheduler) {
        Class<? extends Job> type = bundle.getJobDetail().getJobClass();
        return context -> runner.run(type, context);
    }
}
