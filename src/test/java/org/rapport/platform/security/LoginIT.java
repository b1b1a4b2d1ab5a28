package org.rapport.platform.security;

import org.junit.jupiter.api.Test;
import org.rapport.testing.Api;
import org.rapport.testing.Csv;
import org.rapport.testing.PageSession;
import org.rapport.testing.PageSession.Page;
import org.rapport.testing.Team;
import org.rapport.testing.TestServer;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages' sign-in from the attacker's side as well as the user's: one mechanism with the API, a session that the API
 * does not accept, a fresh session id at login, no open redirect, no login without the form's ViewState, and a session
 * that ends when its account is disabled or signs out.
 */
class LoginIT {

    static final String SESSION = "RAPPORT_SESSION";

    Api api = TestServer.api();
    Team team = new Team(api);

    @Test
    void aPageAsksForTheLoginAndComesBackAfterIt() {
        PageSession browser = PageSession.onTestServer();

        Page before = browser.get("today");
        assertThat(before.status()).isEqualTo(302);
        assertThat(before.location()).hasValueSatisfying(l -> assertThat(l).endsWith("/login?next=%2Ftoday"));

        Page login = browser.signIn(team.a, Team.PASSWORD, "/today");
        assertThat(login.status()).as(login.body()).isEqualTo(302);
        assertThat(login.location()).hasValueSatisfying(l -> assertThat(l).endsWith("/today"));

        Page today = browser.get("today");
        assertThat(today.status()).isEqualTo(200);
        assertThat(today.body()).contains("<h1>Today</h1>").contains(team.a);
        assertThat(today.header("Cache-Control")).as("a signed-in page is never shown again from a cache (after sign-out, say)")
                .hasValueSatisfying(c -> assertThat(c).contains("no-store"));
        Matcher style = Pattern.compile("href=\"([^\"]*rapport\\.css[^\"]*)\"").matcher(today.body());
        assertThat(style.find()).isTrue();
        Page css = browser.get(style.group(1).replace("&amp;", "&"));
        assertThat(css.status()).isEqualTo(200);
        assertThat(css.header("Cache-Control").orElse("")).as("a style sheet is the same for everyone").doesNotContain("no-store");
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLaxAndNewAtLogin() {
        PageSession browser = PageSession.onTestServer();
        Page form = browser.get("login");
        String before = browser.cookie(SESSION).orElseThrow().getValue();
        assertThat(form.header("Set-Cookie")).hasValueSatisfying(c -> assertThat(c).contains("HttpOnly").containsIgnoringCase("SameSite=Lax"));

        Page login = browser.signIn(team.a, Team.PASSWORD);

        assertThat(login.header("Set-Cookie")).hasValueSatisfying(c -> assertThat(c).startsWith(SESSION + "=").contains("HttpOnly")
                .containsIgnoringCase("SameSite=Lax").doesNotContain("Secure"));
        assertThat(browser.cookie(SESSION).orElseThrow().getValue()).as("a session id planted before login is worth nothing after").isNotEqualTo(before);
    }

    @Test
    void theSessionIdFromBeforeTheLoginIsWorthNothingAfterIt() {
        PageSession browser = PageSession.onTestServer();
        browser.get("login");
        String planted = browser.cookie(SESSION).orElseThrow().getValue();
        browser.signIn(team.a, Team.PASSWORD);
        assertThat(browser.get("today").status()).isEqualTo(200);

        PageSession attacker = PageSession.onTestServer();
        attacker.plant(SESSION, planted);

        assertThat(attacker.get("today").status()).isEqualTo(302);
    }

    @Test
    void aNewPasswordEndsTheSessionsOfTheOldOne() {
        PageSession browser = PageSession.onTestServer();
        browser.signIn(team.c, Team.PASSWORD);
        assertThat(browser.get("today").status()).isEqualTo(200);

        Api.Reply reset = api.asAdmin().put("api/users/" + team.c + "/password", "{\"password\":\"another-long-password\"}");
        assertThat(reset.status()).as(reset.toString()).isIn(200, 204);

        assertThat(browser.get("today").status()).isEqualTo(302);
    }

    @Test
    void noOtherPathOfTheFacesServletReachesARolesPage() {
        PageSession seller = PageSession.onTestServer();
        seller.signIn(team.a, Team.PASSWORD);

        for (String path : new String[] {"team.jsf", "team.faces", "faces/team.xhtml", "faces/admin/users.xhtml", "admin/users.jsf",
                "team.xhtml", "standards.xhtml"}) {
            assertThat(seller.get(path).status()).as(path).isIn(403, 404);
        }
    }

    @Test
    void pageErrorsArePlainWordsNotTheServersPage() {
        PageSession seller = PageSession.onTestServer();
        seller.signIn(team.a, Team.PASSWORD);

        Page missing = seller.get("no-such-page");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).contains("There is no such page.").doesNotContain("Payara").doesNotContain("Exception");
        Page forbidden = seller.get("team");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.body()).contains("You may not open this page.").doesNotContain("Payara");
    }

    @Test
    void aWrongPasswordSaysSoAndSignsNobodyIn() {
        PageSession browser = PageSession.onTestServer();

        Page login = browser.signIn(team.a, "not-the-password-at-all");

        assertThat(login.status()).isEqualTo(200);
        assertThat(login.body()).contains("Wrong user name or password.");
        assertThat(browser.get("today").status()).isEqualTo(302);
    }

    @Test
    void afterFiveWrongPasswordsTheFormSaysHowLongToWaitLikeTheApi() {
        String username = Csv.unique("locked");
        assertThat(api.asAdmin().postJson("api/users", "{\"username\":\"" + username + "\",\"password\":\"" + Team.PASSWORD
                + "\",\"role\":\"SALES\",\"salesperson\":\"" + team.b + "\"}").status()).isEqualTo(201);
        PageSession browser = PageSession.onTestServer();
        for (int i = 0; i < 5; i++) {
            assertThat(browser.signIn(username, "wrong-guess-" + i).body()).contains("Wrong user name or password.");
        }

        Page sixth = browser.signIn(username, Team.PASSWORD);

        assertThat(sixth.status()).isEqualTo(200);
        assertThat(sixth.body()).contains("Too many failed logins: try again in");
        assertThat(api.as(username, Team.PASSWORD).get("api/me").status()).as("the same throttle as the API").isEqualTo(429);
    }

    @Test
    void nextNeverLeadsToAnotherSite() {
        for (String next : new String[] {"//evil.example/x", "/\\evil.example", "https://evil.example/", "/login?next=//evil.example"}) {
            PageSession browser = PageSession.onTestServer();
            Page login = browser.signIn(team.a, Team.PASSWORD, next);
            assertThat(login.status()).as(next).isEqualTo(302);
            assertThat(login.location()).as(next).hasValueSatisfying(l -> assertThat(l).isEqualTo(TestServer.uri().resolve("/today").toString()));
        }
    }

    @Test
    void aLoginPostedWithoutTheFormsViewStateSignsNobodyIn() {
        PageSession browser = PageSession.onTestServer();
        browser.get("login");

        Page forged = browser.post("login", Map.of("login", "login", "username", team.a, "password", Team.PASSWORD, "signIn", "Sign in"));

        assertThat(forged.location()).as("no redirect into the application").isEmpty();
        assertThat(browser.get("today").status()).isEqualTo(302);
    }

    @Test
    void theApiDoesNotTakeThePageSession() {
        PageSession browser = PageSession.onTestServer();
        browser.signIn(team.a, Team.PASSWORD);
        assertThat(browser.get("today").status()).isEqualTo(200);

        Page api = browser.get("api/customers/" + team.customerOfA);

        assertThat(api.status()).as("a page's cookie cannot act on the API, so the API needs no CSRF defence").isEqualTo(401);
        assertThat(api.header("WWW-Authenticate")).hasValueSatisfying(h -> assertThat(h).startsWith("Basic"));
        for (String odd : new String[] {"//api/customers/", "/%61pi/customers/", "/./api/customers/"}) {
            assertThat(browser.getRaw(odd + team.customerOfA).status()).as(odd + ": the API under another spelling").isIn(401, 400, 404);
        }
    }

    @Test
    void disablingALoginEndsItsSessionAtTheNextClick() {
        PageSession browser = PageSession.onTestServer();
        browser.signIn(team.b, Team.PASSWORD);
        assertThat(browser.get("today").status()).isEqualTo(200);

        Api.Reply disabled = api.asAdmin().put("api/users/" + team.b, "{\"role\":\"SALES\",\"salesperson\":\"" + team.b + "\",\"enabled\":false}");
        assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);

        Page after = browser.get("today");
        assertThat(after.status()).isEqualTo(302);
        assertThat(after.location()).hasValueSatisfying(l -> assertThat(l).contains("/login"));
    }

    @Test
    void signingOutEndsTheSession() {
        PageSession browser = PageSession.onTestServer();
        browser.signIn(team.a, Team.PASSWORD);
        Page today = browser.get("today");

        Page out = browser.post("today", Map.of("session", "session", "session:signOut", "Sign out", "jakarta.faces.ViewState", viewStateOf(today, "session")));

        assertThat(out.status()).isEqualTo(302);
        assertThat(out.location()).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        assertThat(browser.get("today").status()).isEqualTo(302);
    }

    @Test
    void theRootSendsEachRoleHome() {
        assertThat(home(team.a)).endsWith("/today");
        assertThat(home(team.m)).endsWith("/team");
        assertThat(home("admin", Api.ADMIN_PASSWORD)).endsWith("/admin/users");
    }

    @Test
    void theLoginPageSpeaksTheBrowsersLanguageOrTheChosenOne() {
        assertThat(PageSession.onTestServer().acceptLanguage("de-DE,de;q=0.9,en;q=0.5").get("login").body())
                .contains("lang=\"de\"").contains("Benutzername").contains("Passwort");
        assertThat(PageSession.onTestServer().acceptLanguage("fr-FR,fr;q=0.9").get("login").body())
                .as("a language Rapport does not speak: English").contains("lang=\"en\"").contains("User name");
    }

    private String home(String username) {
        return home(username, Team.PASSWORD);
    }

    private String home(String username, String password) {
        PageSession browser = PageSession.onTestServer();
        browser.signIn(username, password);
        Page root = browser.get("");
        assertThat(root.status()).isEqualTo(302);
        return root.location().orElseThrow();
    }

    /** The ViewState of the form with this id (every form of a page carries the view's one state). */
    private static String viewStateOf(Page page, String formId) {
        assertThat(page.body()).contains("id=\"" + formId + "\"");
        return page.viewState();
    }
}
