package org.rapport.outbox;

import jakarta.json.JsonObject;
import jakarta.mail.Address;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.customers.Consent;
import org.rapport.testing.Api;
import org.rapport.testing.TestServer;
import org.rapport.testing.Csv;
import org.rapport.testing.Eventually;
import org.rapport.testing.Mailbox;
import org.rapport.testing.SendWindow;
import org.rapport.testing.Team;
import org.rapport.testing.TestMailServer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Email from the outbox to a real SMTP server (GreenMail behind a gate that can refuse or be down). */
class OutboxIT {

    private static final Pattern UNSUBSCRIBE = Pattern.compile("<https?://[^>]*/u/([a-z2-7]+)>");

    Api api;
    Team team;

    @BeforeEach
    void team() {
        api = TestServer.api();
        team = new Team(api);
    }

    @AfterEach
    void gateOpen() {
        TestMailServer.gate().down(false);
        TestMailServer.gate().acceptAll();
    }

    @Test
    void aCustomerEmailCarriesEveryHeaderItNeeds() throws Exception {
        String email = customer("hdr", "Hanna", "Hanna", "de");
        JsonObject queued = compose(email, "thank-you-purchase", "{\"purchase\":{\"description\":\"Jahresvertrag\",\"amount\":\"12.500,00 EUR\",\"date\":\"20.11.2026\"}}");
        JsonObject sent = awaitStatus(queued.getInt("id"), "SENT");

        MimeMessage message = Mailbox.single(email);
        assertThat(message.getMessageID()).isEqualTo(sent.getString("message_id")).isEqualTo(queued.getString("message_id"));
        InternetAddress from = (InternetAddress) message.getFrom()[0];
        assertThat(from.getAddress()).isEqualTo("outreach@rapport.test");
        assertThat(from.getPersonal()).isEqualTo("Anna Seller");
        assertThat(addresses(message.getReplyTo())).hasSize(2)
                .first().isEqualTo("anna@example.com");
        assertThat(addresses(message.getReplyTo()).get(1)).matches("replies\\+[a-z2-7]+@rapport\\.test");
        String listUnsubscribe = message.getHeader("List-Unsubscribe", null);
        assertThat(listUnsubscribe).matches("<http://localhost:8080/u/[a-z2-7]+>, <mailto:replies@rapport\\.test\\?subject=unsubscribe%20[a-z2-7]+>");
        assertThat(message.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(message.getSubject()).contains("Hanna");
        assertThat(message.getContentType()).startsWith("multipart/alternative");
        Multipart parts = (Multipart) message.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain").containsIgnoringCase("utf-8");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
        String html = (String) parts.getBodyPart(1).getContent();
        assertThat(html).contains("Jahresvertrag").contains("Anna Seller").contains("/u/");
        assertThat((String) parts.getBodyPart(0).getContent()).contains("Hallo Hanna");

        JsonObject history = api.asAdmin().get("api/customers/" + sent.getString("customer") + "/messages").array().getJsonObject(0);
        assertThat(history.getString("status")).isEqualTo("SENT");
        JsonObject detail = api.asAdmin().get("api/customers/" + sent.getString("customer")).json();
        assertThat(detail.getJsonArray("recent_touches").getJsonObject(0).getString("kind")).isEqualTo("EMAIL");
    }

    @Test
    void namesCannotInjectMarkupOrHeaders() throws Exception {
        String tag = Csv.unique("x");
        String email = tag.toLowerCase() + "@evil-names.example";
        Api.Reply imported = api.asAdmin().postCsv("api/import/customers", Csv.lines(
                "external_id,company,contact_first_name,preferred_name,email,time_zone,owner",
                tag + ",\"Evil\r\nBcc: victim@victim.example\",\"Eve\r\nBcc: victim@victim.example\",<script>alert(1)</script>,"
                        + email + ",Europe/Berlin," + team.a));
        assertThat(imported.json().getInt("created")).as(imported.toString()).isEqualTo(1);
        JsonObject queued = compose(tag, "thank-you-anniversary", "{\"years\":\"3\"}", true);
        awaitStatus(queued.getInt("id"), "SENT");

        MimeMessage message = Mailbox.single(email);
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        message.writeTo(raw);
        String headers = raw.toString(StandardCharsets.UTF_8).split("\r\n\r\n", 2)[0];
        assertThat(headers).doesNotContain("\nBcc:").doesNotContainIgnoringCase("\nBcc: victim");
        assertThat(message.getHeader("Bcc")).isNull();
        assertThat(message.getSubject()).doesNotContain("\n").doesNotContain("\r");
        String html = (String) ((Multipart) message.getContent()).getBodyPart(1).getContent();
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>");
        assertThat(Mailbox.to("victim@victim.example")).isEmpty();
    }

    @Test
    void oneClickUnsubscribeStopsWhatIsWaitingAndEverythingAfter() throws Exception {
        String email = customer("unsub", "Ulla", "Ulla", "en");
        JsonObject first = compose(email, "thank-you-anniversary", "{\"years\":\"2\"}");
        awaitStatus(first.getInt("id"), "SENT");
        String token = unsubscribeToken(Mailbox.single(email));
        JsonObject later = compose(email, "problem-check-in", "{\"problem\":{\"summary\":\"s\",\"resolution\":\"r\"}}",
                false, Instant.now().plus(Duration.ofDays(1)));

        Api.Reply unsubscribed = api.anonymous().post("u/" + token, "application/x-www-form-urlencoded",
                "List-Unsubscribe=One-Click".getBytes(StandardCharsets.US_ASCII));
        assertThat(unsubscribed.status()).as(unsubscribed.toString()).isEqualTo(200);
        assertThat(unsubscribed.header("Set-Cookie")).isNull();
        assertThat(unsubscribed.header("Location")).isNull();
        assertThat(unsubscribed.body()).contains("You are unsubscribed");

        // marked just after the POST committed; it could not have left in between (ADR 0003)
        awaitStatus(later.getInt("id"), "SUPPRESSED");
        JsonObject afterwards = compose(email, "thank-you-anniversary", "{\"years\":\"3\"}");
        JsonObject suppressed = awaitStatus(afterwards.getInt("id"), "SUPPRESSED");
        assertThat(suppressed.getString("last_error")).contains("unsubscribed");
        assertThat(Mailbox.to(email)).hasSize(1);
        JsonObject history = api.asAdmin().get("api/customers/" + first.getString("customer") + "/messages").array()
                .getValuesAs(JsonObject.class).stream().filter(m -> m.getInt("id") == first.getInt("id")).findFirst().orElseThrow();
        assertThat(history.getJsonArray("responses").getJsonObject(0).getString("kind")).isEqualTo("UNSUBSCRIBE");
    }

    @Test
    void theCustomerViewShowsWhenAndHowTheCustomerUnsubscribedAndWhichPurposesTheyStopped() throws Exception {
        String email = customer("view", "Vera", "Vera", "en");
        String customer = email.substring(0, email.indexOf('@')).toUpperCase();
        awaitStatus(compose(email, "thank-you-anniversary", "{\"years\":\"2\"}").getInt("id"), "SENT");
        String token = unsubscribeToken(Mailbox.single(email));
        JsonObject before = consent(customer);
        assertThat(before.isNull("unsubscribed_at")).isTrue();
        assertThat(before.getJsonArray("stopped_purposes")).isEmpty();
        assertThat(before.getBoolean("email_ok")).isTrue();
        assertThat(before.getBoolean("do_not_contact")).isFalse();

        Instant clicked = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        assertThat(api.anonymous().post("u/" + token, "application/x-www-form-urlencoded",
                "List-Unsubscribe=One-Click".getBytes(StandardCharsets.US_ASCII)).status()).isEqualTo(200);
        JsonObject unsubscribed = consent(customer);
        assertThat(unsubscribed.getString("unsubscribed_via")).isEqualTo("one-click");
        assertThat(Instant.parse(unsubscribed.getString("unsubscribed_at"))).isBetween(clicked.minusSeconds(5), Instant.now());
        assertThat(api.anonymous().post("u/" + token, "application/x-www-form-urlencoded",
                "List-Unsubscribe=One-Click&page=1".getBytes(StandardCharsets.US_ASCII)).status()).isEqualTo(200);
        assertThat(consent(customer)).as("the first unsubscribe is the one remembered").isEqualTo(unsubscribed);

        assertThat(api.anonymous().post("u/" + token, "application/x-www-form-urlencoded",
                "action=keep&keep=THANK_YOU".getBytes(StandardCharsets.US_ASCII)).status()).isEqualTo(200);
        JsonObject keepsThanks = consent(customer);
        assertThat(keepsThanks.isNull("unsubscribed_at")).as("the customer chose to keep thank-you notes").isTrue();
        assertThat(keepsThanks.isNull("unsubscribed_via")).isTrue();
        assertThat(keepsThanks.getJsonArray("stopped_purposes").getValuesAs(jakarta.json.JsonString.class))
                .extracting(jakarta.json.JsonString::getString).containsExactly("CHECK_IN", "INTRODUCTION", "REWARD", "POLLS");
        assertThat(Instant.parse(keepsThanks.getString("purposes_stopped_at"))).isAfterOrEqualTo(Instant.parse(unsubscribed.getString("unsubscribed_at")));

        assertThat(api.anonymous().post("u/" + token, "application/x-www-form-urlencoded",
                "action=keep".getBytes(StandardCharsets.US_ASCII)).status()).isEqualTo(200);
        JsonObject keepsNothing = consent(customer);
        assertThat(keepsNothing.getString("unsubscribed_via")).isEqualTo("preferences");
        assertThat(keepsNothing.getJsonArray("stopped_purposes")).hasSize(Consent.Purpose.values().length);
    }

    @Test
    void oneClickWorksAsMultipartToo() throws Exception {
        String email = customer("multi", "Mia", "Mia", "en");
        JsonObject first = compose(email, "thank-you-anniversary", "{\"years\":\"2\"}");
        awaitStatus(first.getInt("id"), "SENT");
        String token = unsubscribeToken(Mailbox.single(email));
        String boundary = "----rapport-test-boundary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"List-Unsubscribe\"\r\n\r\nOne-Click\r\n--"
                + boundary + "--\r\n";
        Api.Reply reply = api.anonymous().post("u/" + token, "multipart/form-data; boundary=" + boundary,
                body.getBytes(StandardCharsets.US_ASCII));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        awaitStatus(compose(email, "thank-you-anniversary", "{\"years\":\"3\"}").getInt("id"), "SUPPRESSED");
    }

    @Test
    void getNeverUnsubscribesAndForgedTokensChangeNothing() throws Exception {
        String email = customer("get", "Gina", "Gina", "en");
        awaitStatus(compose(email, "thank-you-anniversary", "{\"years\":\"2\"}").getInt("id"), "SENT");
        String token = unsubscribeToken(Mailbox.single(email));

        Api.Reply page = api.anonymous().get("u/" + token);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Unsubscribe from all emails").contains("name=\"keep\"");
        char flipped = token.charAt(10) == 'a' ? 'b' : 'a';
        String forged = token.substring(0, 10) + flipped + token.substring(11);
        assertThat(api.anonymous().get("u/" + forged).status()).isEqualTo(400);
        assertThat(api.anonymous().post("u/" + forged, "application/x-www-form-urlencoded",
                "List-Unsubscribe=One-Click".getBytes(StandardCharsets.US_ASCII)).status()).isEqualTo(400);
        assertThat(api.anonymous().post("u/" + token + "aa", "application/x-www-form-urlencoded",
                "List-Unsubscribe=One-Click".getBytes(StandardCharsets.US_ASCII)).status()).isEqualTo(400);

        JsonObject still = compose(email, "thank-you-anniversary", "{\"years\":\"3\"}");
        awaitStatus(still.getInt("id"), "SENT");
        assertThat(Mailbox.to(email)).hasSize(2);
    }

