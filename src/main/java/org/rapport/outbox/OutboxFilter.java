package org.rapport.outbox;

/** A search of the outbox; {@code afterId} pages backwards from the newest. Whose mail it finds is the caller's access. */
public record OutboxFilter(OutboxStatus status, Long customerId, String template, String q, Long afterId, int limit) {
}
