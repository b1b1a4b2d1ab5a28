package org.rapport.bench;

import org.HdrHistogram.Histogram;
import org.rapport.demo.DataGenerator;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The planner at scale: the generator's customers (1,000,000 by default, 2,000 salespeople, about 10 touches each) on the
 * embedded MariaDB, the service at {@code -Xmx512m}. In one run it measures
 * <ol>
 *   <li>how long MariaDB alone takes to stream the customer columns the plan reads (the physical limit), and the four
 *       reads of a page streamed one after the other;</li>
 *   <li>the first full plan (every touch is new) and the nightly plan that follows it (what a night really does), with
 *       the service's maximum heap from {@code jstat};</li>
 *   <li>every salesperson's call list for the plan date, fetched over HTTP with 4 connections;</li>
 *   <li>the incremental plan on an event: a logged call ({@code POST /api/touches}), whose response returns after the
 *       customer has been planned again.</li>
 * </ol>
 * The database is built once and kept ({@code <work>/planning-<n>/data}): salespeople, customers, purchases and problems
 * through the import API, touches straight into the table, then each customer's last two-way touch once.
 *
 * <pre>java -cp bench/target/rapport-bench.jar org.rapport.bench.PlanningBenchmark --customers 1000000 [--events 3000]</pre>
 */
public final class PlanningBenchmark {

    private static final String PLAN_DATE = Bench.NOW.substring(0, 10);
    private static final String NEVER = Bench.NEVER_CRON;

    private PlanningBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Bench.args(args);
        Path work = Bench.workDir(options);
        Path repo = Bench.repoRoot(options);
        int customers = Integer.parseInt(options.getOrDefault("customers", "1000000"));
        int port = Integer.parseInt(options.getOrDefault("port", "18084"));
        int events = Integer.parseInt(options.getOrDefault("events", "3000"));
        String xmx = options.getOrDefault("xmx", "512m");

        Path dir = work.resolve("planning-" + customers);
        Path dataDir = dir.resolve("data");
        Files.createDirectories(dir);
        GenerateData.DataFiles files = GenerateData.of(work, customers);
        GenerateData.writeHistory(files, customers);
        Path purchases = GenerateData.purchases(work, customers);
        if (options.containsKey("generate-only")) {
            return;
        }
        Map<String, String> env = Map.of("RAPPORT_DEMO", "false", "RAPPORT_ADMIN_PASSWORD", Bench.ADMIN_PASSWORD,
                // the plan is started by the benchmark, never by the hourly job or the morning digests in between
                "RAPPORT_PLANNING_CRON", NEVER, "RAPPORT_CALL_LISTS_DIGEST_CRON", NEVER, "RAPPORT_TIERS_CRON", NEVER,
                "RAPPORT_MAIL_DISPATCH_CRON", NEVER,
                // every salesperson's morning has come whatever the hour of the run: the digests build all lists
                "RAPPORT_CALL_LISTS_DIGEST_TIME", "00:00");
        String admin = Bench.basic("admin", Bench.ADMIN_PASSWORD);
        HttpClient http = Bench.http();
        List<String> results = new ArrayList<>();
        List<String> jvm = List.of("-Xmx" + xmx, "-Xlog:gc:file=" + dir.resolve("gc.log"));
        try (Service service = Service.start(repo, dataDir, port, jvm, env, dir.resolve("service.log"))) {
            Bench.log("service UP after %s", Bench.seconds(service.awaitHealthy(Service.START_TIMEOUT)));
            PhysicalLimit db = new PhysicalLimit(service.databasePort());
            // before the purchases, and again on a kept database (the same file changes nothing): thank-you notes and
            // tiers count purchases in EUR, converted at these rates
            HttpResponse<String> rates = Bench.postCsv(http, service.baseUrl() + "/api/import/exchange-rates", admin,
                    GenerateData.exchangeRates(work, customers), Duration.ofMinutes(1));
            Bench.log("exchange-rates import: %d %s", rates.statusCode(), rates.body());
            if (db.count("customer") < customers) {
                load(http, service, admin, files, purchases, db);
            }
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM outbox_message WHERE idempotency_key LIKE 'plan:%'");
                s.executeUpdate("TRUNCATE TABLE planned_touch"); // not DELETE: its purge would disturb what follows
            }
            Bench.log("database: %,d customers, %,d salespeople, %,d touches, %,d problems, %,d purchases",
                    db.count("customer"), db.count("salesperson"), db.count("touch"), db.count("problem"), db.count("purchase"));

