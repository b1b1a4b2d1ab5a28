package org.rapport.touches;

import java.time.Instant;

/** One recorded interaction, ready to be stored. */
public record Touch(long customerId, Long salespersonId, TouchKind kind, TouchKind.Outcome outcome, Instant occurredAt,
                    String note, String createdBy) {

    public boolean twoWay() {
        return kind.isTwoWay(outcome);
    }
}
