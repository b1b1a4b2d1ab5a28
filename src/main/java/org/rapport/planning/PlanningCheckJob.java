package org.rapport.planning;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.rapport.platform.jobs.Scheduled;

/**
 * Checks often (every minute by default) that the due planning time is served, and plans it when it is not: its plan
 * failed and gave the time back, or its instance died or lost the database mid-plan and the claim's lease ran out
 * ({@link PlanningLease}). A job of its own rather than PlanningJob at a shorter cron: planning times stay those of
 * {@code rapport.planning.cron}, and a plan hanging on one instance does not stop the check (while PlanningJob runs,
 * Quartz runs it nowhere else).
 */
@Dependent
@Scheduled(cron = "rapport.planning.check-cron")
@DisallowConcurrentExecution
public class PlanningCheckJob implements Job {

    @Inject
    PlanningService planning;

    @Override
    public void execute(JobExecutionContext context) {
        planning.planScheduled();
    }
}
