package org.rapport.customers;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.quartz.DisallowConcurrentExecution;
import org.rapport.platform.jobs.Scheduled;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Nightly: tiers follow the last twelve months of purchases. Idempotent, so a duplicate firing does no harm. */
@Dependent
@Scheduled(cron = "rapport.tiers.cron")
@DisallowConcurrentExecution
public class TierRecomputationJob implements Job {

    @Inject
    TierService tiers;

    @Override
    public void execute(JobExecutionContext context) {
        tiers.recompute();
    }
}
