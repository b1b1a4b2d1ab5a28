package org.rapport.touches;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.testing.Api;
import org.rapport.testing.TestServer;
import org.rapport.testing.Csv;
import org.rapport.testing.Team;

import static org.assertj.core.api.Assertions.assertThat;

/** What a salesperson logs and what the help desk reports change what the next contact sees. */
class ActivityIT {

    Api api;
    Team team;
    Api seller;

    @BeforeEach
    void team() {
        api = TestServer.api();
        team = new Team(api);
        seller = team.as(team.a);
    }

    @Test
    void onlyTwoWayTouchesMoveTheCadenceClockAndNeverBackwards() {
        Api.Reply voicemail = log("CALL", "VOICEMAIL", "2026-11-18T09:00:00Z");
        assertThat(voicemail.status()).as(voicemail.toString()).isEqualTo(201);
        assertThat(voicemail.json().getBoolean("two_way")).isFalse();
        assertThat(detail().isNull("last_two_way_touch_at")).isTrue();

        assertThat(log("VISIT", "REACHED", "2026-11-20T10:00:00Z").json().getBoolean("two_way")).isTrue();
        assertThat(detail().getString("last_two_way_touch_at")).isEqualTo("2026-11-20T10:00:00Z");

        assertThat(log("CALL", "REACHED", "2026-11-01T10:00:00Z").status()).isEqualTo(201);
        JsonObject after = detail();
        assertThat(after.getString("last_two_way_touch_at")).isEqualTo("2026-11-20T10:00:00Z");
        assertThat(after.getJsonArray("recent_touches")).hasSize(3);
        assertThat(after.getJsonArray("recent_touches").getJsonObject(0).getString("occurred_at")).isEqualTo("2026-11-20T10:00:00Z");
    }

    @Test
    void anOutcomeThatDoesNotFitTheKindIsRefused() {
        Api.Reply reply = log("VISIT", "VOICEMAIL", null);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().getString("detail")).contains("outcome", "VISIT");
        assertThat(detail().getJsonArray("recent_touches")).isEmpty();
    }

    @Test
    void resolvingAProblemClosesItOnceAndKeepsTheFirstResolution() {
        String problem = Csv.unique("PR");
        Api.Reply opened = api.asAdmin().postJson("api/problems", "{\"external_id\":\"" + problem + "\",\"customer\":\""
                + team.customerOfA + "\",\"opened_at\":\"2026-11-10T08:00:00Z\",\"severity\":\"HIGH\",\"summary\":\"Invoice wrong\"}");
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        assertThat(detail().getJsonArray("open_problems")).hasSize(1);

        Api.Reply resolved = seller.postJson("api/problems/" + problem + "/resolve",
                "{\"resolved_at\":\"2026-11-11T09:30:00+01:00\",\"resolution\":\"Credit note sent\"}");
        Api.Reply again = seller.postJson("api/problems/" + problem + "/resolve", "{\"resolution\":\"other\"}");

        assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
        assertThat(resolved.json().getString("resolved_at")).isEqualTo("2026-11-11T08:30:00Z");
        assertThat(again.json().getString("resolution")).isEqualTo("Credit note sent");
        assertThat(detail().getJsonArray("open_problems")).isEmpty();
    }

    @Test
    void recordingThePurchaseAgainIsHarmless() {
        String body = "{\"external_id\":\"" + Csv.unique("P") + "\",\"customer\":\"" + team.customerOfA
                + "\",\"purchased_on\":\"2026-11-02\",\"amount\":\"250.5\",\"currency\":\"eur\"}";

        Api.Reply first = seller.postJson("api/purchases", body);
        Api.Reply second = seller.postJson("api/purchases", body);

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.json().getString("amount")).isEqualTo("250.50");
        assertThat(first.json().getString("currency")).isEqualTo("EUR");
        assertThat(second.body()).isEqualTo(first.body());
    }

    private Api.Reply log(String kind, String outcome, String occurredAt) {
        return seller.postJson("api/touches", "{\"customer\":\"" + team.customerOfA + "\",\"kind\":\"" + kind
                + "\",\"outcome\":\"" + outcome + "\"" + (occurredAt == null ? "" : ",\"occurred_at\":\"" + occurredAt + "\"")
                + ",\"note\":\"test\"}");
    }

    private JsonObject detail() {
        return seller.get("api/customers/" + team.customerOfA).json();
    }
}
