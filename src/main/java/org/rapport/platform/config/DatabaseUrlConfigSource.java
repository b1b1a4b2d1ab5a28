package org.rapport.platform.config;

import org.eclipse.microprofile.config.spi.ConfigSource;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Provides {@code rapport.db.jdbc-url}: the configured {@code RAPPORT_DB_URL} with the Connector/J options Rapport
 * relies on (UTC session time zone, UTF-8, batched inserts) added where the operator did not set them.
 */
public final class DatabaseUrlConfigSource implements ConfigSource {

    static final String NAME = "rapport.db.jdbc-url";

    /** How long the application waits for the embedded database the launcher is starting (a first start installs it). */
    static final Duration EMBEDDED_START_LIMIT = Duration.ofMinutes(3);

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(NAME);
    }

    @Override
    public String getValue(String propertyName) {
        if (!NAME.equals(propertyName)) {
            return null;
        }
        String url = System.getenv("RAPPORT_DB_URL");
        if (url == null || url.isBlank()) {
            url = Boolean.getBoolean("rapport.db.embedded") ? embeddedUrl() : System.getProperty("rapport.db.url");
        }
        return url == null || url.isBlank() ? null : withDefaults(url.trim());
    }

    /** The embedded database's URL, once the launcher has it up; a start that takes too long fails the deployment. */
    private static String embeddedUrl() {
        String url = published("rapport.db.url", EMBEDDED_START_LIMIT);
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("The embedded MariaDB did not start within " + EMBEDDED_START_LIMIT.toMinutes()
                    + " minutes (see the launcher's output); Rapport cannot start without its database");
        }
        return url;
    }

    /**
     * The launcher starts the embedded database beside Payara and publishes its URL as {@code rapport.db.url} once it
     * is up (its process ends if it cannot start). Payara asks for the URL when it deploys the application, usually
     * long after: then there is nothing to wait for. Otherwise this waits for the system property {@code property},
     * up to {@code limit}.
     */
    static String published(String property, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        String url = System.getProperty(property);
        while ((url == null || url.isBlank()) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            url = System.getProperty(property);
        }
        return url;
    }

    public static String withDefaults(String url) {
        StringBuilder result = new StringBuilder(url);
        Map<String, String> defaults = Map.of(
                "connectionTimeZone", "UTC",
                "forceConnectionTimeZoneToSession", "true",
                "characterEncoding", "UTF-8",
                "rewriteBatchedStatements", "true",
                // Connector/J parses every client-side prepared statement unless it is cached, and by default it
                // caches only statements shorter than 256 characters: most of Rapport's are longer
                "cachePrepStmts", "true",
                "prepStmtCacheSize", "250",
                "prepStmtCacheSqlLimit", "8192",
                // the pool makes sure of each lease's isolation level; without it Connector/J asks the server
                // (SELECT @@session.transaction_isolation) at every lease, several round trips per request
                "useLocalSessionState", "true");
        for (var option : defaults.entrySet()) {
            if (!url.contains(option.getKey() + "=")) {
                result.append(result.indexOf("?") < 0 ? '?' : '&').append(option.getKey()).append('=').append(option.getValue());
            }
        }
        return result.toString();
    }

    @Override
    public int getOrdinal() {
        return 275;
    }

    @Override
    public String getName() {
        return "rapport-database-url";
    }
}
