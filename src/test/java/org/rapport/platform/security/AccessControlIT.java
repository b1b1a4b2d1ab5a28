package org.rapport.platform.security;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.testing.Api;
import org.rapport.testing.TestServer;
import org.rapport.testing.Csv;
import org.rapport.testing.Team;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Access control from the attacker's side: who gets 401, 403, 404 and 429 ({@link AccessMatrixIT} covers whose data). */
class AccessControlIT {

    Api api;
    Team team;

    @BeforeEach
    void team() {
        api = TestServer.api();
        team = new Team(api);
    }

    @Test
    void apiWithoutCredentialsIsChallenged() {
        Api.Reply reply = api.anonymous().get("api/customers");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("WWW-Authenticate")).startsWith("Basic");
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameAnswer() {
        Api.Reply wrongPassword = api.as(team.a, "not-the-right-password").get("api/customers");
        Api.Reply unknownUser = api.as(Csv.unique("nobody"), "not-the-right-password").get("api/customers");

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownUser.status()).isEqualTo(401);
        assertThat(unknownUser.body()).isEqualTo(wrongPassword.body());
        assertThat(unknownUser.header("WWW-Authenticate")).isEqualTo(wrongPassword.header("WWW-Authenticate"));
    }

    @Test
    void salespersonReadsOwnCustomer() {
        Api.Reply reply = team.as(team.a).get("api/customers/" + team.customerOfA);

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.json().getString("preferred_name")).isEqualTo("Alfred");
        assertThat(reply.json().getString("owner")).isEqualTo(team.a);
    }

    @Test
    void templatePreviewsRenderForOwnCustomersOnly() {
        Api.Reply own = team.as(team.a).get("api/templates/thank-you-purchase/preview?customer=" + team.customerOfA + "&locale=de");
        Api.Reply other = team.as(team.a).get("api/templates/thank-you-purchase/preview?customer=" + team.customerOfB);
        Api.Reply unknown = team.as(team.a).get("api/templates/birthday/preview?customer=" + team.customerOfA);

        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        assertThat(own.json().getString("html")).contains("Alfred", "Anna Seller", "lang=\"de\"");
        assertThat(own.json().getString("text")).contains("Alfred");
        assertThat(own.json().getString("subject")).doesNotContain("\n");
        assertThat(other.status()).isEqualTo(403);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(team.as(team.a).get("api/templates").array().getValuesAs(jakarta.json.JsonString.class))
                .extracting(jakarta.json.JsonString::getString).containsExactly("thank-you-purchase", "thank-you-anniversary",
                        "thank-you-introduction", "problem-follow-up", "problem-check-in", "courtesy-check-in", "introduction-consent",
                        "introduction", "introduction-follow-up",
                        "reward-notice", "poll", "request-reply", "daily-call-list", "weekly-netweaving-report", "manager-alert");
    }

    @Test
    void unknownCustomerIs404() {
        Api.Reply reply = team.as(team.a).get("api/customers/" + Csv.unique("none"));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().getString("detail")).contains("no customer");
    }

    @Test
    void onlyAdminsImportAndCreateLogins() {
        for (String who : new String[] {team.a, team.m}) {
            assertThat(team.as(who).postCsv("api/import/customers", "external_id,company,time_zone\r\n").status()).isEqualTo(403);
            assertThat(team.as(who).postJson("api/users", "{\"username\":\"x" + who + "\",\"password\":\"long-enough-password\",\"role\":\"ADMIN\"}")
                    .status()).isEqualTo(403);
            assertThat(team.as(who).postJson("api/tiers/recompute", "").status()).isEqualTo(403);
        }
    }

    @Test
    void passwordsShorterThanTwelveCharactersAreRefused() {
        Api.Reply reply = api.asAdmin().postJson("api/users", "{\"username\":\"" + Csv.unique("u")
                + "\",\"password\":\"short-pass1\",\"role\":\"ADMIN\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().getString("detail")).contains("12 characters");
    }

    @Test
    void repeatedFailuresAreThrottledWhetherOrNotTheUserExists() {
        for (String username : new String[] {team.b, Csv.unique("ghost")}) {
            Api guesser = api.as(username, "wrong-password-guess");
            IntStream.range(0, 5).forEach(i -> assertThat(guesser.get("api/customers").status()).isEqualTo(401));

            Api.Reply throttled = guesser.get("api/customers");
            assertThat(throttled.status()).isEqualTo(429);
            assertThat(Integer.parseInt(throttled.header("Retry-After"))).isPositive();
            // even the right password waits out the lock-out
            assertThat(api.as(username, Team.PASSWORD).get("api/customers").status()).isEqualTo(429);
        }
    }

    @Test
    void healthOpenApiAndMetricsNeedNoLogin() {
        Api.Reply health = api.anonymous().get("/health");
        Api.Reply openApi = api.anonymous().get("/openapi");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().getString("status")).isEqualTo("UP");
        assertThat(health.body()).contains("\"database\"", "schema_version");
        assertThat(health.json().getJsonArray("checks").getValuesAs(jakarta.json.JsonObject.class))
                .filteredOn(c -> c.getString("name").equals("database")).singleElement()
                .satisfies(c -> assertThat(c.getJsonObject("data").getString("schema_version")).as("the newest migration in sql/")
                        .isEqualTo(newestMigration()));
        assertThat(openApi.status()).isEqualTo(200);
        assertThat(openApi.body()).contains("/api/customers/{externalId}", "/api/import/{kind}");
        assertThat(api.anonymous().get("/metrics").status()).isEqualTo(200);
    }

    /** "10.4" from V10_4__exchange_rates.sql: versions compared as numbers, part by part. */
    private static String newestMigration() {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("sql"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V[\\d_]+__.*\\.sql"))
                    .map(n -> n.substring(1, n.indexOf("__")).replace('_', '.'))
                    .max(java.util.Comparator.comparing((String v) -> java.util.Arrays.stream(v.split("\\.")).mapToInt(Integer::parseInt)
                            .toArray(), java.util.Arrays::compare)).orElseThrow();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void outOfOfficePeriodsAreSetByTheSalespersonOrTheirManagerOnly() {
        String periods = "[{\"starts_on\":\"2026-12-21\",\"ends_on\":\"2027-01-03\",\"note\":\"holidays\"}]";

        Api.Reply own = team.as(team.a).put("api/salespeople/" + team.a + "/absences", periods);
        Api.Reply byManager = team.as(team.m).put("api/salespeople/" + team.b + "/absences", periods);

        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        assertThat(own.array()).singleElement().satisfies(p -> assertThat(p.asJsonObject().getString("ends_on")).isEqualTo("2027-01-03"));
        assertThat(byManager.status()).isEqualTo(200);
        assertThat(team.as(team.a).put("api/salespeople/" + team.b + "/absences", periods).status()).isEqualTo(403);
        assertThat(team.as(team.a).get("api/salespeople/" + team.b + "/absences").status()).isEqualTo(403);
        assertThat(team.as(team.m).put("api/salespeople/" + team.c + "/absences", periods).status()).isEqualTo(403);
        Api.Reply backwards = team.as(team.a).put("api/salespeople/" + team.a + "/absences",
                "[{\"starts_on\":\"2026-12-21\",\"ends_on\":\"2026-12-20\"}]");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.json().getString("detail")).contains("ends_on");
        assertThat(api.asAdmin().get("api/salespeople/" + team.a + "/absences").array()).hasSize(1);
    }
}
