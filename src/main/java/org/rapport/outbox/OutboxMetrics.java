package org.rapport.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.rapport.platform.metrics.Gauges;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The outbox at {@code /metrics}: how much is due and unsent, how long the oldest due message has waited (a stuck or
 * too slow dispatch shows here first), and how many messages were given up on. Read from the shared database, so every
 * instance reports the same figures.
 */
@ApplicationScoped
public class OutboxMetrics {

    /** What a scrape counts at most: beyond it the figure says "at least this many", at a bounded cost to the database. */
    static final int COUNT_CAP = 100_000;

    @Inject
    MetricRegistry registry;

    @Inject
    OutboxMapper mapper;

    @Inject
    Clock clock;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        Gauges.register(registry, "rapport.outbox.backlog",
                "Messages due and not yet sent (waiting for a dispatcher or on their way), counted up to 100,000",
                () -> mapper.dueCount(clock.instant(), COUNT_CAP));
        Gauges.register(registry, "rapport.outbox.oldest.due.age",
                "How long the longest-waiting due message has waited; 0 when none waits", MetricUnits.SECONDS, this::oldestDueAge);
        Gauges.register(registry, "rapport.outbox.failed",
                "Messages refused for good or out of attempts (FAILED), counted up to 100,000; an increase means mail is being lost",
                () -> mapper.countUpTo(OutboxStatus.FAILED, COUNT_CAP));
    }

    private long oldestDueAge() {
        Instant now = clock.instant();
        return mapper.oldestDue(now).map(since -> Duration.between(since, now).toSeconds()).orElse(0L);
    }
}
