package org.rapport.outbox;

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

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/outbox} from the side of a salesperson who wants to put their own words, links or volume under the
 * company's name: only a template's declared plain-text fields get in, links are Rapport's alone, and a login composes
 * at most {@code rapport.mail.compose.per-login-per-day} (50) emails a UTC day.
 */
class ComposeIT {

    private static final Pattern HREF = Pattern.compile("href=\"([^\"]*)\"");

    Api api;
    Team team;

    @BeforeEach
    void team() {
        api = TestServer.api();
        team = new Team(api);
    }

    @Test
    void aCallerCannotPutALinkIntoACustomerEmail() {
        Api.Reply link = compose(team.a, team.customerOfA, "thank-you-anniversary",
                "{\"years\":\"2\",\"links\":{\"website\":\"https://evil.example/login\"}}");
        Api.Reply unsubscribe = compose(team.a, team.customerOfA, "thank-you-anniversary",
                "{\"years\":\"2\",\"links.unsubscribe\":\"https://evil.example/u\"}");
        Api.Reply script = compose(team.a, team.customerOfA, "problem-follow-up",
                "{\"problem\":{\"summary\":\"Please confirm: javascript:alert(document.cookie)\"}}");
        Api.Reply inText = compose(team.a, team.customerOfA, "reward-notice",
                "{\"reward\":{\"description\":\"A voucher, redeem at https://evil.example/pay\"}}");

        assertThat(link.status()).as(link.toString()).isEqualTo(400);
        assertThat(link.contentType()).startsWith("application/problem+json");
        assertThat(link.json().getString("detail"))
                .isEqualTo("fields.links.website: the links in an email are made by Rapport; a caller cannot set them.");
        assertThat(unsubscribe.status()).isEqualTo(400);
        assertThat(unsubscribe.json().getString("detail")).startsWith("fields.links.unsubscribe: ");
        assertThat(script.status()).isEqualTo(400);
        assertThat(script.json().getString("detail")).isEqualTo("fields.problem.summary: must be plain text without links "
                + "('javascript:'); every link in an email is made by Rapport.");
        assertThat(inText.status()).isEqualTo(400);
        assertThat(inText.json().getString("detail")).startsWith("fields.reward.description: must be plain text without links");
        assertThat(api.asAdmin().get("api/outbox?customer=" + team.customerOfA).array()).as("nothing enqueued").isEmpty();
    }

    @Test
    void undeclaredAndOverLongFieldsAreRefusedByName() {
        Api.Reply undeclared = compose(team.a, team.customerOfA, "thank-you-purchase",
                "{\"purchase\":{\"amount\":\"1 EUR\",\"date\":\"today\"},\"customer\":{\"preferredName\":\"Dear winner\"}}");
        Api.Reply overLong = compose(team.a, team.customerOfA, "problem-check-in",
                "{\"problem\":{\"summary\":\"" + "x".repeat(201) + "\"}}");
        Api.Reply internal = compose(team.a, team.customerOfA, "manager-alert", "{}");

        assertThat(undeclared.status()).as(undeclared.toString()).isEqualTo(400);
        assertThat(undeclared.json().getString("detail")).isEqualTo("fields.customer.preferredName: thank-you-purchase has no "
                + "such field; it takes purchase.description, purchase.amount, purchase.date.");
        assertThat(overLong.status()).isEqualTo(400);
        assertThat(overLong.json().getString("detail")).isEqualTo("fields.problem.summary: at most 200 characters, not 201.");
        assertThat(internal.status()).isEqualTo(400);
        assertThat(internal.json().getString("detail")).startsWith("template: manager-alert is sent by Rapport itself");
        assertThat(api.asAdmin().get("api/outbox?customer=" + team.customerOfA).array()).as("nothing enqueued").isEmpty();
    }

    @Test
    void whatACallerWritesArrivesAsTextAndEveryLinkIsRapports() throws Exception {
        String tag = Csv.unique("cmp");
        String email = tag.toLowerCase() + "@customers.example";
        Api.Reply imported = api.asAdmin().postCsv("api/import/customers", Csv.lines(
                "external_id,company,preferred_name,email,time_zone,locale,owner",
                tag + ",Compose AG,Conny," + email + ",Europe/Berlin,en," + team.a));
        assertThat(imported.json().getInt("created")).as(imported.toString()).isEqualTo(1);

        Api.Reply queued = compose(team.a, tag, "problem-follow-up",
                "{\"problem\":{\"summary\":\"<a href=x>Late</a> delivery\",\"resolution\":\"Sent again\"}}");
        assertThat(queued.status()).as(queued.toString()).isEqualTo(201);
        int id = queued.json().getInt("id");
        Eventually.soon().until(() -> api.asAdmin().get("api/outbox/" + id).json().getString("status").equals("SENT"));

        MimeMessage message = Mailbox.single(email);
        String html = (String) ((Multipart) message.getContent()).getBodyPart(1).getContent();
        assertThat(html).contains("&lt;a href=x&gt;Late&lt;/a&gt; delivery").contains("Sent again");
        List<String> links = new ArrayList<>();
        for (Matcher m = HREF.matcher(html); m.find(); ) {
            links.add(m.group(1));
        }
        assertThat(links).isNotEmpty().allMatch(href -> href.startsWith("http://localhost:8080/") || href.equals("mailto:anna@example.com"),
                "a link made by Rapport");
    }

