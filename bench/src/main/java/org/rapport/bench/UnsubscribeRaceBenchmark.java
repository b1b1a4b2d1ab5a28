package org.rapport.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark 5: an RFC 8058 one-click unsubscribe racing the dispatcher. Per run, one customer gets a backlog of
 * {@code --backlog} messages, all made due at once; once GreenMail (its own JVM, {@link MailSink}) has received
 * {@code --after} of them, the token is taken from the {@code List-Unsubscribe} header of one it received and
 * {@code POST /u/{token}} is sent with {@code List-Unsubscribe=One-Click}. Measured: how long the POST took, and how
 * many messages to that customer GreenMail received after the POST returned (target: none), comparing GreenMail's
 * receive times with the moment the answer arrived (both wall clock on this machine). Also: messages received while
 * the POST was running (allowed: sends in flight finish first) and the outbox's final counts for the customer.
 * <p>
 * {@code --smtp silent}: the service sends through a {@link SmtpRelay}. Per run, one message reaches GreenMail (for the
 * token); then the relay turns into a server that accepts connections and never answers, the backlog is made due, and
 * the POST is sent once the dispatchers have claimed batches and hang on the silent server. After the POST returns the
 * relay passes mail again, so anything that still left for the customer would be counted.
 *
 * <pre>java -cp bench/target/rapport-bench.jar org.rapport.bench.UnsubscribeRaceBenchmark [--backlog 5000] [--after 200] [--runs 5]
 *      [--threads 2] [--batch 50] [--warmup 3000] [--smtp direct|silent] [--quiet-wait 1800] [--mailboxes one|per-recipient] [--work bench/data] [--repo .] [--port 18084]</pre>
 */
public final class UnsubscribeRaceBenchmark {

    private static final Pattern TOKEN = Pattern.compile("<[^>]*/u/([A-Za-z0-9]+)>");

