package org.rapport.reports;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.planning.BusinessCalendar;
import org.rapport.planning.JollydayHolidays;
import org.rapport.testing.Api;
import org.rapport.testing.Csv;
import org.rapport.testing.Team;
import org.rapport.testing.TestServer;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Problem follow-ups on time, missed or still pending, coverage and completion, per salesperson, as their manager sees them. */
class ServiceStandardsIT {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    Api api;
    Team team;

    @BeforeEach
    void team() {
        api = TestServer.api();
        team = new Team(api);
    }

    @Test
    void aFollowUpDoneIsOnTimeOneOverdueIsAMissAndOneNotYetDueIsPending() {
        String late = team.tag + "-CB2";
        assertThat(api.asAdmin().postCsv("api/import/customers", Csv.lines("external_id,company,time_zone,owner",
                late + ",Late KG,Europe/Berlin," + team.b)).json().getInt("created")).isEqualTo(1);
        Instant now = Instant.now();
        String reached = resolvedProblem(team.customerOfA, now);
        String pending = resolvedProblem(team.customerOfB, now);
        Instant sixDaysAgo = now.minus(Duration.ofDays(6));
        String missed = resolvedProblem(late, sixDaysAgo);
        assertThat(outcome(team.customerOfA, "PROBLEM_FOLLOW_UP", "{\"outcome\":\"REACHED\"}")).isEqualTo(200);

        LocalDate today = LocalDate.now(BERLIN);
        String period = "?from=" + today.minusDays(10) + "&to=" + today.plusDays(10);
        Api.Reply report = team.as(team.m).get("api/reports/service-standards" + period);
        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        JsonObject teamFigures = report.json().getJsonObject("team");
        assertThat(teamFigures.getInt("follow_ups")).as(report.toString()).isEqualTo(3);
        assertThat(teamFigures.getInt("follow_ups_on_time")).as(report.toString()).isEqualTo(1);
        assertThat(teamFigures.getInt("follow_ups_pending")).as("%s: not due yet, not done yet", pending).isEqualTo(1);
        assertThat(teamFigures.getJsonNumber("follow_up_rate").doubleValue()).as("1 of the 2 that can be judged").isEqualTo(0.5);
        // the standard is two business days after the resolution, not two calendar days
        LocalDate resolvedOn = sixDaysAgo.atZone(BERLIN).toLocalDate();
        LocalDate dueBy = new BusinessCalendar(new JollydayHolidays(), Set.of()).plusBusinessDays(resolvedOn, 2, null);
        assertThat(teamFigures.getJsonArray("follow_up_misses").getValuesAs(JsonObject.class)).singleElement().satisfies(miss -> {
            assertThat(miss.getString("problem")).isEqualTo(missed);
            assertThat(miss.getString("customer")).isEqualTo(late);
            assertThat(miss.getString("due_by")).isEqualTo(dueBy.toString());
            assertThat(miss.getString("standard")).isEqualTo("MISSED");
        });
        assertThat(report.json().getJsonArray("salespeople").getValuesAs(JsonObject.class))
                .extracting(f -> f.getString("salesperson")).containsExactlyInAnyOrder(team.a, team.b);

        JsonObject own = team.as(team.a).get("api/reports/service-standards" + period).json();
        assertThat(own.getJsonArray("salespeople")).hasSize(1);
        assertThat(own.getJsonObject("team").getInt("follow_ups")).isEqualTo(1);
        assertThat(own.getJsonObject("team").getInt("follow_ups_on_time")).as(reached).isEqualTo(1);
        assertThat(own.getJsonObject("team").getJsonNumber("follow_up_rate").doubleValue()).isEqualTo(1.0);
        assertThat(team.as(team.c).get("api/reports/service-standards" + period).json().getJsonObject("team").getInt("follow_ups"))
                .as("another team's salesperson sees none of it").isZero();
        assertThat(api.asAdmin().get("api/reports/service-standards?from=" + today).status()).isEqualTo(400);
        assertThat(api.asAdmin().get("api/reports/service-standards?from=" + today + "&to=" + today.minusDays(1)).status()).isEqualTo(400);
    }

