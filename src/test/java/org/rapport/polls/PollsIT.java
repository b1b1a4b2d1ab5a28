package org.rapport.polls;

import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.planning.BusinessCalendar;
import org.rapport.planning.JollydayHolidays;
import org.rapport.testing.Admins;
import org.rapport.testing.Api;
import org.rapport.testing.Csv;
import org.rapport.testing.Eventually;
import org.rapport.testing.Mailbox;
import org.rapport.testing.PageSession;
import org.rapport.testing.SendWindow;
import org.rapport.testing.Team;
import org.rapport.testing.TestServer;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Polls end to end on the shared server: a manager's poll drawn from their team under consent, the email cap and the
 * rule of one poll per 90 days; answers through the signed page (GET shows, POST records and replaces, forged and
 * closed links refused); a low score putting a call on the owner's list the next business day; who may define, read
 * and send which poll.
 */
class PollsIT {

    /** The customers' zone ({@link #customer}), in which the server's clock gives their calls' days. */
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final Pattern POLL_LINK = Pattern.compile("/p/([a-z2-7]+)");
    private static final Pattern UNSUBSCRIBE = Pattern.compile("<https?://[^>]*/(u/[a-z2-7]+)>");

    Api api;
    Team team;

    @BeforeEach
    void team() {
        api = TestServer.api();
        team = new Team(api);
    }

    @Test
    void aPollGoesToTheTeamsCustomersWhoMayGetOneUnderConsentTheCapAndTheNinetyDayRule() throws Exception {
        String fine1 = customer("fine1", null, "en");
        String fine2 = customer("fine2", null, "en");
        String stopped = customer("stopped", null, "en");
        String capped = customer("capped", null, "en");
        String polled = customer("polled", "IS", "en");

        // the customer stops polls on the preferences page, which lists them
        awaitStatus(compose(stopped), "SENT");
        Matcher unsubscribe = UNSUBSCRIBE.matcher(Mailbox.single(email(stopped)).getHeader("List-Unsubscribe", null));
        assertThat(unsubscribe.find()).isTrue();
        assertThat(api.anonymous().get(unsubscribe.group(1)).body()).contains("Short polls on how we can serve you better");
        Api.Reply kept = api.anonymous().post(unsubscribe.group(1), "application/x-www-form-urlencoded",
                "action=keep&keep=THANK_YOU&keep=CHECK_IN&keep=INTRODUCTION&keep=REWARD".getBytes(StandardCharsets.US_ASCII));
        assertThat(kept.status()).as(kept.toString()).isEqualTo(200);
        assertThat(api.asAdmin().get("api/customers/" + stopped).json().getJsonObject("consent").getJsonArray("stopped_purposes")
                .getValuesAs(jakarta.json.JsonString.class)).extracting(jakarta.json.JsonString::getString).containsExactly("POLLS");
        // two outreach emails this week: the cap of the rules
        compose(capped);
        compose(capped);
        // a poll of its own earlier: within 90 days no second one
        JsonObject first = sent(define(team.m, "REGION", "IS", 10));
        assertThat(first.getInt("audience")).as(first.toString()).isEqualTo(1);
        assertThat(first.getInt("selected")).isEqualTo(1);

        JsonObject second = sent(define(team.m, "ALL", null, 100));

        // the team of manager m: the team's two customers and the five made here; never manager m2's customer
        assertThat(second.getInt("audience")).as(second.toString()).isEqualTo(7);
        assertThat(second.getInt("selected")).isEqualTo(4);
        JsonObject leftOut = second.getJsonObject("left_out");
        assertThat(leftOut.getInt("NO_CONSENT")).isEqualTo(1);
        assertThat(leftOut.getInt("EMAIL_CAP")).isEqualTo(1);
        assertThat(leftOut.getInt("RECENT_POLL")).isEqualTo(1);
        assertThat(leftOut.getInt("NOT_DRAWN")).isZero();
        long secondId = second.getJsonNumber("poll").longValue();
        assertThat(recipients(secondId)).containsExactlyInAnyOrder(team.customerOfA, team.customerOfB, fine1, fine2);
        assertThat(pollMessages(team.customerOfC)).isEmpty();
        assertThat(pollMessages(stopped)).isEmpty();
        assertThat(pollMessages(capped)).isEmpty();
        assertThat(pollMessages(polled)).hasSize(1);

        // one personal email from the salesperson, in the send window
        List<JsonObject> queued = pollMessages(fine1);
        assertThat(queued).singleElement().satisfies(m -> assertThat(m.getString("purpose")).isEqualTo("POLLS"));
        MimeMessage mail = awaitMail(fine1);
        assertThat(mail.getSubject()).isEqualTo("A quick question for you, Fine1");
        assertThat(mail.getFrom()[0].toString()).contains("Anna Seller");
        assertThat(html(mail)).contains("How happy are you with us?").containsPattern(POLL_LINK);

        // sending again sends nothing twice
        Api.Reply again = team.as(team.m).postJson("api/polls/" + secondId + "/send", "");
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(recipients(secondId)).hasSize(4);
        assertThat(pollMessages(fine1)).hasSize(1);
    }

