package org.rapport.bench;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pages (issue 11): "server time of /today with 20 cards: p95 under 150 ms; a one-click outcome round trip under
 * 300 ms on this machine". A fresh database; salespeople who work every day (MON-SUN, no region, so no public holiday:
 * the run works on any day) with customers who have no history, so every one is due today; one login each; one plan
 * ({@code POST /api/planning/run} as admin); every job's schedule off. Then, signed in through {@code /login} with its
 * form and ViewState over one keep-alive HTTP/1.1 connection (a cookie jar, as a browser):
 *
 * <ul>
 * <li>{@code GET /today} of a salesperson with exactly 20 cards, one request at a time; side by side in the same
 * rounds, with the same client and session, {@code GET /health} and a GET of the static Faces resource the page links
 * whose size is closest to the page's (the trivial requests: what the machine does for a request without work).
 * Times are measured by the client on loopback (send to last byte of the body).</li>
 * <li>The one-click outcome: the page's {@code recordOutcome} remoteCommand as PrimeFaces posts it (form {@code work},
 * {@code jakarta.faces.partial.ajax=true}, source and execute = the remoteCommand, render = the list, the ViewState,
 * params item/outcome/note/rescheduleTo), which records the outcome and answers the redrawn list. Each round works one
 * card of its own salesperson's list of 30 (capacity 30), ten cards per salesperson, so every redrawn list holds 29 to
 * 20 cards; outcomes cycle REACHED, VOICEMAIL, NO_ANSWER, RESCHEDULED (to 90 days ahead). The first salesperson's
 * ten are the warm-up. Each answer is checked: the worked card gone, one card fewer, no error message.</li>
 * </ul>
 *
 * <pre>java -cp bench/target/rapport-bench.jar org.rapport.bench.PagesBenchmark [--requests 300] [--warmup 50]
 *      [--outcomes 100] [--port 18088] [--work bench/data] [--repo .]</pre>
 */
public final class PagesBenchmark {

    static final String PASSWORD = "bench-pages-password-0123";
    private static final String READER = "BP-READ";
    private static final int CARDS = 20;
    /** Cards per working salesperson; ten are worked, so every redrawn list holds 20 to 29. */
    private static final int WORK_CARDS = 30;
    private static final int WORKED_PER_SALESPERSON = 10;
    private static final String[] OUTCOMES = {"REACHED", "VOICEMAIL", "NO_ANSWER", "RESCHEDULED"};
    private static final Pattern CARD = Pattern.compile("<article class=\"card[^>]*data-item=\"(\\d+)\"");
    private static final Pattern RESOURCE = Pattern.compile("(?:src|href)=\"([^\"]*jakarta\\.faces\\.resource/[^\"]*)\"");
    private static final String NEVER = Bench.NEVER_CRON;

    private PagesBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Bench.args(args);
        Path work = Bench.workDir(options);
        Path repo = Bench.repoRoot(options);
        int requests = Integer.parseInt(options.getOrDefault("requests", "300"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "50"));
        int outcomes = Integer.parseInt(options.getOrDefault("outcomes", "100"));
        int port = Integer.parseInt(options.getOrDefault("port", "18088"));
        int workers = 1 + (outcomes + WORKED_PER_SALESPERSON - 1) / WORKED_PER_SALESPERSON; // the first warms up

