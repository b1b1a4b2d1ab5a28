package org.rapport.bench;

import org.HdrHistogram.Histogram;
import org.rapport.demo.DataGenerator;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
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
    /** A Quartz cron expression that does not fire before 2099: the jobs stay out of the measurements. */
    private static final String NEVER = "0 0 0 1 1 ? 2099";

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
                "RAPPORT_MAIL_DISPATCH_CRON", NEVER);
        String admin = Bench.basic("admin", Bench.ADMIN_PASSWORD);
        HttpClient http = Bench.http();
        List<String> results = new ArrayList<>();
        List<String> jvm = List.of("-Xmx" + xmx, "-Xlog:gc:file=" + dir.resolve("gc.log"));
        try (Service service = Service.start(repo, dataDir, port, jvm, env, dir.resolve("service.log"))) {
            Bench.log("service UP after %s", Bench.seconds(service.awaitHealthy(Duration.ofMinutes(5))));
            PhysicalLimit db = new PhysicalLimit(service.databasePort());
            if (db.count("customer") < customers) {
                load(http, service, admin, files, purchases, db);
            }
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM outbox_message WHERE idempotency_key LIKE 'plan:%'");
                s.executeUpdate("TRUNCATE TABLE planned_touch"); // not DELETE: its purge would disturb what follows
            }
            Bench.log("database: %,d customers, %,d salespeople, %,d touches, %,d problems, %,d purchases",
                    db.count("customer"), db.count("salesperson"), db.count("touch"), db.count("problem"), db.count("purchase"));

            // 1. the physical limit: the median of three (the first also warms the buffer pool for everyone after it)
            long[] streams = {stream(db), stream(db), stream(db)};
            java.util.Arrays.sort(streams);
            long streamCustomers = streams[1];
            long streamAll = streamAllReads(db);
            Bench.log("MariaDB streams the plan's customer columns in %s, all four reads in %s",
                    Bench.seconds(streamCustomers), Bench.seconds(streamAll));

            // 2. the first plan and the nightly one after it
            String first;
            String nightly;
            double maxHeap;
            try (HeapSampler heap = HeapSampler.start(service.pid(), dir.resolve("heap-samples.csv"))) {
                Thread.sleep(1500);
                first = plan(http, service, admin, "first");
                nightly = plan(http, service, admin, "nightly");
                Thread.sleep(1500);
                maxHeap = heap.maxUsedMb();
            }
            long firstMillis = Bench.jsonLong(first, "wallMillis");
            long nightlyMillis = Bench.jsonLong(nightly, "wallMillis");
            String line = String.format("RESULT planning customers=%d first_plan_s=%.1f first_proposals=%d first_created=%d first_emails=%d "
                            + "nightly_plan_s=%.1f nightly_proposals=%d nightly_created=%d target_s=20 heap_max_used_mb=%.0f xmx=%s "
                            + "stream_customers_s=%.2f stream_all_reads_s=%.2f nightly/stream_customers=%.1f first/stream_customers=%.1f target_ratio=3",
                    customers, firstMillis / 1e3, Bench.jsonLong(first, "proposals"), Bench.jsonLong(first, "created"),
                    Bench.jsonLong(first, "emails_queued"), nightlyMillis / 1e3, Bench.jsonLong(nightly, "proposals"),
                    Bench.jsonLong(nightly, "created"), maxHeap, xmx, streamCustomers / 1e9,
                    streamAll / 1e9, nightlyMillis / (streamCustomers / 1e6), firstMillis / (streamCustomers / 1e6));
            System.out.println(line);
            results.add(line);

            // 3. every call list for the plan date
            results.add(callLists(http, service, admin, (int) db.count("salesperson")));

            // 4. incremental plans
            results.add(events(http, service, admin, customers, events));
        }
        System.out.println();
        results.forEach(System.out::println);
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

    /** Streams the columns the planner reads for every customer; returns the nanoseconds. */
    private static long stream(PhysicalLimit db) throws Exception {
        return timed(db, "SELECT c.id, c.tier, c.time_zone, c.region, c.owner_id, c.do_not_contact,"
                + " (c.email_ok AND c.unsubscribed_at IS NULL AND c.email_bouncing_at IS NULL AND COALESCE(c.email, '') <> ''),"
                + " c.stopped_purposes, c.last_two_way_touch_at, c.customer_since FROM customer c ORDER BY c.id");
    }

    /** The customer stream plus the problems, purchases and planned emails the plan reads, each streamed whole. */
    private static long streamAllReads(PhysicalLimit db) throws Exception {
        long nanos = stream(db);
        nanos += timed(db, "SELECT id, customer_id, opened_at, resolved_at, summary, LEFT(resolution, 1000) FROM problem"
                + " WHERE resolved_at IS NULL OR resolved_at >= TIMESTAMP '" + PLAN_DATE + " 00:00:00' - INTERVAL 39 DAY");
        nanos += timed(db, "SELECT id, customer_id, purchased_on, amount, currency, description FROM purchase"
                + " WHERE purchased_on >= DATE '" + PLAN_DATE + "' - INTERVAL 32 DAY");
        nanos += timed(db, "SELECT customer_id, COUNT(*), MAX(created_at) FROM planned_touch WHERE channel = 'EMAIL'"
                + " AND created_at >= TIMESTAMP '" + PLAN_DATE + " 00:00:00' - INTERVAL 14 DAY GROUP BY customer_id");
        return nanos;
    }

    private static long timed(PhysicalLimit db, String sql) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.setFetchSize(Integer.MIN_VALUE); // Connector/J streams row by row
            long started = System.nanoTime();
            long rows = 0;
            long sink = 0;
            try (ResultSet rs = s.executeQuery(sql)) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int i = 1; i <= columns; i++) {
                        Object value = rs.getObject(i);
                        sink += value == null ? 0 : 1;
                    }
                    rows++;
                }
            }
            long nanos = System.nanoTime() - started;
            Bench.log("streamed %,d rows (%,d values) in %s: %s", rows, sink, Bench.seconds(nanos),
                    sql.substring(0, Math.min(60, sql.length())));
            return nanos;
        }
    }

    private static String plan(HttpClient http, Service service, String admin, String label) throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> answer = Bench.postJson(http, service.baseUrl() + "/api/planning/run?date=" + PLAN_DATE, admin, "",
                Duration.ofMinutes(30));
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("the " + label + " plan answered " + answer.statusCode() + ": " + answer.body());
        }
        Bench.log("%s plan: %s in %,d ms", label, answer.body(), millis);
        return answer.body().replaceFirst("\\}\\s*$", ",\"wallMillis\":" + millis + "}");
    }

    /** Every salesperson's call list for the plan date, 4 at a time; returns the RESULT line. */
    private static String callLists(HttpClient http, Service service, String admin, int salespeople) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        AtomicInteger items = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        try {
            for (int round = 1; round <= 2; round++) { // the first round warms the JIT and the buffer pool
                items.set(0);
                long started = System.nanoTime();
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
                Bench.log("call lists, round %d: %,d lists, %,d items in %s (%d failures)", round, salespeople, items.get(),
                        Bench.seconds(nanos), failures.get());
                if (round == 2) {
                    String line = String.format("RESULT call_lists salespeople=%d items=%d seconds=%.1f target_s=10 failures=%d",
                            salespeople, items.get(), nanos / 1e9, failures.get());
                    System.out.println(line);
                    return line;
                }
            }
            throw new AssertionError();
        } finally {
            pool.shutdownNow();
        }
    }

    /** Logged calls for random customers, one after the other; the first fifth warms up. Returns the RESULT line. */
    private static String events(HttpClient http, Service service, String admin, int customers, int events) throws Exception {
        Histogram latency = new Histogram(60_000_000L, 3);
        SplittableRandom random = new SplittableRandom(Bench.SEED);
        int warmup = events / 5;
        for (int i = 0; i < warmup + events; i++) {
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
        String line = String.format("RESULT incremental events=%d p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f max_ms=%.1f target_p99_ms=50"
                        + " (POST /api/touches: the touch, then the customer planned again, before the response)",
                events, latency.getValueAtPercentile(50) / 1e3, latency.getValueAtPercentile(90) / 1e3,
                latency.getValueAtPercentile(99) / 1e3, latency.getMaxValue() / 1e3);
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
