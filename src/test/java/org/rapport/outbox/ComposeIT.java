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
import org.rapport.platform.web.Params;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/outbox} from the side of a salesperson who wants to put their own words, links or volume under the
 * company's name: only a template's declared plain-text fields get in, links are Rapport's alone, and a login composes
 * at most {@code rapport.mail.compose.per-login-per-day} emails a UTC day, whatever its role (the shared test server
 * runs with a cap of its own, {@code rapport.test.compose.per-login-per-day} in the build, as its tests compose
 * more than a day's default as the one admin login).
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
    void aSalespersonComposesAtMostTheDailyCap() {
        Api salesperson = team.as(team.a);
        assertThat(compose(team.a, team.customerOfA, "thank-you-anniversary", "{\"years\":\"2\",\"links\":{\"x\":\"y\"}}")
                .status()).as("a refused request costs nothing").isEqualTo(400);
        composeUpToTheCap(salesperson);

        Api.Reply oneMore = salesperson.postJson("api/outbox", askedFor("over"));
        Api.Reply again = salesperson.postJson("api/outbox", askedFor("k7"));
        Api.Reply colleague = team.as(team.b).postJson("api/outbox", "{\"template\":\"thank-you-anniversary\",\"customer\":\""
                + team.customerOfB + "\",\"fields\":{\"years\":\"2\"},\"not_before\":\"" + NEVER + "\"}");

        assertRefusedForToday(oneMore, team.a);
        assertThat(again.status()).as("the same key returns the first message, counted once").isEqualTo(200);
        assertThat(colleague.status()).as("another login has its own count").isEqualTo(201);
        List<JsonObject> queued = api.asAdmin().get("api/outbox?customer=" + team.customerOfA + "&limit=" + Params.MAX_LIMIT)
                .array().getValuesAs(JsonObject.class);
        assertThat(queued).hasSize(CAP);
    }

    @Test
    void anAdminLoginIsHeldToTheSameDailyCap() {
        // a login of its own: the shared admin login's count belongs to every other test of the run
        String username = Csv.unique("admin");
        Api.Reply created = api.asAdmin().postJson("api/users", "{\"username\":\"" + username + "\",\"password\":\""
                + Team.PASSWORD + "\",\"role\":\"ADMIN\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Api admin = api.as(username, Team.PASSWORD);
        composeUpToTheCap(admin);

        Api.Reply oneMore = admin.postJson("api/outbox", askedFor("over"));

        assertRefusedForToday(oneMore, username);
    }

    /** The cap the shared test server runs with ({@code RAPPORT_MAIL_COMPOSE_PER_LOGIN_PER_DAY}, set by the build). */
    private static final int CAP = Integer.parseInt(System.getProperty("rapport.test.compose.per-login-per-day"));
    private static final Instant NEVER = Instant.now().plus(400, ChronoUnit.DAYS); // queued, never due during the run

    /** An answer the customer asked for: the daily count per login is the question here, not the cap per customer. */
    private String askedFor(String idempotencyKey) {
        return "{\"template\":\"request-reply\",\"customer\":\"" + team.customerOfA
                + "\",\"fields\":{\"request\":{\"summary\":\"Prices\",\"answer\":\"See the list\"}},\"not_before\":\""
                + NEVER + "\",\"idempotency_key\":\"" + idempotencyKey + "\"}";
    }

    /** The login composes its whole day's worth, four requests at a time (the count is one row, locked per request). */
    private void composeUpToTheCap(Api login) {
        ExecutorService four = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> replies = new ArrayList<>();
            for (int i = 1; i <= CAP; i++) {
                String key = "k" + i;
                replies.add(four.submit(() -> login.postJson("api/outbox", askedFor(key)).status()));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> reply : replies) {
                statuses.add(reply.get(2, TimeUnit.MINUTES));
            }
            assertThat(statuses).as("each of the day's %d emails", CAP).hasSize(CAP).containsOnly(201);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError(e);
        } finally {
            four.shutdownNow();
        }
    }

    private static void assertRefusedForToday(Api.Reply reply, String username) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(429);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().getString("detail"))
                .isEqualTo("A login composes at most " + CAP + " emails a day (UTC); " + username + " has reached that today.");
        long untilMidnight = Instant.now().until(LocalDate.now(ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC), ChronoUnit.SECONDS);
        assertThat(Long.parseLong(reply.header("Retry-After"))).isBetween(1L, untilMidnight + 5);
    }

    @Test
    void theCapOfTwoOutreachEmailsInSevenDaysCountsAndHoldsEveryEmailWhoeverQueuedIt() {
        Instant tomorrow = Instant.now().plus(1, ChronoUnit.DAYS);
        Api.Reply byAdmin = api.asAdmin().postJson("api/outbox", "{\"template\":\"thank-you-anniversary\",\"customer\":\""
                + team.customerOfA + "\",\"fields\":{\"years\":\"2\"},\"not_before\":\"" + tomorrow + "\"}");
        Api.Reply first = compose(team.a, team.customerOfA, "reward-notice", "{\"reward\":{\"description\":\"A voucher\"}}");
        Api.Reply second = compose(team.a, team.customerOfA, "thank-you-anniversary", "{\"years\":\"3\"}");
        Api.Reply secondByAdmin = api.asAdmin().postJson("api/outbox", "{\"template\":\"reward-notice\",\"customer\":\""
                + team.customerOfA + "\",\"fields\":{\"reward\":{\"description\":\"A voucher\"}}}");
        Api.Reply asked = compose(team.a, team.customerOfA, "request-reply",
                "{\"request\":{\"summary\":\"Your opening hours\",\"answer\":\"Nine to five, Monday to Friday\"}}");

        assertThat(byAdmin.status()).as(byAdmin.toString()).isEqualTo(201);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(second.status()).as(second.toString()).isEqualTo(409);
        assertThat(second.contentType()).startsWith("application/problem+json");
        assertThat(second.json().getString("detail")).isEqualTo("customer: already 2 outreach emails in the last 7 days, "
                + "the most the rule contact.max_emails_per_7_days allows (2); mail the customer asked for ([request-reply]) "
                + "is not counted.");
        assertThat(secondByAdmin.status()).as("an admin login is held to the cap too: " + secondByAdmin).isEqualTo(409);
        assertThat(secondByAdmin.json().getString("detail")).isEqualTo(second.json().getString("detail"));
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
