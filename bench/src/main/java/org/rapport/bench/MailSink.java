package org.rapport.bench;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;

/**
 * GreenMail SMTP in a JVM of its own, so that the mail server does not share a heap, a JIT or GC pauses with the sender
 * being measured (it shares the 2 CPUs, like a real local relay would). Every message is parsed and stored as GreenMail
 * always does, but by default all into one mailbox ({@code --mailboxes one}): GreenMail's own default, a user and an
 * INBOX per recipient ({@code --mailboxes per-recipient}), finds a recipient's folder by a linear scan over all
 * folders, so with 20,000 distinct recipients the server's cost per message grows with the run and takes CPU from the
 * sender on a 2-core machine. A {@link MessageDeliveryHandler} adds what the benchmarks need: a delivery counter, the
 * wall-clock time of every delivery (taken when the message's DATA has arrived, just before GreenMail answers 250)
 * and, for watched addresses, each receive time and the {@code List-Unsubscribe} header. A small HTTP port on loopback
 * answers for it:
 *
 * <pre>
 * GET  /count                      "count firstMicros lastMicros" since the last reset (epoch microseconds)
 * GET  /timeline                   "epochSecond deliveries" per second
 * POST /reset                      forget counters, watched addresses, users and their messages
 * POST /watch?to=ADDRESS           record receive times and List-Unsubscribe of mail to ADDRESS
 * GET  /times?to=ADDRESS           one epoch-microsecond receive time per line
 * GET  /header?to=ADDRESS          List-Unsubscribe of the first message to ADDRESS (404 when none yet)
 * GET  /sample                     the first message received since the reset, as MIME
 * GET  /repeated                   distinct Message-IDs received, then "messageId count" for each received more than once
 * </pre>
 *
 * Server: {@code java -cp bench/target/rapport-bench.jar org.rapport.bench.MailSink --smtp-port P --status-port Q
 * [--mailboxes one|per-recipient]}.
 * The benchmarks start it with {@link #start} and talk to it through the instance methods.
 */
public final class MailSink implements AutoCloseable {

    // ---- server side (the GreenMail JVM) ----

    private static final AtomicLong COUNT = new AtomicLong();
    private static final LongAccumulator FIRST = new LongAccumulator(Math::min, Long.MAX_VALUE);
    private static final LongAccumulator LAST = new LongAccumulator(Math::max, 0);
    private static final Map<Long, AtomicLong> PER_SECOND = new ConcurrentHashMap<>();
    private static final Map<String, Queue<Long>> WATCHED = new ConcurrentHashMap<>();
    private static final Map<String, String> HEADERS = new ConcurrentHashMap<>();
    private static volatile byte[] sample;
    /** Deliveries per Message-ID: the fault benchmark's duplicates are the ids delivered more than once. */
    private static final Map<String, AtomicLong> BY_MESSAGE_ID = new ConcurrentHashMap<>();
    private static final String SINK = "sink@mailsink.bench.test";

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Bench.args(args);
        int smtpPort = Integer.parseInt(options.get("smtp-port"));
        int statusPort = Integer.parseInt(options.get("status-port"));
        boolean oneMailbox = !"per-recipient".equals(options.getOrDefault("mailboxes", "one"));
        GreenMail greenMail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        UserManager users = greenMail.getUserManager();
        MessageDeliveryHandler standard = users.getMessageDeliveryHandler();
        GreenMailUser[] sink = {users.createUser(SINK, SINK, SINK)};
        users.setMessageDeliveryHandler((message, address) -> {
            long micros = nowMicros();
            COUNT.incrementAndGet();
            FIRST.accumulate(micros);
            LAST.accumulate(micros);
            PER_SECOND.computeIfAbsent(micros / 1_000_000, s -> new AtomicLong()).incrementAndGet();
            String messageId = message.getMessage().getMessageID();
            if (messageId != null) {
                BY_MESSAGE_ID.computeIfAbsent(messageId, k -> new AtomicLong()).incrementAndGet();
            }
            String to = address.getEmail().toLowerCase(Locale.ROOT);
            Queue<Long> times = WATCHED.get(to);
            if (times != null) {
                times.add(micros);
                String header = message.getMessage().getHeader("List-Unsubscribe", null);
                if (header != null) {
                    HEADERS.putIfAbsent(to, header);
                }
            }
            if (sample == null) {
                keepSample(message.getMessage());
            }
            return oneMailbox ? sink[0] : standard.handle(message, address);
        });