    private UnsubscribeRaceBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Bench.args(args);
        Path work = Bench.workDir(options).resolve("unsubscribe");
        Path repo = Bench.repoRoot(options);
        int port = Integer.parseInt(options.getOrDefault("port", "18084"));
        int backlog = Integer.parseInt(options.getOrDefault("backlog", "5000"));
        int after = Integer.parseInt(options.getOrDefault("after", "200"));
        int runs = Integer.parseInt(options.getOrDefault("runs", "5"));
        int threads = Integer.parseInt(options.getOrDefault("threads", "2"));
        int batch = Integer.parseInt(options.getOrDefault("batch", "50"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "3000"));
        boolean silent = "silent".equals(options.getOrDefault("smtp", "direct"));
        // how long to wait for other builds to end before each run; on a machine shared all day, 0 (and say the load)
        Duration quiet = Duration.ofSeconds(Long.parseLong(options.getOrDefault("quiet-wait", "1800")));
        Bench.deleteRecursively(work);
        List<String> results = new ArrayList<>();
        List<Double> postMillis = new ArrayList<>();
        long leftAfter = 0;
        try (MailSink sink = MailSink.start(options.getOrDefault("sink-xmx", "1g"), options.getOrDefault("mailboxes", "one"),
                work.resolve("mailsink.log"));
             SmtpRelay relay = new SmtpRelay(sink.smtpPort);
             Service service = Service.start(repo, work.resolve("data"), port, List.of("-Xlog:gc:file=" + work.resolve("gc.log")),
                     env(sink, relay, silent, port, threads, batch), work.resolve("service.log"))) {
            Bench.log("service UP after %s", Bench.seconds(service.awaitHealthy(Duration.ofMinutes(15))));
            OutboxDriver driver = new OutboxDriver(service);
            driver.importCustomers(work, "W", warmup);
            driver.importCustomers(work, "R", runs);
            List<String> warm = new ArrayList<>();
            for (int n = 1; n <= warmup; n++) {
                warm.add(OutboxDriver.customerId("W", n));
            }
            Quiet.await(quiet);
            DispatchBenchmark.serviceRound(driver, sink, warm, "warm-up", null);

            for (int run = 1; run <= runs; run++) {
                String customer = OutboxDriver.customerId("R", run);
                String address = OutboxDriver.address(customer);
                Quiet.await(quiet);
                sink.reset();
                sink.watch(address);
                long stoppedBefore = service.logCount(DispatchBenchmark.DRAIN_STOPPED);
                DispatchBenchmark.Cpu cpu = new DispatchBenchmark.Cpu(service, sink);
                Matcher token;
                if (silent) {
                    relay.pass();
                    driver.enqueueParked(List.of(customer));
                    driver.makeDue(OutboxDriver.nextWholeSecond(Duration.ofSeconds(1)));
                    awaitReceived(sink, address, 1, run);
                    token = TOKEN.matcher(String.valueOf(sink.listUnsubscribe(address)));
                    relay.silent();
                    driver.enqueueParked(Collections.nCopies(backlog, customer));
                    Instant due = OutboxDriver.nextWholeSecond(Duration.ofSeconds(1));
                    driver.makeDue(due);
                    OutboxDriver.sleepUntil(due);
                    cpu.mark();
                    // the dispatchers have claimed batches and hang on the silent server
                    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
                    while (driver.counts(customer).getOrDefault("SENDING", 0L) == 0) {
                        if (System.nanoTime() > deadline) {
                            throw new IllegalStateException("run " + run + ": nothing claimed within a minute");
                        }
                        Thread.sleep(10);
                    }
                    Thread.sleep(1000);
                } else {
                    driver.enqueueParked(Collections.nCopies(backlog, customer));
                    Instant due = OutboxDriver.nextWholeSecond(Duration.ofSeconds(1));
                    driver.makeDue(due);
                    OutboxDriver.sleepUntil(due);
                    cpu.mark();
                    // let the backlog get going: `after` messages delivered, so batches are in flight when the POST comes
                    awaitReceived(sink, address, after, run);
                    token = TOKEN.matcher(String.valueOf(sink.listUnsubscribe(address)));
                }
                if (!token.find()) {
                    throw new IllegalStateException("no /u/ token in List-Unsubscribe: " + sink.listUnsubscribe(address));
                }
                String sendingAtPost = String.valueOf(driver.counts(customer).getOrDefault("SENDING", 0L));
                String load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
                HttpRequest post = HttpRequest.newBuilder(URI.create(service.baseUrl() + "/u/" + token.group(1)))
                        .timeout(Duration.ofSeconds(120)).header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build();
                long receivedBefore = sink.times(address).size();
                Instant postStart = Instant.now();
                HttpResponse<String> answer = driver.http().send(post, HttpResponse.BodyHandlers.ofString());
                Instant postEnd = Instant.now();
                if (answer.statusCode() != 200) {
                    throw new IllegalStateException("POST /u/… answered " + answer.statusCode() + ": " + answer.body());
                }
                if (silent) {
                    Thread.sleep(2000);
                    relay.pass(); // a message that still left for the customer would arrive now
                }
                driver.awaitDrained(customer, Duration.ofMinutes(4));
                double foreign = cpu.used()[4];
                Thread.sleep(3000); // a straggler would arrive within this
                List<Long> times = sink.times(address);
                long start = micros(postStart);
                long end = micros(postEnd);
                long during = times.stream().filter(t -> t > start && t <= end).count();
                long afterPost = times.stream().filter(t -> t > end).count();
                long last = times.stream().mapToLong(Long::longValue).max().orElse(0);
                Map<String, Long> counts = driver.counts(customer);
                long sent = counts.getOrDefault("SENT", 0L);
                double millis = ChronoUnit.MICROS.between(postStart, postEnd) / 1000.0;
                postMillis.add(millis);
                leftAfter += afterPost;
                long stopped = service.logCount(DispatchBenchmark.DRAIN_STOPPED) - stoppedBefore;
                // received but not SENT in the outbox: a delivery whose transaction rolled back after the SMTP send
                String line = String.format("RESULT unsubscribe-run smtp=%s load1=%s sending_at_post=%s run=%d backlog=%d threads=%d batch=%d post_ms=%.1f "
                                + "delivered_before_post=%d delivered_during_post=%d delivered_after_post_returned=%d target=0 %s "
                                + "last_delivery_minus_post_return_ms=%.1f received_total=%d outbox=%s "
                                + "received_but_not_recorded_sent=%d drains_stopped_by_exception=%d post=%s..%s foreign_cpu_s=%.1f",
                        silent ? "silent" : "direct", load, sendingAtPost, run, backlog, threads, batch, millis, receivedBefore, during, afterPost, afterPost == 0 ? "MET" : "MISSED",
                        (last - end) / 1000.0, times.size(), counts, times.size() - sent, stopped, postStart, postEnd, foreign);
                System.out.println(line);
                results.add(line);
            }
        }
        double max = postMillis.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        String summary = String.format("RESULT unsubscribe smtp=%s runs=%d backlog=%d threads=%d batch=%d post_ms_median=%.1f "
                        + "max=%.1f (p99 target 300: %s) delivered_after_post_returned_total=%d target=0 %s",
                silent ? "silent" : "direct", runs, backlog, threads, batch, Bench.median(postMillis), max,
                max < 300 ? "MET" : "MISSED", leftAfter, leftAfter == 0 ? "MET" : "MISSED");
        System.out.println();
        results.forEach(System.out::println);
        System.out.println(summary);
    }

    private static Map<String, String> env(MailSink sink, SmtpRelay relay, boolean silent, int port, int threads, int batch) {
        Map<String, String> env = OutboxDriver.env(sink, port, threads, batch);
        if (silent) {
            env.put("RAPPORT_SMTP_PORT", String.valueOf(relay.port()));
        }
        return env;
    }

    private static void awaitReceived(MailSink sink, String address, int count, int run) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (sink.times(address).size() < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("run " + run + ": fewer than " + count + " messages arrived in 2 minutes");
            }
            Thread.sleep(10);
        }
    }

    private static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }
}
