package org.rapport.outbox;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.rapport.platform.errors.InvalidInput;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The {@code fields} of {@code POST /api/outbox}, checked against what the template declares and turned into its model.
 * Nested ({@code {"purchase":{"amount":…}}}) and dotted ({@code {"purchase.amount":…}}) keys mean the same field. A
 * field the template does not declare, text that is too long, holds control characters or a link, is refused by name:
 * what a salesperson writes reaches the customer as plain text, and every link in an email is made by Rapport.
 */
final class CallerFields {

    /** What mail clients turn into a link even in plain text. */
    private static final Pattern LINK = Pattern.compile("(?i)\\b(?:[a-z][a-z0-9+.-]*://|javascript:|vbscript:|mailto:|www\\.)");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\r\\t]]|[\\u202A-\\u202E\\u2066-\\u2069]");

    private CallerFields() {
    }

    static MailModel model(MailTemplate template, Map<String, ?> fields) {
        Map<String, String> given = new LinkedHashMap<>();
        flatten("", fields == null ? Map.of() : fields, given);
        Map<String, CallerField> declared = template.callerFields().stream()
                .collect(Collectors.toMap(CallerField::path, f -> f, (a, b) -> a, LinkedHashMap::new));
        Map<String, Object> model = new LinkedHashMap<>();
        for (Map.Entry<String, String> field : given.entrySet()) {
            CallerField declaration = declared.get(field.getKey());
            if (declaration == null) {
                throw undeclared(template, field.getKey());
            }
            check(declaration, field.getValue());
            put(model, field.getKey(), field.getValue());
        }
        for (CallerField field : declared.values()) {
            if (field.required() && !given.containsKey(field.path())) {
                throw new InvalidInput("fields." + field.path() + ": required by " + template.folder() + ".");
            }
        }
        return template.read(model);
    }

    private static void flatten(String prefix, Map<?, ?> map, Map<String, String> into) {
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String path = prefix + entry.getKey();
            Object value = entry.getValue();
            if (value instanceof Map<?, ?> nested) {
                flatten(path + ".", nested, into);
            } else if (value instanceof String text) {
                into.put(path, text);
            } else if (value instanceof BigDecimal || value instanceof Integer || value instanceof Long) {
                into.put(path, value instanceof BigDecimal d ? d.toPlainString() : value.toString());
            } else if (value != null) {
                throw new InvalidInput("fields." + path + ": must be text.");
            }
        }
    }

    private static InvalidInput undeclared(MailTemplate template, String path) {
        if (path.equals("links") || path.startsWith("links.")) {
            return new InvalidInput("fields." + path + ": the links in an email are made by Rapport; a caller cannot set them.");
        }
        return new InvalidInput("fields." + path + ": " + template.folder() + " has no such field; it takes "
                + template.callerFields().stream().map(CallerField::path).collect(Collectors.joining(", ")) + ".");
    }

    private static void check(CallerField field, String value) {
        String name = "fields." + field.path();
        int length = value.codePointCount(0, value.length());
        if (length > field.maxLength()) {
            throw new InvalidInput(name + ": at most " + field.maxLength() + " characters, not " + length + ".");
        }
        if (field.required() && value.isBlank()) {
            throw new InvalidInput(name + ": must not be blank.");
        }
        if (CONTROL.matcher(value).find()) {
            throw new InvalidInput(name + ": must be plain text; it contains a control character.");
        }
        if (field.kind() == CallerField.Kind.EMAIL) {
            requireAddress(name, value);
            return;
        }
        Matcher link = LINK.matcher(value);
        if (link.find()) {
            throw new InvalidInput(name + ": must be plain text without links ('" + link.group()
                    + "'); every link in an email is made by Rapport.");
        }
    }

    private static void requireAddress(String name, String value) {
        try {
            InternetAddress address = new InternetAddress(value, true);
            if (address.getPersonal() == null && value.equals(address.getAddress()) && value.indexOf('@') > 0) {
                return;
            }
        } catch (AddressException e) {
            // refused below
        }
        throw new InvalidInput(name + ": '" + value + "' is not an email address.");
    }

    private static void put(Map<String, Object> model, String path, String value) {
        String[] parts = path.split("\\.");
        Map<String, Object> at = model;
        for (int i = 0; i < parts.length - 1; i++) {
            @SuppressWarnings("unchecked")
            Map<String, Object> next = (Map<String, Object>) at.computeIfAbsent(parts[i], k -> new LinkedHashMap<>());
            at = next;
        }
        at.put(parts[parts.length - 1], value);
    }
}
