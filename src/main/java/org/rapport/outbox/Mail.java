package org.rapport.outbox;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A message to enqueue.
 *
 * @param key         the idempotency key: the same cause always gives the same key, so it never enqueues twice
 * @param customerId  the customer it goes to, or {@code null} for internal mail
 * @param salespersonId for internal mail the recipient; for customer mail the sender if not the customer's owner
 * @param locale      BCP 47 tag, or {@code null} for the recipient's own
 * @param fields      what the cause adds to the template model (a purchase, a problem, call-list items)
 * @param notBefore   the earliest moment it may leave, inside the recipient's send window
 */
public record Mail(String key, String template, Long customerId, Long salespersonId, String locale,
                   Map<String, Object> fields, Instant notBefore) {

    public Mail {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(notBefore, "notBefore");
        if (key.isBlank() || key.length() > 191) {
            throw new IllegalArgumentException("An idempotency key has 1 to 191 characters");
        }
        if (customerId == null && salespersonId == null) {
            throw new IllegalArgumentException("A message goes to a customer or to a salesperson");
        }
        fields = fields == null ? Map.of() : fields;
    }

    public MailPurpose purpose() {
        return MailPurpose.of(template);
    }
}
