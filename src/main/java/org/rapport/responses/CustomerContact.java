package org.rapport.responses;

/** The customer as the response pages greet them (their consent comes from ConsentService). */
public class CustomerContact {
    long id;
    String preferredName;
    String contactFirstName;
    String company;
    String locale;

    /** Whether their pages and mail are in German ({@code de}, {@code de-AT} …); English otherwise. */
    boolean german() {
        return org.rapport.customers.CustomerLanguage.german(locale);
    }
}
