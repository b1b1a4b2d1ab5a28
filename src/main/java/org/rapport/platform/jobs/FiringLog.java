package org.rapport.platform.jobs;

import org.quartz.JobExecutionContext;
import org.quartz.Trigger;
import org.quartz.listeners.TriggerListenerSupport;

import java.util.logging.Logger;

/**
 * Logs every firing of a scheduled trigger on the instance that runs it, with the moment the trigger named: in a cluster
 * the logs of all instances together show each scheduled moment once, how late it ran and where. Only the schedule's
 * own triggers (named after their job): runs started by hand ({@link Scheduling#triggerNow}) are not on a schedule.
 */
final class FiringLog extends TriggerListenerSupport {

    private static final Logger LOG = Logger.getLogger(FiringLog.class.getName());

    private final String instance;

    FiringLog(String instance) {
        this.instance = instance;
    }

    @Override
    public String getName() {
        return "firing-log";
    }

    @Override
    public void triggerFired(Trigger trigger, JobExecutionContext context) {
        if (context.getScheduledFireTime() == null || !Scheduling.GROUP.equals(trigger.getKey().getGroup())
                || !trigger.getKey().getName().equals(trigger.getJobKey().getName())) {
            return;
        }
        Firing firing = new Firing(trigger.getJobKey().getName(), context.getScheduledFireTime().toInstant(),
                context.getFireTime().toInstant(), instance);
        LOG.info(firing::line);
    }
}
