package org.rapport.outbox;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.rapport.mail.LinkTokens;
import org.rapport.mail.LinkTokens.Claims;
import org.rapport.mail.LinkTokens.Purpose;
import org.rapport.outbox.OutboxMapper.StoredLinkKey;
import org.rapport.platform.secrets.SecretBox.Opened;
import org.rapport.platform.secrets.Secrets;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.logging.Logger;

/**
 * The signed links and addresses in emails. Without {@code rapport.links.keys} one key (id 0) is generated at first
 * start and kept in the database, so every instance and every restart verifies the same tokens. Configured keys
 * ({@code id:base64,…}, the first signs) are added to that stored key, never put in its place: the links already sent
 * were signed with it and must keep working. For the same reason a key that signed links (recorded in
 * {@code link_key_signer}) is never dropped or replaced silently: a start without it stops, naming the setting,
 * unless the operator gives it up on purpose in {@code rapport.links.retired-keys}. The stored key is kept sealed under
 * the master key ({@link Secrets}); one an earlier version kept in plain text is sealed at the first start of this one.
 */
@ApplicationScoped
public class Links {

    private static final Logger LOG = Logger.getLogger(Links.class.getName());
    private static final int GENERATED_KEY_ID = 0;
    /** Where the stored key's sealed value belongs: it opens only there. */
    private static final String STORED_KEY = "link_key/" + GENERATED_KEY_ID;
    private static final String THOSE_LINKS = "links that customers may still use (unsubscribe, rating, click, reply and "
            + "recommend links, calendar feeds)";

    @Inject
    @ConfigProperty(name = "rapport.links.keys")
    Optional<String> configuredKeys;

    @Inject
    @ConfigProperty(name = "rapport.links.retired-keys")
    Optional<String> retiredKeys;

    @Inject
    MailSettings settings;

    @Inject
    OutboxMapper outbox;

    @Inject
    Clock clock;

    @Inject
    Secrets secrets;

    private LinkTokens tokens;

    @PostConstruct
    void init() {
        Optional<String> configured = configuredKeys.filter(k -> !k.isBlank());
        Set<Integer> retired = retired(retiredKeys);
        Map<Integer, String> signed = new HashMap<>();
        outbox.linkKeySigners().forEach(k -> signed.put(k.id(), k.fingerprint()));
        Optional<byte[]> stored = storedKey();
        try {
            if (configured.isEmpty() && stored.isEmpty()) {
                // never a fresh key in place of one that signed links: a stored key removed stops here
                givenUp(Map.of(), signed, retired);
                byte[] fresh = new byte[32];
                new SecureRandom().nextBytes(fresh);
                outbox.insertLinkKey(GENERATED_KEY_ID, secrets.seal(STORED_KEY, fresh), clock.instant());
                stored = storedKey(); // another instance may have inserted its own first: theirs is the one kept
            }
            Map<Integer, byte[]> keys = keys(configured, stored);
            for (int id : givenUp(keys, signed, retired)) {
                LOG.warning("RAPPORT_LINKS_RETIRED_KEYS: the links key " + id + " signed no longer verify; customers who "
                        + "follow them get an error page. Its record is forgotten, so the setting can be removed again.");
                outbox.forgetLinkKeySigner(id);
            }
            int signer = keys.keySet().iterator().next();
            outbox.recordLinkKeySigner(signer, fingerprint(keys.get(signer)), clock.instant());
            tokens = new LinkTokens(signer, keys);
        } catch (IllegalStateException e) {
            LOG.severe(e.getMessage()); // the reason on one line of the log, before the deployment's stack trace
            throw e;
        }
    }

    private Optional<byte[]> storedKey() {
        return outbox.linkKey(GENERATED_KEY_ID).map(this::opened);
    }

    /**
     * The stored key's secret. Kept in plain text by an earlier version, it is sealed now and the plain copy cleared;
     * sealed under the previous master key (a rotation), it is sealed again under the current one.
     */
    private byte[] opened(StoredLinkKey stored) {
        if (stored.sealed() == null) {
            byte[] plain = Base64.getMimeDecoder().decode(stored.plain());
            outbox.sealLinkKey(GENERATED_KEY_ID, secrets.seal(STORED_KEY, plain));
            LOG.info("The generated link key (link_key 0) is now kept sealed under the master key");
            return plain;
        }
        Opened opened = secrets.open(STORED_KEY, stored.sealed());
        if (opened.stale()) {
            outbox.resealLinkKey(GENERATED_KEY_ID, stored.sealed(), secrets.seal(STORED_KEY, opened.plain()));
        }
        return opened.plain();
    }

