package org.rapport.outbox;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.rapport.platform.jobs.Scheduled;

/**
 * Every few seconds: drain what is due. Concurrent firings are allowed, so while a backlog lasts the firings spread
 * over the instances of the cluster and each runs up to its configured number of dispatchers.
 */
@Dependent
@Scheduled(cron = "rapport.mail.dispatch.cron")
public class OutboxDispatchJob implements Job {

    @Inject
    Dispatcher dispatcher;

    @Override
    public void execute(JobExecutionContext context) {
        dispatcher.drain();
    }
}
