package org.rapport.problems;

import java.time.Instant;

/** CDI event: a problem was opened through the API. */
public record ProblemOpened(long customerId, String problemExternalId, Instant openedAt) {
}
