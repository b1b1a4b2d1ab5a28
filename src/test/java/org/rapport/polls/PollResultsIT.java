package org.rapport.polls;

import jakarta.json.JsonObject;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.testing.Admins;
import org.rapport.testing.Api;
import org.rapport.testing.Csv;
import org.rapport.testing.Eventually;
import org.rapport.testing.Mailbox;
import org.rapport.testing.SendWindow;
import org.rapport.testing.Team;
import org.rapport.testing.TestMailServer;
import org.rapport.testing.TestServer;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A poll's results: the distribution per question, the response rate and the themes of the free text, over answers
 * given on the poll's page and by a real reply through the reply mailbox; access scoped to the team; the CSV. The tests
 * of access and of the CSV arrange their polls and answers in the database (a recipient who moved to another team).
 */
class PollResultsIT {

    private static final Pattern POLL_LINK = Pattern.compile("/p/([a-z2-7]+)");

    Api api;
    Team team;

    @BeforeEach
    void team() {
        api = TestServer.api();
        team = new Team(api);
    }

    @Test
    void resultsShowTheDistributionTheResponseRateAndTheThemesOfAnswersByTheLinkAndByReply() throws Exception {
        List<String> customers = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            customers.add(customer("res" + i, i % 2 == 0 ? team.b : team.a, "LU"));
        }
        long poll = sendPoll("Service " + team.tag, "LU");
        List<MimeMessage> mails = new ArrayList<>();
        for (String customer : customers) {
            SendWindow.open(customer);
            mails.add(awaitMail(email(customer)));
        }
        answer(mails.get(0), "q1=5&q2=Price&q3=" + encoded("Die Lieferung kam zwei Wochen zu spät"));
        answer(mails.get(1), "q1=2&q2=Speed&q3=" + encoded("Lieferungen sind oft unvollständig"));
        answer(mails.get(2), "q1=4&q2=Price&q3=" + encoded("Die Rechnung war falsch"));
        String reply = "<" + UUID.randomUUID() + "@customers.example>";
        replyTo(mails.get(3), reply, "Bitte rufen Sie mich an, die Rechnung stimmt schon wieder nicht.");
        Eventually.soon().until(() -> asManager().get("api/polls/" + poll + "/results").json().getJsonObject("replies").getInt("answers") == 1);

        JsonObject results = asManager().get("api/polls/" + poll + "/results").json();
        assertThat(results.getInt("recipients")).isEqualTo(5);
        assertThat(results.getInt("answered")).as("three by link, one by reply").isEqualTo(4);
        assertThat(results.getJsonNumber("response_rate").doubleValue()).isEqualTo(0.8);
        JsonObject scale = question(results, 1);
        assertThat(scale.getInt("answers")).isEqualTo(3);
        assertThat(scale.getJsonNumber("mean").doubleValue()).isEqualTo(3.67);
        assertThat(distribution(scale)).containsExactly("1:0", "2:1", "3:0", "4:1", "5:1");
        assertThat(distribution(question(results, 2))).containsExactly("Price:2", "Speed:1", "Advice:0");
        JsonObject text = question(results, 3).getJsonObject("free_text");
        assertThat(text.getInt("answers")).isEqualTo(3);
        assertThat(text.getJsonArray("themes").getValuesAs(JsonObject.class))
                .extracting(t -> t.getString("label") + ":" + t.getInt("answers")).containsExactly("lieferung:2");
        assertThat(text.getInt("other")).isEqualTo(1);
        JsonObject replies = results.getJsonObject("replies");
        assertThat(replies.getJsonArray("other_samples").getString(0)).startsWith("Bitte rufen Sie mich an");
        assertThat(texts("SELECT inbound_message_id FROM poll_answer WHERE poll_id = ? AND via = 'REPLY' AND position = 0", poll))
                .containsExactly(reply);
        assertThat(texts("SELECT reason FROM planned_touch WHERE customer_id = ? AND rule = 'POLL_ANSWER' AND status = 'OPEN'",
                id("customer", customers.get(3)))).as("the reply asks for a call")
                .containsExactly("Poll \"Service " + team.tag + "\": replied \"Bitte rufen Sie mich an, die Rechnung stimmt schon wieder nicht.\"");

