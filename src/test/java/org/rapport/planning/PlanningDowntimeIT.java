package org.rapport.planning;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rapport.demo.DataGenerator;
import org.rapport.demo.DemoStart;
import org.rapport.testing.Api;
import org.rapport.testing.Eventually;
import org.rapport.testing.LauncherInstance;
import org.rapport.testing.Metrics;
import org.rapport.testing.Standalone;
import org.rapport.testing.UnderTarget;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The demo as the README starts it (embedded database, no settings) is stopped on a Monday morning, and the same
 * database is started again on Thursday for real use ({@code RAPPORT_DEMO=false}), each time with a frozen clock and
 * the hourly planning time of production, started like production with the launcher.
 * <ul>
 * <li>The demo listens on 127.0.0.1 only and announces its public logins; started for real, those logins are gone,
 * the demo data stays, and it listens on every interface.</li>
 * <li>The hourly planning times of Monday to Thursday were missed: on start the service plans once, for Thursday, and
 * Monday's unfinished calls come forward on Thursday's list, higher than they were.</li>
 * </ul>
 * One story for both because each start of an instance costs half a minute of the test run.
 */
@Tag("process")
@Standalone
class PlanningDowntimeIT {

    private static final Instant MONDAY = Instant.parse("2026-03-02T06:00:00Z");
    private static final Instant THURSDAY = Instant.parse("2026-03-05T09:00:00Z");

    private final List<LauncherInstance> instances = new ArrayList<>();

    @AfterEach
    void stopInstances() throws InterruptedException {
        for (LauncherInstance instance : instances) {
            instance.stop(); // gracefully: the launcher then stops its embedded MariaDB too
        }
    }

    @Test
    void aDemoStoppedOnMondayAndStartedForRealOnThursday(@TempDir(factory = UnderTarget.class) Path data) throws Exception {

        Map<String, String> demoEnv = new HashMap<>();
        demoEnv.put("RAPPORT_DEMO", null); // the default with the embedded database: demo mode
        demoEnv.put("RAPPORT_ADMIN_PASSWORD", null);
        demoEnv.put("RAPPORT_HTTP_HOST", null);
        LauncherInstance monday = start("downtime-monday", data, MONDAY, demoEnv);
        theDemoListensLocallyAndItsPublicLoginsWork(monday);
        Api admin = Api.at(monday.baseUri()).as("admin", DemoStart.ADMIN_PASSWORD);
        List<JsonObject> runs = awaitFinishedRuns(admin, 1);
        assertThat(runs.get(0).getString("slot")).as("the planning time due at start").isEqualTo("2026-03-02T05:05:00Z");
        assertThat(runs.get(0).getInt("proposals")).isPositive();
        theDemoSalespersonsListOpensWithAFollowUpAndHoldsOnlyASmallBacklog(Api.at(monday.baseUri()).as("sales", DemoStart.SALES_PASSWORD));
        Map<Long, Integer> mondayItems = new HashMap<>();
        String salesperson = firstWithCalls(admin, "2026-03-02", mondayItems);
        monday.stop();

        Map<String, String> realEnv = new HashMap<>(demoEnv);
        realEnv.put("RAPPORT_DEMO", "false");
        realEnv.put("RAPPORT_ADMIN_PASSWORD", Api.ADMIN_PASSWORD);
        realEnv.put("RAPPORT_RETENTION_MESSAGE_BODIES", "P2D");
        realEnv.put("RAPPORT_RETENTION_CALL_NOTES", "P30D");
        LauncherInstance thursday = start("downtime-thursday", data, THURSDAY, realEnv);
        itsPublicLoginsAreGoneAndItsDataStays(thursday);
        aStartAfterADowntimePlansOnceForTodayAndCarriesUnfinishedCallsForward(Api.at(thursday.baseUri()).asAdmin(),
                salesperson, mondayItems);
        retentionOnThursdayRemovesMondaysMailAndOldCallNotes(Api.at(thursday.baseUri()).asAdmin(), data.resolve("outbox"));
    }

