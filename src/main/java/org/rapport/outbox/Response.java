package org.rapport.outbox;

import java.time.Instant;

/**
 * Something a message drew: a click, a reply, an auto-reply, a bounce, an unsubscribe or a change of preferences.
 * {@code inboundMessageId} is the Message-ID of an ingested email, so the same email is never counted twice.
 */
public record Response(Long outboxId, Long customerId, Kind kind, Instant occurredAt, String detail, String inboundMessageId) {

    public enum Kind { CLICK, REPLY, AUTO_REPLY, BOUNCE, UNSUBSCRIBE, PREFERENCES, RATING }

    /**
     * A satisfaction rating (a {@link Kind#RATING} whose detail is the score, 1 to 5) at or below this is a complaint:
     * the planner puts an urgent call on the list, the matcher sees no strong relationship.
     */
    public static final int LOW_RATING = 2;
}
