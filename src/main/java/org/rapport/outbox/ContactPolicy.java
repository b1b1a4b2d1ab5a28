package org.rapport.outbox;

import java.util.Optional;
import java.util.Set;

/**
 * Whether a customer may receive an email of a purpose right now, checked again at the moment of sending: consent can
 * be withdrawn, and an address can start bouncing, between enqueueing and sending.
 */
public final class ContactPolicy {

    /** The customer's contact state as stored. */
    public record State(String email, boolean emailOk, boolean doNotContact, boolean unsubscribed,
                        Set<MailPurpose> stoppedPurposes, boolean bouncing) {
    }

    private ContactPolicy() {
    }

    /** The reason the message must not be sent, or empty when it may go. */
    public static Optional<String> blocks(State customer, MailPurpose purpose) {
        if (!purpose.isOutreach()) {
            return Optional.empty();
        }
        if (customer.doNotContact()) {
            return Optional.of("the customer is marked do-not-contact");
        }
        if (customer.unsubscribed()) {
            return Optional.of("the customer unsubscribed");
        }
        if (!customer.emailOk()) {
            return Optional.of("the customer does not accept email (email_ok is false)");
        }
        if (customer.stoppedPurposes().contains(purpose)) {
            return Optional.of("the customer stopped emails of the purpose " + purpose);
        }
        if (customer.bouncing()) {
            return Optional.of("the customer's address bounces");
        }
        if (customer.email() == null || customer.email().isBlank()) {
            return Optional.of("the customer has no email address");
        }
        return Optional.empty();
    }
}
