package org.rapport.platform.errors;

/**
 * A failure a caller can act on, named for the situation. Services throw these (never JAX-RS types); the one
 * exception mapper in {@code platform.web} turns each kind into its problem+json status. {@code title} is the short
 * problem title, the message the precise detail (which record, which field, why).
 */
public abstract sealed class DomainException extends RuntimeException
        permits NotFound, NotAllowed, Conflict, InvalidInput, TooManyRequests {

    private final String title;

    protected DomainException(String title, String detail) {
        super(detail);
        this.title = title;
    }

    public String title() {
        return title;
    }
}
