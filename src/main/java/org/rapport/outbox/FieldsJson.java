package org.rapport.outbox;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonReaderFactory;
import jakarta.json.spi.JsonProvider;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The cause's part of a template model, stored as JSON on the outbox row: strings, numbers, booleans, lists and maps. */
final class FieldsJson {

    // Json.createReader and friends look the provider up again on every call; the factories do it once
    private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());
    private static final JsonBuilderFactory BUILDERS = Json.createBuilderFactory(Map.of());
    private static final JsonProvider PROVIDER = JsonProvider.provider();

    private FieldsJson() {
    }

    static String write(Map<String, ?> fields) {
        return object(fields).build().toString();
    }

    static Map<String, Object> read(String json) {
        try (JsonReader reader = READERS.createReader(new StringReader(json == null || json.isBlank() ? "{}" : json))) {
            return map(reader.readObject());
        }
    }

    private static JsonObjectBuilder object(Map<?, ?> map) {
        JsonObjectBuilder builder = BUILDERS.createObjectBuilder();
        map.forEach((k, v) -> builder.add(String.valueOf(k), value(v)));
        return builder;
    }

    private static JsonValue value(Object v) {
        if (v == null) {
            return JsonValue.NULL;
        }
        if (v instanceof Map<?, ?> m) {
            return object(m).build();
        }
        if (v instanceof Collection<?> c) {
            JsonArrayBuilder array = BUILDERS.createArrayBuilder();
            c.forEach(e -> array.add(value(e)));
            return array.build();
        }
        if (v instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (v instanceof Number n) {
            return PROVIDER.createValue(new java.math.BigDecimal(n.toString()));
        }
        return PROVIDER.createValue(v.toString());
    }

    private static Map<String, Object> map(JsonObject object) {
        Map<String, Object> map = new LinkedHashMap<>();
        object.forEach((k, v) -> map.put(k, plain(v)));
        return map;
    }

    private static Object plain(JsonValue v) {
        return switch (v.getValueType()) {
            case OBJECT -> map(v.asJsonObject());
            case ARRAY -> {
                List<Object> list = new ArrayList<>();
                ((JsonArray) v).forEach(e -> list.add(plain(e)));
                yield list;
            }
            case STRING -> ((JsonString) v).getString();
            case NUMBER -> ((JsonNumber) v).bigDecimalValue();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case NULL -> null;
        };
    }
}
