package org.rapport.planning;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.testing.Api;
import org.rapport.testing.Csv;
import org.rapport.testing.TestServer;
import org.rapport.testing.Team;

import static org.assertj.core.api.Assertions.assertThat;

/** The planner's rules and company holidays through the API: validated, stored, and only an admin changes them. */
class RulesIT {

    Api api;
    Team team;

    @BeforeEach
    void team() {
        api = TestServer.api();
        team = new Team(api);
    }

    @Test
    void rulesStartAsTheSpecDefaultsAndChangesAreValidatedAndKept() {
        JsonObject rules = api.asAdmin().get("api/rules").json();
        assertThat(rules.getJsonObject("cadence_days").getInt("TOP10")).isEqualTo(14);
        assertThat(rules.getJsonObject("contact_policy").getString("send_window_start")).isEqualTo("08:00");
        assertThat(team.as(team.a).get("api/rules").status()).isEqualTo(200);

        JsonObject zeroCadence = Json.createObjectBuilder(rules)
                .add("cadence_days", Json.createObjectBuilder(rules.getJsonObject("cadence_days")).add("TOP100", 0)).build();
        Api.Reply refused = api.asAdmin().put("api/rules", zeroCadence.toString());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().getString("detail")).contains("cadence_days.TOP100");

        JsonObject backwards = Json.createObjectBuilder(rules).add("contact_policy", Json.createObjectBuilder(
                rules.getJsonObject("contact_policy")).add("send_window_start", "18:00").add("send_window_end", "08:00")).build();
        Api.Reply backwardsReply = api.asAdmin().put("api/rules", backwards.toString());
        assertThat(backwardsReply.status()).isEqualTo(400);
        assertThat(backwardsReply.json().getString("detail")).contains("send_window_end");

        // the field a problem names is the field of the document (not max_calls_per3days)
        JsonObject noCalls = Json.createObjectBuilder(rules).add("contact_policy", Json.createObjectBuilder(
                rules.getJsonObject("contact_policy")).add("max_calls_per_3_days", 0)).build();
        Api.Reply noCallsReply = api.asAdmin().put("api/rules", noCalls.toString());
        assertThat(noCallsReply.status()).isEqualTo(400);
        assertThat(noCallsReply.json().getString("detail")).contains("contact_policy.max_calls_per_3_days");
        assertThat(rules.getJsonObject("contact_policy").keySet()).contains("max_calls_per_3_days", "max_emails_per_7_days");

        JsonObject incomplete = Json.createObjectBuilder(rules).remove("thank_you").build();
        assertThat(api.asAdmin().put("api/rules", incomplete.toString()).status()).isEqualTo(400);

        JsonObject rewards = rules.getJsonObject("rewards");
        assertThat(rewards.getJsonObject("anniversary").getJsonNumber("value").bigDecimalValue()).isEqualByComparingTo("50");
        assertThat(rewards.getJsonObject("quarterly_budget_per_team").getString("currency")).isEqualTo("EUR");
        assertThat(rewards.keySet()).containsExactlyInAnyOrder("introduction_converted", "anniversary", "top_tier", "referral_converted",
                "quarterly_budget_per_team", "team_budgets");
        JsonObject otherCurrency = Json.createObjectBuilder(rules).add("rewards", Json.createObjectBuilder(rewards)
                .add("top_tier", Json.createObjectBuilder().add("value", 100).add("currency", "USD"))).build();
        Api.Reply otherCurrencyReply = api.asAdmin().put("api/rules", otherCurrency.toString());
        assertThat(otherCurrencyReply.status()).isEqualTo(400);
        assertThat(otherCurrencyReply.json().getString("detail"))
                .contains("rewards.top_tier.currency: must be the budget's currency, EUR, not USD");
        JsonObject negative = Json.createObjectBuilder(rules).add("rewards", Json.createObjectBuilder(rewards)
                .add("quarterly_budget_per_team", Json.createObjectBuilder().add("value", -5).add("currency", "EUR"))).build();
        assertThat(api.asAdmin().put("api/rules", negative.toString()).json().getString("detail"))
                .contains("rewards.quarterly_budget_per_team.value");
        JsonObject badTeams = Json.createObjectBuilder(rules).add("rewards", Json.createObjectBuilder(rewards)
                .add("team_budgets", Json.createObjectBuilder().add(team.m, -1).add("NO-SUCH-MANAGER", 10).add(team.a, 10))).build();
        Api.Reply badTeamsReply = api.asAdmin().put("api/rules", badTeams.toString());
        assertThat(badTeamsReply.status()).as(badTeamsReply.toString()).isEqualTo(400);
        assertThat(badTeamsReply.json().getString("detail"))
                .contains("rewards.team_budgets." + team.m + ": must be between 0 and")
                .contains("rewards.team_budgets.NO-SUCH-MANAGER: is not the external id of a manager")
                .as("a salesperson leads no team").contains("rewards.team_budgets." + team.a + ": is not the external id of a manager");
        assertThat(api.asAdmin().put("api/rules", Json.createObjectBuilder(rules).remove("rewards").build().toString()).status())
                .as("the rewards are part of the document").isEqualTo(400);
        assertThat(api.asAdmin().get("api/rules").json()).as("a refused document changes nothing").isEqualTo(rules);

