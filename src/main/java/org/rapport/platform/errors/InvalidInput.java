package org.rapport.platform.errors;

/** A value the caller sent cannot be used; the detail names the field and why: 400. */
public non-sealed class InvalidInput extends DomainException {

    public InvalidInput(String detail) {
        super("Bad request", detail);
    }

    protected InvalidInput(String title, String detail) {
        super(title, detail);
    }
}