        Api.Reply csv = asManager().get("api/polls/" + poll + "/results.csv");
        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        String title = "Service " + team.tag;
        assertThat(csv.body()).startsWith("section,position,question,value,answers,share,mean,samples")
                .contains("answered,," + title + ",,4,0.8,,", "distribution,1,How satisfied are you?,2,1,0.333,,",
                        "mean,1,How satisfied are you?,,3,,3.67,", "distribution,2,What matters most?,Price,2,0.667,,",
                        "theme,3,What should we do better?,lieferung,2,,,Die Lieferung kam zwei Wochen zu spät | Lieferungen sind oft unvollständig");
        Api.Reply negotiated = asManager().withHeader("Accept", "text/csv").get("api/polls/" + poll + "/results");
        assertThat(negotiated.contentType()).startsWith("text/csv");
        assertThat(negotiated.body()).isEqualTo(csv.body());
    }

    @Test
    void aManagerSeesTheirOwnPollsOverTheirTeamsCustomersOnly() throws Exception {
        long poll = poll(id("salesperson", team.m), "Team poll");
        // a customer of the other team among the recipients: one who moved to that team after the poll went out
        recipients(poll, team.customerOfA, team.customerOfC);
        answered(poll, team.customerOfA, 4, "Speed", "fine");
        answered(poll, team.customerOfC, 1, "Price", "terrible");
        String otherManager = Csv.unique("m2-login");
        Api.Reply login = api.asAdmin().postJson("api/users", "{\"username\":\"" + otherManager + "\",\"password\":\"" + Team.PASSWORD
                + "\",\"role\":\"MANAGER\",\"salesperson\":\"" + team.m2 + "\"}");
        assertThat(login.status()).as(login.toString()).isEqualTo(201);

        JsonObject mine = asManager().get("api/polls/" + poll + "/results").json();
        assertThat(mine.getInt("recipients")).isEqualTo(1);
        assertThat(distribution(question(mine, 1))).containsExactly("1:0", "2:0", "3:0", "4:1", "5:0");

        assertThat(api.as(otherManager, Team.PASSWORD).get("api/polls/" + poll + "/results").status()).as("another team's poll")
                .isEqualTo(403);
        assertThat(api.as(otherManager, Team.PASSWORD).get("api/polls/" + poll + "/results.csv").status()).isEqualTo(403);
        assertThat(api.as(team.a, Team.PASSWORD).get("api/polls/" + poll + "/results").status()).as("sales").isEqualTo(403);
        assertThat(asManager().get("api/polls/" + (poll + 1_000_000) + "/results").status()).as("no such poll, to a manager")
                .isEqualTo(403);
        assertThat(asManager().get("api/polls/" + poll + "/results?team=" + team.m2).status()).as("another team").isEqualTo(403);
        long adminsPoll = poll(null, "Everyone");
        assertThat(asManager().get("api/polls/" + adminsPoll + "/results").status()).as("an admin's poll").isEqualTo(403);

        JsonObject all = api.asAdmin().get("api/polls/" + poll + "/results").json();
        assertThat(all.getInt("recipients")).isEqualTo(2);
        assertThat(distribution(question(all, 1))).containsExactly("1:1", "2:0", "3:0", "4:1", "5:0");
        JsonObject oneTeam = api.asAdmin().get("api/polls/" + poll + "/results?team=" + team.m2).json();
        assertThat(oneTeam.getString("team")).isEqualTo(team.m2);
        assertThat(oneTeam.getInt("recipients")).isEqualTo(1);
        assertThat(distribution(question(oneTeam, 1))).containsExactly("1:1", "2:0", "3:0", "4:0", "5:0");
        assertThat(api.asAdmin().get("api/polls/" + poll + "/results?team=" + team.a).status()).as("not a manager").isEqualTo(400);
        assertThat(api.asAdmin().get("api/polls/" + (poll + 1_000_000) + "/results").status()).isEqualTo(404);
    }

    @Test
    void theReplyOfAnErasedCustomerKeepsNoWordsAsAnAnswer() throws Exception {
        String customer = customer("erased", team.a);
        long customerId = id("customer", customer);
        long poll = poll(id("salesperson", team.m), "Erased");
        recipients(poll, customer);
        JsonObject sent = send(customer);
        sql("UPDATE poll_recipient SET outbox_id = ? WHERE poll_id = ? AND customer_id = ?", sent.getInt("id"), poll, customerId);
        Api.Reply erased = api.asAdmin().postJson("api/customers/" + customer + "/erase", "{\"reason\":\"asked to be forgotten\"}");
        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);

        String reply = "<" + UUID.randomUUID() + "@customers.example>";
        replyTo(sent, reply, "Please call me about the delivery.");
        Eventually.soon().until(() -> !texts("SELECT id FROM mail_response WHERE inbound_message_id = ?", reply).isEmpty());

        assertThat(texts("SELECT id FROM poll_answer WHERE poll_id = ?", poll)).as("the reply counted, its words not kept").isEmpty();
        assertThat(texts("SELECT rule FROM planned_touch WHERE customer_id = ? AND rule = 'POLL_ANSWER'", customerId)).isEmpty();
    }

    @Test
    void aSampleAnswerWrittenAsAFormulaIsQuotedInTheCsv() throws Exception {
        long poll = poll(id("salesperson", team.m), "Formula");
        recipients(poll, team.customerOfA, team.customerOfB);
        answered(poll, team.customerOfA, 3, "Price", "=HYPERLINK(\"http://evil.example\") delivery");
        answered(poll, team.customerOfB, 3, "Price", "delivery slow");

        String csv = asManager().get("api/polls/" + poll + "/results.csv").body();
        assertThat(csv).contains("'=HYPERLINK").doesNotContain(",=HYPERLINK", "\"=HYPERLINK");
    }

    // ---------------------------------------------------------------------------------------------------------------

    private Api asManager() {
        return api.as(team.m, Team.PASSWORD);
    }

    private String customer(String prefix, String owner) {
        return customer(prefix, owner, "");
    }

    private String customer(String prefix, String owner, String region) {
        String tag = Csv.unique(prefix).toUpperCase();
        Api.Reply imported = api.asAdmin().postCsv("api/import/customers", Csv.lines(
                "external_id,company,preferred_name,email,time_zone,locale,region,owner",
                tag + ",Umfrage AG,Uwe," + email(tag) + ",Europe/Berlin,de," + region + "," + owner));
        assertThat(imported.json().getInt("created")).as(imported.toString()).isEqualTo(1);
        return tag;
    }

    private static String email(String customer) {
        return customer.toLowerCase(Locale.ROOT) + "@results.example";
    }

    /** A poll of the team's customers in {@code region}, defined and sent now by its manager. */
    private long sendPoll(String title, String region) {
        LocalDate today = LocalDate.now(ZoneId.of("UTC"));
        Api.Reply defined = asManager().postJson("api/polls", "{\"title\":\"" + title + "\",\"questions\":["
                + "{\"kind\":\"SCALE_5\",\"text_en\":\"How satisfied are you?\"},"
                + "{\"kind\":\"CHOICE\",\"text_en\":\"What matters most?\",\"choices\":[\"Price\",\"Speed\",\"Advice\"]},"
                + "{\"kind\":\"TEXT\",\"text_en\":\"What should we do better?\"}],"
                + "\"audience\":\"REGION\",\"audience_value\":\"" + region + "\",\"sample_size\":10,"
                + "\"starts_on\":\"" + today.plusDays(1) + "\",\"ends_on\":\"" + today.plusDays(20) + "\"}");
        assertThat(defined.status()).as(defined.toString()).isEqualTo(201);
        long poll = defined.json().getJsonNumber("id").longValue();
        Api.Reply sent = asManager().postJson("api/polls/" + poll + "/send", "");
        assertThat(sent.status()).as(sent.toString()).isEqualTo(200);
        return poll;
    }

    private static MimeMessage awaitMail(String address) {
        Eventually.soon().untilAsserted(() -> assertThat(Mailbox.to(address)).hasSize(1));
        return Mailbox.single(address);
    }

    /** Answers on the poll's page, through the link in the email. */
    private void answer(MimeMessage mail, String form) throws Exception {
        String html = (String) ((MimeMultipart) mail.getContent()).getBodyPart(1).getContent();
        Matcher link = POLL_LINK.matcher(html);
        assertThat(link.find()).as(html).isTrue();
        Api.Reply answered = api.anonymous().post("p/" + link.group(1), "application/x-www-form-urlencoded",
                form.getBytes(StandardCharsets.UTF_8));
        assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** A poll sent today with a scale, a choice and a free-text question; {@code teamId} null for an admin's poll. */
    private static long poll(Long teamId, String title) throws Exception {
        LocalDate today = LocalDate.now();
        long poll = insert("INSERT INTO poll (title, created_by, team_id, audience, sample_size, starts_on, ends_on, status, sent_at, "
                + "created_at) VALUES (?, 1, ?, 'ALL', 100, ?, ?, 'SENT', NOW(3), NOW(3))", title, teamId, today.minusDays(1),
                today.plusDays(30));
        sql("INSERT INTO poll_question (poll_id, position, kind, text_en, choices) VALUES (?, 1, 'SCALE_5', 'How satisfied are you?', NULL), "
                + "(?, 2, 'CHOICE', 'What matters most?', '[\"Price\",\"Speed\",\"Advice\"]'), "
                + "(?, 3, 'TEXT', 'What should we do better?', NULL)", poll, poll, poll);
        return poll;
    }

    private static void recipients(long poll, String... customers) throws Exception {
        for (String customer : customers) {
            sql("INSERT INTO poll_recipient (poll_id, customer_id, selected_at) VALUES (?, ?, NOW(3))", poll, id("customer", customer));
        }
    }

    /** The answers as the poll's page records them: a row per question, the recipient marked answered. */
    private static void answered(long poll, String customer, int score, String choice, String text) throws Exception {
        long customerId = id("customer", customer);
        sql("INSERT INTO poll_answer (poll_id, customer_id, position, score, choice, text, via, answered_at) VALUES "
                + "(?, ?, 1, ?, NULL, NULL, 'LINK', NOW(3)), (?, ?, 2, NULL, ?, NULL, 'LINK', NOW(3)), "
                + "(?, ?, 3, NULL, NULL, ?, 'LINK', NOW(3))", poll, customerId, score, poll, customerId, choice, poll, customerId, text);
        sql("UPDATE poll_recipient SET answered_at = NOW(3) WHERE poll_id = ? AND customer_id = ?", poll, customerId);
    }

    private JsonObject send(String customer) {
        Api.Reply queued = api.asAdmin().postJson("api/outbox", "{\"template\":\"thank-you-anniversary\",\"customer\":\""
                + customer + "\",\"fields\":{\"years\":\"2\"}}");
        assertThat(queued.status()).as(queued.toString()).isEqualTo(201);
        String message = "api/outbox/" + queued.json().getInt("id");
        Eventually.soon().until(() -> api.asAdmin().get(message).json().getString("status").equals("SENT"));
        return api.asAdmin().get(message).json();
    }

    private static void replyTo(JsonObject sent, String messageId, String text) throws Exception {
        replyTo(sent.getString("recipient"), sent.getString("message_id"), messageId, text);
    }

    private static void replyTo(MimeMessage mail, String messageId, String text) throws Exception {
        replyTo(((InternetAddress) mail.getRecipients(MimeMessage.RecipientType.TO)[0]).getAddress(), mail.getMessageID(), messageId, text);
    }

    /** A plain reply into the reply mailbox, as a mail program writes it: In-Reply-To the message answered. */
    private static void replyTo(String from, String inReplyTo, String messageId, String text) throws Exception {
        TestMailServer.deliverToReplyMailbox("""
                Message-ID: %s
                From: %s
                To: %s
                Subject: Re: Umfrage
                In-Reply-To: %s
                MIME-Version: 1.0
                Content-Type: text/plain; charset=UTF-8

                %s
                """.formatted(messageId, from, TestMailServer.REPLY_MAILBOX, inReplyTo, text));
    }

    private static JsonObject question(JsonObject results, int position) {
        return results.getJsonArray("questions").getValuesAs(JsonObject.class).stream().filter(q -> q.getInt("position") == position)
                .findFirst().orElseThrow();
    }

    private static List<String> distribution(JsonObject question) {
        return question.getJsonArray("distribution").getValuesAs(JsonObject.class).stream()
                .map(s -> s.getString("value") + ":" + s.getInt("answers")).toList();
    }

    private static long id(String table, String externalId) throws Exception {
        return Long.parseLong(texts("SELECT id FROM " + table + " WHERE external_id = ?", externalId).get(0));
    }

    private static long insert(String sql, Object... values) throws Exception {
        try (Connection db = Admins.database(); PreparedStatement statement = db.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static void sql(String sql, Object... values) throws Exception {
        try (Connection db = Admins.database(); PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            assertThat(statement.executeUpdate()).as(sql).isPositive();
        }
    }

    private static List<String> texts(String sql, Object... values) throws Exception {
        try (Connection db = Admins.database(); PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            List<String> texts = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    texts.add(rows.getString(1));
                }
            }
            return texts;
        }
    }
}
