package org.rapport.reports;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.rapport.platform.jobs.Scheduled;

/** Every quarter of an hour: the managers whose Monday 08:00 has come get last week's netweaving report by email. */
@Dependent
@Scheduled(cron = "rapport.reports.netweaving-weekly-cron")
@DisallowConcurrentExecution
public class WeeklyNetweavingReportJob implements Job {

    @Inject
    WeeklyNetweavingReport report;

    @Override
    public void execute(JobExecutionContext context) {
        report.enqueueDue();
    }
}
