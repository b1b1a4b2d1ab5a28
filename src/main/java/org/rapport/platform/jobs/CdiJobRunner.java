package org.rapport.platform.jobs;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Creates the job as a CDI bean for one firing, runs it, and disposes of it. */
final class CdiJobRunner implements JobRunner {

    private static final Logger LOG = Logger.getLogger(CdiJobRunner.class.getName());

    @Override
    public void run(Class<? extends Job> type, JobExecutionContext context) throws JobExecutionException {
        run(CDI.current().select(type), context);
    }

    private static <J extends Job> void run(Instance<J> instance, JobExecutionContext context) throws JobExecutionException {
        J job = instance.get();
        Class<?> type = job.getClass();
        long started = System.nanoTime();
        try {
            job.execute(context);
            LOG.fine(() -> type.getSimpleName() + " done in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, type.getSimpleName() + " failed", e);
            throw new JobExecutionException(e);
        } finally {
            instance.destroy(job);
        }
    }
}
