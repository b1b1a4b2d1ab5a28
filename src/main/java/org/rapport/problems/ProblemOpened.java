package org.rapport.problems;

import java.time.Instant;

/**
 * CDI event: a problem was stored for the first time, or a resolved one was stored open again (its resolved_at
 * cleared), through the API or a CSV import (fired inside that transaction). While it is open, only problem-related
 * touches may happen.
 *
 * @param stillOpen whether it is open as stored (an import also brings new problems that were resolved long ago; one
 *                  opened again always is)
 */
public record ProblemOpened(long customerId, String problemExternalId, Instant openedAt, boolean stillOpen) {
}
