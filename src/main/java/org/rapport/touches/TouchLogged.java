package org.rapport.touches;

import java.time.Instant;

/** CDI event: a touch was logged (the planner moves the customer's next courtesy call). */
public record TouchLogged(long customerId, TouchKind kind, TouchKind.Outcome outcome, boolean twoWay, Instant occurredAt) {
}
