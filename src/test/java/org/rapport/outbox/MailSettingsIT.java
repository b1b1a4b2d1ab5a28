package org.rapport.outbox;

import jakarta.json.JsonObject;
import jakarta.mail.Address;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.apache.commons.codec.binary.Base32;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapport.mail.LinkTokens;
import org.rapport.mail.LinkTokens.Claims;
import org.rapport.mail.LinkTokens.Purpose;
import org.rapport.testing.Api;
import org.rapport.testing.Csv;
import org.rapport.testing.Eventually;
import org.rapport.testing.LauncherInstance;
import org.rapport.testing.Mailbox;
import org.rapport.testing.Team;
import org.rapport.testing.TestCertificates;
import org.rapport.testing.Ports;
import org.rapport.testing.Standalone;
import org.rapport.testing.TestMailServer;
import org.rapport.launcher.EmbeddedDatabase;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.rapport.testing.TlsFront;
import org.rapport.testing.UnderTarget;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mail settings an operator sets, on an instance started like production (the launcher, Payara Micro) with settings the
 * shared test server does not have:
 * <ul>
 *   <li>SMTP with STARTTLS ({@code RAPPORT_SMTP_TLS=starttls}, the default) and the reply mailbox over IMAPS
 *   ({@code RAPPORT_IMAP_TLS=ssl}, the default), both presenting a certificate the JVM trusts only through
 *   {@code -Djavax.net.ssl.trustStore} (here in {@code JAVA_TOOL_OPTIONS}), as the README tells an operator whose
 *   servers have a private certificate;</li>
 *   <li>a per-domain sending rate ({@code RAPPORT_MAIL_RATE_PER_DOMAIN_PER_SECOND}) low enough to hold mail back;</li>
 *   <li>link keys ({@code RAPPORT_LINKS_KEYS}) set on a database that already keeps the key it generated, with which
 *   the links already sent were signed.</li>
 * </ul>
 * The TLS comes from {@link TlsFront}s before a GreenMail of this class's own: the SMTP front refuses mail before
 * STARTTLS. The instances run on a MariaDB of this class's own too, so it runs alongside the API tests
 * ({@link Standalone}).
 */
@Tag("process")
@Standalone
class MailSettingsIT {

    private static final int PER_DOMAIN_PER_SECOND = 2;
    private static final byte[] CONFIGURED_LINK_KEY = "the-key-an-operator-sets-later!!".getBytes(StandardCharsets.US_ASCII);

    /** The key the database kept before the instance started with RAPPORT_LINKS_KEYS. */
    private static byte[] storedLinkKey;

    @TempDir(factory = UnderTarget.class)
    static Path scratch;
    private static EmbeddedDatabase database;
    private static GreenMail mail;
    private static TlsFront smtp;
    private static TlsFront imaps;
    private static LauncherInstance instance;
    private static Api api;
    private static Team team;

