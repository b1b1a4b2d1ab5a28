package org.rapport.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.rapport.users.User;
import org.rapport.users.UserService;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a user name and password. A PBKDF2 check costs about half a second on purpose, which an API client sending
 * Basic credentials with every request cannot pay each time: after one full check, a keyed HMAC of the password is
 * remembered for that user's current stored hash. Changing the password changes the stored hash, which invalidates
 * the remembered value on every instance; the key lives only in this process's memory.
 */
@ApplicationScoped
public class Credentials {

    private static final int MAX_REMEMBERED = 10_000;

    @Inject
    UserService users;

    @Inject
    Passwords passwords;

    private final byte[] key = new SecureRandom().generateSeed(32);
    private final ConcurrentHashMap<String, byte[]> verified = new ConcurrentHashMap<>();

    public Optional<AuthenticatedUser> authenticate(String username, String password) {
        Optional<User> found = users.findByUsername(username).filter(User::enabled);
        if (found.isEmpty()) {
            passwords.verifyDecoy(password);
            return Optional.empty();
        }
        User user = found.get();
        String rememberKey = user.username() + '\u0000' + user.passwordHash();
        byte[] mac = mac(password);
        byte[] remembered = verified.get(rememberKey);
        boolean ok = remembered != null ? MessageDigest.isEqual(remembered, mac) : passwords.verify(password, user.passwordHash());
        if (!ok) {
            return Optional.empty();
        }
        if (remembered == null) {
            if (verified.size() >= MAX_REMEMBERED) {
                verified.clear();
            }
            verified.put(rememberKey, mac);
        }
        return Optional.of(new AuthenticatedUser(user.username(), user.role(), user.salespersonId(), user.salespersonExternalId()));
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
