package org.rapport.reports;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.rapport.testing.Api;
import org.rapport.testing.Browser;
import org.rapport.testing.Csv;
import org.rapport.testing.BrowserExtension;
import org.rapport.testing.PageSession;
import org.rapport.testing.Team;
import org.rapport.testing.TestServer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The managers' pages in a real browser: {@code /team} shows each salesperson of the manager's team and nobody else's;
 * {@code /standards} shows the weekly standards as charts with the same figures in a table, and a missed follow-up
 * links to its customer. A salesperson may open neither.
 */
class ManagerPagesIT {

    Api api = TestServer.api();
    Team team = new Team(api);

    @Test
    @ExtendWith(BrowserExtension.class)
    void aManagerSeesEachSalespersonOfTheirTeamWithTodaysList(Browser browser) {
        assertThat(api.asAdmin().postJson("api/planning/run", "").status()).isEqualTo(200);

        browser.signIn(team.m, Team.PASSWORD);

        assertThat(browser.driver().getCurrentUrl()).as("a manager's home").endsWith("/team");
        List<String> rows = browser.findAll(By.cssSelector("#team tbody tr")).stream().map(r -> r.getAttribute("data-salesperson")).toList();
        assertThat(rows).contains(team.a, team.b).doesNotContain(team.c, team.m2);
        WebElement anna = browser.find(By.cssSelector("#team tr[data-salesperson='" + team.a + "']"));
        assertThat(anna.getText()).contains("Anna Seller");
        browser.check("team");
    }

    @Test
    @ExtendWith(BrowserExtension.class)
    void theStandardsShowWeekByWeekAndAMissedFollowUpLinksToItsCustomer(Browser browser) {
        String problem = Csv.unique("missed");
        Instant sixDaysAgo = Instant.now().minus(Duration.ofDays(6));
        assertThat(api.asAdmin().postJson("api/problems", "{\"external_id\":\"" + problem + "\",\"customer\":\"" + team.customerOfB
                + "\",\"opened_at\":\"" + sixDaysAgo.minusSeconds(7200) + "\",\"summary\":\"Broken delivery\"}").status()).isEqualTo(201);
        assertThat(api.asAdmin().postJson("api/problems/" + problem + "/resolve",
                "{\"resolution\":\"Replaced\",\"resolved_at\":\"" + sixDaysAgo + "\"}").status()).isEqualTo(200);

        browser.signIn(team.m, Team.PASSWORD);
        browser.open("standards");

        assertThat(browser.findAll(By.cssSelector("canvas"))).as("three charts of the standards and one of the problems").hasSize(4);
        assertThat(browser.findAll(By.cssSelector("#weeks tbody tr"))).as("the same figures as a table, one row a week").hasSize(12);
        WebElement miss = browser.find(By.xpath("//table[@id='missed']//tr[td[text()='" + problem + "']]"));
        assertThat(miss.getText()).contains(team.customerOfB).contains(team.b).contains("not reached");
        assertThat(miss.findElement(By.tagName("a")).getAttribute("href")).endsWith("/customers/" + team.customerOfB);
        browser.check("standards");
    }

    /**
     * Six problems of a new category for A's customer in the last few days, two of them resolved: a spike on the manager's
     * page, a bar chart of the weeks, and the median time to resolve; the other team's manager sees none of it.
     */
    @Test
    @ExtendWith(BrowserExtension.class)
    void theStandardsShowTheProblemsPerCategoryTheSpikesAndTheTimeToResolve(Browser browser) {
        String category = Csv.unique("spk").toUpperCase();
        String id = Csv.unique("spp");
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        List<String> rows = new java.util.ArrayList<>(List.of("external_id,customer,opened_at,resolved_at,category,summary"));
        for (int i = 1; i <= 6; i++) {
            Instant opened = now.minus(Duration.ofDays(i % 3).plusHours(i));
            rows.add(id + "-" + i + "," + team.customerOfA + "," + opened + "," + (i <= 2 ? opened.plus(Duration.ofHours(3)) : "")
                    + "," + category + ",Spike");
        }
        Api.Reply imported = api.asAdmin().postCsv("api/import/problems", Csv.lines(rows.toArray(String[]::new)));
        assertThat(imported.json().getInt("created")).as(imported.toString()).isEqualTo(6);

        browser.signIn(team.m, Team.PASSWORD);
        browser.open("standards");

        assertThat(browser.find(By.id("problems")).findElements(By.tagName("canvas"))).as("the problems chart").hasSize(1);
        assertThat(browser.find(By.id("spikes")).getText())
                .contains(category + " problems rose 12-fold: 6 in 14 days against 0 before");
        WebElement median = browser.find(By.xpath("//table[@id='problem-medians']//tr[th[text()='" + category + "']]"));
        assertThat(median.getText()).contains("2").contains("3.0");
        browser.check("standards-problems");

        Api.Reply login = api.asAdmin().postJson("api/users", "{\"username\":\"" + team.m2 + "\",\"password\":\"" + Team.PASSWORD
                + "\",\"role\":\"MANAGER\",\"salesperson\":\"" + team.m2 + "\"}");
        assertThat(login.status()).as("made here or by another test of this class's team").isIn(201, 409);
        PageSession other = PageSession.onTestServer();
        other.signIn(team.m2, Team.PASSWORD);
        PageSession.Page theirs = other.get("standards");
        assertThat(theirs.status()).isEqualTo(200);
        assertThat(theirs.body()).as("another team's manager").contains("id=\"problems\"").doesNotContain(category);
        PageSession german = PageSession.onTestServer().acceptLanguage("de");
        german.signIn(team.m, Team.PASSWORD);
        assertThat(german.get("standards").body()).as("in German")
                .contains("Probleme \u201e" + category + "\u201c auf das 12-Fache gestiegen: 6 in 14 Tagen gegen\u00fcber 0 davor");
    }