        HttpServer status = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), statusPort), 16);
        status.createContext("/count", x -> answer(x, 200, COUNT.get() + " " + (COUNT.get() == 0 ? 0 : FIRST.get()) + " " + LAST.get()));
        status.createContext("/timeline", x -> {
            StringBuilder out = new StringBuilder();
            new TreeMap<>(PER_SECOND).forEach((second, n) -> out.append(second).append(' ').append(n.get()).append('\n'));
            answer(x, 200, out.toString());
        });
        status.createContext("/reset", x -> {
            for (GreenMailUser user : new ArrayList<>(users.listUser())) {
                users.deleteUser(user); // its INBOX and messages go with it
            }
            try {
                sink[0] = users.createUser(SINK, SINK, SINK);
            } catch (com.icegreen.greenmail.user.UserException e) {
                throw new IOException(e);
            }
            COUNT.set(0);
            FIRST.reset();
            LAST.reset();
            PER_SECOND.clear();
            WATCHED.clear();
            HEADERS.clear();
            BY_MESSAGE_ID.clear();
            sample = null;
            answer(x, 200, "reset");
        });
        status.createContext("/repeated", x -> {
            StringBuilder out = new StringBuilder().append(BY_MESSAGE_ID.size()).append('\n');
            BY_MESSAGE_ID.forEach((id, n) -> {
                if (n.get() > 1) {
                    out.append(id).append(' ').append(n.get()).append('\n');
                }
            });
            answer(x, 200, out.toString());
        });
        status.createContext("/watch", x -> {
            WATCHED.putIfAbsent(to(x), new ConcurrentLinkedQueue<>());
            answer(x, 200, "watching");
        });
        status.createContext("/times", x -> {
            StringBuilder out = new StringBuilder();
            WATCHED.getOrDefault(to(x), new ConcurrentLinkedQueue<>()).forEach(t -> out.append(t).append('\n'));
            answer(x, 200, out.toString());
        });
        status.createContext("/header", x -> {
            String header = HEADERS.get(to(x));
            answer(x, header == null ? 404 : 200, header == null ? "" : header);
        });
        status.createContext("/sample", x -> {
            byte[] mime = sample;
            if (mime == null) {
                answer(x, 404, "");
                return;
            }
            x.sendResponseHeaders(200, mime.length);
            try (OutputStream out = x.getResponseBody()) {
                out.write(mime);
            }
        });
        status.start();
        System.out.printf("MailSink: GreenMail SMTP on 127.0.0.1:%d, status on 127.0.0.1:%d%n", smtpPort, statusPort);
        System.out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            status.stop(0);
            greenMail.stop();
        }));
        Thread.currentThread().join();
    }

    private static synchronized void keepSample(jakarta.mail.internet.MimeMessage message) {
        if (sample == null) {
            try {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                message.writeTo(out);
                sample = out.toByteArray();
            } catch (IOException | jakarta.mail.MessagingException e) {
                sample = new byte[0];
            }
        }
    }

    private static String to(HttpExchange x) {
        String query = x.getRequestURI().getRawQuery();
        String value = query == null || !query.startsWith("to=") ? "" : query.substring(3);
        return URLDecoder.decode(value, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
    }

    private static void answer(HttpExchange x, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }

    static long nowMicros() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    }

    // ---- client side (the benchmark JVM) ----

    final Process process;
    final int smtpPort;
    private final int statusPort;
    private final HttpClient http = Bench.http();

    private MailSink(Process process, int smtpPort, int statusPort) {
        this.process = process;
        this.smtpPort = smtpPort;
        this.statusPort = statusPort;
    }

    /** Starts the GreenMail JVM (heap {@code xmx}: it keeps every message) and waits until SMTP greets. */
    static MailSink start(String xmx, String mailboxes, Path log) throws IOException, InterruptedException {
        int smtp = Bench.freePort();
        int status = Bench.freePort();
        Files.createDirectories(log.getParent());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(java, "-Xmx" + xmx, "-cp", System.getProperty("java.class.path"),
                MailSink.class.getName(), "--smtp-port", String.valueOf(smtp), "--status-port", String.valueOf(status),
                "--mailboxes", mailboxes)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        MailSink sink = new MailSink(process, smtp, status);
        Runtime.getRuntime().addShutdownHook(new Thread(sink::close, "stop-mailsink-" + process.pid()));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the GreenMail JVM exited with " + process.exitValue() + "; see " + log);
            }
            // GreenMail keeps running without SMTP when its port is taken: wait for the 220 greeting itself
            if (greets(smtp) && sink.tryGet("/count") != null) {
                Bench.log("GreenMail JVM pid %d: SMTP 127.0.0.1:%d, status port %d", process.pid(), smtp, status);
                return sink;
            }
            Thread.sleep(100);
        }
        sink.close();
        throw new IllegalStateException("GreenMail did not answer within 60 s; see " + log);
    }

    private static boolean greets(int port) {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(2000);
            InputStream in = s.getInputStream();
            return in.read() == '2' && in.read() == '2' && in.read() == '0';
        } catch (IOException e) {
            return false;
        }
    }


    /** {count, first delivery, last delivery} since the last reset; times in epoch microseconds. */
    long[] count() throws IOException, InterruptedException {
        String[] parts = get("/count").split(" ");
        return new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2])};
    }

    /** Deliveries per second since the last reset: {epoch second, count}. */
    List<long[]> timeline() throws IOException, InterruptedException {
        List<long[]> seconds = new ArrayList<>();
        for (String line : get("/timeline").split("\n")) {
            if (!line.isBlank()) {
                String[] parts = line.split(" ");
                seconds.add(new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1])});
            }
        }
        return seconds;
    }

    /** Distinct Message-IDs delivered since the last reset, and those delivered more than once with their counts. */
    record Repeats(long distinct, Map<String, Long> repeated) {
    }

    Repeats repeats() throws IOException, InterruptedException {
        String[] lines = get("/repeated").split("\n");
        Map<String, Long> repeated = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                int space = lines[i].lastIndexOf(' ');
                repeated.put(lines[i].substring(0, space), Long.parseLong(lines[i].substring(space + 1)));
            }
        }
        return new Repeats(Long.parseLong(lines[0].trim()), repeated);
    }

    void reset() throws IOException, InterruptedException {
        send("/reset", "POST");
    }

    void watch(String address) throws IOException, InterruptedException {
        send("/watch?to=" + URLEncoder.encode(address, StandardCharsets.UTF_8), "POST");
    }

    List<Long> times(String address) throws IOException, InterruptedException {
        List<Long> times = new ArrayList<>();
        for (String line : get("/times?to=" + URLEncoder.encode(address, StandardCharsets.UTF_8)).split("\n")) {
            if (!line.isBlank()) {
                times.add(Long.parseLong(line));
            }
        }
        return times;
    }

    /** List-Unsubscribe of the first message to the address, or null before one arrived. */
    String listUnsubscribe(String address) throws IOException, InterruptedException {
        return tryGet("/header?to=" + URLEncoder.encode(address, StandardCharsets.UTF_8));
    }

    /** The first message received since the reset, as MIME, or null. */
    byte[] sample() throws IOException, InterruptedException {
        HttpResponse<byte[]> r = http.send(request("/sample").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        return r.statusCode() == 200 ? r.body() : null;
    }

    private String get(String path) throws IOException, InterruptedException {
        String body = tryGet(path);
        if (body == null) {
            throw new IllegalStateException("GreenMail status " + path + " did not answer 200");
        }
        return body;
    }

    private String tryGet(String path) throws InterruptedException {
        try {
            HttpResponse<String> r = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? r.body() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private void send(String path, String method) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request(path).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GreenMail status " + path + " answered " + r.statusCode());
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + statusPort + path)).timeout(Duration.ofSeconds(60));
    }

    long pid() {
        return process.pid();
    }

    /** Stops the GreenMail JVM by its process id (SIGTERM, then SIGKILL after 20 s). */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
            Bench.log("stopped GreenMail JVM pid %d", process.pid());
        }
    }
}
