package org.rapport.responses;

import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.json.JsonObject;
import jakarta.mail.Address;
import jakarta.mail.Flags;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.testing.Api;
import org.rapport.testing.Bounces;
import org.rapport.testing.TestServer;
import org.rapport.testing.Csv;
import org.rapport.testing.Eventually;
import org.rapport.testing.Mailbox;
import org.rapport.testing.Team;
import org.rapport.testing.TestMailServer;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replies, automatic answers, bounces and mailto unsubscribes, delivered into the reply mailbox (GreenMail) and read by
 * the running service over IMAP. Each case answers a real message the service sent, with its real Message-ID and
 * tokens; results are checked only through the public API.
 */
class ResponsesIT {

    private static final Pattern REPLY_TOKEN = Pattern.compile("replies\\+([a-z2-7]+)@rapport\\.test");
    private static final Pattern UNSUBSCRIBE_TOKEN = Pattern.compile("subject=unsubscribe%20([a-z2-7]+)>");

    Api api;
    Team team;

    @BeforeEach
    void team() {
        api = TestServer.api();
        team = new Team(api);
    }

    @Test
    void aReplyIsATwoWayTouchOnTheMessageItAnswers() throws Exception {
        Sent sent = send("reply", "en");
        assertThat(detail(sent).isNull("last_two_way_touch_at")).isTrue();
        Instant written = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);

        deliver("""
                Message-ID: %s
                Date: %s
                From: %s
                To: Anna Seller <anna@example.com>, replies@rapport.test
                Subject: Re: Happy anniversary
                In-Reply-To: %s
                References: <unrelated-older@customers.example> %s
                MIME-Version: 1.0
                Content-Type: text/plain; charset=UTF-8

                Thanks Anna, please call me on Tuesday about the renewal.

                On Mon, Anna Seller wrote:
                > Happy anniversary!
                """.formatted(newMessageId(), date(written), sent.email, sent.messageId(), sent.messageId()));

