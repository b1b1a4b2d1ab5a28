package org.rapport.platform.jobs;

import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.quartz.Trigger;
import org.quartz.listeners.TriggerListenerSupport;

/**
 * Counts the firings Quartz found missed by more than its misfire threshold (all instances down, or every job thread
 * busy). In a cluster the instance that notices a misfire counts it, so the sum over instances is the cluster's count.
 */
final class MisfireCounter extends TriggerListenerSupport {

    static final Metadata METADATA = Metadata.builder().withName("rapport.quartz.misfires")
            .withDescription("Scheduled firings missed by more than the misfire threshold, as noticed by this instance").build();

    private final Counter misfires;

    MisfireCounter(Counter misfires) {
        this.misfires = misfires;
    }

    @Override
    public String getName() {
        return "misfire-counter";
    }

    @Override
    public void triggerMisfired(Trigger trigger) {
        misfires.inc();
    }
}
