package org.rapport.problems;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

/**
 * What storing a problem tells the rest of Rapport, the same whether it came through the API or a CSV import: a new
 * problem fires {@link ProblemOpened}; one stored resolved for the first time fires {@link ProblemResolved} (the
 * planner schedules the follow-up).
 */
@ApplicationScoped
class ProblemEvents {

    @Inject
    Event<ProblemOpened> opened;

    @Inject
    Event<ProblemResolved> resolved;

    /** @param before the problem as stored until now, or {@code null} for a new one */
    void stored(ProblemMapper.Stored before, long customerId, Problem after) {
        if (before == null) {
            opened.fire(new ProblemOpened(customerId, after.externalId(), after.openedAt(), after.resolvedAt() == null));
        }
        if (after.resolvedAt() != null && (before == null || before.resolvedAt() == null)) {
            resolved.fire(new ProblemResolved(customerId, after.externalId(), after.resolvedAt()));
        }
    }

    /** A stored open problem was resolved (the help-desk hook). */
    void resolved(long customerId, String externalId, java.time.Instant at) {
        resolved.fire(new ProblemResolved(customerId, externalId, at));
    }
}
