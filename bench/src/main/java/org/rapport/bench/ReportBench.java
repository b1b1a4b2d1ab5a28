package org.rapport.bench;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What the report benchmarks share: a service with nothing scheduled, the teams they seed, the timed requests. */
final class ReportBench {

    static final String MANAGER_USER = "bench-manager";
    static final String MANAGER_PASSWORD = "bench-manager-password-0123";
    static final int MANAGERS = 20;
    static final int PER_TEAM = 9;

    /** One caller of a report: a name for the RESULT line, its credentials, the query string. */
    record Variant(String name, String auth, String query) {
    }

    /** The physical limit's read: streams rows with no work, returns how many. */
    interface LimitRead {
        long rows() throws Exception;
    }

    /** The limit's runs: one cold, then five warm; the CPU of MariaDB and of this JVM of the median run. */
    record Limit(double cold, List<Double> warm, double[] cpu, String interference) {
        double median() {
            return Bench.median(warm);
        }

        String warmAll() {
            return warm.stream().map(w -> String.format("%.0f", w)).collect(Collectors.joining(",", "[", "]"));
        }
    }

    private ReportBench() {
    }

    /**
     * A service on a fresh data directory {@code work/<name>/data} at {@code -Xmx<xmx>} (options {@code port},
     * {@code xmx}), with nothing scheduled; returned once healthy.
     */
    static Service start(Map<String, String> options, String name, String defaultPort) throws Exception {
        Path dir = Bench.workDir(options).resolve(name);
        Path dataDir = dir.resolve("data");
        Bench.deleteRecursively(dataDir); // a fresh database every run
        int port = Integer.parseInt(options.getOrDefault("port", defaultPort));
        String xmx = options.getOrDefault("xmx", "512m");
        Service service = Service.start(Bench.repoRoot(options), dataDir, port,
                List.of("-Xmx" + xmx, "-Xlog:gc:file=" + dir.resolve("gc.log")), quietService(), dir.resolve("service.log"));
        Bench.log("service UP after %s", Bench.seconds(service.awaitHealthy(Service.START_TIMEOUT)));
        return service;
    }

    /** Runs the limit's read once cold, then five times warm (waiting for quiet first when asked). */
    static Limit limit(Map<String, String> options, Service service, LimitRead read) throws Exception {
        Quiet.awaitIfAsked(options);
        List<Double> warm = new ArrayList<>();
        double[] cpu = new double[2];
        try (Quiet.Monitor monitor = new Quiet.Monitor()) {
            double cold = timed(service, read, null);
            for (int i = 0; i < 5; i++) {
                warm.add(timed(service, read, i == 2 ? cpu : null));
            }
            return new Limit(cold, warm, cpu, monitor.summary());
        }
    }

    private static double timed(Service service, LimitRead read, double[] cpu) throws Exception {
        long mariadb = service.mariadb().map(ProcessHandle::pid).orElse(-1L);
        double db0 = Service.cpuSeconds(mariadb);
        double me0 = Service.cpuSeconds(ProcessHandle.current().pid());
        long started = System.nanoTime();
        long rows = read.rows();
        double ms = (System.nanoTime() - started) / 1e6;
        if (cpu != null) {
            cpu[0] = Service.cpuSeconds(mariadb) - db0;
            cpu[1] = Service.cpuSeconds(ProcessHandle.current().pid()) - me0;
        }
        Bench.log("limit: streamed %,d rows in %.0f ms", rows, ms);
        return ms;
    }