        JsonObject response = awaitResponse(sent, "REPLY");
        assertThat(response.getString("detail")).isEqualTo("Thanks Anna, please call me on Tuesday about the renewal.");
        JsonObject detail = detail(sent);
        JsonObject touch = touches(detail, "REPLY").get(0);
        assertThat(touch.getString("outcome")).isEqualTo("REPLIED");
        assertThat(touch.getString("salesperson")).isEqualTo(team.a);
        assertThat(touch.getString("note")).isEqualTo("Thanks Anna, please call me on Tuesday about the renewal.");
        assertThat(Instant.parse(touch.getString("occurred_at"))).isEqualTo(written);
        assertThat(Instant.parse(detail.getString("last_two_way_touch_at"))).as("a reply is two-way").isEqualTo(written);
    }

    @Test
    void aReplyClosesTheOpenCourtesyCallAsAConversationDoes() throws Exception {
        Sent sent = send("answered", "en");
        assertThat(api.asAdmin().postJson("api/planning/run", "").status()).isEqualTo(200);
        JsonObject courtesy = plannedTouches(sent).stream()
                .filter(t -> t.getString("rule").equals("COURTESY") && t.getString("status").equals("OPEN")).findFirst()
                .orElseThrow(() -> new AssertionError("no open courtesy call: " + plannedTouches(sent)));

        deliver("""
                Message-ID: %s
                Date: %s
                From: %s
                To: replies@rapport.test
                Subject: Re: Happy anniversary
                In-Reply-To: %s
                MIME-Version: 1.0
                Content-Type: text/plain; charset=UTF-8

                Thank you, all is well here.
                """.formatted(newMessageId(), date(Instant.now().minusSeconds(30)), sent.email, sent.messageId()));
        awaitResponse(sent, "REPLY");

        Eventually.soon().untilAsserted(() -> assertThat(plannedTouches(sent))
                .filteredOn(t -> t.getInt("id") == courtesy.getInt("id"))
                .singleElement().satisfies(t -> assertThat(t.getString("status")).isEqualTo("DONE")));
        assertThat(plannedTouches(sent)).as("nothing left on the list for this customer")
                .noneMatch(t -> t.getString("status").equals("OPEN") && t.getString("channel").equals("CALL"));
    }

    @Test
    void aReplyWithoutReferencesIsFoundByTheTokenInItsAddress() throws Exception {
        Sent first = send("plus", "en");
        Sent second = sendAgain(first);

        deliver("""
                Message-ID: %s
                From: %s
                To: "Rapport" <replies+%s@rapport.test>
                Subject: a new thread, no references
                MIME-Version: 1.0
                Content-Type: text/plain; charset=UTF-8

                Answering the first of your two emails.
                """.formatted(newMessageId(), first.email, first.replyToken()));

        JsonObject response = awaitResponse(first, "REPLY");
        assertThat(response.getString("detail")).isEqualTo("Answering the first of your two emails.");
        assertThat(responses(second)).as("the token names the first message, not the newest").isEmpty();
        assertThat(touches(detail(first), "REPLY")).hasSize(1);
    }

    @Test
    void aGermanReplyKeepsItsUmlauts() throws Exception {
        Sent sent = send("de", "de");

        deliver("""
                Message-ID: %s
                From: =?UTF-8?Q?J=C3=BCrgen_M=C3=BCller?= <%s>
                To: replies@rapport.test
                Subject: =?UTF-8?Q?AW:_Sch=C3=B6ne_Gr=C3=BC=C3=9Fe?=
                In-Reply-To: %s
                MIME-Version: 1.0
                Content-Type: text/plain; charset=UTF-8
                Content-Transfer-Encoding: quoted-printable

                Vielen Dank f=C3=BCr die Gl=C3=BCckw=C3=BCnsche! Gr=C3=B6=C3=9Fere Mengen =
                bespreche ich gern =E2=80=93 rufen Sie mich an.

                Am 19.11.2026 um 09:00 schrieb Anna Seller <outreach@rapport.test>:
                > Herzlichen Gl=C3=BCckwunsch
                """.formatted(newMessageId(), sent.email, sent.messageId()));

        String expected = "Vielen Dank für die Glückwünsche! Größere Mengen bespreche ich gern – rufen Sie mich an.";
        assertThat(awaitResponse(sent, "REPLY").getString("detail")).isEqualTo(expected);
        assertThat(touches(detail(sent), "REPLY").get(0).getString("note")).isEqualTo(expected);
    }

    @Test
    void anOutOfOfficeAnswerIsNotedButIsNoReply() throws Exception {
        Sent sent = send("ooo", "de");

        deliver("""
                Message-ID: %s
                From: %s
                To: replies@rapport.test
                Subject: =?UTF-8?Q?Automatische_Antwort:_Alles_Gute?=
                In-Reply-To: %s
                Auto-Submitted: auto-replied
                X-Auto-Response-Suppress: All
                MIME-Version: 1.0
                Content-Type: text/plain; charset=UTF-8

                Ich bin bis zum 30. November nicht im Haus.
                """.formatted(newMessageId(), sent.email, sent.messageId()));

        assertThat(awaitResponse(sent, "AUTO_REPLY").getString("detail")).isEqualTo("Ich bin bis zum 30. November nicht im Haus.");
        assertThat(responses(sent)).extracting(r -> r.getString("kind")).containsExactly("AUTO_REPLY");
        JsonObject detail = detail(sent);
        assertThat(touches(detail, "REPLY")).isEmpty();
        assertThat(detail.isNull("last_two_way_touch_at")).as("an auto-reply is no conversation").isTrue();
    }

    @Test
    void aBounceStopsFurtherMailToTheAddress() throws Exception {
        Sent sent = send("bounce", "en");

        deliver(Bounces.userUnknown(sent.messageId(), sent.email));

        assertThat(awaitResponse(sent, "BOUNCE").getString("detail")).startsWith("5.1.1 " + sent.email).contains("user unknown");
        assertThat(touches(detail(sent), "EMAIL")).extracting(t -> t.getString("outcome")).contains("BOUNCED");

        JsonObject afterwards = compose(sent.customer, "{\"years\":\"5\"}");
        JsonObject suppressed = awaitStatus(afterwards.getInt("id"), "SUPPRESSED");
        assertThat(suppressed.getString("last_error")).contains("bounce");
        assertThat(Mailbox.to(sent.email)).hasSize(1);
    }

    @Test
    void theCustomerViewShowsTheBounceUntilTheImportCorrectsTheAddress() throws Exception {
        Sent sent = send("bview", "en");
        assertThat(consent(sent).isNull("bouncing_since")).isTrue();
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        deliver(deliveryReport(newMessageId(), sent, "failed", "5.1.1"));
        awaitResponse(sent, "BOUNCE");

        JsonObject bouncing = consent(sent);
        assertThat(Instant.parse(bouncing.getString("bouncing_since"))).isBetween(before.minusSeconds(5), Instant.now());
        assertThat(bouncing.isNull("unsubscribed_at")).as("a bounce is no unsubscribe").isTrue();
        awaitStatus(compose(sent.customer, "{\"years\":\"4\"}").getInt("id"), "SUPPRESSED");

        String corrected = sent.customer.toLowerCase() + "@corrected.example";
        Api.Reply reimported = api.asAdmin().postCsv("api/import/customers", Csv.lines(
                "external_id,company,contact_first_name,preferred_name,email,time_zone,locale,owner",
                sent.customer + ",Kunde AG,Kim,Kim," + corrected + ",Europe/Berlin,en," + team.a));
        assertThat(reimported.json().getInt("updated")).as(reimported.toString()).isEqualTo(1);
        assertThat(consent(sent).isNull("bouncing_since")).as("a corrected address is no longer bouncing").isTrue();
        awaitStatus(compose(sent.customer, "{\"years\":\"5\"}").getInt("id"), "SENT");
        assertThat(Mailbox.to(corrected)).hasSize(1);
    }

    @Test
    void aDelayedDeliveryIsNoBounce() throws Exception {
        Sent sent = send("delay", "en");
        String delayed = newMessageId();
        deliver(deliveryReport(delayed, sent, "delayed", "4.4.7"));

        awaitProcessed(delayed);
        assertThat(responses(sent)).isEmpty();
        awaitStatus(compose(sent.customer, "{\"years\":\"6\"}").getInt("id"), "SENT");
    }

    @Test
    void theMailtoUnsubscribeStopsLaterMessages() throws Exception {
        Sent sent = send("unsub", "en");

        deliver("""
                Message-ID: %s
                From: %s
                To: replies@rapport.test
                Subject: unsubscribe %s
                MIME-Version: 1.0
                Content-Type: text/plain; charset=UTF-8

                This message was automatically generated.
                """.formatted(newMessageId(), sent.email, sent.unsubscribeToken()));

        assertThat(awaitResponse(sent, "UNSUBSCRIBE").getString("detail")).isEqualTo("mailto");
        assertThat(consent(sent).getString("unsubscribed_via")).as("the customer view says how").isEqualTo("mailto");
        JsonObject later = compose(sent.customer, "{\"years\":\"7\"}");
        assertThat(awaitStatus(later.getInt("id"), "SUPPRESSED").getString("last_error")).contains("unsubscribed");
        assertThat(Mailbox.to(sent.email)).hasSize(1);
    }

    @Test
    void theSameReplyDeliveredTwiceCountsOnce() throws Exception {
        Sent sent = send("twice", "en");
        String id = newMessageId();
        String reply = """
                Message-ID: %s
                From: %s
                To: replies@rapport.test
                Subject: Re: thanks
                In-Reply-To: %s
                MIME-Version: 1.0
                Content-Type: text/plain; charset=UTF-8

                Only once, please.
                """.formatted(id, sent.email, sent.messageId());

        deliver(reply);
        awaitResponse(sent, "REPLY");
        deliver(reply);
        awaitProcessed(id);

        assertThat(responses(sent)).hasSize(1);
        assertThat(touches(detail(sent), "REPLY")).hasSize(1);
        assertThat(inbox()).filteredOn(m -> id.equals(messageIdOf(m))).hasSize(2)
                .allMatch(m -> m.getFlags().contains("$RapportProcessed"), "flagged as processed");
    }

    @Test
    void emailsThatAreNotOursOrUnreadableDoNotStopTheRest() throws Exception {
        Sent sent = send("robust", "en");
        String stranger = newMessageId();
        deliver("""
                Message-ID: %s
                From: someone@elsewhere.example
                To: replies@rapport.test
                Subject: Re: a message we never sent
                In-Reply-To: <never-sent@rapport.test>

                Hello?
                """.formatted(stranger));
        String unreadable = newMessageId();
        deliver("""
                Message-ID: %s
                From: MAILER-DAEMON@mx.rapport.test
                To: outreach@rapport.test
                Subject: Undelivered Mail Returned to Sender
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="announced-but-missing"

                a report without any of its parts
                """.formatted(unreadable));
        String fine = newMessageId();
        deliver("""
                Message-ID: %s
                From: %s
                To: replies@rapport.test
                Subject: Re: all fine
                In-Reply-To: %s
                MIME-Version: 1.0
                Content-Type: text/plain; charset=UTF-8

                All fine here.
                """.formatted(fine, sent.email, sent.messageId()));

        awaitProcessed(stranger);
        awaitProcessed(unreadable);
        awaitResponse(sent, "REPLY");
        awaitProcessed(fine);
        assertThat(responses(sent)).extracting(r -> r.getString("kind") + " " + r.getString("detail"))
                .containsExactly("REPLY All fine here.");
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** A message the service sent, as the customer received it. */
    record Sent(String customer, String email, JsonObject outbox, MimeMessage message) {

        String messageId() {
            return outbox.getString("message_id");
        }

        String replyToken() throws Exception {
            for (Address address : message.getReplyTo()) {
                Matcher m = REPLY_TOKEN.matcher(((InternetAddress) address).getAddress());
                if (m.matches()) {
                    return m.group(1);
                }
            }
            throw new AssertionError("No reply token in " + List.of(message.getReplyTo()));
        }

        String unsubscribeToken() throws Exception {
            Matcher m = UNSUBSCRIBE_TOKEN.matcher(message.getHeader("List-Unsubscribe", null));
            assertThat(m.find()).isTrue();
            return m.group(1);
        }
    }

    /** A new customer of salesperson a, and one email the service sent them. */
    private Sent send(String prefix, String locale) throws Exception {
        String tag = Csv.unique(prefix).toUpperCase();
        String email = tag.toLowerCase() + "@customers.example";
        Api.Reply imported = api.asAdmin().postCsv("api/import/customers", Csv.lines(
                "external_id,company,contact_first_name,preferred_name,email,time_zone,locale,owner",
                tag + ",Kunde AG,Kim,Kim," + email + ",Europe/Berlin," + locale + "," + team.a));
        assertThat(imported.json().getInt("created")).as(imported.toString()).isEqualTo(1);
        JsonObject queued = compose(tag, "{\"years\":\"2\"}");
        JsonObject sent = awaitStatus(queued.getInt("id"), "SENT");
        return new Sent(tag, email, sent, Mailbox.single(email));
    }

    private Sent sendAgain(Sent first) {
        JsonObject sent = awaitStatus(compose(first.customer, "{\"years\":\"3\"}").getInt("id"), "SENT");
        MimeMessage message = Mailbox.to(first.email).stream().filter(m -> {
            try {
                return sent.getString("message_id").equals(m.getMessageID());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).findFirst().orElseThrow();
        return new Sent(first.customer, first.email, sent, message);
    }

    private JsonObject compose(String customer, String fields) {
        Api.Reply reply = api.asAdmin().postJson("api/outbox", "{\"template\":\"thank-you-anniversary\",\"customer\":\""
                + customer + "\",\"fields\":" + fields + "}");
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

    private List<JsonObject> plannedTouches(Sent sent) {
        Api.Reply reply = api.asAdmin().get("api/planned-touches?customer=" + sent.customer);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.array().getValuesAs(JsonObject.class);
    }

    /** The customer's consent as their salesperson (a) sees it before calling. */
    private JsonObject consent(Sent sent) {
        Api.Reply reply = team.as(team.a).get("api/customers/" + sent.customer);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json().getJsonObject("consent");
    }

    /** Into the reply mailbox over SMTP, exactly as written: sendMessage keeps the Message-ID (Transport.send would not). */
    private static void deliver(String email) throws Exception {
        TestMailServer.deliverToReplyMailbox(email);
    }

    private static String deliveryReport(String id, Sent sent, String action, String status) {
        return """
                Message-ID: %s
                From: MAILER-DAEMON@mx.rapport.test
                To: outreach@rapport.test
                Subject: Delivery status
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="b"

                --b
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.rapport.test

                Final-Recipient: rfc822; %s
                Action: %s
                Status: %s

                --b
                Content-Type: text/rfc822-headers

                Message-ID: %s
                Subject: Happy anniversary

                --b--
                """.formatted(id, sent.email, action, status, sent.messageId());
    }

    /** Until every copy of the email in the reply mailbox is marked \Seen by the service. */
    private static void awaitProcessed(String messageId) {
        Eventually.soon().until(() -> {
            List<StoredMessage> copies = inbox().stream().filter(m -> messageId.equals(messageIdOf(m))).toList();
            return !copies.isEmpty() && copies.stream().allMatch(m -> m.getFlags().contains(Flags.Flag.SEEN));
        });
    }

    private static List<StoredMessage> inbox() throws Exception {
        GreenMail greenMail = TestMailServer.greenMail();
        return greenMail.getManagers().getImapHostManager()
                .getInbox(greenMail.getUserManager().getUserByEmail(TestMailServer.REPLY_MAILBOX)).getMessages();
    }

    private static String messageIdOf(StoredMessage message) {
        try {
            return message.getMimeMessage().getMessageID();
        } catch (Exception e) {
            return null;
        }
    }

    private JsonObject awaitResponse(Sent sent, String kind) {
        Eventually.soon().until(() -> responses(sent).stream().anyMatch(r -> r.getString("kind").equals(kind)));
        return responses(sent).stream().filter(r -> r.getString("kind").equals(kind)).findFirst().orElseThrow();
    }

    /** The responses the message drew, from the customer's history. */
    private List<JsonObject> responses(Sent sent) {
        Api.Reply history = api.asAdmin().get("api/customers/" + sent.customer + "/messages");
        assertThat(history.status()).as(history.toString()).isEqualTo(200);
        return history.array().getValuesAs(JsonObject.class).stream()
                .filter(m -> m.getInt("id") == sent.outbox.getInt("id"))
                .findFirst().orElseThrow()
                .getJsonArray("responses").getValuesAs(JsonObject.class);
    }

    private JsonObject detail(Sent sent) {
        Api.Reply detail = api.asAdmin().get("api/customers/" + sent.customer);
        assertThat(detail.status()).as(detail.toString()).isEqualTo(200);
        return detail.json();
    }

    private static List<JsonObject> touches(JsonObject detail, String kind) {
        return detail.getJsonArray("recent_touches").getValuesAs(JsonObject.class).stream()
                .filter(t -> t.getString("kind").equals(kind)).toList();
    }

    private static String newMessageId() {
        return "<" + UUID.randomUUID() + "@customers.example>";
    }

    private static String date(Instant instant) {
        return new MailDateFormat().format(Date.from(instant));
    }
}
