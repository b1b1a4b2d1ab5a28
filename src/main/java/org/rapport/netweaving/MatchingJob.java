package org.rapport.netweaving;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.rapport.platform.jobs.Scheduled;

import java.util.logging.Logger;

/**
 * Weekly (default Monday 06:00 in {@code rapport.schedule.zone}): a matching run. The lock row of the run, not only
 * Quartz, keeps it to one at a time: a run asked for through the API meanwhile is refused, and this one is skipped while
 * another is under way.
 */
@Dependent
@Scheduled(cron = "rapport.introductions.match.cron")
@DisallowConcurrentExecution
public class MatchingJob implements Job {

    private static final Logger LOG = Logger.getLogger(MatchingJob.class.getName());

    @Inject
    MatchingService matching;

    @Override
    public void execute(JobExecutionContext context) {
        if (matching.runIfIdle(IntroductionEvent.RAPPORT).isEmpty()) {
            LOG.info("Weekly matching skipped: another run is under way.");
        }
    }
}
