package org.rapport.outbox;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * When to try again after a transient failure: exponential from {@code base}, capped at {@code max}, with ±20 % jitter
 * so that messages held back by one outage do not all return in the same second.
 */
public record Backoff(Duration base, Duration max, int maxAttempts) {

    /** The delay before attempt {@code attempts + 1}, after {@code attempts} failed ones (1 or more). */
    public Duration after(int attempts, RandomGenerator random) {
        double exponential = base.toMillis() * Math.pow(2, Math.max(0, attempts - 1));
        double capped = Math.min(exponential, max.toMillis());
        double jitter = 0.8 + 0.4 * random.nextDouble();
        return Duration.ofMillis(Math.max(1, Math.round(capped * jitter)));
    }

    public boolean exhausted(int attempts) {
        return attempts >= maxAttempts;
    }
}
