package org.rapport.problems;

import java.time.Instant;

/**
 * CDI event: a problem was stored for the first time, through the API or a CSV import (fired inside that transaction).
 *
 * @param stillOpen whether it is open as stored (an import also brings problems that were resolved long ago)
 */
public record ProblemOpened(long customerId, String problemExternalId, Instant openedAt, boolean stillOpen) {
}
