/**
 * Customers who recommend a prospect: the referral becomes a lead on their salesperson's call list, and once the
 * prospect becomes a customer the referrer is credited.
 */
package org.rapport.referrals;
