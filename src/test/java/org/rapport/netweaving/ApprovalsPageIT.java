package org.rapport.netweaving;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.rapport.testing.Api;
import org.rapport.testing.Browser;
import org.rapport.testing.BrowserExtension;
import org.rapport.testing.Csv;
import org.rapport.testing.PageSession;
import org.rapport.testing.PageSession.Page;
import org.rapport.testing.Team;
import org.rapport.testing.TestServer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /approvals}, the manager's inbox: in Chromium a manager approves an introduction between two of their team's
 * customers and a reward, rejects another reward with a reason, and the API shows each decided; the page has no serious
 * or critical accessibility violation. Over HTTP: a salesperson's login gets 403, and a manager who forges another
 * team's id into the page's request gets the service's refusal on the page while nothing changes.
 */
@ExtendWith(BrowserExtension.class)
class ApprovalsPageIT {

    /** The stages an approved introduction may be in by the time the test looks (what follows approval is not ours). */
    private static final Set<String> APPROVED_OR_LATER = Set.of("APPROVED", "CONSENT_REQUESTED_FIRST");

    private final Api api = TestServer.api();
    private final Api admin = api.asAdmin();
    private final List<Team> teams = new ArrayList<>();

    /** As IntroductionIT: customers of this test are contacted by no later test (an approval asks for consent). */
    @AfterEach
    void retireThisTestsCustomers() throws SQLException {
        try (Connection db = DriverManager.getConnection(System.getenv("RAPPORT_DB_URL"), System.getenv("RAPPORT_DB_USER"),
                System.getenv("RAPPORT_DB_PASSWORD"));
             PreparedStatement retire = db.prepareStatement("UPDATE customer SET do_not_contact = TRUE WHERE external_id LIKE ?")) {
            for (Team team : teams) {
                retire.setString(1, team.tag + "-%");
                retire.executeUpdate();
            }
        }
    }

    @Test
    void aManagerApprovesAnIntroductionAndARewardAndRejectsARewardSayingWhy(Browser browser) {
        Team team = team();
        long introduction = proposedIntroduction(team);
        long reward = proposedReward(team, team.a, team.customerOfA, "Jane Roe at Foo GmbH");
        long rejected = proposedReward(team, team.b, team.customerOfB, "John Doe at Bar AG");

        browser.signIn(team.m, Team.PASSWORD).open("approvals");
        assertThat(cardIds(browser, "introduction")).containsExactly(String.valueOf(introduction));
        assertThat(cardIds(browser, "reward")).containsExactlyInAnyOrder(String.valueOf(reward), String.valueOf(rejected));
        assertThat(card(browser, "introduction", introduction).getText()).as("the two customers and why they match")
                .contains(team.tag + " X").contains(team.tag + " Y")
                .contains(admin.get("api/introductions/" + introduction).json().getString("explanation"));
        browser.check("approvals");

        card(browser, "introduction", introduction).findElement(By.cssSelector("button[data-act=approve]")).click();
        awaitGone(browser, "introduction", introduction);
        assertThat(admin.get("api/introductions/" + introduction).json().getString("stage")).isIn(APPROVED_OR_LATER);

        card(browser, "reward", reward).findElement(By.cssSelector("button[data-act=approve]")).click();
        awaitGone(browser, "reward", reward);
        assertThat(rewardStatus(reward)).isEqualTo("APPROVED");

        WebElement toReject = card(browser, "reward", rejected);
        toReject.findElement(By.cssSelector("button[data-act=ask]")).click();
        toReject.findElement(By.cssSelector("button[data-act=refuse]")).click();
        assertThat(rewardStatus(rejected)).as("no reason, nothing sent").isEqualTo("PROPOSED");
        toReject.findElement(By.cssSelector(".more input")).sendKeys("John Doe was already a lead");
        toReject.findElement(By.cssSelector("button[data-act=refuse]")).click();
        awaitGone(browser, "reward", rejected);
        JsonObject decided = admin.get("api/rewards/" + rejected).json();
        assertThat(decided.getString("status")).isEqualTo("REJECTED");
        assertThat(decided.getJsonArray("entries").getJsonObject(1).getString("reason")).isEqualTo("John Doe was already a lead");
        assertThat(browser.text()).contains("No introduction waits for you.").contains("No reward waits for you.");
    }

    @Test
    void aSalespersonsLoginGets403AndAManagerSeesTheLinkAndThePage() {
        Team team = team();
        PageSession seller = PageSession.onTestServer();
        seller.signIn(team.a, Team.PASSWORD);
        assertThat(seller.get("approvals").status()).isEqualTo(403);
        assertThat(seller.get("today").body()).as("no link to a page they may not open").doesNotContain("/approvals\"");

        PageSession manager = PageSession.onTestServer();
        manager.signIn(team.m, Team.PASSWORD);
        Page page = manager.get("approvals");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("/approvals\"");
    }

