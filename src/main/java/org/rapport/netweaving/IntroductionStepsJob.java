package org.rapport.netweaving;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.rapport.platform.jobs.Scheduled;

/**
 * The introductions' due steps, each introduction in a transaction of its own, one instance at a time: the reminder or
 * expiry of an unanswered consent request ({@link IntroductionConsents#settle}) and the "did you meet?" email
 * ({@link MeetingQuestions#ask}). Idempotent: each introduction is locked and decided again before it is touched, and
 * every email is keyed per introduction and customer.
 */
@Dependent
@Scheduled(cron = "rapport.introductions.cron")
@DisallowConcurrentExecution
public class IntroductionStepsJob implements Job {

    @Inject
    IntroductionConsents consents;

    @Inject
    MeetingQuestions meetings;

    @Override
    public void execute(JobExecutionContext context) {
        for (long id : consents.dueForReminderOrExpiry()) {
            consents.settle(id);
        }
        for (long id : meetings.due()) {
            meetings.ask(id);
        }
    }
}
