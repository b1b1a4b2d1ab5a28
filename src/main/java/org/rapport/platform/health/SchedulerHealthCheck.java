package org.rapport.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.rapport.platform.jobs.Scheduling;

/** Ready only when this instance takes part in the clustered schedule. */
@Readiness
@ApplicationScoped
public class SchedulerHealthCheck implements HealthCheck {

    @Inject
    Scheduling scheduling;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("scheduler").status(scheduling.isRunning()).build();
    }
}
