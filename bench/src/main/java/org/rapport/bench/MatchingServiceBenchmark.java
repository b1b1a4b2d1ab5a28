package org.rapport.bench;

import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The matching run end to end (issue 10: "1,000,000 customers: under 60 s, with the heap flat at -Xmx512m"): a service
 * started at {@code -Xmx512m} with every job off and a fresh database, seeded over plain JDBC with {@code --customers}
 * customers drawn as {@link MatchingRun} draws them (200 codes Zipf-weighted, 1–3 offers and needs, regions of five
 * countries, revenue bands, half recently touched, 8 % rated low, 85 % open to introductions, 5 % with an open
 * problem) and N/20 earlier introductions of random pairs in random stages over two years (the source of the caps'
 * counts here); then one {@code POST /api/introductions/match}, timed, with the phases the run logs, the service's heap
 * (jstat every second, and the GC log) and the CPU of the service and MariaDB.
 * <p>
 * The physical limit in the same run, on the same server: plain JDBC streaming the rows the run reads (its five
 * statements: low ratings, introduction counts, the customers with the same consent and problem columns, the history,
 * the company names), doing nothing with them, then as many rows as the run stored written 1,000 proposals per
 * transaction into scratch copies of {@code introduction}, {@code introduction_event} and {@code introduction_need_pair}
 * ({@code CREATE TABLE … LIKE}: same columns and indexes, no foreign keys): one event per proposal and as many need pairs
 * as the run stored. No matching at all.
 * <p>
 * The check, after the run: its {@code match_run} row FINISHED with the count it answered; exactly that many
 * introductions of the run; one PROPOSED event each (by rapport, its explanation as note, at its proposal time) and no
 * other; its need pairs exactly the pairs of single codes of its two need lists (as many as the lists give, none outside
 * them). A mismatch prints {@code RESULT matching-run-check FAILED} and ends the program with a non-zero exit.
 *
 * <pre>java -cp bench/target/rapport-bench.jar org.rapport.bench.MatchingServiceBenchmark [--customers 1000000] [--xmx 512m]</pre>
 */
public final class MatchingServiceBenchmark {

    private static final String NEVER = Bench.NEVER_CRON;
    private static final int SALESPEOPLE = 200;
    private static final Pattern PHASES = Pattern.compile("Matching run (\\d+) by \\S+: (\\d+) customers, (\\d+) candidate pairs, "
            + "(\\d+) proposed; read ([\\d.]+) s, match ([\\d.]+) s, store ([\\d.]+) s");
    /** A G1 pause in the GC log: "… Pause Young (Normal) (G1 Evacuation Pause) 301M->122M(512M) 12.345ms". */
    private static final Pattern GC_PAUSE = Pattern.compile("Pause (?:Young|Full).* (\\d+)M->(\\d+)M\\((\\d+)M\\)");
    private static final String[] STAGES = {"PROPOSED", "APPROVED", "CONSENT_REQUESTED_FIRST", "CONSENT_REQUESTED_SECOND",
            "CONSENTED", "INTRODUCED", "MET", "DEAL_CLOSED", "NO_DEAL", "DECLINED", "CONSENT_DECLINED", "EXPIRED", "WITHDRAWN"};

    private MatchingServiceBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Bench.args(args);
        Path work = Bench.workDir(options);
        Path repo = Bench.repoRoot(options);
        int customers = Integer.parseInt(options.getOrDefault("customers", "1000000"));
        int port = Integer.parseInt(options.getOrDefault("port", "18087"));
        String xmx = options.getOrDefault("xmx", "512m");

