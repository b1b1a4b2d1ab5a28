package org.rapport.platform.errors;

/** The record asked for does not exist (or, for a caller who may not know it exists, is not shown): 404. */
public non-sealed class NotFound extends DomainException {

    public NotFound(String detail) {
        super("Not found", detail);
    }
}
