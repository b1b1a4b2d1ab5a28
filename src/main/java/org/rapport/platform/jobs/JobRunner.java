package org.rapport.platform.jobs;

import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;

/** Runs one firing of a job bean; called through a contextual proxy so that Quartz's threads get the container context. */
public interface JobRunner {
    void run(Class<? extends Job> type, JobExecutionContext context) throws JobExecutionException;
}
