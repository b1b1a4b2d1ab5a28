/**
 * The suppression list: email addresses that must never be contacted again (a customer erased, an address an admin
 * adds), kept as keyed hashes only ({@link org.rapport.suppression.SuppressionList}). Customer imports and referrals ask
 * it before an address becomes contactable.
 */
package org.rapport.suppression;
