package org.rapport.audit;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Keeps personal values out of the audit trail, whatever a caller passes. The trail outlives a customer's erasure and
 * is read by every admin, so a field that may hold a person's data is written as {@link #REDACTED}: what changed shows,
 * not the value. Personal are a customer's name, company, email, phone, address and notes; and free text typed by
 * staff (a reason, a note, a description of what was given, a comment, a message body), which may name or describe a
 * customer. Not personal: ids and external ids, codes, statuses, stages, roles, amounts, dates, counts, a file's hash.
 * A key is personal when it, or its last part after {@code _} or {@code .}, is one of {@link #PERSONAL}
 * ({@code email}, {@code first_customer_email}, {@code contact.phone}).
 */
final class Redaction {

    static final String REDACTED = "[redacted]";

    static final Set<String> PERSONAL = Set.of("name", "company", "email", "phone", "mobile", "address", "street", "city",
            "postcode", "notes", "note", "preferences", "reason", "description", "comment", "text", "body", "snippet");

    private Redaction() {
    }

    static boolean personal(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        int last = Math.max(k.lastIndexOf('_'), k.lastIndexOf('.'));
        return PERSONAL.contains(k) || PERSONAL.contains(k.substring(last + 1));
    }

    /** A copy of {@code state} with every personal value replaced (a {@code null} value stays {@code null}). */
    static Map<String, Object> of(Map<String, ?> state) {
        Map<String, Object> redacted = new LinkedHashMap<>();
        state.forEach((key, value) -> redacted.put(key, value != null && personal(key) ? REDACTED : value));
        return redacted;
    }
}
