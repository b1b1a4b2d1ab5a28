package org.rapport.touches;

import java.time.Instant;

public record TouchView(String customer, TouchKind kind, TouchKind.Outcome outcome, boolean twoWay, Instant occurredAt,
                        String note, String loggedBy) {
}
