package org.rapport.netweaving;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.rapport.platform.jobs.Scheduled;

import java.util.function.LongConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The introductions' due steps, each introduction in a transaction of its own, one instance at a time: a CONSENTED
 * introduction whose copies were sent or lost without its event being handled ({@link IntroductionConsents#catchUp}),
 * the reminder or
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

    private static final Logger LOG = Logger.getLogger(IntroductionStepsJob.class.getName());

    @Override
    public void execute(JobExecutionContext context) {
        for (long id : consents.waitingForCopies()) {
            step(id, "follow its copies' delivery", consents::catchUp);
        }
        for (long id : consents.dueForReminderOrExpiry()) {
            step(id, "remind or expire", consents::settle);
        }
        for (long id : meetings.due()) {
            step(id, "ask whether they met", meetings::ask);
        }
    }

    /** One introduction that fails is logged and left for the next run; it holds up no other. */
    private static void step(long id, String what, LongConsumer step) {
        try {
            step.accept(id);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, e, () -> "Introduction " + id + ": could not " + what + "; tried again next run");
        }
    }
}