    /** The service's environment: no demo, the bench's admin password, and nothing scheduled during the measurements. */
    static Map<String, String> quietService() {
        String never = Bench.NEVER_CRON;
        return Map.ofEntries(Map.entry("RAPPORT_DEMO", "false"),
                Map.entry("RAPPORT_ADMIN_PASSWORD", Bench.ADMIN_PASSWORD),
                Map.entry("RAPPORT_PLANNING_CRON", never), Map.entry("RAPPORT_CALL_LISTS_DIGEST_CRON", never), Map.entry("RAPPORT_TIERS_CRON", never),
                Map.entry("RAPPORT_REWARDS_CRON", never), Map.entry("RAPPORT_MAIL_DISPATCH_CRON", never), Map.entry("RAPPORT_MAIL_IMAP_CRON", never),
                Map.entry("RAPPORT_REPORTS_NETWEAVING_WEEKLY_CRON", never), Map.entry("RAPPORT_INTRODUCTIONS_CRON", never),
                Map.entry("RAPPORT_INTRODUCTIONS_MATCH_CRON", never));
    }

    static String managerId(int n) {
        return String.format("M%03d", n);
    }

    static String salespersonId(int n) {
        return String.format("S%04d", n);
    }

    /** The MANAGER login {@link #MANAGER_USER} for the first team's manager. */
    static void createManagerLogin(HttpClient http, Service service, String admin) throws Exception {
        HttpResponse<String> created = Bench.postJson(http, service.baseUrl() + "/api/users", admin,
                "{\"username\":\"" + MANAGER_USER + "\",\"password\":\"" + MANAGER_PASSWORD
                        + "\",\"role\":\"MANAGER\",\"salesperson\":\"" + managerId(1) + "\"}");
        if (created.statusCode() != 201) {
            throw new IllegalStateException("creating " + MANAGER_USER + " answered " + created.statusCode() + ": " + created.body());
        }
    }

    /**
     * Managers 1 to 20, then 9 salespeople per team (ids fixed: a fresh database), and {@code customers} customers owned
     * by the salespeople in turn, open to introductions; 1,000 rows per batch and transaction.
     */
    static void seedTeams(Connection c, int customers, Timestamp created) throws Exception {
        int salespeople = MANAGERS * (PER_TEAM + 1);
        try (PreparedStatement p = c.prepareStatement("INSERT INTO salesperson (id, external_id, name, time_zone, role,"
                + " manager_id, created_at, updated_at) VALUES (?, ?, ?, 'Europe/Zurich', ?, ?, ?, ?)")) {
            for (int id = 1; id <= salespeople; id++) {
                boolean isManager = id <= MANAGERS;
                p.setLong(1, id);
                p.setString(2, isManager ? managerId(id) : salespersonId(id - MANAGERS));
                p.setString(3, (isManager ? "Manager " : "Salesperson ") + id);
                p.setString(4, isManager ? "MANAGER" : "SALES");
                if (isManager) {
                    p.setNull(5, java.sql.Types.BIGINT);
                } else {
                    p.setLong(5, 1 + (id - MANAGERS - 1) % MANAGERS);
                }
                p.setTimestamp(6, created);
                p.setTimestamp(7, created);
                p.addBatch();
            }
            p.executeBatch();
        }
        c.commit();
        try (PreparedStatement p = c.prepareStatement("INSERT INTO customer (id, external_id, company, time_zone, locale,"
                + " owner_id, intro_ok, created_at, updated_at) VALUES (?, ?, ?, 'Europe/Zurich', 'en', ?, TRUE, ?, ?)")) {
            for (int id = 1; id <= customers; id++) {
                p.setLong(1, id);
                p.setString(2, String.format("C%07d", id));
                p.setString(3, "Company " + id);
                p.setLong(4, MANAGERS + 1 + (id - 1) % (salespeople - MANAGERS));
                p.setTimestamp(5, created);
                p.setTimestamp(6, created);
                p.addBatch();
                if (id % 1000 == 0) {
                    p.executeBatch();
                    c.commit();
                }
            }
            p.executeBatch();
            c.commit();
        }
    }

