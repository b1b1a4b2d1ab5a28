package org.rapport.users;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.testing.Admins;
import org.rapport.testing.Api;
import org.rapport.testing.Team;
import org.rapport.testing.TestServer;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Logins managed by admins and passwords changed by their owners, from the admin's and from the attacker's side. */
class UsersIT {

    Api api;
    Team team;

    @BeforeEach
    void team() {
        api = TestServer.api();
        team = new Team(api);
    }

    @Test
    void anAdminListsTheLogins() {
        JsonObject a = api.asAdmin().get("api/users").array().getValuesAs(JsonObject.class).stream()
                .filter(u -> u.getString("username").equals(team.a)).findFirst().orElseThrow();

        assertThat(a.getString("role")).isEqualTo("SALES");
        assertThat(a.getString("salesperson")).isEqualTo(team.a);
        assertThat(a.getBoolean("enabled")).isTrue();
        assertThat(a.keySet()).containsExactlyInAnyOrder("username", "role", "salesperson", "enabled");
    }

    @Test
    void aDisabledLoginIsRefusedAtTheNextRequestEvenRightAfterUse() {
        assertThat(team.as(team.a).get("api/customers").status()).isEqualTo(200); // its password is remembered now

        Api.Reply disabled = api.asAdmin().put("api/users/" + team.a, "{\"role\":\"SALES\",\"salesperson\":\"" + team.a + "\",\"enabled\":false}");
        assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);
        assertThat(disabled.json().getBoolean("enabled")).isFalse();

