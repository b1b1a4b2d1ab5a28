package org.rapport.suppression;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The keyed hash the suppression list keeps of an address: HMAC-SHA-256 under a random key of Rapport's own, so the list
 * cannot be checked against guessed addresses without that key (a plain hash of an address is reversed by hashing
 * candidates).
 */
final class AddressHash {

    private final SecretKeySpec key;

    AddressHash(byte[] key) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    /**
     * The address as it is hashed: trimmed and lower-cased. The same mailbox arrives as "Jane@Foo.example " in one file
     * and "jane@foo.example" in the next, and a miss here contacts someone who asked never to be; domains ignore case,
     * and no mail provider in use tells local parts apart by case. Nothing more (dots, +tags) is folded: that is one
     * provider's rule, and would make unrelated addresses equal.
     */
    static String normalised(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    /** The hash in hex (64 digits). */
    String of(String email) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(normalised(email).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
