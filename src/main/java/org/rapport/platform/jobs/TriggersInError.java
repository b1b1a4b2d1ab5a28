package org.rapport.platform.jobs;

import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;

import java.util.ArrayList;
import java.util.List;

/**
 * Triggers Quartz put in ERROR: an instance picked one up and could not load its job, as an instance of an older
 * version does during a rolling upgrade that adds a job. Quartz never fires such a trigger again by itself.
 */
final class TriggersInError {

    private TriggersInError() {
    }

    /** The names of the group's triggers in ERROR (one state read per trigger: a dozen small reads). */
    static List<String> in(Scheduler scheduler, String group) throws SchedulerException {
        List<String> names = new ArrayList<>();
        for (TriggerKey key : scheduler.getTriggerKeys(GroupMatcher.triggerGroupEquals(group))) {
            if (scheduler.getTriggerState(key) == Trigger.TriggerState.ERROR) {
                names.add(key.getName());
            }
        }
        return names;
    }

    /** Puts the group's triggers in ERROR back to waiting for their next firing, and names them. */
    static List<String> reset(Scheduler scheduler, String group) throws SchedulerException {
        List<String> names = in(scheduler, group);
        for (String name : names) {
            scheduler.resetTriggerFromErrorState(TriggerKey.triggerKey(name, group));
        }
        return names;
    }
}
