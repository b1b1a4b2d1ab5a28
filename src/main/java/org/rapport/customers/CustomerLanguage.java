package org.rapport.customers;

import java.util.Locale;

/** The language a customer's mail and pages are in, from their stored locale: one rule for the mail and the pages. */
public final class CustomerLanguage {

    private CustomerLanguage() {
    }

    /** Whether the customer reads German ({@code de}, {@code de-AT} …); English otherwise (none, or any other). */
    public static boolean german(String locale) {
        return locale != null && locale.toLowerCase(Locale.ROOT).startsWith("de");
    }
}