    @Test
    void aCustomerCanKeepSomePurposesAndStopOthers() throws Exception {
        String email = customer("keep", "Kai", "Kai", "en");
        awaitStatus(compose(email, "thank-you-anniversary", "{\"years\":\"2\"}").getInt("id"), "SENT");
        String token = unsubscribeToken(Mailbox.single(email));
        Api.Reply saved = api.anonymous().post("u/" + token, "application/x-www-form-urlencoded",
                "action=keep&keep=THANK_YOU&keep=REWARD".getBytes(StandardCharsets.US_ASCII));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(saved.body()).contains("Your preferences are saved");

        JsonObject checkIn = compose(email, "problem-check-in", "{\"problem\":{\"summary\":\"s\",\"resolution\":\"r\"}}");
        assertThat(awaitStatus(checkIn.getInt("id"), "SUPPRESSED").getString("last_error")).contains("CHECK_IN");
        // the suppressed check-in no longer counts against the customer's cap of two outreach emails in seven days
        JsonObject thanks = compose(email, "thank-you-anniversary", "{\"years\":\"3\"}");
        awaitStatus(thanks.getInt("id"), "SENT");
    }

    @Test
    void theContactPolicyIsCheckedAgainAtSendTime() throws Exception {
        String tag = Csv.unique("dnc");
        String email = tag.toLowerCase() + "@policy.example";
        importCustomer(tag, email, "false");
        JsonObject queued = compose(tag, "thank-you-anniversary", "{\"years\":\"2\"}", true, Instant.now().plusSeconds(4));
        importCustomer(tag, email, "true");
        JsonObject suppressed = awaitStatus(queued.getInt("id"), "SUPPRESSED");
        assertThat(suppressed.getString("last_error")).contains("do-not-contact");
        assertThat(Mailbox.to(email)).isEmpty();
    }

