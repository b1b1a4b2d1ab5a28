package org.rapport.outbox;

import java.time.Instant;

/**
 * Fired in the transaction that records it (observe it {@code AFTER_SUCCESS}, as {@link MessageSent}) when a message ends without reaching its recipient:
 * FAILED (refused for good, the attempts ran out, not composable) or SUPPRESSED (the contact policy said no at its
 * delivery, or a consent change or a problem suppressed it while it waited). As {@link MessageSent}, an observer
 * returns at once for a template it does not own.
 *
 * @param reason what the row's {@code last_error} says
 */
public record MessageNotSent(long messageId, String template, String idempotencyKey, Long customerId,
                             OutboxStatus status, String reason, Instant at) {
}
