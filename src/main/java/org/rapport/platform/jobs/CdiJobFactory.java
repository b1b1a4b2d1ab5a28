package org.rapport.platform.jobs;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import org.quartz.Job;
import org.quartz.Scheduler;
import org.quartz.spi.JobFactory;
import org.quartz.spi.TriggerFiredBundle;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Each firing gets a fresh CDI bean of the job class, disposed of when it is done. */
final class CdiJobFactory implements JobFactory {

    private static final Logger LOG = Logger.getLogger(CdiJobFactory.class.getName());

    @Override
    public Job newJob(TriggerFiredBundle bundle, Scheduler scheduler) {
        Class<? extends Job> type = bundle.getJobDetail().getJobClass();
        return context -> run(CDI.current().select(type), context);
    }

    private static <J extends Job> void run(Instance<J> instance, org.quartz.JobExecutionContext context)
            throws org.quartz.JobExecutionException {
        J job = instance.get();
        try {
            job.execute(context);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, job.getClass().getSimpleName() + " failed", e);
            throw new org.quartz.JobExecutionException(e);
        } finally {
            instance.destroy(job);
        }
    }
}
