package org.rapport.platform.web;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.testing.Api;
import org.rapport.testing.Csv;
import org.rapport.testing.Team;
import org.rapport.testing.TestServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request body field that its operation does not declare is a 400 naming the field, and nothing happens: neither a
 * field the caller does not control (slipped in by an attacker) nor a misspelt one (silently dropped before).
 */
class UnknownFieldsIT {

    Api api;
    Api admin;
    Team team;

    @BeforeEach
    void team() {
        api = TestServer.api();
        admin = api.asAdmin();
        team = new Team(api);
    }

    @Test
    void aSalespersonCannotSlipARoleIntoTheirOwnPasswordChange() {
        Api.Reply reply = team.as(team.a).put("api/me/password", "{\"current_password\":\"" + Team.PASSWORD
                + "\",\"new_password\":\"my-own-new-password\",\"role\":\"ADMIN\"}");

        assertUnknownField(reply, "role");
        assertThat(team.as(team.a).get("api/customers").status()).as("the old password still works").isEqualTo(200);
        assertThat(api.as(team.a, "my-own-new-password").get("api/customers").status()).as("the new one does not").isEqualTo(401);
        assertThat(team.as(team.a).get("api/users").status()).as("still not an admin").isEqualTo(403);
    }

    /** Malformed JSON is the caller's: a 400 saying so, nothing logged as an incident of ours. */
    @Test
    void malformedJsonIsABadRequest() {
        Api.Reply reply = team.as(team.a).postJson("api/touches", "{\"customer\":\"" + team.customerOfA + "\",\"kind\":");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.json().getString("title")).isEqualTo("Malformed JSON");
    }

    @Test
    void aSalespersonCannotLogATouchInAColleaguesName() {
        String note = Csv.unique("note");
        Api.Reply reply = team.as(team.a).postJson("api/touches", "{\"customer\":\"" + team.customerOfA
                + "\",\"kind\":\"CALL\",\"outcome\":\"REACHED\",\"note\":\"" + note + "\",\"salesperson\":\"" + team.b + "\"}");

        assertUnknownField(reply, "salesperson");
        assertThat(admin.get("api/customers/" + team.customerOfA).body()).as("no touch recorded").doesNotContain(note);
    }

    @Test
    void aCallerCannotChooseTheIdOfANewPurchase() {
        String id = Csv.unique("P");
        Api.Reply reply = team.as(team.a).postJson("api/purchases", "{\"id\":1,\"external_id\":\"" + id + "\",\"customer\":\""
                + team.customerOfA + "\",\"purchased_on\":\"2026-11-01\",\"amount\":\"10.00\",\"currency\":\"EUR\"}");

        assertUnknownField(reply, "id");
        Api.Reply probe = admin.postCsv("api/import/purchases", Csv.lines("external_id,customer,purchased_on,amount,currency",
                id + "," + team.customerOfA + ",2026-11-01,10.00,EUR"));
        assertThat(probe.json().getInt("created")).as("no purchase was stored, so importing it creates it").isEqualTo(1);
    }

    @Test
    void aMisspeltFieldIsNamedInsteadOfDropped() {
        String note = Csv.unique("note");
        Api.Reply reply = team.as(team.a).postJson("api/touches", "{\"customer\":\"" + team.customerOfA
                + "\",\"kind\":\"NOTE\",\"outcome\":\"NOTED\",\"notes\":\"" + note + "\"}");

        assertUnknownField(reply, "notes");
        assertThat(admin.get("api/customers/" + team.customerOfA).json().getJsonArray("recent_touches"))
                .as("no touch without its note").isEmpty();
    }

    @Test
    void anUnknownFieldInsideANestedObjectIsNamedToo() {
        JsonObject rules = admin.get("api/rules").json();
        JsonObject withExtra = Json.createObjectBuilder(rules)
                .add("contact_policy", Json.createObjectBuilder(rules.getJsonObject("contact_policy")).add("max_calls_per_day", 9))
                .build();

        assertUnknownField(admin.put("api/rules", withExtra.toString()), "max_calls_per_day");
        assertThat(admin.get("api/rules").json()).as("rules unchanged").isEqualTo(rules);
    }

    static void assertUnknownField(Api.Reply reply, String field) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        JsonObject problem = reply.json();
        assertThat(problem.getString("title")).isEqualTo("Unknown field");
        assertThat(problem.getString("detail")).startsWith(field + ": is not a field of this request");
        assertThat(problem.getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo(field);
        assertThat(reply.body()).doesNotContain("org.rapport", "Exception");
    }
}