    /** The keys in use (see {@link #keys}) as tokens. */
    static LinkTokens tokens(Optional<String> configured, Optional<byte[]> stored) {
        Map<Integer, byte[]> keys = keys(configured, stored);
        return new LinkTokens(keys.keySet().iterator().next(), keys);
    }

    /**
     * The keys in use, the one that signs first: the configured ones plus the stored key, which always verifies. A
     * configured key under the stored key's id 0 with another secret would silently invalidate every link already sent,
     * so it is refused.
     */
    static Map<Integer, byte[]> keys(Optional<String> configured, Optional<byte[]> stored) {
        if (configured.isEmpty()) {
            return Map.of(GENERATED_KEY_ID, stored.orElseThrow());
        }
        Map<Integer, byte[]> keys = new LinkedHashMap<>();
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
        return keys;
    }

    /**
     * Checks that every key that signed links ({@code signed}: id → fingerprint) is among {@code keys} with the same
     * secret, and returns the ids of those that are not but were given up on purpose ({@code retired}). Any other
     * missing or replaced key stops the start with what to do, for each of them.
     */
    static Set<Integer> givenUp(Map<Integer, byte[]> keys, Map<Integer, String> signed, Set<Integer> retired) {
        Set<Integer> givenUp = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<Integer, String> key : new TreeMap<>(signed).entrySet()) {
            int id = key.getKey();
            byte[] secret = keys.get(id);
            if (secret != null && fingerprint(secret).equals(key.getValue())) {
                continue;
            }
            if (retired.contains(id)) {
                givenUp.add(id);
            } else if (id == GENERATED_KEY_ID) {
                problems.add("Key 0, which Rapport generated and keeps in the database table link_key, signed " + THOSE_LINKS
                        + ", but " + (secret == null ? "it is gone from that table" : "that table now holds another secret")
                        + ": restore its row from a backup, or, to give those links up on purpose, set "
                        + "RAPPORT_LINKS_RETIRED_KEYS=0.");
            } else {
                problems.add("RAPPORT_LINKS_KEYS: key " + id + " signed " + THOSE_LINKS + ", but "
                        + (secret == null ? "it is no longer among the configured keys: put it back (after the first key it "
                        + "only verifies)" : "it now has another secret: give the new secret a new id and keep this one")
                        + ", or, to give those links up on purpose, add " + id + " to RAPPORT_LINKS_RETIRED_KEYS.");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(String.join(" ", problems));
        }
        return givenUp;
    }

    /** {@code rapport.links.retired-keys}: key ids 0–255, comma-separated. */
    static Set<Integer> retired(Optional<String> setting) {
        Set<Integer> ids = new TreeSet<>();
        for (String entry : setting.orElse("").split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            if (!entry.strip().matches("[0-9]{1,3}") || Integer.parseInt(entry.strip()) > 255) {
                throw new IllegalArgumentException("RAPPORT_LINKS_RETIRED_KEYS: '" + entry.strip()
                        + "' is not a key id (0–255)");
            }
            ids.add(Integer.parseInt(entry.strip()));
        }
        return ids;
    }

    /** What {@code link_key_signer} keeps of a key: the SHA-256 of its secret, in hex (the migration computes it too). */
    static String fingerprint(byte[] secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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

    /** The customer's own form to recommend someone, in a thank-you note. */
    public String recommendUrl(long customerId, long messageId) {
        return settings.publicBase() + "recommend/" + tokens.issue(new Claims(Purpose.RECOMMEND, customerId, messageId, ""));
    }

    /**
     * The page where a customer answers a request to consent to an introduction ({@code /consent/…}). The token names
     * the customer, the email that asked and, in its signed data, the introduction and the side asked
     * ({@code <introduction id>:FIRST|SECOND}); the answer is the page's form field, so the same token serves the yes and
     * the no link and a scanner that fetches both decides nothing.
     */
    public String consentUrl(long customerId, long messageId, long introductionId, String side) {
        return settings.publicBase() + "consent/" + tokens.issue(new Claims(Purpose.CONSENT, customerId, messageId,
                introductionId + ":" + side));
    }

    /** The page where a customer says whether they met the customer they were introduced to ({@code /met/…}). */
    public String meetingUrl(long customerId, long messageId, long introductionId) {
        return settings.publicBase() + "met/" + tokens.issue(new Claims(Purpose.MEETING, customerId, messageId,
                Long.toString(introductionId)));
    }

    /** The page where a customer answers a poll ({@code /p/…}); the token's data is the poll's id. */
    public String pollUrl(long customerId, long messageId, long pollId) {
        return settings.publicBase() + "p/" + tokens.issue(new Claims(Purpose.POLL, customerId, messageId, Long.toString(pollId)));
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