        Api.Reply refused = team.as(team.a).get("api/customers");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body()).as("the same answer as a wrong password").doesNotContain("disabled");

        assertThat(api.asAdmin().put("api/users/" + team.a, "{\"role\":\"SALES\",\"salesperson\":\"" + team.a + "\",\"enabled\":true}").status())
                .isEqualTo(200);
        assertThat(team.as(team.a).get("api/customers").status()).isEqualTo(200);
    }

    @Test
    void aNewRoleAndSalespersonHoldFromTheNextRequest() {
        assertThat(team.as(team.a).get("api/customers/" + team.customerOfB).status()).as("a colleague's customer").isEqualTo(403);

        Api.Reply promoted = api.asAdmin().put("api/users/" + team.a, "{\"role\":\"MANAGER\",\"salesperson\":\"" + team.m + "\",\"enabled\":true}");
        assertThat(promoted.status()).as(promoted.toString()).isEqualTo(200);
        assertThat(promoted.json().getString("salesperson")).isEqualTo(team.m);

        assertThat(team.as(team.a).get("api/customers/" + team.customerOfB).status()).as("now acting for the team's manager").isEqualTo(200);
    }

    @Test
    void updatesAreCheckedFieldByField() {
        assertThat(api.asAdmin().put("api/users/" + team.a, "{\"role\":\"SALES\",\"enabled\":true}").json().getString("detail"))
                .startsWith("salesperson:");
        assertThat(api.asAdmin().put("api/users/" + team.a, "{\"role\":\"SALES\",\"salesperson\":\"nobody-such\",\"enabled\":true}").status())
                .isEqualTo(400);
        assertThat(api.asAdmin().put("api/users/" + team.a, "{\"role\":\"ROOT\",\"salesperson\":\"" + team.a + "\",\"enabled\":true}").status())
                .isEqualTo(400);
        assertThat(api.asAdmin().put("api/users/" + team.a, "{\"role\":\"SALES\",\"salesperson\":\"" + team.a + "\"}").status())
                .as("enabled left out").isEqualTo(400);
        assertThat(api.asAdmin().put("api/users/no-such-login", "{\"role\":\"ADMIN\",\"enabled\":true}").status()).isEqualTo(404);
    }

    @Test
    void onlyAdminsManageLogins() {
        String promoteMyself = "{\"role\":\"ADMIN\",\"enabled\":true}";
        assertThat(team.as(team.a).put("api/users/" + team.a, promoteMyself).status()).as("promote oneself").isEqualTo(403);
        assertThat(team.as(team.m).put("api/users/" + team.a, promoteMyself).status()).as("a manager").isEqualTo(403);
        assertThat(team.as(team.a).put("api/users/" + team.b + "/password", "{\"password\":\"taken-over-password\"}").status())
                .as("set a colleague's password").isEqualTo(403);
        assertThat(team.as(team.m).get("api/users").status()).isEqualTo(403);

        assertThat(api.as(team.b, "taken-over-password").get("api/customers").status()).isEqualTo(401);
        assertThat(team.as(team.a).get("api/customers/" + team.customerOfB).status()).as("still SALES").isEqualTo(403);
    }

    @Test
    void anAdminSetsANewPasswordAndTheOldOneStopsAtOnce() {
        assertThat(team.as(team.b).get("api/customers").status()).isEqualTo(200);
        assertThat(api.asAdmin().put("api/users/" + team.b + "/password", "{\"password\":\"short\"}").status()).isEqualTo(400);

        assertThat(api.asAdmin().put("api/users/" + team.b + "/password", "{\"password\":\"a-brand-new-password\"}").status()).isEqualTo(204);

        assertThat(team.as(team.b).get("api/customers").status()).isEqualTo(401);
        assertThat(api.as(team.b, "a-brand-new-password").get("api/customers").status()).isEqualTo(200);
    }

    @Test
    void aUserChangesTheirOwnPasswordOnlyWithTheCurrentOne() {
        Api me = team.as(team.c);
        assertThat(me.put("api/me/password", "{\"new_password\":\"my-own-new-password\"}").status()).as("no current password").isEqualTo(400);
        assertThat(me.put("api/me/password", "{\"current_password\":\"a-wrong-guess-123\",\"new_password\":\"my-own-new-password\"}").status())
                .as("a wrong current password").isEqualTo(403);
        assertThat(me.put("api/me/password", "{\"current_password\":\"" + Team.PASSWORD + "\",\"new_password\":\"short\"}").status())
                .isEqualTo(400);
        assertThat(me.get("api/customers").status()).as("nothing changed so far").isEqualTo(200);

        assertThat(me.put("api/me/password", "{\"current_password\":\"" + Team.PASSWORD + "\",\"new_password\":\"my-own-new-password\"}").status())
                .isEqualTo(204);

        assertThat(me.get("api/customers").status()).isEqualTo(401);
        assertThat(api.as(team.c, "my-own-new-password").get("api/customers").status()).isEqualTo(200);
        assertThat(api.anonymous().put("api/me/password", "{\"current_password\":\"x\",\"new_password\":\"my-own-new-password\"}").status())
                .isEqualTo(401);
    }

    @Test
    void theLastAdminIsKeptWhenTheLastTwoAreDemotedAtOnce() throws Exception {
        String other = org.rapport.testing.Csv.unique("admin2");
        assertThat(api.asAdmin().postJson("api/users", "{\"username\":\"" + other + "\",\"password\":\"" + Team.PASSWORD
                + "\",\"role\":\"ADMIN\"}").status()).isEqualTo(201);
        String demote = "{\"role\":\"SALES\",\"salesperson\":\"" + team.a + "\",\"enabled\":true}";
        ExecutorService two = Executors.newFixedThreadPool(2);
        List<String> setAside = new ArrayList<>();
        try (Connection db = Admins.database()) {
            setAside.addAll(Admins.setAsideAllBut("admin", other)); // left by other tests: "admin" and other are the last two
            db.setAutoCommit(false);
            try (Statement hold = db.createStatement()) {
                // the two demotions queue behind this transaction, so both have read what they read before either ends
                hold.executeQuery("SELECT id FROM app_user WHERE role = 'ADMIN' AND enabled FOR UPDATE").close();
                // both sent and given time to reach the held rows; neither can answer while they are held
                CompletableFuture<Api.Reply> first = CompletableFuture.supplyAsync(() -> api.asAdmin().put("api/users/" + other, demote), two);
                CompletableFuture<Api.Reply> second = CompletableFuture.supplyAsync(() -> api.asAdmin().put("api/users/admin", demote), two);
                Thread.sleep(3000);
                assertThat(first.getNow(null)).as("a demotion answered while the admins' rows were held").isNull();
                assertThat(second.getNow(null)).as("a demotion answered while the admins' rows were held").isNull();
                db.rollback();

                List<Integer> statuses = List.of(first.get(60, TimeUnit.SECONDS).status(), second.get(60, TimeUnit.SECONDS).status());
                assertThat(statuses).as(first.get() + " / " + second.get()).containsExactlyInAnyOrder(200, 409);
            }
            db.setAutoCommit(true);
            assertThat(Admins.enabled()).as("one admin left").hasSize(1).isSubsetOf("admin", other);
        } finally {
            two.shutdownNow();
            setAside.add("admin");
            Admins.restore(setAside);
        }
    }
}
