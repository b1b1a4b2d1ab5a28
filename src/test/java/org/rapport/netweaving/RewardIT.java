package org.rapport.netweaving;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.testing.Api;
import org.rapport.testing.Csv;
import org.rapport.testing.Eventually;
import org.rapport.testing.Mailbox;
import org.rapport.testing.Team;
import org.rapport.testing.TestServer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rewards through the API: proposed by the rules (an anniversary, the top tier) or a person, approved by a manager
 * within the team's quarterly budget, rejected with a reason, fulfilled with the customer's notice in GreenMail; the
 * ledger shows every step, and nobody outside the customer's team sees or decides.
 */
class RewardIT {

    Api api;
    Team team;

    @BeforeEach
    void team() {
        api = TestServer.api();
        team = new Team(api);
    }

    @Test
    void anAnniversaryRewardIsApprovedByTheManagerFulfilledAndTheNoticeArrives() throws Exception {
        String customer = Csv.unique("ANNIV").toUpperCase();
        String email = customer.toLowerCase() + "@anniversary.example";
        // two days back: the server's "today" is in its schedule zone, which may be a day off UTC's near midnight
        LocalDate fiveYearsAgo = LocalDate.now(ZoneOffset.UTC).minusYears(5).minusDays(2);
        importCustomer(customer, "Jubilee GmbH", "Judith", email, team.a, fiveYearsAgo);

        // the tenth anniversary three weeks ago is caught up; a fifth six weeks ago is too old; four years are too few
        String tenYears = customer + "-10";
        String missed = customer + "-MISSED";
        String fourYears = customer + "-4";
        importCustomer(tenYears, "Decade AG", "Dora", tenYears.toLowerCase() + "@anniversary.example", team.a,
                LocalDate.now(ZoneOffset.UTC).minusYears(10).minusDays(21));
        importCustomer(missed, "Late AG", "Lars", missed.toLowerCase() + "@anniversary.example", team.a,
                LocalDate.now(ZoneOffset.UTC).minusYears(5).minusDays(42));
        importCustomer(fourYears, "Young AG", "Yara", fourYears.toLowerCase() + "@anniversary.example", team.a,
                LocalDate.now(ZoneOffset.UTC).minusYears(4));

        Api.Reply run = api.asAdmin().postJson("api/rewards/run", "");
        assertThat(run.status()).as(run.toString()).isEqualTo(200);
        assertThat(run.json().getInt("proposed")).isGreaterThanOrEqualTo(2);
        assertThat(api.asAdmin().postJson("api/rewards/run", "").json().getInt("proposed")).as("once per anniversary").isZero();
        assertThat(single(rewardsOf(team.as(team.a), "PROPOSED", tenYears)).getString("subject")).isEqualTo("10 years");
        assertThat(rewardsOf(team.as(team.a), null, missed)).isEmpty();
        assertThat(rewardsOf(team.as(team.a), null, fourYears)).isEmpty();

        JsonObject proposed = single(rewardsOf(team.as(team.a), "PROPOSED", customer));
        assertThat(proposed.getString("kind")).isEqualTo("ANNIVERSARY");
        assertThat(proposed.getString("subject")).isEqualTo("5 years");
        assertThat(proposed.getJsonNumber("value").bigDecimalValue()).isEqualByComparingTo("50");
        assertThat(proposed.getString("currency")).isEqualTo("EUR");
        assertThat(proposed.isNull("proposed_by")).as("a rule proposed it").isTrue();
        int id = proposed.getInt("id");

        Api.Reply own = team.as(team.a).postJson("api/rewards/" + id + "/approve", "");
        assertThat(own.status()).as("a salesperson (here the owner) approves no reward: " + own).isEqualTo(403);
        assertThat(own.json().getString("detail")).isEqualTo("Reward " + id + ": only the manager of the team whose budget "
                + "it counts against, or an admin, approves it.");

        Api.Reply approved = team.as(team.m).postJson("api/rewards/" + id + "/approve", "");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.json().getString("status")).isEqualTo("APPROVED");
        assertThat(team.as(team.m).postJson("api/rewards/" + id + "/approve", "").status()).as("approved once").isEqualTo(409);

        assertThat(team.as(team.a).postJson("api/rewards/" + id + "/fulfil", "{\"given\":\"GIFT\"}").status())
                .as("what was given needs a description").isEqualTo(400);
        assertThat(team.as(team.a).postJson("api/rewards/" + id + "/fulfil", "{\"given\":\"CAKE\",\"description\":\"x\"}").status())
                .as("GIFT, DISCOUNT, DONATION or NOTE").isEqualTo(400);
        Api.Reply fulfilled = team.as(team.a).postJson("api/rewards/" + id + "/fulfil",
                "{\"given\":\"GIFT\",\"description\":\"A hamper of regional delicacies\"}");
        assertThat(fulfilled.status()).as(fulfilled.toString()).isEqualTo(200);
        assertThat(fulfilled.json().getString("status")).isEqualTo("FULFILLED");
        assertThat(team.as(team.a).postJson("api/rewards/" + id + "/fulfil",
                "{\"given\":\"NOTE\",\"description\":\"again\"}").status()).as("FULFILLED is final").isEqualTo(409);

        List<JsonObject> ledger = team.as(team.m).get("api/rewards/" + id).json().getJsonArray("entries").getValuesAs(JsonObject.class);
        assertThat(ledger).extracting(e -> e.getString("status")).containsExactly("PROPOSED", "APPROVED", "FULFILLED");
        assertThat(ledger.get(0).isNull("actor")).isTrue();
        assertThat(ledger.get(0).getString("reason")).isEqualTo("5 years as our customer");
        assertThat(ledger.get(1).getString("actor")).isEqualTo(team.m);
        assertThat(ledger.get(1).getString("reason")).contains("budget for " + quarter()).contains("EUR 1000.00");
        assertThat(ledger.get(2).getString("actor")).isEqualTo(team.a);
        assertThat(ledger.get(2).getString("given")).isEqualTo("GIFT");
        assertThat(ledger.get(2).getString("description")).isEqualTo("A hamper of regional delicacies");
        assertThat(ledger).extracting(e -> e.getInt("id")).isSorted();