    @Test
    void aSalespersonComposesAtMostFiftyEmailsADay() {
        Instant never = Instant.now().plus(400, ChronoUnit.DAYS); // queued, never due during the run
        // answers the customer asked for: the daily count per login is the question here, not the cap per customer
        String body = "{\"template\":\"request-reply\",\"customer\":\"" + team.customerOfA
                + "\",\"fields\":{\"request\":{\"summary\":\"Prices\",\"answer\":\"See the list\"}},\"not_before\":\""
                + never + "\",\"idempotency_key\":\"";
        Api salesperson = team.as(team.a);
        assertThat(compose(team.a, team.customerOfA, "thank-you-anniversary", "{\"years\":\"2\",\"links\":{\"x\":\"y\"}}")
                .status()).as("a refused request costs nothing").isEqualTo(400);
        for (int i = 1; i <= 50; i++) {
            Api.Reply reply = salesperson.postJson("api/outbox", body + "k" + i + "\"}");
            assertThat(reply.status()).as("email %d: %s", i, reply).isEqualTo(201);
        }

        Api.Reply fiftyFirst = salesperson.postJson("api/outbox", body + "k51\"}");
        Api.Reply again = salesperson.postJson("api/outbox", body + "k7\"}");
        Api.Reply colleague = team.as(team.b).postJson("api/outbox", "{\"template\":\"thank-you-anniversary\",\"customer\":\""
                + team.customerOfB + "\",\"fields\":{\"years\":\"2\"},\"not_before\":\"" + never + "\"}");

        assertThat(fiftyFirst.status()).as(fiftyFirst.toString()).isEqualTo(429);
        assertThat(fiftyFirst.contentType()).startsWith("application/problem+json");
        assertThat(fiftyFirst.json().getString("detail"))
                .isEqualTo("A login composes at most 50 emails a day (UTC); " + team.a + " has reached that today.");
        long untilMidnight = Instant.now().until(LocalDate.now(ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC), ChronoUnit.SECONDS);
        assertThat(Long.parseLong(fiftyFirst.header("Retry-After"))).isBetween(1L, untilMidnight + 5);
        assertThat(again.status()).as("the same key returns the first message, counted once").isEqualTo(200);
        assertThat(colleague.status()).as("another login has its own count").isEqualTo(201);
        List<JsonObject> queued = api.asAdmin().get("api/outbox?customer=" + team.customerOfA).array().getValuesAs(JsonObject.class);
        assertThat(queued).hasSize(50);
    }

    @Test
    void theCapOfTwoOutreachEmailsInSevenDaysCountsEveryEmailWhoeverQueuedIt() {
        Instant tomorrow = Instant.now().plus(1, ChronoUnit.DAYS);
        Api.Reply byAdmin = api.asAdmin().postJson("api/outbox", "{\"template\":\"thank-you-anniversary\",\"customer\":\""
                + team.customerOfA + "\",\"fields\":{\"years\":\"2\"},\"not_before\":\"" + tomorrow + "\"}");
        Api.Reply first = compose(team.a, team.customerOfA, "reward-notice", "{\"reward\":{\"description\":\"A voucher\"}}");
        Api.Reply second = compose(team.a, team.customerOfA, "thank-you-anniversary", "{\"years\":\"3\"}");
        Api.Reply asked = compose(team.a, team.customerOfA, "request-reply",
                "{\"request\":{\"summary\":\"Your opening hours\",\"answer\":\"Nine to five, Monday to Friday\"}}");

        assertThat(byAdmin.status()).as(byAdmin.toString()).isEqualTo(201);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(second.status()).as(second.toString()).isEqualTo(409);
        assertThat(second.contentType()).startsWith("application/problem+json");
        assertThat(second.json().getString("detail")).isEqualTo("customer: already 2 outreach emails in the last 7 days, "
                + "the most the rule contact.max_emails_per_7_days allows (2); mail the customer asked for ([request-reply]) "
                + "is not counted.");
        assertThat(asked.status()).as("mail the customer asked for is not capped: " + asked).isEqualTo(201);
        assertThat(asked.json().getString("purpose")).as("and labelled as such").isEqualTo("REQUESTED");

        // the planner counts what callers composed: a large purchase draws no thank-you while the cap is reached
        Api.Reply purchase = api.asAdmin().postJson("api/purchases", "{\"external_id\":\"" + Csv.unique("buy") + "\",\"customer\":\""
                + team.customerOfA + "\",\"purchased_on\":\"" + LocalDate.now(java.time.ZoneId.of("Europe/Berlin")).minusDays(1)
                + "\",\"amount\":\"25000.00\",\"currency\":\"EUR\",\"description\":\"Fleet licence\"}");
        assertThat(purchase.status()).as(purchase.toString()).isIn(200, 201);
        assertThat(api.asAdmin().get("api/planned-touches?customer=" + team.customerOfA).array().getValuesAs(JsonObject.class))
                .noneMatch(t -> t.getString("channel").equals("EMAIL"));
        assertThat(api.asAdmin().get("api/outbox?customer=" + team.customerOfA).array().getValuesAs(JsonObject.class))
                .extracting(m -> m.getString("template"))
                .containsExactlyInAnyOrder("thank-you-anniversary", "reward-notice", "request-reply");
    }

    private Api.Reply compose(String login, String customer, String template, String fields) {
        return team.as(login).postJson("api/outbox", "{\"template\":\"" + template + "\",\"customer\":\"" + customer
                + "\",\"fields\":" + fields + "}");
    }
}
