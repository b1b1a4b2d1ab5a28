package org.rapport.referrals;

import java.time.Instant;

/**
 * A prospect recommended by a customer, as the customer's salesperson sees it.
 *
 * @param referrer          the recommending customer's external id
 * @param source            API, FORM (the customer's own form) or IMPORT
 * @param convertedCustomer the external id of the customer the prospect became, or null
 */
public record Referral(long id, String referrer, String referrerCompany, String name, String company, String email,
                       String phone, String note, String source, String createdBy, Instant createdAt,
                       String convertedCustomer, Instant convertedAt) {
}
