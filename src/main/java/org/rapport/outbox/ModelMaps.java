package org.rapport.outbox;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link MailModel} as the maps, lists and strings that FreeMarker renders and the outbox row stores as JSON, and
 * back. Reading keeps only the record's components: anything else on a row (such as links a caller once sent) is dropped.
 */
final class ModelMaps {

    private ModelMaps() {
    }

    /** Every model is a record: the interface is sealed to records. */
    static Map<String, Object> toMap(MailModel model) {
        return toMap((Record) model);
    }

    static Map<String, Object> toMap(Record record) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            Object value = plain(invoke(component, record));
            if (value != null) {
                map.put(component.getName(), value);
            }
        }
        return map;
    }

    private static Object plain(Object value) {
        if (value instanceof Record r) {
            return toMap(r);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ModelMaps::plain).toList();
        }
        return value;
    }

    static <R extends Record> R fromMap(Map<?, ?> map, Class<R> type) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = value(map.get(components[i].getName()), components[i].getGenericType());
        }
        try {
            return type.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new))
                    .newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot make a " + type.getSimpleName(), e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object value(Object raw, Type type) {
        if (raw == null) {
            return null;
        }
        if (type == String.class) {
            return raw instanceof BigDecimal number ? number.toPlainString() : raw.toString();
        }
        if (type instanceof Class<?> c && c.isRecord()) {
            return raw instanceof Map<?, ?> m ? fromMap(m, (Class<? extends Record>) c) : null;
        }
        if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            Type element = list.getActualTypeArguments()[0];
            return raw instanceof List<?> l ? l.stream().map(e -> value(e, element)).toList() : List.of();
        }
        throw new IllegalStateException("A mail model holds text, records and lists, not " + type);
    }

    private static Object invoke(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
