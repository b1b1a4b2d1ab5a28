package org.rapport.bench;

import java.io.IOException;
import java.io.Writer;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * What the email benchmarks do to the service: start it with SMTP pointed at the {@link MailSink}, import customers with
 * unique addresses, enqueue through {@code POST /api/outbox}, and read the outbox's state straight from its database.
 *
 * <p>Messages are enqueued <em>parked</em> ({@code not_before} far in the future), so that enqueueing is never part
 * of what is measured, and then all made due at one chosen instant with a single SQL update: the measurement starts
 * at that instant with the whole backlog waiting, as after a planner run or an outage. The harness reads the outbox
 * straight from the database rather than polling {@code GET /api/outbox}, so that watching costs the service nothing.
 */
final class OutboxDriver {

    static final String TEMPLATE = "thank-you-anniversary";
    static final Instant PARKED = Instant.parse("2099-01-01T00:00:00Z");
    private static final DateTimeFormatter SQL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
    private static final int SALESPEOPLE = 10;

    final Service service;
    final PhysicalLimit db;
    private final HttpClient http = Bench.http();
    private final String admin = Bench.basic("admin", Bench.ADMIN_PASSWORD);

    OutboxDriver(Service service) throws IOException {
        this(service, service.databasePort());
    }

    /** For a service on a database of the harness's own (not its embedded one). */
    OutboxDriver(Service service, int databasePort) {
        this.service = service;
        this.db = new PhysicalLimit(databasePort);
    }

    /**
     * The service's settings for a run: SMTP to the sink without TLS, the dispatcher every second with {@code threads}
     * dispatchers of {@code batch} messages, and enough Quartz threads that every dispatcher can run at once
     * (each dispatcher is one long-running Quartz job).
     */
    static Map<String, String> env(MailSink sink, int port, int threads, int batch) {
        Map<String, String> env = new TreeMap<>();
        env.put("RAPPORT_DEMO", "false");
        env.put("RAPPORT_ADMIN_PASSWORD", Bench.ADMIN_PASSWORD);
        env.put("RAPPORT_SMTP_HOST", "127.0.0.1");
        env.put("RAPPORT_SMTP_PORT", String.valueOf(sink.smtpPort));
        env.put("RAPPORT_SMTP_TLS", "none");
        env.put("RAPPORT_MAIL_FROM", "outreach@rapport.bench");
        env.put("RAPPORT_PUBLIC_URL", "http://127.0.0.1:" + port);
        env.put("RAPPORT_MAIL_DISPATCH_CRON", "0/1 * * * * ?");
        env.put("RAPPORT_MAIL_DISPATCH_THREADS", String.valueOf(threads));
        env.put("RAPPORT_MAIL_DISPATCH_BATCH_SIZE", String.valueOf(batch));
        env.put("RAPPORT_QUARTZ_THREADS", String.valueOf(Math.max(4, threads + 2)));
        return env;
    }

    /** Customer {@code <prefix><n>} has the address {@code <prefix><n>@customers.bench.test}. */
    static String customerId(String prefix, int n) {
        return String.format("%s%06d", prefix, n);
    }

    static String address(String customerId) {
        return customerId.toLowerCase(java.util.Locale.ROOT) + "@customers.bench.test";
    }