    /**
     * A salesperson files a problem under a category written as markup that would end the chart's script: the manager's
     * page shows it as text, in the chart too, and runs none of it.
     */
    @Test
    @ExtendWith(BrowserExtension.class)
    void aCategoryWrittenAsMarkupIsShownAsTextAndNeverRun(Browser browser) {
        String marker = Csv.unique("pw").replaceAll("[^A-Za-z0-9]", "");
        String category = "</script><b id='" + marker + "'>x</b>";
        String problem = Csv.unique("xss");
        Instant opened = Instant.now().minus(Duration.ofDays(1));
        String body = jakarta.json.Json.createObjectBuilder().add("external_id", problem).add("customer", team.customerOfA)
                .add("opened_at", opened.toString()).add("category", category).add("summary", "Markup").build().toString();
        Api salesperson = team.as(team.a);
        assertThat(salesperson.postJson("api/problems", body).status()).isEqualTo(201);
        assertThat(salesperson.postJson("api/problems/" + problem + "/resolve", "{\"resolution\":\"Done\",\"resolved_at\":\""
                + opened.plus(Duration.ofHours(2)) + "\"}").status()).isEqualTo(200);

        browser.signIn(team.m, Team.PASSWORD);
        browser.open("standards");

        assertThat(browser.find(By.id("problems")).findElements(By.tagName("canvas"))).as("the problems chart still drawn").hasSize(1);
        assertThat(browser.findAll(By.id(marker))).as("no element made of the category").isEmpty();
        assertThat(browser.find(By.id("problem-medians")).getText()).as("the category as text").contains(category);
    }

    @Test
    @ExtendWith(BrowserExtension.class)
    void aManagerDecidesEscalatedCallsOnTheTeamPage(Browser browser) {
        everyDay();
        assertThat(api.asAdmin().postJson("api/planning/run", "").status()).isEqualTo(200);
        long closed = escalate(team.a, team.customerOfA);
        long reassigned = escalate(team.b, team.customerOfB);

        browser.signIn(team.m, Team.PASSWORD);
        assertThat(browser.findAll(By.cssSelector(".escalations li")).stream().map(li -> li.getAttribute("data-item")))
                .contains(String.valueOf(closed), String.valueOf(reassigned));
        browser.assertAccessible();

        WebElement first = escalation(browser, closed);
        first.findElement(By.tagName("summary")).click();
        first.findElement(By.cssSelector("button[name='decide:close']")).click();
        browser.waitUntil(d -> d.findElement(By.id("messages")).getText().contains("note:")); // a close needs a note, as in the API
        assertThat(status(closed)).isEqualTo("ESCALATED");

        first = escalation(browser, closed);
        first.findElement(By.tagName("summary")).click();
        first.findElement(By.id("note-" + closed)).sendKeys("Customer moved abroad");
        first.findElement(By.cssSelector("button[name='decide:close']")).click();
        browser.waitUntil(d -> d.findElement(By.id("messages")).getText().contains("Closed."));
        assertThat(browser.driver().getCurrentUrl()).as("redirected after the post").endsWith("/team");
        assertThat(status(closed)).isEqualTo("not ESCALATED");

        WebElement second = escalation(browser, reassigned);
        second.findElement(By.tagName("summary")).click();
        new org.openqa.selenium.support.ui.Select(second.findElement(By.id("to-" + reassigned))).selectByValue(team.a);
        second.findElement(By.cssSelector("button[name='decide:reassign']")).click();
        browser.waitUntil(d -> d.findElement(By.id("messages")).getText().contains("Reassigned."));
        assertThat(status(reassigned)).isEqualTo("not ESCALATED");
        jakarta.json.JsonObject call = api.asAdmin().get("api/planned-touches?customer=" + team.customerOfB + "&status=OPEN").array()
                .getValuesAs(jakarta.json.JsonObject.class).stream().filter(t -> t.getJsonNumber("id").longValue() == reassigned)
                .findFirst().orElseThrow();
        assertThat(call.getString("outcome")).isEqualTo("REASSIGNED");
    }