            // 1. the physical limit: MariaDB streaming the customer columns the plan reads. The first pass after the
            // start reads a cold buffer pool and warms this JVM's JIT; the next three run warm, the state the nightly
            // plan runs in (the first plan has just read the same rows). The plan is compared with both, as the import
            // is compared with the warm JDBC loop.
            Stream cold;
            List<Stream> warm = new ArrayList<>();
            Stream all;
            String streamInterference;
            Quiet.awaitIfAsked(options);
            try (Quiet.Monitor monitor = new Quiet.Monitor()) {
                cold = stream(db, service);
                for (int i = 0; i < 3; i++) {
                    warm.add(stream(db, service));
                }
                all = streamAllReads(db, service);
                streamInterference = monitor.summary();
            }
            Stream warmMedian = warm.stream().sorted(java.util.Comparator.comparingLong(Stream::nanos)).toList().get(1);
            String line = String.format("RESULT planning-stream customers=%d cold_s=%.2f warm_median_s=%.2f warm_all=%s "
                            + "all_four_reads_warm_s=%.2f (cpu_s cold: mariadb=%.2f harness=%.2f; warm median: mariadb=%.2f harness=%.2f) %s",
                    customers, cold.nanos / 1e9, warmMedian.nanos / 1e9,
                    warm.stream().map(w -> String.format("%.2f", w.nanos / 1e9)).collect(java.util.stream.Collectors.joining(",", "[", "]")),
                    all.nanos / 1e9, cold.cpuDb, cold.cpuHarness, warmMedian.cpuDb, warmMedian.cpuHarness, streamInterference);
            System.out.println(line);
            results.add(line);

            // 2. the first plan and the nightly one after it
            Plan first;
            Plan nightly;
            double maxHeap;
            String planInterference;
            Quiet.awaitIfAsked(options);
            try (HeapSampler heap = HeapSampler.start(service.pid(), dir.resolve("heap-samples.csv"));
                 Quiet.Monitor monitor = new Quiet.Monitor()) {
                Thread.sleep(1500);
                first = plan(http, service, admin, "first");
                Bench.log("first plan, as the service logs it: %s", lastPlanLine(dir.resolve("service.log")));
                nightly = plan(http, service, admin, "nightly");
                Bench.log("nightly plan, as the service logs it: %s", lastPlanLine(dir.resolve("service.log")));
                Thread.sleep(1500);
                maxHeap = heap.maxUsedMb();
                planInterference = monitor.summary();
            }
            double nightlyMillis = nightly.millis();
            double firstMillis = first.millis();
            double toWarm = nightlyMillis / (warmMedian.nanos / 1e6);
            line = String.format("RESULT planning customers=%d first_plan_s=%.1f first_proposals=%d first_created=%d first_emails=%d "
                            + "first_cpu_s_service_jvm=%.1f first_cpu_s_mariadb=%.1f "
                            + "nightly_plan_s=%.1f nightly_proposals=%d nightly_created=%d nightly_cpu_s_service_jvm=%.1f "
                            + "nightly_cpu_s_mariadb=%.1f target_s=20 %s heap_max_used_mb=%.0f xmx=%s "
                            + "nightly/stream_warm=%.1f nightly/stream_cold=%.1f first/stream_warm=%.1f first/stream_cold=%.1f "
                            + "target_ratio=3 %s (to the warm stream) %s",
                    customers, firstMillis / 1e3, Bench.jsonLong(first.body, "proposals"), Bench.jsonLong(first.body, "created"),
                    Bench.jsonLong(first.body, "emails_queued"), first.cpuJvm, first.cpuDb, nightlyMillis / 1e3,
                    Bench.jsonLong(nightly.body, "proposals"), Bench.jsonLong(nightly.body, "created"), nightly.cpuJvm,
                    nightly.cpuDb, nightlyMillis < 20_000 ? "MET" : "MISSED", maxHeap, xmx, toWarm,
                    nightlyMillis / (cold.nanos / 1e6), firstMillis / (warmMedian.nanos / 1e6), firstMillis / (cold.nanos / 1e6),
                    toWarm <= 3 ? "MET" : "MISSED", planInterference);
            System.out.println(line);
            results.add(line);

