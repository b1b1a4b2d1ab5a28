package org.rapport.customerpage;

import org.rapport.platform.errors.InvalidInput;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** Turning form text into request values, with the API's field names in every complaint. */
final class Forms {

    private Forms() {
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** The constant named {@code text}, or null (then the request's {@code @NotNull} names the field). */
    static <E extends Enum<E>> E oneOf(Class<E> type, String text) {
        try {
            return text == null || text.isBlank() ? null : Enum.valueOf(type, text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A {@code YYYY-MM-DD} date (the browser's date picker sends that), or null when empty. */
    static LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInput(field + ": not a date (YYYY-MM-DD): " + text);
        }
    }

    /** A new form's key: drawn with the form and posted back with it (see {@link #externalIdOf}). */
    static String newKey() {
        return UUID.randomUUID().toString();
    }

    /**
     * The external id of a record made on the page, where no other system gave it one: the key the form was drawn
     * with, so the same form posted twice (a double click, a post sent again) stores one record, not two. A key that
     * is not one of ours (edited in the browser) gets a new id: it only ever names the caller's own new record, and
     * the services check an existing id's owner as for the API.
     */
    static String externalIdOf(String key) {
        try {
            return "rapport-" + UUID.fromString(key == null ? "" : key.strip());
        } catch (IllegalArgumentException e) {
            return "rapport-" + UUID.randomUUID();
        }
    }
}
