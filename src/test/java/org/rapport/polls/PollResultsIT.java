package org.rapport.polls;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.testing.Api;
import org.rapport.testing.Csv;
import org.rapport.testing.Eventually;
import org.rapport.testing.Team;
import org.rapport.testing.TestMailServer;
import org.rapport.testing.TestServer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A poll's results: the distribution per question, the response rate and the themes of the free text, over answers
 * given on the poll's page and by a real reply through the reply mailbox; access scoped to the team; the CSV.
 */
class PollResultsIT {

    Api api;
    Team team;

    @BeforeEach
    void team() {
        api = TestServer.api();
        team = new Team(api);
    }

    @Test
    void resultsShowTheDistributionTheResponseRateAndTheThemesOfLinkAnswersAndReplies() throws Exception {
        String x1 = customer("x1", team.a);
        String x2 = customer("x2", team.b);
        long poll = poll(id("salesperson", team.m), "Service 2026");
        recipients(poll, team.customerOfA, team.customerOfB, x1, x2, customer("x3", team.a));
        answered(poll, team.customerOfA, 5, "Price", "Die Lieferung kam zwei Wochen zu spät");
        answered(poll, team.customerOfB, 2, "Speed", "Lieferungen sind oft unvollständig");
        answered(poll, x1, 4, "Price", "Die Rechnung war falsch");

        JsonObject sent = send(x2);
        sql("UPDATE poll_recipient SET outbox_id = ? WHERE poll_id = ? AND customer_id = ?", sent.getInt("id"), poll, id("customer", x2));
        String reply = "<" + UUID.randomUUID() + "@customers.example>";
        replyTo(sent, reply, "Bitte rufen Sie mich an, die Rechnung stimmt schon wieder nicht.");
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
        assertThat(texts("SELECT rule FROM planned_touch WHERE customer_id = ? AND status = 'OPEN'", id("customer", x2)))
                .as("the reply asks for a call").contains("POLL_ANSWER");

        assertThat(texts("SELECT inbound_message_id FROM poll_answer WHERE poll_id = ? AND via = 'REPLY' AND position = 0", poll))
                .containsExactly(reply);

        Api.Reply csv = asManager().get("api/polls/" + poll + "/results.csv");
        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("section,position,question,value,answers,share,mean,samples")
                .contains("answered,,Service 2026,,4,0.8,,", "distribution,1,How satisfied are you?,2,1,0.333,,",
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
        String tag = Csv.unique(prefix).toUpperCase();
        Api.Reply imported = api.asAdmin().postCsv("api/import/customers", Csv.lines(
                "external_id,company,preferred_name,email,time_zone,locale,owner",
                tag + ",Umfrage AG,Uwe," + tag.toLowerCase() + "@customers.example,Europe/Berlin,de," + owner));
        assertThat(imported.json().getInt("created")).as(imported.toString()).isEqualTo(1);
        return tag;
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
        TestMailServer.deliverToReplyMailbox("""
                Message-ID: %s
                From: %s
                To: %s
                Subject: Re: Umfrage
                In-Reply-To: %s
                MIME-Version: 1.0
                Content-Type: text/plain; charset=UTF-8

                %s
                """.formatted(messageId, sent.getString("recipient"), TestMailServer.REPLY_MAILBOX, sent.getString("message_id"), text));
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

    private static Connection database() throws Exception {
        return DriverManager.getConnection(System.getenv("RAPPORT_DB_URL"), System.getenv("RAPPORT_DB_USER"),
                System.getenv("RAPPORT_DB_PASSWORD"));
    }

    private static long insert(String sql, Object... values) throws Exception {
        try (Connection db = database(); PreparedStatement statement = db.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
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
        try (Connection db = database(); PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            assertThat(statement.executeUpdate()).as(sql).isPositive();
        }
    }

    private static List<String> texts(String sql, Object... values) throws Exception {
        try (Connection db = database(); PreparedStatement statement = db.prepareStatement(sql)) {
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
