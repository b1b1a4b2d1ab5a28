package org.rapport.planning;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.rapport.demo.DataGenerator;
import org.rapport.testing.Api;
import org.rapport.testing.Eventually;
import org.rapport.testing.LauncherInstance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service is stopped on a Monday morning and started again on Thursday, each time with a frozen clock (the demo
 * on its own embedded MariaDB, started like production with the launcher). The hourly planning times of Monday to
 * Thursday were missed: on start the service plans once, for Thursday, and Monday's unfinished calls come forward on
 * Thursday's list, higher than they were.
 */
@Tag("process")
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
    void aStartAfterADowntimePlansOnceForTodayAndCarriesUnfinishedCallsForward() throws Exception {
        Path data = Path.of(System.getProperty("rapport.test.war")).getParent().resolve("downtime");
        deleteRecursively(data);

        LauncherInstance monday = start(data, MONDAY);
        Api admin = Api.at(monday.baseUri()).asAdmin();
        List<JsonObject> runs = awaitFinishedRuns(admin, 1);
        assertThat(runs.get(0).getString("slot")).as("the planning time due at start").isEqualTo("2026-03-02T05:05:00Z");
        assertThat(runs.get(0).getInt("proposals")).isPositive();
        Map<Long, Integer> mondayItems = new HashMap<>();
        String salesperson = firstWithCalls(admin, "2026-03-02", mondayItems);
        monday.stop();

        LauncherInstance thursday = start(data, THURSDAY);
        admin = Api.at(thursday.baseUri()).asAdmin();
        runs = awaitFinishedRuns(admin, 2);
        assertThat(runs).as("one plan at each start, none for the hours missed in between")
                .extracting(r -> r.getString("slot")).containsExactly("2026-03-05T08:05:00Z", "2026-03-02T05:05:00Z");

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

    private LauncherInstance start(Path data, Instant clock) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("RAPPORT_CLOCK", clock.toString());
        env.put("RAPPORT_DEMO", "true");
        env.put("RAPPORT_PLANNING_CRON", "0 5 * * * ?"); // hourly, the default (the other tests switch it off)
        // its own embedded database with the demo data; mail to .eml files, no reply mailbox
        Stream.of("RAPPORT_DB_URL", "RAPPORT_DB_USER", "RAPPORT_DB_PASSWORD", "RAPPORT_SMTP_HOST", "RAPPORT_IMAP_HOST")
                .forEach(key -> env.put(key, null));
        LauncherInstance instance = LauncherInstance.start("downtime", data, env);
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

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