        Path dir = work.resolve("matching-run");
        Path dataDir = dir.resolve("data");
        Bench.deleteRecursively(dataDir); // a fresh database every run
        Files.createDirectories(dir);
        Path gcLog = dir.resolve("gc.log");
        Files.deleteIfExists(gcLog);
        Map<String, String> env = Map.ofEntries(Map.entry("RAPPORT_DEMO", "false"),
                Map.entry("RAPPORT_ADMIN_PASSWORD", Bench.ADMIN_PASSWORD),
                // nothing scheduled runs during the measurements
                Map.entry("RAPPORT_PLANNING_CRON", NEVER), Map.entry("RAPPORT_CALL_LISTS_DIGEST_CRON", NEVER), Map.entry("RAPPORT_TIERS_CRON", NEVER),
                Map.entry("RAPPORT_REWARDS_CRON", NEVER), Map.entry("RAPPORT_MAIL_DISPATCH_CRON", NEVER), Map.entry("RAPPORT_MAIL_IMAP_CRON", NEVER),
                Map.entry("RAPPORT_REPORTS_NETWEAVING_WEEKLY_CRON", NEVER), Map.entry("RAPPORT_INTRODUCTIONS_CRON", NEVER),
                Map.entry("RAPPORT_INTRODUCTIONS_MATCH_CRON", NEVER));
        String admin = Bench.basic("admin", Bench.ADMIN_PASSWORD);
        HttpClient http = Bench.http();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (Service service = Service.start(repo, dataDir, port, List.of("-Xmx" + xmx, "-Xlog:gc:file=" + gcLog),
                env, dir.resolve("service.log"))) {
            Bench.log("service UP after %s", Bench.seconds(service.awaitHealthy(Service.START_TIMEOUT)));
            PhysicalLimit db = new PhysicalLimit(service.databasePort());
            Bench.log("database: %s", db.describe());
            long seedStarted = System.nanoTime();
            seed(db, customers, now);
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("ANALYZE TABLE customer, introduction, problem, mail_response, planned_touch");
            }
            Bench.log("seeded in %s: %,d customers, %,d open problems, %,d ratings, %,d introductions",
                    Bench.seconds(System.nanoTime() - seedStarted), db.count("customer"), db.count("problem"),
                    db.count("mail_response"), db.count("introduction"));
            Bench.log("service settled after %.0f s", service.awaitIdle(0.2, Duration.ofMinutes(3)));

            // the run, through the API
            Quiet.awaitIfAsked(options);
            long mariadb = service.mariadb().map(ProcessHandle::pid).orElse(-1L);
            String answer;
            double seconds;
            double jvmCpu;
            double dbCpu;
            String interference;
            double heapMaxUsed;
            double heapMaxOld;
            double heapCommitted;
            long gcLinesBefore = lines(gcLog);
            try (HeapSampler heap = HeapSampler.start(service.pid(), dir.resolve("heap-samples.csv"));
                 Quiet.Monitor monitor = new Quiet.Monitor()) {
                Thread.sleep(1500); // a first sample before the run
                double jvm0 = Service.cpuSeconds(service.pid());
                double db0 = Service.cpuSeconds(mariadb);
                long t0 = System.nanoTime();
                HttpResponse<String> run = Bench.postJson(http, service.baseUrl() + "/api/introductions/match", admin, "",
                        Duration.ofMinutes(30));
                seconds = (System.nanoTime() - t0) / 1e9;
                jvmCpu = Service.cpuSeconds(service.pid()) - jvm0;
                dbCpu = Service.cpuSeconds(mariadb) - db0;
                Thread.sleep(1500); // a last sample after it
                interference = monitor.summary();
                if (run.statusCode() != 200) {
                    throw new IllegalStateException("the matching run answered " + run.statusCode() + ": " + run.body());
                }
                answer = run.body();
                heapMaxUsed = heap.maxUsedMb();
                heapMaxOld = heap.maxOldMb();
                heapCommitted = heap.maxCommittedMb();
            }
            long proposals = Bench.jsonLong(answer, "proposed");
            long pairs = Bench.jsonLong(answer, "candidate_pairs");
            long matched = Bench.jsonLong(answer, "customers");
            String phases = phases(service);
            double[] gc = gcDuring(gcLog, gcLinesBefore);
            boolean oom = service.logMentions("OutOfMemoryError");
            long runId = Bench.jsonLong(answer, "id");
            Check check = check(db, runId, proposals);
            Bench.log("run answered in %.2f s: %s", seconds, answer.length() > 400 ? answer.substring(0, 400) + "…" : answer);