    @Test
    void anIntroductionNeverReachesACustomerWhoSaidNoToIntroductions() throws Exception {
        String tag = Csv.unique("intro").toUpperCase();
        String no = tag + "-NO";
        String yes = tag + "-YES";
        Api.Reply imported = api.asAdmin().postCsv("api/import/customers", Csv.lines(
                "external_id,company,preferred_name,email,time_zone,owner,intro_ok",
                no + ",Closed AG,Nora," + no.toLowerCase() + "@intro.example,Europe/Berlin," + team.a + ",false",
                yes + ",Open AG,Yann," + yes.toLowerCase() + "@intro.example,Europe/Berlin," + team.a + ",true"));
        assertThat(imported.json().getInt("created")).as(imported.toString()).isEqualTo(2);
        String fields = "{\"introduction\":{\"otherContact\":\"Jo Partner\",\"otherCompany\":\"Partner Ltd\","
                + "\"otherEmail\":\"jo@partner.example\",\"reason\":\"You both print labels\"}}";

        Api.Reply toNo = team.as(team.a).postJson("api/outbox", "{\"template\":\"introduction\",\"customer\":\"" + no
                + "\",\"fields\":" + fields + "}");
        Api.Reply toYes = team.as(team.a).postJson("api/outbox", "{\"template\":\"introduction\",\"customer\":\"" + yes
                + "\",\"fields\":" + fields + "}");
        assertThat(toNo.status()).as(toNo.toString()).isEqualTo(201);
        assertThat(toYes.status()).as(toYes.toString()).isEqualTo(201);

        JsonObject refused = awaitStatus(toNo.json().getInt("id"), "SUPPRESSED");
        assertThat(refused.getString("last_error")).isEqualTo("the customer is not open to introductions (intro_ok is false)");
        awaitStatus(toYes.json().getInt("id"), "SENT");
        assertThat(Mailbox.to(no.toLowerCase() + "@intro.example")).isEmpty();
        assertThat(Mailbox.single(yes.toLowerCase() + "@intro.example").getSubject()).isNotBlank();
    }