        int outboxId = ledger.get(2).getInt("outbox_id");
        JsonObject queued = api.asAdmin().get("api/outbox/" + outboxId).json();
        assertThat(queued.getString("template")).isEqualTo("reward-notice");
        assertThat(queued.getString("purpose")).isEqualTo("REWARD");
        assertThat(queued.getString("customer")).isEqualTo(customer);
        sendNow(outboxId); // it waits for the customer's send window, which the test does not
        Eventually.soon().untilAsserted(() -> assertThat(Mailbox.to(email)).hasSize(1));
        MimeMessage notice = Mailbox.single(email);
        assertThat(notice.getSubject()).isEqualTo("A small thank-you for you, Judith");
        String text = (String) ((Multipart) notice.getContent()).getBodyPart(0).getContent();
        assertThat(text).contains("A hamper of regional delicacies").contains("5 years as our customer").contains("Anna Seller");
    }

    /** The notice is email of purpose REWARD: a customer who stopped reward notices (and kept the rest) gets no more. */
    @Test
    void aCustomerWhoStoppedRewardNoticesGetsNoNotice() throws Exception {
        String customer = Csv.unique("NOTICE").toUpperCase();
        String email = customer.toLowerCase() + "@notice.example";
        importCustomer(customer, "Notice Oy", "Nina", email, team.a, null);
        int first = approvedReferral(customer, "first referral");
        int firstNotice = fulfil(first);
        sendNow(firstNotice);
        Eventually.soon().untilAsserted(() -> assertThat(Mailbox.to(email)).hasSize(1));
        String unsubscribe = Mailbox.single(email).getHeader("List-Unsubscribe", null);
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("/u/([a-z2-7]+)>").matcher(unsubscribe);
        assertThat(token.find()).as(unsubscribe).isTrue();
        Api.Reply kept = api.anonymous().post("u/" + token.group(1), "application/x-www-form-urlencoded",
                "action=keep&keep=THANK_YOU&keep=CHECK_IN&keep=INTRODUCTION".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertThat(kept.status()).as(kept.toString()).isEqualTo(200);

        int second = approvedReferral(customer, "second referral");
        int secondNotice = fulfil(second);
        assertThat(team.as(team.a).get("api/rewards/" + second).json().getString("status")).as("the reward was given all the same")
                .isEqualTo("FULFILLED");
        sendNow(secondNotice);
        Eventually.soon().untilAsserted(() -> assertThat(api.asAdmin().get("api/outbox/" + secondNotice).json().getString("status"))
                .isEqualTo("SUPPRESSED"));
        assertThat(Mailbox.to(email)).hasSize(1);
    }

    private int approvedReferral(String customer, String subject) {
        Api.Reply proposed = team.as(team.a).postJson("api/rewards", proposal(customer, subject));
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        int id = proposed.json().getInt("id");
        assertThat(team.as(team.m).postJson("api/rewards/" + id + "/approve", "").status()).isEqualTo(200);
        return id;
    }

    /** Fulfils the reward; the id of its notice in the outbox. */
    private int fulfil(int reward) {
        Api.Reply fulfilled = team.as(team.a).postJson("api/rewards/" + reward + "/fulfil", "{\"given\":\"NOTE\",\"description\":\"A handwritten card\"}");
        assertThat(fulfilled.status()).as(fulfilled.toString()).isEqualTo(200);
        List<JsonObject> entries = fulfilled.json().getJsonArray("entries").getValuesAs(JsonObject.class);
        return entries.get(entries.size() - 1).getInt("outbox_id");
    }

    @Test
    void reachingTheTopTierProposesARewardOnceAYear() {
        String customer = Csv.unique("TOPT").toUpperCase();
        importCustomer(customer, "Summit AG", "Sam", customer.toLowerCase() + "@top.example", team.b, null);
        String amount = org.rapport.testing.TopSpend.amount(); // in the top ten with the tier test's big spenders
        Api.Reply bought = api.asAdmin().postCsv("api/import/purchases", Csv.lines("external_id,customer,purchased_on,amount,currency",
                customer + "-P1," + customer + "," + LocalDate.now().minusDays(30) + "," + amount + ",EUR"));
        assertThat(bought.json().getInt("created")).as(bought.toString()).isEqualTo(1);
        assertThat(rewardsOf(team.as(team.m), null, customer)).as("no reward before the tier is reached").isEmpty();

        assertThat(api.asAdmin().postJson("api/tiers/recompute", "").status()).isEqualTo(200);
        assertThat(api.asAdmin().get("api/customers/" + customer).json().getString("tier")).isEqualTo("TOP10");
        assertThat(api.asAdmin().postJson("api/tiers/recompute", "").status()).isEqualTo(200);

        JsonObject reward = single(rewardsOf(team.as(team.m), "PROPOSED", customer));
        assertThat(reward.getString("kind")).isEqualTo("TOP_TIER");
        assertThat(reward.getString("subject")).isEqualTo("TOP10 " + LocalDate.now(ZoneOffset.UTC).getYear());
        assertThat(reward.getJsonNumber("value").bigDecimalValue()).isEqualByComparingTo("100");
        Api.Reply approved = team.as(team.m).postJson("api/rewards/" + reward.getInt("id") + "/approve", "");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
    }

    @Test
    void aRewardIsRejectedWithAReasonAndStaysRejected() {
        Api.Reply proposed = team.as(team.a).postJson("api/rewards", proposal(team.customerOfA, "Jane Roe at Foo GmbH"));
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        assertThat(proposed.json().getString("proposed_by")).isEqualTo(team.a);
        assertThat(proposed.json().getString("kind")).isEqualTo("REFERRAL_CONVERTED");
        int id = proposed.json().getInt("id");
        Api.Reply again = team.as(team.a).postJson("api/rewards", proposal(team.customerOfA, "Jane Roe at Foo GmbH"));
        assertThat(again.status()).as("one reward per subject").isEqualTo(200);
        assertThat(again.json().getInt("id")).isEqualTo(id);

        assertThat(team.as(team.m).postJson("api/rewards/" + id + "/reject", "{}").status()).as("a reason is required").isEqualTo(400);
        assertThat(team.as(team.m).postJson("api/rewards/" + id + "/reject", "{\"reason\":\"  \"}").status()).isEqualTo(400);
        assertThat(team.as(team.a).postJson("api/rewards/" + id + "/reject", "{\"reason\":\"mine\"}").status())
                .as("a salesperson does not decide").isEqualTo(403);
        Api.Reply rejected = team.as(team.m).postJson("api/rewards/" + id + "/reject", "{\"reason\":\"Jane Roe was already a lead\"}");
        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
        assertThat(rejected.json().getString("status")).isEqualTo("REJECTED");
        List<JsonObject> ledger = rejected.json().getJsonArray("entries").getValuesAs(JsonObject.class);
        assertThat(ledger).extracting(e -> e.getString("status")).containsExactly("PROPOSED", "REJECTED");
        assertThat(ledger.get(0).getString("actor")).isEqualTo(team.a);
        assertThat(ledger.get(1).getString("actor")).isEqualTo(team.m);
        assertThat(ledger.get(1).getString("reason")).isEqualTo("Jane Roe was already a lead");

        Api.Reply approveRejected = team.as(team.m).postJson("api/rewards/" + id + "/approve", "");
        assertThat(approveRejected.status()).isEqualTo(409);
        assertThat(approveRejected.json().getString("detail")).isEqualTo("Reward " + id + " is REJECTED and cannot become APPROVED: REJECTED is final.");
        assertThat(rewardsOf(team.as(team.a), "REJECTED", team.customerOfA)).hasSize(1);
        assertThat(rewardsOf(team.as(team.a), "PROPOSED", team.customerOfA)).isEmpty();
        assertThat(team.as(team.a).get("api/rewards?status=LOST").status()).isEqualTo(400);
    }

    @Test
    void aRewardIsFulfilledOnlyOnceApprovedAndNeverApprovedByItsProposer() {
        Api.Reply proposed = team.as(team.m).postJson("api/rewards", proposal(team.customerOfA, "Hans Klein at Bar AG"));
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        int id = proposed.json().getInt("id");

        Api.Reply early = team.as(team.a).postJson("api/rewards/" + id + "/fulfil", "{\"given\":\"DISCOUNT\",\"description\":\"10 % off\"}");
        assertThat(early.status()).as(early.toString()).isEqualTo(409);
        assertThat(early.json().getString("detail"))
                .isEqualTo("Reward " + id + " is PROPOSED and cannot become FULFILLED: from PROPOSED it can only become APPROVED or REJECTED.");

        Api.Reply ownProposal = team.as(team.m).postJson("api/rewards/" + id + "/approve", "");
        assertThat(ownProposal.status()).as(ownProposal.toString()).isEqualTo(403);
        assertThat(ownProposal.json().getString("detail")).isEqualTo("Reward " + id + " was proposed by " + team.m + ": someone else approves it.");
        assertThat(team.as(team.m).get("api/rewards/" + id).json().getString("status")).isEqualTo("PROPOSED");

        Api.Reply byAdmin = api.asAdmin().postJson("api/rewards/" + id + "/approve", "");
        assertThat(byAdmin.status()).as(byAdmin.toString()).isEqualTo(200);
        assertThat(team.as(team.a).postJson("api/rewards/" + id + "/fulfil", "{\"given\":\"DISCOUNT\",\"description\":\"10 % off\"}")
                .status()).isEqualTo(200);
    }

    @Test
    void anApprovalThatWouldExceedTheTeamsQuarterlyBudgetIsRefusedSayingWhy() {
        JsonObject rules = api.asAdmin().get("api/rules").json();
        JsonObject rewards = rules.getJsonObject("rewards");
        JsonObject small = Json.createObjectBuilder(rules).add("rewards", Json.createObjectBuilder(rewards)
                .add("quarterly_budget_per_team", Json.createObjectBuilder().add("value", 75).add("currency", "EUR"))).build();
        Api.Reply changed = api.asAdmin().put("api/rules", small.toString());
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        try {
            int first = team.as(team.a).postJson("api/rewards", proposal(team.customerOfA, "first")).json().getInt("id");
            int second = team.as(team.b).postJson("api/rewards", proposal(team.customerOfB, "second")).json().getInt("id");
            assertThat(team.as(team.m).postJson("api/rewards/" + first + "/approve", "").status()).isEqualTo(200);

            Api.Reply refused = team.as(team.m).postJson("api/rewards/" + second + "/approve", "");
            assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
            assertThat(refused.json().getString("detail")).isEqualTo("Approving reward " + second + " (EUR 50.00) would exceed team "
                    + team.m + " (Maria Manager)'s budget for " + quarter() + ": EUR 50.00 of EUR 75.00 is already approved, EUR 25.00 is left.");
            assertThat(team.as(team.m).get("api/rewards/" + second).json().getString("status")).isEqualTo("PROPOSED");
        } finally {
            assertThat(api.asAdmin().put("api/rules", rules.toString()).status()).as("rules restored").isEqualTo(200);
        }
    }

    /** Two approvals at once against a budget with room for one: the team's approvals take turns, so one is refused. */
    @Test
    void twoApprovalsAtOnceCannotBothFitIntoWhatIsLeft() throws Exception {
        JsonObject rules = api.asAdmin().get("api/rules").json();
        JsonObject small = Json.createObjectBuilder(rules).add("rewards", Json.createObjectBuilder(rules.getJsonObject("rewards"))
                .add("quarterly_budget_per_team", Json.createObjectBuilder().add("value", 60).add("currency", "EUR"))).build();
        assertThat(api.asAdmin().put("api/rules", small.toString()).status()).isEqualTo(200);
        try {
            int first = team.as(team.a).postJson("api/rewards", proposal(team.customerOfA, "race one")).json().getInt("id");
            int second = team.as(team.b).postJson("api/rewards", proposal(team.customerOfB, "race two")).json().getInt("id");
            java.util.concurrent.CompletableFuture<Api.Reply> one = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> team.as(team.m).postJson("api/rewards/" + first + "/approve", ""));
            java.util.concurrent.CompletableFuture<Api.Reply> two = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> team.as(team.m).postJson("api/rewards/" + second + "/approve", ""));
            assertThat(List.of(one.get().status(), two.get().status())).as(one.get() + " / " + two.get())
                    .containsExactlyInAnyOrder(200, 409);
        } finally {
            assertThat(api.asAdmin().put("api/rules", rules.toString()).status()).as("rules restored").isEqualTo(200);
        }
    }

    /**
     * An approval and a decrease of another reward of the team at once: the decrease only locks its reward, the approval
     * the team's, so neither waits for ever nor fails; the approval fits only if it saw the decrease, and the team's
     * approved rewards never exceed the budget.
     */
    @Test
    void anApprovalAndADecreaseAtOnceBothFinishWithinTheBudget() throws Exception {
        JsonObject rules = api.asAdmin().get("api/rules").json();
        assertThat(api.asAdmin().put("api/rules", withTeamBudget(rules, team.m, 80).toString()).status()).isEqualTo(200);
        try {
            int first = approvedReferral(team.customerOfA, "race decrease");
            int second = team.as(team.b).postJson("api/rewards", proposal(team.customerOfB, "race approve")).json().getInt("id");
            java.util.concurrent.CompletableFuture<Api.Reply> decrease = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> api.asAdmin().postJson("api/rewards/" + first + "/corrections",
                            "{\"amount\":\"-30.00\",\"currency\":\"EUR\",\"reason\":\"cheaper\"}"));
            java.util.concurrent.CompletableFuture<Api.Reply> approve = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> team.as(team.m).postJson("api/rewards/" + second + "/approve", ""));
            assertThat(decrease.get().status()).as(decrease.get().toString()).isEqualTo(201);
            assertThat(approve.get().status()).as(approve.get().toString()).isIn(200, 409);
            java.math.BigDecimal approved = team.as(team.m).get("api/rewards/" + first).json().getJsonNumber("current_value")
                    .bigDecimalValue();
            assertThat(approved).isEqualByComparingTo("20");
            if (approve.get().status() == 200) {
                assertThat(approve.get().json().getJsonArray("entries").getJsonObject(1).getString("reason"))
                        .as("it counted the lower value").contains("EUR 70.00 of EUR 80.00 approved");
            } else {
                assertThat(team.as(team.m).postJson("api/rewards/" + second + "/approve", "").status())
                        .as("after the decrease it fits").isEqualTo(200);
            }
        } finally {
            assertThat(api.asAdmin().put("api/rules", rules.toString()).status()).as("rules restored").isEqualTo(200);
        }
    }

    /**
     * A reward counts in the quarter it was approved in, at its value now: one approved last quarter leaves this
     * quarter's budget alone, and lowering it later gives back room in its own quarter, not in this one.
     */
    @Test
    void aRewardAndItsDecreaseCountInTheQuarterOfItsApproval() throws Exception {
        JsonObject rules = api.asAdmin().get("api/rules").json();
        assertThat(api.asAdmin().put("api/rules", withTeamBudget(rules, team.m, 60).toString()).status()).isEqualTo(200);
        try {
            int lastQuarter = approvedReferral(team.customerOfA, "approved last quarter");
            try (Connection db = DriverManager.getConnection(System.getenv("RAPPORT_DB_URL"), System.getenv("RAPPORT_DB_USER"),
                    System.getenv("RAPPORT_DB_PASSWORD"));
                 PreparedStatement back = db.prepareStatement("UPDATE reward_entry SET at = at - INTERVAL 4 MONTH "
                         + "WHERE reward_id = ? AND kind = 'STATUS' AND status = 'APPROVED'")) {
                back.setInt(1, lastQuarter); // as if approved four months ago: always another quarter
                assertThat(back.executeUpdate()).isEqualTo(1);
            }
            int now = approvedReferral(team.customerOfA, "approved this quarter");
            int waiting = team.as(team.b).postJson("api/rewards", proposal(team.customerOfB, "waiting this quarter")).json().getInt("id");
            Api.Reply full = team.as(team.m).postJson("api/rewards/" + waiting + "/approve", "");
            assertThat(full.status()).as(full.toString()).isEqualTo(409);
            assertThat(full.json().getString("detail")).as("only reward " + now + " counts this quarter")
                    .endsWith("EUR 50.00 of EUR 60.00 is already approved, EUR 10.00 is left.");

            Api.Reply lowered = api.asAdmin().postJson("api/rewards/" + lastQuarter + "/corrections",
                    "{\"amount\":\"-40.00\",\"currency\":\"EUR\",\"reason\":\"cheaper\"}");
            assertThat(lowered.status()).as(lowered.toString()).isEqualTo(201);
            Api.Reply still = team.as(team.m).postJson("api/rewards/" + waiting + "/approve", "");
            assertThat(still.status()).as("the decrease gave room in its own quarter: " + still).isEqualTo(409);
            assertThat(still.json().getString("detail")).endsWith("EUR 50.00 of EUR 60.00 is already approved, EUR 10.00 is left.");
        } finally {
            assertThat(api.asAdmin().put("api/rules", rules.toString()).status()).as("rules restored").isEqualTo(200);
        }
    }

    @Test
    void anotherTeamsRewardIsOutOfReachAndNobodyApprovesForTheirOwnCustomers() {
        int others = api.asAdmin().postJson("api/rewards", proposal(team.customerOfC, "other team")).json().getInt("id");
        int ours = team.as(team.a).postJson("api/rewards", proposal(team.customerOfA, "our team")).json().getInt("id");

        for (String who : List.of(team.m, team.a, team.b)) {
            assertThat(team.as(who).get("api/rewards/" + others).status()).as(who + " reads another team's reward").isEqualTo(403);
            assertThat(team.as(who).get("api/rewards").array().getValuesAs(JsonObject.class))
                    .as(who + "'s list").noneMatch(r -> r.getInt("id") == others);
        }
        Api.Reply approveOthers = team.as(team.m).postJson("api/rewards/" + others + "/approve", "");
        assertThat(approveOthers.status()).isEqualTo(403);
        assertThat(approveOthers.json().getString("detail")).isEqualTo("Reward " + others + " is not for a customer you reach.");
        assertThat(team.as(team.m).postJson("api/rewards/" + others + "/reject", "{\"reason\":\"no\"}").status()).isEqualTo(403);
        assertThat(team.as(team.c).postJson("api/rewards/" + others + "/fulfil", "{\"given\":\"NOTE\",\"description\":\"x\"}").status())
                .isEqualTo(409);
        assertThat(team.as(team.b).get("api/rewards/" + ours).status()).as("a colleague's customer").isEqualTo(403);
        assertThat(team.as(team.m).get("api/rewards").array().getValuesAs(JsonObject.class)).anyMatch(r -> r.getInt("id") == ours);
        assertThat(team.as(team.m).get("api/rewards/999999999").status()).as("an unknown id looks the same").isEqualTo(403);
        assertThat(api.asAdmin().get("api/rewards/999999999").status()).isEqualTo(404);
        assertThat(team.as(team.a).postJson("api/rewards", proposal(team.customerOfC, "not mine")).status()).isEqualTo(403);

        // the manager's own customer: someone else approves it
        String managers = Csv.unique("MGRC").toUpperCase();
        importCustomer(managers, "Manager's Own Ltd", "Max", managers.toLowerCase() + "@own.example", team.m, null);
        int own = api.asAdmin().postJson("api/rewards", proposal(managers, "own")).json().getInt("id");
        Api.Reply refused = team.as(team.m).postJson("api/rewards/" + own + "/approve", "");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.json().getString("detail")).contains("whom " + team.m + " looks after");
    }

    /**
     * Who decides a reward follows the budget it counts against, not the customer's current owner: once a salesperson
     * moves to another manager, the new manager sees the rewards proposed before the move but does not spend the old
     * team's budget on them (approve, reject, correct); the rewards proposed after the move are theirs.
     */
    @Test
    void aManagerNeverDecidesARewardCountingAgainstAnotherTeamsBudget() {
        int before = team.as(team.c).postJson("api/rewards", proposal(team.customerOfC, "before the move")).json().getInt("id");
        int approvedBefore = team.as(team.c).postJson("api/rewards", proposal(team.customerOfC, "approved before")).json().getInt("id");
        approvedBy(api.asAdmin(), approvedBefore);
        Api.Reply moved = api.asAdmin().postCsv("api/import/salespeople", Csv.lines(
                "external_id,name,email,time_zone,region,daily_capacity,working_days,role,manager,backup",
                team.c + ",Carla Seller,carla@example.com,America/New_York,US-NY,20,MON-FRI,SALES," + team.m + ","));
        assertThat(moved.json().getJsonArray("rejected")).as(moved.toString()).isEmpty();
        assertThat(team.as(team.m).get("api/rewards/" + before).status()).as("m reaches c's customer now").isEqualTo(200);

        String notOurs = "counts against team " + team.m2 + " (Otto Other)'s budget: its manager or an admin ";
        Api.Reply approve = team.as(team.m).postJson("api/rewards/" + before + "/approve", "");
        assertThat(approve.status()).as(approve.toString()).isEqualTo(403);
        assertThat(approve.json().getString("detail")).isEqualTo("Reward " + before + " " + notOurs + "approves it.");
        Api.Reply reject = team.as(team.m).postJson("api/rewards/" + before + "/reject", "{\"reason\":\"no\"}");
        assertThat(reject.status()).as(reject.toString()).isEqualTo(403);
        assertThat(reject.json().getString("detail")).endsWith(notOurs + "rejects it.");
        Api.Reply correct = team.as(team.m).postJson("api/rewards/" + approvedBefore + "/corrections",
                "{\"amount\":\"-5.00\",\"currency\":\"EUR\",\"reason\":\"less\"}");
        assertThat(correct.status()).as(correct.toString()).isEqualTo(403);
        assertThat(correct.json().getString("detail")).endsWith(notOurs + "corrects it.");
        assertThat(team.as(team.m).get("api/rewards/" + before).json().getString("status")).isEqualTo("PROPOSED");

        int after = team.as(team.c).postJson("api/rewards", proposal(team.customerOfC, "after the move")).json().getInt("id");
        assertThat(team.as(team.m).postJson("api/rewards/" + after + "/approve", "").status()).as("m's own team's budget")
                .isEqualTo(200);
        Api.Reply salesperson = team.as(team.c).postJson("api/rewards/" + after + "/reject", "{\"reason\":\"no\"}");
        assertThat(salesperson.status()).as("a salesperson decides no reward: " + salesperson).isEqualTo(403);
    }

    /**
     * A correction is a new ledger entry: the earlier entries stay byte for byte as they were, the reward's value as
     * proposed, and the team's budget counts the lowered value. Only who may approve the reward corrects it, and only
     * downwards: more is a new proposal that someone else approves (four eyes).
     */
    @Test
    void aCorrectionIsANewEntryNeverAnEditAndTheBudgetFollowsIt() throws Exception {
        JsonObject rules = api.asAdmin().get("api/rules").json();
        assertThat(api.asAdmin().put("api/rules", withTeamBudget(rules, team.m, 80).toString()).status()).isEqualTo(200);
        try {
            int first = approvedReferral(team.customerOfA, "corrected");
            int second = team.as(team.b).postJson("api/rewards", proposal(team.customerOfB, "waiting")).json().getInt("id");
            Api.Reply full = team.as(team.m).postJson("api/rewards/" + second + "/approve", "");
            assertThat(full.status()).as("EUR 50.00 of the team's own EUR 80.00 is approved: " + full).isEqualTo(409);
            assertThat(full.json().getString("detail")).contains("of EUR 80.00 is already approved");
            List<String> before = ledgerRows(first);
            assertThat(before).hasSize(2);

            java.math.BigDecimal reportedBefore = approvedInReport();
            String path = "api/rewards/" + first + "/corrections";
            Api.Reply corrected = team.as(team.m).postJson(path,
                    "{\"amount\":\"-20.00\",\"currency\":\" eur \",\"note\":\"A smaller hamper\",\"reason\":\"The shop gave a discount\"}");
            assertThat(corrected.status()).as(corrected.toString()).isEqualTo(201);
            assertThat(corrected.json().getJsonNumber("value").bigDecimalValue()).as("as proposed").isEqualByComparingTo("50");
            assertThat(corrected.json().getJsonNumber("current_value").bigDecimalValue()).isEqualByComparingTo("30");
            assertThat(corrected.json().getString("status")).as("a correction moves no status").isEqualTo("APPROVED");
            List<JsonObject> entries = corrected.json().getJsonArray("entries").getValuesAs(JsonObject.class);
            assertThat(entries).extracting(e -> e.getString("kind")).containsExactly("STATUS", "STATUS", "CORRECTION");
            JsonObject correction = entries.get(2);
            assertThat(correction.getJsonNumber("amount").bigDecimalValue()).isEqualByComparingTo("-20");
            assertThat(correction.getString("actor")).isEqualTo(team.m);
            assertThat(correction.getString("reason")).isEqualTo("The shop gave a discount");
            assertThat(correction.getString("description")).isEqualTo("A smaller hamper");
            List<String> after = ledgerRows(first);
            assertThat(after).hasSize(3);
            assertThat(after.subList(0, 2)).as("the earlier entries, column by column").isEqualTo(before);
            assertThat(approvedInReport().subtract(reportedBefore)).as("the report counts a reward at its value now, as the budget does")
                    .isEqualByComparingTo("-20");

            Api.Reply fits = team.as(team.m).postJson("api/rewards/" + second + "/approve", "");
            assertThat(fits.status()).as("EUR 30.00 + EUR 50.00 fit into EUR 80.00: " + fits).isEqualTo(200);
            Api.Reply more = api.asAdmin().postJson(path, "{\"amount\":0.01,\"currency\":\"EUR\",\"reason\":\"one cent more\"}");
            assertThat(detailOf(more)).as("a correction never raises a value: one person could give any amount")
                    .startsWith("amount: a correction only lowers a reward's value, not by +0.01; to give more, propose a new "
                            + "reward for the difference");
            Api.Reply noteOnly = api.asAdmin().postJson(path, "{\"note\":\"A card as well\",\"reason\":\"forgotten\"}");
            assertThat(noteOnly.status()).as("what was given is corrected without a change of value: " + noteOnly).isEqualTo(201);
            assertThat(ledgerRows(first).subList(0, 3)).isEqualTo(after);
            assertThat(team.as(team.m).get("api/rewards/" + first).json().getJsonArray("entries")).hasSize(4);
        } finally {
            assertThat(api.asAdmin().put("api/rules", rules.toString()).status()).as("rules restored").isEqualTo(200);
        }
    }

    @Test
    void aCorrectionIsRefusedToWhoMayNotApproveAndForWhatCannotBeRead() {
        int id = approvedReferral(team.customerOfA, "refused corrections");
        String path = "api/rewards/" + id + "/corrections";
        String good = "{\"amount\":\"-5.00\",\"currency\":\"EUR\",\"reason\":\"too much\"}";
        Api.Reply created = api.asAdmin().postJson("api/users", "{\"username\":\"" + team.m2 + "\",\"password\":\""
                + Team.PASSWORD + "\",\"role\":\"MANAGER\",\"salesperson\":\"" + team.m2 + "\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(team.as(team.m2).postJson(path, good).status()).as("another team's manager").isEqualTo(403);
        assertThat(team.as(team.a).postJson(path, good).status()).as("a salesperson corrects no reward").isEqualTo(403);
        String managers = Csv.unique("MGRK").toUpperCase();
        importCustomer(managers, "Manager's Own Ltd", "Max", managers.toLowerCase() + "@own.example", team.m, null);
        String admin2 = Csv.unique("admin2");
        assertThat(api.asAdmin().postJson("api/users", "{\"username\":\"" + admin2 + "\",\"password\":\"" + Team.PASSWORD
                + "\",\"role\":\"ADMIN\"}").status()).isEqualTo(201);
        int own = approvedBy(api.as(admin2, Team.PASSWORD),
                api.asAdmin().postJson("api/rewards", proposal(managers, "own")).json().getInt("id"));
        Api.Reply owner = team.as(team.m).postJson("api/rewards/" + own + "/corrections", good);
        assertThat(owner.status()).as("the manager who owns the customer: " + owner).isEqualTo(403);
        assertThat(owner.json().getString("detail")).as("refused by the owner rule, not by role")
                .endsWith(", whom " + team.m + " looks after: a salesperson never corrects a reward for their own customers.");
        assertThat(team.as(team.b).postJson(path, good).status()).as("a colleague").isEqualTo(403);
        int byManager = team.as(team.m).postJson("api/rewards", proposal(team.customerOfA, "proposed by the manager")).json().getInt("id");
        assertThat(api.asAdmin().postJson("api/rewards/" + byManager + "/approve", "").status()).isEqualTo(200);
        Api.Reply ownProposal = team.as(team.m).postJson("api/rewards/" + byManager + "/corrections", good);
        assertThat(ownProposal.status()).as(ownProposal.toString()).isEqualTo(403);
        assertThat(ownProposal.json().getString("detail")).isEqualTo("Reward " + byManager + " was proposed by " + team.m
                + ": someone else corrects it.");
        Api.Reply pending = team.as(team.a).postJson("api/rewards", proposal(team.customerOfA, "still proposed"));
        assertThat(pending.status()).isEqualTo(201);

        assertThat(detailOf(team.as(team.m).postJson(path, "{\"amount\":\"-1.005\",\"currency\":\"EUR\",\"reason\":\"x\"}")))
                .startsWith("amount: has at most 2 decimal places in EUR");
        assertThat(detailOf(team.as(team.m).postJson(path, "{\"amount\":\"-50.01\",\"currency\":\"EUR\",\"reason\":\"x\"}")))
                .startsWith("amount: -50.01 would take reward " + id + " below zero");
        assertThat(detailOf(team.as(team.m).postJson(path, "{\"amount\":\"-5\",\"currency\":\"USD\",\"reason\":\"x\"}")))
                .startsWith("currency: the reward is in EUR, not USD");
        assertThat(detailOf(team.as(team.m).postJson(path, "{\"amount\":\"-5\",\"reason\":\"x\"}"))).startsWith("currency: is required");
        assertThat(detailOf(team.as(team.m).postJson(path, "{\"reason\":\"x\"}"))).startsWith("amount: a correction changes the value");
        assertThat(detailOf(team.as(team.m).postJson(path, "{\"amount\":\"-5.00\",\"currency\":\"EUR\"}"))).startsWith("reason:");
        assertThat(detailOf(team.as(team.m).postJson(path, "{\"amount\":\"ten\",\"currency\":\"EUR\",\"reason\":\"x\"}")))
                .as("names the field").contains("amount");
        assertThat(detailOf(team.as(team.m).postJson(path, "{\"amount\":\"5\",\"currency\":\"EUR\",\"reason\":\"x\"}")))
                .startsWith("amount: a correction only lowers a reward's value, not by +5");
        assertThat(team.as(team.m).get("api/rewards/" + id).json().getJsonArray("entries")).as("nothing was written").hasSize(2);

        int proposed = pending.json().getInt("id");
        Api.Reply early = team.as(team.m).postJson("api/rewards/" + proposed + "/corrections", good);
        assertThat(early.status()).as(early.toString()).isEqualTo(409);
        assertThat(early.json().getString("detail")).startsWith("Reward " + proposed + " is PROPOSED: only an approved or fulfilled");
        assertThat(team.as(team.m).postJson(path, good).status()).isEqualTo(201);
        assertThat(api.anonymous().get("/openapi").body()).as("documented").contains("/api/rewards/{id}/corrections");
    }

    /** A person cannot propose under the subject a rule gives its own reward: it would take that reward's place. */
    @Test
    void aPersonCannotProposeUnderARulesSubject() {
        for (String[] reserved : List.of(new String[]{"ANNIVERSARY", "5 years"}, new String[]{"TOP_TIER", "TOP10 2026"},
                new String[]{"INTRODUCTION_CONVERTED", "Introduction 42"}, new String[]{"REFERRAL_CONVERTED", "referral #7"})) {
            Api.Reply refused = team.as(team.a).postJson("api/rewards", Json.createObjectBuilder().add("customer", team.customerOfA)
                    .add("kind", reserved[0]).add("subject", reserved[1]).add("reason", "by hand").build().toString());
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.json().getString("detail")).startsWith("subject: '" + reserved[1] + "' is in the form the "
                    + reserved[0] + " rule gives the rewards it proposes by itself");
        }
        assertThat(rewardsOf(team.as(team.a), null, team.customerOfA)).as("none was proposed").isEmpty();
        assertThat(team.as(team.a).postJson("api/rewards", proposal(team.customerOfA, "Jane Roe, recommended by phone")).status())
                .isEqualTo(201);
    }

    /**
     * A person's proposal in a spelling the database takes for a rule's subject (fullwidth digits, a soft hyphen) passes
     * the friendly check, but never takes the rule's place: the rule's reward has a slot of its own.
     */
    @Test
    void aPersonsLookAlikeSubjectNeverTakesTheRulesPlace() throws Exception {
        String customer = Csv.unique("LOOKALIKE").toUpperCase();
        importCustomer(customer, "Look Alike GmbH", "Lotte", customer.toLowerCase() + "@alike.example", team.a,
                LocalDate.now(ZoneOffset.UTC).minusYears(5).minusDays(2));
        for (String lookAlike : List.of("\uFF15 years", "5 y\u00ADears")) {
            Api.Reply byHand = team.as(team.a).postJson("api/rewards", Json.createObjectBuilder().add("customer", customer)
                    .add("kind", "ANNIVERSARY").add("subject", lookAlike).add("reason", "by hand").build().toString());
            assertThat(byHand.status()).as(byHand.toString()).isIn(200, 201);
        }
        assertThat(api.asAdmin().postJson("api/rewards/run", "").status()).isEqualTo(200);
        try (Connection db = DriverManager.getConnection(System.getenv("RAPPORT_DB_URL"), System.getenv("RAPPORT_DB_USER"),
                System.getenv("RAPPORT_DB_PASSWORD"));
             PreparedStatement rule = db.prepareStatement("SELECT r.subject, r.origin, r.proposed_by FROM reward r JOIN customer c "
                     + "ON c.id = r.customer_id WHERE c.external_id = ? ORDER BY r.id")) {
            rule.setString(1, customer);
            List<String> rewards = new java.util.ArrayList<>();
            try (java.sql.ResultSet row = rule.executeQuery()) {
                while (row.next()) {
                    rewards.add(row.getString(1) + " | " + row.getString(2) + " | " + row.getString(3));
                }
            }
            assertThat(rewards).as("the rule's own reward is there beside the person's")
                    .startsWith("\uFF15 years | PERSON | " + team.a).containsOnlyOnce("5 years | RULE | null")
                    .allMatch(r -> r.endsWith("| PERSON | " + team.a) || r.equals("5 years | RULE | null"));
        }
    }

    /** A team with its own budget is held to it; another team keeps the common one, and the report shows each. */
    @Test
    void aTeamsOwnBudgetHoldsForItAlone() {
        JsonObject rules = api.asAdmin().get("api/rules").json();
        Api.Reply lowerCase = api.asAdmin().put("api/rules", withTeamBudget(rules, team.m.toLowerCase(java.util.Locale.ROOT), 60).toString());
        assertThat(lowerCase.status()).as("the manager named in other capitals: " + lowerCase).isEqualTo(200);
        try {
            assertThat(api.asAdmin().get("api/rules").json().getJsonObject("rewards").getJsonObject("team_budgets")
                    .getJsonNumber(team.m).bigDecimalValue()).isEqualByComparingTo("60");
            approvedReferral(team.customerOfA, "own budget");
            int second = team.as(team.b).postJson("api/rewards", proposal(team.customerOfB, "own budget two")).json().getInt("id");
            Api.Reply refused = team.as(team.m).postJson("api/rewards/" + second + "/approve", "");
            assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
            assertThat(refused.json().getString("detail")).endsWith("EUR 50.00 of EUR 60.00 is already approved, EUR 10.00 is left.");
            int others = team.as(team.c).postJson("api/rewards", proposal(team.customerOfC, "common budget")).json().getInt("id");
            Api.Reply common = team.as(team.m).postJson("api/rewards/" + others + "/approve", "");
            assertThat(common.status()).as("m reaches no customer of m2's team: " + common).isEqualTo(403);
            Api.Reply byAdmin = api.asAdmin().postJson("api/rewards/" + others + "/approve", "");
            assertThat(byAdmin.status()).as(byAdmin.toString()).isEqualTo(200);
            assertThat(byAdmin.json().getJsonArray("entries").getJsonObject(1).getString("reason")).contains("of EUR 1000.00 approved");

            String today = LocalDate.now(ZoneOffset.UTC).toString();
            Api.Reply ours = team.as(team.m).get("api/reports/netweaving?from=" + today + "&to=" + today + "&team=" + team.m);
            assertThat(ours.status()).as(ours.toString()).isEqualTo(200);
            assertThat(ours.json().getJsonObject("rewards").getString("quarterly_budget_per_team")).isEqualTo("EUR 60.00");
            assertThat(api.asAdmin().get("api/reports/netweaving?from=" + today + "&to=" + today).json().getJsonObject("rewards")
                    .getString("quarterly_budget_per_team")).as("no team: the common budget").isEqualTo("EUR 1000.00");
        } finally {
            assertThat(api.asAdmin().put("api/rules", rules.toString()).status()).as("rules restored").isEqualTo(200);
        }
    }

    /**
     * V11_72 gives the rewards the rules proposed before V11_71 the code and detail of their cause: rows as the old code
     * wrote them get theirs, a person's proposal keeps none, and running the migration's statements twice changes
     * nothing (it is data apart from the ALTER, so it can run again after a failure).
     */
    @Test
    void theReasonCodeBackfillRecognisesTheRulesOldRowsAndRunsTwiceAlike() throws Exception {
        String customer = Csv.unique("OLDROWS").toUpperCase();
        importCustomer(customer, "Old Rows AG", "Olga", customer.toLowerCase() + "@old.example", team.a, null);
        try (Connection db = DriverManager.getConnection(System.getenv("RAPPORT_DB_URL"), System.getenv("RAPPORT_DB_USER"),
                System.getenv("RAPPORT_DB_PASSWORD"))) {
            long customerId;
            try (PreparedStatement id = db.prepareStatement("SELECT id, owner_id FROM customer WHERE external_id = ?")) {
                id.setString(1, customer);
                try (java.sql.ResultSet row = id.executeQuery()) {
                    assertThat(row.next()).isTrue();
                    customerId = row.getLong(1);
                }
            }
            String[][] old = {
                    {"ANNIVERSARY", "10 years", "10 years as our customer", null},
                    {"TOP_TIER", "TOP10 2025", "reaching the top ten", null},
                    {"INTRODUCTION_CONVERTED", "introduction 77", "the introduction to Acme Ltd that became a deal", null},
                    {"REFERRAL_CONVERTED", "referral 78", "recommending Jane Roe", null},
                    {"REFERRAL_CONVERTED", "Jane by phone", "recommending Jane by phone", "sam"}};
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO reward (customer_id, kind, subject, value, currency, "
                    + "reason, proposed_by, owner_id, team_id, status, proposed_at) VALUES (?, ?, ?, 10, 'EUR', ?, ?, NULL, NULL, "
                    + "'REJECTED', UTC_TIMESTAMP(3))")) {
                for (String[] row : old) {
                    insert.setLong(1, customerId);
                    insert.setString(2, row[0]);
                    insert.setString(3, row[1]);
                    insert.setString(4, row[2]);
                    insert.setString(5, row[3]);
                    insert.executeUpdate();
                }
            }
            List<String> statements = java.util.Arrays.stream(java.nio.file.Files.readString(
                            java.nio.file.Path.of("sql/V11_72__reward_reason_codes_backfill.sql")).split(";\\s*\\n"))
                    .map(String::strip).filter(x -> !x.isEmpty() && !x.lines().allMatch(l -> l.startsWith("--"))).toList();
            assertThat(statements).hasSize(4);
            List<String> once = null;
            for (int run = 0; run < 2; run++) {
                try (java.sql.Statement update = db.createStatement()) {
                    for (String sql : statements) {
                        update.executeUpdate(sql);
                    }
                }
                List<String> codes = new java.util.ArrayList<>();
                try (PreparedStatement read = db.prepareStatement(
                        "SELECT subject, reason_code, reason_detail FROM reward WHERE customer_id = ? ORDER BY id")) {
                    read.setLong(1, customerId);
                    try (java.sql.ResultSet row = read.executeQuery()) {
                        while (row.next()) {
                            codes.add(row.getString(1) + " | " + row.getString(2) + " | " + row.getString(3));
                        }
                    }
                }
                if (once == null) {
                    once = codes;
                } else {
                    assertThat(codes).as("the second run changes nothing").isEqualTo(once);
                }
            }
            assertThat(once).containsExactly("10 years | ANNIVERSARY | 10", "TOP10 2025 | TOP_TIER | null",
                    "introduction 77 | INTRODUCTION_CONVERTED | Acme Ltd", "referral 78 | REFERRAL_CONVERTED | Jane Roe",
                    "Jane by phone | null | null");
        }
    }

    /** A rule's reward tells a German customer why in German: the reason is kept as the rule's cause, not as English text. */
    @Test
    void aGermanCustomersNoticeOfARuleRewardSaysWhyInGerman() throws Exception {
        String customer = Csv.unique("JUBEL").toUpperCase();
        String email = customer.toLowerCase() + "@jubilaeum.example";
        Api.Reply imported = api.asAdmin().postCsv("api/import/customers", Csv.lines(
                "external_id,company,preferred_name,email,time_zone,locale,owner,customer_since",
                customer + ",Jubiläum GmbH,Jutta," + email + ",Europe/Berlin,de," + team.a + ","
                        + LocalDate.now(ZoneOffset.UTC).minusYears(5).minusDays(2)));
        assertThat(imported.json().getInt("created")).as(imported.toString()).isEqualTo(1);
        assertThat(api.asAdmin().postJson("api/rewards/run", "").status()).isEqualTo(200);
        JsonObject proposed = single(rewardsOf(team.as(team.a), "PROPOSED", customer));
        assertThat(proposed.getString("reason")).as("the API keeps the English reason").isEqualTo("5 years as our customer");
        int id = proposed.getInt("id");
        assertThat(team.as(team.m).postJson("api/rewards/" + id + "/approve", "").status()).isEqualTo(200);
        sendNow(fulfil(id));
        Eventually.soon().untilAsserted(() -> assertThat(Mailbox.to(email)).hasSize(1));
        MimeMessage notice = Mailbox.single(email);
        assertThat(notice.getSubject()).isEqualTo("Ein kleines Dankeschön für Sie, Jutta");
        String text = (String) ((Multipart) notice.getContent()).getBodyPart(0).getContent();
        assertThat(text.replaceAll("\\s+", " ")).contains("bedanken für Ihre 5 Jahre Treue als unser Kunde.")
                .doesNotContain("years as our customer");
    }

    private static JsonObject withTeamBudget(JsonObject rules, String manager, int value) {
        JsonObject rewards = rules.getJsonObject("rewards");
        return Json.createObjectBuilder(rules).add("rewards", Json.createObjectBuilder(rewards)
                .add("team_budgets", Json.createObjectBuilder(rewards.getJsonObject("team_budgets")).add(manager, value))).build();
    }

    private static int approvedBy(Api as, int reward) {
        Api.Reply approved = as.postJson("api/rewards/" + reward + "/approve", "");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        return reward;
    }

    private static String detailOf(Api.Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        return reply.json().getString("detail");
    }

    /** Every column of every ledger entry of the reward, as the database holds it, in order. */
    private static List<String> ledgerRows(int reward) throws Exception {
        try (Connection db = DriverManager.getConnection(System.getenv("RAPPORT_DB_URL"), System.getenv("RAPPORT_DB_USER"),
                System.getenv("RAPPORT_DB_PASSWORD"));
             PreparedStatement rows = db.prepareStatement("SELECT * FROM reward_entry WHERE reward_id = ? ORDER BY id")) {
            rows.setInt(1, reward);
            List<String> ledger = new java.util.ArrayList<>();
            try (java.sql.ResultSet row = rows.executeQuery()) {
                int columns = row.getMetaData().getColumnCount();
                while (row.next()) {
                    StringBuilder line = new StringBuilder();
                    for (int i = 1; i <= columns; i++) {
                        byte[] bytes = row.getBytes(i);
                        line.append(row.getMetaData().getColumnName(i)).append('=')
                                .append(bytes == null ? "NULL" : java.util.HexFormat.of().formatHex(bytes)).append(';');
                    }
                    ledger.add(line.toString());
                }
            }
            return ledger;
        }
    }

    private String proposal(String customer, String subject) {
        return Json.createObjectBuilder().add("customer", customer).add("kind", "REFERRAL_CONVERTED")
                .add("subject", subject).add("reason", "recommending " + subject).build().toString();
    }

    private void importCustomer(String externalId, String company, String name, String email, String owner, LocalDate since) {
        Api.Reply imported = api.asAdmin().postCsv("api/import/customers", Csv.lines(
                "external_id,company,preferred_name,email,time_zone,owner,customer_since",
                externalId + "," + company + "," + name + "," + email + ",Europe/Berlin," + owner + "," + (since == null ? "" : since)));
        assertThat(imported.json().getInt("created")).as(imported.toString()).isEqualTo(1);
    }

    private static List<JsonObject> rewardsOf(Api as, String status, String customer) {
        Api.Reply reply = as.get("api/rewards" + (status == null ? "" : "?status=" + status));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.array().getValuesAs(JsonObject.class).stream().filter(r -> r.getString("customer").equals(customer)).toList();
    }

    private static JsonObject single(List<JsonObject> rewards) {
        assertThat(rewards).hasSize(1);
        return rewards.get(0);
    }

    private static String quarter() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1);
    }

    private static void sendNow(int outboxId) throws Exception {
        try (Connection db = DriverManager.getConnection(System.getenv("RAPPORT_DB_URL"), System.getenv("RAPPORT_DB_USER"),
                System.getenv("RAPPORT_DB_PASSWORD"));
             PreparedStatement now = db.prepareStatement("UPDATE outbox_message SET not_before = UTC_TIMESTAMP(3) WHERE id = ?")) {
            now.setInt(1, outboxId);
            assertThat(now.executeUpdate()).isEqualTo(1);
        }
    }

    /** What the team's netweaving report of these days shows as approved in EUR. */
    private java.math.BigDecimal approvedInReport() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC); // a day either side: midnight may pass between two reads
        return team.as(team.m).get("api/reports/netweaving?from=" + today.minusDays(1) + "&to=" + today.plusDays(1)
                + "&team=" + team.m).json()
                .getJsonObject("rewards").getJsonArray("by_status").getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getString("status").equals("APPROVED") && r.getString("currency").equals("EUR"))
                .map(r -> r.getJsonNumber("value").bigDecimalValue()).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add);
    }
}
