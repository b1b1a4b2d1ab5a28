package org.rapport.audit;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.rapport.netweaving.Proposals;
import org.rapport.testing.Admins;
import org.rapport.testing.Api;
import org.rapport.testing.Csv;
import org.rapport.testing.Eventually;
import org.rapport.testing.LocalPeer;
import org.rapport.testing.PageSession;
import org.rapport.testing.Team;
import org.rapport.testing.TestMailServer;
import org.rapport.testing.TestServer;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit trail against the shared server: every event the issue lists, caused through the API or a page as a
 * person would, found through {@code GET /api/audit} with its actor, kind, subject and change, and without the
 * customers' names or addresses; the caller's request id kept; the trail closed to everyone but admins (403 for a
 * salesperson and a manager, on the API and the page; 401 without a login); bad filters refused by name; and the
 * database itself refusing to change or remove an audit row.
 */
class AuditIT {

    private final Api api = TestServer.api();
    private final Api admin = api.asAdmin();

    @RegisterExtension
    final Proposals proposals = new Proposals(api);

    @AfterEach
    void gateOpen() {
        TestMailServer.gate().acceptAll();
    }

    @Test
    void aSignInAFailedLoginAndALockOutAreRecorded() {
        Team team = new Team(api);
        PageSession.Page signedIn = PageSession.onTestServer().signIn(team.a, Team.PASSWORD);
        assertThat(signedIn.location()).as(signedIn.body()).hasValueSatisfying(l -> assertThat(l).doesNotContain("/login"));

        JsonObject login = newest("LOGIN", team.a).orElseThrow();
        assertThat(login.getJsonNumber("actor_id")).as("the login's id").isNotNull();
        assertThat(login.getString("subject_type")).isEqualTo("login");
        assertThat(login.getString("subject_id")).isEqualTo(team.a);
        assertThat(login.getString("request_id")).isNotBlank();
        assertThat(newest("LOGIN", team.b)).as("an API call with HTTP Basic is no sign-in").isEmpty();

        String guess = "guess-" + UUID.randomUUID() + "-" + "x".repeat(80);
        assertThat(api.as(guess, "wrong-password-guess").get("api/customers").status()).isEqualTo(401);
        assertThat(events("LOGIN_FAILED", guess.substring(0, 64))).as("a name matching no login is never written as typed: "
                + "it may be a password typed into the wrong field").isEmpty();
        JsonObject failed = newest("LOGIN_FAILED", "[unknown]").orElseThrow();
        assertThat(failed.isNull("actor_id")).as("no login acted").isTrue();
        assertThat(failed.isNull("subject_id")).as("the name matches no login").isTrue();

        assertThat(api.as(team.b, "wrong-password-guess").get("api/customers").status()).isEqualTo(401);
        assertThat(newest("LOGIN_FAILED", team.b).orElseThrow().getString("subject_id")).as("the login the name matched")
                .isEqualTo(team.b);

        // through the trusted proxy, for a client of its own: these failures lock out no address other tests use
        LocalPeer proxy = LocalPeer.at("127.0.0.3", TestServer.uri());
        String client = "198.18." + ThreadLocalRandom.current().nextInt(256) + "." + (1 + ThreadLocalRandom.current().nextInt(254));
        String target = team.c; // a real login: the trail names the account locked out
        for (int i = 0; i < 5; i++) {
            assertThat(proxy.get("api/users", target, "wrong-password-guess", Map.of("X-Forwarded-For", client))).isEqualTo(401);
        }
        assertThat(proxy.get("api/users", target, "wrong-password-guess", Map.of("X-Forwarded-For", client))).isEqualTo(429);
        assertThat(events("LOGIN_FAILED", target)).as("five refused passwords; the sixth attempt checked none").hasSize(5);
        assertThat(events("LOCKED_OUT", target)).as("the fifth began the lock-out").hasSize(1);
    }