    @Test
    void whileAProblemIsOpenOrItsFollowUpIsDueOnlyProblemRelatedEmailLeaves() throws Exception {
        String email = customer("prob", "Paula", "Paula", "en");
        String customer = email.substring(0, email.indexOf('@')).toUpperCase();
        String problem = Csv.unique("complaint");
        Api.Reply opened = team.as(team.a).postJson("api/problems", "{\"external_id\":\"" + problem + "\",\"customer\":\""
                + customer + "\",\"opened_at\":\"" + Instant.now().minusSeconds(3_600) + "\",\"summary\":\"Wrong invoice\"}");
        assertThat(opened.status()).as(opened.toString()).isIn(200, 201);

        JsonObject thanks = compose(email, "thank-you-anniversary", "{\"years\":\"2\"}");
        JsonObject aboutIt = compose(email, "problem-check-in", "{\"problem\":{\"summary\":\"Wrong invoice\"}}");
        assertThat(awaitStatus(thanks.getInt("id"), "SUPPRESSED").getString("last_error"))
                .isEqualTo("a problem of the customer is open or its follow-up is due: only problem-related email");
        awaitStatus(aboutIt.getInt("id"), "SENT");

        // resolved: the follow-up call is due, and until it is made only the problem is talked about
        assertThat(team.as(team.a).postJson("api/problems/" + problem + "/resolve", "{\"resolution\":\"Credit note\"}")
                .status()).isEqualTo(200);
        JsonObject whileDue = compose(email, "thank-you-anniversary", "{\"years\":\"3\"}");
        assertThat(awaitStatus(whileDue.getInt("id"), "SUPPRESSED").getString("last_error")).contains("only problem-related");

        // the follow-up call reached the customer: other email may go again
        Api.Reply call = team.as(team.a).postJson("api/touches", "{\"customer\":\"" + customer
                + "\",\"kind\":\"CALL\",\"outcome\":\"REACHED\",\"note\":\"All fine now\"}");
        assertThat(call.status()).as(call.toString()).isIn(200, 201);
        JsonObject afterwards = compose(email, "thank-you-anniversary", "{\"years\":\"4\"}");
        awaitStatus(afterwards.getInt("id"), "SENT");
        List<String> received = new ArrayList<>();
        for (MimeMessage m : Mailbox.to(email)) {
            received.add(m.getMessageID());
        }
        assertThat(received).containsExactlyInAnyOrder(aboutIt.getString("message_id"), afterwards.getString("message_id"));
    }

