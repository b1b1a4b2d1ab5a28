package org.rapport.audit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What an event changed: small maps of field to value before and after (strings, numbers, booleans, lists of them).
 * {@link AuditTrail} redacts personal values ({@link Redaction}) before writing them.
 */
public record Change(Map<String, Object> before, Map<String, Object> after) {

    public static final Change NONE = new Change(Map.of(), Map.of());

    public Change {
        before = Collections.unmodifiableMap(new LinkedHashMap<>(before));
        after = Collections.unmodifiableMap(new LinkedHashMap<>(after));
    }

    /** Something new, with no earlier state. */
    public static Change to(Map<String, ?> after) {
        return new Change(Map.of(), new LinkedHashMap<>(after));
    }

    /** A state from pairs of field and value, in that order; values may be {@code null} (unlike {@code Map.of}). */
    public static Map<String, Object> state(Object... fieldsAndValues) {
        if (fieldsAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("a value for each field");
        }
        Map<String, Object> state = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            state.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return state;
    }

    /** Only the fields whose value differs, each with its value before and after (absent on one side: {@code null}). */
    public static Change between(Map<String, ?> before, Map<String, ?> after) {
        Map<String, Object> was = new LinkedHashMap<>();
        Map<String, Object> is = new LinkedHashMap<>();
        before.forEach((key, value) -> {
            if (!Objects.equals(value, after.get(key))) {
                was.put(key, value);
                is.put(key, after.get(key));
            }
        });
        after.forEach((key, value) -> {
            if (!before.containsKey(key) && value != null) {
                was.put(key, null);
                is.put(key, value);
            }
        });
        return new Change(was, is);
    }
}
