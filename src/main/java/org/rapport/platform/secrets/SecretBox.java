package org.rapport.platform.secrets;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Seals and opens secrets with AES-256-GCM. A sealed value is text: {@code v1.<key id>.<nonce>.<ciphertext and tag>}
 * (base64url), with a fresh random 96-bit nonce per value. The version, the key id and the value's {@code context} (where
 * it is kept, e.g. {@code link_key/0}) are authenticated data, so a value copied to another row, or its key id edited,
 * does not open. {@code previous} opens values sealed before a rotation, which their owners then seal again
 * ({@link Opened#stale()}).
 */
public final class SecretBox {

    private static final String VERSION = "v1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Base64.Encoder ENCODE = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODE = Base64.getUrlDecoder();

    private final MasterKey current;
    private final Optional<MasterKey> previous;
    private final SecureRandom random = new SecureRandom();

    SecretBox(MasterKey current, Optional<MasterKey> previous) {
        this.current = current;
        this.previous = previous.filter(p -> !p.id().equals(current.id()));
    }

    /** What a sealed value holds; {@code stale} when an earlier key sealed it and it should be sealed again. */
    public record Opened(byte[] plain, boolean stale) {
    }

    String currentKeyId() {
        return current.id();
    }

    public String seal(String context, byte[] plain) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        String header = VERSION + "." + current.id();
        byte[] sealed = crypt(Cipher.ENCRYPT_MODE, current, nonce, header, context, plain);
        return header + "." + ENCODE.encodeToString(nonce) + "." + ENCODE.encodeToString(sealed);
    }

    /**
     * The plain value, or an {@link IllegalStateException} that says why not: not a sealed value, sealed by a key not
     * given (naming the settings), or altered (the tag does not match).
     */
    public Opened open(String context, String sealed) {
        String[] parts = sealed.split("\\.", -1);
        if (parts.length != 4 || !parts[0].equals(VERSION)) {
            throw new IllegalStateException("The secret " + context + " is not a value Rapport sealed (" + VERSION + ")");
        }
        String keyId = parts[1];
        MasterKey key;
        if (keyId.equals(current.id())) {
            key = current;
        } else if (previous.isPresent() && keyId.equals(previous.get().id())) {
            key = previous.get();
        } else {
            throw new IllegalStateException("The secret " + context + " was sealed by the master key " + keyId
                    + ", which is neither RAPPORT_SECRET_KEY (" + current.id() + ") nor RAPPORT_SECRET_KEY_PREVIOUS"
                    + previous.map(p -> " (" + p.id() + ")").orElse(" (not set)") + ": give the key this database's "
                    + "secrets were sealed with (during a rotation as RAPPORT_SECRET_KEY_PREVIOUS)");
        }
        byte[] nonce;
        byte[] body;
        try {
            nonce = DECODE.decode(parts[2]);
            body = DECODE.decode(parts[3]);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The secret " + context + " is damaged (not base64)");
        }
        if (nonce.length != NONCE_BYTES) {
            throw new IllegalStateException("The secret " + context + " is damaged (its nonce)");
        }
        return new Opened(crypt(Cipher.DECRYPT_MODE, key, nonce, parts[0] + "." + keyId, context, body), key != current);
    }

    private static byte[] crypt(int mode, MasterKey key, byte[] nonce, String header, String context, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(key.secret(), "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD((header + "|" + context).getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("The secret " + context + " does not open with the master key " + key.id()
                    + ": it was altered, or copied from another place");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed for " + context, e);
        }
    }
}
