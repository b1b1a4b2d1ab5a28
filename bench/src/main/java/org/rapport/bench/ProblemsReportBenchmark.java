package org.rapport.bench;

import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The problems report (issue 14, "over 1M customers and 100k problems in under 1 s"): a fresh database seeded over plain
 * JDBC in batches — 20 managers with 9 salespeople each, {@code --customers} customers (default 1,000,000),
 * {@code --problems} problems (default 100,000) opened over the last 12 months (a fiftieth of the customers has most of
 * them, so repeats happen; twelve categories and some without one; four in five resolved), each resolved one with its
 * follow-up call in a plausible status, half of them with a sent check-in email (some rated, some replied to), the
 * escalated calls with the email written instead — then {@code GET /api/reports/problems} over those 12 months as an
 * admin, as a manager (their team, through Access), as an admin with {@code team=}, and as an admin over the last 30
 * days: a warm-up, then the median and the maximum of {@code --runs} requests each, with the CPU the service JVM and
 * MariaDB used per request.
 *
 * <p>The physical limit in the same run: MariaDB streaming the period's problem rows the report reads (with their
 * customer's id and company) to plain JDBC, doing nothing with them.
 *
 * <pre>java -cp bench/target/rapport-bench.jar org.rapport.bench.ProblemsReportBenchmark [--customers 1000000] [--problems 100000]</pre>
 */
public final class ProblemsReportBenchmark {

    private static final String PATH = "/api/reports/problems";

    private ProblemsReportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Bench.args(args);
        int customers = Integer.parseInt(options.getOrDefault("customers", "1000000"));
        int problems = Integer.parseInt(options.getOrDefault("problems", "100000"));
        int runs = Integer.parseInt(options.getOrDefault("runs", "10"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "3"));
        String admin = Bench.basic("admin", Bench.ADMIN_PASSWORD);
        String manager = Bench.basic(ReportBench.MANAGER_USER, ReportBench.MANAGER_PASSWORD);
        HttpClient http = Bench.http();
        List<String> results = new ArrayList<>();
        // --now: the same data and period in two runs (an A/B compares the answers' digests)
        Instant now = options.containsKey("now") ? Instant.parse(options.get("now")) : Instant.now().truncatedTo(ChronoUnit.SECONDS);
        LocalDate to = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate from = to.minusMonths(12);
        try (Service service = ReportBench.start(options, "problems-report", "18087")) {
            PhysicalLimit db = new PhysicalLimit(service.databasePort());
            Bench.log("database: %s", db.describe());
            long started = System.nanoTime();
            seed(db, customers, problems, now);
            Bench.log("seeded in %s: %,d salespeople, %,d customers, %,d problems, %,d planned touches, %,d emails, %,d responses",
                    Bench.seconds(System.nanoTime() - started), db.count("salesperson"), db.count("customer"), db.count("problem"),
                    db.count("planned_touch"), db.count("outbox_message"), db.count("mail_response"));
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("ANALYZE TABLE salesperson, customer, problem, planned_touch, outbox_message, mail_response");
            }
            ReportBench.createManagerLogin(http, service, admin);
            String period = "from=" + from + "&to=" + to;

            // the physical limit: the period's problem rows, streamed with no work; once cold, then warm
            ReportBench.Limit limit = ReportBench.limit(options, service, () -> db.stream("SELECT c.external_id, c.company,"
                    + " p.category, p.opened_at, p.resolved_at FROM problem p JOIN customer c ON c.id = p.customer_id WHERE "
                    + periodSql(from, to)));
            double limitMs = limit.median();
            String line = String.format("RESULT problems-limit customers=%d problems=%d cold_ms=%.0f warm_median_ms=%.0f warm_all=%s"
                            + " cpu_ms_median_run mariadb=%.0f harness=%.0f (plain JDBC streaming the period's problems with their"
                            + " customer, no work) %s",
                    customers, problems, limit.cold(), limitMs, limit.warmAll(), limit.cpu()[0] * 1000, limit.cpu()[1] * 1000,
                    limit.interference());
            System.out.println(line);
            results.add(line);

