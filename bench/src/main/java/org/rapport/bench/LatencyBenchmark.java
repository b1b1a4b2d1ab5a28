package org.rapport.bench;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Benchmark 3: {@code GET /api/customers/{id}} at a fixed open-loop rate from this (second) process, over a few
 * keep-alive HTTP/1.1 connections with HTTP Basic. Request i is due at {@code start + i / rate}; its latency runs from
 * that intended time to the end of the response, so a stalled server is charged for every request it delays
 * (no coordinated omission). Warm-up requests are sent the same way and not recorded.
 *
 * <p>The service is started on the database left by {@link ImportBenchmark} ({@code <work>/import-<n>/data}). Before
 * measuring, the problems file is imported through the API and the touches of the generated history are loaded into
 * the touch table directly (there is no touch import; the demo stores touches in bulk too), so that the customer
 * detail's "recent touches" and "open problems" are not empty. A SALES user for S0002 is created; "sales" requests
 * ids that user may see (GET /api/customers?limit=1000), "admin" requests random ids of all customers. The default
 * {@code --as sales,admin,sales} measures the just-started service first and, last, the same again once warm
 * ("sales-run2"), then {@code GET /health} (no authentication) from the same client at the same rate ("health"): the
 * issue's bound is the API's warm p99 at most 2× the p99 of {@code /health} in the same run, printed as a last RESULT line.
 * Each run also writes its histogram ({@code .hgrm}) and a per-second timeline (CSV).
 *
 * <pre>java -cp bench/target/rapport-bench.jar org.rapport.bench.LatencyBenchmark [--customers 100000] [--as sales,admin,sales,health]
 *      [--rate 200] [--warmup 10] [--duration 60] [--connections 4] [--work bench/data] [--repo .] [--port 18082]</pre>
 */
public final class LatencyBenchmark {

    static final String SALES_USER = "bench-sales";
    static final String SALES_PASSWORD = "bench-sales-password-0123";
    private static final long HIGHEST_MICROS = TimeUnit.SECONDS.toMicros(60);

    private LatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Bench.args(args);
        Path work = Bench.workDir(options);
        Path repo = Bench.repoRoot(options);
        int customers = Integer.parseInt(options.getOrDefault("customers", "100000"));
        int port = Integer.parseInt(options.getOrDefault("port", "18082"));
        int rate = Integer.parseInt(options.getOrDefault("rate", "200"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "10"));
        int duration = Integer.parseInt(options.getOrDefault("duration", "60"));
        int connections = Integer.parseInt(options.getOrDefault("connections", "4"));
        String[] users = options.getOrDefault("as", "sales,admin,sales,health").split(",");