    @Test
    void answersByLinkGetShowsPostRecordsAndReplacesWhileOpenForgedAndClosedRefused() throws Exception {
        String customer = customer("answers", "LU", "de");
        long poll = sentToRegion("LU");
        MimeMessage mail = awaitMail(customer);
        String token = token(mail);

        Api.Reply page = api.anonymous().get("p/" + token);
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.body()).contains("Wie zufrieden sind Sie mit uns?").contains("Was ist Ihnen am wichtigsten?")
                .contains("name=\"q1\"").contains("value=\"Speed\"");
        assertThat(answers(poll, customer)).as("a GET records nothing").isEmpty();

        char flipped = token.charAt(10) == 'a' ? 'b' : 'a';
        String forged = token.substring(0, 10) + flipped + token.substring(11);
        assertThat(api.anonymous().get("p/" + forged).status()).isEqualTo(400);
        assertThat(post(forged, "q1=5").status()).isEqualTo(400);
        assertThat(post(token + "aa", "q1=5").status()).isEqualTo(400);
        Matcher unsubscribe = UNSUBSCRIBE.matcher(mail.getHeader("List-Unsubscribe", null));
        assertThat(unsubscribe.find()).isTrue();
        String otherPurpose = unsubscribe.group(1).substring("u/".length());
        assertThat(post(otherPurpose, "q1=5").status()).as("a genuine link of another purpose").isEqualTo(400);

        Api.Reply outOfRange = post(token, "q1=7&q2=Speed");
        assertThat(outOfRange.status()).isEqualTo(400);
        assertThat(outOfRange.body()).contains("Bitte wählen Sie eine Zahl von 1 bis 5.").contains("value=\"Speed\" checked");
        assertThat(post(token, "q2=Colour").body()).contains("Bitte wählen Sie eine der angebotenen Antworten.");
        assertThat(post(token, "q3=" + "x".repeat(2001)).status()).isEqualTo(400);
        assertThat(answers(poll, customer)).as("nothing recorded from a refused form").isEmpty();

        Api.Reply answered = post(token, "q1=4&q2=Speed&q3=" + java.net.URLEncoder.encode("Mehr Besuche, gern früh", StandardCharsets.UTF_8));
        assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
        assertThat(answered.body()).contains("Danke für Ihre Antworten");
        assertThat(answers(poll, customer)).containsExactly("1:4::", "2::Speed:", "3:::Mehr Besuche, gern früh");
        assertThat(post(token, "q1=5").status()).isEqualTo(200);
        assertThat(answers(poll, customer)).as("a later answer replaces the earlier").containsExactly("1:5::");
        assertThat(pollCalls(customer)).as("no low score, no request to be called").isEmpty();

        // the answers are on the customer's page, in their history
        PageSession browser = PageSession.onTestServer();
        assertThat(browser.signIn(team.a, Team.PASSWORD).status()).isEqualTo(302);
        assertThat(browser.get("customers/" + customer).body()).contains("data-poll=\"" + poll + "\"")
                .contains("How happy are you with us?: 5 / 5");

