package org.rapport.outbox;

import java.time.Instant;

/**
 * Fired (synchronously, inside the transaction that records it) when the outbox records a message as SENT: the SMTP
 * server took it at {@code sentAt}. A feature that queued the message finds its own by {@code template} and
 * {@code idempotencyKey}; an observer returns at once for a template it does not own, since every delivery fires this.
 *
 * @param customerId the recipient customer, null for internal mail
 */
public record MessageSent(long messageId, String template, String idempotencyKey, Long customerId, Instant sentAt) {
}
