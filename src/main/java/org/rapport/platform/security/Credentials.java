package org.rapport.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a password against a stored account. A PBKDF2 check costs about half a second on purpose, which an API client
 * sending Basic credentials with every request cannot pay each time: after one full check, a keyed HMAC of the password
 * is remembered for that account's current stored hash, and the same password is then accepted without a second full
 * check. Anything else costs a full check, so a wrong password takes as long for an account in use as for one that is
 * not (or for no account at all), and the timing tells nothing about who is logged in. Changing the password changes
 * the stored hash, which invalidates the remembered value on every instance; the key lives only in this process's memory.
 */
@ApplicationScoped
public class Credentials {

    private static final int MAX_REMEMBERED = 10_000;

    @Inject
    Passwords passwords;

    private final byte[] key = new SecureRandom().generateSeed(32);
    private final ConcurrentHashMap<String, byte[]> verified = new ConcurrentHashMap<>();

    /** The user, if {@code account} exists, is enabled and {@code password} is its password. */
    public Optional<AuthenticatedUser> check(Optional<Account> account, String password) {
        Optional<Account> enabled = account.filter(Account::enabled);
        if (enabled.isEmpty()) {
            passwords.verifyDecoy(password);
            return Optional.empty();
        }
        Account a = enabled.get();
        String rememberKey = a.id() + "\u0000" + a.passwordHash();
        byte[] mac = mac(password);
        byte[] remembered = verified.get(rememberKey);
        if (remembered != null && MessageDigest.isEqual(remembered, mac)) {
            return Optional.of(a.user());
        }
        // not the remembered password: pay the full price, as for an account nobody has used lately
        if (!passwords.verify(password, a.passwordHash())) {
            return Optional.empty();
        }
        if (verified.size() >= MAX_REMEMBERED) {
            verified.clear();
        }
        verified.put(rememberKey, mac);
        return Optional.of(a.user());
    }

    private byte[] mac(String password) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key, "HmacSHA256"));
            return hmac.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
