package org.rapport.reports;

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

import static org.assertj.core.api.Assertions.assertThat;

/** Problem follow-ups on time or missed, per salesperson, as their manager sees them. */
class ServiceStandardsIT {

    Api api;
    Team team;

    @BeforeEach
    void team() {
        api = TestServer.api();
        team = new Team(api);
    }

    @Test
    void aFollowUpDoneIsOnTimeAndOneNotDoneIsListedAsAMiss() {
        String reached = resolvedProblem(team.customerOfA);
        String missed = resolvedProblem(team.customerOfB);
        long followUp = api.asAdmin().get("api/planned-touches?customer=" + team.customerOfA).array().getValuesAs(JsonObject.class)
                .stream().filter(t -> t.getString("rule").equals("PROBLEM_FOLLOW_UP")).findFirst().orElseThrow().getInt("id");
        assertThat(team.as(team.a).postJson("api/call-lists/items/" + followUp + "/outcome", "{\"outcome\":\"REACHED\"}").status())
                .isEqualTo(200);

        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        String period = "?from=" + today + "&to=" + today.plusDays(10);
        Api.Reply report = team.as(team.m).get("api/reports/service-standards" + period);
        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        JsonObject teamFigures = report.json().getJsonObject("team");
        assertThat(teamFigures.getInt("follow_ups")).isEqualTo(2);
        assertThat(teamFigures.getInt("follow_ups_on_time")).isEqualTo(1);
        assertThat(teamFigures.getJsonNumber("follow_up_rate").doubleValue()).isEqualTo(0.5);
        assertThat(teamFigures.getJsonArray("follow_up_misses").getJsonObject(0).getString("problem")).isEqualTo(missed);
        assertThat(report.json().getJsonArray("salespeople").getValuesAs(JsonObject.class))
                .extracting(f -> f.getString("salesperson")).containsExactlyInAnyOrder(team.a, team.b);

        JsonObject own = team.as(team.a).get("api/reports/service-standards" + period).json();
        assertThat(own.getJsonArray("salespeople")).hasSize(1);
        assertThat(own.getJsonObject("team").getInt("follow_ups_on_time")).isEqualTo(1);
        assertThat(team.as(team.c).get("api/reports/service-standards" + period).json().getJsonObject("team").getInt("follow_ups"))
                .as("another team's salesperson sees none of it").isZero();
        assertThat(api.asAdmin().get("api/reports/service-standards?from=" + today).status()).isEqualTo(400);
        assertThat(api.asAdmin().get("api/reports/service-standards?from=" + today + "&to=" + today.minusDays(1)).status()).isEqualTo(400);
        assertThat(reached).isNotEqualTo(missed);
    }

    private String resolvedProblem(String customer) {
        String problem = Csv.unique("sp");
        assertThat(api.asAdmin().postJson("api/problems", "{\"external_id\":\"" + problem + "\",\"customer\":\"" + customer
                + "\",\"opened_at\":\"" + Instant.now().minusSeconds(7200) + "\",\"summary\":\"Broken delivery\"}").status()).isIn(200, 201);
        assertThat(api.asAdmin().postJson("api/problems/" + problem + "/resolve", "{\"resolution\":\"Replaced\"}").status()).isEqualTo(200);
        return problem;
    }
}