    @Test
    void coverageCountsTopCustomersSpokenToWithinTheirCadenceAndCompletionTheCallsDone() {
        String seller = team.tag + "-S";
        assertThat(api.asAdmin().postCsv("api/import/salespeople", Csv.lines("external_id,name,email,time_zone,region,manager",
                seller + ",Sam Seller,sam@example.com,Europe/Berlin,DE-BE," + team.m)).json().getJsonArray("rejected")).isEmpty();
        String spoken = seller + "-T10A";
        String called = seller + "-T10B";
        String waiting = seller + "-T100";
        String standard = seller + "-STD";
        assertThat(api.asAdmin().postCsv("api/import/customers", Csv.lines("external_id,company,time_zone,owner,tier",
                spoken + ",Spoken,Europe/Berlin," + seller + ",TOP10",
                called + ",Called,Europe/Berlin," + seller + ",TOP10",
                waiting + ",Waiting,Europe/Berlin," + seller + ",TOP100",
                standard + ",Plain,Europe/Berlin," + seller + ",STANDARD")).json().getInt("created")).isEqualTo(4);
        assertThat(api.asAdmin().postJson("api/touches", "{\"customer\":\"" + spoken + "\",\"kind\":\"VISIT\",\"outcome\":\"REACHED\"}")
                .status()).isIn(200, 201);
        assertThat(api.asAdmin().postJson("api/planning/run", "").status()).isEqualTo(200);
        assertThat(outcome(called, "COURTESY", "{\"outcome\":\"REACHED\"}")).isEqualTo(200);
        // a courtesy call handed back was due and not made: it leaves the list, not the completion figure
        long plain = api.asAdmin().get("api/planned-touches?customer=" + standard).array().getValuesAs(JsonObject.class).stream()
                .filter(t -> t.getString("status").equals("OPEN")).findFirst().orElseThrow().getInt("id");
        assertThat(api.asAdmin().postJson("api/call-lists/items/" + plain + "/hand-back", "{}").status()).isEqualTo(200);

        LocalDate today = LocalDate.now(BERLIN);
        Api.Reply report = team.as(team.m).get("api/reports/service-standards?from=" + today.minusDays(1) + "&to=" + today);
        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        JsonObject sam = report.json().getJsonArray("salespeople").getValuesAs(JsonObject.class).stream()
                .filter(f -> f.getString("salesperson").equals(seller)).findFirst().orElseThrow(() -> new AssertionError(report));
        assertThat(sam.getInt("top10customers")).isEqualTo(2);
        assertThat(sam.getInt("top10covered")).as("a visit and a call reached").isEqualTo(2);
        assertThat(sam.getJsonNumber("top10coverage").doubleValue()).isEqualTo(1.0);
        assertThat(sam.getInt("top100customers")).isEqualTo(1);
        assertThat(sam.getInt("top100covered")).isZero();
        assertThat(sam.getJsonNumber("top100coverage").doubleValue()).isEqualTo(0.0);
        assertThat(sam.getInt("calls_due")).as("courtesy calls of %s, %s and %s (handed back)", called, waiting, standard)
                .isEqualTo(3);
        assertThat(sam.getInt("calls_done")).isEqualTo(1);
        assertThat(sam.getJsonNumber("call_list_completion").doubleValue()).isEqualTo(0.333);
    }

    private String resolvedProblem(String customer, Instant resolvedAt) {
        String problem = Csv.unique("sp");
        Api.Reply opened = api.asAdmin().postJson("api/problems", "{\"external_id\":\"" + problem + "\",\"customer\":\"" + customer
                + "\",\"opened_at\":\"" + resolvedAt.minusSeconds(7200) + "\",\"summary\":\"Broken delivery\"}");
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        Api.Reply resolved = api.asAdmin().postJson("api/problems/" + problem + "/resolve",
                "{\"resolution\":\"Replaced\",\"resolved_at\":\"" + resolvedAt + "\"}");
        assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
        return problem;
    }

    /** Records an outcome on the customer's open call of that rule, as the admin. */
    private int outcome(String customer, String rule, String body) {
        List<JsonObject> touches = api.asAdmin().get("api/planned-touches?customer=" + customer).array().getValuesAs(JsonObject.class);
        long id = touches.stream().filter(t -> t.getString("status").equals("OPEN") && t.getString("rule").equals(rule))
                .findFirst().orElseThrow(() -> new AssertionError("no open call for " + customer + ": " + touches)).getInt("id");
        return api.asAdmin().postJson("api/call-lists/items/" + id + "/outcome", body).status();
    }
}
