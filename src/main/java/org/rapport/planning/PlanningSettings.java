package org.rapport.planning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.rapport.platform.startup.StartupStep;

import java.time.Duration;

/**
 * {@code rapport.planning.lease-seconds} and {@code rapport.planning.retry-seconds} (defaults in
 * microprofile-config.properties), checked at start: settings that cannot work stop it with their name.
 */
@ApplicationScoped
public class PlanningSettings implements StartupStep {

    @Inject
    @ConfigProperty(name = "rapport.planning.lease-seconds")
    int leaseSeconds;

    @Inject
    @ConfigProperty(name = "rapport.planning.retry-seconds")
    int retrySeconds;

    PlanningLease lease() {
        return new PlanningLease(Duration.ofSeconds(leaseSeconds), Duration.ofSeconds(retrySeconds));
    }

    @Override
    public int order() {
        return 16;
    }

    @Override
    public void run() {
        lease();
    }
}
