package org.rapport.outbox;

import org.rapport.customers.Consent;

import java.util.Locale;
import java.util.Optional;

/**
 * Why a message is sent. Customers consent per purpose (they may keep thank-you notes and stop check-ins: see
 * {@link Consent}); internal mail to salespeople and managers is not outreach and no customer consent applies to it.
 */
public enum MailPurpose {
    THANK_YOU(Consent.Purpose.THANK_YOU), CHECK_IN(Consent.Purpose.CHECK_IN), INTRODUCTION(Consent.Purpose.INTRODUCTION),
    REWARD(Consent.Purpose.REWARD), INTERNAL(null);

    private final Consent.Purpose consented;

    MailPurpose(Consent.Purpose consented) {
        this.consented = consented;
    }

    public boolean isOutreach() {
        return consented != null;
    }

    /** Why the customer must not get a message of this purpose now, or empty when it may go (internal mail always may). */
    public Optional<String> blockedBy(Consent consent) {
        return isOutreach() ? consent.blocksEmail(consented) : Optional.empty();
    }

    /** The outreach purpose a customer keeps or stops as {@code purpose}. */
    public static MailPurpose of(Consent.Purpose purpose) {
        return valueOf(purpose.name());
    }

    /** The purpose each template serves. */
    public static MailPurpose of(String template) {
        return switch (template) {
            case "thank-you-purchase", "thank-you-anniversary", "thank-you-introduction" -> THANK_YOU;
            case "problem-follow-up", "problem-check-in" -> CHECK_IN;
            case "introduction-consent", "introduction" -> INTRODUCTION;
            case "reward-notice" -> REWARD;
            case "daily-call-list", "weekly-netweaving-report", "manager-alert" -> INTERNAL;
            default -> throw new IllegalArgumentException("No purpose is known for the template " + template);
        };
    }

    /** Parses a purpose as written in forms and the API ({@code thank_you}, {@code THANK-YOU}). */
    public static MailPurpose parse(String text) {
        return valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
