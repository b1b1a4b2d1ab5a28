package org.rapport.platform.metrics;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.rapport.testing.Api;
import org.rapport.testing.Csv;
import org.rapport.testing.Eventually;
import org.rapport.testing.LocalPeer;
import org.rapport.testing.Metrics;
import org.rapport.testing.Team;
import org.rapport.testing.TestMailServer;
import org.rapport.testing.TestServer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator wires up (docs/operations.md): the figures to alert on, read the way Prometheus reads them
 * ({@code GET /metrics} without a login, in the text format, under the application scope), and the health checks.
 */
class MetricsIT {

    Api api = TestServer.api();
    Team team = new Team(api);

    @AfterEach
    void openTheGate() {
        TestMailServer.gate().acceptAll();
        TestMailServer.gate().release();
    }

    @Test
    void everyFigureIsPublishedWithoutALogin() {
        String text = scrape();
        for (String name : new String[] {"rapport_outbox_backlog", "rapport_outbox_oldest_due_age_seconds", "rapport_outbox_failed",
                "rapport_quartz_misfires_total", "rapport_login_lockouts_total"}) {
            assertThat(value(text, name)).as(name).isNotNaN().isGreaterThanOrEqualTo(0);
        }
        // the shared server never plans on a schedule, so no plan has finished: published, and NaN until one has
        // (PlanningDowntimeIT reads them after real planning times)
        assertThat(value(text, "rapport_planning_since_last_plan_seconds")).isNaN();
        assertThat(value(text, "rapport_planning_last_plan_lateness_seconds")).isNaN();
    }

    @Test
    void theLoadBalancerAsksReadinessAndTheOrchestratorLiveness() {
        Api.Reply ready = api.anonymous().get("health/ready");
        assertThat(ready.status()).as(ready.toString()).isEqualTo(200);
        assertThat(ready.json().getJsonArray("checks").getValuesAs(JsonObject.class)).extracting(c -> c.getString("name"))
                .containsExactlyInAnyOrder("database", "scheduler");
        Api.Reply live = api.anonymous().get("health/live");
        assertThat(live.status()).as(live.toString()).isEqualTo(200);
        assertThat(live.json().getJsonArray("checks").getValuesAs(JsonObject.class)).extracting(c -> c.getString("name"))
                .as("a database outage must not restart every instance: liveness does not ask the database").doesNotContain("database");
    }

    /**
     * A trigger an older instance could not run (Quartz leaves it in ERROR in the shared store) is named by readiness,
     * for the operator's alert, without making this instance unready. Set by hand on the weekly report's trigger, and
     * put back as it was.
     */
    @Test
    void aTriggerInErrorIsNamedByReadiness() throws Exception {
        try (Connection db = DriverManager.getConnection(System.getenv("RAPPORT_DB_URL"), System.getenv("RAPPORT_DB_USER"),
                System.getenv("RAPPORT_DB_PASSWORD"));
             PreparedStatement read = db.prepareStatement("SELECT TRIGGER_STATE FROM QRTZ_TRIGGERS WHERE TRIGGER_GROUP = 'rapport'"
                     + " AND TRIGGER_NAME = 'WeeklyNetweavingReportJob'");
             PreparedStatement set = db.prepareStatement("UPDATE QRTZ_TRIGGERS SET TRIGGER_STATE = ? WHERE TRIGGER_GROUP = 'rapport'"
                     + " AND TRIGGER_NAME = 'WeeklyNetweavingReportJob'")) {
            String before;
            try (ResultSet state = read.executeQuery()) {
                assertThat(state.next()).as("the weekly report is scheduled").isTrue();
                before = state.getString(1);
            }
            JsonObject quiet = readiness();
            assertThat(quiet.containsKey("data") ? quiet.getJsonObject("data") : JsonObject.EMPTY_JSON_OBJECT)
                    .as("no trigger in ERROR yet").doesNotContainKey("jobs_in_error");
            set.setString(1, "ERROR");
            assertThat(set.executeUpdate()).isEqualTo(1);
            try {
                JsonObject scheduler = readiness();
                assertThat(scheduler.getString("status")).as("still ready: the next start resets it").isEqualTo("UP");
                assertThat(scheduler.getJsonObject("data").getString("jobs_in_error")).isEqualTo("WeeklyNetweavingReportJob");
            } finally {
                set.setString(1, before);
                set.executeUpdate();
            }
        }
    }

