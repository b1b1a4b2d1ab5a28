package org.rapport.platform.secrets;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.rapport.platform.secrets.SecretBox.Opened;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The secrets Rapport keeps in the database, sealed under the master key ({@link SecretBox}): features seal and open
 * their own values here, and keys Rapport generates once (the suppression list's hash key) are kept in
 * {@code sealed_secret}. Made at start ({@link SecretsAtStart}): the master key comes from {@code rapport.secret.key},
 * or else from the data directory's key file ({@link KeyFile}); a check value sealed at the first start stops an
 * instance given another key right away, naming the setting. With {@code rapport.secret.key-previous} set (a
 * rotation), values sealed under the previous key still open, and each owner seals its values again at start.
 */
@ApplicationScoped
public class Secrets {

    private static final Logger LOG = Logger.getLogger(Secrets.class.getName());
    static final String CHECK = "master-key-check";
    static final byte[] CHECK_PLAIN = "Rapport's master key check".getBytes(StandardCharsets.US_ASCII);

    @Inject
    @ConfigProperty(name = "rapport.secret.key")
    Optional<String> configuredKey;

    @Inject
    @ConfigProperty(name = "rapport.secret.key-previous")
    Optional<String> previousKey;

    @Inject
    @ConfigProperty(name = "rapport.data.dir")
    String dataDir;

    @Inject
    SecretMapper mapper;

    @Inject
    Clock clock;

    private SecretBox box;

    @PostConstruct
    void init() {
        try {
            box = new SecretBox(currentKey(), previousKey.filter(k -> !k.isBlank())
                    .map(k -> MasterKey.parse(k, "RAPPORT_SECRET_KEY_PREVIOUS (rapport.secret.key-previous)")));
            check();
            for (SecretMapper.Kept kept : mapper.all()) {
                resealIfStale(kept.name(), kept.sealed());
            }
            LOG.info("Secrets at rest are sealed under the master key " + box.currentKeyId() + " ("
                    + (configuredKey.filter(k -> !k.isBlank()).isPresent() ? "RAPPORT_SECRET_KEY" : "the key file in the data directory")
                    + ")");
        } catch (IllegalStateException | UncheckedIOException e) {
            LOG.severe(e.getMessage()); // the reason on one line of the log, before the deployment's stack trace
            throw e;
        }
    }

    private MasterKey currentKey() {
        Optional<String> configured = configuredKey.filter(k -> !k.isBlank());
        if (configured.isPresent()) {
            return MasterKey.parse(configured.get(), "RAPPORT_SECRET_KEY (rapport.secret.key)");
        }
        return KeyFile.readOrCreate(Path.of(dataDir));
    }

    /**
     * The check value: sealed by the first start, it must open under the key given now (or the previous one during a
     * rotation). Without it a wrong key would surface only when a secret is first needed, perhaps hours later.
     */
    private void check() {
        mapper.insertIfAbsent(CHECK, box.seal(CHECK, CHECK_PLAIN), clock.instant());
        String sealed = mapper.find(CHECK).orElseThrow();
        byte[] plain;
        try {
            plain = box.open(CHECK, sealed).plain();
        } catch (IllegalStateException e) {
            throw new IllegalStateException(wrongKey(e.getMessage()));
        }
        if (!Arrays.equals(plain, CHECK_PLAIN)) {
            throw new IllegalStateException(wrongKey("the check value differs"));
        }
    }

    private String wrongKey(String detail) {
        String source = configuredKey.filter(k -> !k.isBlank()).isPresent() ? "RAPPORT_SECRET_KEY (rapport.secret.key)"
                : "the master key file " + Path.of(dataDir).resolve(KeyFile.NAME).toAbsolutePath().normalize()
                + " (RAPPORT_SECRET_KEY is not set)";
        return "The master key of " + source + " is not the one this database's secrets were sealed with: set "
                + "RAPPORT_SECRET_KEY to the key the other instances use (during a rotation the new key, with the old one "
                + "in RAPPORT_SECRET_KEY_PREVIOUS). Detail: " + detail;
    }

    /** The fingerprint of the master key values are sealed under now (never the key). */
    public String currentKeyId() {
        return box.currentKeyId();
    }

    /** A sealed value for {@code context} (where it is kept, e.g. {@code link_key/0}), under the current master key. */
    public String seal(String context, byte[] plain) {
        return box.seal(context, plain);
    }

    /**
     * The value sealed for {@code context}; {@link Opened#stale()} when a previous master key sealed it, so that its
     * owner seals it again.
     *
     * @throws IllegalStateException when no key given opens it, naming the settings
     */
    public Opened open(String context, String sealed) {
        return box.open(context, sealed);
    }

    /**
     * A random key of {@code bytes} bytes generated at its first use and kept sealed in {@code sealed_secret} under
     * {@code name}; every instance and every start gets the same, whatever master key rotations happen in between.
     */
    public byte[] generatedKey(String name, int bytes) {
        return generatedKey(name, bytes, () -> {
        });
    }

    /**
     * As {@link #generatedKey(String, int)}; {@code beforeGenerating} runs only when there is no key yet and may refuse
     * by throwing: a feature whose stored data was made under the lost key says so instead of starting over silently.
     */
    public byte[] generatedKey(String name, int bytes, Runnable beforeGenerating) {
        Optional<String> kept = mapper.find(name);
        if (kept.isEmpty()) {
            beforeGenerating.run();
            byte[] fresh = new byte[bytes];
            new SecureRandom().nextBytes(fresh);
            mapper.insertIfAbsent(name, box.seal(name, fresh), clock.instant());
            kept = mapper.find(name); // another instance may have inserted its own first: theirs is the one kept
        }
        return resealIfStale(name, kept.orElseThrow());
    }

    private byte[] resealIfStale(String name, String sealed) {
        Opened opened = box.open(name, sealed);
        if (opened.stale()) {
            mapper.reseal(name, sealed, box.seal(name, opened.plain()));
            LOG.info("Sealed " + name + " again under the master key " + box.currentKeyId());
        }
        return opened.plain();
    }
}
