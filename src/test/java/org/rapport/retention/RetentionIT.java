package org.rapport.retention;

import jakarta.json.JsonObject;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.testing.Api;
import org.rapport.testing.Csv;
import org.rapport.testing.Eventually;
import org.rapport.testing.Mailbox;
import org.rapport.testing.Team;
import org.rapport.testing.TestMailServer;
import org.rapport.testing.TestServer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The nightly retention over what a customer did three years ago and yesterday: the old text goes (a message's fields
 * and subject, the click's target, the reply's snippet on the response and on its touch, call notes, a call outcome's
 * note), the rows stay, and nothing recent is touched. Old moments come from the API where it takes them (a reply's
 * Date, a logged call's time) and are otherwise set back in the database, as time would have.
 */
class RetentionIT {

    private static final Pattern CLICK = Pattern.compile("http://localhost:8080/(c/[a-z2-7]+)");
    private static final Instant THREE_YEARS_AGO = Instant.now().minus(3 * 366, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    Api api;
    Team team;

    @BeforeEach
    void team() {
        api = TestServer.api();
        team = new Team(api);
    }

    @AfterEach
    void openTheGate() {
        TestMailServer.gate().acceptAll();
    }

    @Test
    void oldPersonalTextIsRemovedTheRowsStayAndRecentTextIsKept() throws Exception {
        String customer = Csv.unique("RET").toUpperCase();
        String email = customer.toLowerCase() + "@customers.example";
        String unreachable = customer + "-F"; // the outreach cap allows two emails a week per customer: the third to another
        Api.Reply imported = api.asAdmin().postCsv("api/import/customers", Csv.lines(
                "external_id,company,contact_first_name,preferred_name,email,time_zone,locale,owner",
                customer + ",Kunde AG,Kim,Kim," + email + ",Europe/Berlin,en," + team.a,
                unreachable + ",Anders AG,Jo,Jo," + unreachable.toLowerCase() + "@customers.example,Europe/Berlin,en," + team.a));
        assertThat(imported.json().getInt("created")).as(imported.toString()).isEqualTo(2);

        int old = sent(customer, "2");
        MimeMessage oldMail = Mailbox.single(email);
        String click = CLICK.matcher(html(oldMail)).results().map(m -> m.group(1)).findFirst().orElseThrow();
        assertThat(api.anonymous().get(click).status()).isEqualTo(302);
        deliver(oldMail.getMessageID(), email, THREE_YEARS_AGO.plusSeconds(3600));
        Eventually.soon().until(() -> responses(customer, old).stream().anyMatch(r -> r.getString("kind").equals("REPLY")));
        logCall(customer, THREE_YEARS_AGO, "Kim's daughter starts university in Basel");
        logCall(customer, Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS), "Call back about the renewal");
        int recent = sent(customer, "3");
        TestMailServer.gate().reject(unreachable.toLowerCase() + "@customers.example");
        int failed = compose(unreachable, "4");
        awaitStatus(failed, "FAILED");
        assertThat(api.asAdmin().postJson("api/planning/run", "").status()).isEqualTo(200);
        long call = ageInTheDatabase(customer, old, failed);

        Api.Reply refused = team.as(team.a).postJson("api/retention/run", "");
        assertThat(refused.status()).as("a salesperson does not run retention: " + refused).isEqualTo(403);
        Api.Reply run = api.asAdmin().postJson("api/retention/run", "");
        assertThat(run.status()).as(run.toString()).isEqualTo(200);
        JsonObject removed = run.json().getJsonObject("removed");
        assertThat(removed.getJsonNumber("message_bodies").longValue()).as(run.toString()).isGreaterThanOrEqualTo(2);
        assertThat(removed.getJsonNumber("call_notes").longValue()).isGreaterThanOrEqualTo(2);

        JsonObject oldMessage = api.asAdmin().get("api/outbox/" + old).json();
        assertThat(oldMessage.getString("status")).as("the row stays, as it was").isEqualTo("SENT");
        assertThat(oldMessage.isNull("subject")).as(oldMessage.toString()).isTrue();
        assertThat(oldMessage.getString("body_removed_at")).isNotNull();
        JsonObject recentMessage = api.asAdmin().get("api/outbox/" + recent).json();
        assertThat(recentMessage.getString("subject")).isNotBlank();
        assertThat(recentMessage.isNull("body_removed_at")).isTrue();
        Api.Reply resend = api.asAdmin().postJson("api/outbox/" + failed + "/resend", "");
        assertThat(resend.status()).as("a message without its content cannot go again: " + resend).isEqualTo(409);
        assertThat(resend.json().getString("detail")).contains("removed (retention or an erasure)");

        List<JsonObject> responses = responses(customer, old);
        assertThat(responses).extracting(r -> r.getString("kind")).contains("CLICK", "REPLY", "BOUNCE");
        assertThat(responses).as("a click, a reply and a bounce still count, without their text").allMatch(r -> r.isNull("detail"));
        try (Connection db = database()) {
            assertThat(texts(db, "SELECT fields FROM outbox_message WHERE id = ?", old)).containsExactly("{}");
            assertThat(texts(db, "SELECT note FROM touch t JOIN customer c ON c.id = t.customer_id WHERE c.external_id = ?"
                    + " AND t.note IS NOT NULL", customer)).as("only the recent call's note and the recent email's subject are left")
                    .containsExactlyInAnyOrder("Call back about the renewal", "3 years together – thank you, Kim");
            assertThat(texts(db, "SELECT COUNT(*) FROM touch t JOIN customer c ON c.id = t.customer_id WHERE c.external_id = ?",
                    customer)).as("every touch is still there: the old call, the reply, the recent call, two emails")
                    .containsExactly("5");
            assertThat(texts(db, "SELECT COALESCE(note, '(none)') FROM planned_touch WHERE id = ?", call)).containsExactly("(none)");
            assertThat(texts(db, "SELECT COALESCE(a.text, '(none)') FROM poll_answer a JOIN customer c ON c.id = a.customer_id"
                    + " WHERE c.external_id = ? ORDER BY a.answered_at", customer)).as("a poll answer's old words go, the row stays")
                    .containsExactly("(none)", "Please call me");
        }

        Api.Reply again = api.asAdmin().postJson("api/retention/run", "");
        assertThat(again.json().getJsonObject("removed").values()).as("a second run finds nothing left: " + again)
                .allMatch(v -> v.toString().equals("0"));
    }

    /** Sets the old message, its click and email touch, the failed message and a call's outcome note three years back. */
    private long ageInTheDatabase(String customer, int old, int failed) throws Exception {
        String subject = api.asAdmin().get("api/outbox/" + old).json().getString("subject"); // its EMAIL touch's note
        try (Connection db = database()) {
            update(db, "UPDATE outbox_message SET created_at = ?, sent_at = ?, closed_at = ? WHERE id IN (?, ?)",
                    THREE_YEARS_AGO, THREE_YEARS_AGO, THREE_YEARS_AGO, old, failed);
            update(db, "UPDATE mail_response SET occurred_at = ? WHERE outbox_id = ? AND kind = 'CLICK'", THREE_YEARS_AGO, old);
            // a bounce of three years ago, as the reply mailbox records one (its diagnostic quotes the address)
            update(db, "INSERT INTO mail_response (outbox_id, customer_id, kind, occurred_at, detail) SELECT id, customer_id,"
                    + " 'BOUNCE', ?, CONCAT('550 5.1.1 <', recipient, '>: mailbox unknown') FROM outbox_message WHERE id = ?",
                    THREE_YEARS_AGO, old);
            update(db, "UPDATE touch t JOIN customer c ON c.id = t.customer_id SET t.occurred_at = ? WHERE c.external_id = ?"
                    + " AND t.kind = 'EMAIL' AND t.note = ?", THREE_YEARS_AGO, customer, subject);
            long call = Long.parseLong(texts(db, "SELECT MIN(p.id) FROM planned_touch p JOIN customer c ON c.id = p.customer_id"
                    + " WHERE c.external_id = ?", customer).get(0));
            update(db, "UPDATE planned_touch SET status = 'DONE', outcome = 'REACHED', note = 'Asked about her divorce', closed_at = ?"
                    + " WHERE id = ?", THREE_YEARS_AGO, call);
            // two answers in the customer's own words to a poll: one of three years ago, one of today
            update(db, "INSERT INTO poll (title, created_by, audience, sample_size, starts_on, ends_on, status, created_at)"
                    + " SELECT ?, MIN(id), 'ALL', 1, UTC_DATE(), UTC_DATE(), 'SENT', UTC_TIMESTAMP(3) FROM app_user", customer);
            long poll = Long.parseLong(texts(db, "SELECT MAX(id) FROM poll WHERE title = ?", customer).get(0));
            update(db, "INSERT INTO poll_answer (poll_id, customer_id, position, text, via, inbound_message_id, answered_at)"
                    + " SELECT ?, id, 0, 'Kim moved to Basel', 'REPLY', 'old', ? FROM customer WHERE external_id = ?",
                    poll, THREE_YEARS_AGO, customer);
            update(db, "INSERT INTO poll_answer (poll_id, customer_id, position, text, via, inbound_message_id, answered_at)"
                    + " SELECT ?, id, 0, 'Please call me', 'REPLY', 'recent', UTC_TIMESTAMP(3) FROM customer WHERE external_id = ?",
                    poll, customer);
            return call;
        }
    }

    private int sent(String customer, String years) {
        int id = compose(customer, years);
        awaitStatus(id, "SENT");
        return id;
    }

    private int compose(String customer, String years) {
        Api.Reply reply = api.asAdmin().postJson("api/outbox", "{\"template\":\"thank-you-anniversary\",\"customer\":\""
                + customer + "\",\"fields\":{\"years\":\"" + years + "\"}}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        return reply.json().getInt("id");
    }

    private void awaitStatus(int id, String status) {
        Eventually.soon().untilAsserted(() -> assertThat(api.asAdmin().get("api/outbox/" + id).json().getString("status"))
                .isEqualTo(status));
    }

    private void logCall(String customer, Instant at, String note) {
        Api.Reply touch = api.asAdmin().postJson("api/touches", "{\"customer\":\"" + customer + "\",\"kind\":\"CALL\","
                + "\"outcome\":\"REACHED\",\"occurred_at\":\"" + at + "\",\"note\":\"" + note + "\"}");
        assertThat(touch.status()).as(touch.toString()).isEqualTo(201);
    }

    private List<JsonObject> responses(String customer, int message) {
        return api.asAdmin().get("api/customers/" + customer + "/messages").array().getValuesAs(JsonObject.class).stream()
                .filter(m -> m.getInt("id") == message).findFirst().orElseThrow()
                .getJsonArray("responses").getValuesAs(JsonObject.class);
    }

    private static String html(MimeMessage message) throws Exception {
        return (String) ((Multipart) message.getContent()).getBodyPart(1).getContent();
    }

    /** The customer's answer, written at {@code at}, delivered into the reply mailbox the service reads. */
    private static void deliver(String messageId, String from, Instant at) throws Exception {
        String email = """
                Message-ID: <%s@customers.example>
                Date: %s
                From: %s
                To: replies@rapport.test
                Subject: Re: Happy anniversary
                In-Reply-To: %s
                MIME-Version: 1.0
                Content-Type: text/plain; charset=UTF-8

                My husband is in hospital, please call me next month.
                """.formatted(UUID.randomUUID(), new MailDateFormat().format(Date.from(at)), from, messageId);
        TestMailServer.deliverToReplyMailbox(email);
    }

    private static Connection database() throws Exception {
        return DriverManager.getConnection(System.getenv("RAPPORT_DB_URL"), System.getenv("RAPPORT_DB_USER"),
                System.getenv("RAPPORT_DB_PASSWORD"));
    }

    private static void update(Connection db, String sql, Object... values) throws Exception {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            bind(statement, values);
            assertThat(statement.executeUpdate()).as(sql).isPositive();
        }
    }

    private static List<String> texts(Connection db, String sql, Object... values) throws Exception {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            bind(statement, values);
            List<String> texts = new java.util.ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    texts.add(rows.getString(1));
                }
            }
            return texts;
        }
    }

    private static void bind(PreparedStatement statement, Object... values) throws Exception {
        for (int i = 0; i < values.length; i++) {
            statement.setObject(i + 1, values[i] instanceof Instant at ? java.sql.Timestamp.from(at) : values[i]);
        }
    }
}
