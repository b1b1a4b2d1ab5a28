package org.rapport.outbox;

/**
 * A field of a template's model that a caller of {@code POST /api/outbox} may set: plain text of a capped length, or an
 * email address. {@code path} names it as the template does ({@code purchase.amount}).
 */
public record CallerField(String path, int maxLength, boolean required, Kind kind) {

    public enum Kind { TEXT, EMAIL }

    static CallerField required(String path, int maxLength) {
        return new CallerField(path, maxLength, true, Kind.TEXT);
    }

    static CallerField optional(String path, int maxLength) {
        return new CallerField(path, maxLength, false, Kind.TEXT);
    }

    static CallerField email(String path) {
        return new CallerField(path, 254, true, Kind.EMAIL);
    }
}
