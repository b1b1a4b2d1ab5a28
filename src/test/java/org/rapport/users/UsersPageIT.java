package org.rapport.users;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.rapport.testing.Admins;
import org.rapport.testing.Api;
import org.rapport.testing.Csv;
import org.rapport.testing.PageSession;
import org.rapport.testing.PageSession.Page;
import org.rapport.testing.Team;
import org.rapport.testing.TestServer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /admin/users} at the HTTP level, as a browser posts its forms: an admin creates a login, disables it, changes
 * a role and sets a password, and the API and a sign-in show each; a role saved on a page drawn before another admin
 * disabled the login keeps it disabled; the service's refusals appear next to the field they are about, and its rule
 * that the last enabled admin stays one on the page; only admins reach the admin pages.
 * <p>
 * Isolated: the last-admin test sets the shared database's other admins aside for a moment, which no test running
 * alongside may see.
 */
@Isolated
class UsersPageIT {

    Api api = TestServer.api();
    Team team = new Team(api);

    @Test
    void anAdminCreatesALoginAndDisablesItAndTheApiShowsIt() {
        PageSession admin = signedInAdmin();
        String username = Csv.unique("page-user");

        Page created = create(admin, username, "long-enough-password", "SALES", team.a);

        assertThat(created.status()).isEqualTo(200);
        assertThat(created.body()).contains("Login " + username + " created.");
        assertThat(login(username)).hasValueSatisfying(u -> {
            assertThat(u.getString("role")).isEqualTo("SALES");
            assertThat(u.getString("salesperson")).isEqualTo(team.a);
            assertThat(u.getBoolean("enabled")).isTrue();
        });
        assertThat(api.as(username, "long-enough-password").get("api/customers").status()).isEqualTo(200);

        Page list = admin.get("admin/users?q=" + username); // the shared database holds far more logins than a page draws
        int row = rowOf(list, username);
        Page disabled = admin.post("admin/users", Map.of("users", "users", "users:list:" + row + ":toggle", "Disable",
                "jakarta.faces.ViewState", list.viewState()));

        assertThat(disabled.status()).isEqualTo(200);
        assertThat(disabled.body()).contains("Login " + username + " saved.");
        assertThat(login(username)).hasValueSatisfying(u -> assertThat(u.getBoolean("enabled")).isFalse());
        assertThat(api.as(username, "long-enough-password").get("api/customers").status()).isEqualTo(401);
    }

    @Test
    void aWeakPasswordAndATakenNameAreShownNextToTheirFields() {
        PageSession admin = signedInAdmin();

        Page weak = create(admin, Csv.unique("page-weak"), "short", "SALES", team.a);
        Page taken = create(admin, team.a, "long-enough-password", "SALES", team.a);
        Page noSalesperson = create(admin, Csv.unique("page-nosp"), "long-enough-password", "MANAGER", "");

        assertThat(messageAfter(weak, "create:password")).isEqualTo("A password needs at least 12 characters.");
        assertThat(messageAfter(taken, "create:username")).isEqualTo("username: " + team.a + " is taken.");
        assertThat(messageAfter(noSalesperson, "create:salesperson")).startsWith("salesperson: a MANAGER login must name");
    }

    @Test
    void aRoleChangeAndANewPasswordSetOnThePageAreStored() {
        PageSession admin = signedInAdmin();
        String username = Csv.unique("page-role");
        assertThat(create(admin, username, "long-enough-password", "SALES", team.a).status()).isEqualTo(200);

        Page list = admin.get("admin/users?q=" + username);
        Page saved = save(admin, list, username, "MANAGER", team.m);

        assertThat(saved.body()).contains("Login " + username + " saved.");
        assertThat(login(username)).hasValueSatisfying(u -> {
            assertThat(u.getString("role")).isEqualTo("MANAGER");
            assertThat(u.getString("salesperson")).isEqualTo(team.m);
            assertThat(u.getBoolean("enabled")).isTrue();
        });

        int row = rowOf(saved, username);
        Page reset = admin.post("admin/users", Map.of("users", "users", "users:list:" + row + ":password", "a-brand-new-password",
                "users:list:" + row + ":setPassword", "Set", "jakarta.faces.ViewState", saved.viewState()));

        assertThat(reset.status()).isEqualTo(200);
        assertThat(api.as(username, "a-brand-new-password").get("api/customers").status()).isEqualTo(200);
        assertThat(api.as(username, "long-enough-password").get("api/customers").status()).isEqualTo(401);
    }

    @Test
    void aRoleSavedOnAPageDrawnBeforeAnotherAdminDisabledTheLoginKeepsItDisabled() {
        PageSession admin = signedInAdmin();
        String username = Csv.unique("page-lost");
        assertThat(create(admin, username, "long-enough-password", "SALES", team.a).status()).isEqualTo(200);
        Page drawn = admin.get("admin/users?q=" + username); // shows the login enabled

        Api.Reply disabled = api.asAdmin().put("api/users/" + username, "{\"role\":\"SALES\",\"salesperson\":\"" + team.a
                + "\",\"enabled\":false}"); // another admin, meanwhile
        assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);
        Page saved = save(admin, drawn, username, "MANAGER", team.m);