    @Test
    void aManagerWhoForgesAnotherTeamsIdGetsTheRefusalAndNothingChanges() {
        Team team = team();
        Team other = team();
        long introduction = proposedIntroduction(other);
        long reward = proposedReward(other, other.a, other.customerOfA, "Hans Klein at Baz AG");

        PageSession manager = PageSession.onTestServer();
        manager.signIn(team.m, Team.PASSWORD);
        Page page = manager.get("approvals");
        assertThat(page.body()).as("another team's items are not listed")
                .doesNotContain("data-item=\"" + introduction + "\"").doesNotContain("data-item=\"" + reward + "\"");

        Page approveIntroduction = remoteCommand(manager, page, "approveIntroduction", Map.of("item", String.valueOf(introduction)));
        assertThat(approveIntroduction.body()).contains("Introduction " + introduction + " is not between customers of yours.");
        Page declineIntroduction = remoteCommand(manager, page, "declineIntroduction",
                Map.of("item", String.valueOf(introduction), "reason", "not mine"));
        assertThat(declineIntroduction.body()).contains("Introduction " + introduction + " is not between customers of yours.");
        JsonObject unchanged = admin.get("api/introductions/" + introduction).json();
        assertThat(unchanged.getString("stage")).isEqualTo("PROPOSED");
        assertThat(unchanged.getBoolean("first_approved") || unchanged.getBoolean("second_approved")).isFalse();

        Page approveReward = remoteCommand(manager, page, "approveReward", Map.of("item", String.valueOf(reward)));
        assertThat(approveReward.body()).contains("Reward " + reward);
        Page rejectReward = remoteCommand(manager, page, "rejectReward", Map.of("item", String.valueOf(reward), "reason", "not mine"));
        assertThat(rejectReward.body()).contains("Reward " + reward);
        assertThat(rewardStatus(reward)).isEqualTo("PROPOSED");
        assertThat(admin.get("api/rewards/" + reward).json().getJsonArray("entries")).as("the ledger has only the proposal").hasSize(1);
    }

    // ---------------------------------------------------------------------------------------------------- set-up

    private Team team() {
        Team team = new Team(api);
        teams.add(team);
        return team;
    }

    /** As IntroductionIT: a customer of a who needs what a customer of b offers, matched by a run; its id. */
    private long proposedIntroduction(Team team) {
        String code = team.tag.toLowerCase(java.util.Locale.ROOT) + "-l";
        Api.Reply category = admin.postCsv("api/import/categories", Csv.lines("code,name", code + ",Logistics " + team.tag));
        assertThat(category.json().getJsonArray("rejected")).as(category.toString()).isEmpty();
        Api.Reply customers = admin.postCsv("api/import/customers", Csv.lines(
                "owner,external_id,company,region,offers,needs,intro_ok,email,time_zone",
                team.a + "," + team.tag + "-X," + team.tag + " X,DE-BE,," + code + ",true,x@" + team.tag + ".example,Europe/Berlin",
                team.b + "," + team.tag + "-Y," + team.tag + " Y,DE-BE," + code + ",,true,y@" + team.tag + ".example,Europe/Berlin"));
        assertThat(customers.json().getJsonArray("rejected")).as(customers.toString()).isEmpty();
        Api.Reply run = admin.postJson("api/introductions/match", "");
        assertThat(run.status()).as(run.toString()).isEqualTo(200);
        List<JsonObject> mine = admin.get("api/introductions?owner=" + team.a).array().getValuesAs(JsonObject.class);
        assertThat(mine).as(mine.toString()).hasSize(1);
        assertThat(mine.get(0).getString("stage")).isEqualTo("PROPOSED");
        return mine.get(0).getJsonNumber("id").longValue();
    }

    private long proposedReward(Team team, String proposer, String customer, String subject) {
        Api.Reply proposed = team.as(proposer).postJson("api/rewards", Json.createObjectBuilder().add("customer", customer)
                .add("kind", "REFERRAL_CONVERTED").add("subject", subject).add("reason", "recommending " + subject).build().toString());
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        return proposed.json().getJsonNumber("id").longValue();
    }

    private String rewardStatus(long id) {
        return admin.get("api/rewards/" + id).json().getString("status");
    }

    // ---------------------------------------------------------------------------------------------------- the page

    /** The request the page's remote command makes (PrimeFaces' ajax post), with {@code params} as the script would add. */
    private static Page remoteCommand(PageSession session, Page page, String command, Map<String, String> params) {
        Page reply = session.remoteCommand("approvals", page, "decide", command, "decide:inbox", params);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply;
    }

    private static List<String> cardIds(Browser browser, String kind) {
        return browser.findAll(By.cssSelector("article.decision[data-kind=" + kind + "]")).stream()
                .map(c -> c.getAttribute("data-item")).toList();
    }

    private static WebElement card(Browser browser, String kind, long id) {
        return browser.find(By.cssSelector("article.decision[data-kind=" + kind + "][data-item='" + id + "']"));
    }

    private static void awaitGone(Browser browser, String kind, long id) {
        browser.waitUntil(d -> !cardIds(browser, kind).contains(String.valueOf(id)));
    }
}
