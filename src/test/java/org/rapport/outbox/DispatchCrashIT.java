package org.rapport.outbox;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapport.testing.Api;
import org.rapport.testing.Csv;
import org.rapport.testing.Eventually;
import org.rapport.launcher.EmbeddedDatabase;
import org.rapport.testing.LauncherInstance;
import org.rapport.testing.Ports;
import org.rapport.testing.Standalone;
import org.rapport.testing.UnderTarget;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Rapport instances (separate JVMs, started like production with the launcher) dispatch 3,000 messages from one
 * database; one is killed with SIGKILL while it holds claimed messages it has not recorded, and started again; later the
 * database itself is killed and comes back 10 s later. Every message must arrive, and a message may arrive twice only
 * if it was on its way at a fault, and the instance that sends it again logs it as in doubt: at most the one on the
 * wire in each dispatcher, since each message is recorded in its own transaction. The instances share a
 * MariaDB and an SMTP server of this test's own, so it runs alongside the API tests ({@link Standalone}).
 * <p>
 * Before the messages, the same instances show what becomes of a scheduled plan that fails
 * ({@link #aFailedPlanGivesItsTimeBackAndTheTimeIsPlannedAgainWithoutARestart}): here rather than in instances of its
 * own, since each start of an instance costs half a minute of the test run.
 */
@Tag("process")
@Standalone
class DispatchCrashIT {

    private static final int MESSAGES = 3_000;

    private final List<Process> processes = new ArrayList<>();

    private EmbeddedDatabase database;

    private GreenMail smtp;
    @TempDir(factory = UnderTarget.class)
    Path scratch;

    /**
     * A daily planning time an hour before the test: one is due at start, and no other comes while the test runs (an
     * hourly one could pass in the middle and take the place of the time the test follows).
     */
    private final LocalTime planningTime = LocalTime.now(ZoneOffset.UTC).minusHours(1).withSecond(0).withNano(0);

    @AfterEach
    void stopInstances() {
        processes.forEach(p -> p.destroyForcibly().onExit().join()); // gone before JUnit deletes their directories
        if (smtp != null) {
            smtp.stop();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void aKilledDispatcherLosesNothingAndRepeatsOnlyWhatWasInFlight() throws Exception {
        Path target = Path.of(System.getProperty("rapport.test.war")).getParent();
        for (String name : List.of("a", "b")) {
            Files.deleteIfExists(target.resolve("crash-" + name + ".log")); // logs are appended to: read this run's only
        }
        Path databaseDir = scratch.resolve("database");
        database = EmbeddedDatabase.start(databaseDir, 0, "128M");
        smtp = new GreenMail(smtpOn(Ports.free()));
        smtp.start();
        // both at once (their boots once seemed to hang: that was the h2c upgrade of /health, now HTTP/1.1)
        LauncherInstance a = start("a");
        LauncherInstance b = start("b");
        a.awaitUp();
        b.awaitUp();
        bothStartedAtOnceOnePlannedEachPlanningTime(a, b);
        aFailedPlanGivesItsTimeBackAndTheTimeIsPlannedAgainWithoutARestart(a, b, databaseDir);

        String tag = Csv.unique("crash").toLowerCase();
        Api admin = Api.at(a.baseUri()).asAdmin();
        String owner = tag + "-sp";
        assertThat(admin.postCsv("api/import/salespeople", Csv.lines("external_id,name,email,time_zone",
                owner + ",Crash Seller,seller@crash.example,Europe/Berlin")).status()).isEqualTo(200);
        List<String> rows = new ArrayList<>(List.of("external_id,company,preferred_name,email,time_zone,owner"));
        IntStream.range(0, MESSAGES).forEach(i -> rows.add(tag + "-" + i + ",Crash " + i + ",C" + i + "," + tag + "-" + i
                + "@crash.example,Europe/Berlin," + owner));
        Api.Reply imported = admin.postCsv("api/import/customers", Csv.lines(rows.toArray(String[]::new)));
        assertThat(imported.json().getInt("created")).as(imported.toString()).isEqualTo(MESSAGES);

        int enqueued = sql("INSERT INTO outbox_message (idempotency_key, template, purpose, customer_id, fields, status, not_before,"
                + " message_id, created_at) SELECT CONCAT(?, c.id), 'thank-you-anniversary', 'THANK_YOU', c.id, '{\"years\":\"1\"}',"
                + " 'PENDING', UTC_TIMESTAMP(3), CONCAT('<', UUID(), '.crash@rapport.test>'), UTC_TIMESTAMP(3)"
                + " FROM customer c WHERE c.external_id LIKE ?", tag + ":", tag + "-%");
        assertThat(enqueued).isEqualTo(MESSAGES);

        // kill the instance while it holds claimed messages it has not recorded as sent: what lease recovery is for
        String claimedByA = "status = 'SENDING' AND claimed_by LIKE CONCAT('%/', ?, '/%')";
        String pidA = Long.toString(a.process().pid());
        Eventually.within(Duration.ofMinutes(3))
                .until(() -> count("status = 'SENT'", tag) >= MESSAGES / 4 && count(claimedByA, tag, pidA) > 0);
        a.process().destroyForcibly().waitFor();
        Set<String> inFlight = messageIds(tag, claimedByA, pidA);
        assertThat(inFlight).as("messages claimed but not recorded by the killed instance").isNotEmpty();
        long sentBeforeRestart = count("status = 'SENT'", tag);

        // then, while the other instance sends, the database is killed as a crash would and comes back 10 s later on
        // the same data and port: the instance reconnects by itself
        Eventually.within(Duration.ofMinutes(3)).until(() -> count("status = 'SENT'", tag) >= sentBeforeRestart + MESSAGES / 10);
        int databasePort = database.port();
        database.kill();
        Thread.sleep(10_000);
        database = EmbeddedDatabase.start(databaseDir, databasePort, "128M");

        LauncherInstance restarted = start("a");
        restarted.awaitUp();
        Eventually.within(Duration.ofMinutes(5)).until(() -> count("status = 'SENT'", tag) == MESSAGES);

        Set<String> ours = messageIds(tag, "TRUE");
        Map<String, Integer> deliveries = new HashMap<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            String id = messageId(m);
            if (ours.contains(id)) {
                deliveries.merge(id, 1, Integer::sum);
            }
        }
        Set<String> twice = new HashSet<>();
        deliveries.forEach((id, n) -> {
            if (n > 1) {
                twice.add(id);
            }
        });
        Set<String> inDoubt = messageIdsOf(tag, loggedInDoubt(b, restarted));
        System.out.printf("Dispatch crash test: %d messages, %d sent when the instance was killed, %d in flight in it,"
                + " %d logged in doubt, %d delivered twice%n", MESSAGES, sentBeforeRestart, inFlight.size(), inDoubt.size(), twice.size());
        assertThat(deliveries).as("every message delivered").hasSize(MESSAGES);
        assertThat(deliveries.values()).as("at most once before a fault and once after it").allMatch(n -> n <= 2);
        assertThat(twice).as("every message delivered twice was logged in doubt by a surviving instance").isSubsetOf(inDoubt);
        assertThat(inFlight).as("the killed instance's unrecorded claims were logged in doubt when they were sent again")
                .isSubsetOf(inDoubt);
        // the message on the wire in each dispatcher: the killed instance's two, then the other instance's two when the
        // database died
        assertThat(twice).as("delivered twice").hasSizeLessThanOrEqualTo(2 + 2);

        smtpDownThenRefusingThenBackLosesNothing(tag);
    }

    /**
     * Issue 12's SMTP outage, short (the fault benchmark's {@code smtp-outage} runs it for 5 + 5 minutes): 200 messages
     * due while the SMTP server refuses connections for 5 s, then answers 451 to every message for 5 s, then is back (a
     * new GreenMail on the same port). With the instances' retry steps of 1 s capped at 2 s, messages fail attempts of
     * both kinds; all arrive once, none FAILED.
     */
    private void smtpDownThenRefusingThenBackLosesNothing(String tag) throws Exception {
        String outage = tag + "-outage";
        int port = smtp.getSmtp().getPort();
        smtp.stop();
        int enqueued = sql("INSERT INTO outbox_message (idempotency_key, template, purpose, customer_id, fields, status, not_before,"
                + " message_id, created_at) SELECT CONCAT(?, c.id), 'thank-you-anniversary', 'THANK_YOU', c.id, '{\"years\":\"2\"}',"
                + " 'PENDING', UTC_TIMESTAMP(3), CONCAT('<', UUID(), '.outage@rapport.test>'), UTC_TIMESTAMP(3)"
                + " FROM customer c WHERE c.external_id LIKE ? ORDER BY c.id LIMIT 200", outage + ":", tag + "-%");
        assertThat(enqueued).isEqualTo(200);
        Thread.sleep(5_000);
        try (RefusingSmtp refusing = new RefusingSmtp(port)) {
            Thread.sleep(5_000);
            assertThat(refusing.refused.get()).as("messages answered 451").isPositive();
        }
        smtp = new GreenMail(smtpOn(port));
        smtp.start();
        Eventually.within(Duration.ofMinutes(1)).until(() -> count("status IN ('PENDING', 'SENDING')", outage) == 0);

        assertThat(count("status = 'FAILED'", outage)).as("FAILED after the outage").isZero();
        assertThat(count("attempts >= 3", outage)).as("messages that failed twice or more before they left").isPositive();
        Set<String> ours = messageIds(outage, "TRUE");
        Map<String, Integer> deliveries = new HashMap<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (ours.contains(messageId(m))) {
                deliveries.merge(messageId(m), 1, Integer::sum);
            }
        }
        assertThat(deliveries).as("every message delivered after the outage").hasSize(200);
        assertThat(deliveries.values()).as("each once").containsOnly(1);
    }

    /** An SMTP server that greets and answers EHLO, NOOP and RSET, and refuses every message with 451. */
    private static final class RefusingSmtp implements AutoCloseable {
        final java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
        private final java.net.ServerSocket server;
        private final List<java.net.Socket> open = new java.util.concurrent.CopyOnWriteArrayList<>();

        RefusingSmtp(int port) throws IOException {
            server = new java.net.ServerSocket(port, 50, java.net.InetAddress.getLoopbackAddress());
            daemon(() -> {
                while (!server.isClosed()) {
                    try {
                        java.net.Socket client = server.accept();
                        open.add(client);
                        daemon(() -> converse(client));
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
        }

        private static void daemon(Runnable work) {
            Thread t = new Thread(work, "refusing-smtp");
            t.setDaemon(true);
            t.start();
        }

        private void converse(java.net.Socket client) {
            try (client; var in = new java.io.BufferedReader(new java.io.InputStreamReader(client.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII)); var out = new java.io.PrintStream(client.getOutputStream(), true,
                    java.nio.charset.StandardCharsets.US_ASCII)) {
                out.print("220 refusing.test ESMTP\r\n");
                for (String line = in.readLine(); line != null && !line.toUpperCase().startsWith("QUIT"); line = in.readLine()) {
                    boolean mail = line.toUpperCase().startsWith("MAIL");
                    refused.addAndGet(mail ? 1 : 0);
                    out.print(mail ? "451 4.3.0 Try again later\r\n" : "250 OK\r\n");
                }
                out.print("221 Bye\r\n");
            } catch (IOException ended) {
                // the client went away
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (java.net.Socket client : open) {
                client.close(); // a dispatcher's open connection fails now rather than meeting 451 after the server is back
            }
        }
    }

    /** The outbox ids the instances logged as in doubt (InDoubt's lines). */
    private static Set<Long> loggedInDoubt(LauncherInstance... instances) throws IOException {
        Set<Long> ids = new HashSet<>();
        for (LauncherInstance instance : instances) {
            ids.addAll(InDoubt.in(Files.readAllLines(instance.log())));
        }
        return ids;
    }

    /** The Message-IDs of this test's outbox rows {@code outboxIds}, in one read. */
    private Set<String> messageIdsOf(String tag, Set<Long> outboxIds) throws SQLException {
        return outboxIds.isEmpty() ? Set.of() : messageIds(tag, "id IN (" + outboxIds.stream().map(String::valueOf)
                .collect(java.util.stream.Collectors.joining(",")) + ")");
    }

    /**
     * Each instance fires the plan at start, at the same moment on the same database, and checks every 2 s: each planning
     * time is planned by one of them, never by both (the claim in {@code planning_run}, ADR 0004). Counted from the plans
     * logged.
     */
    private void bothStartedAtOnceOnePlannedEachPlanningTime(LauncherInstance a, LauncherInstance b) throws Exception {
        Eventually.within(Duration.ofMinutes(2)).until(() -> planningRuns("finished_at IS NOT NULL") >= 1
                && planningRuns("finished_at IS NULL") == 0);
        long plans = 0;
        for (LauncherInstance instance : List.of(a, b)) {
            try (var lines = Files.lines(instance.log())) {
                plans += lines.filter(line -> line.contains("Planned ") && line.contains(" customers: ")).count();
            }
        }
        assertThat(plans).as("plans logged by the two instances, one per planning time served").isEqualTo(planningRuns("TRUE"));
    }

    /**
     * Issue 12, scenarios 3 and 4 for planning: a plan that fails gives its planning time back, and the time is planned
     * again without a restart, also when the database went away in the middle of the plan. The test holds
     * {@code planned_touch} (LOCK TABLES) and makes the due time unserved again, so that the plan a check starts waits
     * inside. Its statement killed with the database up, the plan fails and gives the time back, and a check tries again
     * (after 2 s here). That try waiting too, the database is killed: the try cannot give the time back, and once the
     * database is back and the try's lease has run out (20 s here), a check takes the time over and plans it.
     */
    private void aFailedPlanGivesItsTimeBackAndTheTimeIsPlannedAgainWithoutARestart(LauncherInstance a, LauncherInstance b,
                                                                                 Path databaseDir) throws Exception {
        String tag = Csv.unique("plan").toLowerCase();
        Api admin = Api.at(a.baseUri()).asAdmin();
        assertThat(admin.postCsv("api/import/salespeople", Csv.lines("external_id,name,email,time_zone",
                tag + "-sp,Plan Seller,seller@plan.example,Europe/Berlin")).status()).isEqualTo(200);
        Api.Reply imported = admin.postCsv("api/import/customers", Csv.lines("external_id,company,preferred_name,email,time_zone,owner",
                tag + "-1,Plan 1,P1," + tag + "-1@plan.example,Europe/Berlin," + tag + "-sp"));
        assertThat(imported.json().getInt("created")).as(imported.toString()).isEqualTo(1);
        LocalDateTime slot = dueSlot();
        String time = "Planning time " + slot.toInstant(ZoneOffset.UTC) + ": ";
        assertThat(run(slot)).as("served at start").hasValueSatisfying(r -> assertThat(r.finishedAt()).isNotNull());

        // held until the database dies, which ends the lock with every connection
        Connection lock = db();
        PlanningRow holding;
        try {
            lock.createStatement().execute("LOCK TABLES planned_touch WRITE");
            sql("DELETE FROM planning_run WHERE slot = ?", slot); // due again, as if its time had just come
            Eventually.within(Duration.ofMinutes(1)).until(() -> run(slot).map(r -> r.tries() == 1).orElse(false)
                    && !waitingForPlannedTouch().isEmpty());

            // with the database up, the plan's statement fails: it gives its time back, and a check tries again
            Eventually.within(Duration.ofMinutes(1)).until(() -> {
                if (run(slot).map(r -> r.tries() >= 2).orElse(false)) {
                    return true;
                }
                waitingForPlannedTouch().forEach(this::killQuery);
                return false;
            });
            assertThat(logged(a, b)).as("the failed plan's log").anyMatch(line -> line.contains(time + "try 1 failed and gave the time back"));

            // a later try waits inside the plan too
            Eventually.within(Duration.ofMinutes(1)).until(() -> run(slot).map(r -> r.finishedAt() == null && r.givenBackAt() == null)
                    .orElse(false) && !waitingForPlannedTouch().isEmpty());
            holding = run(slot).orElseThrow();

            // the database goes away in the middle of the plan: the plan fails, and so does giving the time back (the
            // test waits until the try says so, so that the database's return cannot let it give the time back after all)
            database.kill();
        } finally {
            closeGone(lock);
        }
        int tries = holding.tries();
        Eventually.within(Duration.ofMinutes(1)).until(() -> logged(a, b).stream()
                .anyMatch(line -> line.contains(time + "try " + tries + " failed and could not give the time back")));
        database = EmbeddedDatabase.start(databaseDir, database.port(), "128M");

        // once the try's lease has run out, a check takes the time over and plans it
        Eventually.within(Duration.ofMinutes(2)).ignoreExceptionsInstanceOf(SQLException.class)
                .until(() -> run(slot).map(r -> r.finishedAt() != null).orElse(false));
        PlanningRow planned = run(slot).orElseThrow();
        assertThat(planned.tries()).as("a later try planned the time").isGreaterThan(tries);
        assertThat(planned.takenOverFrom()).as("the try before").isNotNull();
        if (planned.tries() == tries + 1) {
            assertThat(planned.takenOverFrom()).as("the try the database's death left holding the time").isEqualTo(holding.instance());
        }
        assertThat(planned.customers()).as("customers planned").isPositive();
        assertThat(rows("SELECT COUNT(*) FROM planned_touch t JOIN customer c ON c.id = t.customer_id WHERE c.external_id = ?",
                tag + "-1")).as("the customer's courtesy call").isEqualTo(1);
        assertThat(planningRuns("finished_at IS NULL")).as("unfinished planning times").isZero();
    }

    /** The planning time due now: today's at {@link #planningTime}, or yesterday's when today's is still to come. */
    private LocalDateTime dueSlot() {
        LocalDateTime today = LocalDate.now(ZoneOffset.UTC).atTime(planningTime);
        return today.isAfter(LocalDateTime.now(ZoneOffset.UTC)) ? today.minusDays(1) : today;
    }

    private record PlanningRow(int tries, String instance, LocalDateTime finishedAt, LocalDateTime givenBackAt,
                               String takenOverFrom, int customers) {
    }

    private Optional<PlanningRow> run(LocalDateTime slot) throws SQLException {
        try (Connection c = db(); PreparedStatement s = c.prepareStatement("SELECT tries, instance, finished_at, given_back_at,"
                + " taken_over_from, customers FROM planning_run WHERE slot = ?")) {
            s.setObject(1, slot);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new PlanningRow(r.getInt(1), r.getString(2), r.getObject(3, LocalDateTime.class),
                        r.getObject(4, LocalDateTime.class), r.getString(5), r.getInt(6))) : Optional.empty();
            }
        }
    }

    /** The connections waiting for the test's lock on planned_touch (a plan among them, once one has started). */
    private List<Long> waitingForPlannedTouch() throws SQLException {
        try (Connection c = db(); PreparedStatement s = c.prepareStatement("SELECT id FROM information_schema.processlist"
                + " WHERE state = 'Waiting for table metadata lock' AND info LIKE '%planned_touch%'");
             ResultSet r = s.executeQuery()) {
            List<Long> ids = new ArrayList<>();
            while (r.next()) {
                ids.add(r.getLong(1));
            }
            return ids;
        }
    }

    /** Fails the statement of connection {@code id}, if it still runs. */
    private void killQuery(long id) {
        try {
            sql("KILL QUERY " + id);
        } catch (SQLException e) {
            if (e.getErrorCode() != 1094) { // ER_NO_SUCH_THREAD: it ended meanwhile
                throw new IllegalStateException(e);
            }
        }
    }

    /** Closes a connection to a database that was killed: its server is gone, so closing may fail, and there is nothing to tell. */
    private static void closeGone(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // the server went away with the connection
        }
    }

    private static List<String> logged(LauncherInstance... instances) throws IOException {
        List<String> lines = new ArrayList<>();
        for (LauncherInstance instance : instances) {
            lines.addAll(Files.readAllLines(instance.log()));
        }
        return lines;
    }

    private long rows(String query, Object... parameters) throws SQLException {
        try (Connection c = db(); PreparedStatement s = c.prepareStatement(query)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private long planningRuns(String condition) throws SQLException {
        try (Connection c = db(); PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM planning_run WHERE " + condition);
             ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    /** An instance in its own JVM, on this test's database and SMTP server; the rest comes from the test's environment. */
    private LauncherInstance start(String name) throws IOException {
        Map<String, String> env = new HashMap<>();
        env.put("RAPPORT_DB_URL", database.jdbcUrl());
        env.put("RAPPORT_DB_USER", "root");
        env.put("RAPPORT_DB_PASSWORD", "");
        env.put("RAPPORT_SMTP_HOST", "127.0.0.1");
        env.put("RAPPORT_SMTP_PORT", Integer.toString(smtp.getSmtp().getPort()));
        env.put("RAPPORT_IMAP_HOST", null); // no reply mailbox: the shared GreenMail's is the API tests'
        env.put("RAPPORT_PLANNING_CRON", "0 " + planningTime.getMinute() + " " + planningTime.getHour() + " * * ?");
        // a failed plan's time tried again within seconds rather than minutes (the other tests switch planning off)
        env.put("RAPPORT_PLANNING_CHECK_CRON", "0/2 * * * * ?");
        env.put("RAPPORT_PLANNING_LEASE_SECONDS", "20");
        env.put("RAPPORT_PLANNING_RETRY_SECONDS", "2");
        env.put("RAPPORT_MAIL_DISPATCH_THREADS", "2");
        env.put("RAPPORT_MAIL_DISPATCH_BATCH_SIZE", "50");
        // a short lease, so the killed instance's claims come back in seconds rather than the default two minutes
        env.put("RAPPORT_MAIL_LEASE_SECONDS", "15");
        // retry steps of 1 s capped at 2 s, so that the SMTP outage at the end (10 s) fails each message several times;
        // more attempts than the shipped 8, which such short steps would spend within it
        env.put("RAPPORT_MAIL_RETRY_BASE_SECONDS", "1");
        env.put("RAPPORT_MAIL_RETRY_MAX_SECONDS", "2");
        env.put("RAPPORT_MAIL_RETRY_MAX_ATTEMPTS", "100");
        LauncherInstance instance = LauncherInstance.start("crash-" + name, scratch.resolve(name), env);
        processes.add(instance.process());
        return instance;
    }

    private Connection db() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), "root", "");
    }

    private int sql(String statement, Object... parameters) throws SQLException {
        try (Connection c = db(); PreparedStatement s = c.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            return s.executeUpdate();
        }
    }

    private long count(String condition, String tag, Object... more) throws SQLException {
        try (Connection c = db(); PreparedStatement s = c.prepareStatement(
                "SELECT COUNT(*) FROM outbox_message WHERE idempotency_key LIKE ? AND " + condition)) {
            s.setString(1, tag + ":%");
            for (int i = 0; i < more.length; i++) {
                s.setObject(i + 2, more[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    /** The Message-IDs of this test's messages that meet {@code condition}. */
    private Set<String> messageIds(String tag, String condition, Object... more) throws SQLException {
        try (Connection c = db(); PreparedStatement s = c.prepareStatement(
                "SELECT message_id FROM outbox_message WHERE idempotency_key LIKE ? AND " + condition)) {
            s.setString(1, tag + ":%");
            for (int i = 0; i < more.length; i++) {
                s.setObject(i + 2, more[i]);
            }
            Set<String> ids = new HashSet<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    ids.add(r.getString(1));
                }
            }
            return ids;
        }
    }

    private static String messageId(MimeMessage m) {
        try {
            return m.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** GreenMail's SMTP on the port, given time to start on a busy machine (its default 2 s was missed once on a loaded machine). */
    private static ServerSetup smtpOn(int port) {
        ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        setup.setServerStartupTimeout(30_000);
        return setup;
    }
}
