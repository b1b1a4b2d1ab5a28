package org.rapport.platform.secrets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The key that seals the secrets kept in the database (AES-256): 32 bytes, given as base64 in {@code RAPPORT_SECRET_KEY}
 * or kept in the data directory's key file. Its {@link #id()} is a fingerprint that names it in each sealed value, so
 * that during a rotation a value shows which key sealed it; the id reveals nothing of the key.
 */
final class MasterKey {

    static final int BYTES = 32;

    private final byte[] secret;
    private final String id;

    private MasterKey(byte[] secret) {
        this.secret = secret.clone();
        this.id = fingerprint(secret);
    }

    /** A new random key. */
    static MasterKey generate() {
        byte[] secret = new byte[BYTES];
        new SecureRandom().nextBytes(secret);
        return new MasterKey(secret);
    }

    /**
     * The key a setting or key file gives ({@code source} names it in the message): base64 of exactly 32 bytes; anything
     * else is refused, as a short or mistyped key would seal with a weak key or fail only at the first secret.
     */
    static MasterKey parse(String base64, String source) {
        byte[] secret;
        try {
            secret = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + " is not base64; it must be the base64 of 32 random bytes (for "
                    + "example: openssl rand -base64 32)");
        }
        if (secret.length != BYTES) {
            throw new IllegalStateException(source + " holds " + secret.length + " bytes; it must be the base64 of exactly "
                    + BYTES + " random bytes (for example: openssl rand -base64 32)");
        }
        return new MasterKey(secret);
    }

    /** Sixteen hex digits of a SHA-256 of the key, domain-separated from any other hash of it. */
    private static String fingerprint(byte[] secret) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("rapport master key id".getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(Arrays.copyOf(sha.digest(secret), 8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    String id() {
        return id;
    }

    byte[] secret() {
        return secret.clone();
    }

    String base64() {
        return Base64.getEncoder().encodeToString(secret);
    }

    @Override
    public String toString() {
        return "MasterKey[" + id + "]"; // never the secret, should a key land in a log
    }
}