    @Test
    void aLoginCreatedChangedAndDisabledIsRecordedWithItsRoleNeverItsPassword() {
        Team team = new Team(api);
        String username = Csv.unique("audited");
        String password = "a-password-nobody-may-read";
        Api.Reply created = admin.postJson("api/users", "{\"username\":\"" + username + "\",\"password\":\"" + password
                + "\",\"role\":\"SALES\",\"salesperson\":\"" + team.a + "\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(admin.put("api/users/" + username, "{\"role\":\"MANAGER\",\"salesperson\":\"" + team.m + "\",\"enabled\":true}")
                .status()).isEqualTo(200);
        assertThat(admin.put("api/users/" + username, "{\"role\":\"MANAGER\",\"salesperson\":\"" + team.m + "\",\"enabled\":false}")
                .status()).isEqualTo(200);

        JsonObject creation = about("USER_CREATED", "admin", username);
        assertThat(creation.getJsonObject("after")).isEqualTo(json("{\"role\":\"SALES\",\"salesperson\":\"" + team.a
                + "\",\"enabled\":true}"));
        assertThat(creation.get("before").getValueType()).as("nothing before").isEqualTo(jakarta.json.JsonValue.ValueType.NULL);
        JsonObject change = about("USER_CHANGED", "admin", username);
        assertThat(change.getJsonObject("before")).isEqualTo(json("{\"role\":\"SALES\",\"salesperson\":\"" + team.a + "\"}"));
        assertThat(change.getJsonObject("after")).isEqualTo(json("{\"role\":\"MANAGER\",\"salesperson\":\"" + team.m + "\"}"));
        JsonObject disabled = about("USER_DISABLED", "admin", username);
        assertThat(disabled.getJsonObject("before")).isEqualTo(json("{\"enabled\":true}"));
        assertThat(disabled.getJsonObject("after")).isEqualTo(json("{\"enabled\":false}"));
        assertThat(List.of(creation, change, disabled)).allSatisfy(e -> {
            assertThat(e.getString("actor_name")).isEqualTo("admin");
            assertThat(e.getJsonNumber("actor_id")).isNotNull();
            assertThat(e.toString()).doesNotContain(password);
        });
    }

    @Test
    void rulesHolidaysAndCategoriesChangedAreRecordedWithWhatChanged() {
        JsonObject rules = admin.get("api/rules").json();
        JsonArray holidays = admin.get("api/holidays").array();
        int suggestions = rules.getJsonObject("introductions").getInt("suggestions_per_customer");
        int changed = suggestions == 50 ? 49 : suggestions + 1;
        String day = "2099-" + String.format("%02d-%02d", 1 + ThreadLocalRandom.current().nextInt(12), 1 + ThreadLocalRandom.current().nextInt(28));
        try {
            String changedRules = rules.toString().replace("\"suggestions_per_customer\":" + suggestions,
                    "\"suggestions_per_customer\":" + changed);
            assertThat(admin.put("api/rules", changedRules).status()).isEqualTo(200);
            JsonObject ruleEvent = newest("RULES_CHANGED", "admin").orElseThrow();
            String setting = "introductions.suggestions_per_customer";
            assertThat(ruleEvent.getJsonObject("after").getString(setting)).isEqualTo(String.valueOf(changed));
            assertThat(ruleEvent.getJsonObject("before").isNull(setting)
                    || ruleEvent.getJsonObject("before").getString(setting).equals(String.valueOf(suggestions)))
                    .as("the value before, unless it was never stored: " + ruleEvent).isTrue();

            String withDay = holidays.toString().replaceFirst("]$", (holidays.isEmpty() ? "" : ",")
                    + "{\"date\":\"" + day + "\",\"name\":\"Audit test day\"}]");
            assertThat(admin.put("api/holidays", withDay).status()).isEqualTo(200);
            JsonObject holidayEvent = newest("HOLIDAYS_CHANGED", "admin").orElseThrow();
            assertThat(holidayEvent.getJsonObject("before").getJsonArray("dates").toString()).doesNotContain(day);
            assertThat(holidayEvent.getJsonObject("after").getJsonArray("dates").toString()).contains(day);
        } finally {
            assertThat(admin.put("api/rules", rules.toString()).status()).as("rules put back").isEqualTo(200);
            assertThat(admin.put("api/holidays", holidays.toString()).status()).as("holidays put back").isEqualTo(200);
        }

        String code = Csv.unique("audit-cat").toLowerCase();
        assertThat(admin.postCsv("api/import/categories", Csv.lines("code,name", code + ",Audited things")).status()).isEqualTo(200);
        assertThat(admin.delete("api/categories/" + code).status()).isEqualTo(204);
        JsonObject categoryEvent = about("CATEGORIES_CHANGED", "admin", code);
        assertThat(categoryEvent.getString("subject_type")).isEqualTo("category");
        assertThat(categoryEvent.getJsonObject("before")).isEqualTo(json("{\"code\":\"" + code + "\"}"));
    }