            List<ReportBench.Variant> variants = List.of(new ReportBench.Variant("admin", admin, period),
                    new ReportBench.Variant("manager", manager, period),
                    new ReportBench.Variant("admin-team", admin, period + "&team=" + ReportBench.managerId(1)),
                    new ReportBench.Variant("admin-30-days", admin, "from=" + to.minusDays(30) + "&to=" + to));
            for (ReportBench.Variant variant : variants) {
                Quiet.awaitIfAsked(options);
                line = ReportBench.measure(http, service, PATH, "problems-report", "problems", variant, warmup, runs, limitMs);
                System.out.println(line);
                results.add(line);
            }
            line = answerCheck(http, service, db, admin, period, from, to, Bench.workDir(options).resolve("problems-answer.json"));
            System.out.println(line);
            results.add(line);
            if (options.containsKey("explain")) {
                for (ReportBench.Variant variant : variants) {
                    ReportBench.explain(http, service, db, PATH, variant);
                }
            }
        }
        System.out.println();
        results.forEach(System.out::println);
    }

    private static String periodSql(LocalDate from, LocalDate to) {
        return "p.opened_at >= TIMESTAMP '" + from + " 00:00:00' AND p.opened_at < TIMESTAMP '" + to.plusDays(1) + " 00:00:00'";
    }

    /**
     * The admin report's total and follow-up calls planned against plain counts. The CHECK line says EQUAL or DIFFERENT,
     * and gives the digest of the body it keeps in the work directory: two runs with the same --now and code that should
     * answer alike must show the same.
     */
    private static String answerCheck(HttpClient http, Service service, PhysicalLimit db, String admin, String period,
                                      LocalDate from, LocalDate to, java.nio.file.Path answer) throws Exception {
        String body = Bench.get(http, service.baseUrl() + PATH + "?" + period, admin, Duration.ofMinutes(5)).body();
        java.nio.file.Files.writeString(answer, body);
        String digest = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        long total = NetweavingReportBenchmark.topLevel(body, "problems");
        long planned = 0;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"planned\":(\\d+)").matcher(body);
        while (m.find()) {
            planned += Long.parseLong(m.group(1));
        }
        long countedTotal;
        long countedPlanned;
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM problem p WHERE " + periodSql(from, to))) {
                rs.next();
                countedTotal = rs.getLong(1);
            }
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM problem p JOIN planned_touch t ON t.cause_id = p.id"
                    + " AND t.rule = 'PROBLEM_FOLLOW_UP' WHERE " + periodSql(from, to))) {
                rs.next();
                countedPlanned = rs.getLong(1);
            }
        }
        // the report's days are in the schedule zone, the counts' in UTC: equal unless a problem lies in the hours between
        return "CHECK problems-answer " + (total == countedTotal && planned == countedPlanned ? "EQUAL" : "DIFFERENT")
                + " report(problems/follow-up calls)=" + total + "/" + planned + " counted=" + countedTotal + "/" + countedPlanned
                + " response_chars=" + body.length() + " sha256=" + digest.substring(0, 16) + " (the body: " + answer + ")";
    }

    // ---- seeding ---------------------------------------------------------------------------------------------------

    /** Salespeople, customers, problems with their follow-ups, 1,000 rows per batch and transaction. */
    private static void seed(PhysicalLimit db, int customers, int problems, Instant now) throws Exception {
        SplittableRandom random = new SplittableRandom(Bench.SEED);
        Timestamp created = Timestamp.from(now);
        String[] categories = {"DELIVERY", "BILLING", "QUALITY", "RETURNS", "INSTALLATION", "SUPPORT", "DAMAGE", "PRICING",
                "DOCUMENTS", "ACCESS", "TRAINING", "WARRANTY"};
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            ReportBench.seedTeams(c, customers, created);
            long touch = 0;
            long outbox = 0;
            try (PreparedStatement problem = c.prepareStatement("INSERT INTO problem (id, external_id, customer_id, opened_at,"
                    + " resolved_at, category, summary, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'seeded', ?, ?)");
                 PreparedStatement planned = c.prepareStatement("INSERT INTO planned_touch (id, plan_key, rule, channel, customer_id,"
                         + " salesperson_id, cause_id, due_on, due_by, priority, reason, status, outbox_id, outcome, created_at,"
                         + " updated_at) VALUES (?, ?, ?, ?, ?, NULL, ?, ?, ?, 100, 'seeded', ?, ?, ?, ?, ?)");
                 PreparedStatement mail = c.prepareStatement("INSERT INTO outbox_message (id, idempotency_key, template, purpose,"
                         + " customer_id, fields, status, not_before, message_id, created_at, sent_at, closed_at)"
                         + " VALUES (?, ?, ?, 'CHECK_IN', ?, '{}', 'SENT', ?, ?, ?, ?, ?)");
                 PreparedStatement response = c.prepareStatement("INSERT INTO mail_response (outbox_id, customer_id, kind,"
                         + " occurred_at, detail) VALUES (?, ?, ?, ?, ?)")) {
                long yearSeconds = Duration.ofDays(365).toSeconds();
                int busy = Math.max(1, customers / 50);
                for (int id = 1; id <= problems; id++) {
                    // most problems fall to a fiftieth of the customers: some customers have several, repeats happen
                    long customer = random.nextInt(10) < 7 ? 1 + random.nextInt(busy) : 1 + random.nextInt(customers);
                    Instant opened = now.minusSeconds(1 + random.nextLong(yearSeconds));
                    Instant resolved = random.nextInt(5) < 4 ? opened.plus(Duration.ofMinutes(30 + random.nextInt(240 * 60))) : null;
                    if (resolved != null && resolved.isAfter(now)) {
                        resolved = null;
                    }
                    problem.setLong(1, id);
                    problem.setString(2, "P" + id);
                    problem.setLong(3, customer);
                    problem.setTimestamp(4, Timestamp.from(opened));
                    problem.setTimestamp(5, resolved == null ? null : Timestamp.from(resolved));
                    problem.setString(6, random.nextInt(10) == 0 ? null : categories[random.nextInt(categories.length)]);
                    problem.setTimestamp(7, created);
                    problem.setTimestamp(8, created);
                    problem.addBatch();
                    if (resolved != null) {
                        int roll = random.nextInt(100);
                        String status = roll < 60 ? "DONE" : roll < 70 ? "DONE" : roll < 80 ? "OPEN" : roll < 85 ? "ESCALATED" : "CANCELLED";
                        String outcome = roll < 60 ? "REACHED" : roll < 70 ? "NOT_NEEDED" : roll < 85 ? "NO_ANSWER" : "WITHDRAWN";
                        Timestamp due = Timestamp.from(resolved);
                        addTouch(planned, ++touch, "follow-up:" + id, "PROBLEM_FOLLOW_UP", "CALL", customer, id, resolved, status,
                                null, outcome, due);
                        if (status.equals("ESCALATED")) {
                            addMail(mail, ++outbox, "follow-up-unreached:" + id, "problem-follow-up", customer, resolved);
                            if (random.nextInt(3) == 0) {
                                addResponse(response, outbox, customer, "REPLY", "thanks", resolved);
                            }
                        }
                        if (random.nextBoolean()) {
                            addMail(mail, ++outbox, "plan:check-in:" + id, "problem-check-in", customer, resolved);
                            addTouch(planned, ++touch, "check-in:" + id, "PROBLEM_CHECK_IN", "EMAIL", customer, id, resolved, "QUEUED",
                                    outbox, null, due);
                            if (random.nextInt(10) < 3) {
                                addResponse(response, outbox, customer, "RATING", Integer.toString(1 + random.nextInt(5)), resolved);
                            }
                            if (random.nextInt(10) == 0) {
                                addResponse(response, outbox, customer, "REPLY", "all good", resolved);
                            }
                        }
                    }
                    if (id % 1000 == 0) {
                        problem.executeBatch();
                        mail.executeBatch();
                        planned.executeBatch();
                        response.executeBatch();
                        c.commit();
                    }
                }
                problem.executeBatch();
                mail.executeBatch();
                planned.executeBatch();
                response.executeBatch();
                c.commit();
            }
        }
    }

    private static void addTouch(PreparedStatement p, long id, String key, String rule, String channel, long customer, long cause,
                                 Instant resolved, String status, Long outbox, String outcome, Timestamp at) throws Exception {
        LocalDate due = resolved.atZone(ZoneOffset.UTC).toLocalDate().plusDays(2);
        p.setLong(1, id);
        p.setString(2, key);
        p.setString(3, rule);
        p.setString(4, channel);
        p.setLong(5, customer);
        p.setLong(6, cause);
        p.setObject(7, due);
        p.setObject(8, due.plusDays(2));
        p.setString(9, status);
        p.setObject(10, outbox);
        p.setString(11, outcome);
        p.setTimestamp(12, at);
        p.setTimestamp(13, at);
        p.addBatch();
    }

    private static void addMail(PreparedStatement p, long id, String key, String template, long customer, Instant resolved)
            throws Exception {
        Timestamp at = Timestamp.from(resolved.plus(Duration.ofDays(3)));
        p.setLong(1, id);
        p.setString(2, key);
        p.setString(3, template);
        p.setLong(4, customer);
        p.setTimestamp(5, at);
        p.setString(6, "<" + key + "@bench>");
        p.setTimestamp(7, at);
        p.setTimestamp(8, at);
        p.setTimestamp(9, at);
        p.addBatch();
    }

    private static void addResponse(PreparedStatement p, long outbox, long customer, String kind, String detail, Instant resolved)
            throws Exception {
        p.setLong(1, outbox);
        p.setLong(2, customer);
        p.setString(3, kind);
        p.setTimestamp(4, Timestamp.from(resolved.plus(Duration.ofDays(4))));
        p.setString(5, detail);
        p.addBatch();
    }
}
