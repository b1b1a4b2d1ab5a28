package org.rapport.outbox;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rapport.testing.Api;
import org.rapport.testing.Csv;
import org.rapport.testing.Eventually;
import org.rapport.testing.LauncherInstance;
import org.rapport.testing.TestMailServer;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Rapport instances (separate JVMs, started like production with the launcher) dispatch 5,000 messages from one
 * database; one is killed with SIGKILL in the middle and started again. Every message must arrive, and a message may
 * arrive twice only if it was in flight in the killed process.
 */
@Tag("process")
class DispatchCrashIT {

    private static final int MESSAGES = 5_000;

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stopInstances() {
        processes.forEach(Process::destroyForcibly);
    }

    @Test
    void aKilledDispatcherLosesNothingAndRepeatsOnlyWhatWasInFlight() throws Exception {
        // one after the other: two boots at once on two cores also race for Quartz's cluster check-in
        LauncherInstance a = start("a").awaitUp();
        LauncherInstance b = start("b").awaitUp();

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

        Eventually.within(Duration.ofMinutes(3)).until(() -> count("status = 'SENT'", tag) >= MESSAGES / 4);
        a.process().destroyForcibly().waitFor();
        long inFlight = count("status = 'SENDING' AND claimed_by LIKE CONCAT('%/', ?, '/%')", tag, Long.toString(a.process().pid()));
        long sentBeforeRestart = count("status = 'SENT'", tag);

        LauncherInstance restarted = start("a");
        restarted.awaitUp();
        Eventually.within(Duration.ofMinutes(5)).until(() -> count("status = 'SENT'", tag) == MESSAGES);

        Set<String> ours = messageIds(tag);
        Map<String, Integer> deliveries = new HashMap<>();
        for (MimeMessage m : TestMailServer.greenMail().getReceivedMessages()) {
            String id = messageId(m);
            if (ours.contains(id)) {
                deliveries.merge(id, 1, Integer::sum);
            }
        }
        int total = deliveries.values().stream().mapToInt(Integer::intValue).sum();
        int duplicates = total - deliveries.size();
        System.out.printf("Dispatch crash test: %d messages, %d sent when the instance was killed, %d in flight in it,"
                + " %d delivered twice%n", MESSAGES, sentBeforeRestart, inFlight, duplicates);
        assertThat(deliveries).as("every message delivered").hasSize(MESSAGES);
        assertThat((long) duplicates).as("duplicates only among the %d in flight", inFlight).isLessThanOrEqualTo(inFlight);
    }

    /** An instance in its own JVM; database, SMTP and the rest come from this test's environment, as Payara's do. */
    private LauncherInstance start(String name) throws IOException {
        Path target = Path.of(System.getProperty("rapport.test.war")).getParent();
        LauncherInstance instance = LauncherInstance.start("crash-" + name, target.resolve("crash-" + name),
                Map.of("RAPPORT_MAIL_DISPATCH_THREADS", "2", "RAPPORT_MAIL_DISPATCH_BATCH_SIZE", "50"));
        processes.add(instance.process());
        return instance;
    }

    private static Connection db() throws SQLException {
        return DriverManager.getConnection(System.getenv("RAPPORT_DB_URL"), System.getenv("RAPPORT_DB_USER"),
                System.getenv("RAPPORT_DB_PASSWORD"));
    }

    private static int sql(String statement, Object... parameters) throws SQLException {
        try (Connection c = db(); PreparedStatement s = c.prepareStatement(statement)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            return s.executeUpdate();
        }
    }

    private static long count(String condition, String tag, Object... more) throws SQLException {
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

    private static Set<String> messageIds(String tag) throws SQLException {
        try (Connection c = db(); PreparedStatement s = c.prepareStatement(
                "SELECT message_id FROM outbox_message WHERE idempotency_key LIKE ?")) {
            s.setString(1, tag + ":%");
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
}
