package org.rapport.netweaving;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A customer's size by annual revenue (in the company currency), the EU's bands for enterprises: below 2 million
 * MICRO, below 10 million SMALL, below 50 million MEDIUM, else LARGE. Two customers are of compatible size when their
 * bands are the same or next to each other.
 */
public enum SizeBand {
    MICRO, SMALL, MEDIUM, LARGE;

    private static final BigDecimal SMALL_FROM = new BigDecimal("2000000");
    private static final BigDecimal MEDIUM_FROM = new BigDecimal("10000000");
    private static final BigDecimal LARGE_FROM = new BigDecimal("50000000");

    /** The band of an annual revenue; empty when the revenue is not known. */
    public static Optional<SizeBand> of(BigDecimal annualRevenue) {
        if (annualRevenue == null) {
            return Optional.empty();
        }
        if (annualRevenue.compareTo(SMALL_FROM) < 0) {
            return Optional.of(MICRO);
        }
        if (annualRevenue.compareTo(MEDIUM_FROM) < 0) {
            return Optional.of(SMALL);
        }
        return Optional.of(annualRevenue.compareTo(LARGE_FROM) < 0 ? MEDIUM : LARGE);
    }

    public boolean compatibleWith(SizeBand other) {
        return Math.abs(ordinal() - other.ordinal()) <= 1;
    }
}
