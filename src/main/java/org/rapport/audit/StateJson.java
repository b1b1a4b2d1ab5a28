package org.rapport.audit;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;

/** A before or after state as the small JSON object stored in {@code audit_event}: scalars and lists of them. */
final class StateJson {

    private StateJson() {
    }

    /** {@code null} for an empty state: nothing to say on that side. */
    static String write(Map<String, ?> state) {
        if (state.isEmpty()) {
            return null;
        }
        JsonObjectBuilder object = Json.createObjectBuilder();
        state.forEach((key, value) -> {
            if (value == null) {
                object.addNull(key);
            } else if (value instanceof Collection<?> list) {
                JsonArrayBuilder array = Json.createArrayBuilder();
                list.forEach(item -> array.add(String.valueOf(item)));
                object.add(key, array);
            } else if (value instanceof Boolean b) {
                object.add(key, b);
            } else if (value instanceof Long || value instanceof Integer) {
                object.add(key, ((Number) value).longValue());
            } else if (value instanceof BigDecimal d) {
                object.add(key, d);
            } else {
                object.add(key, value.toString()); // enums, dates, moments: their ISO or constant names
            }
        });
        return object.build().toString();
    }

    static JsonObject read(String json) {
        if (json == null) {
            return null;
        }
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
