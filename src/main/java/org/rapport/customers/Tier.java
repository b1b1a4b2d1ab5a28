package org.rapport.customers;

/**
 * How much a customer matters: the ten and the hundred largest by trailing-12-month revenue, and everyone else.
 * Computed nightly ({@link TierService}) unless pinned.
 */
public enum Tier {
    TOP10, TOP100, STANDARD
}