    @Test
    void anotherTeamsManagerForgingADecisionIsRefusedAndNothingChanges() {
        everyDay();
        assertThat(api.asAdmin().postJson("api/planning/run", "").status()).isEqualTo(200);
        long id = escalate(team.a, team.customerOfA);
        assertThat(api.asAdmin().postJson("api/users", "{\"username\":\"" + team.m2 + "\",\"password\":\"" + Team.PASSWORD
                + "\",\"role\":\"MANAGER\",\"salesperson\":\"" + team.m2 + "\"}").status()).isEqualTo(201);
        Api.Reply login = api.asAdmin().postJson("api/users", "{\"username\":\"" + team.m2 + "\",\"password\":\"" + Team.PASSWORD
                + "\",\"role\":\"MANAGER\",\"salesperson\":\"" + team.m2 + "\"}");
        assertThat(login.status()).as("made here or by another test of this class's team").isIn(201, 409);
        PageSession other = PageSession.onTestServer();
        other.signIn(team.m2, Team.PASSWORD);
        PageSession.Page page = other.get("team");
        assertThat(page.body()).doesNotContain("data-item=\"" + id + "\"");

        for (String decision : List.of("take", "close", "reassign", "reschedule")) {
            PageSession.Page forged = other.post("team", java.util.Map.of("decide", "decide", "decide:" + decision, String.valueOf(id),
                    "note-" + id, "forged", "to-" + id, team.c, "date-" + id, "2099-01-01", "jakarta.faces.ViewState", page.viewState()));
            assertThat(forged.status()).as(decision).isEqualTo(200);
            assertThat(forged.body()).as(decision).contains("Call-list item " + id + " is not yours to decide");
        }
        PageSession.Page junk = other.post("team", java.util.Map.of("decide", "decide", "decide:take", "x OR 1=1",
                "jakarta.faces.ViewState", page.viewState()));
        assertThat(junk.body()).contains("is not a whole number.");
        assertThat(status(id)).isEqualTo("ESCALATED");
    }

    @Test
    void aSalespersonMayNotOpenTheManagersPages() {
        PageSession seller = PageSession.onTestServer();
        seller.signIn(team.a, Team.PASSWORD);

        assertThat(seller.get("team").status()).isEqualTo(403);
        assertThat(seller.get("team/" + team.b).status()).isEqualTo(403);
        assertThat(seller.get("standards").status()).isEqualTo(403);
    }

    private static WebElement escalation(Browser browser, long id) {
        return browser.find(By.cssSelector(".escalations li[data-item='" + id + "']"));
    }

    /** Anna and Bernd work every day in no holiday region: their today is a working day whenever the test runs. */
    private void everyDay() {
        Api.Reply people = api.asAdmin().postCsv("api/import/salespeople", Csv.lines(
                "external_id,name,email,time_zone,region,daily_capacity,working_days,role,manager,backup",
                team.a + ",Anna Seller,anna@example.com,Europe/Berlin,,20,MON-SUN,SALES," + team.m + "," + team.b,
                team.b + ",Bernd Seller,bernd@example.com,Europe/Berlin,,20,MON-SUN,SALES," + team.m + "," + team.a));
        assertThat(people.json().getJsonArray("rejected")).as(people.toString()).isEmpty();
    }

    /** Three calls without an answer: the call to {@code customer} is ESCALATED, waiting for the manager. */
    private long escalate(String owner, String customer) {
        Api as = team.as(owner);
        jakarta.json.JsonObject list = as.get("api/call-lists/" + owner + "/" + java.time.LocalDate.now(java.time.ZoneId.of("Europe/Berlin"))).json();
        long id = list.getJsonArray("items").getValuesAs(jakarta.json.JsonObject.class).stream()
                .filter(i -> i.getString("customer").equals(customer)).findFirst()
                .orElseThrow(() -> new AssertionError(customer + " is not on " + list)).getJsonNumber("id").longValue();
        for (int i = 1; i <= 3; i++) {
            Api.Reply tried = as.postJson("api/call-lists/items/" + id + "/outcome", "{\"outcome\":\"NO_ANSWER\"}");
            assertThat(tried.status()).as(tried.toString()).isEqualTo(200);
        }
        return id;
    }

    private String status(long id) {
        return api.asAdmin().get("api/planned-touches?status=ESCALATED&limit=1000").array().getValuesAs(jakarta.json.JsonObject.class)
                .stream().filter(t -> t.getJsonNumber("id").longValue() == id).map(t -> t.getString("status")).findFirst()
                .orElse("not ESCALATED");
    }
}
