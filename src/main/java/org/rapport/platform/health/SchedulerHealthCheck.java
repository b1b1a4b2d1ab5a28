package org.rapport.platform.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.rapport.platform.jobs.Scheduling;

/**
 * Ready only when this instance takes part in the clustered schedule. Jobs whose trigger is in ERROR (an instance of an
 * older version picked up a job it cannot load, during a rolling upgrade) are named in the check's data, without making
 * this instance unready: the next start of an instance resets them.
 */
@Readiness
@ApplicationScoped
public class SchedulerHealthCheck implements HealthCheck {

    @Inject
    Scheduling scheduling;

    @Override
    public HealthCheckResponse call() {
        java.util.List<String> inError = scheduling.jobsInError();
        var response = HealthCheckResponse.named("scheduler").status(scheduling.isRunning());
        return (inError.isEmpty() ? response : response.withData("jobs_in_error", String.join(",", inError))).build();
    }
}
