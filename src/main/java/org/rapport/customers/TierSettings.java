package org.rapport.customers;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.rapport.platform.config.Setting;
import org.rapport.platform.startup.StartupStep;

/**
 * {@code rapport.tiers.batch-size}, customer ids per transaction of the tier recomputation, checked at start: a size
 * that cannot work stops the start with its name, not the first nightly run hours later.
 */
@ApplicationScoped
public class TierSettings implements StartupStep {

    /** Largest range: each is one transaction whose customer rows a logged call may wait for. */
    static final int MAX_BATCH = 100_000;

    @Inject
    @ConfigProperty(name = "rapport.tiers.batch-size")
    int batchSize;

    /** Customer ids per transaction: a few thousand rows locked for a moment. */
    int batchSize() {
        return checked(batchSize);
    }

    static int checked(int batchSize) {
        return Setting.within("rapport.tiers.batch-size", batchSize, 1, MAX_BATCH);
    }

    @Override
    public int order() {
        return 15;
    }

    @Override
    public void run() {
        batchSize();
    }
}
