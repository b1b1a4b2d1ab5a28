package org.rapport.retention;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.rapport.platform.jobs.Scheduled;

/** Nightly: removes the personal text older than its retention age. */
@Dependent
@Scheduled(cron = "rapport.retention.cron")
@DisallowConcurrentExecution
public class RetentionJob implements Job {

    @Inject
    RetentionService retention;

    @Override
    public void execute(JobExecutionContext context) {
        retention.run();
    }
}
