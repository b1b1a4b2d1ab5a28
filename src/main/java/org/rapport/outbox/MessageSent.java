package org.rapport.outbox;

import java.time.Instant;

/**
 * Fired in the transaction that records it when the outbox records a message as SENT: the SMTP server took it at
 * {@code sentAt}. An observer that writes must listen {@code during = TransactionPhase.AFTER_SUCCESS} and work in a
 * transaction of its own: inside the record's transaction a failure would roll back the SENT (the row stays SENDING and
 * goes again when its lease runs out) and a lock it waits for would hold the message's row. A feature that queued the message finds its own by {@code template} and
 * {@code idempotencyKey}; an observer returns at once for a template it does not own, since every delivery fires this.
 *
 * @param customerId the recipient customer, null for internal mail
 */
public record MessageSent(long messageId, String template, String idempotencyKey, Long customerId, Instant sentAt) {
}
