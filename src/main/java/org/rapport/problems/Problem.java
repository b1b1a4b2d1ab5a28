package org.rapport.problems;

import org.rapport.imports.OwnedByCustomer;

import java.time.Instant;

/** A customer issue; its resolution triggers follow-ups. */
public record Problem(String externalId, String customer, Instant openedAt, Instant resolvedAt, Severity severity,
                      String category, String summary, String resolution) implements OwnedByCustomer {

    @Override
    public byte[] importHash() {
        return org.rapport.imports.ImportHash.of(externalId, customer, openedAt, resolvedAt, severity, category, summary, resolution);
    }
}