            // the physical limit, after the run (its scratch tables touch nothing the run reads)
            Quiet.awaitIfAsked(options);
            double readS;
            double writeS;
            long rowsRead;
            String limitInterference;
            try (Quiet.Monitor monitor = new Quiet.Monitor()) {
                long t0 = System.nanoTime();
                rowsRead = streamReads(db, now);
                readS = (System.nanoTime() - t0) / 1e9;
                long t1 = System.nanoTime();
                writeProposals(db, proposals, check.needPairs, now);
                writeS = (System.nanoTime() - t1) / 1e9;
                limitInterference = monitor.summary();
            }
            double limitS = readS + writeS;
            System.out.printf("RESULT matching-limit customers=%d rows_streamed=%d read_s=%.2f proposals_written=%d write_s=%.2f"
                            + " need_pairs_written=%d limit_s=%.2f (plain JDBC: the run's five reads streamed, then the proposals,"
                            + " their events and need pairs, 1,000 proposals per transaction, into scratch tables) %s%n",
                    customers, rowsRead, readS, proposals, writeS, check.needPairs, limitS, limitInterference);
            System.out.printf("RESULT matching-run customers=%d matched=%d seconds=%.2f target_s=60 %s %s candidate_pairs=%d"
                            + " proposals=%d stored=%d events=%d need_pairs=%d run/limit=%.1f xmx=%s heap_max_used_mb=%.0f heap_max_old_mb=%.0f"
                            + " heap_committed_mb=%.0f gc_during_run=%s oom=%s cpu_s service_jvm=%.1f mariadb=%.1f %s%n",
                    customers, matched, seconds, seconds < 60 && !oom ? "MET" : "MISSED", phases, pairs, proposals,
                    check.introductions, check.events, check.needPairs,
                    seconds / limitS, xmx, heapMaxUsed, heapMaxOld, heapCommitted,
                    String.format("pauses:%d,max_before_mb:%.0f,max_after_mb:%.0f", (long) gc[0], gc[1], gc[2]), oom,
                    jvmCpu, dbCpu, interference);
            if (!check.mismatches.isEmpty()) {
                System.out.printf("RESULT matching-run-check FAILED run=%d: %s%n", runId, String.join("; ", check.mismatches));
                throw new IllegalStateException("the matching run did not store what it said: " + check.mismatches);
            }
            System.out.printf("RESULT matching-run-check OK run=%d: %d introductions, each with one PROPOSED event and its"
                    + " %d need pairs in all; match_run FINISHED with proposed=%d%n", runId, check.introductions,
                    check.needPairs, proposals);
        }
    }

    /** What the run stored, and what of it does not match what it answered ({@code mismatches}, empty when all does). */
    record Check(long introductions, long events, long needPairs, List<String> mismatches) {
    }

    private static Check check(PhysicalLimit db, long runId, long proposals) throws Exception {
        List<String> wrong = new java.util.ArrayList<>();
        try (Connection c = db.connect()) {
            String of = " FROM introduction i WHERE i.match_run_id = " + runId;
            try (Statement s = c.createStatement();
                 ResultSet run = s.executeQuery("SELECT status, proposed FROM match_run WHERE id = " + runId)) {
                if (!run.next()) {
                    wrong.add("no match_run row " + runId);
                } else if (!"FINISHED".equals(run.getString("status")) || run.getLong("proposed") != proposals) {
                    wrong.add("match_run says " + run.getString("status") + " with proposed=" + run.getLong("proposed")
                            + ", the answer proposed=" + proposals);
                }
            }
            long introductions = single(c, "SELECT COUNT(*)" + of);
            expect(wrong, "introductions of the run", introductions, proposals);
            long events = single(c, "SELECT COUNT(*) FROM introduction_event e JOIN introduction i ON i.id = e.introduction_id"
                    + " WHERE i.match_run_id = " + runId);
            expect(wrong, "events of its introductions", events, proposals);
            expect(wrong, "introductions with one PROPOSED event by rapport, noting the explanation at the proposal time",
                    single(c, "SELECT COUNT(DISTINCT e.introduction_id) FROM introduction_event e JOIN introduction i"
                            + " ON i.id = e.introduction_id WHERE i.match_run_id = " + runId + " AND e.kind = 'PROPOSED'"
                            + " AND e.stage_from IS NULL AND e.stage_to = 'PROPOSED' AND e.actor = 'rapport'"
                            + " AND e.note = i.explanation AND e.occurred_at = i.proposed_at"), proposals);
            // the lists hold distinct codes joined by ';': each first code with each second code, or with '' (one way)
            String codes = "(1 + LENGTH(%1$s) - LENGTH(REPLACE(%1$s, ';', '')))";
            long expectedPairs = single(c, "SELECT COALESCE(SUM(" + String.format(codes, "i.first_needs")
                    + " * IF(i.second_needs = '', 1, " + String.format(codes, "i.second_needs") + ")), 0)" + of
                    + " AND i.first_needs <> ''");
            long needPairs = single(c, "SELECT COUNT(*) FROM introduction_need_pair p JOIN introduction i ON i.id = p.introduction_id"
                    + " WHERE i.match_run_id = " + runId);
            expect(wrong, "need pairs of its introductions (as many as their need lists give)", needPairs, expectedPairs);
            expect(wrong, "need pairs with a code outside their introduction's lists", single(c, "SELECT COUNT(*)"
                    + " FROM introduction_need_pair p JOIN introduction i ON i.id = p.introduction_id WHERE i.match_run_id = "
                    + runId + " AND (FIND_IN_SET(p.first_code, REPLACE(i.first_needs, ';', ',')) = 0"
                    + " OR (p.second_code = '' AND i.second_needs <> '')"
                    + " OR (p.second_code <> '' AND FIND_IN_SET(p.second_code, REPLACE(i.second_needs, ';', ',')) = 0))"), 0);
            return new Check(introductions, events, needPairs, wrong);
        }
    }

    private static void expect(List<String> wrong, String what, long actual, long expected) {
        if (actual != expected) {
            wrong.add(what + ": " + actual + ", expected " + expected);
        }
    }

    private static long single(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** read_s=… match_s=… store_s=… from the run's log line. */
    private static String phases(Service service) throws Exception {
        Matcher last = null;
        for (String line : Files.readAllLines(service.log, StandardCharsets.ISO_8859_1)) {
            Matcher m = PHASES.matcher(line);
            if (m.find()) {
                last = m;
            }
        }
        return last == null ? "phases=?" : "read_s=" + last.group(5) + " match_s=" + last.group(6) + " store_s=" + last.group(7);
    }

    private static long lines(Path file) throws Exception {
        if (!Files.exists(file)) {
            return 0;
        }
        try (var lines = Files.lines(file, StandardCharsets.ISO_8859_1)) {
            return lines.count();
        }
    }

    /** Pauses after line {@code skip} of the GC log: their number, the most heap before one and after one (MB). */
    private static double[] gcDuring(Path gcLog, long skip) throws Exception {
        double[] out = new double[3];
        try (var lines = Files.lines(gcLog, StandardCharsets.ISO_8859_1)) {
            lines.skip(skip).forEach(line -> {
                Matcher m = GC_PAUSE.matcher(line);
                if (m.find()) {
                    out[0]++;
                    out[1] = Math.max(out[1], Double.parseDouble(m.group(1)));
                    out[2] = Math.max(out[2], Double.parseDouble(m.group(2)));
                }
            });
        }
        return out;
    }

    // ---- the physical limit --------------------------------------------------------------------------------------

    /** The run's five reads, streamed (Connector/J row by row), each column fetched and dropped; the rows read. */
    private static long streamReads(PhysicalLimit db, Instant now) throws Exception {
        String recent = "TIMESTAMP '" + Timestamp.from(now.minus(90, ChronoUnit.DAYS)) + "'";
        String year = "TIMESTAMP '" + Timestamp.from(now.minus(365, ChronoUnit.DAYS)) + "'";
        String open = "('PROPOSED','APPROVED','CONSENT_REQUESTED_FIRST','CONSENT_REQUESTED_SECOND','CONSENTED')";
        long rows = db.stream("SELECT DISTINCT r.customer_id FROM mail_response r WHERE r.kind = 'RATING' AND r.occurred_at >= "
                + recent + " AND r.customer_id IS NOT NULL AND CAST(r.detail AS UNSIGNED) <= 2");
        rows += db.stream("SELECT side.customer_id, SUM(side.stage IN " + open + "), SUM(side.proposed_at >= " + year
                + " AND side.stage NOT IN ('DECLINED','WITHDRAWN')) FROM (SELECT first_customer_id AS customer_id, stage, proposed_at"
                + " FROM introduction UNION ALL SELECT second_customer_id, stage, proposed_at FROM introduction) side"
                + " GROUP BY side.customer_id ORDER BY side.customer_id");
        rows += db.stream("SELECT c.id, c.offers, c.needs, c.region, c.annual_revenue,"
                + " COALESCE(c.last_two_way_touch_at >= " + recent + ", FALSE) AS recent_two_way_touch,"
                + " (EXISTS (SELECT 1 FROM problem pp WHERE pp.customer_id = c.id AND pp.resolved_at IS NULL)"
                + "  OR EXISTS (SELECT 1 FROM planned_touch pf WHERE pf.customer_id = c.id AND pf.status IN ('OPEN', 'ESCALATED')"
                + "  AND pf.rule = 'PROBLEM_FOLLOW_UP')) AS problem_pending,"
                + " c.do_not_contact, c.email_ok, c.email, c.unsubscribed_at, c.unsubscribed_via, c.stopped_purposes,"
                + " c.purposes_stopped_at, c.email_bouncing_at, c.intro_ok"
                + " FROM customer c WHERE c.offers <> '' OR c.needs <> '' ORDER BY c.id");
        rows += db.stream("SELECT first_customer_id, second_customer_id, stage, COALESCE(introduced_at, stage_since) FROM introduction"
                + " WHERE stage IN " + open + " OR (stage IN ('DECLINED','CONSENT_DECLINED','EXPIRED','INTRODUCED','MET','DEAL_CLOSED','NO_DEAL')"
                + " AND COALESCE(introduced_at, stage_since) >= " + year + ")");
        rows += db.stream("SELECT c.id, c.company FROM customer c ORDER BY c.id");
        return rows;
    }

    /**
     * {@code n} proposals, their events and {@code pairs} need pairs (spread evenly over them), 1,000 proposals per
     * transaction, each table one batch, into scratch copies of the three tables.
     */
    private static void writeProposals(PhysicalLimit db, long n, long pairs, Instant now) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS limit_introduction, limit_introduction_event, limit_introduction_need_pair");
            s.execute("CREATE TABLE limit_introduction LIKE introduction");
            s.execute("CREATE TABLE limit_introduction_event LIKE introduction_event");
            s.execute("CREATE TABLE limit_introduction_need_pair LIKE introduction_need_pair");
            c.setAutoCommit(false);
            Timestamp at = Timestamp.from(now);
            String explanation = "Company 1000123 needs category K017; Company 1000456 offers category K017; both in DE-BY";
            try (PreparedStatement intro = c.prepareStatement("INSERT INTO limit_introduction (id, first_customer_id,"
                    + " second_customer_id, stage, stage_since, first_needs, second_needs, score, explanation, match_run_id,"
                    + " proposed_at) VALUES (?, ?, ?, 'PROPOSED', ?, 'K017', '', 65, ?, 1, ?)");
                 PreparedStatement event = c.prepareStatement("INSERT INTO limit_introduction_event (introduction_id, kind,"
                         + " stage_from, stage_to, actor, note, occurred_at) VALUES (?, 'PROPOSED', NULL, 'PROPOSED', 'rapport', ?, ?)");
                 PreparedStatement pair = c.prepareStatement("INSERT INTO limit_introduction_need_pair (introduction_id,"
                         + " first_code, second_code) VALUES (?, ?, ?)")) {
                long pairsEach = n == 0 ? 0 : pairs / n;
                long oneMore = n == 0 ? 0 : pairs % n;
                for (long id = 1; id <= n; id++) {
                    intro.setLong(1, id);
                    intro.setLong(2, id);
                    intro.setLong(3, id + 1);
                    intro.setTimestamp(4, at);
                    intro.setString(5, explanation);
                    intro.setTimestamp(6, at);
                    intro.addBatch();
                    event.setLong(1, id);
                    event.setString(2, explanation);
                    event.setTimestamp(3, at);
                    event.addBatch();
                    for (long k = 0; k < pairsEach + (id <= oneMore ? 1 : 0); k++) {
                        pair.setLong(1, id);
                        pair.setString(2, String.format("K%03d", k));
                        pair.setString(3, "");
                        pair.addBatch();
                    }
                    if (id % 1000 == 0 || id == n) {
                        intro.executeBatch();
                        event.executeBatch();
                        pair.executeBatch();
                        c.commit();
                    }
                }
            }
            c.setAutoCommit(true);
            s.execute("DROP TABLE limit_introduction, limit_introduction_event, limit_introduction_need_pair");
        }
    }

    // ---- seeding -------------------------------------------------------------------------------------------------

    /**
     * Salespeople, the 200 categories, the customers (as {@link MatchingRun} draws them), their open problems and low
     * ratings, and N/20 earlier introductions: 1,000 rows per batch and transaction.
     */
    static void seed(PhysicalLimit db, int n, Instant now) throws Exception {
        SplittableRandom random = new SplittableRandom(Bench.SEED + n);
        double[] cumulative = new double[MatchingRun.CODES];
        double sum = 0;
        for (int k = 0; k < MatchingRun.CODES; k++) {
            sum += 1.0 / (k + 1);
            cumulative[k] = sum;
        }
        String[] codes = new String[MatchingRun.CODES];
        for (int k = 0; k < codes.length; k++) {
            codes[k] = String.format("K%03d", k);
        }
        Timestamp created = Timestamp.from(now);
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement("INSERT INTO salesperson (id, external_id, name, time_zone, created_at,"
                    + " updated_at) VALUES (?, ?, ?, 'Europe/Berlin', ?, ?)")) {
                for (int id = 1; id <= SALESPEOPLE; id++) {
                    p.setLong(1, id);
                    p.setString(2, String.format("S%04d", id));
                    p.setString(3, "Salesperson " + id);
                    p.setTimestamp(4, created);
                    p.setTimestamp(5, created);
                    p.addBatch();
                }
                p.executeBatch();
            }
            try (PreparedStatement p = c.prepareStatement("INSERT IGNORE INTO category (code, name) VALUES (?, ?)")) {
                for (String code : codes) {
                    p.setString(1, code);
                    p.setString(2, "category " + code);
                    p.addBatch();
                }
                p.executeBatch();
            }
            c.commit();
            int[] picked = new int[3];
            StringBuilder joined = new StringBuilder();
            long problems = 0;
            long ratings = 0;
            try (PreparedStatement customer = c.prepareStatement("INSERT INTO customer (id, external_id, company, email, time_zone,"
                    + " locale, region, offers, needs, owner_id, annual_revenue, email_ok, intro_ok, last_two_way_touch_at,"
                    + " created_at, updated_at) VALUES (?, ?, ?, ?, 'Europe/Berlin', 'de', ?, ?, ?, ?, ?, TRUE, ?, ?, ?, ?)");
                 PreparedStatement problem = c.prepareStatement("INSERT INTO problem (external_id, customer_id, opened_at, summary,"
                         + " created_at, updated_at) VALUES (?, ?, ?, 'seeded by the benchmark', ?, ?)");
                 PreparedStatement rating = c.prepareStatement("INSERT INTO mail_response (customer_id, kind, occurred_at, detail)"
                         + " VALUES (?, 'RATING', ?, ?)")) {
                for (int i = 0; i < n; i++) {
                    long id = 1_000_000L + i;
                    int offers = MatchingRun.draw(random, cumulative, picked);
                    String offerList = MatchingRun.join(codes, picked, offers, joined);
                    int needs = MatchingRun.draw(random, cumulative, picked);
                    String needList = MatchingRun.join(codes, picked, needs, joined);
                    String region = MatchingRun.region(random);
                    double band = random.nextDouble();
                    BigDecimal revenue = band < 0.60 ? BigDecimal.valueOf(100_000 + random.nextInt(1_900_000))
                            : band < 0.85 ? BigDecimal.valueOf(2_000_000 + random.nextInt(8_000_000))
                            : band < 0.95 ? BigDecimal.valueOf(10_000_000 + random.nextInt(40_000_000))
                            : band < 0.98 ? BigDecimal.valueOf(50_000_000L + random.nextInt(900_000_000)) : null;
                    boolean touched = random.nextDouble() < 0.5;
                    boolean lowRated = random.nextDouble() < 0.08;
                    boolean open = random.nextDouble() < 0.85;
                    boolean problemPending = random.nextDouble() < 0.05;
                    customer.setLong(1, id);
                    customer.setString(2, "C" + id);
                    customer.setString(3, "Company " + id);
                    customer.setString(4, "c" + id + "@example.com");
                    customer.setString(5, region);
                    customer.setString(6, offerList);
                    customer.setString(7, needList);
                    customer.setLong(8, 1 + i % SALESPEOPLE);
                    customer.setBigDecimal(9, revenue);
                    customer.setBoolean(10, open);
                    customer.setTimestamp(11, touched ? Timestamp.from(now.minus(1 + random.nextInt(89), ChronoUnit.DAYS))
                            : random.nextBoolean() ? Timestamp.from(now.minus(91 + random.nextInt(600), ChronoUnit.DAYS)) : null);
                    customer.setTimestamp(12, created);
                    customer.setTimestamp(13, created);
                    customer.addBatch();
                    if (problemPending) {
                        problem.setString(1, "P" + id);
                        problem.setLong(2, id);
                        problem.setTimestamp(3, Timestamp.from(now.minus(1 + random.nextInt(30), ChronoUnit.DAYS)));
                        problem.setTimestamp(4, created);
                        problem.setTimestamp(5, created);
                        problem.addBatch();
                        problems++;
                    }
                    if (lowRated) {
                        rating.setLong(1, id);
                        rating.setTimestamp(2, Timestamp.from(now.minus(1 + random.nextInt(80), ChronoUnit.DAYS)));
                        rating.setString(3, String.valueOf(1 + random.nextInt(2)));
                        rating.addBatch();
                        ratings++;
                    }
                    if ((i + 1) % 1000 == 0 || i == n - 1) {
                        customer.executeBatch();
                        problem.executeBatch();
                        rating.executeBatch();
                        c.commit();
                    }
                    if ((i + 1) % 200_000 == 0) {
                        Bench.log("seeded %,d customers", i + 1);
                    }
                }
            }
            // earlier introductions of random pairs, in random stages, over the last two years
            try (PreparedStatement intro = c.prepareStatement("INSERT INTO introduction (first_customer_id, second_customer_id,"
                    + " stage, stage_since, first_needs, score, explanation, proposed_at, introduced_at)"
                    + " VALUES (?, ?, ?, ?, 'K000', 50, 'seeded by the benchmark', ?, ?)")) {
                for (int k = 0; k < n / 20; k++) {
                    long a = 1_000_000L + random.nextInt(n);
                    long b = 1_000_000L + random.nextInt(n - 1);
                    if (b >= a) {
                        b++;
                    }
                    String stage = STAGES[random.nextInt(STAGES.length)];
                    Instant since = now.minus(random.nextInt(730), ChronoUnit.DAYS);
                    boolean introduced = Arrays.asList("INTRODUCED", "MET", "DEAL_CLOSED", "NO_DEAL").contains(stage);
                    intro.setLong(1, a);
                    intro.setLong(2, b);
                    intro.setString(3, stage);
                    intro.setTimestamp(4, Timestamp.from(since));
                    intro.setTimestamp(5, Timestamp.from(since.minus(random.nextInt(30), ChronoUnit.DAYS)));
                    intro.setTimestamp(6, introduced ? Timestamp.from(since) : null);
                    intro.addBatch();
                    if ((k + 1) % 1000 == 0) {
                        intro.executeBatch();
                        c.commit();
                    }
                }
                intro.executeBatch();
                c.commit();
            }
            Bench.log("seeded %,d open problems and %,d low ratings", problems, ratings);
        }
    }
}