    /** Imports {@value #SALESPEOPLE} salespeople (once) and customers {@code <prefix>1…<prefix>count}, all accepting email. */
    void importCustomers(Path dir, String prefix, int count) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path team = dir.resolve("salespeople.csv");
        try (Writer out = Files.newBufferedWriter(team, StandardCharsets.UTF_8)) {
            out.write("external_id,name,email,time_zone\n");
            for (int s = 1; s <= SALESPEOPLE; s++) {
                out.write(String.format("BS%02d,Bench Seller %d,seller%02d@rapport.bench,Europe/Berlin%n", s, s, s));
            }
        }
        Path customers = dir.resolve("customers-" + prefix + ".csv");
        try (Writer out = Files.newBufferedWriter(customers, StandardCharsets.UTF_8)) {
            out.write("external_id,company,preferred_name,email,time_zone,owner,locale,email_ok\n");
            for (int n = 1; n <= count; n++) {
                String id = customerId(prefix, n);
                out.write(String.format("%s,Bench Company %d,Alex %d,%s,Europe/Berlin,BS%02d,en,true%n", id, n, n, address(id),
                        1 + n % SALESPEOPLE));
            }
        }
        Bench.importAll(http, service.baseUrl(), admin, "salespeople", team);
        Bench.importAll(http, service.baseUrl(), admin, "customers", customers);
        Bench.log("imported %,d customers %s… with unique addresses", count, prefix);
    }

    /**
     * Enqueues one parked message per entry of {@code customers}. The first goes through {@code POST /api/outbox} (the
     * real path, which must answer 201); the others are copies of that row made with SQL, each with its own idempotency
     * key and Message-ID in the service's format. Through the API alone, 20,000 messages took minutes (about 100/s on a
     * just-started service), and enqueueing is not what is measured.
     *
     * @return the nanoseconds it took (not part of any measurement)
     */
    long enqueueParked(List<String> customers) throws IOException, InterruptedException, SQLException {
        long started = System.nanoTime();
        String json = "{\"template\":\"" + TEMPLATE + "\",\"customer\":\"" + customers.get(0)
                + "\",\"fields\":{\"years\":\"3\"},\"not_before\":\"" + PARKED + "\"}";
        HttpResponse<String> answer = Bench.postJson(http, service.baseUrl() + "/api/outbox", admin, json);
        long id = Bench.jsonLong(answer.body(), "id");
        if (answer.statusCode() != 201 || id <= 0) {
            throw new IllegalStateException("POST /api/outbox answered " + answer.statusCode() + ": " + answer.body());
        }
        String copy = "INSERT INTO outbox_message (idempotency_key, template, purpose, customer_id, salesperson_id, locale, fields,"
                + " status, not_before, message_id, created_at)"
                + " SELECT ?, t.template, t.purpose, c.id, t.salesperson_id, t.locale, t.fields, 'PENDING', t.not_before, ?, UTC_TIMESTAMP(3)"
                + " FROM outbox_message t JOIN customer c ON c.external_id = ? WHERE t.id = ?";
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement(copy)) {
            c.setAutoCommit(false);
            for (int i = 1; i < customers.size(); i++) {
                UUID key = UUID.randomUUID();
                s.setString(1, "api:bench-" + key);
                s.setString(2, "<" + key + ".rapport@rapport.bench>");
                s.setString(3, customers.get(i));
                s.setLong(4, id);
                s.addBatch();
                if (i % 1000 == 0 || i == customers.size() - 1) {
                    for (int rows : s.executeBatch()) {
                        if (rows != 1) {
                            throw new IllegalStateException("a copy of outbox message " + id + " inserted " + rows + " rows");
                        }
                    }
                    c.commit();
                }
            }
        }
        return System.nanoTime() - started;
    }

    /** Makes every parked message due at {@code at}; returns how many. */
    /**
     * Moves the creation of the messages already sent eight days back, out of the outreach cap's week
     * ({@code contact.max_emails_per_7_days}, 2 by default): otherwise a customer's third round is refused (409).
     */
    int ageSent() throws SQLException {
        try (Connection c = db.connect();
             PreparedStatement s = c.prepareStatement("UPDATE outbox_message SET created_at = created_at - INTERVAL 8 DAY"
                     + " WHERE status = 'SENT'")) {
            return s.executeUpdate();
        }
    }

    int makeDue(Instant at) throws SQLException {
        try (Connection c = db.connect();
             PreparedStatement s = c.prepareStatement("UPDATE outbox_message SET not_before = ? WHERE status = 'PENDING' AND not_before = ?")) {
            s.setString(1, SQL_TIME.format(at));
            s.setString(2, SQL_TIME.format(PARKED));
            return s.executeUpdate();
        }
    }

    /** The next whole second at least {@code lead} from now: Quartz fires on whole seconds, so no firing is half-lost. */
    static Instant nextWholeSecond(Duration lead) {
        return Instant.now().plus(lead).plusSeconds(1).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    /** Messages still PENDING or SENDING (for one customer when {@code customer} is not null). */
    long open(String customer) throws SQLException {
        return counts(customer).entrySet().stream().filter(e -> e.getKey().equals("PENDING") || e.getKey().equals("SENDING"))
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** Messages per status (of one customer when {@code customer} is not null). */
    Map<String, Long> counts(String customer) throws SQLException {
        String sql = customer == null
                ? "SELECT status, COUNT(*) FROM outbox_message GROUP BY status"
                : "SELECT o.status, COUNT(*) FROM outbox_message o JOIN customer c ON c.id = o.customer_id"
                  + " WHERE c.external_id = ? GROUP BY o.status";
        Map<String, Long> counts = new TreeMap<>();
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            if (customer != null) {
                s.setString(1, customer);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return counts;
    }

    /** Waits until nothing is PENDING or SENDING (of the customer, or at all); returns when that was seen. */
    Instant awaitDrained(String customer, Duration timeout) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (open(customer) > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("outbox not drained within " + timeout + ": " + counts(customer));
            }
            Thread.sleep(20);
        }
        return Instant.now();
    }

    /** The API's own view, for the record: nothing left PENDING or SENDING. */
    boolean apiShowsDrained() throws IOException, InterruptedException {
        for (String status : List.of("PENDING", "SENDING")) {
            HttpResponse<String> r = Bench.get(http, service.baseUrl() + "/api/outbox?status=" + status + "&limit=1", admin,
                    Duration.ofSeconds(30));
            if (r.statusCode() != 200 || !r.body().strip().equals("[]")) {
                return false;
            }
        }
        return true;
    }

    HttpClient http() {
        return http;
    }

    static void sleepUntil(Instant at) throws InterruptedException {
        long millis = Duration.between(Instant.now(), at).toMillis();
        if (millis > 0) {
            TimeUnit.MILLISECONDS.sleep(millis);
        }
    }
}