    /**
     * Warm-up, then {@code runs} timed requests of {@code path} one after the other; the RESULT line
     * ({@code RESULT <result> as=<caller> <counted>_in_report=...}, {@code counted} the report's top-level total).
     */
    static String measure(HttpClient http, Service service, String path, String result, String counted, Variant variant,
                          int warmup, int runs, double limitMs) throws Exception {
        String url = service.baseUrl() + path + "?" + variant.query();
        long mariadb = service.mariadb().map(ProcessHandle::pid).orElse(-1L);
        long inReport = -1;
        long bytes = 0;
        for (int i = 0; i < warmup; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> answer = Bench.get(http, url, variant.auth(), Duration.ofMinutes(5));
            check(variant, answer);
            Bench.log("%s warm-up %d: %.0f ms, %,d %s", variant.name(), i + 1, (System.nanoTime() - t0) / 1e6,
                    NetweavingReportBenchmark.topLevel(answer.body(), counted), counted);
        }
        List<Double> millis = new ArrayList<>();
        List<Double> jvmMs = new ArrayList<>();
        List<Double> dbMs = new ArrayList<>();
        String interference;
        try (Quiet.Monitor monitor = new Quiet.Monitor()) {
            for (int i = 0; i < runs; i++) {
                double jvm0 = Service.cpuSeconds(service.pid());
                double db0 = Service.cpuSeconds(mariadb);
                long t0 = System.nanoTime();
                HttpResponse<String> answer = Bench.get(http, url, variant.auth(), Duration.ofMinutes(5));
                millis.add((System.nanoTime() - t0) / 1e6);
                jvmMs.add((Service.cpuSeconds(service.pid()) - jvm0) * 1000);
                dbMs.add((Service.cpuSeconds(mariadb) - db0) * 1000);
                check(variant, answer);
                inReport = NetweavingReportBenchmark.topLevel(answer.body(), counted);
                bytes = answer.body().length();
            }
            interference = monitor.summary();
        }
        double median = Bench.median(millis);
        double max = millis.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        return String.format("RESULT %s as=%s %s_in_report=%d response_chars=%d runs=%d median_ms=%.0f"
                        + " max_ms=%.0f all_ms=%s target_ms=1000 %s cpu_ms_per_request(median) service_jvm=%.0f mariadb=%.0f"
                        + " report/limit=%.1f %s",
                result, variant.name(), counted, inReport, bytes, runs, median, max,
                millis.stream().map(m -> String.format("%.0f", m)).collect(Collectors.joining(",", "[", "]")),
                max < 1000 ? "MET" : (median < 1000 ? "MET(median)" : "MISSED"), Bench.median(jvmMs), Bench.median(dbMs),
                median / limitMs, interference);
    }

    private static void check(Variant variant, HttpResponse<String> answer) {
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("the report as " + variant.name() + " answered " + answer.statusCode() + ": "
                    + answer.body().substring(0, Math.min(300, answer.body().length())));
        }
    }

    /** What one report of the caller sends (general log), each read's ANALYZE output, for profiling. */
    static void explain(HttpClient http, Service service, PhysicalLimit db, String path, Variant variant) throws Exception {
        List<String> captured = QueryTimes.capture(db, () -> Bench.get(http,
                service.baseUrl() + path + "?" + variant.query(), variant.auth(), Duration.ofMinutes(5)));
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (String sql : captured) {
                String upper = sql.strip().toUpperCase(java.util.Locale.ROOT);
                if (!upper.startsWith("SELECT") || upper.contains("FOR UPDATE") || upper.contains("QRTZ_")) {
                    // only the report's reads: nothing that locks, nothing of the scheduler's
                    continue;
                }
                long t0 = System.nanoTime();
                StringBuilder plan = new StringBuilder();
                try (ResultSet rs = s.executeQuery("ANALYZE FORMAT=JSON " + sql)) {
                    while (rs.next()) {
                        plan.append(rs.getString(1));
                    }
                }
                System.out.printf("EXPLAIN as=%s %.0f ms: %s%n%s%n", variant.name(), (System.nanoTime() - t0) / 1e6,
                        QueryTimes.shape(sql), plan);
            }
        }
    }
}
