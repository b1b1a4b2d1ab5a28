package org.rapport.mail;

import org.apache.commons.codec.binary.Base32;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Signed tokens for the links and addresses in emails ({@code /u/…}, {@code /c/…}, the reply address). A token names
 * its purpose, the customer and the outbox message, and ends in an HMAC-SHA-256 over all of it, so a token made for a
 * click never unsubscribes and an altered one is refused. The key id travels in the token: after a rotation the old
 * keys still verify, and tokens never expire. Lower-case base32, so a token survives mail servers that fold the case
 * of an address.
 */
public final class LinkTokens {

    public enum Purpose { UNSUBSCRIBE, CLICK, REPLY }

    /** What a valid token says. {@code data} is the target of a click, empty otherwise. */
    public record Claims(Purpose purpose, long customerId, long messageId, String data) {
        public Claims {
            data = data == null ? "" : data;
        }
    }

    private static final int MAC_BYTES = 12;
    private static final int HEADER_BYTES = 2 + 8 + 8;
    private static final Base32 BASE32 = new Base32();

    private final int currentKey;
    private final Map<Integer, byte[]> keys;

    /** @param keys secret per key id (0–255); {@code currentKey} signs, every key verifies */
    public LinkTokens(int currentKey, Map<Integer, byte[]> keys) {
        if (!keys.containsKey(currentKey)) {
            throw new IllegalArgumentException("The signing key " + currentKey + " is not among the keys");
        }
        keys.forEach((id, secret) -> {
            if (id < 0 || id > 255 || secret.length < 16) {
                throw new IllegalArgumentException("Link key " + id + " must have an id 0-255 and at least 16 bytes");
            }
        });
        this.currentKey = currentKey;
        this.keys = Map.copyOf(keys);
    }

    public String issue(Claims claims) {
        byte[] data = claims.data().getBytes(StandardCharsets.UTF_8);
        ByteBuffer body = ByteBuffer.allocate(HEADER_BYTES + data.length + MAC_BYTES);
        body.put((byte) currentKey).put((byte) claims.purpose().ordinal())
                .putLong(claims.customerId()).putLong(claims.messageId()).put(data);
        body.put(mac(keys.get(currentKey), body.array(), body.position()));
        return BASE32.encodeAsString(body.array()).replace("=", "").toLowerCase(Locale.ROOT);
    }

    /** The claims of a genuine token made for {@code expected}; empty for anything forged, altered or unreadable. */
    public Optional<Claims> verify(String token, Purpose expected) {
        if (token == null || token.isEmpty() || token.length() > 4096 || !token.matches("[a-zA-Z2-7]+")) {
            return Optional.empty();
        }
        byte[] bytes = BASE32.decode(token.toUpperCase(Locale.ROOT));
        if (bytes.length < HEADER_BYTES + MAC_BYTES) {
            return Optional.empty();
        }
        byte[] key = keys.get(Byte.toUnsignedInt(bytes[0]));
        if (key == null) {
            return Optional.empty();
        }
        int signed = bytes.length - MAC_BYTES;
        byte[] expectedMac = mac(key, bytes, signed);
        if (!MessageDigest.isEqual(expectedMac, Arrays.copyOfRange(bytes, signed, bytes.length))) {
            return Optional.empty();
        }
        int purpose = Byte.toUnsignedInt(bytes[1]);
        if (purpose != expected.ordinal()) {
            return Optional.empty();
        }
        ByteBuffer body = ByteBuffer.wrap(bytes, 2, signed - 2);
        long customerId = body.getLong();
        long messageId = body.getLong();
        String data = new String(bytes, HEADER_BYTES, signed - HEADER_BYTES, StandardCharsets.UTF_8);
        return Optional.of(new Claims(expected, customerId, messageId, data));
    }

    private static byte[] mac(byte[] key, byte[] bytes, int length) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(bytes, 0, length);
            return Arrays.copyOf(mac.doFinal(), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
