package org.rapport.outbox;

/**
 * A search of the outbox. {@code ownerId} restricts to one salesperson's customers, {@code teamOf} to a manager's team;
 * {@code afterId} pages backwards from the newest.
 */
public record OutboxFilter(OutboxStatus status, Long customerId, String template, String q, Long ownerId, Long teamOf,
                           Long afterId, int limit) {
}
