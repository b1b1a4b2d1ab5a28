package org.rapport.netweaving;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.rapport.platform.jobs.Scheduled;

/**
 * Reminds customers who have not answered a consent request and expires requests left unanswered after the reminder
 * ({@link IntroductionConsents#settle}), each introduction in a transaction of its own; one instance at a time.
 * Idempotent: each introduction is locked and decided again before it is touched, and a reminder is keyed per
 * introduction and side.
 */
@Dependent
@Scheduled(cron = "rapport.introductions.consent.cron")
@DisallowConcurrentExecution
public class ConsentReminderJob implements Job {

    @Inject
    IntroductionConsents consents;

    @Override
    public void execute(JobExecutionContext context) {
        for (long id : consents.dueForReminderOrExpiry()) {
            consents.settle(id);
        }
    }
}
