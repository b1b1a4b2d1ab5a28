package org.rapport.platform.web;

import org.rapport.platform.errors.InvalidInput;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Optional;

/**
 * Query and path parameters read the same way by every resource, each failure an {@link InvalidInput} that names the
 * parameter and says why. Resources take parameters as strings and parse them here: a JAX-RS conversion failure would be
 * an unexplained 404. (Not Bean Validation either: Payara's OpenAPI scanner fails on constrained query parameters.)
 */
public final class Params {

    /** The most rows one page may ask for. */
    public static final int MAX_LIMIT = 1000;

    private Params() {
    }

    /** {@code limit}: 1 to {@link #MAX_LIMIT}, {@code defaultLimit} when absent. */
    public static int limit(String text, int defaultLimit) {
        int limit = integer("limit", text, defaultLimit);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInput("limit: must be between 1 and " + MAX_LIMIT + ", not " + limit + ".");
        }
        return limit;
    }

    /** {@code offset}: 0 or more, 0 when absent. */
    public static int offset(String text) {
        int offset = integer("offset", text, 0);
        if (offset < 0) {
            throw new InvalidInput("offset: must not be negative, not " + offset + ".");
        }
        return offset;
    }

    /** A whole number, or empty when absent. */
    public static Optional<Long> id(String name, String text) {
        if (absent(text)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(text.strip()));
        } catch (NumberFormatException e) {
            throw new InvalidInput(name + ": '" + text + "' is not a whole number.");
        }
    }

    /** Free text, stripped, at most {@code maxLength} characters; {@code null} when absent or blank. */
    public static String text(String name, String text, int maxLength) {
        if (absent(text)) {
            return null;
        }
        if (text.length() > maxLength) {
            throw new InvalidInput(name + ": must be at most " + maxLength + " characters, not " + text.length() + ".");
        }
        return text.strip();
    }

    /** Like {@link #text} but required. */
    public static String required(String name, String text, int maxLength, String what) {
        String value = text(name, text, maxLength);
        if (value == null) {
            throw new InvalidInput(name + ": " + what + " is required.");
        }
        return value;
    }

    /** A date (YYYY-MM-DD), required. */
    public static LocalDate date(String name, String text) {
        return optionalDate(name, text).orElseThrow(() -> new InvalidInput(name + ": a date (YYYY-MM-DD) is required."));
    }

    /** A date (YYYY-MM-DD), or empty when absent. */
    public static Optional<LocalDate> optionalDate(String name, String text) {
        if (absent(text)) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text.strip()));
        } catch (DateTimeParseException e) {
            throw new InvalidInput(name + ": '" + text + "' is not a date (YYYY-MM-DD).");
        }
    }

    /** One of an enum's constants, in any letter case; {@code null} when absent. */
    public static <E extends Enum<E>> E oneOf(String name, String text, Class<E> type) {
        if (absent(text)) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(name + ": must be one of " + Arrays.toString(type.getEnumConstants()) + ", not '" + text + "'.");
        }
    }

    /** A BCP 47 language tag ({@code de}, {@code en-GB}); {@code null} when absent. */
    public static Locale locale(String name, String tag) {
        if (absent(tag)) {
            return null;
        }
        try {
            return new Locale.Builder().setLanguageTag(tag.strip()).build();
        } catch (IllformedLocaleException e) {
            throw new InvalidInput(name + ": '" + tag + "' is not a BCP 47 language tag.");
        }
    }

    private static int integer(String name, String text, int defaultValue) {
        if (absent(text)) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInput(name + ": '" + text + "' is not a whole number.");
        }
    }

    private static boolean absent(String text) {
        return text == null || text.isBlank();
    }
}
