package org.rapport.privacy;

import java.time.Instant;

/**
 * The answer to an erasure: when and by whom the customer was erased, and whether this call did it ({@code changed}
 * false for a second call, which finds the erasure done and changes nothing). {@code marker} is the external id the
 * anonymised row carries now.
 */
public record Erasure(String externalId, String marker, Instant erasedAt, String erasedBy, boolean changed) {
}