    @Test
    void aMessageIsRetriedAfterTheServerWasDownUnderTheSameMessageId() throws Exception {
        String email = customer("down", "Dora", "Dora", "en");
        TestMailServer.gate().down(true);
        JsonObject queued = compose(email, "thank-you-anniversary", "{\"years\":\"2\"}");
        // put back after the 421, or (behind other messages due, such as what an earlier test's plan queued) untried
        // because the first of its batch met the closed server: either way it is back in the queue with the reason
        Eventually.soon().until(() -> {
            JsonObject m = api.asAdmin().get("api/outbox/" + queued.getInt("id")).json();
            return m.getString("status").equals("PENDING") && !m.isNull("last_error");
        });
        // the 421 itself, or, when another message of the batch met the closed server first, the deferral it caused
        assertThat(api.asAdmin().get("api/outbox/" + queued.getInt("id")).json().getString("last_error"))
                .containsAnyOf("421", "could not be reached");
        TestMailServer.gate().down(false);
        awaitStatus(queued.getInt("id"), "SENT");
        assertThat(Mailbox.single(email).getMessageID()).isEqualTo(queued.getString("message_id"));
    }

    @Test
    void aMessageTheServerKeepsDeferringFailsWhenItsRetriesRunOut() throws Exception {
        int maxAttempts = Integer.parseInt(System.getenv("RAPPORT_MAIL_RETRY_MAX_ATTEMPTS"));
        String email = customer("busy", "Bea", "Bea", "en");
        TestMailServer.gate().defer(email);
        JsonObject queued = compose(email, "thank-you-anniversary", "{\"years\":\"2\"}");

        // a 450 is transient: the message waits for another attempt instead of failing at once
        Eventually.soon().untilAsserted(() -> {
            JsonObject waiting = api.asAdmin().get("api/outbox/" + queued.getInt("id")).json();
            assertThat(waiting.getString("status")).isEqualTo("PENDING");
            assertThat(waiting.getInt("attempts")).isBetween(1, maxAttempts - 1);
            assertThat(waiting.getString("last_error", "")).contains("450");
        });
        // each retry waits behind whatever else is due, so give the attempts longer than one wait
        Eventually.within(Duration.ofSeconds(90)).until(() ->
                api.asAdmin().get("api/outbox/" + queued.getInt("id")).json().getString("status").equals("FAILED"));
        JsonObject failed = api.asAdmin().get("api/outbox/" + queued.getInt("id")).json();
        assertThat(failed.getInt("attempts")).isEqualTo(maxAttempts);
        assertThat(failed.getString("last_error")).contains("gave up after " + maxAttempts + " attempts")
                .contains("450").contains("Mailbox busy");
        assertThat(TestMailServer.gate().deferrals(email)).as("each attempt asked the server").isEqualTo(maxAttempts);
        assertThat(Mailbox.to(email)).isEmpty();
    }

    /**
     * Planned mail keeps to the customer's send window through its retries: a message the server defers (450) at a moment
     * outside the window (as after an attempt in the window's last second) comes back at the window's next opening, not
     * after the backoff of about a second.
     */
    @Test
    void aRetryOfPlannedMailComesBackInsideTheCustomersSendWindow() throws Exception {
        SendWindow.Hours hours = SendWindow.hours(api);
        java.time.ZoneId zone = SendWindow.zoneWhereClosed(hours);
        String tag = Csv.unique("window").toUpperCase();
        String email = tag.toLowerCase() + "@window.example";
        Api.Reply imported = api.asAdmin().postCsv("api/import/customers", Csv.lines(
                "external_id,company,preferred_name,email,time_zone,owner",
                tag + ",Window AG,Wim," + email + "," + zone.getId() + "," + team.a));
        assertThat(imported.json().getInt("created")).as(imported.toString()).isEqualTo(1);
        // a purchase yesterday, above the threshold: the planner queues a thank-you note for the next window
        Api.Reply bought = api.asAdmin().postJson("api/purchases", "{\"external_id\":\"" + Csv.unique("win-buy") + "\",\"customer\":\""
                + tag + "\",\"purchased_on\":\"" + java.time.LocalDate.now(zone).minusDays(1)
                + "\",\"amount\":\"25000.00\",\"currency\":\"EUR\",\"description\":\"Fleet licence\"}");
        assertThat(bought.status()).as(bought.toString()).isEqualTo(201);
        int id = api.asAdmin().get("api/planned-touches?customer=" + tag).array().getValuesAs(JsonObject.class).stream()
                .filter(t -> t.getString("rule").equals("THANK_YOU_PURCHASE")).findFirst()
                .orElseThrow(() -> new AssertionError("no thank-you note planned for " + tag)).getInt("outbox_id");
        Instant opening = SendWindow.nextOpening(api, hours, Instant.now(), zone, null);
        assertThat(Instant.parse(api.asAdmin().get("api/outbox/" + id).json().getString("not_before")))
                .as("the planner placed it at the window's next opening").isEqualTo(opening);

        TestMailServer.gate().defer(email);
        try (java.sql.Connection db = java.sql.DriverManager.getConnection(System.getenv("RAPPORT_DB_URL"),
                System.getenv("RAPPORT_DB_USER"), System.getenv("RAPPORT_DB_PASSWORD"));
             java.sql.PreparedStatement now = db.prepareStatement("UPDATE outbox_message SET not_before = UTC_TIMESTAMP(3) WHERE id = ?")) {
            now.setInt(1, id); // its turn is now, outside the window: the dispatcher tries it at once
            assertThat(now.executeUpdate()).isEqualTo(1);
        }
        Eventually.soon().untilAsserted(() -> {
            JsonObject deferred = api.asAdmin().get("api/outbox/" + id).json();
            assertThat(deferred.getString("status")).isEqualTo("PENDING");
            assertThat(deferred.getInt("attempts")).isEqualTo(1);
            assertThat(deferred.getString("last_error", "")).contains("450");
        });
        Thread.sleep(3000); // longer than the backoff (at most 2 s here): a retry outside the window would have been tried
        JsonObject waiting = api.asAdmin().get("api/outbox/" + id).json();
        assertThat(waiting.getString("status")).isEqualTo("PENDING");
        assertThat(waiting.getInt("attempts")).as("tried once, then waits for the window").isEqualTo(1);
        assertThat(Instant.parse(waiting.getString("not_before"))).as("back at the window's next opening")
                .isEqualTo(SendWindow.nextOpening(api, hours, Instant.now(), zone, null)).isEqualTo(opening);
        assertThat(TestMailServer.gate().deferrals(email)).isEqualTo(1);
    }

