package org.rapport.netweaving;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.rapport.testing.Api;
import org.rapport.testing.Browser;
import org.rapport.testing.BrowserExtension;
import org.rapport.testing.PageSession;
import org.rapport.testing.PageSession.Page;
import org.rapport.testing.Team;
import org.rapport.testing.TestServer;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /netweaving}, the manager's board: in Chromium a manager finds a proposal in its stage's column, opens it to
 * its history and explanation and approves it, declines another saying why, and reads the quarter's rewards and funnel
 * with the figures of {@code GET /api/reports/netweaving}; the page has no serious or critical accessibility violation
 * at either width. Over HTTP: a salesperson's login gets 403, and a manager who forges another team's introduction into
 * the page's forms gets the service's refusal while nothing changes.
 */
@ExtendWith(BrowserExtension.class)
class NetweavingPageIT {

    private final Api admin = TestServer.api().asAdmin();
    @RegisterExtension
    final Proposals proposals = new Proposals(TestServer.api());

    @Test
    void aManagerOpensAProposalFromItsColumnApprovesItDeclinesAnotherAndReadsTheQuartersFigures(Browser browser) {
        Team team = proposals.team();
        long approved = proposals.introduction(team);
        long declined = proposals.introduction(team, "2");
        long owed = proposals.reward(team, team.a, team.customerOfA, "Jane Roe at Foo GmbH");
        long given = proposals.reward(team, team.b, team.customerOfB, "John Doe at Bar AG");
        Api.Reply approval = team.as(team.m).postJson("api/rewards/" + given + "/approve", "");
        assertThat(approval.status()).as(approval.toString()).isEqualTo(200);

        browser.signIn(team.m, Team.PASSWORD).open("netweaving");
        assertThat(cardIds(browser, "PROPOSED")).containsExactlyInAnyOrder(String.valueOf(approved), String.valueOf(declined));
        WebElement card = card(browser, "PROPOSED", approved);
        assertThat(card.getText()).contains(team.tag + " X").contains(team.tag + " Y").contains("under a day")
                .contains("Score " + admin.get("api/introductions/" + approved).json().getInt("score"));
        assertThat(card.findElement(By.cssSelector(".pair a")).getAttribute("href")).endsWith("/customers/" + team.tag + "-X");

        // open it: its explanation and its history, the events the API lists
        card.findElement(By.cssSelector("a.open")).click();
        browser.waitFor(By.id("detail"));
        JsonObject proposal = admin.get("api/introductions/" + approved).json();
        assertThat(browser.find(By.cssSelector("#detail .explanation")).getText()).isEqualTo(proposal.getString("explanation"));
        assertThat(events(browser)).isEqualTo(kinds(proposal.getJsonArray("history")));
        assertThat(events(browser)).containsExactly("PROPOSED");
        browser.check("netweaving");

        browser.find(By.id("approval:approve")).click();
        browser.waitUntil(d -> browser.text().contains("Approved: " + team.tag + " X and " + team.tag + " Y."));
        JsonObject afterApproval = admin.get("api/introductions/" + approved).json();
        assertThat(afterApproval.getString("stage")).isIn(Proposals.APPROVED_OR_LATER);
        assertThat(browser.findAll(By.id("approval:approve"))).as("nothing left to decide").isEmpty();
        assertThat(events(browser)).isEqualTo(kinds(afterApproval.getJsonArray("history")));
        assertThat(cardIds(browser, afterApproval.getString("stage"))).as("on the board in its new column").contains(String.valueOf(approved));

        // decline the other: no reason, nothing changes; with one, it is declined and settled on the board
        browser.open("netweaving?introduction=" + declined);
        browser.find(By.id("decline:send")).click();
        browser.waitFor(By.cssSelector(".field-error"));
        assertThat(browser.find(By.cssSelector(".field-error")).getText()).startsWith("reason:");
        assertThat(admin.get("api/introductions/" + declined).json().getString("stage")).isEqualTo("PROPOSED");
        browser.find(By.id("decline:reason")).sendKeys("They already work together");
        browser.find(By.id("decline:send")).click();
        browser.waitUntil(d -> browser.text().contains("Declined: " + team.tag + " X2 and " + team.tag + " Y2."));
        JsonObject afterDecline = admin.get("api/introductions/" + declined).json();
        assertThat(afterDecline.getString("stage")).isEqualTo("DECLINED");
        JsonArray history = afterDecline.getJsonArray("history");
        assertThat(history.getJsonObject(history.size() - 1).getString("note")).isEqualTo("They already work together");
        assertThat(browser.text()).contains("They already work together");
        assertThat(cardIds(browser, "DECLINED")).contains(String.valueOf(declined));
        assertThat(cardIds(browser, "PROPOSED")).isEmpty();

        // the quarter's rewards and funnel: the report's figures for the manager's team over the period the page shows
        WebElement rewards = browser.find(By.id("rewards"));
        JsonObject report = team.as(team.m).get("api/reports/netweaving?from=" + rewards.getAttribute("data-from") + "&to="
                + rewards.getAttribute("data-to") + "&team=" + team.m).json();
        JsonObject rewardFigures = report.getJsonObject("rewards");
        assertThat(browser.find(By.id("budget")).getText()).isEqualTo(rewardFigures.getString("quarterly_budget_per_team"));
        assertThat(browser.find(By.id("owed")).getText()).isEqualTo(String.valueOf(rewardFigures.getInt("owed"))).isEqualTo("2");
        Map<String, String> onPage = new LinkedHashMap<>();
        for (WebElement row : browser.findAll(By.cssSelector("#reward-figures tbody tr"))) {
            onPage.put(row.getAttribute("data-status") + " " + row.getAttribute("data-currency"),
                    row.findElement(By.className("rewards")).getText() + " " + row.findElement(By.className("value")).getText());
        }
        Map<String, String> inReport = new LinkedHashMap<>();
        for (JsonObject r : rewardFigures.getJsonArray("by_status").getValuesAs(JsonObject.class)) {
            inReport.put(r.getString("status") + " " + r.getString("currency"), r.getInt("rewards") + " " + r.getJsonNumber("value").bigDecimalValue());
        }
        assertThat(onPage).isEqualTo(inReport);
        assertThat(onPage.keySet()).anyMatch(k -> k.startsWith("PROPOSED ")).anyMatch(k -> k.startsWith("APPROVED "));
        assertThat(new BigDecimal(onPage.values().iterator().next().split(" ")[1])).as("a real amount").isPositive();

        Map<String, String> funnelOnPage = new LinkedHashMap<>();
        for (WebElement row : browser.findAll(By.cssSelector("#funnel-table tbody tr"))) {
            funnelOnPage.put(row.getAttribute("data-stage"), row.findElement(By.className("reached")).getText());
        }
        Map<String, String> funnelInReport = new LinkedHashMap<>();
        for (JsonObject s : report.getJsonArray("funnel").getValuesAs(JsonObject.class)) {
            funnelInReport.put(s.getString("stage"), String.valueOf(s.getInt("reached")));
        }
        assertThat(funnelOnPage).isEqualTo(funnelInReport);
        assertThat(funnelOnPage.get("PROPOSED")).isEqualTo("2");
        assertThat(funnelOnPage.get("APPROVED")).isEqualTo("1");
        assertThat(browser.findAll(By.cssSelector("#funnel canvas"))).as("the chart is drawn").hasSize(1);
    }

