package org.rapport.outbox;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.rapport.mail.LinkTokens;
import org.rapport.mail.LinkTokens.Claims;
import org.rapport.mail.LinkTokens.Purpose;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The signed links and addresses in emails. Without {@code rapport.links.keys} one key (id 0) is generated at first
 * start and kept in the database, so every instance and every restart verifies the same tokens. Configured keys
 * ({@code id:base64,…}, the first signs) are added to that stored key, never put in its place: the links already sent
 * were signed with it and must keep working.
 */
@ApplicationScoped
public class Links {

    private static final int GENERATED_KEY_ID = 0;

    @Inject
    @ConfigProperty(name = "rapport.links.keys")
    Optional<String> configuredKeys;

    @Inject
    MailSettings settings;

    @Inject
    OutboxMapper outbox;

    @Inject
    Clock clock;

    private LinkTokens tokens;

    @PostConstruct
    void init() {
        Optional<String> configured = configuredKeys.filter(k -> !k.isBlank());
        Optional<byte[]> stored = storedKey();
        if (configured.isEmpty() && stored.isEmpty()) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            outbox.insertLinkKey(GENERATED_KEY_ID, fresh, clock.instant());
            stored = storedKey(); // another instance may have inserted its own first: theirs is the one kept
        }
        tokens = tokens(configured, stored);
    }

    private Optional<byte[]> storedKey() {
        return Optional.ofNullable(outbox.linkKey(GENERATED_KEY_ID)).map(Base64.getMimeDecoder()::decode);
    }

    /**
     * The keys in use: the configured ones (the first signs) plus the stored key, which always verifies. A configured
     * key under the stored key's id 0 with another secret would silently invalidate every link already sent, so it is
     * refused.
     */
    static LinkTokens tokens(Optional<String> configured, Optional<byte[]> stored) {
        if (configured.isEmpty()) {
            return new LinkTokens(GENERATED_KEY_ID, Map.of(GENERATED_KEY_ID, stored.orElseThrow()));
        }
        Map<Integer, byte[]> keys = new LinkedHashMap<>();
        int first = -1;
        for (String entry : configured.get().split(",")) {
            String[] idAndSecret = entry.strip().split(":", 2);
            if (idAndSecret.length != 2 || !idAndSecret[0].strip().matches("[0-9]{1,3}")) {
                throw new IllegalArgumentException("RAPPORT_LINKS_KEYS: '" + entry.strip() + "' is not id:base64-secret");
            }
            int id = Integer.parseInt(idAndSecret[0].strip());
            byte[] secret;
            try {
                secret = Base64.getDecoder().decode(idAndSecret[1].strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("RAPPORT_LINKS_KEYS: the secret of key " + id + " is not base64");
            }
            if (keys.put(id, secret) != null) {
                throw new IllegalArgumentException("RAPPORT_LINKS_KEYS: key id " + id + " is given twice");
            }
            first = first < 0 ? id : first;
        }
        if (stored.isPresent()) {
            byte[] configuredZero = keys.get(GENERATED_KEY_ID);
            if (configuredZero != null && !Arrays.equals(configuredZero, stored.get())) {
                throw new IllegalArgumentException("RAPPORT_LINKS_KEYS: key id " + GENERATED_KEY_ID + " is the key Rapport "
                        + "generated and keeps in the database, which signed the links already sent; give the configured "
                        + "keys other ids");
            }
            keys.put(GENERATED_KEY_ID, stored.get());
        }
        return new LinkTokens(first, keys);
    }

    /** Makes the keys now, so a bad {@code RAPPORT_LINKS_KEYS} stops the start instead of the first email. */
    void check() {
        verify("", Purpose.CLICK);
    }

    public String unsubscribeUrl(long customerId, long messageId) {
        return settings.publicBase() + "u/" + tokens.issue(new Claims(Purpose.UNSUBSCRIBE, customerId, messageId, ""));
    }

    /** The RFC 8058 mailto alternative, answered by the reply mailbox; empty when no mailbox is read. */
    public Optional<String> unsubscribeMailto(long customerId, long messageId) {
        return settings.replyMailbox().map(mailbox -> "mailto:" + mailbox + "?subject="
                + URLEncoder.encode("unsubscribe " + tokens.issue(new Claims(Purpose.UNSUBSCRIBE, customerId, messageId, "")),
                StandardCharsets.UTF_8).replace("+", "%20"));
    }

    /** A link through {@code /c/…} that records the click, or the target itself when click tracking is off. */
    public String tracked(String target, long customerId, long messageId) {
        if (!settings.clickTracking()) {
            return target;
        }
        return settings.publicBase() + "c/" + tokens.issue(new Claims(Purpose.CLICK, customerId, messageId, target));
    }

    /** The reply mailbox, plus-addressed with a token that names the message, so a reply finds its way back. */
    public Optional<String> replyAddress(long customerId, long messageId) {
        return settings.replyMailbox().map(mailbox -> {
            int at = mailbox.lastIndexOf('@');
            String token = tokens.issue(new Claims(Purpose.REPLY, customerId, messageId, ""));
            return mailbox.substring(0, at) + "+" + token + mailbox.substring(at);
        });
    }

    /** A one-click satisfaction rating (1–5) of the customer's experience, answered on {@code /r/…}. */
    public String ratingUrl(long customerId, long messageId, int score) {
        return settings.publicBase() + "r/" + tokens.issue(new Claims(Purpose.RATING, customerId, messageId, Integer.toString(score)));
    }

    /**
     * The secret address of a salesperson's call list for calendar apps, which cannot send a login. It carries the
     * feed's {@code generation}, so that rotating the generation revokes it.
     */
    public String calendarUrl(long salespersonId, long generation) {
        return settings.publicBase() + "calendar/" + tokens.issue(new Claims(Purpose.CALENDAR, salespersonId, generation, "")) + ".ics";
    }

    public Optional<Claims> verify(String token, Purpose purpose) {
        return tokens.verify(token, purpose);
    }

    /** The claims of a servlet path {@code /<token><suffix>} (one segment only), or empty. */
    public Optional<Claims> fromPath(String pathInfo, String suffix, Purpose purpose) {
        if (pathInfo == null || !pathInfo.startsWith("/") || !pathInfo.endsWith(suffix) || pathInfo.indexOf('/', 1) >= 0
                || pathInfo.length() < 2 + suffix.length()) {
            return Optional.empty();
        }
        return tokens.verify(pathInfo.substring(1, pathInfo.length() - suffix.length()), purpose);
    }
}
