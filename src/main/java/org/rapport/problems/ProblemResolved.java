package org.rapport.problems;

import java.time.Instant;

/** CDI event: a problem was resolved (the planner schedules the follow-up call). */
public record ProblemResolved(long customerId, String problemExternalId, Instant resolvedAt) {
}
