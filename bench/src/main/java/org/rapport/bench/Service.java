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
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Rapport service started the documented way ({@code java [opts] -jar target/rapport-launcher.jar}) as a child
 * process, with the embedded MariaDB under its data directory. Stopped with SIGTERM (the launcher's shutdown hook
 * stops MariaDB), then anything of it still alive is killed by process id.
 */
final class Service implements AutoCloseable {

    private static final Pattern DB_READY = Pattern.compile("embedded MariaDB ready on 127\\.0\\.0\\.1:(\\d+) in (\\d+) ms");
    /** Payara Micro's own line, e.g. "Payara Micro 6.2025.10 (build 42) ready in 18,123 (ms)". */
    private static final Pattern PAYARA_READY = Pattern.compile("(Payara Micro \\S+).*ready in ([\\d,.]+) \\(ms\\)");
    private static final Pattern HEALTH_UP = Pattern.compile("\"status\"\\s*:\\s*\"UP\"");

    /** How long a start may take before the harness gives up: 5 minutes, more with {@code -Dbench.start-minutes=15} on a busy machine. */
    static final Duration START_TIMEOUT = Duration.ofMinutes(Long.getLong("bench.start-minutes", 5));

    final Process process;
    final long startedNanos;
    final Path log;
    final int port;
    final Path dataDir;

    private Service(Process process, long startedNanos, Path log, int port, Path dataDir) {
        this.process = process;
        this.startedNanos = startedNanos;
        this.log = log;
        this.port = port;
        this.dataDir = dataDir;
    }

    /**
     * Starts the launcher. {@code env} adds RAPPORT_* settings (RAPPORT_DATA_DIR and RAPPORT_HTTP_PORT are set
     * here); {@code jvmOptions} go before {@code -jar}.
     */
    /** Benchmark data only: the base64 of 32 fixed bytes. */
    static final String BENCH_SECRET_KEY = "YmVuY2htYXJrLW1hc3Rlci1rZXktMzItYnl0ZXMhISE=";

    static Service start(Path repo, Path dataDir, int port, List<String> jvmOptions, Map<String, String> env, Path log)
            throws IOException {
        Path launcher = repo.resolve("target/rapport-launcher.jar");
        if (!Files.isRegularFile(launcher)) {
            throw new IllegalStateException(launcher + " is missing; build the service: mvn -B -q -s .ci/settings.xml -DskipTests package");
        }
        Files.createDirectories(dataDir);
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(launcher.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dataDir.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // only the settings given here: nothing RAPPORT_* leaks in from the caller's environment
        builder.environment().keySet().removeIf(key -> key.startsWith("RAPPORT_"));
        builder.environment().put("RAPPORT_DATA_DIR", dataDir.toString());
        builder.environment().put("RAPPORT_HTTP_PORT", String.valueOf(port));
        // one master key for every instance a harness starts: several share one database (the fault harness), and a
        // key file of each one's own data directory would not open the secrets the first one sealed
        builder.environment().put("RAPPORT_SECRET_KEY", BENCH_SECRET_KEY);
        builder.environment().putAll(env);
        Files.writeString(log, "\n==== bench: " + String.join(" ", command) + "  env " + env + "\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        long started = System.nanoTime();
        Process process = builder.start();
        Bench.log("started service pid %d (data %s, port %d, log %s)", process.pid(), dataDir, port, log);
        Service service = new Service(process, started, log, port, dataDir);
        // a harness stopped with Ctrl-C or SIGTERM still stops its service (and so the service's MariaDB)
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (process.isAlive()) {
                service.close();
            }
        }, "stop-service-" + process.pid()));
        return service;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Polls GET /health every 50 ms; returns the nanoseconds from process start to the first 200 with status UP. */
    long awaitHealthy(Duration timeout) throws IOException, InterruptedException {
        HttpClient http = Bench.http();
        long deadline = startedNanos + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> health = Bench.get(http, baseUrl() + "/health", null, Duration.ofSeconds(5));
                if (health.statusCode() == 200 && HEALTH_UP.matcher(health.body()).find()) {
                    return System.nanoTime() - startedNanos;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("/health not UP within " + timeout + "; see " + log);
    }

    /** The port of the embedded MariaDB and the launcher's own time to start it, from the launcher's console line. */
    Optional<int[]> embeddedDatabase() throws IOException {
        Matcher last = null;
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            Matcher m = DB_READY.matcher(line);
            if (m.find()) {
                last = m;
            }
        }
        return last == null ? Optional.empty()
                : Optional.of(new int[] {Integer.parseInt(last.group(1)), Integer.parseInt(last.group(2))});
    }

