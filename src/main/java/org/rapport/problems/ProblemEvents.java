package org.rapport.problems;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

/**
 * What storing a problem tells the rest of Rapport, the same whether it came through the API or a CSV import: a new
 * problem, or a resolved one stored open again (its resolved_at cleared), fires {@link ProblemOpened}; one stored
 * resolved for the first time fires {@link ProblemResolved} (the planner schedules the follow-up).
 */
@ApplicationScoped
class ProblemEvents {

    @Inject
    Event<ProblemOpened> opened;

    @Inject
    Event<ProblemResolved> resolved;

    /**
     * Whether storing {@code after} over {@code before} opens a problem for its customer: a new open one, or a resolved
     * one opened again. The caller holds the customer row for the contact policy first
     * ({@code ConsentService.holdForPolicyChange}).
     *
     * @param before the problem as stored until now, or {@code null} for a new one
     */
    static boolean opens(ProblemMapper.Stored before, Problem after) {
        return after.resolvedAt() == null && (before == null || before.resolvedAt() != null);
    }

    /** @param before the problem as stored until now, or {@code null} for a new one */
    void stored(ProblemMapper.Stored before, long customerId, Problem after) {
        if (before == null || opens(before, after)) { // a new one also when it was resolved long ago (stillOpen false)
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
