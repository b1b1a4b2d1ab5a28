package org.rapport.audit;

import org.rapport.platform.errors.InvalidInput;
import org.rapport.platform.web.Params;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Which audit events to read, newest first: by actor (the login's name as recorded; `[unknown]` for a refused name that matched no login), kind, and time
 * ({@code from} inclusive, {@code to} exclusive), one page of {@code limit} events older than the {@code before} cursor.
 *
 * @param before the id of the last event of the previous page (the answer's {@code next}), or {@code null}
 */
public record AuditFilter(String actor, AuditKind kind, Instant from, Instant to, Long before, int limit) {

    public static final int DEFAULT_LIMIT = 100;

    /**
     * The query parameters of {@code GET /api/audit} and {@code /admin/audit}, each refusal naming its parameter.
     * {@code from} and {@code to} take a moment with its offset ({@code 2026-12-05T09:30:00Z}) or a date in UTC: a date
     * in {@code from} starts at its midnight, a date in {@code to} includes its whole day.
     */
    public static AuditFilter parse(String actor, String kind, String from, String to, String cursor, String limit) {
        Instant start = moment("from", from, false);
        Instant end = moment("to", to, true);
        if (start != null && end != null && !start.isBefore(end)) {
            throw new InvalidInput("to: must be after from (" + from + "), not " + to + ".");
        }
        Long before = Params.id("cursor", cursor).orElse(null);
        if (before != null && before < 1) {
            throw new InvalidInput("cursor: must be the 'next' of an earlier answer, not " + cursor + ".");
        }
        return new AuditFilter(Params.text("actor", actor, 64), Params.oneOf("kind", kind, AuditKind.class), start, end,
                before, Params.limit(limit, DEFAULT_LIMIT));
    }

    private static Instant moment(String name, String text, boolean endOfDay) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInput(name + ": '" + text + "' is neither a date (2026-12-05) nor a moment with its offset "
                    + "(2026-12-05T09:30:00Z).");
        }
    }
}
