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

    /** New purposes go at the end: the ordinal is in every token already sent. */
    public enum Purpose { UNSUBSCRIBE, CLICK, REPLY, CALENDAR, RATING, CONSENT, MEETING, RECOMMEND, POLL }

    /**
     * What a valid token says. {@code data} is the target of a click, empty otherwise. A calendar token names a
     * salesperson in {@code customerId} (the field is the token's subject) and the feed's generation in
     * {@code messageId}.
     */
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
        body.put(mac(currentKey, body.array(), body.position()));
        return encode(body.array());
    }

    private static String encode(byte[] bytes) {
        return BASE32.encodeAsString(bytes).replace("=", "").toLowerCase(Locale.ROOT);
    }

    /** The claims of a genuine token made for {@code expected}; empty for anything forged, altered or unreadable. */
    public Optional<Claims> verify(String token, Purpose expected) {
        if (token == null || token.isEmpty() || token.length() > 4096 || !token.matches("[a-zA-Z2-7]+")) {
            return Optional.empty();
        }
        byte[] bytes = BASE32.decode(token.toUpperCase(Locale.ROOT));
        if (bytes.length < HEADER_BYTES + MAC_BYTES || !encode(bytes).equalsIgnoreCase(token)) {
            // the last character carries unused bits: only the one canonical spelling of a token is genuine
            return Optional.empty();
        }
        int keyId = Byte.toUnsignedInt(bytes[0]);
        if (!keys.containsKey(keyId)) {
            return Optional.empty();
        }
        int signed = bytes.length - MAC_BYTES;
        byte[] expectedMac = mac(keyId, bytes, signed);
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

    /** A Mac per thread and key: looking up the provider and keying it cost more than the MAC itself. */
    private final ThreadLocal<Map<Integer, Mac>> macs = ThreadLocal.withInitial(java.util.HashMap::new);

    private byte[] mac(int keyId, byte[] bytes, int length) {
        Mac mac = macs.get().computeIfAbsent(keyId, id -> {
            try {
                Mac m = Mac.getInstance("HmacSHA256");
                m.init(new SecretKeySpec(keys.get(id), "HmacSHA256"));
                return m;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
        mac.update(bytes, 0, length);
        return Arrays.copyOf(mac.doFinal(), MAC_BYTES);
    }
}