    @BeforeAll
    static void start() throws Exception {
        database = EmbeddedDatabase.start(scratch.resolve("database"), 0, "128M");
        mail = new GreenMail(new ServerSetup[]{new ServerSetup(Ports.free(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(Ports.free(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        mail.setUser(TestMailServer.REPLY_MAILBOX, "replies", "replies-secret");
        mail.start();
        TestCertificates certificates = TestCertificates.get();
        smtp = TlsFront.startTls(certificates.loopbackServer(), mail.getSmtp().getPort());
        imaps = TlsFront.implicit(certificates.loopbackServer(), mail.getImap().getPort());
        Map<String, String> env = ownServers();
        env.put("RAPPORT_SMTP_PORT", Integer.toString(smtp.port()));
        env.put("RAPPORT_SMTP_TLS", "starttls");
        env.put("RAPPORT_IMAP_PORT", Integer.toString(imaps.port()));
        env.put("RAPPORT_IMAP_TLS", "ssl");
        env.put("JAVA_TOOL_OPTIONS", "-Djavax.net.ssl.trustStore=" + certificates.trustStore()
                + " -Djavax.net.ssl.trustStorePassword=" + TestCertificates.PASSWORD);
        env.put("RAPPORT_MAIL_RATE_PER_DOMAIN_PER_SECOND", Integer.toString(PER_DOMAIN_PER_SECOND));
        storedLinkKey = generatedLinkKey();
        env.put("RAPPORT_LINKS_KEYS", "7:" + Base64.getEncoder().encodeToString(CONFIGURED_LINK_KEY));
        instance = LauncherInstance.start("mail-settings", scratch.resolve("instance"), env).awaitUp();
        api = Api.at(instance.baseUri());
        team = new Team(api);
    }

    /** This class's database, and its GreenMail for SMTP and the reply mailbox (plain; TLS fronts are put before). */
    private static Map<String, String> ownServers() {
        Map<String, String> env = new HashMap<>();
        env.put("RAPPORT_DB_URL", database.jdbcUrl());
        env.put("RAPPORT_DB_USER", "root");
        env.put("RAPPORT_DB_PASSWORD", "");
        env.put("RAPPORT_SMTP_HOST", "127.0.0.1");
        env.put("RAPPORT_SMTP_PORT", Integer.toString(mail.getSmtp().getPort()));
        env.put("RAPPORT_IMAP_HOST", "127.0.0.1");
        env.put("RAPPORT_IMAP_PORT", Integer.toString(mail.getImap().getPort()));
        return env;
    }

    private static Connection db() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), "root", "");
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (instance != null) {
            instance.stop();
        }
        if (smtp != null) {
            smtp.close();
        }
        if (imaps != null) {
            imaps.close();
        }
        if (mail != null) {
            mail.stop();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void mailLeavesOverStarttlsAndRepliesAreReadOverImapsWithAPrivatelyTrustedCertificate() throws Exception {
        String customer = customers("tls", "customers.example", 1).get(0);
        String email = customer.toLowerCase() + "@customers.example";
        JsonObject queued = compose(customer, null);
        JsonObject sent = awaitStatus(queued.getInt("id"), "SENT");

        assertThat(Mailbox.single(mail, email).getMessageID()).isEqualTo(sent.getString("message_id"));
        assertThat(smtp.tlsSessions()).as("the instance's SMTP connections, each upgraded").isNotEmpty()
                .allSatisfy(protocol -> assertThat(protocol).startsWith("TLSv1."));
        assertThat(smtp.refusedInPlainText()).as("nothing tried in plain text").isEmpty();

        String reply = "<" + UUID.randomUUID() + "@customers.example>";
        deliverToReplyMailbox("""
                Message-ID: %s
                From: %s
                To: %s
                Subject: Re: Happy anniversary
                In-Reply-To: %s
                MIME-Version: 1.0
                Content-Type: text/plain; charset=UTF-8

                Thank you, read over IMAPS.
                """.formatted(reply, email, TestMailServer.REPLY_MAILBOX, sent.getString("message_id")));
        Eventually.within(Duration.ofSeconds(60)).until(() -> responses(customer, sent.getInt("id")).stream()
                .anyMatch(r -> r.getString("kind").equals("REPLY") && r.getString("detail").equals("Thank you, read over IMAPS.")));
        assertThat(imaps.tlsSessions()).as("the reader's IMAPS connections").isNotEmpty()
                .allSatisfy(protocol -> assertThat(protocol).startsWith("TLSv1."));
    }

    @Test
    void mailBeyondTheDomainsRateIsHeldBackUnattemptedAndDeliveredLater() throws Exception {
        int count = 4 * PER_DOMAIN_PER_SECOND;
        String domain = Csv.unique("rate").toLowerCase() + ".example";
        List<String> customers = customers("rate", domain, count);
        Instant together = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.MILLIS);
        List<Integer> ids = customers.stream().map(c -> compose(c, together).getInt("id")).toList();

        // beyond one second's worth, what is due goes back to the queue for later, without using an attempt
        List<Row> heldBack = new ArrayList<>();
        Eventually.within(Duration.ofSeconds(60)).until(() -> {
            List<Row> rows = rows(ids);
            rows.stream().filter(r -> r.status.equals("PENDING") && r.lastError != null).forEach(heldBack::add);
            return rows.stream().allMatch(r -> r.status.equals("SENT"));
        });
        assertThat(heldBack).as("messages seen held back").isNotEmpty().allSatisfy(r -> {
            assertThat(r.lastError).isEqualTo("held back by the per-domain rate limit");
            assertThat(r.attempts).as("held back is no attempt: %s", r).isZero();
            assertThat(r.notBefore).as("held until later than it was due: %s", r).isAfter(together);
        });

        List<Instant> sentAt = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            JsonObject message = api.asAdmin().get("api/outbox/" + ids.get(i)).json();
            assertThat(message.getInt("attempts")).as("sent at its first attempt: %s", message).isEqualTo(1);
            assertThat(Mailbox.to(mail, customers.get(i).toLowerCase() + "@" + domain)).hasSize(1);
            sentAt.add(Instant.parse(message.getString("sent_at")));
        }
        sentAt.sort(null);
        // a burst of one second's worth, then the rate: four seconds' worth take at least three seconds
        assertThat(Duration.between(sentAt.get(0), sentAt.get(count - 1))).isGreaterThan(Duration.ofMillis(2_500));
        for (Instant from : sentAt) {
            long inOneSecond = sentAt.stream().filter(t -> !t.isBefore(from) && t.isBefore(from.plusSeconds(1))).count();
            assertThat(inOneSecond).as("sent in the second from %s", from).isLessThanOrEqualTo(2L * PER_DOMAIN_PER_SECOND + 1);
        }
    }

    @Test
    void linksSignedBeforeTheKeysWereConfiguredKeepWorkingAndNewOnesUseTheConfiguredKey() throws Exception {
        String customer = customers("links", "customers.example", 1).get(0);
        long customerId = customerId(customer);
        Claims unsubscribe = new Claims(Purpose.UNSUBSCRIBE, customerId, 0, "");

        String sentBefore = new LinkTokens(0, Map.of(0, storedLinkKey)).issue(unsubscribe);
        Api.Reply page = api.anonymous().get("u/" + sentBefore);
        assertThat(page.status()).as("a link sent before RAPPORT_LINKS_KEYS was set: %s", page).isEqualTo(200);

        String signedNow = new LinkTokens(7, Map.of(7, CONFIGURED_LINK_KEY)).issue(unsubscribe);
        assertThat(api.anonymous().get("u/" + signedNow).status()).as("a link signed with the configured key").isEqualTo(200);
        String forged = new LinkTokens(0, Map.of(0, CONFIGURED_LINK_KEY)).issue(unsubscribe);
        assertThat(api.anonymous().get("u/" + forged).status()).as("key 0 is still the stored one only").isEqualTo(400);

        // the instance's own links: signed with the first configured key (its id leads the token)
        JsonObject queued = compose(customer, null);
        awaitStatus(queued.getInt("id"), "SENT");
        String header = Mailbox.single(mail, customer.toLowerCase() + "@customers.example").getHeader("List-Unsubscribe", ",");
        String token = header.replaceAll("(?s).*/u/([a-z2-7]+).*", "$1");
        assertThat(new Base32().decode(token.toUpperCase(java.util.Locale.ROOT))[0]).as(header).isEqualTo((byte) 7);
    }

    // ---------------------------------------------------------------------------------------------------------------

    /**
     * The operator drops {@code RAPPORT_LINKS_KEYS} after key 7 signed links (this class's instance signs with it): an
     * instance started so refuses to start, naming the setting, rather than breaking every link in customers' inboxes.
     */
    @Test
    void anInstanceWithoutAKeyThatSignedLinksRefusesToStartNamingTheSetting() throws Exception {
        Path target = Path.of(System.getProperty("rapport.test.war")).getParent();
        Path logFile = target.resolve("mail-settings-without-key.log");
        long before = java.nio.file.Files.exists(logFile) ? java.nio.file.Files.size(logFile) : 0; // the log is appended to
        LauncherInstance without = LauncherInstance.start("mail-settings-without-key", scratch.resolve("without-key"),
                ownServers());
        try {
            Eventually.within(Duration.ofMinutes(4)).until(() -> !without.process().isAlive()
                    || logSince(logFile, before).contains("RAPPORT_LINKS_KEYS: key 7 signed"));
            assertThat(logSince(logFile, before)).contains("RAPPORT_LINKS_KEYS: key 7 signed links that customers may still use")
                    .contains("add 7 to RAPPORT_LINKS_RETIRED_KEYS");
        } finally {
            without.stop();
        }
        String signedWithSeven = new LinkTokens(7, Map.of(7, CONFIGURED_LINK_KEY))
                .issue(new Claims(Purpose.UNSUBSCRIBE, customerId(customers("kept", "customers.example", 1).get(0)), 0, ""));
        assertThat(api.anonymous().get("u/" + signedWithSeven).status()).as("the links of key 7 still work here").isEqualTo(200);
    }

    private static String logSince(Path log, long offset) throws java.io.IOException {
        byte[] all = java.nio.file.Files.readAllBytes(log);
        return new String(all, (int) Math.min(offset, all.length), (int) Math.max(0, all.length - offset), StandardCharsets.UTF_8);
    }

    /**
     * The key an instance without RAPPORT_LINKS_KEYS generates and keeps, made here as Rapport makes it (the schema
     * migrated first when this database is new); the one already kept when another instance made it.
     */
    private static byte[] generatedLinkKey() throws SQLException {
        Flyway.configure().dataSource(database.jdbcUrl(), "root", "").locations("filesystem:sql").load().migrate();
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        try (Connection db = db();
             PreparedStatement insert = db.prepareStatement("INSERT IGNORE INTO link_key (id, secret, created_at) VALUES (0, ?, NOW(3))");
             Statement query = db.createStatement()) {
            insert.setBytes(1, fresh);
            insert.executeUpdate();
            try (ResultSet rs = query.executeQuery("SELECT secret FROM link_key WHERE id = 0")) {
                assertThat(rs.next()).isTrue();
                return rs.getBytes(1);
            }
        }
    }

    private static long customerId(String externalId) throws SQLException {
        try (Connection db = db();
             PreparedStatement query = db.prepareStatement("SELECT id FROM customer WHERE external_id = ?")) {
            query.setString(1, externalId);
            try (ResultSet rs = query.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getLong(1);
            }
        }
    }

    /** New customers of salesperson a at this domain; their ids (the local part of each address, upper case). */
    private static List<String> customers(String prefix, String domain, int count) {
        String tag = Csv.unique(prefix).toUpperCase();
        List<String> ids = IntStream.range(0, count).mapToObj(i -> tag + "-" + i).toList();
        String rows = ids.stream().map(id -> id + ",Mail " + id + ",Pat," + id.toLowerCase() + "@" + domain + ",Europe/Berlin,en,"
                + team.a).collect(Collectors.joining("\n"));
        Api.Reply imported = api.asAdmin().postCsv("api/import/customers",
                "external_id,company,preferred_name,email,time_zone,locale,owner\n" + rows + "\n");
        assertThat(imported.json().getInt("created")).as(imported.toString()).isEqualTo(count);
        return ids;
    }

    private static JsonObject compose(String customer, Instant notBefore) {
        Api.Reply reply = api.asAdmin().postJson("api/outbox", "{\"template\":\"thank-you-anniversary\",\"customer\":\"" + customer
                + "\",\"fields\":{\"years\":\"2\"}" + (notBefore == null ? "" : ",\"not_before\":\"" + notBefore + "\"") + "}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json();
    }

    private static JsonObject awaitStatus(int id, String status) {
        Eventually.within(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(api.asAdmin().get("api/outbox/" + id).json().getString("status")).isEqualTo(status));
        return api.asAdmin().get("api/outbox/" + id).json();
    }

    private static List<JsonObject> responses(String customer, int messageId) {
        return api.asAdmin().get("api/customers/" + customer + "/messages").array().getValuesAs(JsonObject.class).stream()
                .filter(m -> m.getInt("id") == messageId).findFirst().orElseThrow()
                .getJsonArray("responses").getValuesAs(JsonObject.class);
    }

    /** Into the reply mailbox over GreenMail's own SMTP, exactly as written (sendMessage keeps the Message-ID). */
    private static void deliverToReplyMailbox(String email) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", "127.0.0.1");
        properties.setProperty("mail.smtp.port", Integer.toString(mail.getSmtp().getPort()));
        Session session = Session.getInstance(properties);
        MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(email.getBytes(StandardCharsets.UTF_8)));
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect();
            transport.sendMessage(message, new Address[]{new InternetAddress(TestMailServer.REPLY_MAILBOX)});
        }
    }

    /** An outbox row as the database holds it, read for many messages in one query (quick enough to catch a moment). */
    private record Row(long id, String status, int attempts, Instant notBefore, String lastError) {
    }

    private static List<Row> rows(List<Integer> ids) throws SQLException {
        String in = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
        try (Connection db = db();
             Statement query = db.createStatement();
             ResultSet rs = query.executeQuery("SELECT id, status, attempts, not_before, last_error FROM outbox_message"
                     + " WHERE id IN (" + in + ")")) {
            List<Row> rows = new ArrayList<>();
            while (rs.next()) {
                // stored in UTC
                rows.add(new Row(rs.getLong(1), rs.getString(2), rs.getInt(3),
                        rs.getObject(4, LocalDateTime.class).toInstant(ZoneOffset.UTC), rs.getString(5)));
            }
            return rows;
        }
    }
}
