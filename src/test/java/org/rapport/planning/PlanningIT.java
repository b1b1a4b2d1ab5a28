package org.rapport.planning;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.testing.Api;
import org.rapport.testing.TestServer;
import org.rapport.testing.Csv;
import org.rapport.testing.Team;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** The planner against the real database: idempotent, safe to run twice at once, and scoped to the caller. */
class PlanningIT {

    Api api;
    Team team;

    @BeforeEach
    void team() {
        api = TestServer.api();
        team = new Team(api);
    }

    @Test
    void planningTwiceOrTwiceAtOnceGivesTheSameRows() {
        assertThat(planned(team.customerOfA)).as("imported customers wait for the next run").isEmpty();
        Api.Reply run = api.asAdmin().postJson("api/planning/run", "");
        assertThat(run.status()).as(run.toString()).isEqualTo(200);
        assertThat(run.json().getInt("customers")).isGreaterThanOrEqualTo(3);
        List<JsonObject> first = planned(team.customerOfA);
        assertThat(first).as("a new customer nobody has spoken to is due for a courtesy call").isNotEmpty();
        assertThat(first.get(0).getString("rule")).isEqualTo("COURTESY");
        assertThat(first.get(0).getString("channel")).isEqualTo("CALL");
        assertThat(first.get(0).getString("salesperson")).isEqualTo(team.a);
        assertThat(first.get(0).getString("reason")).contains("no conversation on record");

        JsonObject again = api.asAdmin().postJson("api/planning/run", "").json();
        assertThat(again.getInt("proposals")).as("the same touches proposed again").isGreaterThanOrEqualTo(first.size());
        assertThat(again.getInt("created")).as("none of them new").isZero();
        CompletableFuture<Api.Reply> one = CompletableFuture.supplyAsync(() -> api.asAdmin().postJson("api/planning/run", ""));
        CompletableFuture<Api.Reply> two = CompletableFuture.supplyAsync(() -> api.asAdmin().postJson("api/planning/run", ""));
        assertThat(one.join().status()).as(one.join().toString()).isEqualTo(200);
        assertThat(two.join().status()).as(two.join().toString()).isEqualTo(200);
        assertThat(planned(team.customerOfA)).extracting(o -> o.getInt("id")).containsExactlyElementsOf(first.stream().map(o -> o.getInt("id")).toList());
    }

    @Test
    void aResolvedProblemBecomesAFollowUpCallAtOnce() {
        String problem = Csv.unique("p");
        Api.Reply opened = api.asAdmin().postJson("api/problems", "{\"external_id\":\"" + problem + "\",\"customer\":\"" + team.customerOfB
                + "\",\"opened_at\":\"" + Instant.now().minusSeconds(86_400) + "\",\"summary\":\"Late delivery\"}");
        assertThat(opened.status()).as(opened.toString()).isIn(200, 201);
        assertThat(api.asAdmin().postJson("api/problems/" + problem + "/resolve", "{\"resolution\":\"Sent by express\"}").status()).isEqualTo(200);

        List<JsonObject> touches = planned(team.customerOfB);
        JsonObject followUp = touches.stream().filter(t -> t.getString("rule").equals("PROBLEM_FOLLOW_UP")).findFirst().orElseThrow();
        assertThat(followUp.getInt("priority")).isGreaterThanOrEqualTo(200);
        assertThat(followUp.getString("reason")).contains("Late delivery");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        assertThat(LocalDate.parse(followUp.getString("due_on"))).isAfter(today);
    }

    @Test
    void aLargePurchaseIsThankedByEmailInsideTheCustomersSendWindow() {
        String purchase = Csv.unique("buy");
        Api.Reply recorded = api.asAdmin().postJson("api/purchases", "{\"external_id\":\"" + purchase + "\",\"customer\":\""
                + team.customerOfC + "\",\"purchased_on\":\"" + LocalDate.now(ZoneId.of("America/New_York")).minusDays(1)
                + "\",\"amount\":\"25000.00\",\"currency\":\"USD\",\"description\":\"Fleet licence\"}");
        assertThat(recorded.status()).as(recorded.toString()).isIn(200, 201);
        JsonObject thanks = planned(team.customerOfC).stream().filter(t -> t.getString("rule").equals("THANK_YOU_PURCHASE"))
                .findFirst().orElseThrow();
        assertThat(thanks.getString("status")).isEqualTo("QUEUED");
        JsonObject message = api.asAdmin().get("api/outbox/" + thanks.getInt("outbox_id")).json();
        assertThat(message.getString("template")).isEqualTo("thank-you-purchase");
        int hour = Instant.parse(message.getString("not_before")).atZone(ZoneId.of("America/New_York")).getHour();
        assertThat(hour).as("inside 08:00-18:00 New York time").isBetween(8, 17);
    }

    @Test
    void plannedTouchesAreScopedAndPlanningIsForAdmins() {
        assertThat(team.as(team.c).get("api/planned-touches?customer=" + team.customerOfA).status()).isEqualTo(403);
        assertThat(team.as(team.a).get("api/planned-touches?customer=" + team.customerOfA).status()).isEqualTo(200);
        assertThat(team.as(team.a).get("api/planned-touches").array().getValuesAs(JsonObject.class))
                .allMatch(t -> t.getString("salesperson", "").equals(team.a) || t.isNull("salesperson"));
        assertThat(team.as(team.a).postJson("api/planning/run", "").status()).isEqualTo(403);
        assertThat(api.asAdmin().postJson("api/planning/run?date=not-a-date", "").status()).isEqualTo(400);
    }

    private List<JsonObject> planned(String customer) {
        Api.Reply reply = api.asAdmin().get("api/planned-touches?customer=" + customer);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.array().getValuesAs(JsonObject.class);
    }
}
