package org.rapport.platform.secrets;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapport.launcher.EmbeddedDatabase;
import org.rapport.testing.Eventually;
import org.rapport.testing.LauncherInstance;
import org.rapport.testing.Standalone;
import org.rapport.testing.UnderTarget;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The master key at start, on instances started like production against a database of this class's own, which first
 * holds a link key in plain text as earlier versions kept it:
 * <ol>
 *   <li>without {@code RAPPORT_SECRET_KEY}, the first start generates the key file (owner-only) and seals the plain
 *   link key under it;</li>
 *   <li>a rotation: a start with a new key and the old one in {@code RAPPORT_SECRET_KEY_PREVIOUS} seals everything
 *   again under the new key, with the same secrets inside (the suppression list's hash key too: it forgets no one);</li>
 *   <li>a start with only the old key afterwards stops at once, naming the setting.</li>
 * </ol>
 * Two full starts and one that fails: the start-up rules themselves are {@link SecretBoxTest} and {@link KeyFileTest}.
 */
@Tag("process")
@Standalone
class SecretKeysIT {

    @TempDir(factory = UnderTarget.class)
    static Path scratch;
    private static EmbeddedDatabase database;

    @AfterAll
    static void stop() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void aGeneratedKeyFileSealsThePlainLinkKeyARotationSealsEverythingAgainAndTheOldKeyAloneIsThenRefused() throws Exception {
        database = EmbeddedDatabase.start(scratch.resolve("database"), 0, "128M");
        byte[] plainLinkKey = plainLinkKeyAsEarlierVersionsKeptIt();
        Path dataDir = scratch.resolve("instance");

        LauncherInstance first = LauncherInstance.start("secret-keys-1", dataDir, env(null, null)).awaitUp();
        first.stop();

        Path keyFile = dataDir.resolve("secret.key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        MasterKey generated = MasterKey.parse(Files.readString(keyFile), "the key file");
        Map<String, String> sealedFirst = sealedValues();
        assertThat(sealedFirst).containsKeys("link_key/0", Secrets.CHECK, "suppression-hash-key")
                .allSatisfy((place, sealed) -> assertThat(sealed).as(place).startsWith("v1." + generated.id() + "."));
        SecretBox underGenerated = new SecretBox(generated, Optional.empty());
        assertThat(underGenerated.open("link_key/0", sealedFirst.get("link_key/0")).plain()).isEqualTo(plainLinkKey);
        assertThat(plainColumn()).as("the plain text cleared").isNull();
        byte[] hashKey = underGenerated.open("suppression-hash-key", sealedFirst.get("suppression-hash-key")).plain();

        MasterKey next = MasterKey.generate();
        LauncherInstance rotated = LauncherInstance.start("secret-keys-2", dataDir, env(next.base64(), generated.base64()))
                .awaitUp();
        rotated.stop();

        Map<String, String> sealedAfter = sealedValues();
        assertThat(sealedAfter).hasSameSizeAs(sealedFirst)
                .allSatisfy((place, sealed) -> assertThat(sealed).as(place).startsWith("v1." + next.id() + "."));
        SecretBox underNext = new SecretBox(next, Optional.empty());
        assertThat(underNext.open("link_key/0", sealedAfter.get("link_key/0")).plain()).isEqualTo(plainLinkKey);
        assertThat(underNext.open("suppression-hash-key", sealedAfter.get("suppression-hash-key")).plain())
                .as("the suppression list's hash key survives the rotation").isEqualTo(hashKey);

        Path log = Path.of(System.getProperty("rapport.test.war")).getParent().resolve("secret-keys-3.log");
        Files.deleteIfExists(log);
        LauncherInstance stale = LauncherInstance.start("secret-keys-3", dataDir, env(generated.base64(), null));
        try {
            Eventually.within(Duration.ofMinutes(4)).until(() -> !stale.process().isAlive()
                    || Files.readString(log).contains("is not the one this database's secrets were sealed with"));
            assertThat(Files.readString(log)).contains("The master key of RAPPORT_SECRET_KEY (rapport.secret.key) is not the "
                    + "one this database's secrets were sealed with").contains("RAPPORT_SECRET_KEY_PREVIOUS");
        } finally {
            stale.stop();
        }

        // a partial restore: the list holds an address, its hash key's row is gone; a new key would forget everyone
        try (Connection db = db(); Statement change = db.createStatement()) {
            change.executeUpdate("INSERT INTO suppressed_address (address_hash, source, added_at) VALUES (UNHEX(SHA2('x', 256)),"
                    + " 'ADMIN', NOW(3))");
            change.executeUpdate("DELETE FROM sealed_secret WHERE name = 'suppression-hash-key'");
        }
        refused("secret-keys-4", dataDir, env(next.base64(), null), "The suppression list holds addresses but its hash key");
        assertThat(sealedValues()).as("no new hash key was made").doesNotContainKey("suppression-hash-key");
    }

    /** Starts an instance that must stop at start, and finds {@code message} in its log. */
    private static void refused(String name, Path dataDir, Map<String, String> env, String message) throws Exception {
        Path log = Path.of(System.getProperty("rapport.test.war")).getParent().resolve(name + ".log");
        Files.deleteIfExists(log);
        LauncherInstance refused = LauncherInstance.start(name, dataDir, env);
        try {
            Eventually.within(Duration.ofMinutes(4)).until(() -> !refused.process().isAlive()
                    || Files.exists(log) && Files.readString(log).contains(message));
            assertThat(Files.readString(log)).contains(message);
        } finally {
            refused.stop();
        }
    }

    /** This class's database, without the shared GreenMail's reply mailbox; {@code null} leaves a key unset. */
    private static Map<String, String> env(String key, String previous) {
        Map<String, String> env = new HashMap<>();
        env.put("RAPPORT_DB_URL", database.jdbcUrl());
        env.put("RAPPORT_DB_USER", "root");
        env.put("RAPPORT_DB_PASSWORD", "");
        env.put("RAPPORT_SMTP_HOST", null);
        env.put("RAPPORT_IMAP_HOST", null);
        env.put("RAPPORT_SECRET_KEY", key);
        env.put("RAPPORT_SECRET_KEY_PREVIOUS", previous);
        return env;
    }

    private static Connection db() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), "root", "");
    }

    /**
     * The link key an earlier version generated, in plain text, as the upgrade's migration leaves it for the first start
     * of this version to seal (the schema migrated here first).
     */
    private static byte[] plainLinkKeyAsEarlierVersionsKeptIt() throws SQLException {
        Flyway.configure().dataSource(database.jdbcUrl(), "root", "").locations("filesystem:sql").load().migrate();
        byte[] plain = new byte[32];
        new SecureRandom().nextBytes(plain);
        try (Connection db = db();
             PreparedStatement insert = db.prepareStatement("INSERT INTO link_key (id, secret, created_at) VALUES (0, ?, NOW(3))")) {
            insert.setBytes(1, plain);
            insert.executeUpdate();
        }
        return plain;
    }

    private static byte[] plainColumn() throws SQLException {
        try (Connection db = db(); Statement query = db.createStatement();
             ResultSet rs = query.executeQuery("SELECT secret FROM link_key WHERE id = 0")) {
            assertThat(rs.next()).isTrue();
            return rs.getBytes(1);
        }
    }

    /** Every sealed value, by the place it is sealed for. */
    private static Map<String, String> sealedValues() throws SQLException {
        Map<String, String> sealed = new LinkedHashMap<>();
        try (Connection db = db(); Statement query = db.createStatement()) {
            try (ResultSet rs = query.executeQuery("SELECT id, sealed FROM link_key")) {
                while (rs.next()) {
                    sealed.put("link_key/" + rs.getInt(1), rs.getString(2));
                }
            }
            try (ResultSet rs = query.executeQuery("SELECT name, sealed FROM sealed_secret")) {
                while (rs.next()) {
                    sealed.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return sealed;
    }
}