    @Test
    void aRejectedRecipientFailsAloneAndTheOther99AreDeliveredOnce() throws Exception {
        String tag = Csv.unique("b");
        List<String> rows = new ArrayList<>(List.of("external_id,company,preferred_name,email,time_zone,owner"));
        IntStream.range(0, 100).forEach(i -> rows.add(tag + "-" + i + ",Batch " + i + ",P" + i + "," + tag.toLowerCase() + "-" + i
                + "@batch.example,Europe/Berlin," + team.a));
        assertThat(api.asAdmin().postCsv("api/import/customers", Csv.lines(rows.toArray(String[]::new))).json().getInt("created")).isEqualTo(100);
        String refused = tag.toLowerCase() + "-42@batch.example";
        TestMailServer.gate().reject(refused);
        Instant together = Instant.now().plusSeconds(3);
        List<Integer> ids = IntStream.range(0, 100).mapToObj(i -> compose(tag + "-" + i, "thank-you-anniversary",
                "{\"years\":\"1\"}", true, together).getInt("id")).toList();

        Eventually.within(Duration.ofSeconds(60)).until(() -> ids.stream().allMatch(id -> {
            String status = api.asAdmin().get("api/outbox/" + id).json().getString("status");
            return status.equals("SENT") || status.equals("FAILED");
        }));
        JsonObject failed = api.asAdmin().get("api/outbox/" + ids.get(42)).json();
        assertThat(failed.getString("status")).isEqualTo("FAILED");
        assertThat(failed.getString("last_error")).contains("550");
        assertThat(failed.getInt("attempts")).isEqualTo(1);
        for (int i = 0; i < 100; i++) {
            if (i != 42) {
                assertThat(api.asAdmin().get("api/outbox/" + ids.get(i)).json().getString("status")).isEqualTo("SENT");
                assertThat(Mailbox.to(tag.toLowerCase() + "-" + i + "@batch.example")).hasSize(1);
            }
        }
        assertThat(Mailbox.to(refused)).isEmpty();

        // an admin resends it once the address is fixed on the other side; it keeps its Message-ID
        TestMailServer.gate().acceptAll();
        assertThat(team.as(team.a).postJson("api/outbox/" + ids.get(42) + "/resend", "").status()).isEqualTo(403);
        Api.Reply resent = api.asAdmin().postJson("api/outbox/" + ids.get(42) + "/resend", "");
        assertThat(resent.status()).as(resent.toString()).isEqualTo(200);
        awaitStatus(ids.get(42), "SENT");
        assertThat(Mailbox.single(refused).getMessageID()).isEqualTo(failed.getString("message_id"));
        assertThat(api.asAdmin().postJson("api/outbox/" + ids.get(42) + "/resend", "").status()).isEqualTo(409);
    }

