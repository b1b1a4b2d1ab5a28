package org.rapport.responses;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.rapport.platform.jobs.Scheduled;

/**
 * Reads the reply mailbox on its schedule, when one is configured. One reader at a time across the cluster, so two
 * instances never handle the same email at once.
 */
@Dependent
@Scheduled(cron = "rapport.mail.imap.cron")
@DisallowConcurrentExecution
public class ReplyMailboxJob implements Job {

    @Inject
    ImapSettings settings;

    @Inject
    ReplyMailbox mailbox;

    @Override
    public void execute(JobExecutionContext context) {
        if (settings.enabled()) {
            mailbox.readNew();
        }
    }
}
