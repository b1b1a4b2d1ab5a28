package org.rapport.planning;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.rapport.platform.jobs.Scheduled;

/**
 * The full plan, on one instance of the cluster at a time. A run missed while the service was down fires once at start
 * ("fire and proceed"), never once per missed hour, and plans today only.
 */
@Dependent
@Scheduled(cron = "rapport.planning.cron")
@DisallowConcurrentExecution
public class PlanningJob implements Job {

    @Inject
    PlanningService planning;

    @Override
    public void execute(JobExecutionContext context) {
        planning.planAll();
    }
}
