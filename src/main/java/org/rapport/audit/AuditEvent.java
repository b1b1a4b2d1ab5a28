package org.rapport.audit;

import jakarta.json.JsonObject;

import java.time.Instant;

/**
 * One audit row as the API and the page show it. {@code actorName} is {@code null} for the system; {@code before} and
 * {@code after} are the stored JSON objects ({@code null} when a side has nothing to say).
 */
public record AuditEvent(long id, Instant occurredAt, Long actorId, String actorName, String kind, String subjectType,
                         String subjectId, JsonObject before, JsonObject after, String requestId) {

    /** As MyBatis reads it: the states as stored text. */
    AuditEvent(long id, Instant occurredAt, Long actorId, String actorName, String kind, String subjectType,
               String subjectId, String before, String after, String requestId) {
        this(id, occurredAt, actorId, actorName, kind, subjectType, subjectId, StateJson.read(before),
                StateJson.read(after), requestId);
    }
}