    /**
     * Retention by the frozen clock of Thursday, with message bodies kept two days and call notes thirty: the .eml files
     * and bodies of Monday's mail go, Thursday's stay; the notes of the demo's calls older than thirty days go, newer
     * ones stay.
     */
    private static void retentionOnThursdayRemovesMondaysMailAndOldCallNotes(Api admin, Path emlFolder) throws Exception {
        Instant bodiesBefore = THURSDAY.minus(Duration.ofDays(2));
        Instant notesBefore = THURSDAY.minus(Duration.ofDays(30));
        List<JsonObject> sent = admin.get("api/outbox?status=SENT&limit=500").array().getValuesAs(JsonObject.class);
        List<String> mondays = sent.stream().filter(m -> Instant.parse(m.getString("closed_at")).isBefore(bodiesBefore))
                .map(m -> m.getString("message_id")).toList();
        List<String> thursdays = sent.stream().filter(m -> !Instant.parse(m.getString("closed_at")).isBefore(bodiesBefore))
                .map(m -> m.getString("message_id")).toList();
        assertThat(mondays).as("mail the demo sent on Monday").isNotEmpty();
        assertThat(emlMessageIds(emlFolder)).containsAll(mondays);
        Map<Boolean, Long> notedBefore = notedCalls(admin, notesBefore);
        assertThat(notedBefore.get(true)).as("demo calls with notes older than thirty days").isPositive();

        Api.Reply run = admin.postJson("api/retention/run", "");
        assertThat(run.status()).as(run.toString()).isEqualTo(200);

        assertThat(emlMessageIds(emlFolder)).as("Monday's files are gone, Thursday's stay").doesNotContainAnyElementsOf(mondays)
                .containsAll(thursdays);
        for (JsonObject message : admin.get("api/outbox?status=SENT&limit=500").array().getValuesAs(JsonObject.class)) {
            boolean old = mondays.contains(message.getString("message_id"));
            assertThat(message.isNull("body_removed_at")).as(message.toString()).isEqualTo(!old);
            assertThat(message.isNull("subject")).as(message.toString()).isEqualTo(old);
        }
        Map<Boolean, Long> notedAfter = notedCalls(admin, notesBefore);
        assertThat(notedAfter.get(true)).as("no note older than thirty days is left").isZero();
        assertThat(notedAfter.get(false)).as("newer notes stay").isEqualTo(notedBefore.get(false));
    }

