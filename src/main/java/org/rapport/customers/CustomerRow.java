package org.rapport.customers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A customer as imported or written through the API, every field of the SPEC.
 *
 * @param referredBy the external id of the customer who recommended this one, or null
 */
public record CustomerRow(String externalId, String company, String contactFirstName, String contactLastName,
                          String preferredName, String email, String phone, String timeZone, String locale, String region,
                          String industry, List<String> offers, List<String> needs, String owner, Tier tierPin,
                          LocalDate customerSince, BigDecimal annualRevenue, boolean emailOk, boolean introOk,
                          boolean doNotContact, String preferences, String personalNotes, String referredBy) {

    /** The contact's name, or the company when none is given. */
    public String displayName() {
        String name = ((contactFirstName == null ? "" : contactFirstName) + " " + (contactLastName == null ? "" : contactLastName)).strip();
        return name.isEmpty() ? company : name;
    }

    byte[] importHash() {
        return org.rapport.imports.ImportHash.of(externalId, company, contactFirstName, contactLastName, preferredName,
                email, phone, timeZone, locale, region, industry, offers, needs, owner, tierPin, customerSince,
                annualRevenue, emailOk, introOk, doNotContact, preferences, personalNotes, referredBy);
    }
}
