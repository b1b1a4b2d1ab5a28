package org.rapport.calllists;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.rapport.testing.Api;
import org.rapport.testing.Browser;
import org.rapport.testing.BrowserExtension;
import org.rapport.testing.PageSession;
import org.rapport.testing.Team;
import org.rapport.testing.TestServer;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /team}: a manager sees each salesperson of their team and nobody else's; a salesperson may not open it. */
class TeamPageIT {

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
    void aSalespersonMayNotOpenTheTeamPage() {
        PageSession seller = PageSession.onTestServer();
        seller.signIn(team.a, Team.PASSWORD);

        assertThat(seller.get("team").status()).isEqualTo(403);
        assertThat(seller.get("team/" + team.b).status()).isEqualTo(403);
    }
}
