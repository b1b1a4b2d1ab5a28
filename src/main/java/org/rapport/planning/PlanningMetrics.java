package org.rapport.planning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.rapport.platform.metrics.Gauges;

import java.time.Clock;
import java.time.Duration;

/**
 * Planning at {@code /metrics}: how long ago the newest finished plan was due (an hourly plan that stops shows as this
 * figure passing an hour), and how long after its planning time that plan finished. From {@code planning_run}, shared
 * by all instances; NaN before the first plan has finished.
 */
@ApplicationScoped
public class PlanningMetrics {

    @Inject
    MetricRegistry registry;

    @Inject
    PlanningMapper mapper;

    @Inject
    Clock clock;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        Gauges.register(registry, "rapport.planning.since.last.plan",
                "Time since the planning time of the newest finished plan", MetricUnits.SECONDS,
                () -> mapper.lastFinished().map(run -> Duration.between(run.slot, clock.instant()).toSeconds()).orElse(null));
        Gauges.register(registry, "rapport.planning.last.plan.lateness",
                "How long after its planning time the newest finished plan finished (its wait plus its run)", MetricUnits.SECONDS,
                () -> mapper.lastFinished().map(run -> Duration.between(run.slot, run.finishedAt).toMillis() / 1000.0).orElse(null));
    }
}
