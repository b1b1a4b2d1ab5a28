package org.rapport.platform.errors;

/** The caller is signed in but this record or operation is outside what their role and scope allow: 403. */
public non-sealed class NotAllowed extends DomainException {

    public NotAllowed(String detail) {
        super("Forbidden", detail);
    }
}