        Path dir = work.resolve("import-" + customers);
        Path dataDir = dir.resolve("data");
        if (!Files.isDirectory(dataDir.resolve("mariadb/data/rapport"))) {
            throw new IllegalStateException(dataDir + " holds no database; run ImportBenchmark --sizes " + customers + " first");
        }
        GenerateData.DataFiles files = GenerateData.of(work, customers);
        GenerateData.writeHistory(files, customers);
        Map<String, String> env = new java.util.TreeMap<>(Map.of("RAPPORT_DEMO", "false", "RAPPORT_ADMIN_PASSWORD", Bench.ADMIN_PASSWORD));
        // --jobs off: no plan at start and no scheduled job during the run, to tell the service's own start-up work
        // (the plan at start, tiers, digests) apart from the request path's
        boolean jobs = !"off".equals(options.getOrDefault("jobs", "on"));
        if (!jobs) {
            for (String cron : List.of("RAPPORT_PLANNING_CRON", "RAPPORT_TIERS_CRON", "RAPPORT_CALL_LISTS_DIGEST_CRON",
                    "RAPPORT_REWARDS_CRON", "RAPPORT_INTRODUCTIONS_CRON")) {
                env.put(cron, Bench.NEVER_CRON);
            }
        }
        Bench.log("scheduled jobs %s", jobs ? "on (the defaults: the plan at start runs)" : "off");
        String admin = Bench.basic("admin", Bench.ADMIN_PASSWORD);
        HttpClient http = Bench.http();
        List<String> results = new ArrayList<>();
        Map<String, Double> p99 = new java.util.LinkedHashMap<>();
        List<String> jvm = List.of("-Xlog:gc:file=" + dir.resolve("gc-latency.log"));
        try (Service service = Service.start(repo, dataDir, port, jvm, env, dir.resolve("service-latency.log"))) {
            Bench.log("service UP after %s", Bench.seconds(service.awaitHealthy(Service.START_TIMEOUT)));
            PhysicalLimit db = new PhysicalLimit(service.databasePort());
            long stored = db.count("customer");
            if (stored < customers) {
                throw new IllegalStateException("the database holds " + stored + " customers, expected " + customers);
            }
            seedHistory(http, service, admin, files, db);
            // the problems import re-plans each of their customers after its commit, in the background: let it finish
            double idle = service.awaitIdle(0.1, Duration.ofMinutes(10));
            Bench.log(idle < 0 ? "service still busy after the seeding, 10 min later: measuring anyway"
                    : String.format("service idle %.1f s after the seeding (background re-planning done)", idle));

            HttpResponse<String> created = Bench.postJson(http, service.baseUrl() + "/api/users", admin,
                    "{\"username\":\"" + SALES_USER + "\",\"password\":\"" + SALES_PASSWORD
                            + "\",\"role\":\"SALES\",\"salesperson\":\"S0002\"}");
            if (created.statusCode() != 201 && created.statusCode() != 409) {
                throw new IllegalStateException("creating " + SALES_USER + " answered " + created.statusCode() + ": " + created.body());
            }
            String sales = Bench.basic(SALES_USER, SALES_PASSWORD);

            Map<String, Integer> seen = new java.util.HashMap<>();
            for (String as : users) {
                int occurrence = seen.merge(as.strip(), 1, Integer::sum);
                String label = occurrence == 1 ? as.strip() : as.strip() + "-run" + occurrence;
                List<String> ids;
                String auth;
                if (as.strip().equals("health")) {
                    auth = null;
                    ids = List.of();
                } else if (as.strip().equals("sales")) {
                    auth = sales;
                    HttpResponse<String> visible = Bench.get(http, service.baseUrl() + "/api/customers?limit=1000", auth,
                            Duration.ofSeconds(30));
                    ids = Bench.jsonStrings(visible.body(), "externalId");
                    if (ids.isEmpty()) {
                        ids = Bench.jsonStrings(visible.body(), "external_id");
                    }
                    if (visible.statusCode() != 200 || ids.isEmpty()) {
                        throw new IllegalStateException("GET /api/customers as " + SALES_USER + ": " + visible.statusCode()
                                + " " + visible.body().substring(0, Math.min(500, visible.body().length())));
                    }
                } else {
                    auth = admin;
                    SplittableRandom r = new SplittableRandom(Bench.SEED);
                    ids = new ArrayList<>();
                    for (int i = 0; i < 10_000; i++) {
                        ids.add(org.rapport.demo.DataGenerator.customerId(1 + r.nextInt(customers)));
                    }
                }
                Bench.log("%s: %,d distinct customer ids to request", as, ids.stream().distinct().count());
                Quiet.awaitIfAsked(options);
                Measured measured = run(service, auth, label, ids, rate, warmup, duration, connections,
                        dir.resolve("latency-" + label + ".hgrm"), dir.resolve("gc-latency.log"));
                results.add(measured.line());
                p99.put(label, measured.errors() == 0 ? measured.p99Ms() : Double.NaN); // an error is no latency to compare
            }
        }
        System.out.println();
        results.forEach(System.out::println);
        healthComparison(p99).ifPresent(System.out::println);
    }

    /** The API's last (warmest) run against {@code /health}'s, both from this run: the bound is 2×. */
    static java.util.Optional<String> healthComparison(Map<String, Double> p99) {
        Double health = p99.get("health");
        List<String> api = p99.keySet().stream().filter(label -> !label.startsWith("health")).toList();
        if (health == null || api.isEmpty()) {
            return java.util.Optional.empty();
        }
        String last = api.get(api.size() - 1);
        double ratio = p99.get(last) / health;
        return java.util.Optional.of(String.format(java.util.Locale.ROOT,
                "RESULT latency-vs-health api=%s api_p99_ms=%.2f health_p99_ms=%.2f ratio=%.2f target_ratio=2 %s",
                last, p99.get(last), health, ratio, ratio <= 2 ? "MET" : "MISSED")); // NaN (errors in a run) is MISSED
    }

    /** A run's RESULT line and its p99 from the intended send time. */
    record Measured(String line, double p99Ms, long errors) {
    }

    /** Problems through the import API (idempotent); touches straight into the table when it is empty. */
    static void seedHistory(HttpClient http, Service service, String admin, GenerateData.DataFiles files,
                                    PhysicalLimit db) throws Exception {
        HttpResponse<String> problems = Bench.postCsv(http, service.baseUrl() + "/api/import/problems", admin,
                files.problems(), Duration.ofMinutes(10));
        Bench.log("problems import: %d %s", problems.statusCode(),
                problems.body().substring(0, Math.min(200, problems.body().length())));
        if (db.count("touch") > 0) {
            return;
        }
        long started = System.nanoTime();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_touch_stage");
            s.execute("CREATE TABLE bench_touch_stage (customer VARCHAR(64), salesperson VARCHAR(64), kind VARCHAR(16),"
                    + " outcome VARCHAR(16), occurred_at VARCHAR(30), note TEXT)"
                    + " ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci");
            s.executeUpdate("LOAD DATA LOCAL INFILE '" + files.touches().toAbsolutePath() + "'"
                    + " INTO TABLE bench_touch_stage CHARACTER SET utf8mb4"
                    + " FIELDS TERMINATED BY ',' OPTIONALLY ENCLOSED BY '\"' ESCAPED BY ''"
                    + " LINES TERMINATED BY '\\n' IGNORE 1 LINES");
            long rows = s.executeUpdate("INSERT INTO touch (customer_id, salesperson_id, kind, outcome, two_way, occurred_at,"
                    + " note, created_by, created_at)"
                    + " SELECT c.id, sp.id, t.kind, t.outcome, t.outcome IN ('REACHED', 'REPLIED'),"
                    + "  STR_TO_DATE(t.occurred_at, '%Y-%m-%dT%H:%i:%sZ'), NULLIF(t.note, ''), 'bench', UTC_TIMESTAMP(3)"
                    + " FROM bench_touch_stage t JOIN customer c ON c.external_id = t.customer"
                    + " LEFT JOIN salesperson sp ON sp.external_id = t.salesperson");
            s.execute("DROP TABLE bench_touch_stage");
            Bench.log("touches loaded into the touch table: %,d rows in %s", rows, Bench.seconds(System.nanoTime() - started));
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM problem")) {
                rs.next();
                Bench.log("problems in the database: %,d", rs.getLong(1));
            }
        }
    }

    /** The open-loop run of {@code GET /api/customers/{id}} over {@code ids}, or of {@code GET /health} when {@code auth} is null. */
    static Measured run(Service target, String auth, String label, List<String> ids, int rate, int warmupSeconds,
                      int durationSeconds, int connections, Path histogramFile, Path gcLog) throws Exception {
        String baseUrl = target.baseUrl();
        long mariadbPid = target.mariadb().map(ProcessHandle::pid).orElse(-1L);
        double[] cpuAtMeasureStart = new double[3];
        PhysicalLimit db = new PhysicalLimit(target.databasePort());
        long[] questionsAtMeasureStart = new long[1];
        long[] gcLinesAtMeasureStart = new long[1];
        Quiet.Monitor[] monitor = new Quiet.Monitor[1];
        ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "http-client");
            t.setDaemon(true);
            return t;
        });
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor)
                .connectTimeout(Duration.ofSeconds(5)).build();
        Histogram measured = new ConcurrentHistogram(HIGHEST_MICROS, 3);
        Histogram service = new ConcurrentHistogram(HIGHEST_MICROS, 3);
        Histogram warm = new ConcurrentHistogram(HIGHEST_MICROS, 3);
        // one histogram per second of intended send time, warm-up included: shows whether a backlog drains
        Histogram[] perSecond = new Histogram[warmupSeconds + durationSeconds];
        for (int k = 0; k < perSecond.length; k++) {
            perSecond[k] = new ConcurrentHistogram(HIGHEST_MICROS, 2);
        }
        AtomicLong errors = new AtomicLong();
        AtomicLong lastError = new AtomicLong();
        Semaphore permits = new Semaphore(connections);
        SplittableRandom random = new SplittableRandom(42);
        List<HttpRequest> requests = new ArrayList<>();
        for (int i = 0; i < 4096; i++) {
            HttpRequest.Builder request = auth == null ? HttpRequest.newBuilder(URI.create(baseUrl + "/health"))
                    : HttpRequest.newBuilder(URI.create(baseUrl + "/api/customers/" + ids.get(random.nextInt(ids.size()))))
                            .header("Authorization", auth);
            requests.add(request.header("Accept", "application/json").timeout(Duration.ofSeconds(10)).GET().build());
        }

        long period = 1_000_000_000L / rate;
        long total = (long) rate * (warmupSeconds + durationSeconds);
        long warmupCount = (long) rate * warmupSeconds;
        Bench.log("%s: %d requests/s for %d s warm-up + %d s measured over %d connections", label, rate, warmupSeconds,
                durationSeconds, connections);
        long start = System.nanoTime() + 200_000_000L;
        long deadline = start + TimeUnit.SECONDS.toNanos(warmupSeconds + durationSeconds + 60);
        long late = 0;
        for (long i = 0; i < total; i++) {
            long intended = start + i * period;
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            if (!permits.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                throw new IllegalStateException("no connection became free before the deadline; the service hangs");
            }
            long sent = System.nanoTime();
            if (sent - intended > period) {
                late++;
            }
            if (i == warmupCount) {
                cpuAtMeasureStart[0] = Service.cpuSeconds(target.pid());
                cpuAtMeasureStart[1] = Service.cpuSeconds(mariadbPid);
                cpuAtMeasureStart[2] = Service.cpuSeconds(ProcessHandle.current().pid());
                questionsAtMeasureStart[0] = db.questions();
                gcLinesAtMeasureStart[0] = lines(gcLog);
                monitor[0] = new Quiet.Monitor();
            }
            boolean record = i >= warmupCount;
            Histogram second = perSecond[(int) Math.min(perSecond.length - 1, i / rate)];
            http.sendAsync(requests.get((int) (i % requests.size())), HttpResponse.BodyHandlers.ofByteArray())
                    .whenComplete((response, failure) -> {
                        long done = System.nanoTime();
                        permits.release();
                        if (failure != null || response.statusCode() != 200) {
                            errors.incrementAndGet();
                            lastError.set(failure != null ? -1 : response.statusCode());
                        }
                        long micros = Math.min(HIGHEST_MICROS, Math.max(1, (done - intended) / 1000));
                        second.recordValue(micros);
                        if (record) {
                            measured.recordValue(micros);
                            service.recordValue(Math.min(HIGHEST_MICROS, Math.max(1, (done - sent) / 1000)));
                        } else {
                            warm.recordValue(micros);
                        }
                    });
        }
        long dispatchEnd = System.nanoTime();
        if (!permits.tryAcquire(connections, 30, TimeUnit.SECONDS)) {
            Bench.log("some requests were still open 30 s after the last one was sent");
        }
        double achieved = (total - warmupCount) / ((dispatchEnd - (start + warmupCount * period)) / 1e9);
        long measuredRequests = total - warmupCount;
        double jvmCpuMs = (Service.cpuSeconds(target.pid()) - cpuAtMeasureStart[0]) * 1000 / measuredRequests;
        double dbCpuMs = (Service.cpuSeconds(mariadbPid) - cpuAtMeasureStart[1]) * 1000 / measuredRequests;
        double clientCpuMs = (Service.cpuSeconds(ProcessHandle.current().pid()) - cpuAtMeasureStart[2]) * 1000 / measuredRequests;
        double statements = (db.questions() - questionsAtMeasureStart[0]) / (double) measuredRequests;
        String interference = monitor[0].summary();
        double[] gc = youngGcs(gcLog, gcLinesAtMeasureStart[0]);
        executor.shutdownNow();

        try (PrintStream out = new PrintStream(Files.newOutputStream(histogramFile), true, StandardCharsets.UTF_8)) {
            measured.outputPercentileDistribution(out, 1000.0);
        }
        Path timeline = histogramFile.resolveSibling(histogramFile.getFileName().toString().replace(".hgrm", "-timeline.csv"));
        try (PrintStream out = new PrintStream(Files.newOutputStream(timeline), true, StandardCharsets.UTF_8)) {
            out.println("second,phase,requests,p50_ms,p99_ms,max_ms");
            for (int k = 0; k < perSecond.length; k++) {
                Histogram h = perSecond[k];
                out.printf(java.util.Locale.ROOT, "%d,%s,%d,%.2f,%.2f,%.2f%n", k + 1, k < warmupSeconds ? "warmup" : "measured",
                        h.getTotalCount(), ms(h, 50), ms(h, 99), h.getMaxValue() / 1000.0);
            }
        }
        String line = String.format("RESULT latency as=%s rate=%d achieved_rate=%.1f duration_s=%d connections=%d requests=%d "
                        + "errors=%d%s p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f p99.9_ms=%.2f max_ms=%.2f target_p99_ms=20 %s "
                        + "over_20ms=%.1f%% (service-time p50_ms=%.2f p99_ms=%.2f max_ms=%.2f; warm-up p99_ms=%.2f; late_sends=%d; "
                        + "cpu_ms_per_request service_jvm=%.2f mariadb=%.2f load_generator=%.2f; sql_statements_per_request=%.1f; "
                        + "gc young_pauses=%.0f pause_p50_ms=%.1f pause_max_ms=%.1f freed_kb_per_request=%.0f) %s",
                label, rate, achieved, durationSeconds, connections, measured.getTotalCount(), errors.get(),
                errors.get() > 0 ? " last_error=" + lastError.get() : "",
                ms(measured, 50), ms(measured, 90), ms(measured, 99), ms(measured, 99.9), measured.getMaxValue() / 1000.0,
                auth == null ? "n/a" : ms(measured, 99) < 20 && errors.get() == 0 ? "MET" : "MISSED",
                100.0 * (measured.getTotalCount() - measured.getCountBetweenValues(0, 20_000)) / Math.max(1, measured.getTotalCount()),
                ms(service, 50), ms(service, 99), service.getMaxValue() / 1000.0, ms(warm, 99), late, jvmCpuMs, dbCpuMs,
                clientCpuMs, statements, gc[0], gc[1], gc[2], gc[3] * 1024 / measuredRequests, interference);
        System.out.println(line);
        return new Measured(line, ms(measured, 99), errors.get());
    }

    private static final java.util.regex.Pattern GC_PAUSE = java.util.regex.Pattern.compile("(\\d+)M->(\\d+)M\\(\\d+M\\) ([\\d.]+)ms");

    private static long lines(Path file) throws java.io.IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        try (var all = Files.lines(file, StandardCharsets.UTF_8)) {
            return all.count();
        }
    }

    /**
     * The young collections {@code -Xlog:gc} logged after its first {@code skip} lines: {count, pause p50 ms, pause max
     * ms, MB freed}. What they free is close to what the service allocated meanwhile.
     */
    private static double[] youngGcs(Path gcLog, long skip) throws java.io.IOException {
        List<Double> pauses = new ArrayList<>();
        double freedMb = 0;
        if (Files.exists(gcLog)) {
            try (var all = Files.lines(gcLog, StandardCharsets.UTF_8)) {
                for (String line : all.skip(skip).toList()) {
                    java.util.regex.Matcher m = GC_PAUSE.matcher(line);
                    if (line.contains("Pause Young") && m.find()) {
                        pauses.add(Double.parseDouble(m.group(3)));
                        freedMb += Double.parseDouble(m.group(1)) - Double.parseDouble(m.group(2));
                    }
                }
            }
        }
        return new double[] {pauses.size(), pauses.isEmpty() ? 0 : Bench.median(pauses),
                pauses.stream().mapToDouble(Double::doubleValue).max().orElse(0), freedMb};
    }

    private static double ms(Histogram h, double percentile) {
        return h.getValueAtPercentile(percentile) / 1000.0;
    }
}
