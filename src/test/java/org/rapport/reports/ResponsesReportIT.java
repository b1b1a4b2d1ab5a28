package org.rapport.reports;

import jakarta.json.JsonObject;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.testing.Api;
import org.rapport.testing.Bounces;
import org.rapport.testing.Csv;
import org.rapport.testing.Eventually;
import org.rapport.testing.Mailbox;
import org.rapport.testing.Team;
import org.rapport.testing.TestMailServer;
import org.rapport.testing.TestServer;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/reports/responses}: what came of the customer mail, per template and language, scoped to the caller. */
class ResponsesReportIT {

    private static final Pattern LINK = Pattern.compile("http://localhost:8080/((?:c|r)/[a-z2-7]+)");
    private static final Pattern UNSUBSCRIBE = Pattern.compile("<https?://[^>]*/(u/[a-z2-7]+)>");

    Api api;
    Team team;

    @BeforeEach
    void team() {
        api = TestServer.api();
        team = new Team(api);
    }

    @Test
    void eachTemplateAndLanguageShowsWhatCameOfItsMailForTheCallersCustomersOnly() throws Exception {
        String clicked = customer("en");
        followFirst(send(clicked, "thank-you-anniversary", "{\"years\":\"2\"}"), "c/");
        String unsubscribed = customer("en");
        MimeMessage toUnsubscribed = send(unsubscribed, "thank-you-anniversary", "{\"years\":\"3\"}");
        Matcher oneClick = UNSUBSCRIBE.matcher(toUnsubscribed.getHeader("List-Unsubscribe", null));
        assertThat(oneClick.find()).isTrue();
        assertThat(api.anonymous().post(oneClick.group(1), "application/x-www-form-urlencoded",
                "List-Unsubscribe=One-Click".getBytes(StandardCharsets.US_ASCII)).status()).isEqualTo(200);
        String rated = customer("de");
        List<String> ratings = links(send(rated, "problem-check-in", "{\"problem\":{\"summary\":\"Spät geliefert\"}}"), "r/");
        assertThat(ratings).hasSize(5);
        assertThat(api.anonymous().post(ratings.get(3), "application/x-www-form-urlencoded", new byte[0]).status()).isEqualTo(200);
        // a reply and a bounce, delivered into the reply mailbox that the service reads over IMAP
        String replied = customer("en");
        MimeMessage toReplied = send(replied, "thank-you-anniversary", "{\"years\":\"4\"}");
        deliver(reply(toReplied.getMessageID(), replied.toLowerCase() + "@customers.example"));
        String bounced = customer("en");
        MimeMessage toBounced = send(bounced, "thank-you-anniversary", "{\"years\":\"5\"}");
        deliver(Bounces.userUnknown(toBounced.getMessageID(), bounced.toLowerCase() + "@customers.example"));

        Eventually.soon().untilAsserted(() -> {
            JsonObject report = report(team.a);
            assertThat(report.getJsonObject("total").getInt("sent")).isEqualTo(5);
            JsonObject anniversary = row(report, "thank-you-anniversary", "en");
            assertThat(anniversary.getInt("sent")).isEqualTo(4);
            assertThat(anniversary.getInt("clicked")).isEqualTo(1);
            assertThat(anniversary.getInt("unsubscribed")).isEqualTo(1);
            assertThat(anniversary.getInt("replied")).isEqualTo(1);
            assertThat(anniversary.getInt("bounced")).isEqualTo(1);
            assertThat(anniversary.getJsonNumber("click_rate").doubleValue()).isEqualTo(0.25);
            assertThat(anniversary.isNull("average_rating")).isTrue();
            JsonObject checkIn = row(report, "problem-check-in", "de");
            assertThat(checkIn.getInt("sent")).isEqualTo(1);
            assertThat(checkIn.getInt("ratings")).isEqualTo(1);
            assertThat(checkIn.getJsonNumber("average_rating").doubleValue()).isEqualTo(4.0);
        });
        assertThat(report(team.m).getJsonArray("templates")).as("the manager sees the team's figures")
                .isEqualTo(report(team.a).getJsonArray("templates"));
        assertThat(report(team.c).getJsonObject("total").getInt("sent")).as("another team's salesperson sees none of it").isZero();

        Api.Reply csv = team.as(team.a).get("api/reports/responses.csv?" + period());
        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        assertThat(csv.body().lines().toList()).containsExactly(
                "template,locale,sent,clicked,replied,unsubscribed,bounced,ratings,average_rating,click_rate,reply_rate",
                "problem-check-in,de,1,0,0,0,0,1,4.0,0.0,0.0",
                "thank-you-anniversary,en,4,1,1,1,1,0,,0.25,0.25",
                "TOTAL,,5,1,1,1,1,1,4.0,0.2,0.2");
    }

