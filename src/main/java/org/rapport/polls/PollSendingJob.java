package org.rapport.polls;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.rapport.platform.jobs.Scheduled;

/** Every quarter of an hour: the polls whose first day has come are sent; those past their last day are closed. */
@Dependent
@Scheduled(cron = "rapport.polls.cron")
@DisallowConcurrentExecution
public class PollSendingJob implements Job {

    @Inject
    PollSchedule schedule;

    @Override
    public void execute(JobExecutionContext context) {
        schedule.sendDue();
    }
}