    @Test
    void clicksAreRecordedAndOnlySignedTargetsAreFollowed() throws Exception {
        String email = customer("click", "Clara", "Clara", "en");
        JsonObject queued = compose(email, "thank-you-anniversary", "{\"years\":\"2\"}");
        awaitStatus(queued.getInt("id"), "SENT");
        String html = (String) ((Multipart) Mailbox.single(email).getContent()).getBodyPart(1).getContent();
        Matcher click = Pattern.compile("http://localhost:8080/(c/[a-z2-7]+)").matcher(html);
        assertThat(click.find()).as(html).isTrue();

        Api.Reply followed = api.anonymous().get(click.group(1));
        assertThat(followed.status()).isEqualTo(302);
        assertThat(followed.header("Location")).isEqualTo("https://www.rapport.test/");
        String token = click.group(1).substring(2);
        assertThat(api.anonymous().get("c/" + token.substring(0, token.length() - 1) + (token.endsWith("a") ? "b" : "a")).status()).isEqualTo(400);
        assertThat(api.anonymous().get("c/" + unsubscribeToken(Mailbox.single(email))).status())
                .as("an unsubscribe token is no click token").isEqualTo(400);
        JsonObject history = api.asAdmin().get("api/customers/" + queued.getString("customer") + "/messages").array().getJsonObject(0);
        assertThat(history.getJsonArray("responses").getJsonObject(0).getString("kind")).isEqualTo("CLICK");
    }

    @Test
    void aLowRatingFromACheckInPutsAnUrgentCallOnTheList() throws Exception {
        String email = customer("rate", "Rita", "Rita", "en");
        JsonObject queued = compose(email, "problem-check-in", "{\"problem\":{\"summary\":\"Late delivery\",\"resolution\":\"Express\"}}");
        awaitStatus(queued.getInt("id"), "SENT");
        String html = (String) ((Multipart) Mailbox.single(email).getContent()).getBodyPart(1).getContent();
        Matcher rating = Pattern.compile("http://localhost:8080/(r/[a-z2-7]+)").matcher(html);
        List<String> ratings = new ArrayList<>();
        while (rating.find()) {
            ratings.add(rating.group(1));
        }
        assertThat(ratings).as(html).hasSize(5);

        Api.Reply page = api.anonymous().get(ratings.get(0));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Your rating: 1 out of 5").contains("<form method=\"post\"");
        String customer = queued.getString("customer");
        assertThat(api.asAdmin().get("api/planned-touches?customer=" + customer).array()).as("a GET records nothing").isEmpty();

