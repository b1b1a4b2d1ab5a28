package org.rapport.calllists;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.rapport.platform.jobs.Scheduled;

/** Every quarter of an hour: the salespeople whose morning has come get their call list by email. */
@Dependent
@Scheduled(cron = "rapport.call-lists.digest-cron")
@DisallowConcurrentExecution
public class DailyDigestJob implements Job {

    @Inject
    DailyDigest digest;

    @Override
    public void execute(JobExecutionContext context) {
        digest.enqueueDue();
    }
}