        JsonObject changed = Json.createObjectBuilder(rules)
                .add("cadence_days", Json.createObjectBuilder(rules.getJsonObject("cadence_days")).add("TOP10", 10)).build();
        assertThat(team.as(team.a).put("api/rules", changed.toString()).status()).as("a salesperson").isEqualTo(403);
        assertThat(team.as(team.m).put("api/rules", changed.toString()).status()).as("a manager").isEqualTo(403);
        Api.Reply saved = api.asAdmin().put("api/rules", changed.toString());
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(api.asAdmin().get("api/rules").json().getJsonObject("cadence_days").getInt("TOP10")).isEqualTo(10);

        Api.Reply withoutTeams = api.asAdmin().put("api/rules", Json.createObjectBuilder(rules).add("rewards",
                Json.createObjectBuilder(rewards).remove("team_budgets")).build().toString());
        assertThat(withoutTeams.status()).as("a document from before team_budgets still saves: " + withoutTeams).isEqualTo(200);
        assertThat(api.asAdmin().get("api/rules").json().getJsonObject("rewards").getJsonObject("team_budgets"))
                .as("no team has its own budget").isEmpty();

        assertThat(api.asAdmin().put("api/rules", rules.toString()).status()).isEqualTo(200);
        assertThat(api.asAdmin().get("api/rules").json()).isEqualTo(rules);
    }

    /**
     * Each team's own budget is a row of its own, kept by the manager's id: forty managers with 64-character ids all keep
     * theirs (one setting of 200 characters held three), and a key in other capitals names the manager as stored.
     */
    @Test
    void aDocumentWithoutThePollsSectionKeepsTheStoredPollRule() {
        JsonObject rules = api.asAdmin().get("api/rules").json();
        try {
            JsonObject thirty = Json.createObjectBuilder(rules).add("polls", Json.createObjectBuilder().add("min_days_between", 30)).build();
            assertThat(api.asAdmin().put("api/rules", thirty.toString()).status()).isEqualTo(200);
            Api.Reply older = api.asAdmin().put("api/rules", Json.createObjectBuilder(rules).remove("polls").build().toString());
            assertThat(older.status()).as(older.toString()).isEqualTo(200);
            assertThat(api.asAdmin().get("api/rules").json().getJsonObject("polls").getInt("min_days_between")).isEqualTo(30);
        } finally {
            assertThat(api.asAdmin().put("api/rules", rules.toString()).status()).as("rules restored").isEqualTo(200);
        }
    }

    @Test
    void manyTeamsWithLongIdsKeepTheirOwnBudgetsUnderTheirManagersIds() {
        JsonObject rules = api.asAdmin().get("api/rules").json();
        String tag = Csv.unique("LONGTEAM").toUpperCase();
        java.util.List<String> managers = new java.util.ArrayList<>();
        java.util.List<String> rows = new java.util.ArrayList<>(java.util.List.of(
                "external_id,name,email,time_zone,region,daily_capacity,working_days,role,manager,backup"));
        for (int i = 0; i < 40; i++) {
            String id = (tag + "-" + i + "-").concat("X".repeat(64)).substring(0, 64);
            managers.add(id);
            rows.add(id + ",Manager " + i + ",m" + i + "@long.example,Europe/Berlin,DE-BE,20,MON-FRI,MANAGER,,");
        }
        Api.Reply imported = api.asAdmin().postCsv("api/import/salespeople", Csv.lines(rows.toArray(String[]::new)));
        assertThat(imported.json().getJsonArray("rejected")).as(imported.toString()).isEmpty();
        JsonObjectBuilder teams = Json.createObjectBuilder(rules.getJsonObject("rewards").getJsonObject("team_budgets"));
        for (int i = 0; i < managers.size(); i++) {
            teams.add(managers.get(i).toLowerCase(java.util.Locale.ROOT), 1000 + i);
        }
        try {
            Api.Reply saved = api.asAdmin().put("api/rules", withTeams(rules, teams).toString());
            assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
            JsonObject stored = api.asAdmin().get("api/rules").json().getJsonObject("rewards").getJsonObject("team_budgets");
            for (int i = 0; i < managers.size(); i++) {
                assertThat(stored.getJsonNumber(managers.get(i))).as("under the manager's id as stored: " + managers.get(i))
                        .isNotNull();
                assertThat(stored.getJsonNumber(managers.get(i)).bigDecimalValue()).isEqualByComparingTo(Integer.toString(1000 + i));
            }
            assertThat(stored.keySet()).noneMatch(k -> k.startsWith(tag.toLowerCase(java.util.Locale.ROOT)));

            JsonObjectBuilder twice = Json.createObjectBuilder().add(managers.get(0), 1).add(managers.get(0).toLowerCase(java.util.Locale.ROOT), 2);
            Api.Reply refused = api.asAdmin().put("api/rules", withTeams(rules, twice).toString());
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.json().getString("detail")).contains("names the same manager as");
        } finally {
            assertThat(api.asAdmin().put("api/rules", rules.toString()).status()).as("rules restored").isEqualTo(200);
        }
    }

    private static JsonObject withTeams(JsonObject rules, JsonObjectBuilder teams) {
        return Json.createObjectBuilder(rules).add("rewards", Json.createObjectBuilder(rules.getJsonObject("rewards"))
                .add("team_budgets", teams)).build();
    }

    @Test
    void theMatchersRulesAreASectionOfTheRulesCheckedFieldByField() {
        JsonObject rules = api.asAdmin().get("api/rules").json();
        JsonObject defaults = rules.getJsonObject("introductions");
        assertThat(defaults.getInt("open_per_customer")).isEqualTo(1);
        assertThat(defaults.getInt("per_customer_per_year")).isEqualTo(4);
        assertThat(defaults.getInt("suggestions_per_customer")).isEqualTo(5);
        assertThat(defaults.getJsonNumber("competitor_overlap").doubleValue()).isEqualTo(0.5);
        assertThat(defaults.getString("recent_pair_window")).isEqualTo("P12M");

        Api.Reply refused = api.asAdmin().put("api/rules", Json.createObjectBuilder(rules).add("introductions",
                Json.createObjectBuilder(defaults).add("open_per_customer", 5).add("per_customer_per_year", 3)
                        .add("competitor_overlap", 0)).build().toString());
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().getJsonArray("errors").getValuesAs(JsonObject.class))
                .extracting(e -> e.getString("field") + ": " + e.getString("reason"))
                .containsExactly("introductions.per_customer_per_year: must be between open_per_customer (5) and 100, not 3",
                        "introductions.competitor_overlap: must be more than 0 and at most 1, not 0.0");
        Api.Reply badWindow = api.asAdmin().put("api/rules", Json.createObjectBuilder(rules).add("introductions",
                Json.createObjectBuilder(defaults).add("recent_pair_window", "a year")).build().toString());
        assertThat(badWindow.status()).as(badWindow.toString()).isEqualTo(400);
        assertThat(badWindow.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("introductions.recent_pair_window");
        assertThat(api.asAdmin().put("api/rules", Json.createObjectBuilder(rules).remove("introductions").build().toString())
                .status()).as("a missing section").isEqualTo(400);
        assertThat(api.asAdmin().get("api/rules").json()).as("nothing changed").isEqualTo(rules);

        JsonObject changed = Json.createObjectBuilder(rules).add("introductions", Json.createObjectBuilder(defaults)
                .add("suggestions_per_customer", 7).add("recent_pair_window", "P6M")).build();
        Api.Reply saved = api.asAdmin().put("api/rules", changed.toString());
        try {
            assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
            assertThat(api.asAdmin().get("api/rules").json()).isEqualTo(changed);
        } finally {
            assertThat(api.asAdmin().put("api/rules", rules.toString()).status()).isEqualTo(200);
        }
    }

    @Test
    void companyHolidaysAreReplacedAsAListWithoutDuplicates() {
        String holidays = "[{\"date\":\"2026-12-24\",\"name\":\"Christmas Eve\"},{\"date\":\"2026-12-31\",\"name\":\"New Year's Eve\"}]";
        assertThat(team.as(team.a).put("api/holidays", holidays).status()).isEqualTo(403);
        Api.Reply saved = api.asAdmin().put("api/holidays", holidays);
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(team.as(team.a).get("api/holidays").array()).hasSize(2);
        assertThat(api.asAdmin().get("api/holidays").array().getJsonObject(0).getString("date")).isEqualTo("2026-12-24");

        Api.Reply duplicate = api.asAdmin().put("api/holidays",
                "[{\"date\":\"2026-12-24\",\"name\":\"a\"},{\"date\":\"2026-12-24\",\"name\":\"b\"}]");
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.json().getString("detail")).contains("[1].date");
        assertThat(api.asAdmin().put("api/holidays", "[{\"date\":\"2026-12-24\"}]").status()).isEqualTo(400);
        assertThat(api.asAdmin().get("api/holidays").array()).as("a refused list changes nothing").hasSize(2);
    }
}