    @Test
    void thePeriodIsCheckedAndNamedInTheAnswer() {
        Api.Reply backwards = team.as(team.a).get("api/reports/responses?from=2026-03-02&to=2026-03-01");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.body()).contains("to: 2026-03-01 is before from 2026-03-02");
        Api.Reply missing = team.as(team.a).get("api/reports/responses?to=2026-03-01");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("from");
        Api.Reply empty = team.as(team.a).get("api/reports/responses?from=2020-01-01&to=2020-01-31");
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.json().getJsonArray("templates")).isEmpty();
        assertThat(empty.json().getJsonObject("total").getInt("sent")).isZero();
    }

    private JsonObject report(String login) {
        Api.Reply reply = team.as(login).get("api/reports/responses?" + period());
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    /** Yesterday to tomorrow: today in any schedule zone. */
    private static String period() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return "from=" + today.minusDays(1) + "&to=" + today.plusDays(1);
    }

    private static JsonObject row(JsonObject report, String template, String locale) {
        return report.getJsonArray("templates").getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getString("template").equals(template) && r.getString("locale").equals(locale))
                .findFirst().orElseThrow(() -> new AssertionError("no " + template + "/" + locale + " in " + report));
    }

    private String customer(String locale) {
        String tag = Csv.unique("resp").toUpperCase();
        Api.Reply imported = api.asAdmin().postCsv("api/import/customers", Csv.lines(
                "external_id,company,preferred_name,email,time_zone,locale,owner",
                tag + ",Report AG,Rolf," + tag.toLowerCase() + "@customers.example,Europe/Berlin," + locale + "," + team.a));
        assertThat(imported.json().getInt("created")).as(imported.toString()).isEqualTo(1);
        return tag;
    }

    private MimeMessage send(String customer, String template, String fields) {
        Api.Reply reply = api.asAdmin().postJson("api/outbox", "{\"template\":\"" + template + "\",\"customer\":\"" + customer
                + "\",\"fields\":" + fields + "}");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        int id = reply.json().getInt("id");
        Eventually.soon().until(() -> api.asAdmin().get("api/outbox/" + id).json().getString("status").equals("SENT"));
        return Mailbox.single(customer.toLowerCase() + "@customers.example");
    }

    /** A customer's answer to the message {@code messageId}, as their mail program writes it. */
    private static String reply(String messageId, String from) {
        return """
                Message-ID: <%s@customers.example>
                From: %s
                To: replies@rapport.test
                Subject: Re: Happy anniversary
                In-Reply-To: %s
                References: %s
                MIME-Version: 1.0
                Content-Type: text/plain; charset=UTF-8

                Thank you, let us talk next week.
                """.formatted(java.util.UUID.randomUUID(), from, messageId, messageId);
    }

    /** Into the reply mailbox, as a mail server would deliver it. */
    private static void deliver(String email) throws Exception {
        com.icegreen.greenmail.util.GreenMail greenMail = TestMailServer.greenMail();
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty("mail.smtp.host", "127.0.0.1");
        properties.setProperty("mail.smtp.port", Integer.toString(greenMail.getSmtp().getPort()));
        jakarta.mail.Session session = jakarta.mail.Session.getInstance(properties);
        MimeMessage message = new MimeMessage(session, new java.io.ByteArrayInputStream(email.getBytes(StandardCharsets.UTF_8)));
        try (jakarta.mail.Transport transport = session.getTransport("smtp")) {
            transport.connect();
            transport.sendMessage(message, new jakarta.mail.Address[]{
                    new jakarta.mail.internet.InternetAddress(TestMailServer.REPLY_MAILBOX)});
        }
    }

    private void followFirst(MimeMessage message, String kind) throws Exception {
        assertThat(api.anonymous().get(links(message, kind).get(0)).status()).isEqualTo(302);
    }

    private static List<String> links(MimeMessage message, String kind) throws Exception {
        String html = (String) ((Multipart) message.getContent()).getBodyPart(1).getContent();
        return LINK.matcher(html).results().map(m -> m.group(1)).filter(l -> l.startsWith(kind)).toList();
    }
}
