package org.rapport.bench;

import org.rapport.netweaving.IntroductionStage;
import org.rapport.netweaving.NeedPairs;

import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * The netweaving report (issue 10, "under 1 s over 100,000 introductions"): a fresh database seeded over plain JDBC in
 * batches — 20 managers with 9 salespeople each, 20,000 customers, 100,000 introductions proposed over the last 12
 * months with their whole history (PROPOSED, one MOVED per stage passed, an APPROVED_SIDE or REMINDED now and then),
 * deals in EUR, USD and CHF, a few thousand rewards — then {@code GET /api/reports/netweaving} over those 12 months
 * as an admin, as a manager (their team, through Access) and as an admin with {@code team=}: a warm-up, then the
 * median and the maximum of {@code --runs} requests each, with the CPU the service JVM and MariaDB used per request.
 *
 * <p>The physical limit in the same run: MariaDB streaming the rows the report reads (the period's introductions and
 * all their events) to plain JDBC, doing nothing with them.
 *
 * <pre>java -cp bench/target/rapport-bench.jar org.rapport.bench.NetweavingReportBenchmark [--introductions 100000] [--runs 10]</pre>
 */
public final class NetweavingReportBenchmark {

    private static final String[] CURRENCIES = {"EUR", "EUR", "EUR", "USD", "USD", "CHF"};

    private NetweavingReportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Bench.args(args);
        int introductions = Integer.parseInt(options.getOrDefault("introductions", "100000"));
        int customers = Integer.parseInt(options.getOrDefault("customers", "20000"));
        int rewards = Integer.parseInt(options.getOrDefault("rewards", "3000"));
        int runs = Integer.parseInt(options.getOrDefault("runs", "10"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "3"));
        String admin = Bench.basic("admin", Bench.ADMIN_PASSWORD);
        String manager = Bench.basic(ReportBench.MANAGER_USER, ReportBench.MANAGER_PASSWORD);
        HttpClient http = Bench.http();
        List<String> results = new ArrayList<>();
        // the report's period: the last 12 months up to today (UTC dates; the schedule zone shifts the edges by hours)
        LocalDate to = LocalDate.now(ZoneOffset.UTC);
        LocalDate from = to.minusMonths(12);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (Service service = ReportBench.start(options, "netweaving-report", "18086")) {
            PhysicalLimit db = new PhysicalLimit(service.databasePort());
            Bench.log("database: %s", db.describe());
            long started = System.nanoTime();
            Seeded seeded = seed(db, customers, introductions, rewards, now);
            Bench.log("seeded in %s: %,d salespeople, %,d customers, %,d introductions, %,d events, %,d deals, %,d rewards",
                    Bench.seconds(System.nanoTime() - started), db.count("salesperson"), db.count("customer"),
                    db.count("introduction"), db.count("introduction_event"), seeded.deals, db.count("reward"));
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("ANALYZE TABLE salesperson, customer, introduction, introduction_event, reward");
            }
            ReportBench.createManagerLogin(http, service, admin);
            String period = "from=" + from + "&to=" + to;
            String stages = stageMix(db);
            Bench.log("stages now: %s", stages);

            // the physical limit: the rows the report reads, streamed with no work; once cold, then warm
            ReportBench.Limit limit = ReportBench.limit(options, service, () -> limit(db, from, to));
            double limitMs = limit.median();
            String line = String.format("RESULT netweaving-limit introductions=%d events=%d cold_ms=%.0f warm_median_ms=%.0f warm_all=%s"
                            + " cpu_ms_median_run mariadb=%.0f harness=%.0f (plain JDBC streaming the period's introductions and"
                            + " their events, no work) %s",
                    introductions, seeded.events, limit.cold(), limitMs, limit.warmAll(), limit.cpu()[0] * 1000,
                    limit.cpu()[1] * 1000, limit.interference());
            System.out.println(line);
            results.add(line);

