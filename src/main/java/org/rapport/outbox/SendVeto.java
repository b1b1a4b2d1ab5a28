package org.rapport.outbox;

import java.util.Optional;

/**
 * The last word of the feature that queued a customer email on whether its cause still stands, asked right before the
 * email leaves (after the contact policy): mail queued for a later moment (a send window) may have been overtaken
 * meanwhile. The outbox declares it and features implement it, as {@link SendWindows}, so the outbox depends on none of
 * them; netweaving's keeps an introduction from delivering a customer who can no longer be introduced, and a consent
 * request from asking what was answered already.
 */
public interface SendVeto {

    /**
     * Why this message must not leave now, or empty when it may (the answer for every message the feature did not queue).
     * Asked in the delivery's transaction, which holds the message's row and, shared, its customer's row.
     *
     * @param key        the message's idempotency key, as its cause made it
     * @param customerId the customer it goes to
     */
    Optional<String> vetoes(MailTemplate template, String key, long customerId);
}
