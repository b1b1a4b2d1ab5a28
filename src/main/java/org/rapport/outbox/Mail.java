package org.rapport.outbox;

import java.time.Instant;
import java.util.Objects;

/**
 * A message to enqueue.
 *
 * @param key         the idempotency key: the same cause always gives the same key, so it never enqueues twice
 * @param customerId  the customer it goes to, or {@code null} for internal mail
 * @param salespersonId for internal mail the recipient; for customer mail the sender if not the customer's owner
 * @param locale      BCP 47 tag, or {@code null} for the recipient's own
 * @param model       what the cause adds to the message (a purchase, a problem, call-list items); it names the template
 * @param notBefore   the earliest moment it may leave
 * @param sendWindow  whether it keeps to the customer's send window ({@code notBefore} is inside it): its retries and
 *                    deferrals go back into the window too
 */
public record Mail(String key, MailModel model, Long customerId, Long salespersonId, String locale, Instant notBefore,
                   boolean sendWindow) {

    /** A message that leaves at {@code notBefore}, with no send window. */
    public Mail(String key, MailModel model, Long customerId, Long salespersonId, String locale, Instant notBefore) {
        this(key, model, customerId, salespersonId, locale, notBefore, false);
    }

    public Mail {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(notBefore, "notBefore");
        if (key.isBlank() || key.length() > 191) {
            throw new IllegalArgumentException("An idempotency key has 1 to 191 characters");
        }
        if (customerId == null && salespersonId == null) {
            throw new IllegalArgumentException("A message goes to a customer or to a salesperson");
        }
        sendWindow = sendWindow && customerId != null; // the team's mail has no send window
    }

    public MailTemplate template() {
        return model.template();
    }
}