        Api.Reply sent = api.anonymous().post(ratings.get(0), "application/x-www-form-urlencoded", new byte[0]);
        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        assertThat(sent.body()).contains("We will call you today");
        JsonObject urgent = api.asAdmin().get("api/planned-touches?customer=" + customer).array().getJsonObject(0);
        assertThat(urgent.getString("rule")).isEqualTo("LOW_RATING");
        assertThat(urgent.getInt("priority")).isGreaterThan(200);
        JsonObject history = api.asAdmin().get("api/customers/" + customer + "/messages").array().getJsonObject(0);
        assertThat(history.getJsonArray("responses").getJsonObject(0).getString("kind")).isEqualTo("RATING");
        assertThat(history.getJsonArray("responses").getJsonObject(0).getString("detail")).isEqualTo("1");
        Eventually.soon().until(() -> Mailbox.subjects("maria@example.com").contains("Rita AG rated a problem's handling 1 of 5"));
        String forged = ratings.get(4).substring(0, ratings.get(4).length() - 1) + (ratings.get(4).endsWith("a") ? "b" : "a");
        assertThat(api.anonymous().post(forged, "application/x-www-form-urlencoded", new byte[0]).status()).isEqualTo(400);
    }

    @Test
    void salespeopleSeeOnlyTheirOwnCustomersMail() {
        String email = customer("acl", "Alma", "Alma", "en");
        JsonObject queued = compose(email, "thank-you-anniversary", "{\"years\":\"2\"}");
        Api other = team.as(team.c);
        Api.Reply someoneElses = other.get("api/outbox/" + queued.getInt("id"));
        Api.Reply unknown = other.get("api/outbox/987654321012");
        assertThat(someoneElses.status()).isEqualTo(403);
        // message ids are sequential: an unknown one gets the same answer, so trying ids tells nothing
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(403);
        assertThat(unknown.json().keySet()).isEqualTo(someoneElses.json().keySet());
        assertThat(unknown.json().getString("detail").replace("987654321012", "{id}"))
                .isEqualTo(someoneElses.json().getString("detail").replace(Integer.toString(queued.getInt("id")), "{id}"));
        assertThat(api.asAdmin().get("api/outbox/987654321012").status()).as("an admin reaches all: nothing to hide").isEqualTo(404);
        assertThat(other.get("api/outbox?customer=" + queued.getString("customer")).status()).isEqualTo(403);
        assertThat(other.get("api/customers/" + queued.getString("customer") + "/messages").status()).isEqualTo(403);
        assertThat(other.postJson("api/outbox", "{\"template\":\"thank-you-anniversary\",\"customer\":\""
                + queued.getString("customer") + "\"}").status()).isEqualTo(403);
        assertThat(other.get("api/outbox").array().getValuesAs(JsonObject.class))
                .noneMatch(m -> m.getInt("id") == queued.getInt("id"));
        assertThat(team.as(team.a).get("api/outbox?customer=" + queued.getString("customer")).array()).hasSize(1);
        assertThat(team.as(team.m).get("api/outbox/" + queued.getInt("id")).status()).isEqualTo(200);
        assertThat(api.asAdmin().get("api/outbox?status=NOPE").status()).isEqualTo(400);
        assertThat(api.asAdmin().postJson("api/outbox", "{\"template\":\"daily-call-list\",\"customer\":\""
                + queued.getString("customer") + "\"}").status()).isEqualTo(400);
    }

    @Test
    void theSameIdempotencyKeyEnqueuesOnce() {
        String email = customer("idem", "Ida", "Ida", "en");
        String customerId = email.substring(0, email.indexOf('@')).toUpperCase();
        String body = "{\"template\":\"thank-you-anniversary\",\"customer\":\"" + customerId
                + "\",\"fields\":{\"years\":\"4\"},\"idempotency_key\":\"" + Csv.unique("anniversary") + "\"}";
        Api.Reply first = api.asAdmin().postJson("api/outbox", body);
        Api.Reply second = api.asAdmin().postJson("api/outbox", body);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().getInt("id")).isEqualTo(first.json().getInt("id"));
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** A customer of salesperson a with a unique address; returns the address (its local part is the external id). */
    private String customer(String prefix, String firstName, String preferredName, String locale) {
        String tag = Csv.unique(prefix);
        String email = tag.toLowerCase() + "@customers.example";
        Api.Reply imported = api.asAdmin().postCsv("api/import/customers", Csv.lines(
                "external_id,company,contact_first_name,preferred_name,email,time_zone,locale,owner",
                tag.toUpperCase() + "," + firstName + " AG," + firstName + "," + preferredName + "," + email + ",Europe/Berlin,"
                        + locale + "," + team.a));
        assertThat(imported.json().getInt("created")).as(imported.toString()).isEqualTo(1);
        return email;
    }

    private void importCustomer(String tag, String email, String doNotContact) {
        Api.Reply imported = api.asAdmin().postCsv("api/import/customers", Csv.lines(
                "external_id,company,preferred_name,email,time_zone,owner,do_not_contact",
                tag + ",Policy AG,Pat," + email + ",Europe/Berlin," + team.a + "," + doNotContact));
        assertThat(imported.json().getJsonArray("rejected")).as(imported.toString()).isEmpty();
    }

    private JsonObject compose(String email, String template, String fields) {
        return compose(email.substring(0, email.indexOf('@')).toUpperCase(), template, fields, true);
    }

    private JsonObject compose(String customer, String template, String fields, boolean isId) {
        return compose(customer, template, fields, isId, null);
    }

    private JsonObject compose(String customerOrEmail, String template, String fields, boolean isId, Instant notBefore) {
        String customer = isId ? customerOrEmail : customerOrEmail.substring(0, customerOrEmail.indexOf('@')).toUpperCase();
        Api.Reply reply = api.asAdmin().postJson("api/outbox", "{\"template\":\"" + template + "\",\"customer\":\"" + customer
                + "\",\"fields\":" + fields + (notBefore == null ? "" : ",\"not_before\":\"" + notBefore + "\"") + "}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json();
    }

    private JsonObject awaitStatus(int id, String status) {
        Eventually.soon().untilAsserted(() -> {
            Api.Reply message = api.asAdmin().get("api/outbox/" + id);
            if (message.status() != 200) {
                throw new IllegalStateException("GET api/outbox/" + id + " answered " + message); // fails the wait at once
            }
            assertThat(message.json().getString("status")).as("message %s: %s", id, message).isEqualTo(status);
        });
        return api.asAdmin().get("api/outbox/" + id).json();
    }

    /** The customer's consent as their salesperson (a) sees it before calling. */
    private JsonObject consent(String customer) {
        Api.Reply reply = team.as(team.a).get("api/customers/" + customer);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json().getJsonObject("consent");
    }

    private static String unsubscribeToken(MimeMessage message) throws Exception {
        Matcher m = UNSUBSCRIBE.matcher(message.getHeader("List-Unsubscribe", null));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private static List<String> addresses(Address[] addresses) {
        return Arrays.stream(addresses).map(a -> ((InternetAddress) a).getAddress()).toList();
    }
}