    /** Seconds Payara Micro reports for its own start-up (the last "ready in … (ms)" line of the console), or NaN. */
    double payaraReadySeconds() throws IOException {
        return payaraReady().map(m -> Long.parseLong(m.group(2).replaceAll("[,.]", "")) / 1000.0).orElse(Double.NaN);
    }

    /** "Payara Micro 6.2025.10", from the same line. */
    String payaraVersion() throws IOException {
        return payaraReady().map(m -> m.group(1)).orElse("Payara Micro ?");
    }

    private Optional<Matcher> payaraReady() throws IOException {
        Matcher last = null;
        for (String line : Files.readAllLines(log, StandardCharsets.ISO_8859_1)) {
            Matcher m = PAYARA_READY.matcher(line);
            if (m.find()) {
                last = m;
            }
        }
        return Optional.ofNullable(last);
    }

    int databasePort() throws IOException {
        return embeddedDatabase().orElseThrow(() -> new IllegalStateException("no embedded MariaDB line in " + log))[0];
    }

    /** Whether the service's console shows an OutOfMemoryError. */
    boolean logMentions(String text) throws IOException {
        try (var lines = Files.lines(log, StandardCharsets.ISO_8859_1)) {
            return lines.anyMatch(line -> line.contains(text));
        }
    }

    /** How many lines of the service's console contain {@code text}. */
    long logCount(String text) throws IOException {
        try (var lines = Files.lines(log, StandardCharsets.ISO_8859_1)) {
            return lines.filter(line -> line.contains(text)).count();
        }
    }

    long pid() {
        return process.pid();
    }

    /**
     * Waits until the service and its database have settled: less than {@code share} of one CPU used by both over two
     * successive seconds (work the service does after a request returned, e.g. re-planning the customers of an import,
     * would otherwise be measured with what follows). Gives up after {@code timeout}.
     *
     * @return the seconds waited, or -1 when it gave up
     */
    double awaitIdle(double share, Duration timeout) throws InterruptedException {
        long started = System.nanoTime();
        long mariadb = mariadb().map(ProcessHandle::pid).orElse(-1L);
        int calm = 0;
        while (System.nanoTime() - started < timeout.toNanos()) {
            double before = cpuSeconds(pid()) + (mariadb > 0 ? cpuSeconds(mariadb) : 0);
            Thread.sleep(1000);
            double used = cpuSeconds(pid()) + (mariadb > 0 ? cpuSeconds(mariadb) : 0) - before;
            calm = used < share ? calm + 1 : 0;
            if (calm == 2) {
                return (System.nanoTime() - started) / 1e9;
            }
        }
        return -1;
    }

    /** The embedded MariaDB server process (a child of the launcher), if there is one. */
    Optional<ProcessHandle> mariadb() {
        return process.descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("mysqld") || c.endsWith("mariadbd")).orElse(false))
                .findFirst();
    }

    /** CPU seconds (user + system) a process has used so far, from /proc (Linux); NaN if unknown. */
    static double cpuSeconds(long pid) {
        return cpuSeconds(String.valueOf(pid));
    }

    /** The same for {@code /proc/<path>/stat}, e.g. {@code "1234/task/1240"} for one thread. */
    static double cpuSeconds(String path) {
        try {
            String stat = Files.readString(Path.of("/proc", path, "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields[0] is field 3 (state); utime and stime are fields 14 and 15
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) CLOCK_TICKS;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    static final long CLOCK_TICKS = clockTicks();

    private static long clockTicks() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            getconf.waitFor(5, TimeUnit.SECONDS);
            return Long.parseLong(out);
        } catch (IOException | RuntimeException | InterruptedException e) {
            return 100;
        }
    }

    /** SIGTERM, wait, then kill whatever of this service (launcher JVM, mysqld) is still alive, by pid. */
    @Override
    public void close() {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(90, TimeUnit.SECONDS)) {
                    Bench.log("service pid %d did not stop in 90 s; killing it", process.pid());
                    process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
        for (ProcessHandle child : tree) {
            if (child.isAlive()) {
                child.destroy();
                try {
                    child.onExit().get(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    child.destroyForcibly();
                }
            }
        }
        Bench.log("stopped service pid %d", process.pid());
    }
}
