package org.rapport.referrals;

/**
 * Fired inside the transaction that stored it: the prospect of referral {@code referralId}, recommended by customer
 * {@code referrerId}, is now customer {@code customerId}. What the referrer earns for it (a reward) follows from this.
 */
public record ReferralConverted(long referralId, long referrerId, long customerId) {
}
