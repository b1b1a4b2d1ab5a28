package org.rapport.netweaving;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
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

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /approvals}, the manager's inbox: in Chromium a manager approves an introduction between two of their team's
 * customers and a reward, rejects another reward with a reason, and the API shows each decided; the page has no serious
 * or critical accessibility violation. Over HTTP: a salesperson's login gets 403, and a manager who forges another
 * team's id into the page's request gets the service's refusal on the page while nothing changes.
 */
@ExtendWith(BrowserExtension.class)
class ApprovalsPageIT {

    private final Api admin = TestServer.api().asAdmin();
    @RegisterExtension
    final Proposals proposals = new Proposals(TestServer.api());

    @Test
    void aManagerApprovesAnIntroductionAndARewardAndRejectsARewardSayingWhy(Browser browser) {
        Team team = proposals.team();
        long introduction = proposals.introduction(team);
        long reward = proposals.reward(team, team.a, team.customerOfA, "Jane Roe at Foo GmbH");
        long rejected = proposals.reward(team, team.b, team.customerOfB, "John Doe at Bar AG");

        browser.signIn(team.m, Team.PASSWORD).open("approvals");
        assertThat(cardIds(browser, "introduction")).containsExactly(String.valueOf(introduction));
        assertThat(cardIds(browser, "reward")).as("the longest waiting first").containsExactly(String.valueOf(reward), String.valueOf(rejected));
        assertThat(card(browser, "introduction", introduction).getText()).as("the two customers and why they match")
                .contains(team.tag + " X").contains(team.tag + " Y").contains("under a day")
                .contains(admin.get("api/introductions/" + introduction).json().getString("explanation"));
        browser.check("approvals");

        card(browser, "introduction", introduction).findElement(By.cssSelector("button[data-act=approve]")).click();
        awaitGone(browser, "introduction", introduction);
        assertThat(admin.get("api/introductions/" + introduction).json().getString("stage")).isIn(Proposals.APPROVED_OR_LATER);

        card(browser, "reward", reward).findElement(By.cssSelector("button[data-act=approve]")).click();
        awaitGone(browser, "reward", reward);
        assertThat(proposals.rewardStatus(reward)).isEqualTo("APPROVED");

        WebElement toReject = card(browser, "reward", rejected);
        toReject.findElement(By.cssSelector("button[data-act=ask]")).click();
        toReject.findElement(By.cssSelector("button[data-act=refuse]")).click();
        assertThat(proposals.rewardStatus(rejected)).as("no reason, nothing sent").isEqualTo("PROPOSED");
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
        proposals.team().assertManagersOnly("approvals");
    }

    @Test
    void aRewardIsInTheInboxOfWhoDecidesItByItsBudgetNotOfWhoSeesItsCustomerNow() {
        Team team = proposals.team();
        long reward = proposals.reward(team, team.a, team.customerOfA, "Ann Lee at Qux SE");
        // the customer moves to Carla, of the other team: Otto sees the reward now, but it counts against Maria's budget
        Api.Reply moved = admin.postCsv("api/import/customers", Csv.lines("external_id,company,preferred_name,email,time_zone,owner",
                team.customerOfA + ",Alpha GmbH,Alfred,alfred@alpha.example,Europe/Berlin," + team.c));
        assertThat(moved.json().getJsonArray("rejected")).as(moved.toString()).isEmpty();
        assertThat(admin.postJson("api/users", "{\"username\":\"" + team.m2 + "\",\"password\":\"" + Team.PASSWORD
                + "\",\"role\":\"MANAGER\",\"salesperson\":\"" + team.m2 + "\"}").status()).isEqualTo(201);
        assertThat(team.as(team.m2).get("api/rewards/" + reward).status()).as("Otto sees it").isEqualTo(200);

        PageSession otto = PageSession.onTestServer();
        otto.signIn(team.m2, Team.PASSWORD);
        PageSession maria = PageSession.onTestServer();
        maria.signIn(team.m, Team.PASSWORD);

        assertThat(otto.get("approvals").body()).as("not Otto's to decide").doesNotContain("data-item=\"" + reward + "\"");
        assertThat(maria.get("approvals").body()).as("Maria's budget").contains("data-item=\"" + reward + "\"");
    }

    @Test
    void aManagerWhoForgesAnotherTeamsIdGetsTheRefusalAndNothingChanges() {
        Team team = proposals.team();
        Team other = proposals.team();
        long introduction = proposals.introduction(other);
        long reward = proposals.reward(other, other.a, other.customerOfA, "Hans Klein at Baz AG");

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
        assertThat(proposals.rewardStatus(reward)).isEqualTo("PROPOSED");
        assertThat(admin.get("api/rewards/" + reward).json().getJsonArray("entries")).as("the ledger has only the proposal").hasSize(1);
    }

    @Test
    void theOldestProposalStaysInTheInboxBehindManyNewerOnesThatNoLongerWaitOnTheManager() throws Exception {
        Team team = proposals.team();
        Team other = proposals.team();
        long oldest = proposals.introduction(team);
        // more than a list of what the manager sees holds (IntroductionService.LIST_LIMIT), all newer, none waiting on them
        proposals.proposed(team.customerOfA, other.customerOfA, true, IntroductionService.LIST_LIMIT + 1);

        PageSession manager = PageSession.onTestServer();
        manager.signIn(team.m, Team.PASSWORD);
        Page page = manager.get("approvals");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).as("the proposal that waits on the manager").contains("data-item=\"" + oldest + "\"")
                .contains("Introductions waiting for your approval (1)").doesNotContain("id=\"introductions-capped\"");
    }

    @Test
    void aLongInboxShowsThoseWaitingLongestAndSaysMoreWait() throws Exception {
        Team team = proposals.team();
        long oldest = proposals.introduction(team);
        proposals.proposed(team.customerOfA, team.customerOfB, false, IntroductionService.AWAITING_LIMIT);

        PageSession manager = PageSession.onTestServer();
        manager.signIn(team.m, Team.PASSWORD);
        Page page = manager.get("approvals");

        assertThat(page.status()).isEqualTo(200);
        List<String> cards = java.util.regex.Pattern.compile("data-kind=\"introduction\" data-item=\"(\\d+)\"")
                .matcher(page.body()).results().map(m -> m.group(1)).toList();
        assertThat(cards).hasSize(IntroductionService.AWAITING_LIMIT).first().as("the one waiting longest")
                .isEqualTo(String.valueOf(oldest));
        assertThat(page.body()).contains("id=\"introductions-capped\"")
                .contains("The " + IntroductionService.AWAITING_LIMIT + " introductions that have waited longest are shown");
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