    @Test
    void anImportIsRecordedWithTheFilesHashAndCountsAndNoPersonalValue() throws Exception {
        Team team = new Team(api);
        String id = Csv.unique("AUD").toUpperCase();
        String name = "Zelda" + id.replaceAll("[^A-Z0-9]", "");
        String email = id.toLowerCase() + "@audit-trail.example";
        String file = Csv.lines("external_id,company,preferred_name,email,phone,time_zone,owner",
                id + "," + name + " GmbH," + name + "," + email + ",+49 30 5550199,Europe/Berlin," + team.a,
                id + "-BAD,,,,,Europe/Berlin," + team.a);
        Api.Reply imported = admin.postCsv("api/import/customers", file);
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);

        JsonObject event = newest("IMPORT", "admin").orElseThrow();
        assertThat(event.getString("subject_type")).isEqualTo("import");
        assertThat(event.getString("subject_id")).isEqualTo("customers");
        JsonObject after = event.getJsonObject("after");
        assertThat(after.getString("sha256")).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(file.getBytes(StandardCharsets.UTF_8))));
        assertThat(after.getString("outcome")).isEqualTo("COMPLETE");
        assertThat(after.getInt("created")).isEqualTo(imported.json().getInt("created")).isEqualTo(1);
        assertThat(after.getInt("rejected")).isEqualTo(1);
        assertThat(event.toString()).doesNotContain(name, email, "5550199");
    }

    @Test
    void decisionsOnIntroductionsAndRewardsAreRecordedWithoutTheirFreeText() {
        Team team = proposals.team();
        long approvedIntroduction = proposals.introduction(team);
        long declinedIntroduction = proposals.introduction(team, "2");
        assertThat(team.as(team.a).postJson("api/introductions/" + approvedIntroduction + "/approve", "").status()).isEqualTo(200);
        assertThat(team.as(team.a).postJson("api/introductions/" + declinedIntroduction + "/decline",
                "{\"reason\":\"Alfred and Berta fell out\"}").status()).isEqualTo(200);

        JsonObject approval = about("INTRODUCTION_APPROVED", team.a, String.valueOf(approvedIntroduction));
        assertThat(approval.getString("subject_type")).isEqualTo("introduction");
        assertThat(approval.getJsonObject("before")).isEqualTo(json("{\"first_approved\":false}"));
        assertThat(approval.getJsonObject("after")).isEqualTo(json("{\"first_approved\":true}"));
        JsonObject decline = about("INTRODUCTION_DECLINED", team.a, String.valueOf(declinedIntroduction));
        assertThat(decline.getJsonObject("before")).isEqualTo(json("{\"stage\":\"PROPOSED\"}"));
        assertThat(decline.getJsonObject("after")).isEqualTo(json("{\"stage\":\"DECLINED\"}"));
        assertThat(decline.toString()).doesNotContain("Alfred", "Berta");

        long approved = proposals.reward(team, team.a, team.customerOfA, "Alfred's referral");
        long rejected = proposals.reward(team, team.a, team.customerOfA, "Alfred's second referral");
        assertThat(team.as(team.m).postJson("api/rewards/" + approved + "/approve", "").status()).isEqualTo(200);
        assertThat(team.as(team.m).postJson("api/rewards/" + rejected + "/reject", "{\"reason\":\"Alfred got one\"}").status())
                .isEqualTo(200);
        assertThat(team.as(team.a).postJson("api/rewards/" + approved + "/fulfil",
                "{\"given\":\"GIFT\",\"description\":\"A hamper for Alfred at alfred@alpha.example\"}").status()).isEqualTo(200);

        JsonObject approvedEvent = about("REWARD_APPROVED", team.m, String.valueOf(approved));
        assertThat(approvedEvent.getString("subject_type")).isEqualTo("reward");
        assertThat(approvedEvent.getJsonObject("before").getString("status")).isEqualTo("PROPOSED");
        assertThat(approvedEvent.getJsonObject("after").getString("status")).isEqualTo("APPROVED");
        assertThat(approvedEvent.getJsonObject("after").getString("currency")).isNotBlank();
        JsonObject rejectedEvent = about("REWARD_REJECTED", team.m, String.valueOf(rejected));
        assertThat(rejectedEvent.getJsonObject("after").getString("status")).isEqualTo("REJECTED");
        JsonObject fulfilled = about("REWARD_FULFILLED", team.a, String.valueOf(approved));
        assertThat(fulfilled.getJsonObject("before").getString("status")).isEqualTo("APPROVED");
        assertThat(fulfilled.getJsonObject("after").getString("given")).isEqualTo("GIFT");
        assertThat(List.of(approvedEvent, rejectedEvent, fulfilled)).allSatisfy(e ->
                assertThat(e.toString()).doesNotContain("Alfred", "alfred@alpha.example", "hamper"));
    }

    @Test
    void aResentMessageAndARotatedCalendarLinkAreRecorded() {
        Team team = new Team(api);
        String customer = Csv.unique("AUDM").toUpperCase();
        String address = customer.toLowerCase() + "@audit-resend.example";
        Api.Reply imported = admin.postCsv("api/import/customers", Csv.lines(
                "external_id,company,preferred_name,email,time_zone,locale,owner",
                customer + ",Resend AG,Rita," + address + ",Europe/Berlin,en," + team.a));
        assertThat(imported.json().getInt("created")).as(imported.toString()).isEqualTo(1);
        TestMailServer.gate().reject(address);
        Api.Reply queued = admin.postJson("api/outbox", "{\"template\":\"thank-you-anniversary\",\"customer\":\"" + customer
                + "\",\"fields\":{\"years\":\"2\"}}");
        assertThat(queued.status()).as(queued.toString()).isEqualTo(201);
        long message = queued.json().getJsonNumber("id").longValue();
        Eventually.soon().until(() -> admin.get("api/outbox/" + message).json().getString("status").equals("FAILED"));
        TestMailServer.gate().acceptAll();
        assertThat(admin.postJson("api/outbox/" + message + "/resend", "").status()).isEqualTo(200);

        JsonObject resent = about("MESSAGE_RESENT", "admin", String.valueOf(message));
        assertThat(resent.getString("subject_type")).isEqualTo("outbox_message");
        assertThat(resent.getJsonObject("before").getString("status")).isEqualTo("FAILED");
        assertThat(resent.getJsonObject("after").getString("status")).isNotEqualTo("FAILED");
        assertThat(resent.toString()).doesNotContain(address, "Rita");

        Api.Reply rotated = team.as(team.a).postJson("api/call-lists/" + team.a + "/calendar-link", "");
        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
        String url = rotated.json().getString("url");
        JsonObject rotation = about("CALENDAR_LINK_ROTATED", team.a, team.a);
        assertThat(rotation.getString("subject_type")).isEqualTo("salesperson");
        assertThat(rotation.getJsonObject("after").getInt("generation"))
                .isEqualTo(rotation.getJsonObject("before").getInt("generation") + 1);
        assertThat(rotation.toString()).as("the link is a secret").doesNotContain(url.substring(url.lastIndexOf('/') + 1));
    }

    @Test
    void theCallersRequestIdIsKeptWhenWellFormedAndReplacedOtherwise() {
        Team team = new Team(api);
        String requestId = "it-" + UUID.randomUUID();
        Api.Reply rotated = team.as(team.b).withHeader("X-Request-Id", requestId)
                .postJson("api/call-lists/" + team.b + "/calendar-link", "");
        assertThat(rotated.status()).isEqualTo(200);
        assertThat(rotated.header("X-Request-Id")).as("echoed").isEqualTo(requestId);
        assertThat(about("CALENDAR_LINK_ROTATED", team.b, team.b).getString("request_id")).isEqualTo(requestId);

        Api.Reply refused = api.as(Csv.unique("nobody"), "wrong-password-guess").withHeader("X-Request-Id", requestId + "-401")
                .get("api/customers");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("X-Request-Id")).as("a refused login's answer names its request too").isEqualTo(requestId + "-401");

        Api.Reply forged = admin.withHeader("X-Request-Id", "<script>alert(1)</script>").get("api/audit?limit=1");
        assertThat(forged.header("X-Request-Id")).as("a malformed id is replaced, not echoed")
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }

    @Test
    void onlyAnAdminReadsTheTrailOnTheApiAndThePage() {
        Team team = new Team(api);
        assertThat(team.as(team.a).get("api/audit").status()).as("a salesperson").isEqualTo(403);
        assertThat(team.as(team.m).get("api/audit").status()).as("a manager").isEqualTo(403);
        assertThat(team.as(team.m).get("api/audit?actor=admin&kind=LOGIN").status()).as("a manager, filtering").isEqualTo(403);
        assertThat(api.get("api/audit").status()).as("no login").isEqualTo(401);

        PageSession manager = PageSession.onTestServer();
        manager.signIn(team.m, Team.PASSWORD);
        PageSession.Page page = manager.get("admin/audit");
        assertThat(page.status()).as("a manager on the page").isEqualTo(403);
        assertThat(page.body()).doesNotContain("audit-event");

        PageSession adminPage = PageSession.onTestServer();
        adminPage.signIn("admin", Api.ADMIN_PASSWORD);
        PageSession.Page shown = adminPage.get("admin/audit?kind=LOGIN&actor=" + URLEncoder.encode(team.m, StandardCharsets.UTF_8));
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.body()).contains("data-kind=\"LOGIN\"").contains(team.m);
    }

    @Test
    void badFiltersAreRefusedByName() {
        Api.Reply kind = admin.get("api/audit?kind=LOGGED_IN");
        assertThat(kind.status()).isEqualTo(400);
        assertThat(kind.contentType()).startsWith("application/problem+json");
        assertThat(kind.json().getString("detail")).startsWith("kind: must be one of");
        assertThat(admin.get("api/audit?from=2026-12-06&to=2026-12-05").json().getString("detail")).startsWith("to: must be after from");
        assertThat(admin.get("api/audit?from=yesterday").json().getString("detail")).startsWith("from: 'yesterday' is neither a date");
        assertThat(admin.get("api/audit?cursor=x").json().getString("detail")).startsWith("cursor:");
        assertThat(admin.get("api/audit?limit=0").status()).isEqualTo(400);
    }

    @Test
    void pagesGoNewestFirstAndTheCursorLeadsOn() {
        new Team(api); // some events to page through
        JsonObject first = admin.get("api/audit?limit=2").json();
        List<JsonObject> events = first.getJsonArray("events").getValuesAs(JsonObject.class);
        assertThat(events).hasSize(2);
        assertThat(events.get(0).getJsonNumber("id").longValue()).isGreaterThan(events.get(1).getJsonNumber("id").longValue());
        String next = first.getString("next");
        assertThat(next).isEqualTo(String.valueOf(events.get(1).getJsonNumber("id").longValue()));

        List<JsonObject> second = admin.get("api/audit?limit=2&cursor=" + next).json().getJsonArray("events").getValuesAs(JsonObject.class);
        assertThat(second).isNotEmpty();
        assertThat(second.get(0).getJsonNumber("id").longValue()).isLessThan(Long.parseLong(next));

        assertThat(admin.get("api/audit?limit=5&from=2000-01-01&to=2000-01-02").json().getJsonArray("events")).as("before any event").isEmpty();
        assertThat(admin.get("api/audit?kind=IMPORT&actor=admin&limit=3&from=2000-01-01").json().getJsonArray("events"))
                .isNotEmpty().allSatisfy(e -> assertThat(e.asJsonObject().getString("kind")).isEqualTo("IMPORT"));
    }

    @Test
    void theDatabaseRefusesToUpdateOrDeleteAnAuditRow() throws SQLException {
        new Team(api); // at least one event: its imports
        long id = admin.get("api/audit?limit=1").json().getJsonArray("events").getJsonObject(0).getJsonNumber("id").longValue();
        try (Connection db = Admins.database(); Statement sql = db.createStatement()) {
            assertThatThrownBy(() -> sql.executeUpdate("UPDATE audit_event SET actor_name = 'someone else' WHERE id = " + id))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> sql.executeUpdate("DELETE FROM audit_event WHERE id = " + id))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            try (var left = sql.executeQuery("SELECT COUNT(*) FROM audit_event WHERE id = " + id)) {
                left.next();
                assertThat(left.getInt(1)).isEqualTo(1);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    /** The events of one kind and actor, newest first (the first page of 200). */
    private List<JsonObject> events(String kind, String actor) {
        Api.Reply reply = admin.get("api/audit?limit=200&kind=" + kind + "&actor=" + URLEncoder.encode(actor, StandardCharsets.UTF_8));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json().getJsonArray("events").getValuesAs(JsonObject.class);
    }

    private Optional<JsonObject> newest(String kind, String actor) {
        return events(kind, actor).stream().findFirst();
    }

    /** The newest event of this kind and actor about {@code subjectId}; there must be one. */
    private JsonObject about(String kind, String actor, String subjectId) {
        List<JsonObject> found = events(kind, actor).stream()
                .filter(e -> !e.isNull("subject_id") && e.getString("subject_id").equals(subjectId)).toList();
        assertThat(found).as(kind + " by " + actor + " about " + subjectId).isNotEmpty();
        JsonObject event = found.get(0);
        assertThat(event.getString("kind")).isEqualTo(kind);
        assertThat(event.getString("actor_name")).isEqualTo(actor);
        assertThat(event.getString("request_id")).as("every event made by a request names it").isNotBlank();
        assertThat(event.getString("occurred_at")).isNotBlank();
        return event;
    }

    private static JsonObject json(String text) {
        try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(text))) {
            return reader.readObject();
        }
    }
}