    /** The Message-IDs of the .eml files in the folder. */
    private static List<String> emlMessageIds(Path folder) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".eml")).toList()) {
                try (var in = Files.newInputStream(file)) {
                    ids.add(new jakarta.mail.internet.MimeMessage(null, in).getMessageID());
                }
            }
        }
        return ids;
    }

    /** Calls and visits of the first 100 customers with a note, counted by whether they are older than {@code before}. */
    private static Map<Boolean, Long> notedCalls(Api admin, Instant before) {
        Map<Boolean, Long> noted = new HashMap<>(Map.of(true, 0L, false, 0L));
        for (JsonObject customer : admin.get("api/customers?limit=100").array().getValuesAs(JsonObject.class)) {
            JsonObject detail = admin.get("api/customers/" + customer.getString("external_id")).json();
            for (JsonObject touch : detail.getJsonArray("recent_touches").getValuesAs(JsonObject.class)) {
                if (List.of("CALL", "VISIT").contains(touch.getString("kind")) && !touch.isNull("note")
                        && !touch.getString("note").isEmpty()) {
                    noted.merge(Instant.parse(touch.getString("occurred_at")).isBefore(before), 1L, Long::sum);
                }
            }
        }
        return noted;
    }

    private static void theDemoListensLocallyAndItsPublicLoginsWork(LauncherInstance demo) throws IOException {
        Api api = Api.at(demo.baseUri());
        assertThat(api.as("admin", DemoStart.ADMIN_PASSWORD).get("api/users").status()).isEqualTo(200);
        assertThat(api.as("manager", DemoStart.MANAGER_PASSWORD).get("api/customers").status()).isEqualTo(200);
        assertThat(api.as("sales", DemoStart.SALES_PASSWORD).get("api/customers").status()).isEqualTo(200);
        String console = Files.readString(log("downtime-monday"));
        assertThat(console).contains("PUBLIC demo passwords", "sales / " + DemoStart.SALES_PASSWORD);

        assertThat(console).contains("Created HTTP listener http-listener on host/port 127.0.0.1:" + demo.port());
        Optional<InetAddress> network = networkAddress();
        if (network.isPresent()) { // where the machine has a network interface, knock on it
            assertThatThrownBy(() -> connect(network.get(), demo.port())).as("the demo from " + network.get())
                    .isInstanceOf(IOException.class);
        }

        Api.Reply lastAdmin = api.as("admin", DemoStart.ADMIN_PASSWORD).put("api/users/admin", "{\"role\":\"ADMIN\",\"enabled\":false}");
        assertThat(lastAdmin.status()).as("disabling the only admin: " + lastAdmin).isEqualTo(409);
    }

    /**
     * The demo's {@code sales} login sees a company already using Rapport: a problem follow-up first, then courtesy calls
     * (a top-10 customer's among them), and only a small backlog of days or weeks, not months.
     */
    private static void theDemoSalespersonsListOpensWithAFollowUpAndHoldsOnlyASmallBacklog(Api sales) {
        String salesperson = DataGenerator.salespersonId(DataGenerator.SHOWCASE_SALESPERSON);
        Api.Reply reply = sales.get("api/call-lists/" + salesperson + "/2026-03-02");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        List<JsonObject> items = reply.json().getJsonArray("items").getValuesAs(JsonObject.class);
        assertThat(items).as("the list of %s", salesperson).isNotEmpty();
        assertThat(items.get(0).getString("rule")).as(items.toString()).isEqualTo("PROBLEM_FOLLOW_UP");
        assertThat(items).as("courtesy calls").anySatisfy(i -> assertThat(i.getString("rule")).isEqualTo("COURTESY"));
        assertThat(reply.json().getInt("backlog_count")).as(items.toString()).isLessThanOrEqualTo(5);
        assertThat(items).allSatisfy(i -> assertThat(i.getInt("days_overdue")).isLessThanOrEqualTo(DataGenerator.BACKLOG_MAX_DAYS));
    }

    private static void itsPublicLoginsAreGoneAndItsDataStays(LauncherInstance real) throws IOException {
        Api api = Api.at(real.baseUri());
        assertThat(api.as("manager", DemoStart.MANAGER_PASSWORD).get("api/customers").status()).isEqualTo(401);
        assertThat(api.as("sales", DemoStart.SALES_PASSWORD).get("api/customers").status()).isEqualTo(401);
        assertThat(api.as("admin", DemoStart.ADMIN_PASSWORD).get("api/customers").status()).isEqualTo(401);
        Api.Reply users = api.asAdmin().get("api/users");
        assertThat(users.status()).as(users.toString()).isEqualTo(200);
        assertThat(users.array().getValuesAs(JsonObject.class)).extracting(u -> u.getString("username")).containsExactly("admin");
        assertThat(api.asAdmin().get("api/customers?limit=1").array()).as("the demo data stays").isNotEmpty();
        assertThat(Files.readString(log("downtime-thursday"))).contains("Created HTTP listener http-listener on host/port 0.0.0.0:" + real.port());
    }

    private static void aStartAfterADowntimePlansOnceForTodayAndCarriesUnfinishedCallsForward(Api admin, String salesperson,
                                                                                             Map<Long, Integer> mondayItems) {
        List<JsonObject> runs = awaitFinishedRuns(admin, 2);
        assertThat(runs).as("one plan at each start, none for the hours missed in between")
                .extracting(r -> r.getString("slot")).containsExactly("2026-03-05T08:05:00Z", "2026-03-02T05:05:00Z");

        // at /metrics, by the service's clock (frozen at 09:00): the newest plan was due at 08:05 and finished at 09:00
        String metrics = Metrics.scrape(admin);
        assertThat(Metrics.value(metrics, "rapport_planning_since_last_plan_seconds")).isEqualTo(55 * 60);
        assertThat(Metrics.value(metrics, "rapport_planning_last_plan_lateness_seconds")).isEqualTo(55 * 60);

        JsonObject list = admin.get("api/call-lists/" + salesperson + "/2026-03-05").json();
        Map<Long, JsonObject> thursdayItems = new HashMap<>();
        list.getJsonArray("items").getValuesAs(JsonObject.class).forEach(i -> thursdayItems.put(i.getJsonNumber("id").longValue(), i));
        List<Long> carried = mondayItems.keySet().stream().filter(thursdayItems::containsKey).toList();
        assertThat(carried).as("Monday's unfinished calls on Thursday's list of %s", salesperson).isNotEmpty();
        for (long id : carried) {
            JsonObject item = thursdayItems.get(id);
            assertThat(item.getString("due_on")).isLessThanOrEqualTo("2026-03-02");
            assertThat(item.getInt("priority")).as("item %d three days later", id).isEqualTo(mondayItems.get(id) + 3);
        }
        for (JsonObject touch : admin.get("api/planned-touches?limit=1000").array().getValuesAs(JsonObject.class)) {
            assertThat(touch.getString("created_at")).as("planned only at the two starts")
                    .isIn("2026-03-02T06:00:00Z", "2026-03-05T09:00:00Z", "2026-03-05T09:00:00.000Z", "2026-03-02T06:00:00.000Z");
        }
    }

    private LauncherInstance start(String name, Path data, Instant clock, Map<String, String> settings) throws Exception {
        Files.deleteIfExists(log(name));
        Map<String, String> env = new HashMap<>(settings);
        env.put("RAPPORT_CLOCK", clock.toString());
        env.put("RAPPORT_PLANNING_CRON", "0 5 * * * ?"); // hourly, the default (the other tests switch it off)
        // its own embedded database; mail to .eml files, no reply mailbox (nothing of the other tests' GreenMail)
        Stream.of("RAPPORT_DB_URL", "RAPPORT_DB_USER", "RAPPORT_DB_PASSWORD", "RAPPORT_SMTP_HOST", "RAPPORT_IMAP_HOST")
                .forEach(key -> env.put(key, null));
        LauncherInstance instance = LauncherInstance.start(name, data, env);
        instances.add(instance);
        return instance.awaitUp();
    }

    private static List<JsonObject> awaitFinishedRuns(Api admin, int count) {
        Eventually.within(Duration.ofMinutes(2)).until(() -> runs(admin).stream().filter(r -> !r.isNull("finished_at")).count() >= count);
        return runs(admin);
    }

    private static List<JsonObject> runs(Api admin) {
        Api.Reply runs = admin.get("api/planning/runs");
        assertThat(runs.status()).as(runs.toString()).isEqualTo(200);
        return runs.array().getValuesAs(JsonObject.class);
    }

    /** The first demo salesperson with calls on that day's list; their items' ids and priorities go into {@code items}. */
    private static String firstWithCalls(Api admin, String date, Map<Long, Integer> items) {
        for (int i = 1; i <= DataGenerator.Size.DEMO.salespeople(); i++) {
            String salesperson = DataGenerator.salespersonId(i);
            JsonObject list = admin.get("api/call-lists/" + salesperson + "/" + date).json();
            List<JsonObject> calls = list.getJsonArray("items").getValuesAs(JsonObject.class);
            if (!calls.isEmpty()) {
                calls.forEach(c -> items.put(c.getJsonNumber("id").longValue(), c.getInt("priority")));
                return salesperson;
            }
        }
        throw new AssertionError("no demo salesperson has calls on " + date);
    }

    private static Path log(String name) {
        return Path.of(System.getProperty("rapport.test.war")).resolveSibling(name + ".log");
    }

    private static Optional<InetAddress> networkAddress() throws IOException {
        return NetworkInterface.networkInterfaces().filter(i -> {
                    try {
                        return i.isUp() && !i.isLoopback();
                    } catch (IOException e) {
                        return false;
                    }
                })
                .flatMap(NetworkInterface::inetAddresses).filter(a -> a instanceof Inet4Address).findFirst();
    }

    private static void connect(InetAddress address, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 3_000);
        }
    }
}