    private JsonObject readiness() {
        Api.Reply ready = api.anonymous().get("health/ready");
        assertThat(ready.status()).as(ready.toString()).isEqualTo(200);
        return ready.json().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals("scheduler")).findFirst().orElseThrow();
    }

    @Test
    void aMessageOnTheWireIsInTheBacklogAndARefusedOneCountsAsFailed() throws Exception {
        String held = customer("held");
        TestMailServer.gate().hold(held);
        compose(held);
        assertThat(TestMailServer.gate().awaitHeld(Duration.ofSeconds(60))).as("the message reached the server").isTrue();
        assertThat(value(scrape(), "rapport_outbox_backlog")).as("the held message is due and not yet sent").isGreaterThanOrEqualTo(1);
        TestMailServer.gate().release();

        double failedBefore = value(scrape(), "rapport_outbox_failed");
        String refused = customer("refused");
        TestMailServer.gate().reject(refused);
        int id = compose(refused);
        Eventually.within(Duration.ofSeconds(60)).until(() -> api.asAdmin().get("api/outbox/" + id).json().getString("status").equals("FAILED"));
        assertThat(value(scrape(), "rapport_outbox_failed")).isGreaterThanOrEqualTo(failedBefore + 1);
    }

    /**
     * Both dispatchers of the shared server stuck on a message each that the mail server keeps on the wire: a third
     * message due meanwhile waits, and the oldest due message's age says so; once the wire frees, it goes.
     */
    @Test
    void aMessageWaitingBehindStuckDispatchersAges() throws Exception {
        for (String stuck : new String[] {customer("stuck"), customer("stuck")}) {
            TestMailServer.gate().hold(stuck);
            compose(stuck);
            assertThat(TestMailServer.gate().awaitHeld(Duration.ofSeconds(60))).as("a dispatcher holds %s", stuck).isTrue();
        }
        int waiting = compose(customer("waiting"));

        Eventually.within(Duration.ofSeconds(30)).until(() -> value(scrape(), "rapport_outbox_oldest_due_age_seconds") >= 2);
        assertThat(api.asAdmin().get("api/outbox/" + waiting).json().getString("status")).isEqualTo("PENDING");

        TestMailServer.gate().release();
        Eventually.within(Duration.ofSeconds(60)).until(() -> api.asAdmin().get("api/outbox/" + waiting).json().getString("status").equals("SENT"));
    }

    @Test
    void aLockOutIsCountedOnce() {
        double before = value(scrape(), "rapport_login_lockouts_total");
        // through the trusted proxy with a client of its own, so no other test's address is locked out
        LocalPeer proxy = LocalPeer.at("127.0.0.3", TestServer.uri());
        String client = "198.19." + ThreadLocalRandom.current().nextInt(256) + "." + (1 + ThreadLocalRandom.current().nextInt(254));
        String name = Csv.unique("guessed");
        int status = 401;
        for (int attempt = 0; attempt < 5; attempt++) { // rapport.auth.max-failures of the test server
            status = proxy.get("api/users", name, "wrong-password-guess", Map.of("X-Forwarded-For", client));
        }
        assertThat(status).isEqualTo(401);
        assertThat(proxy.get("api/users", name, "wrong-password-guess", Map.of("X-Forwarded-For", client))).as("locked out").isEqualTo(429);

        assertThat(value(scrape(), "rapport_login_lockouts_total")).as("the refused sixth try is no new lock-out").isEqualTo(before + 1);
    }

    private String scrape() {
        return Metrics.scrape(api);
    }

    private static double value(String text, String name) {
        return Metrics.value(text, name);
    }

    private String customer(String prefix) {
        String tag = Csv.unique(prefix);
        String email = tag.toLowerCase() + "@metrics.example";
        Api.Reply imported = api.asAdmin().postCsv("api/import/customers", Csv.lines(
                "external_id,company,preferred_name,email,time_zone,owner", tag.toUpperCase() + ",Metrics AG,Max," + email + ",Europe/Berlin," + team.a));
        assertThat(imported.json().getInt("created")).as(imported.toString()).isEqualTo(1);
        return email;
    }

    private int compose(String email) {
        String customer = email.substring(0, email.indexOf('@')).toUpperCase();
        Api.Reply reply = api.asAdmin().postJson("api/outbox", "{\"template\":\"thank-you-anniversary\",\"customer\":\"" + customer
                + "\",\"fields\":{\"years\":\"1\"}}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().getInt("id");
    }
}
