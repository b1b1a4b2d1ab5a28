package org.rapport.platform.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;

/**
 * PBKDF2-HMAC-SHA-256 with 600,000 iterations by default (OWASP ASVS 5.0); the container's default of 2,048 is far
 * too low. A stored hash records its own parameters, so changing the count later keeps old hashes verifiable. The count
 * is configurable ({@code rapport.auth.pbkdf2-iterations}) only so that test runs, which create hundreds of logins,
 * need not spend half a second on each; {@code PasswordsTest} pins the production default.
 */
@ApplicationScoped
public class Passwords {

    public static final int MIN_LENGTH = 12;
    public static final int DEFAULT_ITERATIONS = 600_000;

    @Inject
    Pbkdf2PasswordHash hash;

    @Inject
    @ConfigProperty(name = "rapport.auth.pbkdf2-iterations", defaultValue = "" + DEFAULT_ITERATIONS)
    int iterations;

    /** A hash of a random password, verified when the user is unknown so that unknown and known users cost the same. */
    private String decoy;

    @PostConstruct
    void configure() {
        if (iterations < 1024) { // the container's own floor, said here with the setting's name
            throw new IllegalStateException("rapport.auth.pbkdf2-iterations is " + iterations
                    + "; it must be at least 1024 (production uses " + DEFAULT_ITERATIONS + ").");
        }
        hash.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", String.valueOf(iterations),
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
        decoy = hash.generate(java.util.UUID.randomUUID().toString().toCharArray());
    }

    public String hash(String password) {
        return hash.generate(password.toCharArray());
    }

    public boolean verify(String password, String storedHash) {
        return hash.verify(password.toCharArray(), storedHash);
    }

    /** Spends the same time as a real verification, and fails. */
    public boolean verifyDecoy(String password) {
        hash.verify(password.toCharArray(), decoy);
        return false;
    }

    public static void requireStrong(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw new WeakPasswordException("A password needs at least " + MIN_LENGTH + " characters.");
        }
    }
}
