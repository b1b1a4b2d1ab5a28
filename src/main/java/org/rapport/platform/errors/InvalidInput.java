package org.rapport.platform.errors;

import java.util.List;

/** A value the caller sent cannot be used; the detail names the field and why: 400. */
public non-sealed class InvalidInput extends DomainException {

    private final List<FieldError> errors;

    public InvalidInput(String detail) {
        this("Bad request", detail);
    }

    protected InvalidInput(String title, String detail) {
        super(title, detail);
        this.errors = List.of();
    }

    /** Several fields at once: the detail joins them, and problem+json lists each in {@code errors}. */
    protected InvalidInput(String title, List<FieldError> errors) {
        super(title, String.join("; ", errors.stream().map(FieldError::toString).toList()) + ".");
        this.errors = List.copyOf(errors);
    }

    /** The fields at fault, each with its reason; empty when the detail alone says it. */
    public List<FieldError> errors() {
        return errors;
    }
}
