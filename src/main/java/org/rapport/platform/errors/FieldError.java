package org.rapport.platform.errors;

/** One field of a request that cannot be used, as problem+json lists it in {@code errors}: its JSON path and why. */
public record FieldError(String field, String reason) {

    @Override
    public String toString() {
        return field + ": " + reason;
    }
}
