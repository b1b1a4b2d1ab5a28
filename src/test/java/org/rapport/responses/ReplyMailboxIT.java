package org.rapport.responses;

import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.json.JsonObject;
import jakarta.mail.Flags;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.testing.Admins;
import org.rapport.testing.Api;
import org.rapport.testing.Csv;
import org.rapport.testing.Eventually;
import org.rapport.testing.Team;
import org.rapport.testing.TestMailServer;
import org.rapport.testing.TestServer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The reply mailbox against hostile or misleading email: it must neither stall nor believe what it should not. */
class ReplyMailboxIT {

    Api api;
    Team team;

    @BeforeEach
    void team() {
        api = TestServer.api();
        team = new Team(api);
    }

    @Test
    void aPoisonedEmailBeforeAGoodReplyDoesNotHoldItUp() throws Exception {
        String customer = customer("poison");
        JsonObject sent = send(customer);
        String email = sent.getString("recipient");
        // thousands of nested multiparts: without a cap, reading it costs minutes of parsing (or the reader's stack)
        String poisoned = newMessageId();
        StringBuilder nested = new StringBuilder("""
                Message-ID: %s
                From: %s
                To: replies@rapport.test
                Subject: Re: Happy anniversary
                In-Reply-To: %s
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="b1"

                """.formatted(poisoned, email, sent.getString("message_id")));
        int depth = 5000;
        for (int level = 1; level < depth; level++) {
            nested.append("--b").append(level).append("\nContent-Type: multipart/mixed; boundary=\"b").append(level + 1).append("\"\n\n");
        }
        nested.append("--b").append(depth).append("\nContent-Type: text/plain\n\nfrom the bottom\n");
        deliver(nested.toString());
        String good = newMessageId();
        deliver("""
                Message-ID: %s
                From: %s
                To: replies@rapport.test
                Subject: Re: Happy anniversary
                In-Reply-To: %s
                MIME-Version: 1.0
                Content-Type: text/plain; charset=UTF-8

                Thanks, all good.
                """.formatted(good, email, sent.getString("message_id")));

        Eventually.soon().until(() -> responses(customer, sent).stream().anyMatch(r -> r.getString("detail").equals("Thanks, all good.")));
        Eventually.soon().until(() -> seen(poisoned) && seen(good));
        assertThat(responses(customer, sent)).extracting(r -> r.getString("kind") + " " + r.getString("detail"))
                .as("the poisoned one counts as a reply without its unreachable text")
                .containsExactlyInAnyOrder("REPLY Re: Happy anniversary", "REPLY Thanks, all good.");
    }

    @Test
    void aReportThatAnotherAddressFailedIsNoBounceOfTheCustomers() throws Exception {
        reportOfAnotherAddress(false);
    }

    /**
     * A message whose row kept no recipient (its sending recorded nowhere, as after a lost delivery transaction) has no
     * address to compare with; only an erased customer's bounce counts without one.
     */
    @Test
    void aReportThatAnotherAddressFailedIsNoBounceEvenWhenTheMessageKeptNoRecipient() throws Exception {
        reportOfAnotherAddress(true);
    }

    private void reportOfAnotherAddress(boolean recipientLost) throws Exception {
        String customer = customer("fwd");
        JsonObject sent = send(customer);
        if (recipientLost) {
            try (Connection db = Admins.database();
                 PreparedStatement lost = db.prepareStatement("UPDATE outbox_message SET recipient = NULL WHERE id = ?")) {
                lost.setInt(1, sent.getInt("id"));
                assertThat(lost.executeUpdate()).isEqualTo(1);
            }
        }
        String report = newMessageId();
        deliver("""
                Message-ID: %s
                From: MAILER-DAEMON@mx.elsewhere.example
                To: outreach@rapport.test
                Subject: Undelivered Mail Returned to Sender
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="b"

                --b
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.elsewhere.example

                Final-Recipient: rfc822; forwarded-and-gone@elsewhere.example
                Action: failed
                Status: 5.1.1

                --b
                Content-Type: text/rfc822-headers

                Message-ID: %s
                To: %s
                Subject: Happy anniversary

                --b--
                """.formatted(report, sent.getString("message_id"), sent.getString("recipient")));

        Eventually.soon().until(() -> seen(report));
        assertThat(responses(customer, sent)).isEmpty();
        JsonObject detail = api.asAdmin().get("api/customers/" + customer).json();
        assertThat(detail.toString()).doesNotContain("BOUNCED");
        JsonObject next = compose(customer);
        Eventually.soon().until(() -> api.asAdmin().get("api/outbox/" + next.getInt("id")).json().getString("status").equals("SENT"));
    }

    // ---------------------------------------------------------------------------------------------------------------

    private String customer(String prefix) {
        String tag = Csv.unique(prefix).toUpperCase();
        Api.Reply imported = api.asAdmin().postCsv("api/import/customers", Csv.lines(
                "external_id,company,preferred_name,email,time_zone,locale,owner",
                tag + ",Mailbox AG,Mo," + tag.toLowerCase() + "@customers.example,Europe/Berlin,en," + team.a));
        assertThat(imported.json().getInt("created")).as(imported.toString()).isEqualTo(1);
        return tag;
    }

    private JsonObject send(String customer) {
        JsonObject queued = compose(customer);
        Eventually.soon().until(() -> api.asAdmin().get("api/outbox/" + queued.getInt("id")).json().getString("status").equals("SENT"));
        return api.asAdmin().get("api/outbox/" + queued.getInt("id")).json();
    }

    private JsonObject compose(String customer) {
        Api.Reply reply = api.asAdmin().postJson("api/outbox", "{\"template\":\"thank-you-anniversary\",\"customer\":\""
                + customer + "\",\"fields\":{\"years\":\"2\"}}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json();
    }

    private List<JsonObject> responses(String customer, JsonObject sent) {
        return api.asAdmin().get("api/customers/" + customer + "/messages").array().getValuesAs(JsonObject.class).stream()
                .filter(m -> m.getInt("id") == sent.getInt("id")).findFirst().orElseThrow()
                .getJsonArray("responses").getValuesAs(JsonObject.class);
    }

    /** Into the reply mailbox over SMTP, exactly as written. */
    private static void deliver(String email) throws Exception {
        TestMailServer.deliverToReplyMailbox(email);
    }

    /** Whether the service marked the email in the reply mailbox \Seen. */
    private static boolean seen(String messageId) throws Exception {
        GreenMail greenMail = TestMailServer.greenMail();
        List<StoredMessage> copies = greenMail.getManagers().getImapHostManager()
                .getInbox(greenMail.getUserManager().getUserByEmail(TestMailServer.REPLY_MAILBOX)).getMessages().stream()
                .filter(m -> {
                    try {
                        return messageId.equals(m.getMimeMessage().getMessageID());
                    } catch (Exception e) {
                        return false;
                    }
                }).toList();
        return !copies.isEmpty() && copies.stream().allMatch(m -> m.getFlags().contains(Flags.Flag.SEEN));
    }

    private static String newMessageId() {
        return "<" + UUID.randomUUID() + "@customers.example>";
    }
}
