package org.rapport.outbox;

import org.rapport.customers.Consent;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Why a message is sent. Customers consent per purpose (they may keep thank-you notes and stop check-ins: see
 * {@link Consent}); outreach counts against the cap of emails per seven days. Mail the customer asked for
 * ({@code REQUESTED}: an answer to their request) is no outreach: neither capped nor stopped by an unsubscribe or a
 * stopped purpose, only by do-not-contact and an address that cannot receive it. Internal mail to salespeople and
 * managers is not outreach and no customer consent applies to it.
 */
public enum MailPurpose {
    THANK_YOU(Consent.Purpose.THANK_YOU), CHECK_IN(Consent.Purpose.CHECK_IN), INTRODUCTION(Consent.Purpose.INTRODUCTION),
    REWARD(Consent.Purpose.REWARD), REQUESTED(null), INTERNAL(null), POLLS(Consent.Purpose.POLLS);

    private final Consent.Purpose consented;

    MailPurpose(Consent.Purpose consented) {
        this.consented = consented;
    }

    public boolean isOutreach() {
        return consented != null;
    }

    /** The purposes the cap on outreach email counts. */
    public static List<MailPurpose> outreach() {
        return Arrays.stream(values()).filter(MailPurpose::isOutreach).toList();
    }

    /** Whether it goes to a customer: outreach, or mail the customer asked for. */
    public boolean toCustomer() {
        return this != INTERNAL;
    }

    /** Why the customer must not get a message of this purpose now, or empty when it may go (internal mail always may). */
    public Optional<String> blockedBy(Consent consent) {
        if (this == REQUESTED) {
            return consent.blocksRequestedEmail();
        }
        return isOutreach() ? consent.blocksEmail(consented) : Optional.empty();
    }

    /** The outreach purpose a customer keeps or stops as {@code purpose}. */
    public static MailPurpose of(Consent.Purpose purpose) {
        return valueOf(purpose.name());
    }

    /** Parses a purpose as written in forms and the API ({@code thank_you}, {@code THANK-YOU}). */
    public static MailPurpose parse(String text) {
        return valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
