package org.rapport.customers;

/** A customer in a list. */
public record CustomerSummary(String externalId, String company, String preferredName, String email, String timeZone,
                              String owner, Tier tier, String region) {
}
