package org.rapport.outbox;

import java.util.Locale;

/**
 * How the SMTP connection is secured ({@code RAPPORT_SMTP_TLS}). MicroProfile Config converts the setting with
 * {@link #of}, and an injected value that does not convert fails the deployment: a typo never sends mail in the clear.
 */
public enum SmtpTls {
    /** Plain SMTP (a relay on the same host or network). */
    NONE,
    /** STARTTLS, required, the server's identity checked. */
    STARTTLS,
    /** Implicit TLS (SMTPS, usually port 465), the server's identity checked. */
    TLS;

    public static SmtpTls of(String setting) {
        return switch (setting.strip().toLowerCase(Locale.ROOT)) {
            case "none" -> NONE;
            case "starttls" -> STARTTLS;
            case "tls", "ssl" -> TLS;
            default -> throw new IllegalArgumentException("RAPPORT_SMTP_TLS is '" + setting
                    + "'; it must be starttls, tls or none");
        };
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
