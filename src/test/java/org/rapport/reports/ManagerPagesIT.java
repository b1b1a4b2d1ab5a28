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

        assertThat(browser.findAll(By.cssSelector("canvas"))).as("three charts").hasSize(3);
        assertThat(browser.findAll(By.cssSelector("#weeks tbody tr"))).as("the same figures as a table, one row a week").hasSize(12);
        WebElement miss = browser.find(By.xpath("//table[@id='missed']//tr[td[text()='" + problem + "']]"));
        assertThat(miss.getText()).contains(team.customerOfB).contains(team.b).contains("not reached");
        assertThat(miss.findElement(By.tagName("a")).getAttribute("href")).endsWith("/customers/" + team.customerOfB);
        browser.check("standards");
    }

    @Test
    void aSalespersonMayNotOpenTheManagersPages() {
        PageSession seller = PageSession.onTestServer();
        seller.signIn(team.a, Team.PASSWORD);

        assertThat(seller.get("team").status()).isEqualTo(403);
        assertThat(seller.get("team/" + team.b).status()).isEqualTo(403);
        assertThat(seller.get("standards").status()).isEqualTo(403);
    }
}
