package org.rapport.platform.errors;

import java.time.Duration;

/** A limit per caller is used up (composed emails per day, login attempts): 429 with {@code Retry-After}. */
public non-sealed class TooManyRequests extends DomainException {

    private final Duration retryAfter;

    public TooManyRequests(String detail, Duration retryAfter) {
        super("Too many requests", detail);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
