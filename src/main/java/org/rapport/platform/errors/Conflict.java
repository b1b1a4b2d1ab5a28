package org.rapport.platform.errors;

/** The request is valid but clashes with the record's current state (a finished item, a duplicate): 409. */
public non-sealed class Conflict extends DomainException {

    public Conflict(String detail) {
        super("Conflict", detail);
    }
}
