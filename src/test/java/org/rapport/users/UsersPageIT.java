package org.rapport.users;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
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
 * {@code /admin/users} at the HTTP level, as a browser posts its forms: an admin creates a login and disables it and
 * the API shows both; the service's refusals appear next to the field they are about; only admins reach the admin
 * pages.
 */
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
        return m.group(1).replace("&#39;", "'");
    }
}
