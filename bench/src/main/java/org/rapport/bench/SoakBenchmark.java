package org.rapport.bench;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.rapport.launcher.EmbeddedDatabase;

import java.io.IOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 12, scenario 7: a soak. One instance (-Xmx512m) on a MariaDB of the harness's own, {@code --customers} customers
 * (default 20,000) of 10 salespeople, mail to the {@link MailSink}; the plan every 5 minutes, and the nightly tier, reward and retention jobs each every 5 minutes too, the dispatcher every
 * second. For {@code --minutes} (default 30) this process sends an open-loop mix at {@code --rate} requests/s (default
 * 50) over a few keep-alive connections as the admin: 40 % {@code GET /api/customers/{id}}, 15 % a call list, 10 % a
 * customer search by owner, 5 % the outbox of a customer (reads: 70 %); 15 % {@code POST /api/touches}, 10 %
 * {@code POST /api/purchases} (dated yesterday: thanked by the next plan), 5 %
 * {@code POST /api/problems} opened and resolved (a follow-up) (writes: 30 %).
 *
 * <p>Every 10 s it samples the service's threads and open file descriptors ({@code /proc}), the database's connected
 * clients ({@code Threads_connected}), and the GC log gives the heap after each collection. The verdict: no request
 * failed and none was left waiting; the heap flat (the lowest heap after a collection in the last fifth of the run no
 * more than 10 % of the maximum heap above that of the second fifth, the first being warm-up); threads, descriptors and
 * connections flat (the last fifth's highest no more than 10 % + 5 above the second fifth's). The customers' time zone
 * is chosen so that it is a business day inside the send window there for the whole run, or the run says why mail waits.
 *
 * <pre>java -cp bench/target/rapport-bench.jar org.rapport.bench.SoakBenchmark [--minutes 30] [--rate 50] [--customers 20000]</pre>
 */
public final class SoakBenchmark {

    private static final int SALESPEOPLE = 10;
    private static final int CONNECTIONS = 8;
    private static final Pattern GC_AFTER = Pattern.compile("Pause (?:Young|Full|Remark|Cleanup).*?(\\d+)M->(\\d+)M\\((\\d+)M\\)");
    private static final int XMX_MB = 512;

    private SoakBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Bench.args(args);
        Path work = Bench.workDir(options).resolve("soak");
        Path repo = Bench.repoRoot(options);
        int minutes = Integer.parseInt(options.getOrDefault("minutes", "30"));
        int rate = Integer.parseInt(options.getOrDefault("rate", "50"));
        int customers = Integer.parseInt(options.getOrDefault("customers", "20000"));
        Bench.deleteRecursively(work);
        Files.createDirectories(work);
        ZoneId zone = zoneForSending(Instant.now(), Duration.ofMinutes(minutes + 10));
        Bench.log("customers' time zone %s (local time now %s)", zone, ZonedDateTime.now(zone).truncatedTo(ChronoUnit.MINUTES));