            // 3. every call list for the plan date, then the time of each statement one list sends
            results.addAll(callLists(http, service, admin, db, (int) db.count("salesperson"), options));
            results.addAll(callListQueries(http, service, admin, db, (int) db.count("salesperson")));
            results.addAll(digestLists(http, service, admin, db, dir.resolve("service.log"), options));

            // 4. incremental plans
            Quiet.awaitIfAsked(options);
            results.add(events(http, service, admin, customers, events));
        }
        System.out.println();
        results.forEach(System.out::println);
    }

    /** One stream of the physical limit: wall time and the CPU MariaDB and this JVM used for it. */
    private record Stream(long nanos, double cpuDb, double cpuHarness) {
    }

    /** One plan: the service's answer, wall time and the CPU the service JVM and MariaDB used for it. */
    private record Plan(String body, double millis, double cpuJvm, double cpuDb) {
    }

    private static void load(HttpClient http, Service service, String admin, GenerateData.DataFiles files, Path purchases,
                             PhysicalLimit db) throws Exception {
        for (var kind : List.of(Map.entry("salespeople", files.salespeople()), Map.entry("customers", files.customers()),
                Map.entry("purchases", purchases))) {
            long started = System.nanoTime();
            HttpResponse<String> answer = Bench.postCsv(http, service.baseUrl() + "/api/import/" + kind.getKey(), admin,
                    kind.getValue(), Duration.ofMinutes(90));
            Bench.log("%s import: %d in %s %s", kind.getKey(), answer.statusCode(), Bench.seconds(System.nanoTime() - started),
                    answer.body().substring(0, Math.min(200, answer.body().length())));
            if (answer.statusCode() != 200) {
                throw new IllegalStateException(kind.getKey() + " import answered " + answer.statusCode());
            }
        }
        LatencyBenchmark.seedHistory(http, service, admin, files, db);
        long started = System.nanoTime();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            // once, like a migration would: from then on every logged touch keeps it up to date
            int updated = s.executeUpdate("UPDATE customer c JOIN (SELECT customer_id, MAX(occurred_at) AS last FROM touch"
                    + " WHERE two_way GROUP BY customer_id) t ON t.customer_id = c.id SET c.last_two_way_touch_at = t.last");
            Bench.log("last two-way touch of %,d customers computed once in %s", updated, Bench.seconds(System.nanoTime() - started));
        }
    }

    /** Streams the columns the planner reads for every customer. */
    private static Stream stream(PhysicalLimit db, Service service) throws Exception {
        return cpu(service, () -> timed(db, "SELECT c.id, c.tier, c.time_zone, c.region, c.owner_id, c.do_not_contact,"
                + " (c.email_ok AND c.unsubscribed_at IS NULL AND c.email_bouncing_at IS NULL AND COALESCE(c.email, '') <> ''),"
                + " c.stopped_purposes, c.last_two_way_touch_at, c.customer_since FROM customer c ORDER BY c.id"));
    }

    /** The customer stream plus the problems, purchases and planned emails the plan reads, each streamed whole. */
    private static Stream streamAllReads(PhysicalLimit db, Service service) throws Exception {
        return cpu(service, () -> {
            long nanos = stream(db, service).nanos;
            nanos += timed(db, "SELECT id, customer_id, opened_at, resolved_at, summary, LEFT(resolution, 1000) FROM problem"
                    + " WHERE resolved_at IS NULL OR resolved_at >= TIMESTAMP '" + PLAN_DATE + " 00:00:00' - INTERVAL 39 DAY");
            nanos += timed(db, "SELECT id, customer_id, purchased_on, amount, currency, description FROM purchase"
                    + " WHERE purchased_on >= DATE '" + PLAN_DATE + "' - INTERVAL 32 DAY");
            nanos += timed(db, "SELECT customer_id, COUNT(*), MAX(created_at) FROM planned_touch WHERE channel = 'EMAIL'"
                    + " AND created_at >= TIMESTAMP '" + PLAN_DATE + " 00:00:00' - INTERVAL 14 DAY GROUP BY customer_id");
            return nanos;
        });
    }

    private static Stream cpu(Service service, java.util.concurrent.Callable<Long> timedRun) throws Exception {
        long mariadb = service.mariadb().map(ProcessHandle::pid).orElse(-1L);
        long harness = ProcessHandle.current().pid();
        double db0 = Service.cpuSeconds(mariadb);
        double harness0 = Service.cpuSeconds(harness);
        long nanos = timedRun.call();
        return new Stream(nanos, Service.cpuSeconds(mariadb) - db0, Service.cpuSeconds(harness) - harness0);
    }

    private static long timed(PhysicalLimit db, String sql) throws Exception {
        long started = System.nanoTime();
        long rows = db.stream(sql);
        long nanos = System.nanoTime() - started;
        Bench.log("streamed %,d rows in %s: %s", rows, Bench.seconds(nanos), sql.substring(0, Math.min(60, sql.length())));
        return nanos;
    }

    /** The service's own line about its last full plan: the time each of the pages' reads took, and the wait for them. */
    private static String lastPlanLine(java.nio.file.Path serviceLog) throws java.io.IOException {
        try (var lines = java.nio.file.Files.lines(serviceLog, java.nio.charset.StandardCharsets.UTF_8)) {
            return lines.filter(l -> l.contains("Planned ") && l.contains(" customers: ")).reduce((a, b) -> b).orElse("(none)");
        } catch (java.io.UncheckedIOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private static Plan plan(HttpClient http, Service service, String admin, String label) throws Exception {
        long mariadb = service.mariadb().map(ProcessHandle::pid).orElse(-1L);
        double jvm0 = Service.cpuSeconds(service.pid());
        double db0 = Service.cpuSeconds(mariadb);
        long started = System.nanoTime();
        HttpResponse<String> answer = Bench.postJson(http, service.baseUrl() + "/api/planning/run?date=" + PLAN_DATE, admin, "",
                Duration.ofMinutes(30));
        double millis = (System.nanoTime() - started) / 1e6;
        Plan plan = new Plan(answer.body(), millis, Service.cpuSeconds(service.pid()) - jvm0, Service.cpuSeconds(mariadb) - db0);
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("the " + label + " plan answered " + answer.statusCode() + ": " + answer.body());
        }
        Bench.log("%s plan: %s in %,.0f ms; CPU s: service JVM %.1f, MariaDB %.1f", label, answer.body(), millis, plan.cpuJvm,
                plan.cpuDb);
        return plan;
    }

    /**
     * Every salesperson's call list for the plan date, 4 at a time, twice: the first round warms the JIT and the buffer
     * pool, the second is the figure; both are printed. Returns the RESULT lines.
     */
    private static List<String> callLists(HttpClient http, Service service, String admin, PhysicalLimit db, int salespeople,
                                          Map<String, String> options) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        AtomicInteger items = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        long mariadb = service.mariadb().map(ProcessHandle::pid).orElse(-1L);
        List<String> lines = new ArrayList<>();
        try {
            for (int round = 1; round <= 2; round++) {
                items.set(0);
                failures.set(0);
                Quiet.awaitIfAsked(options);
                try (Quiet.Monitor monitor = new Quiet.Monitor()) {
                    Usage before = Usage.now(db, service, mariadb);
                    long questions0 = before.questions(), started = before.nanos();
                    double jvm0 = before.cpuJvm(), db0 = before.cpuDb();
                    List<Future<?>> all = new ArrayList<>();
                    for (int i = 1; i <= salespeople; i++) {
                        String id = DataGenerator.salespersonId(i);
                        all.add(pool.submit(() -> {
                            HttpResponse<String> list = Bench.get(http, service.baseUrl() + "/api/call-lists/" + id + "/" + PLAN_DATE,
                                    admin, Duration.ofSeconds(60));
                            if (list.statusCode() != 200) {
                                failures.incrementAndGet();
                            }
                            items.addAndGet(count(list.body(), "\"position\""));
                            return null;
                        }));
                    }
                    for (Future<?> f : all) {
                        f.get();
                    }
                    long nanos = System.nanoTime() - started;
                    // includes the few statements of questions() itself: noise over 2,000 lists
                    double statements = (db.questions() - questions0) / (double) salespeople;
                    String line = String.format("RESULT call_lists round=%d%s salespeople=%d items=%d seconds=%.1f target_s=10 %s "
                                    + "failures=%d sql_statements_per_list=%.1f cpu_ms_per_list service_jvm=%.1f mariadb=%.1f %s",
                            round, round == 1 ? "(warm-up)" : "", salespeople, items.get(), nanos / 1e9,
                            nanos < 10_000_000_000L ? "MET" : "MISSED", failures.get(), statements,
                            (Service.cpuSeconds(service.pid()) - jvm0) * 1000 / salespeople,
                            (Service.cpuSeconds(mariadb) - db0) * 1000 / salespeople, monitor.summary());
                    System.out.println(line);
                    lines.add(line);
                }
            }
            return lines;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * All lists at once, as the 07:00 digests build them (one set-based pass in the service), twice through the admin's
     * {@code POST /api/call-lists/digests/run}: the first round also queues the digests, the second finds them queued
     * and only builds the lists. The build's time is the one the job logs ("lists built in N ms"), read from the
     * service's log. Beside it the physical limit: ONE plain query over JDBC that reads the same kind of rows (each
     * salesperson's open calls due by the date, most urgent first up to their capacity, with the customer's columns and
     * talking points: three last touches, problems of 30 days, three purchases of 180 days). It leaves out what the
     * service adds (the contact policy, the day's slots, absences and escalations). Returns the RESULT lines.
     */
    private static List<String> digestLists(HttpClient http, Service service, String admin, PhysicalLimit db, Path log,
                                            Map<String, String> options) throws Exception {
        long mariadb = service.mariadb().map(ProcessHandle::pid).orElse(-1L);
        List<String> lines = new ArrayList<>();
        for (int round = 1; round <= 2; round++) {
            Quiet.awaitIfAsked(options);
            try (Quiet.Monitor monitor = new Quiet.Monitor()) {
                Usage before = Usage.now(db, service, mariadb);
                HttpResponse<String> run = Bench.postJson(http, service.baseUrl() + "/api/call-lists/digests/run", admin, "",
                        Duration.ofMinutes(10));
                long nanos = System.nanoTime() - before.nanos();
                if (run.statusCode() != 200) {
                    throw new IllegalStateException("POST /api/call-lists/digests/run answered " + run.statusCode() + ": " + run.body());
                }
                java.util.regex.Matcher logged = lastDigestLine(log);
                int lists = Integer.parseInt(logged.group(1));
                String line = String.format("RESULT call_lists_digest round=%d%s lists=%d build_s=%.2f target_s=5 %s run_s=%.2f "
                                + "enqueued=%d sql_statements=%d cpu_s service_jvm=%.1f mariadb=%.1f %s",
                        round, round == 1 ? "(warm-up, queues what is not queued yet)" : "", lists, Long.parseLong(logged.group(2)) / 1e3,
                        Long.parseLong(logged.group(2)) < 5_000 ? "MET" : "MISSED", nanos / 1e9,
                        Bench.jsonLong(run.body(), "enqueued"), db.questions() - before.questions(),
                        Service.cpuSeconds(service.pid()) - before.cpuJvm(), Service.cpuSeconds(mariadb) - before.cpuDb(),
                        monitor.summary());
                System.out.println(line);
                lines.add(line);
            }
        }
        for (int round = 1; round <= 2; round++) {
            Quiet.awaitIfAsked(options);
            try (Quiet.Monitor monitor = new Quiet.Monitor()) {
                double db0 = Service.cpuSeconds(mariadb);
                long started = System.nanoTime();
                long rows = db.stream(CALL_LIST_ROWS);
                long nanos = System.nanoTime() - started;
                String line = String.format("RESULT call_lists_limit round=%d%s rows=%d seconds=%.2f cpu_s mariadb=%.1f "
                                + "(one plain query over JDBC: every salesperson's due calls up to capacity, customer columns, "
                                + "talking points) %s",
                        round, round == 1 ? "(warm-up)" : "", rows, nanos / 1e9, Service.cpuSeconds(mariadb) - db0, monitor.summary());
                System.out.println(line);
                lines.add(line);
            }
        }
        return lines;
    }

    /** MariaDB's statement count, the CPU seconds of the service JVM and of MariaDB, and the clock, at one moment. */
    private record Usage(long questions, double cpuJvm, double cpuDb, long nanos) {
        static Usage now(PhysicalLimit db, Service service, long mariadb) throws Exception {
            return new Usage(db.questions(), Service.cpuSeconds(service.pid()), Service.cpuSeconds(mariadb), System.nanoTime());
        }
    }

    /** The digest job's last log line: group 1 the lists built, group 2 the milliseconds their build took. */
    private static java.util.regex.Matcher lastDigestLine(Path log) throws java.io.IOException {
        java.util.regex.Pattern line = java.util.regex.Pattern.compile("Daily digests: \\d+ salespeople with email, (\\d+) lists built in (\\d+) ms");
        java.util.regex.Matcher last = null;
        for (String text : Files.readAllLines(log, java.nio.charset.StandardCharsets.UTF_8)) {
            java.util.regex.Matcher m = line.matcher(text);
            if (m.find()) {
                last = m;
            }
        }
        if (last == null) {
            throw new IllegalStateException("no 'Daily digests: ... lists built in N ms' line in " + log);
        }
        return last;
    }

    /** The physical limit of the digests' lists (see {@link #digestLists}). */
    private static final String CALL_LIST_ROWS = """
            SELECT x.id, x.rule, x.channel, x.status, x.priority, x.due_on, x.due_by, x.reason, x.tries, x.holder_id,
                   c.external_id, c.company, c.preferred_name, c.contact_first_name, c.contact_last_name, c.phone, c.time_zone,
                   c.region, c.preferences, c.personal_notes, c.email_ok, c.do_not_contact, c.unsubscribed_at,
                   (SELECT SUBSTRING_INDEX(GROUP_CONCAT(CONCAT_WS('|', t.kind, t.outcome, t.occurred_at, LEFT(t.note, 500))
                                           ORDER BY t.occurred_at DESC, t.id DESC SEPARATOR '\\n'), '\\n', 3)
                      FROM touch t WHERE t.customer_id = x.customer_id) AS last_touches,
                   (SELECT GROUP_CONCAT(CONCAT_WS('|', pr.external_id, pr.summary, pr.opened_at, pr.resolved_at) ORDER BY pr.opened_at DESC)
                      FROM problem pr WHERE pr.customer_id = x.customer_id
                       AND (pr.resolved_at IS NULL OR pr.resolved_at >= '%1$s' - INTERVAL 30 DAY)) AS problems,
                   (SELECT SUBSTRING_INDEX(GROUP_CONCAT(CONCAT_WS('|', pu.purchased_on, pu.amount, pu.currency, LEFT(pu.description, 200))
                                           ORDER BY pu.purchased_on DESC, pu.id DESC SEPARATOR '\\n'), '\\n', 3)
                      FROM purchase pu WHERE pu.customer_id = x.customer_id AND pu.purchased_on >= '%1$s' - INTERVAL 180 DAY) AS purchases
              FROM (SELECT p.*, ROW_NUMBER() OVER (PARTITION BY p.holder_id
                                   ORDER BY p.rule IN ('PROBLEM_FOLLOW_UP', 'PROBLEM_CHECK_IN', 'LOW_RATING') DESC,
                                            p.priority + GREATEST(0, DATEDIFF('%1$s', p.due_on)) DESC, p.due_on, p.id) AS nth,
                           COALESCE(NULLIF(s.daily_capacity, 0),
                                    (SELECT CAST(value AS UNSIGNED) FROM planning_rule WHERE name = 'capacity.default_daily'), 20) AS capacity
                      FROM salesperson s
                      JOIN planned_touch p ON p.holder_id = s.id AND p.status = 'OPEN' AND p.due_on <= '%1$s'
                     WHERE p.channel IN ('CALL', 'VISIT')) x
              JOIN customer c ON c.id = x.customer_id
             WHERE x.nth <= x.capacity
            """.formatted(PLAN_DATE);

    /**
     * What one call list costs in MariaDB, statement by statement: the lists of {@code sample} salespeople fetched one
     * after the other with the general log on ({@link QueryTimes}), then each captured read run again alone and timed.
     * Returns one RESULT line per statement shape, the largest total first.
     */
    private static List<String> callListQueries(HttpClient http, Service service, String admin, PhysicalLimit db, int salespeople)
            throws Exception {
        int sample = Math.min(20, salespeople);
        List<String> captured = QueryTimes.capture(db, () -> {
            for (int i = 1; i <= sample; i++) {
                // spread over the whole team: the first salespeople are not special, but keep the pick reproducible
                String id = DataGenerator.salespersonId(1 + (i - 1) * (salespeople / sample));
                HttpResponse<String> list = Bench.get(http, service.baseUrl() + "/api/call-lists/" + id + "/" + PLAN_DATE, admin,
                        Duration.ofSeconds(60));
                if (list.statusCode() != 200) {
                    throw new IllegalStateException("call list of " + id + " answered " + list.statusCode());
                }
            }
            return null;
        });
        List<String> lines = new ArrayList<>();
        List<QueryTimes.Shape> shapes = QueryTimes.time(db, captured);
        int rank = 0;
        for (QueryTimes.Shape shape : shapes) {
            String line = String.format("RESULT call_list_query rank=%d per_list=%.1f timed=%d p50_ms=%.2f p90_ms=%.2f max_ms=%.2f "
                            + "total_ms_per_list=%.2f sql=%s",
                    ++rank, shape.executions() / (double) sample, shape.timed(), shape.p50Ms(), shape.p90Ms(), shape.maxMs(),
                    shape.totalMs() / sample, shape.sql().substring(0, Math.min(160, shape.sql().length())));
            System.out.println(line);
            lines.add(line);
        }
        String line = String.format("RESULT call_list_queries lists=%d statements_per_list=%.1f reads_timed_alone_ms_per_list=%.1f"
                        + " (each read run again alone from the harness after a first untimed run)",
                sample, captured.size() / (double) sample,
                shapes.stream().mapToDouble(QueryTimes.Shape::totalMs).sum() / sample);
        System.out.println(line);
        lines.add(line);
        return lines;
    }

    /** Logged calls for random customers, one after the other; the first fifth warms up. Returns the RESULT line. */
    private static String events(HttpClient http, Service service, String admin, int customers, int events) throws Exception {
        Histogram latency = new Histogram(60_000_000L, 3);
        SplittableRandom random = new SplittableRandom(Bench.SEED);
        int warmup = events / 5;
        Quiet.Monitor monitor = null;
        for (int i = 0; i < warmup + events; i++) {
            if (i == warmup) {
                monitor = new Quiet.Monitor();
            }
            String customer = DataGenerator.customerId(1 + random.nextInt(customers));
            String outcome = random.nextBoolean() ? "REACHED" : "NO_ANSWER";
            long started = System.nanoTime();
            HttpResponse<String> logged = Bench.postJson(http, service.baseUrl() + "/api/touches", admin,
                    "{\"customer\":\"" + customer + "\",\"kind\":\"CALL\",\"outcome\":\"" + outcome + "\",\"note\":\"benchmark\"}");
            long micros = (System.nanoTime() - started) / 1_000;
            if (logged.statusCode() != 201) {
                throw new IllegalStateException("POST /api/touches for " + customer + " answered " + logged.statusCode() + ": " + logged.body());
            }
            if (i >= warmup) {
                latency.recordValue(micros);
            }
        }
        String interference = monitor == null ? "" : monitor.summary();
        String line = String.format("RESULT incremental events=%d p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f max_ms=%.1f target_p99_ms=50 %s"
                        + " (POST /api/touches: the touch, then the customer planned again, before the response) %s",
                events, latency.getValueAtPercentile(50) / 1e3, latency.getValueAtPercentile(90) / 1e3,
                latency.getValueAtPercentile(99) / 1e3, latency.getMaxValue() / 1e3,
                latency.getValueAtPercentile(99) < 50_000 ? "MET" : "MISSED", interference);
        System.out.println(line);
        return line;
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + what.length())) {
            n++;
        }
        return n;
    }
}
