package org.rapport.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: after {@code rapport.auth.max-failures} failed logins for one account, or ten times as
 * many from one client address, further attempts are refused for a lock-out period that doubles with each round.
 * Failures are counted per stored account, so every spelling the database takes for the same user name ("admin ",
 * "Ádmin") shares one counter; names that match no account are counted the same way, so the throttle reveals nothing
 * about accounts. Quiet time heals: each {@code rapport.auth.quiet-seconds} without a failure forgets the failures so
 * far and takes one round off; a correct login forgets the account's rounds at once.
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

    @Inject
    @ConfigProperty(name = "rapport.auth.quiet-seconds")
    long quietSeconds;

    private final ConcurrentHashMap<String, Failures> failures = new ConcurrentHashMap<>();

    /** The counter of a login attempt: the stored account if the name matches one, else the name as the database compares it. */
    public static String keyOf(Optional<Account> account, String typedName) {
        return account.map(a -> "account:" + a.id()).orElseGet(() -> "name:" + comparable(typedName));
    }

    /** How long the caller must wait before trying again, if at all. */
    public Optional<Duration> blockedFor(String accountKey, String address) {
        Instant now = clock.instant();
        return longest(remaining(accountKey, now), remaining(address(address), now));
    }

    /** @return whether this failure locked the account or the address out (a lock-out began) */
    public boolean failed(String accountKey, String address) {
        Instant now = clock.instant();
        if (failures.size() > MAX_KEYS) {
            failures.values().removeIf(f -> f.healed(quiet(), now)); // a flood of random names must not exhaust memory
            if (failures.size() > MAX_KEYS) {
                failures.clear();
            }
        }
        boolean account = record(accountKey, maxFailures, now);
        boolean client = record(address(address), maxFailures * 10, now);
        return account || client;
    }

    /** A correct login: the account starts again from a clean slate (its address does not, or one login would reset it). */
    public void succeeded(String accountKey) {
        failures.remove(accountKey);
    }

    /** @return whether this failure began a lock-out of the key */
    private boolean record(String key, int allowed, Instant now) {
        Failures after = failures.compute(key, (k, f) -> (f == null ? Failures.NONE : f.decayed(quiet(), now)).plusOne(allowed, lockoutSeconds, now));
        return after.count == 0; // plusOne either counts one more failure or, at the limit, starts a lock-out from zero
    }

    private Optional<Duration> remaining(String key, Instant now) {
        Failures f = failures.get(key);
        return f == null || !f.lockedUntil.isAfter(now) ? Optional.empty() : Optional.of(Duration.between(now, f.lockedUntil));
    }

    private Duration quiet() {
        return Duration.ofSeconds(quietSeconds);
    }

    private static Optional<Duration> longest(Optional<Duration> a, Optional<Duration> b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isEmpty() || a.get().compareTo(b.get()) >= 0 ? a : b;
    }

    /** The database (utf8mb4_unicode_ci) ignores case, accents and trailing spaces when it compares user names. */
    static String comparable(String name) {
        String decomposed = Normalizer.normalize(name.stripTrailing(), Normalizer.Form.NFKD);
        return decomposed.replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
    }

    private static String address(String address) {
        return "address:" + address;
    }

    /**
     * {@code count} failures since the last lock-out, {@code rounds} lock-outs not yet healed, the end of the current
     * lock-out and the time of the last failure.
     */
    private record Failures(int count, int rounds, Instant lockedUntil, Instant lastFailure) {

        static final Failures NONE = new Failures(0, 0, Instant.MIN, Instant.MIN);

        /** Each full quiet period since the last failure (or the end of the lock-out) forgets the count and one round. */
        Failures decayed(Duration quiet, Instant now) {
            Instant calmSince = lastFailure.isAfter(lockedUntil) ? lastFailure : lockedUntil;
            if (calmSince.equals(Instant.MIN)) {
                return this;
            }
            long periods = Duration.between(calmSince, now).dividedBy(quiet);
            if (periods <= 0) {
                return this;
            }
            return new Failures(0, (int) Math.max(0, rounds - periods), lockedUntil, lastFailure);
        }

        boolean healed(Duration quiet, Instant now) {
            Failures d = decayed(quiet, now);
            return d.count == 0 && d.rounds == 0 && !d.lockedUntil.isAfter(now);
        }

        Failures plusOne(int allowed, long lockoutSeconds, Instant now) {
            int next = count + 1;
            if (next < allowed) {
                return new Failures(next, rounds, lockedUntil, now);
            }
            long seconds = lockoutSeconds << Math.min(rounds, 10);
            return new Failures(0, rounds + 1, now.plusSeconds(seconds), now);
        }
    }
}