        EmbeddedDatabase db = EmbeddedDatabase.start(work.resolve("db"), 0, "256M");
        try (MailSink sink = MailSink.start("1g", "one", work.resolve("mailsink.log"))) {
            int port = Bench.freePort();
            Map<String, String> env = new TreeMap<>(OutboxDriver.env(sink, port, 2, 50));
            env.put("RAPPORT_DB_URL", db.jdbcUrl());
            env.put("RAPPORT_DB_USER", "root");
            env.put("RAPPORT_DB_PASSWORD", "");
            env.put("RAPPORT_PLANNING_CRON", "0 0/5 * * * ?");
            // the nightly jobs too, under the same load: the tier recomputation once deadlocked with calls logged at 01:30
            env.put("RAPPORT_TIERS_CRON", "0 2/5 * * * ?");
            env.put("RAPPORT_REWARDS_CRON", "0 3/5 * * * ?");
            env.put("RAPPORT_RETENTION_CRON", "0 4/5 * * * ?");
            Path gcLog = work.resolve("gc.log");
            try (Service service = Service.start(repo, work.resolve("instance"), port,
                    List.of("-Xmx" + XMX_MB + "m", "-Xlog:gc:file=" + gcLog), env, work.resolve("instance.log"))) {
                service.awaitHealthy(Service.START_TIMEOUT);
                Load load = new Load(service, customers, zone);
                load.importData(work.resolve("csv"));
                Quiet.awaitIfAsked(options);
                String line = load.run(minutes, rate, db, gcLog, sink);
                System.out.println();
                System.out.println(line);
            }
        } finally {
            db.close();
        }
    }

    /**
     * An hourly zone ({@code Etc/GMT±n}) where the run falls on a weekday between 10:00 and 16:00, inside the default
     * send window; the one nearest to noon. Without one (a weekend everywhere at noon), the zone nearest to noon: the
     * emails then wait for Monday, and the run says so.
     */
    static ZoneId zoneForSending(Instant start, Duration length) {
        ZoneId best = ZoneId.of("UTC");
        double bestDistance = Double.MAX_VALUE;
        for (int offset = -12; offset <= 14; offset++) {
            ZoneId zone = ZoneId.of(offset == 0 ? "Etc/GMT" : "Etc/GMT" + (offset > 0 ? "-" : "+") + Math.abs(offset));
            ZonedDateTime from = start.atZone(zone);
            ZonedDateTime to = start.plus(length).atZone(zone);
            boolean weekday = from.getDayOfWeek().getValue() <= DayOfWeek.FRIDAY.getValue() && from.toLocalDate().equals(to.toLocalDate());
            boolean inHours = from.getHour() >= 10 && to.getHour() < 16;
            double distance = Math.abs(from.getHour() + from.getMinute() / 60.0 - 12) + (weekday && inHours ? 0 : 100);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = zone;
            }
        }
        if (bestDistance >= 100) {
            Bench.log("no time zone has a weekday between 10:00 and 16:00 for the whole run: planned emails wait for a business day");
        }
        return best;
    }


    /** The request mix, its counters and the samples. */
    private static final class Load {

        private final Service service;
        private final int customers;
        private final ZoneId zone;
        private final String admin = Bench.basic("admin", Bench.ADMIN_PASSWORD);
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(2, r -> {
                    Thread t = new Thread(r, "soak-client");
                    t.setDaemon(true);
                    return t;
                })).connectTimeout(Duration.ofSeconds(5)).build();
        private final Map<String, AtomicLong> requests = new ConcurrentHashMap<>();
        private final Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
        private final ConcurrentLinkedQueue<String> firstFailures = new ConcurrentLinkedQueue<>();
        private final Histogram latency = new ConcurrentHistogram(TimeUnit.SECONDS.toMicros(60), 3);
        private final AtomicLong sequence = new AtomicLong();

        Load(Service service, int customers, ZoneId zone) {
            this.service = service;
            this.customers = customers;
            this.zone = zone;
        }

        void importData(Path dir) throws IOException, InterruptedException {
            Files.createDirectories(dir);
            Path team = dir.resolve("salespeople.csv");
            try (Writer out = Files.newBufferedWriter(team, StandardCharsets.UTF_8)) {
                out.write("external_id,name,email,time_zone\n");
                for (int s = 1; s <= SALESPEOPLE; s++) {
                    out.write(String.format("SK%02d,Soak Seller %d,seller%02d@rapport.bench,%s%n", s, s, s, zone.getId()));
                }
            }
            Path people = dir.resolve("customers.csv");
            try (Writer out = Files.newBufferedWriter(people, StandardCharsets.UTF_8)) {
                out.write("external_id,company,preferred_name,email,time_zone,owner,locale,email_ok\n");
                for (int n = 1; n <= customers; n++) {
                    String id = customer(n);
                    out.write(String.format("%s,Soak Company %d,Sam %d,%s,%s,SK%02d,en,true%n", id, n, n, OutboxDriver.address(id),
                            zone.getId(), 1 + n % SALESPEOPLE));
                }
            }
            Bench.importAll(http, service.baseUrl(), admin, "salespeople", team);
            Bench.importAll(http, service.baseUrl(), admin, "customers", people);
            Bench.log("imported %d salespeople and %,d customers", SALESPEOPLE, customers);
            // purchases of 1,500.00 (above the rule's threshold), dated yesterday (the planner thanks from the day after a
            // purchase), and no 14 days between thank-yous nor 2 emails a week: each plan queues the thank-yous of the
            // purchases since the last, so the dispatcher sends all along
            HttpResponse<String> rules = Bench.get(http, service.baseUrl() + "/api/rules", admin, Duration.ofSeconds(30));
            String relaxed = rules.body().replaceFirst("\"min_days_between\":\\d+", "\"min_days_between\":0")
                    .replaceFirst("\"max_emails_per_7_days\":\\d+", "\"max_emails_per_7_days\":100");
            HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/rules"))
                    .header("Authorization", admin).header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                    .PUT(HttpRequest.BodyPublishers.ofString(relaxed)).build(), HttpResponse.BodyHandlers.ofString());
            if (put.statusCode() != 200) {
                throw new IllegalStateException("PUT /api/rules: " + put.statusCode() + " " + put.body());
            }
        }

        private static String customer(int n) {
            return String.format("SOAK%06d", n);
        }

        /** The next request of the mix, drawn by {@code r}: its kind (for the counters) and the request. */
        private Map.Entry<String, HttpRequest> next(SplittableRandom r) {
            String base = service.baseUrl() + "/api/";
            String customer = customer(1 + r.nextInt(customers));
            String seller = String.format("SK%02d", 1 + r.nextInt(SALESPEOPLE));
            long n = sequence.incrementAndGet();
            Instant now = Instant.now();
            int pick = r.nextInt(100);
            if (pick < 40) {
                return Map.entry("customer", get(base + "customers/" + customer));
            } else if (pick < 55) {
                return Map.entry("call-list", get(base + "call-lists/" + seller + "/" + LocalDate.now(zone)));
            } else if (pick < 65) {
                return Map.entry("search", get(base + "customers?owner=" + seller + "&limit=50"));
            } else if (pick < 70) {
                return Map.entry("outbox", get(base + "outbox?customer=" + customer));
            } else if (pick < 85) {
                return Map.entry("touch", post(base + "touches", "{\"customer\":\"" + customer
                        + "\",\"kind\":\"CALL\",\"outcome\":\"REACHED\",\"note\":\"soak call " + n + "\"}"));
            } else if (pick < 95) {
                return Map.entry("purchase", post(base + "purchases", "{\"external_id\":\"SOAK-P" + n + "\",\"customer\":\"" + customer
                        + "\",\"purchased_on\":\"" + LocalDate.now(zone).minusDays(1) + "\",\"amount\":\"1500.00\",\"currency\":\"EUR\"}"));
            }
            return Map.entry("problem", post(base + "problems", "{\"external_id\":\"SOAK-Q" + n + "\",\"customer\":\"" + customer
                    + "\",\"opened_at\":\"" + now.minus(2, ChronoUnit.HOURS) + "\",\"resolved_at\":\"" + now.minusSeconds(60)
                    + "\",\"summary\":\"Soak problem " + n + "\",\"resolution\":\"Replaced\"}"));
        }

        private HttpRequest get(String url) {
            return HttpRequest.newBuilder(URI.create(url)).header("Authorization", admin).header("Accept", "application/json")
                    .timeout(Duration.ofSeconds(30)).GET().build();
        }

        private HttpRequest post(String url, String json) {
            return HttpRequest.newBuilder(URI.create(url)).header("Authorization", admin).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(json)).build();
        }

        String run(int minutes, int rate, EmbeddedDatabase db, Path gcLog, MailSink sink) throws Exception {
            List<double[]> samples = new ArrayList<>(); // seconds, threads, fds, db connections
            Semaphore permits = new Semaphore(CONNECTIONS);
            SplittableRandom random = new SplittableRandom(Bench.SEED);
            long period = 1_000_000_000L / rate;
            long total = (long) rate * minutes * 60;
            long start = System.nanoTime() + 200_000_000L;
            // the GC log stamps JVM uptime: the load's time 0 in it
            double loadStartUptime = Duration.between(service.process.info().startInstant().orElseThrow(), Instant.now())
                    .toMillis() / 1000.0 + 0.2;
            long nextSample = start;
            long waited = 0;
            long sentBefore = sink.count()[0];
            long sentAfterFirstPlan = -1;
            Quiet.Monitor monitor = new Quiet.Monitor();
            Bench.log("soak: %d requests/s for %d min over %d connections", rate, minutes, CONNECTIONS);
            for (long i = 0; i < total; i++) {
                long intended = start + i * period;
                long wait;
                while ((wait = intended - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(Math.min(wait, 50_000_000L));
                }
                if (System.nanoTime() >= nextSample) {
                    samples.add(sample((System.nanoTime() - start) / 1e9, db));
                    if (sentAfterFirstPlan < 0 && samples.get(samples.size() - 1)[0] >= 360) {
                        sentAfterFirstPlan = sink.count()[0]; // the first plan's burst is over: what is sent from now on
                    }
                    nextSample += TimeUnit.SECONDS.toNanos(10);
                    if (samples.size() % 30 == 0) {
                        double[] s = samples.get(samples.size() - 1);
                        Bench.log("soak: %.0f s, %,d requests, %d failed, threads %.0f, fds %.0f, db connections %.0f, mail sent %,d",
                                s[0], i, failures.values().stream().mapToLong(AtomicLong::get).sum(), s[1], s[2], s[3],
                                sink.count()[0] - sentBefore);
                    }
                }
                if (!permits.tryAcquire()) {
                    waited++; // every connection busy: this request goes late, and its latency says so
                    permits.acquire();
                }
                Map.Entry<String, HttpRequest> request = next(random);
                requests.computeIfAbsent(request.getKey(), k -> new AtomicLong()).incrementAndGet();
                http.sendAsync(request.getValue(), HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
                    permits.release();
                    latency.recordValue(Math.min(TimeUnit.SECONDS.toMicros(60), Math.max(1, (System.nanoTime() - intended) / 1000)));
                    if (failure != null || response.statusCode() / 100 != 2) {
                        failures.computeIfAbsent(request.getKey(), k -> new AtomicLong()).incrementAndGet();
                        if (firstFailures.size() < 5) {
                            firstFailures.add(request.getKey() + " " + (failure != null ? failure.toString()
                                    : response.statusCode() + " " + response.body().substring(0, Math.min(300, response.body().length()))));
                        }
                    }
                });
            }
            boolean drained = permits.tryAcquire(CONNECTIONS, 60, TimeUnit.SECONDS);
            samples.add(sample((System.nanoTime() - start) / 1e9, db));
            String interference = monitor.summary();
            long mail = sink.count()[0] - sentBefore;
            long mailLater = sentAfterFirstPlan < 0 ? 0 : sink.count()[0] - sentAfterFirstPlan;
            long failed = failures.values().stream().mapToLong(AtomicLong::get).sum();
            firstFailures.forEach(f -> Bench.log("failed: %s", f));
            return verdict(minutes, rate, total, failed, drained, waited, samples, heapAfterCollections(gcLog, loadStartUptime), mail,
                    mailLater, db, interference);
        }

        private String verdict(int minutes, int rate, long total, long failed, boolean drained, long waited, List<double[]> samples,
                               List<double[]> heap, long mail, long mailLater, EmbeddedDatabase db, String interference)
                throws IOException, SQLException {
            double length = minutes * 60.0;
            double heapSecond = floor(heap, length / 5, 2 * length / 5);
            double heapLast = floor(heap, 4 * length / 5, length + 60);
            boolean heapFlat = heapLast - heapSecond <= XMX_MB * 0.10;
            double[] threads = highs(samples, 1, length);
            double[] fds = highs(samples, 2, length);
            double[] connections = highs(samples, 3, length);
            boolean flat = grewLittle(threads) && grewLittle(fds) && grewLittle(connections);
            long severe = severeLines(service.log);
            long plans = plans(db);
            long failedMail = count(db, "SELECT COUNT(*) FROM outbox_message WHERE status = 'FAILED'");
            // fail closed: a sample that could not be read (-1) or a heap never seen proves nothing; planning and
            // dispatch must have gone on through the run, not only at its start
            boolean sampled = threads[0] >= 0 && threads[1] >= 0 && fds[0] >= 0 && fds[1] >= 0 && connections[0] >= 0
                    && connections[1] >= 0 && !Double.isNaN(heapSecond) && !Double.isNaN(heapLast);
            boolean planned = plans >= minutes / 5 - 1;
            boolean met = failed == 0 && drained && heapFlat && flat && severe == 0 && sampled && planned && mailLater > 0
                    && failedMail == 0;
            return String.format(Locale.ROOT, "RESULT soak minutes=%d rate=%d requests=%d failed=%d %s all_answered=%s"
                            + " late_for_a_connection=%d p50_ms=%.1f p99_ms=%.1f max_ms=%.1f heap_after_gc_mb second_fifth_low=%.0f"
                            + " last_fifth_low=%.0f (xmx %d) collections=%d threads=%.0f->%.0f fds=%.0f->%.0f db_connections=%.0f->%.0f"
                            + " severe_log_lines=%d mail_sent=%d mail_sent_after_the_first_plan=%d outbox=%s plans=%d all_sampled=%s %s %s",
                    minutes, rate, total, failed, requests, drained, waited, latency.getValueAtPercentile(50) / 1000.0,
                    latency.getValueAtPercentile(99) / 1000.0, latency.getMaxValue() / 1000.0, heapSecond, heapLast, XMX_MB, heap.size(),
                    threads[0], threads[1], fds[0], fds[1], connections[0], connections[1], severe, mail, mailLater, outbox(db), plans,
                    sampled, interference, met ? "MET" : "MISSED");
        }

        /** {seconds since start, threads, open descriptors, database connections}. */
        private double[] sample(double seconds, EmbeddedDatabase db) {
            long pid = service.process.pid();
            double threads = procStatus(pid, "Threads:");
            String[] fds = new java.io.File("/proc/" + pid + "/fd").list();
            double connections = -1;
            try (Connection c = new PhysicalLimit(db.port()).connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SHOW GLOBAL STATUS LIKE 'Threads_connected'")) {
                if (rs.next()) {
                    connections = rs.getLong(2) - 1; // not this one
                }
            } catch (SQLException e) {
                Bench.log("could not count the database's connections: %s", e.getMessage());
            }
            return new double[] {seconds, threads, fds == null ? -1 : fds.length, connections};
        }

        private static double procStatus(long pid, String field) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                    if (line.startsWith(field)) {
                        return Double.parseDouble(line.substring(field.length()).trim());
                    }
                }
            } catch (IOException e) {
                return -1;
            }
            return -1;
        }

        /** {seconds since the load started, heap after the collection in MB}, from the GC log's uptime stamps. */
        private static List<double[]> heapAfterCollections(Path gcLog, double loadStartUptime) throws IOException {
            List<double[]> points = new ArrayList<>();
            if (!Files.exists(gcLog)) {
                return points;
            }
            Pattern uptime = Pattern.compile("^\\[([\\d.]+)s\\]");
            for (String line : Files.readAllLines(gcLog, StandardCharsets.UTF_8)) {
                Matcher m = GC_AFTER.matcher(line);
                Matcher u = uptime.matcher(line);
                if (m.find() && u.find()) {
                    points.add(new double[] {Double.parseDouble(u.group(1)) - loadStartUptime, Double.parseDouble(m.group(2))});
                }
            }
            return points;
        }

        private static double floor(List<double[]> points, double from, double to) {
            return points.stream().filter(p -> p[0] >= from && p[0] < to).mapToDouble(p -> p[1]).min().orElse(Double.NaN);
        }

        /** {highest in the second fifth, highest in the last fifth} of column {@code index}. */
        private static double[] highs(List<double[]> samples, int index, double length) {
            double second = samples.stream().filter(s -> s[0] >= length / 5 && s[0] < 2 * length / 5).mapToDouble(s -> s[index]).max().orElse(-1);
            double last = samples.stream().filter(s -> s[0] >= 4 * length / 5).mapToDouble(s -> s[index]).max().orElse(-1);
            return new double[] {second, last};
        }

        private static boolean grewLittle(double[] highs) {
            return highs[1] <= highs[0] * 1.10 + 5;
        }

        private static long severeLines(Path log) throws IOException {
            try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
                return lines.filter(l -> l.contains("SEVERE")).count();
            }
        }

        private static String outbox(EmbeddedDatabase db) throws SQLException {
            StringBuilder counts = new StringBuilder();
            try (Connection c = new PhysicalLimit(db.port()).connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT status, COUNT(*) FROM outbox_message GROUP BY status ORDER BY status")) {
                while (rs.next()) {
                    counts.append(counts.isEmpty() ? "" : ",").append(rs.getString(1)).append(':').append(rs.getLong(2));
                }
            }
            return counts.isEmpty() ? "empty" : counts.toString();
        }

        private static long plans(EmbeddedDatabase db) throws SQLException {
            return count(db, "SELECT COUNT(*) FROM planning_run WHERE finished_at IS NOT NULL");
        }

        private static long count(EmbeddedDatabase db, String query) throws SQLException {
            try (Connection c = new PhysicalLimit(db.port()).connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery(query)) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