        Path dir = work.resolve("pages");
        Path dataDir = dir.resolve("data");
        Bench.deleteRecursively(dataDir); // a fresh database every run
        Map<String, String> env = Map.ofEntries(Map.entry("RAPPORT_DEMO", "false"),
                Map.entry("RAPPORT_ADMIN_PASSWORD", Bench.ADMIN_PASSWORD),
                // nothing scheduled runs during the measurements
                Map.entry("RAPPORT_PLANNING_CRON", NEVER), Map.entry("RAPPORT_CALL_LISTS_DIGEST_CRON", NEVER), Map.entry("RAPPORT_TIERS_CRON", NEVER),
                Map.entry("RAPPORT_REWARDS_CRON", NEVER), Map.entry("RAPPORT_MAIL_DISPATCH_CRON", NEVER), Map.entry("RAPPORT_MAIL_IMAP_CRON", NEVER),
                Map.entry("RAPPORT_REPORTS_NETWEAVING_WEEKLY_CRON", NEVER), Map.entry("RAPPORT_INTRODUCTIONS_CRON", NEVER),
                Map.entry("RAPPORT_INTRODUCTIONS_MATCH_CRON", NEVER));
        String admin = Bench.basic("admin", Bench.ADMIN_PASSWORD);
        HttpClient http = Bench.http();
        List<String> results = new ArrayList<>();
        try (Service service = Service.start(repo, dataDir, port, List.of("-Xlog:gc:file=" + dir.resolve("gc.log")), env,
                dir.resolve("service.log"))) {
            Bench.log("service UP after %s", Bench.seconds(service.awaitHealthy(Service.START_TIMEOUT)));
            seed(http, service, admin, workers);
            Quiet.awaitIfAsked(options);
            results.addAll(measureToday(service, requests, warmup));
            Quiet.awaitIfAsked(options);
            results.add(measureOutcomes(service, workers));
        }
        System.out.println();
        results.forEach(System.out::println);
    }

    static String worker(int n) {
        return String.format("BP-W%02d", n);
    }

    /** The salespeople, their customers and logins, then one plan. */
    private static void seed(HttpClient http, Service service, String admin, int workers) throws Exception {
        long started = System.nanoTime();
        StringBuilder people = new StringBuilder("external_id,name,email,time_zone,region,daily_capacity,working_days,role,manager,backup");
        StringBuilder customers = new StringBuilder("external_id,company,preferred_name,phone,email,time_zone,owner");
        List<String> sellers = new ArrayList<>();
        sellers.add(READER);
        for (int w = 1; w <= workers; w++) {
            sellers.add(worker(w));
        }
        for (String seller : sellers) {
            int cards = seller.equals(READER) ? CARDS : WORK_CARDS;
            // every day a working day and no region (no public holidays): the list is today's whatever day the run is
            people.append('\n').append(seller).append(",Bench ").append(seller).append(',').append(seller.toLowerCase())
                    .append("@bench.example,Europe/Berlin,,").append(cards).append(",MON-SUN,SALES,,");
            for (int i = 1; i <= cards; i++) {
                String id = seller + "-C" + i;
                customers.append('\n').append(id).append(",Company ").append(id).append(",Person ").append(i)
                        .append(",+49 30 555 ").append(String.format("%04d", i)).append(",p").append(i).append('@')
                        .append(seller.toLowerCase()).append(".example,Europe/Berlin,").append(seller);
            }
        }
        expect(postCsv(http, service, admin, "/api/import/salespeople", people.toString()), 200, "salespeople import");
        expect(postCsv(http, service, admin, "/api/import/customers", customers.toString()), 200, "customers import");
        for (String seller : sellers) {
            expect(Bench.postJson(http, service.baseUrl() + "/api/users", admin, "{\"username\":\"" + seller.toLowerCase()
                    + "\",\"password\":\"" + PASSWORD + "\",\"role\":\"SALES\",\"salesperson\":\"" + seller + "\"}"), 201, "user " + seller);
        }
        expect(Bench.postJson(http, service.baseUrl() + "/api/planning/run", admin, "", Duration.ofMinutes(5)), 200, "planning run");
        double idle = service.awaitIdle(0.1, Duration.ofMinutes(5));
        Bench.log("seeded %d salespeople and %d customers, planned, in %s (service idle %.1f s after)", sellers.size(),
                CARDS + workers * WORK_CARDS, Bench.seconds(System.nanoTime() - started), idle);
    }

    private static HttpResponse<String> postCsv(HttpClient http, Service service, String admin, String path, String csv)
            throws Exception {
        return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(service.baseUrl() + path))
                .timeout(Duration.ofMinutes(5)).header("Authorization", admin).header("Content-Type", "text/csv")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(csv)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void expect(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status || response.body().contains("\"rejected\":[{")) {
            throw new IllegalStateException(what + " answered " + response.statusCode() + ": "
                    + response.body().substring(0, Math.min(800, response.body().length())));
        }
    }

    /** GET /today with 20 cards, GET /health and GET of a static resource, side by side in the same rounds. */
    private static List<String> measureToday(Service service, int requests, int warmup) throws Exception {
        PageClient client = new PageClient(service.baseUrl());
        client.signIn(READER.toLowerCase(), PASSWORD);
        HttpResponse<String> today = client.get("/today");
        List<String> cards = cards(today.body());
        if (today.statusCode() != 200 || cards.size() != CARDS) {
            throw new IllegalStateException("GET /today answered " + today.statusCode() + " with " + cards.size()
                    + " cards, expected " + CARDS + ": " + today.body().substring(0, Math.min(800, today.body().length())));
        }
        int pageBytes = today.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        // the page's static resource closest in size to the page itself
        String resource = null;
        int resourceBytes = 0;
        Matcher m = RESOURCE.matcher(today.body());
        while (m.find()) {
            String path = m.group(1).replace("&amp;", "&");
            HttpResponse<String> r = client.get(path);
            int bytes = r.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            Bench.log("page resource %s: %d, %,d bytes", path, r.statusCode(), bytes);
            if (r.statusCode() == 200 && (resource == null || Math.abs(bytes - pageBytes) < Math.abs(resourceBytes - pageBytes))) {
                resource = path;
                resourceBytes = bytes;
            }
        }
        if (resource == null) {
            throw new IllegalStateException("the page links no static Faces resource");
        }
        Bench.log("GET /today: %d cards, %,d bytes; the trivial requests: GET /health and GET %s (%,d bytes)", cards.size(),
                pageBytes, resource, resourceBytes);
        String[] paths = {"/today", "/health", resource};
        long mariadb = service.mariadb().map(ProcessHandle::pid).orElse(-1L);
        for (int i = 0; i < warmup; i++) {
            for (String path : paths) {
                check(client.get(path), path);
            }
        }
        List<List<Double>> millis = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        double[] jvmMs = new double[3];
        double[] dbMs = new double[3];
        String interference;
        try (Quiet.Monitor monitor = new Quiet.Monitor()) {
            for (int i = 0; i < requests; i++) {
                for (int k = 0; k < paths.length; k++) {
                    double jvm0 = Service.cpuSeconds(service.pid());
                    double db0 = Service.cpuSeconds(mariadb);
                    long t0 = System.nanoTime();
                    HttpResponse<String> answer = client.get(paths[k]);
                    millis.get(k).add((System.nanoTime() - t0) / 1e6);
                    jvmMs[k] += (Service.cpuSeconds(service.pid()) - jvm0) * 1000;
                    dbMs[k] += (Service.cpuSeconds(mariadb) - db0) * 1000;
                    check(answer, paths[k]);
                    if (k == 0 && cards(answer.body()).size() != CARDS) {
                        throw new IllegalStateException("GET /today showed " + cards(answer.body()).size() + " cards");
                    }
                }
            }
            interference = monitor.summary();
        }
        List<String> lines = new ArrayList<>();
        String[] labels = {"today", "health", "static-resource"};
        int[] bytes = {pageBytes, -1, resourceBytes};
        for (int k = 0; k < paths.length; k++) {
            List<Double> t = millis.get(k);
            String target = k == 0 ? String.format(" target_p95_ms=150 %s", percentile(t, 95) < 150 ? "MET" : "MISSED") : "";
            String line = String.format("RESULT pages-get what=%s path=%s%s requests=%d warmup=%d p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f"
                            + " max_ms=%.1f%s cpu_ms_per_request service_jvm=%.1f mariadb=%.1f (one request at a time, keep-alive,"
                            + " signed-in session; /today, /health and the resource in turn in the same rounds) %s",
                    labels[k], paths[k], k == 0 ? " cards=" + CARDS : "", requests, warmup, percentile(t, 50), percentile(t, 95),
                    percentile(t, 99), Collections.max(t), (bytes[k] >= 0 ? " bytes=" + bytes[k] : "") + target,
                    jvmMs[k] / requests, dbMs[k] / requests, interference);
            System.out.println(line);
            lines.add(line);
        }
        return lines;
    }

    /** The remoteCommand POST of one outcome, round trip to the redrawn list; salesperson 1 warms up. */
    private static String measureOutcomes(Service service, int workers) throws Exception {
        LocalDate later = LocalDate.now(ZoneOffset.UTC).plusDays(90);
        long mariadb = service.mariadb().map(ProcessHandle::pid).orElse(-1L);
        List<Double> millis = new ArrayList<>();
        double jvmMs = 0;
        double dbMs = 0;
        long responseBytes = 0;
        int round = 0;
        Quiet.Monitor monitor = null;
        for (int w = 1; w <= workers; w++) {
            boolean record = w > 1;
            if (record && monitor == null) {
                monitor = new Quiet.Monitor();
            }
            PageClient client = new PageClient(service.baseUrl());
            client.signIn(worker(w).toLowerCase(), PASSWORD);
            HttpResponse<String> page = client.get("/today");
            check(page, "/today");
            List<String> cards = cards(page.body());
            if (cards.size() != WORK_CARDS) {
                throw new IllegalStateException(worker(w) + ": /today shows " + cards.size() + " cards, expected " + WORK_CARDS);
            }
            String source = scriptField(page.body(), "recordOutcome", "s");
            // PrimeFaces writes the ids to update comma-separated; its script sends them space-separated, as Faces reads them
            String render = scriptField(page.body(), "recordOutcome", "u").replace(',', ' ');
            String viewState = PageClient.viewState(page.body());
            for (int k = 0; k < WORKED_PER_SALESPERSON; k++) {
                String item = cards.get(0);
                String outcome = OUTCOMES[round++ % OUTCOMES.length];
                Map<String, String> fields = new LinkedHashMap<>();
                fields.put("jakarta.faces.partial.ajax", "true");
                fields.put("jakarta.faces.source", source);
                fields.put("jakarta.faces.partial.execute", source);
                fields.put("jakarta.faces.partial.render", render);
                fields.put(source, source);
                fields.put("item", item);
                fields.put("outcome", outcome);
                fields.put("note", "");
                fields.put("rescheduleTo", outcome.equals("RESCHEDULED") ? later.toString() : "");
                fields.put("work", "work");
                fields.put("jakarta.faces.ViewState", viewState);
                double jvm0 = Service.cpuSeconds(service.pid());
                double db0 = Service.cpuSeconds(mariadb);
                long t0 = System.nanoTime();
                HttpResponse<String> answer = client.post("/today", fields, true);
                double ms = (System.nanoTime() - t0) / 1e6;
                List<String> after = cards(answer.body());
                if (answer.statusCode() != 200 || !answer.body().contains("<partial-response") || after.contains(item)
                        || after.size() != cards.size() - 1 || answer.body().contains("ui-messages-error") || answer.body().contains("ui-messages-warn")) {
                    throw new IllegalStateException(worker(w) + " " + outcome + " of item " + item + " answered "
                            + answer.statusCode() + " with " + after.size() + " cards (before " + cards.size() + "): "
                            + answer.body().substring(0, Math.min(1500, answer.body().length())));
                }
                if (record) {
                    millis.add(ms);
                    jvmMs += (Service.cpuSeconds(service.pid()) - jvm0) * 1000;
                    dbMs += (Service.cpuSeconds(mariadb) - db0) * 1000;
                    responseBytes += answer.body().length();
                }
                cards = after;
                viewState = PageClient.viewState(answer.body(), viewState);
            }
        }
        String interference = monitor == null ? "" : monitor.summary();
        int n = millis.size();
        return String.format("RESULT pages-outcome rounds=%d warmup=%d p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f max_ms=%.1f"
                        + " target_ms=300 %s response_chars_mean=%d cards_in_redrawn_list=%d..%d"
                        + " cpu_ms_per_request service_jvm=%.1f mariadb=%.1f (remoteCommand POST, outcomes cycling %s,"
                        + " RESCHEDULED to +90 days; one request at a time) %s",
                n, WORKED_PER_SALESPERSON, percentile(millis, 50), percentile(millis, 95), percentile(millis, 99),
                Collections.max(millis), percentile(millis, 95) < 300 ? "MET(p95)" : "MISSED(p95)", responseBytes / n,
                WORK_CARDS - WORKED_PER_SALESPERSON, WORK_CARDS - 1, jvmMs / n, dbMs / n, String.join("/", OUTCOMES), interference);
    }

    /** A field of the PrimeFaces call a remoteCommand renders: {@code name = function() {return PrimeFaces.ab({s:"…",…,u:"…"…}. */
    static String scriptField(String page, String name, String field) {
        int at = page.indexOf(name + " = function");
        if (at < 0) {
            at = page.indexOf(name + "=function");
        }
        if (at < 0) {
            throw new IllegalStateException("no remoteCommand " + name + " on the page");
        }
        Matcher m = Pattern.compile("[{,]" + field + ":\"([^\"]+)\"").matcher(page);
        if (!m.find(at)) {
            throw new IllegalStateException("no " + field + ": in the remoteCommand " + name);
        }
        return m.group(1);
    }

    private static List<String> cards(String body) {
        List<String> ids = new ArrayList<>();
        Matcher m = CARD.matcher(body);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    private static void check(HttpResponse<String> answer, String path) {
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + answer.statusCode());
        }
    }

    /** Nearest-rank percentile. */
    static double percentile(List<Double> values, double p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
