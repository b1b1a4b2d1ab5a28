package org.rapport.outbox;

import java.util.Locale;

/**
 * Why a message is sent. Customers consent per purpose (they may keep thank-you notes and stop check-ins); internal
 * mail to salespeople and managers is not outreach and no customer consent applies to it.
 */
public enum MailPurpose {
    THANK_YOU, CHECK_IN, INTRODUCTION, REWARD, INTERNAL;

    public boolean isOutreach() {
        return this != INTERNAL;
    }

    /** The purpose each template serves. */
    public static MailPurpose of(String template) {
        return switch (template) {
            case "thank-you-purchase", "thank-you-anniversary", "thank-you-introduction" -> THANK_YOU;
            case "problem-follow-up", "problem-check-in", "courtesy-check-in" -> CHECK_IN;
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