        // past its last day the poll is closed
        try (Connection db = Admins.database();
             PreparedStatement close = db.prepareStatement("UPDATE poll SET starts_on = starts_on - INTERVAL 3 DAY, "
                     + "ends_on = starts_on + INTERVAL 1 DAY WHERE id = ?")) { // MariaDB sets left to right: the new starts_on
            close.setLong(1, poll);
            assertThat(close.executeUpdate()).isEqualTo(1);
        }
        Api.Reply closed = api.anonymous().get("p/" + token);
        assertThat(closed.status()).isEqualTo(409);
        assertThat(closed.body()).contains("Diese Umfrage ist beendet");
        assertThat(post(token, "q1=1").status()).isEqualTo(409);
        assertThat(answers(poll, customer)).containsExactly("1:5::");
    }

    @Test
    void anErasedCustomersLinkIsAnInvalidLinkThatRecordsNothing() throws Exception {
        String customer = customer("forgotten", "SM", "en");
        long poll = sentToRegion("SM");
        String token = token(awaitMail(customer));
        assertThat(api.anonymous().get("p/" + token).status()).as("valid before the erasure").isEqualTo(200);
        Api.Reply erased = api.asAdmin().postJson("api/customers/" + customer + "/erase", "{\"reason\":\"asked to be forgotten\"}");
        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);

        assertThat(api.anonymous().get("p/" + token).status()).isEqualTo(400);
        Api.Reply posted = post(token, "q1=1&q3=" + java.net.URLEncoder.encode("Please call me, I am Jane", StandardCharsets.UTF_8));
        assertThat(posted.status()).as(posted.toString()).isEqualTo(400);
        assertThat(rows("SELECT COUNT(*) FROM poll_answer WHERE poll_id = ?", poll)).as("no words kept").isZero();
        assertThat(rows("SELECT COUNT(*) FROM planned_touch WHERE rule = 'POLL_ANSWER' AND customer_id IN"
                + " (SELECT customer_id FROM poll_recipient WHERE poll_id = ?)", poll)).as("no call planned").isZero();
    }

    @Test
    void aLowScorePutsACallOnTheOwnersListTheNextBusinessDayWithTheAnswerAsReason() throws Exception {
        String customer = customer("low", "LI", "en");
        String caller = customer("caller", "LI", "de");
        long poll = sentToRegion("LI");
        String token = token(awaitMail(customer));
        assertThat(answers(poll, customer)).isEmpty();

        // a good score, but words that ask for a call
        assertThat(post(token(awaitMail(caller)), "q1=5&q3=" + java.net.URLEncoder.encode("Bitte rufen Sie mich an", StandardCharsets.UTF_8))
                .status()).isEqualTo(200);
        assertThat(pollCalls(caller)).singleElement().satisfies(call -> assertThat(call.getString("reason"))
                .isEqualTo("Poll \"Service " + team.tag + "\": What should we do better? \"Bitte rufen Sie mich an\""));

        LocalDate before = LocalDate.now(ZONE); // the call's day is the server clock's date in the customer's zone, taken
        assertThat(post(token, "q1=2&q3=Fine").status()).isEqualTo(200); // between these two reads
        assertThat(post(token, "q1=1").status()).as("a second low answer").isEqualTo(200);
        LocalDate after = LocalDate.now(ZONE);

        List<JsonObject> calls = pollCalls(customer);
        assertThat(calls).as("one call per poll and customer").singleElement().satisfies(call -> {
            assertThat(call.getString("channel")).isEqualTo("CALL");
            assertThat(call.getString("salesperson")).isEqualTo(team.a);
            assertThat(call.getString("reason")).isEqualTo("Poll \"Service " + team.tag + "\": How happy are you with us? 2 of 5");
            BusinessCalendar calendar = new BusinessCalendar(new JollydayHolidays(), api.asAdmin().get("api/holidays").array()
                    .getValuesAs(JsonObject.class).stream().map(h -> LocalDate.parse(h.getString("date"))).collect(Collectors.toSet()));
            BusinessCalendar.Workweek owners = new BusinessCalendar.Workweek("DE-BE", BusinessCalendar.MONDAY_TO_FRIDAY);
            assertThat(LocalDate.parse(call.getString("due_on"))).as("the next business day after the answer's day")
                    .isIn(calendar.callDayAfter(before, 1, "LI", owners), calendar.callDayAfter(after, 1, "LI", owners))
                    .isAfter(before);
        });
    }

    @Test
    void theScheduleSendsAPollOnItsFirstDayOnce() throws Exception {
        String customer = customer("scheduled", "MC", "en");
        long poll = define(team.m, "REGION", "MC", 5);
        try (Connection db = Admins.database();
             PreparedStatement due = db.prepareStatement("UPDATE poll SET starts_on = starts_on - INTERVAL 2 DAY WHERE id = ?")) {
            due.setLong(1, poll); // its first day has come, in any schedule zone
            assertThat(due.executeUpdate()).isEqualTo(1);
        }
        Eventually.soon().until(() -> team.as(team.m).get("api/polls/" + poll).json().getString("status").equals("SENT"));
        assertThat(pollMessages(customer)).hasSize(1);
        assertThat(team.as(team.m).postJson("api/polls/" + poll + "/send", "").status()).isEqualTo(409);
        assertThat(recipients(poll)).containsExactly(customer);
        assertThat(pollMessages(customer)).as("sent once").hasSize(1);
        assertThat(api.asAdmin().get("api/audit?limit=200&kind=POLL_SENT").json().getJsonArray("events").getValuesAs(JsonObject.class)
                .stream().filter(e -> !e.isNull("subject_id") && e.getString("subject_id").equals(Long.toString(poll))))
                .as("sent by the schedule, once").singleElement().satisfies(e -> assertThat(e.get("actor_name").toString()).doesNotContain(team.m));
    }

    @Test
    void everyAudienceIsDrawnWithinTheManagersTeam() {
        // an open problem of B's customer: in the audience PROBLEM, and left out while it is pending
        Api.Reply opened = api.asAdmin().postJson("api/problems", "{\"external_id\":\"" + Csv.unique("poll-p") + "\",\"customer\":\""
                + team.customerOfB + "\",\"opened_at\":\"" + java.time.Instant.now().minusSeconds(3600) + "\",\"summary\":\"Late\"}");
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        JsonObject problem = sent(define(team.m, "PROBLEM", "30", 5));
        assertThat(problem.getInt("audience")).as(problem.toString()).isEqualTo(1);
        assertThat(problem.getJsonObject("left_out").getInt("PROBLEM_PENDING")).isEqualTo(1);

        JsonObject ofTeam = sent(define(team.m, "TEAM", team.m, 5));
        assertThat(ofTeam.getInt("audience")).as("the team's two customers").isEqualTo(2);
        assertThat(ofTeam.getInt("selected")).as(ofTeam.toString()).isEqualTo(1);

        customer("andorra", "AD", "en");
        customer("canillo", "AD-02", "en");
        JsonObject byCountry = sent(define(team.m, "REGION", "ad", 5));
        assertThat(byCountry.getInt("audience")).as("a country takes in its subdivisions: " + byCountry).isEqualTo(2);
        JsonObject bySubdivision = sent(define(team.m, "REGION", "AD-02", 5));
        assertThat(bySubdivision.getInt("audience")).as("a subdivision only itself: " + bySubdivision).isEqualTo(1);
        Api.Reply noRegion = team.as(team.m).postJson("api/polls", body("REGION", "Andorra", 5));
        assertThat(noRegion.status()).as(noRegion.toString()).isEqualTo(400);
        assertThat(noRegion.json().getJsonArray("errors").getValuesAs(JsonObject.class)).extracting(e -> e.getString("field"))
                .containsExactly("audience_value");

        JsonObject byTier = sent(define(team.m, "TIER", "TOP10", 5));
        assertThat(byTier.getInt("audience")).as("no customer of the team is in the top ten").isZero();
        assertThat(byTier.getString("status")).isEqualTo("SENT");
    }

    @Test
    void onlyManagersForTheirTeamAndAdminsDefineReadAndSendPolls() {
        String body = body("ALL", null, 5);
        Api.Reply bySales = team.as(team.a).postJson("api/polls", body);
        assertThat(bySales.status()).as(bySales.toString()).isEqualTo(403);
        assertThat(team.as(team.a).get("api/polls").status()).isEqualTo(403);

        Api.Reply teamInBody = team.as(team.m).postJson("api/polls", body.replaceFirst("\\{", "{\"team_id\":1,"));
        assertThat(teamInBody.status()).as("a field the caller does not control").isEqualTo(400);
        assertThat(teamInBody.json().getString("detail")).contains("team_id");

        long poll = define(team.m, "ALL", null, 5);
        JsonObject shown = team.as(team.m).get("api/polls/" + poll).json();
        assertThat(shown.getString("status")).isEqualTo("SCHEDULED");
        assertThat(shown.getJsonNumber("team").longValue()).as("the manager's own team, from the login").isPositive();
        assertThat(shown.getJsonArray("questions")).hasSize(3);
        assertThat(team.as(team.m).get("api/polls").array().getValuesAs(JsonObject.class)).extracting(p -> p.getInt("id")).contains((int) poll);
        assertThat(api.asAdmin().get("api/polls/" + poll).status()).isEqualTo(200);

        String otherManager = team.m2;
        Api.Reply m2Login = api.asAdmin().postJson("api/users", "{\"username\":\"" + otherManager + "\",\"password\":\"" + Team.PASSWORD
                + "\",\"role\":\"MANAGER\",\"salesperson\":\"" + otherManager + "\"}");
        assertThat(m2Login.status()).as(m2Login.toString()).isEqualTo(201);
        assertThat(team.as(otherManager).get("api/polls/" + poll).status()).as("another team's poll").isEqualTo(403);
        assertThat(team.as(otherManager).get("api/polls/" + Long.MAX_VALUE).status()).as("the same answer as for none").isEqualTo(403);
        assertThat(team.as(otherManager).postJson("api/polls/" + poll + "/send", "").status()).isEqualTo(403);
        assertThat(team.as(otherManager).get("api/polls").array().getValuesAs(JsonObject.class))
                .extracting(p -> p.getInt("id")).doesNotContain((int) poll);
        assertThat(api.asAdmin().get("api/polls/" + Long.MAX_VALUE).status()).isEqualTo(404);

        Api.Reply invalid = team.as(team.m).postJson("api/polls", "{\"title\":\"\",\"questions\":[{\"kind\":\"CHOICE\","
                + "\"text_en\":\"Which?\",\"choices\":[\"One\"]}],\"audience\":\"TEAM\",\"audience_value\":\"" + team.m2
                + "\",\"sample_size\":5,\"sample_share\":0.5,\"starts_on\":\"2020-01-01\",\"ends_on\":\"2019-12-31\"}");
        assertThat(invalid.status()).as(invalid.toString()).isEqualTo(400);
        assertThat(invalid.json().getJsonArray("errors").getValuesAs(JsonObject.class)).extracting(e -> e.getString("field"))
                .contains("title", "questions[0].choices", "sample_size", "starts_on", "ends_on");
        Api.Reply otherTeam = team.as(team.m).postJson("api/polls", body("TEAM", team.m2, 5));
        assertThat(otherTeam.status()).as("an audience of another team").isEqualTo(400);
        assertThat(otherTeam.json().getJsonArray("errors").getValuesAs(JsonObject.class)).extracting(e -> e.getString("field"))
                .containsExactly("audience_value");

        Api.Reply audit = api.asAdmin().get("api/audit?limit=200&kind=POLL_DEFINED&actor=" + team.m);
        assertThat(audit.json().getJsonArray("events").getValuesAs(JsonObject.class)).anySatisfy(e -> {
            assertThat(e.getString("subject_type")).isEqualTo("poll");
            assertThat(e.getString("subject_id")).isEqualTo(Long.toString(poll));
        });
    }

    /**
     * A customer whose poll email never left (suppressed before their send window opened) was asked nothing: they are no
     * recipient in the results, and the rule of one poll in 90 days does not hold them back from the next poll.
     */
    @Test
    void aCustomerWhosePollEmailNeverLeftIsNoRecipientAndMayBeAskedAgain() throws Exception {
        String customer = customer("unsent", "MT", "en");
        long first = sentToRegion("MT");
        long message = pollMessages(customer).get(0).getJsonNumber("id").longValue();
        try (Connection db = Admins.database(); PreparedStatement suppress = db.prepareStatement(
                "UPDATE outbox_message SET status = 'SUPPRESSED', last_error = 'test', closed_at = UTC_TIMESTAMP(3) WHERE id = ? AND status = 'PENDING'")) {
            suppress.setLong(1, message);
            assertThat(suppress.executeUpdate()).as("still waiting for the send window").isEqualTo(1);
        }

        JsonObject results = team.as(team.m).get("api/polls/" + first + "/results").json();
        assertThat(results.getInt("recipients")).as(results.toString()).isZero();
        JsonObject second = sent(define(team.m, "REGION", "MT", 5));
        assertThat(second.getInt("selected")).as(second.toString()).isEqualTo(1);
        assertThat(second.getJsonObject("left_out").containsKey("RECENT_POLL")).isFalse();
    }

    /**
     * Two polls sent at the same moment draw one after the other: a sending waits while another (here played by the test:
     * the lock, then its recipient) holds the sending lock, and then sees the customer the other selected.
     */
    @Test
    void aSendingWaitsForAnotherAndThenSeesTheCustomersItSelected() throws Exception {
        String customer = customer("both", "MC", "en");
        long first = define(team.m, "REGION", "MC", 5);
        long second = define(team.m, "REGION", "MC", 5);
        try (Connection holder = Admins.database(); Connection observer = Admins.database()) {
            holder.setAutoCommit(false);
            holder.prepareStatement("SELECT id FROM poll_send_lock WHERE id = 1 FOR UPDATE").executeQuery().close();
            java.util.concurrent.CompletableFuture<JsonObject> sending = java.util.concurrent.CompletableFuture.supplyAsync(() -> sent(second));
            try {
                Eventually.within(java.time.Duration.ofSeconds(60)).until(() -> {
                    if (sending.isDone()) { // it did not wait: fail at once, saying how it ended
                        throw new IllegalStateException("the sending ended without waiting: " + sending.join());
                    }
                    return waitingForTheSendingLock(observer);
                });
                try (PreparedStatement selected = holder.prepareStatement("INSERT INTO poll_recipient (poll_id, customer_id, selected_at)"
                        + " SELECT ?, id, UTC_TIMESTAMP(3) FROM customer WHERE external_id = ?")) {
                    selected.setLong(1, first);
                    selected.setString(2, customer);
                    assertThat(selected.executeUpdate()).isEqualTo(1);
                }
                holder.commit();
            } finally {
                holder.rollback();
            }
            JsonObject result = sending.get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(result.getInt("selected")).as(result.toString()).isZero();
            assertThat(result.getJsonObject("left_out").getInt("RECENT_POLL")).isEqualTo(1);
        }
    }

    private static boolean waitingForTheSendingLock(Connection observer) throws SQLException {
        try (PreparedStatement read = observer.prepareStatement("SELECT COUNT(*) FROM information_schema.PROCESSLIST"
                + " WHERE ID <> CONNECTION_ID() AND INFO LIKE '%FROM poll_send_lock%' AND INFO NOT LIKE '%PROCESSLIST%'");
             ResultSet rows = read.executeQuery()) {
            rows.next();
            return rows.getInt(1) > 0;
        }
    }

    // --- helpers

    /** A customer of salesperson a in Berlin with their own address; its external id. */
    private String customer(String name, String region, String locale) {
        String id = Csv.unique(name).toUpperCase();
        Api.Reply imported = api.asAdmin().postCsv("api/import/customers", Csv.lines(
                "external_id,company,preferred_name,email,time_zone,locale,region,owner",
                id + "," + name + " GmbH," + Character.toUpperCase(name.charAt(0)) + name.substring(1) + "," + email(id)
                        + "," + ZONE.getId() + "," + locale + "," + (region == null ? "" : region) + "," + team.a));
        assertThat(imported.json().getInt("created")).as(imported.toString()).isEqualTo(1);
        return id;
    }

    private static String email(String customer) {
        return customer.toLowerCase() + "@polls.example";
    }

    private String body(String audience, String value, int sample) {
        LocalDate today = LocalDate.now(ZoneId.of("UTC"));
        return "{\"title\":\"Service " + team.tag + "\",\"questions\":["
                + "{\"kind\":\"SCALE_5\",\"text_en\":\"How happy are you with us?\",\"text_de\":\"Wie zufrieden sind Sie mit uns?\"},"
                + "{\"kind\":\"CHOICE\",\"text_en\":\"What matters most?\",\"text_de\":\"Was ist Ihnen am wichtigsten?\",\"choices\":[\"Price\",\"Speed\"]},"
                + "{\"kind\":\"TEXT\",\"text_en\":\"What should we do better?\"}],"
                + "\"audience\":\"" + audience + "\"" + (value == null ? "" : ",\"audience_value\":\"" + value + "\"")
                + ",\"sample_size\":" + sample + ",\"starts_on\":\"" + today.plusDays(1) + "\",\"ends_on\":\"" + today.plusDays(20) + "\"}";
    }

    private long define(String manager, String audience, String value, int sample) {
        Api.Reply defined = team.as(manager).postJson("api/polls", body(audience, value, sample));
        assertThat(defined.status()).as(defined.toString()).isEqualTo(201);
        return defined.json().getJsonNumber("id").longValue();
    }

    /** Sends the poll now, as its manager. */
    private JsonObject sent(long poll) {
        Api.Reply sent = team.as(team.m).postJson("api/polls/" + poll + "/send", "");
        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        return sent.json();
    }

    private long compose(String customer) {
        Api.Reply composed = api.asAdmin().postJson("api/outbox", "{\"template\":\"thank-you-anniversary\",\"customer\":\""
                + customer + "\",\"fields\":{\"years\":\"2\"}}");
        assertThat(composed.status()).as(composed.toString()).isEqualTo(201);
        return composed.json().getJsonNumber("id").longValue();
    }

    private void awaitStatus(long message, String status) {
        Eventually.soon().until(() -> api.asAdmin().get("api/outbox/" + message).json().getString("status").equals(status));
    }

    private List<JsonObject> pollMessages(String customer) {
        return api.asAdmin().get("api/customers/" + customer + "/messages").array().getValuesAs(JsonObject.class).stream()
                .filter(m -> m.getString("template").equals("poll")).toList();
    }

    private List<JsonObject> pollCalls(String customer) {
        return api.asAdmin().get("api/planned-touches?customer=" + customer).array().getValuesAs(JsonObject.class).stream()
                .filter(t -> t.getString("rule").equals("POLL_ANSWER")).toList();
    }

    /** A manager's poll of the region's customers of the team, sent now; its id. */
    private long sentToRegion(String region) {
        return sent(define(team.m, "REGION", region, 5)).getJsonNumber("poll").longValue();
    }

    /** The customer's one email, once their send window is opened. */
    private static MimeMessage awaitMail(String customer) {
        SendWindow.open(customer);
        Eventually.soon().untilAsserted(() -> assertThat(Mailbox.to(email(customer))).hasSize(1));
        return Mailbox.single(email(customer));
    }

    private static String html(MimeMessage mail) throws Exception {
        return (String) ((MimeMultipart) mail.getContent()).getBodyPart(1).getContent();
    }

    private static String token(MimeMessage mail) throws Exception {
        Matcher link = POLL_LINK.matcher(html(mail));
        assertThat(link.find()).isTrue();
        return link.group(1);
    }

    private Api.Reply post(String token, String form) {
        return api.anonymous().post("p/" + token, "application/x-www-form-urlencoded", form.getBytes(StandardCharsets.UTF_8));
    }

    private static Set<String> recipients(long poll) throws SQLException {
        Set<String> customers = new java.util.HashSet<>();
        try (Connection db = Admins.database();
             PreparedStatement read = db.prepareStatement("SELECT c.external_id FROM poll_recipient r JOIN customer c ON c.id = r.customer_id"
                     + " WHERE r.poll_id = ? AND r.outbox_id IS NOT NULL")) {
            read.setLong(1, poll);
            try (ResultSet rows = read.executeQuery()) {
                while (rows.next()) {
                    customers.add(rows.getString(1));
                }
            }
        }
        return customers;
    }

    /** The count a query with the poll's id answers. */
    private static int rows(String count, long poll) throws SQLException {
        try (Connection db = Admins.database(); PreparedStatement read = db.prepareStatement(count)) {
            read.setLong(1, poll);
            try (ResultSet rows = read.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    /** The customer's answers as "position:score:choice:text", in question order. */
    private static List<String> answers(long poll, String customer) throws SQLException {
        List<String> answers = new ArrayList<>();
        try (Connection db = Admins.database();
             PreparedStatement read = db.prepareStatement("SELECT a.position, a.score, a.choice, a.text FROM poll_answer a"
                     + " JOIN customer c ON c.id = a.customer_id WHERE a.poll_id = ? AND c.external_id = ? ORDER BY a.position")) {
            read.setLong(1, poll);
            read.setString(2, customer);
            try (ResultSet rows = read.executeQuery()) {
                while (rows.next()) {
                    answers.add(rows.getInt(1) + ":" + (rows.getObject(2) == null ? "" : rows.getInt(2)) + ":"
                            + (rows.getString(3) == null ? "" : rows.getString(3)) + ":" + (rows.getString(4) == null ? "" : rows.getString(4)));
                }
            }
        }
        return answers;
    }
}