    @Test
    void aSalespersonsLoginGets403AndAManagerSeesTheLinkAndThePage() {
        proposals.team().assertManagersOnly("netweaving");
    }

    @Test
    void aManagerWhoForgesAnotherTeamsIntroductionGetsTheRefusalAndNothingChanges() {
        Team team = proposals.team();
        Team other = proposals.team();
        long own = proposals.introduction(team);
        long foreign = proposals.introduction(other);
        String refusal = "Introduction " + foreign + " is not between customers of yours.";

        PageSession manager = PageSession.onTestServer();
        manager.signIn(team.m, Team.PASSWORD);
        Page board = manager.get("netweaving");
        assertThat(board.body()).contains("data-item=\"" + own + "\"").as("another team's introduction is not on the board")
                .doesNotContain("data-item=\"" + foreign + "\"");
        Page opened = manager.get("netweaving?introduction=" + foreign);
        assertThat(opened.status()).isEqualTo(200);
        assertThat(opened.body()).contains(refusal).doesNotContain("id=\"detail\"");

        // the forms of the manager's own proposal, posted with the other team's id
        Page form = manager.get("netweaving?introduction=" + own);
        assertThat(form.body()).contains("id=\"approval\"").contains("id=\"decline\"");
        Page approve = manager.post("netweaving", Map.of("approval", "approval", "approval:approve", "Approve",
                "introduction", String.valueOf(foreign), "jakarta.faces.ViewState", form.viewState()));
        assertThat(approve.status()).isEqualTo(200);
        assertThat(approve.body()).contains(refusal);
        Page decline = manager.post("netweaving", Map.of("decline", "decline", "decline:reason", "not mine", "decline:send",
                "Decline", "introduction", String.valueOf(foreign), "jakarta.faces.ViewState", form.viewState()));
        assertThat(decline.status()).isEqualTo(200);
        assertThat(decline.body()).contains(refusal);

        JsonObject unchanged = admin.get("api/introductions/" + foreign).json();
        assertThat(unchanged.getString("stage")).isEqualTo("PROPOSED");
        assertThat(unchanged.getBoolean("first_approved") || unchanged.getBoolean("second_approved")).isFalse();
        assertThat(unchanged.getJsonArray("history")).as("only the proposal").hasSize(1);
        assertThat(admin.get("api/introductions/" + own).json().getString("stage")).as("nor the form's own").isEqualTo("PROPOSED");
    }

    // ---------------------------------------------------------------------------------------------------- the page

    private static List<String> cardIds(Browser browser, String stage) {
        return browser.findAll(By.cssSelector(".stage-column[data-stage=" + stage + "] li.card")).stream()
                .map(c -> c.getAttribute("data-item")).toList();
    }

    private static WebElement card(Browser browser, String stage, long id) {
        return browser.find(By.cssSelector(".stage-column[data-stage=" + stage + "] li.card[data-item='" + id + "']"));
    }

    /** The kinds of the opened introduction's history on the page, oldest first. */
    private static List<String> events(Browser browser) {
        return browser.findAll(By.cssSelector("#detail li.event")).stream().map(e -> e.getAttribute("data-kind")).toList();
    }

    private static List<String> kinds(JsonArray history) {
        return history.getValuesAs(JsonObject.class).stream().map(e -> e.getString("kind")).toList();
    }
}