        assertThat(saved.body()).contains("Login " + username + " saved.");
        assertThat(login(username)).hasValueSatisfying(u -> {
            assertThat(u.getString("role")).isEqualTo("MANAGER");
            assertThat(u.getBoolean("enabled")).as("still disabled").isFalse();
        });
        assertThat(api.as(username, "long-enough-password").get("api/customers").status()).isEqualTo(401);
    }

    @Test
    void theLastEnabledAdminIsNeitherDisabledNorDemotedAndThePageSaysWhy() throws Exception {
        PageSession admin = signedInAdmin();
        List<String> setAside = Admins.setAsideAllBut("admin");
        try {
            Page list = admin.get("admin/users?q=admin");
            int row = rowOf(list, "admin");
            Page disable = admin.post("admin/users", Map.of("users", "users", "users:list:" + row + ":toggle", "Disable",
                    "jakarta.faces.ViewState", list.viewState()));
            Page demote = save(admin, list, "admin", "SALES", team.a);

            String refusal = "admin is the last enabled admin; enable or create another admin first.";
            assertThat(disable.body()).contains(refusal).doesNotContain("Login admin saved.");
            assertThat(demote.body()).contains(refusal).doesNotContain("Login admin saved.");
            assertThat(Admins.enabled()).containsExactly("admin");
            assertThat(login("admin")).hasValueSatisfying(u -> assertThat(u.getString("role")).isEqualTo("ADMIN"));
        } finally {
            setAside.add("admin");
            Admins.restore(setAside);
        }
    }

    @Test
    void aManagerGets403OnTheUsersPage() {
        PageSession manager = PageSession.onTestServer();
        manager.signIn(team.m, Team.PASSWORD);
        assertThat(manager.get("team").status()).isEqualTo(200);
        assertThat(manager.get("admin/users").status()).isEqualTo(403);
        assertThat(manager.post("admin/users", Map.of("users", "users", "users:list:0:toggle", "Disable")).status())
                .as("a posted form, without a page to take a ViewState from").isEqualTo(403);
    }

    @Test
    void aSalespersonGets403OnTheAdminPages() {
        PageSession sales = PageSession.onTestServer();
        sales.signIn(team.a, Team.PASSWORD);

        assertThat(sales.get("today").status()).isEqualTo(200);
        assertThat(sales.get("admin/users").status()).isEqualTo(403);
        assertThat(sales.get("admin/import").status()).isEqualTo(403);
        assertThat(sales.get("admin/import-rejected.csv").status()).isEqualTo(403);
    }

    private PageSession signedInAdmin() {
        PageSession admin = PageSession.onTestServer();
        Page login = admin.signIn("admin", Api.ADMIN_PASSWORD);
        assertThat(login.location()).hasValueSatisfying(l -> assertThat(l).endsWith("/admin/users"));
        return admin;
    }

    private static Page create(PageSession admin, String username, String password, String role, String salesperson) {
        Page form = admin.get("admin/users");
        assertThat(form.status()).isEqualTo(200);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("create", "create");
        fields.put("create:username", username);
        fields.put("create:password", password);
        fields.put("create:role", role);
        fields.put("create:salesperson", salesperson);
        fields.put("create:add", "Create login");
        fields.put("jakarta.faces.ViewState", form.viewState());
        return admin.post("admin/users", fields);
    }

    /** Saves a row's role and salesperson, as its Save button posts them with the page it was drawn on. */
    private static Page save(PageSession admin, Page drawn, String username, String role, String salesperson) {
        int row = rowOf(drawn, username);
        Page saved = admin.post("admin/users", Map.of("users", "users", "users:list:" + row + ":role", role,
                "users:list:" + row + ":salesperson", salesperson, "users:list:" + row + ":save", "Save",
                "jakarta.faces.ViewState", drawn.viewState()));
        assertThat(saved.status()).isEqualTo(200);
        return saved;
    }

    private Optional<JsonObject> login(String username) {
        return api.asAdmin().get("api/users").array().getValuesAs(JsonObject.class).stream()
                .filter(u -> u.getString("username").equals(username)).findFirst();
    }

    /** The index of the login's row in the page's list. */
    private static int rowOf(Page page, String username) {
        Matcher rows = Pattern.compile("data-user=\"([^\"]*)\"").matcher(page.body());
        List<String> users = rows.results().map(m -> m.group(1)).toList();
        assertThat(users).contains(username);
        return users.indexOf(username);
    }

    /** The text of the field message that follows the input {@code id}, as the page puts it next to the field. */
    private static String messageAfter(Page page, String id) {
        Matcher m = Pattern.compile("id=\"" + Pattern.quote(id) + "\"[^>]*>(?:(?!<input|<select).)*?<span class=\"field-error\"[^>]*>([^<]*)</span>",
                Pattern.DOTALL).matcher(page.body());
        assertThat(m.find()).as("a message next to " + id + " in " + page.body()).isTrue();
        return m.group(1).replace("&#39;", "'").strip(); // Faces pads a summary shown alone with whitespace
    }
}