            List<ReportBench.Variant> variants = List.of(new ReportBench.Variant("admin", admin, period),
                    new ReportBench.Variant("manager", manager, period),
                    new ReportBench.Variant("admin-team", admin, period + "&team=" + ReportBench.managerId(1)));
            for (ReportBench.Variant variant : variants) {
                Quiet.awaitIfAsked(options);
                line = ReportBench.measure(http, service, "/api/reports/netweaving", "netweaving-report", "introductions", variant,
                        warmup, runs, limitMs);
                System.out.println(line);
                results.add(line);
            }
            line = answerCheck(http, service, db, admin, period, from, to);
            System.out.println(line);
            results.add(line);
            if (options.containsKey("explain")) {
                for (ReportBench.Variant variant : variants) {
                    ReportBench.explain(http, service, db, "/api/reports/netweaving", variant);
                }
            }
        }
        System.out.println();
        results.forEach(System.out::println);
    }

    private record Seeded(long events, long deals) {
    }

    /** A number at the top level of a JSON object (the report's total; nested objects carry keys of the same name). */
    static long topLevel(String json, String key) {
        String needle = "\"" + key + "\"";
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char ch = json.charAt(i);
            if (inString) {
                if (ch == '\\') {
                    i++;
                } else if (ch == '"') {
                    inString = false;
                }
            } else if (ch == '{' || ch == '[') {
                depth++;
            } else if (ch == '}' || ch == ']') {
                depth--;
            } else if (ch == '"') {
                if (depth == 1 && json.startsWith(needle, i)) {
                    return Bench.jsonLong(json.substring(i), key);
                }
                inString = true;
            }
        }
        return -1;
    }

    /**
     * Streams the introductions proposed in the period (the columns the report groups by) and their events (those the
     * funnel and the stays read); returns the milliseconds. {@code cpu}, when given, receives the CPU seconds of MariaDB
     * and of this JVM.
     */
    private static long limit(PhysicalLimit db, LocalDate from, LocalDate to) throws Exception {
        String period = "i.proposed_at >= TIMESTAMP '" + from + " 00:00:00' AND i.proposed_at < TIMESTAMP '" + to.plusDays(1)
                + " 00:00:00'";
        long rows = db.stream("SELECT i.id, i.first_customer_id, i.second_customer_id, i.first_needs, i.second_needs, i.stage,"
                + " i.deal_currency, i.deal_value FROM introduction i WHERE " + period);
        return rows + db.stream("SELECT e.introduction_id, e.id, e.kind, e.stage_to, e.occurred_at FROM introduction_event e"
                + " JOIN introduction i ON i.id = e.introduction_id WHERE " + period);
    }

    /**
     * The admin report's funnel (reached, median days per stage) against the same figures computed the old way, from
     * the history alone: the furthest stage from every introduction's events, the stays from LEAD() over its changes of
     * stage. The CHECK line says EQUAL or DIFFERENT.
     */
    private static String answerCheck(HttpClient http, Service service, PhysicalLimit db, String admin, String period,
                                      LocalDate from, LocalDate to) throws Exception {
        String body = Bench.get(http, service.baseUrl() + "/api/reports/netweaving?" + period, admin, Duration.ofMinutes(5)).body();
        List<IntroductionStage> way = IntroductionStage.WAY_TO_A_DEAL;
        String inPeriod = "i.proposed_at >= TIMESTAMP '" + from + " 00:00:00' AND i.proposed_at < TIMESTAMP '" + to.plusDays(1)
                + " 00:00:00'";
        String field = way.stream().map(w -> "'" + w + "'").collect(Collectors.joining(","));
        long[] reached = new long[way.size()];
        List<String> stays = new ArrayList<>();
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT f, COUNT(*) FROM (SELECT MAX(FIELD(e.stage_to, " + field + ")) AS f"
                    + " FROM introduction i JOIN introduction_event e ON e.introduction_id = i.id WHERE " + inPeriod
                    + " GROUP BY i.id) h GROUP BY f")) {
                while (rs.next()) {
                    for (int k = 0; k < rs.getInt(1); k++) {
                        reached[k] += rs.getLong(2);
                    }
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT stage, hours, COUNT(*) FROM (SELECT e.stage_to AS stage,"
                    + " TIMESTAMPDIFF(MINUTE, e.occurred_at, LEAD(e.occurred_at) OVER (PARTITION BY e.introduction_id ORDER BY e.id))"
                    + " DIV 60 AS hours FROM introduction i JOIN introduction_event e ON e.introduction_id = i.id WHERE " + inPeriod
                    + " AND e.kind IN ('PROPOSED', 'MOVED')) s WHERE hours IS NOT NULL GROUP BY stage, hours ORDER BY stage, hours")) {
                while (rs.next()) {
                    stays.add(rs.getString(1) + ":" + rs.getLong(2) + ":" + rs.getLong(3));
                }
            }
        }
        List<String> fromReport = new ArrayList<>();
        List<String> fromHistory = new ArrayList<>();
        for (int k = 0; k < way.size(); k++) {
            IntroductionStage stage = way.get(k);
            // the funnel's object of this stage, whatever the order of its fields
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{[^{}]*\\}").matcher(body);
            String object = "";
            while (m.find()) {
                if (m.group().contains("\"stage\":\"" + stage + "\"") && m.group().contains("\"reached\"")) {
                    object = m.group();
                    break;
                }
            }
            java.util.regex.Matcher r = java.util.regex.Pattern.compile("\"reached\":(\\d+)").matcher(object);
            java.util.regex.Matcher d = java.util.regex.Pattern.compile("\"median_days\":([0-9.]+)").matcher(object);
            fromReport.add(stage + "=" + (r.find() ? r.group(1) : "?") + "/" + (d.find() ? d.group(1) : "null"));
            fromHistory.add(stage + "=" + reached[k] + "/" + medianDays(stage, stays));
        }
        return "CHECK netweaving-answer " + (fromReport.equals(fromHistory) ? "EQUAL" : "DIFFERENT") + " report(reached/median_days)="
                + fromReport + " history=" + fromHistory + " category_pairs=" + count(body, "\"first_needs\"")
                + " other_category_pairs=" + (body.contains("\"other_category_pairs\":{") ? "yes" : "no")
                + " response_chars=" + body.length();
    }

    /** The median of the LEAD() histogram ("STAGE:hours:count"), in days to one decimal, as the report rounds it. */
    private static String medianDays(IntroductionStage stage, List<String> stays) {
        List<long[]> own = stays.stream().map(x -> x.split(":")).filter(x -> x[0].equals(stage.name()))
                .map(x -> new long[] {Long.parseLong(x[1]), Long.parseLong(x[2])}).sorted(java.util.Comparator.comparingLong(x -> x[0]))
                .toList();
        long count = own.stream().mapToLong(x -> x[1]).sum();
        if (count == 0) {
            return "null";
        }
        double hours = (nth(own, (count - 1) / 2) + nth(own, count / 2)) / 2.0;
        return String.valueOf(Math.round(hours / 24.0 * 10) / 10.0);
    }

    private static long nth(List<long[]> sorted, long index) {
        long seen = 0;
        for (long[] x : sorted) {
            seen += x[1];
            if (index < seen) {
                return x[0];
            }
        }
        throw new IllegalStateException("index " + index + " beyond " + seen);
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    private static String stageMix(PhysicalLimit db) throws Exception {
        StringBuilder mix = new StringBuilder();
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT stage, COUNT(*) FROM introduction GROUP BY stage ORDER BY COUNT(*) DESC")) {
            while (rs.next()) {
                mix.append(rs.getString(1)).append('=').append(rs.getLong(2)).append(' ');
            }
        }
        return mix.toString().strip();
    }

    // ---- seeding ---------------------------------------------------------------------------------------------------

    /** Salespeople, customers, introductions with their history and rewards, 1,000 rows per batch and transaction. */
    private static Seeded seed(PhysicalLimit db, int customers, int introductions, int rewards, Instant now) throws Exception {
        SplittableRandom random = new SplittableRandom(Bench.SEED);
        Timestamp created = Timestamp.from(now);
        List<String> categories = new ArrayList<>();
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT code FROM category ORDER BY code LIMIT 40")) {
                while (rs.next()) {
                    categories.add(rs.getString(1));
                }
            }
            if (categories.isEmpty()) {
                for (int i = 1; i <= 40; i++) {
                    categories.add("CAT" + i);
                }
            }
            ReportBench.seedTeams(c, customers, created);
            long events = 0;
            long deals = 0;
            List<long[]> dealIntroductions = new ArrayList<>(); // id, first customer
            try (PreparedStatement intro = c.prepareStatement("INSERT INTO introduction (id, first_customer_id, second_customer_id,"
                    + " stage, stage_since, first_needs, second_needs, score, explanation, first_approved, second_approved,"
                    + " proposed_at, introduced_at, deal_value, deal_currency, furthest_stage) VALUES (?, ?, ?, ?, ?, ?, ?, ?,"
                    + " 'seeded by the benchmark', ?, ?, ?, ?, ?, ?, ?)");
                 // as the service writes them: each move with the minutes spent in the stage it leaves, the pairs of codes
                 PreparedStatement event = c.prepareStatement("INSERT INTO introduction_event (introduction_id, kind, stage_from,"
                         + " stage_to, actor, occurred_at, stay_minutes) VALUES (?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement pair = c.prepareStatement("INSERT INTO introduction_need_pair (introduction_id, first_code,"
                         + " second_code) VALUES (?, ?, ?)")) {
                long yearSeconds = Duration.ofDays(365).toSeconds();
                for (int id = 1; id <= introductions; id++) {
                    Instant proposed = now.minusSeconds(1 + random.nextLong(yearSeconds));
                    History h = History.of(random, proposed, now);
                    long first = 1 + random.nextInt(customers);
                    long second = 1 + random.nextInt(customers - 1);
                    if (second >= first) {
                        second++;
                    }
                    boolean deal = h.stage.equals("DEAL_CLOSED");
                    intro.setLong(1, id);
                    intro.setLong(2, first);
                    intro.setLong(3, second);
                    intro.setString(4, h.stage);
                    intro.setTimestamp(5, Timestamp.from(h.events.get(h.events.size() - 1).at));
                    String firstNeeds = needs(random, categories);
                    String secondNeeds = random.nextInt(10) < 3 ? needs(random, categories) : "";
                    intro.setString(6, firstNeeds);
                    intro.setString(7, secondNeeds);
                    intro.setInt(8, 20 + random.nextInt(80));
                    intro.setBoolean(9, h.approved);
                    intro.setBoolean(10, h.approved);
                    intro.setTimestamp(11, Timestamp.from(proposed));
                    intro.setTimestamp(12, h.introducedAt == null ? null : Timestamp.from(h.introducedAt));
                    intro.setBigDecimal(13, deal ? BigDecimal.valueOf(500 + random.nextInt(49_500)) : null);
                    intro.setString(14, deal ? CURRENCIES[random.nextInt(CURRENCIES.length)] : null);
                    intro.setString(15, h.furthest());
                    intro.addBatch();
                    for (NeedPairs.Pair p : NeedPairs.of(codes(firstNeeds), codes(secondNeeds))) {
                        pair.setLong(1, id);
                        pair.setString(2, p.firstCode());
                        pair.setString(3, p.secondCode());
                        pair.addBatch();
                    }
                    if (deal) {
                        deals++;
                        dealIntroductions.add(new long[] {id, first});
                    }
                    Instant entered = proposed;
                    for (History.Event e : h.events) {
                        event.setLong(1, id);
                        event.setString(2, e.kind);
                        event.setString(3, e.from);
                        event.setString(4, e.to);
                        event.setString(5, e.kind.equals("PROPOSED") ? "rapport" : "S0001");
                        event.setTimestamp(6, Timestamp.from(e.at));
                        if (e.kind.equals("MOVED")) {
                            event.setLong(7, IntroductionStage.stayMinutes(entered, e.at));
                            entered = e.at;
                        } else {
                            event.setNull(7, java.sql.Types.INTEGER);
                        }
                        event.addBatch();
                        events++;
                    }
                    if (id % 1000 == 0) {
                        intro.executeBatch();
                        event.executeBatch();
                        pair.executeBatch();
                        c.commit();
                    }
                }
                intro.executeBatch();
                event.executeBatch();
                pair.executeBatch();
                c.commit();
            }
            seedRewards(c, random, rewards, customers, dealIntroductions, now);
            return new Seeded(events, deals);
        }
    }

    /** Rewards for the deals first, then anniversaries, spread over the year, in the four statuses. */
    private static void seedRewards(Connection c, SplittableRandom random, int rewards, int customers, List<long[]> deals,
                                    Instant now) throws Exception {
        String[] statuses = {"PROPOSED", "PROPOSED", "APPROVED", "APPROVED", "FULFILLED", "FULFILLED", "FULFILLED", "REJECTED"};
        try (PreparedStatement p = c.prepareStatement("INSERT INTO reward (id, customer_id, kind, subject, value, currency, reason,"
                + " owner_id, team_id, status, proposed_at) VALUES (?, ?, ?, ?, ?, ?, 'seeded by the benchmark', ?, ?, ?, ?)");
             PreparedStatement owners = c.prepareStatement("SELECT c.owner_id, s.manager_id FROM customer c"
                     + " JOIN salesperson s ON s.id = c.owner_id WHERE c.id = ?")) {
            for (int id = 1; id <= rewards; id++) {
                boolean deal = id <= deals.size();
                long customer = deal ? deals.get(id - 1)[1] : 1 + (id * 7L) % customers;
                owners.setLong(1, customer);
                long owner;
                long team;
                try (ResultSet rs = owners.executeQuery()) {
                    rs.next();
                    owner = rs.getLong(1);
                    team = rs.getLong(2);
                }
                p.setLong(1, id);
                p.setLong(2, customer);
                p.setString(3, deal ? "INTRODUCTION_CONVERTED" : "ANNIVERSARY");
                p.setString(4, deal ? "introduction " + deals.get(id - 1)[0] : "reward " + id);
                p.setBigDecimal(5, BigDecimal.valueOf(deal ? 100 : 50));
                p.setString(6, random.nextInt(4) == 0 ? "CHF" : "EUR");
                p.setLong(7, owner);
                p.setLong(8, team);
                p.setString(9, statuses[random.nextInt(statuses.length)]);
                p.setTimestamp(10, Timestamp.from(now.minusSeconds(1 + random.nextLong(Duration.ofDays(360).toSeconds()))));
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

    private static java.util.Set<String> codes(String list) {
        return list.isEmpty() ? java.util.Set.of() : new java.util.TreeSet<>(List.of(list.split(";")));
    }

    private static String needs(SplittableRandom random, List<String> categories) {
        String one = categories.get(random.nextInt(categories.size()));
        return random.nextInt(4) == 0 ? one + ";" + categories.get(random.nextInt(categories.size())) : one;
    }

    /**
     * One introduction's life from its proposal, along the moves {@code IntroductionStage} allows, with a plausible
     * share taking each and a plausible wait before it; it stops at a final stage or where the next move would lie
     * after now (still waiting there).
     */
    static final class History {
        record Event(String kind, String from, String to, Instant at) {
        }

        final List<Event> events = new ArrayList<>();
        String stage = "PROPOSED";

        /** The furthest stage of the way to a deal it reached, as every move keeps it. */
        String furthest() {
            IntroductionStage furthest = IntroductionStage.PROPOSED;
            for (Event e : events) {
                furthest = IntroductionStage.valueOf(e.to).furthestAfter(furthest);
            }
            return furthest.name();
        }
        boolean approved;
        Instant introducedAt;

        static History of(SplittableRandom random, Instant proposed, Instant now) {
            History h = new History();
            Instant at = proposed;
            h.events.add(new Event("PROPOSED", null, "PROPOSED", at));
            while (true) {
                String next;
                long hours = 0;
                int roll = random.nextInt(100);
                switch (h.stage) {
                    case "PROPOSED" -> {
                        next = roll < 80 ? "APPROVED" : roll < 95 ? "DECLINED" : "WITHDRAWN";
                        hours = 1 + random.nextInt(72);
                    }
                    case "APPROVED" -> {
                        next = roll < 97 ? "CONSENT_REQUESTED_FIRST" : "WITHDRAWN";
                        hours = 1 + random.nextInt(4);
                    }
                    case "CONSENT_REQUESTED_FIRST", "CONSENT_REQUESTED_SECOND" -> {
                        next = roll < 78 ? (h.stage.equals("CONSENT_REQUESTED_FIRST") ? "CONSENT_REQUESTED_SECOND" : "CONSENTED")
                                : roll < 90 ? "CONSENT_DECLINED" : roll < 98 ? "EXPIRED" : "WITHDRAWN";
                        hours = next.equals("EXPIRED") ? 14 * 24 : 1 + random.nextInt(240);
                    }
                    case "CONSENTED" -> {
                        next = roll < 98 ? "INTRODUCED" : "WITHDRAWN";
                        hours = 1 + random.nextInt(24);
                    }
                    case "INTRODUCED" -> {
                        next = roll < 60 ? "MET" : roll < 70 ? "DEAL_CLOSED" : roll < 85 ? "NO_DEAL" : null;
                        hours = 24 * (3 + random.nextInt(28));
                    }
                    case "MET" -> {
                        next = roll < 45 ? "DEAL_CLOSED" : roll < 85 ? "NO_DEAL" : null;
                        hours = 24 * (7 + random.nextInt(60));
                    }
                    default -> next = null; // a final stage
                }
                if (next == null) {
                    return h;
                }
                Instant when = at.plus(Duration.ofHours(hours)).plusSeconds(random.nextInt(3600));
                // events that change no stage: one owner's yes before the other's, the one reminder of a consent request
                if (h.stage.equals("PROPOSED") && next.equals("APPROVED") && random.nextBoolean()) {
                    Instant side = at.plusSeconds(Duration.between(at, when).toSeconds() / 2);
                    if (side.isBefore(now)) {
                        h.events.add(new Event("APPROVED_SIDE", "PROPOSED", "PROPOSED", side));
                    }
                }
                Instant reminder = at.plus(Duration.ofDays(7));
                if (h.stage.startsWith("CONSENT_REQUESTED") && reminder.isBefore(when) && reminder.isBefore(now)) {
                    h.events.add(new Event("REMINDED", h.stage, h.stage, reminder));
                }
                if (!when.isBefore(now)) {
                    return h; // still waiting in this stage
                }
                h.events.add(new Event("MOVED", h.stage, next, when));
                if (next.equals("APPROVED")) {
                    h.approved = true;
                }
                if (next.equals("INTRODUCED")) {
                    h.introducedAt = when;
                }
                h.stage = next;
                at = when;
            }
        }
    }
}
