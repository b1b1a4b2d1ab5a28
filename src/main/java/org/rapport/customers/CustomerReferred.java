package org.rapport.customers;

/**
 * Fired inside the transaction that wrote it: customer {@code customerId} was imported naming {@code referrerId} as the
 * customer who recommended them ({@code referred_by}).
 *
 * @param name  the new customer's contact, or their company
 * @param email their address, to find the referral that named them; may be null
 */
public record CustomerReferred(long customerId, long referrerId, String name, String email) {
}
