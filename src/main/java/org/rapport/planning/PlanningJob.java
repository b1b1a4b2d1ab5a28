package org.rapport.planning;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.rapport.platform.jobs.Scheduled;

/**
 * The full plan, on one instance of the cluster at a time, at every planning time and once at start: the service
 * decides by its own clock whether a planning time is still unserved (after a downtime, only the latest one is).
 * {@link PlanningCheckJob} plans it again when a plan failed.
 */
@Dependent
@Scheduled(cron = "rapport.planning.cron", atStart = true)
@DisallowConcurrentExecution
public class PlanningJob implements Job {

    @Inject
    PlanningService planning;

    @Override
    public void execute(JobExecutionContext context) {
        planning.planScheduled();
    }
}
