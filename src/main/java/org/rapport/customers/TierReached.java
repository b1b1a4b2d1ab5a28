package org.rapport.customers;

import java.time.LocalDate;

/**
 * CDI event, fired synchronously inside the tier recomputation's transaction: a customer's tier became {@code tier}
 * (so far only the top tier, TOP10, is announced) on {@code on}, the recomputation's date. Rewards listen.
 */
public record TierReached(long customerId, Tier tier, LocalDate on) {
}
