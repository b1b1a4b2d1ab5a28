package org.rapport.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Benchmark 2: wall time from starting {@code java -jar target/rapport-launcher.jar} (embedded MariaDB, demo mode, the
 * defaults) to the first {@code GET /health} answering 200 with status UP. Each run: a first start on a fresh data
 * directory (MariaDB install, schema migrations, demo data), stop, then a restart on the same directory. Repeated
 * {@code --runs} times; medians printed.
 *
 * <pre>java -cp bench/target/rapport-bench.jar org.rapport.bench.StartupBenchmark [--runs 3] [--work bench/data]
 *      [--repo .] [--port 18081]</pre>
 */
public final class StartupBenchmark {

    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Bench.args(args);
        Path work = Bench.workDir(options);
        Path repo = Bench.repoRoot(options);
        int port = Integer.parseInt(options.getOrDefault("port", "18081"));
        int runs = Integer.parseInt(options.getOrDefault("runs", "3"));
        List<Double> fresh = new ArrayList<>();
        List<Double> restart = new ArrayList<>();
        List<Double> freshDb = new ArrayList<>();
        List<Double> restartDb = new ArrayList<>();
        int disturbed = 0;
        for (int run = 1; run <= runs; run++) {
            Path dir = work.resolve("startup-" + run);
            Bench.deleteRecursively(dir);
            Path dataDir = dir.resolve("data");
            for (boolean first : new boolean[] {true, false}) {
                String kind = first ? "fresh" : "restart";
                Quiet.awaitIfAsked(options);
                try (Quiet.Monitor monitor = new Quiet.Monitor();
                     Service service = Service.start(repo, dataDir, port, List.of(), Map.of(),
                        dir.resolve("service-" + kind + ".log"))) {
                    long nanos = service.awaitHealthy(Service.START_TIMEOUT);
                    // CPU the service JVM and its MariaDB used to get there: steadier than wall time on a busy machine
                    double jvmCpu = Service.cpuSeconds(service.pid());
                    double dbCpu = service.mariadb().map(p -> Service.cpuSeconds(p.pid())).orElse(Double.NaN);
                    String interference = monitor.summary();
                    disturbed += monitor.disturbed() ? 1 : 0;
                    double seconds = nanos / 1e9;
                    double db = service.embeddedDatabase().map(d -> d[1] / 1000.0).orElse(Double.NaN);
                    (first ? fresh : restart).add(seconds);
                    (first ? freshDb : restartDb).add(db);
                    System.out.printf("RESULT startup run=%d kind=%s seconds_to_health_up=%.2f embedded_db_seconds=%.2f "
                                    + "payara_ready_in_s=%.2f cpu_s service_jvm=%.1f mariadb=%.1f %s%n", run, kind, seconds, db,
                            service.payaraReadySeconds(), jvmCpu, dbCpu, interference);
                }
            }
        }
        System.out.println();
        String quiet = disturbed == 0 ? "QUIET" : "DISTURBED(" + disturbed + " of " + 2 * runs + " starts)";
        System.out.printf("RESULT startup fresh_median_s=%.2f all=%s embedded_db_median_s=%.2f target_s=30 %s %s%n",
                Bench.median(fresh), list(fresh), Bench.median(freshDb), Bench.median(fresh) < 30 ? "MET" : "MISSED", quiet);
        System.out.printf("RESULT startup restart_median_s=%.2f all=%s embedded_db_median_s=%.2f target_s=30 %s %s%n",
                Bench.median(restart), list(restart), Bench.median(restartDb), Bench.median(restart) < 30 ? "MET" : "MISSED", quiet);
    }

    private static String list(List<Double> seconds) {
        return seconds.stream().map(s -> String.format("%.2f", s)).collect(java.util.stream.Collectors.joining(",", "[", "]"));
    }
}
