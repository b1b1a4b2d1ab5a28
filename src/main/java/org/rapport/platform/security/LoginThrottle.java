package org.rapport.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: after {@code rapport.auth.max-failures} failed logins for one user name, or ten times
 * as many from one address, further attempts are refused for a lock-out period that doubles with each round. The same
 * for user names that exist and that do not, so the throttle reveals nothing about accounts.
 */
@ApplicationScoped
public class LoginThrottle {

    private static final int MAX_KEYS = 100_000;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "rapport.auth.max-failures")
    int maxFailures;

    @Inject
    @ConfigProperty(name = "rapport.auth.lockout-seconds")
    long lockoutSeconds;

    private final ConcurrentHashMap<String, Failures> failures = new ConcurrentHashMap<>();

    /** How long the caller must wait before trying again, if at all. */
    public Optional<Duration> blockedFor(String username, String address) {
        Instant now = clock.instant();
        return longest(remaining(user(username), now), remaining(address(address), now));
    }

    public void failed(String username, String address) {
        if (failures.size() > MAX_KEYS) {
            failures.clear(); // a flood of random names must not exhaust memory
        }
        Instant now = clock.instant();
        record(user(username), maxFailures, now);
        record(address(address), maxFailures * 10, now);
    }

    public void succeeded(String username) {
        failures.remove(user(username));
    }

    private void record(String key, int allowed, Instant now) {
        failures.compute(key, (k, f) -> (f == null ? new Failures(0, 0, Instant.MIN) : f).plusOne(allowed, lockoutSeconds, now));
    }

    private Optional<Duration> remaining(String key, Instant now) {
        Failures f = failures.get(key);
        return f == null || !f.lockedUntil.isAfter(now) ? Optional.empty() : Optional.of(Duration.between(now, f.lockedUntil));
    }

    private static Optional<Duration> longest(Optional<Duration> a, Optional<Duration> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isEmpty() || a.get().compareTo(b.get()) >= 0 ? a : b;
    }

    private static String user(String username) {
        return "u:" + username.toLowerCase(java.util.Locale.ROOT);
    }

    private static String address(String address) {
        return "a:" + address;
    }

    private record Failures(int count, int rounds, Instant lockedUntil) {
        Failures plusOne(int allowed, long lockoutSeconds, Instant now) {
            int next = count + 1;
            if (next < allowed) {
                return new Failures(next, rounds, lockedUntil);
            }
            long seconds = lockoutSeconds << Math.min(rounds, 10);
            return new Failures(0, rounds + 1, now.plusSeconds(seconds));
        }
    }
}
