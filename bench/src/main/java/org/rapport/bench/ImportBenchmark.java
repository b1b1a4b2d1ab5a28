package org.rapport.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark 1: CSV import of customers through {@code POST /api/import/customers}, on a fresh embedded database, with
 * the service JVM at {@code -Xmx512m} (MariaDB is a separate process). For each size: salespeople first, then the
 * customer file streamed as the request body; rows/s of the customer request, heap from {@code jstat -gc} every
 * second and from the GC log. For sizes up to {@code --limit-max} (default 100,000) the same file is then loaded
 * into MariaDB directly ({@link PhysicalLimit}) on the same server, and the ratio is printed.
 *
 * <pre>java -cp bench/target/rapport-bench.jar org.rapport.bench.ImportBenchmark --sizes 100000,1000000
 *      [--work bench/data] [--repo .] [--port 18080] [--xmx 512m] [--limit-max 100000]</pre>
 *
 * The database of the first size stays in {@code <work>/import-<n>/data} for {@link LatencyBenchmark}.
 */
public final class ImportBenchmark {

    private static final Pattern GC_AFTER = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    private ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Bench.args(args);
        Path work = Bench.workDir(options);
        Path repo = Bench.repoRoot(options);
        int port = Integer.parseInt(options.getOrDefault("port", "18080"));
        String xmx = options.getOrDefault("xmx", "512m");
        long limitMax = Long.parseLong(options.getOrDefault("limit-max", "100000"));
        List<Integer> sizes = new ArrayList<>();
        for (String size : options.getOrDefault("sizes", "100000,1000000").split(",")) {
            sizes.add(Integer.parseInt(size.strip()));
        }
        List<String> results = new ArrayList<>();
        for (int size : sizes) {
            results.addAll(run(repo, work, port, xmx, size, size <= limitMax, options));
        }
        System.out.println();
        results.forEach(System.out::println);
    }

    static List<String> run(Path repo, Path work, int port, String xmx, int customers, boolean withLimit,
                            Map<String, String> options) throws Exception {
        List<String> results = new ArrayList<>();
        GenerateData.DataFiles files = GenerateData.of(work, customers);
        Path dir = work.resolve("import-" + customers);
        Path dataDir = dir.resolve("data");
        Bench.deleteRecursively(dir);
        Files.createDirectories(dir);
        Path gcLog = dir.resolve("gc.log");
        List<String> jvm = List.of("-Xmx" + xmx, "-Xlog:gc:file=" + gcLog);
        Map<String, String> env = Map.of("RAPPORT_DEMO", "false", "RAPPORT_ADMIN_PASSWORD", Bench.ADMIN_PASSWORD);
        String admin = Bench.basic("admin", Bench.ADMIN_PASSWORD);
        HttpClient http = Bench.http();
        try (Service service = Service.start(repo, dataDir, port, jvm, env, dir.resolve("service.log"))) {
            long ready = service.awaitHealthy(Service.START_TIMEOUT);
            Bench.log("service UP after %s; %s, %s", Bench.seconds(ready), service.payaraVersion(),
                    new PhysicalLimit(service.databasePort()).describe());

            HttpResponse<String> team = Bench.postCsv(http, service.baseUrl() + "/api/import/salespeople", admin,
                    files.salespeople(), Duration.ofMinutes(5));
            require(team, "salespeople");
            Bench.log("salespeople: %s", team.body().length() > 300 ? team.body().substring(0, 300) + "…" : team.body());

            long bytes = Files.size(files.customers());
            long started;
            long nanos;
            HttpResponse<String> answer;
            Quiet.awaitIfAsked(options);
            try (HeapSampler heap = HeapSampler.start(service.pid(), dir.resolve("heap-samples.csv"));
                 Quiet.Monitor monitor = new Quiet.Monitor()) {
                Thread.sleep(1500); // a first sample before the import
                Bench.log("importing %,d customers (%,d bytes) into a server at -Xmx%s", customers, bytes, xmx);
                long mariadbPid = service.mariadb().map(ProcessHandle::pid).orElse(-1L);
                double jvmCpu0 = Service.cpuSeconds(service.pid());
                double dbCpu0 = Service.cpuSeconds(mariadbPid);
                started = System.nanoTime();
                answer = Bench.postCsv(http, service.baseUrl() + "/api/import/customers", admin, files.customers(),
                        Duration.ofMinutes(60));
                nanos = System.nanoTime() - started;
                double jvmCpu = Service.cpuSeconds(service.pid()) - jvmCpu0;
                double dbCpu = Service.cpuSeconds(mariadbPid) - dbCpu0;
                String interference = monitor.summary();
                Thread.sleep(1500); // and one after
                require(answer, "customers");
                long created = Bench.jsonLong(answer.body(), "created");
                long updated = Bench.jsonLong(answer.body(), "updated");
                long unchanged = Bench.jsonLong(answer.body(), "unchanged");
                boolean noRejections = answer.body().replace(" ", "").contains("\"rejected\":[]");
                if (!noRejections) {
                    Files.writeString(dir.resolve("customers-answer.json"), answer.body(), StandardCharsets.UTF_8);
                }
                PhysicalLimit db = new PhysicalLimit(service.databasePort());
                long stored = db.count("customer");
                boolean oom = service.logMentions("OutOfMemoryError") || !service.process.isAlive();
                HttpResponse<String> health = Bench.get(http, service.baseUrl() + "/health", null, Duration.ofSeconds(10));
                boolean healthy = health.statusCode() == 200 && health.body().contains("UP");
                double[] gc = gcAfter(gcLog);
                String line = String.format("RESULT import customers=%d seconds=%.1f rows_per_s=%.0f target_rows_per_s=10000 "
                                + "created=%d updated=%d unchanged=%d rejections=%s stored=%d xmx=%s heap_max_used_mb=%.0f "
                                + "heap_old_at_start_mb=%.0f heap_max_old_mb=%.0f heap_max_committed_mb=%.0f heap_max_after_gc_mb=%.0f "
                                + "heap_last_after_gc_mb=%.0f young_gcs=%.0f full_gcs=%.0f jstat_samples=%d oom=%s health_after=%s "
                                + "cpu_s_service_jvm=%.1f cpu_s_mariadb=%.1f %s",
                        customers, nanos / 1e9, customers / (nanos / 1e9), created, updated, unchanged,
                        noRejections ? "none" : "SEE customers-answer.json", stored, xmx, heap.maxUsedMb(), heap.firstOldMb(),
                        heap.maxOldMb(), heap.maxCommittedMb(), gc[0], gc[1], gc[2], gc[3], heap.samples(), oom ? "YES" : "no",
                        healthy ? "UP" : "NOT-UP(" + health.statusCode() + ")", jvmCpu, dbCpu, interference);
                System.out.println(line);
                results.add(line);
            }

            if (withLimit) {
                PhysicalLimit db = new PhysicalLimit(service.databasePort());
                Quiet.awaitIfAsked(options);
                Quiet.Monitor monitor = new Quiet.Monitor();
                PhysicalLimit.Result load = db.loadData(files.customers());
                Bench.log("LOAD DATA: %,d rows in %s", load.rows(), Bench.seconds(load.nanos()));
                // twice: the first pass also warms up this JVM (JIT); the second is reported
                PhysicalLimit.Result cold = db.jdbcBatch(files.customers());
                Bench.log("JDBC batch (first pass, JIT warm-up): %,d rows in %s", cold.rows(), Bench.seconds(cold.nanos()));
                PhysicalLimit.Result batch = db.jdbcBatch(files.customers());
                Bench.log("JDBC batch: %,d rows in %s", batch.rows(), Bench.seconds(batch.nanos()));
                String interference = monitor.summary();
                db.dropScratchTables();
                if (load.rows() != customers || batch.rows() != customers) {
                    throw new IllegalStateException("the physical limit stored " + load.rows() + " / " + batch.rows()
                            + " rows of " + customers);
                }
                double importRate = customers / (nanos / 1e9);
                String line = String.format("RESULT limit customers=%d load_data_rows_per_s=%.0f (%.1f s) jdbc_batch_rows_per_s=%.0f (%.1f s) "
                                + "jdbc_batch_cold_rows_per_s=%.0f import_rows_per_s=%.0f import/load_data=%.2f import/jdbc_batch=%.2f "
                                + "import/jdbc_batch_cold=%.2f %s",
                        customers, load.rowsPerSecond(), load.nanos() / 1e9, batch.rowsPerSecond(), batch.nanos() / 1e9,
                        cold.rowsPerSecond(), importRate, importRate / load.rowsPerSecond(), importRate / batch.rowsPerSecond(),
                        importRate / cold.rowsPerSecond(), interference);
                System.out.println(line);
                results.add(line);
            }
        }
        return results;
    }

    private static void require(HttpResponse<String> response, String what) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException("import of " + what + " answered " + response.statusCode() + ": "
                    + response.body().substring(0, Math.min(2000, response.body().length())));
        }
    }

    /** From {@code -Xlog:gc}: {max heap after a young/full GC, heap after the last one, young GCs, full GCs}, in MB. */
    static double[] gcAfter(Path gcLog) throws IOException {
        double max = 0;
        double last = 0;
        int young = 0;
        int full = 0;
        if (Files.exists(gcLog)) {
            for (String line : Files.readAllLines(gcLog, StandardCharsets.UTF_8)) {
                Matcher m = GC_AFTER.matcher(line);
                // evacuation pauses only: Remark and Cleanup of a concurrent cycle free nothing themselves
                if ((line.contains("Pause Young") || line.contains("Pause Full")) && m.find()) {
                    last = Double.parseDouble(m.group(2));
                    max = Math.max(max, last);
                    if (line.contains("Pause Full")) {
                        full++;
                    } else {
                        young++;
                    }
                }
            }
        }
        return new double[] {max, last, young, full};
    }
}
