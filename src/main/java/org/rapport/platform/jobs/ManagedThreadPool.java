package org.rapport.platform.jobs;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import org.quartz.SchedulerConfigException;
import org.quartz.spi.ThreadPool;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Quartz runs its jobs on the container's managed threads instead of threads of its own, so a job has the
 * application's naming, class-loading and security context like any request. Quartz needs to know how many jobs it may
 * start; a semaphore with {@code org.quartz.threadPool.threadCount} permits tells it.
 */
public class ManagedThreadPool implements ThreadPool {

    private static final Logger LOG = Logger.getLogger(ManagedThreadPool.class.getName());
    /**
     * How long a stop waits for running jobs. A job that needs longer is left to the process's end: its work is
     * leased or transactional, so it is taken up again (a job finishing against a database that went away would
     * otherwise hold the stop forever, Quartz retrying its completion until the job store is shut down).
     */
    static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private int threadCount = 4;
    private Semaphore permits;
    private ManagedExecutorService executor;

    /** Set by Quartz from {@code org.quartz.threadPool.threadCount}. */
    public void setThreadCount(int threadCount) {
        this.threadCount = threadCount;
    }

    @Override
    public void initialize() throws SchedulerConfigException {
        permits = new Semaphore(threadCount);
        try {
            // called on the deploying thread, which has the application's naming context
            executor = (ManagedExecutorService) new InitialContext().lookup("java:comp/DefaultManagedExecutorService");
        } catch (NamingException e) {
            throw new SchedulerConfigException("No managed executor for Quartz jobs", e);
        }
    }

    @Override
    public boolean runInThread(Runnable job) {
        if (!permits.tryAcquire()) {
            return false;
        }
        try {
            executor.execute(() -> {
                try {
                    job.run();
                } finally {
                    permits.release();
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            permits.release();
            return false;
        }
    }

    @Override
    public int blockForAvailableThreads() {
        try {
            permits.acquire();
            permits.release();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return permits.availablePermits();
    }

    @Override
    public void shutdown(boolean waitForJobsToComplete) {
        if (!waitForJobsToComplete) {
            return;
        }
        try {
            if (permits.tryAcquire(threadCount, STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                permits.release(threadCount);
            } else {
                LOG.warning(() -> (threadCount - permits.availablePermits()) + " Quartz job(s) still running after "
                        + STOP_WAIT.toSeconds() + " s; stopping without them");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public int getPoolSize() {
        return threadCount;
    }

    @Override
    public void setInstanceId(String schedInstId) {
        // nothing to name: the threads are the container's
    }

    @Override
    public void setInstanceName(String schedName) {
        // nothing to name: the threads are the container's
    }
}
