package org.rapport.imports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A digest of a row's imported values, stored with the row: a re-import of the same values is recognised as
 * unchanged and writes nothing, even if Rapport changed the row since (an unsubscribe is not undone by a re-import).
 */
public final class ImportHash {

    private ImportHash() {
    }

    public static byte[] of(Object... values) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Object value : values) {
                digest.update(String.valueOf(value).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
