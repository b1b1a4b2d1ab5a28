package org.rapport.netweaving;

import jakarta.json.JsonObject;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.rapport.testing.Api;
import org.rapport.testing.Browser;
import org.rapport.testing.BrowserExtension;
import org.rapport.testing.Csv;
import org.rapport.testing.Mailbox;
import org.rapport.testing.SendWindow;
import org.rapport.testing.Team;
import org.rapport.testing.TestServer;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rapport.testing.Eventually.soon;

/**
 * An introduction from approval to INTRODUCED, driven only through the emails that arrive in GreenMail and the consent
 * links they carry. The matcher is not used: set-up inserts a PROPOSED introduction (and its history's first event)
 * over JDBC, as the matcher would store it, and the owners' manager approves it through the API.
 */
class IntroductionConsentIT {

    private static final Pattern MET_LINK = Pattern.compile("/met/([a-z2-7]+)\\?answer=yes");
    private static final Pattern CONSENT_LINK = Pattern.compile("/consent/([a-z2-7]+)\\?answer=yes");

    Api api;
    Team team;
    String needs;    // the customer who needs logistics (asked first), owned by a, German
    String offers;   // the customer who offers it, owned by b, English
    String needsEmail;
    String offersEmail;

    @BeforeEach
    void customers() {
        api = TestServer.api();
        team = new Team(api);
        needs = team.tag + "-NEED";
        offers = team.tag + "-OFFER";
        needsEmail = needs.toLowerCase(Locale.ROOT) + "@needs.example";
        offersEmail = offers.toLowerCase(Locale.ROOT) + "@offers.example";
        Api.Reply imported = api.asAdmin().postCsv("api/import/customers", Csv.lines(
                "external_id,company,contact_first_name,contact_last_name,preferred_name,email,time_zone,locale,region,owner,email_ok,intro_ok",
                needs + ",Druckerei Nadel GmbH,Nora,Nadel,Nora,"  + needsEmail + ",Europe/Berlin,de,DE-BE," + team.a + ",true,true",
                offers + ",Oxford Freight Ltd,Oliver,Ox,Oli," + offersEmail + ",Europe/London,en,GB," + team.b + ",true,true"));
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        assertThat(imported.json().getInt("created")).as(imported.toString()).isEqualTo(2);
    }

    @Test
    void bothSayYesAndEachIsIntroducedToTheOtherWithTheOwnersInCopy() throws Exception {
        // a mutual fit: the second needs labels, which the first offers
        String labels = "Labels and print runs " + team.tag;
        long id = approvedIntroduction("CONSENT_REQUESTED_FIRST", category("labels", labels));
        SendWindow.open(needs);

        MimeMessage firstRequest = awaitOne(needsEmail, "Darf ich Ihnen jemanden vorstellen?");
        String firstText = text(firstRequest);
        assertThat(firstText).contains("Oxford Freight Ltd", "Logistics and freight").doesNotContain("Oliver", offersEmail, "GB");
        assertThat(firstText).as("what the second is looking for, before they consented").doesNotContain(labels, "Labels");
        assertThat(Mailbox.to(offersEmail)).as("the second is asked only after the first said yes").isEmpty();
        String firstToken = token(firstText);

        // a scanner (or the customer) opens the link: the question, nothing decided
        Api.Reply shown = api.anonymous().get("consent/" + firstToken + "?answer=yes");
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.body()).contains("Oxford Freight Ltd", "lang=\"de\"").doesNotContain("Labels");
        assertThat(stage(id)).isEqualTo("CONSENT_REQUESTED_FIRST");

        Api.Reply yes = answer(firstToken, "yes");
        assertThat(yes.status()).as(yes.body()).isEqualTo(200);
        assertThat(stage(id)).isEqualTo("CONSENT_REQUESTED_SECOND");
        SendWindow.open(offers);

        MimeMessage secondRequest = awaitOne(offersEmail, "May I introduce you to someone, Oli?");
        String secondText = text(secondRequest);
        assertThat(secondText).contains("Druckerei Nadel GmbH").doesNotContain("Nora", needsEmail);
        assertThat(secondText).as("the first consented: what each could do for the other")
                .contains("they offer " + labels + ", which you are looking for", "looking for Logistics and freight, which you offer");
        String secondToken = token(secondText);
        Api.Reply secondYes = answer(secondToken, "yes");
        assertThat(secondYes.status()).isEqualTo(200);
        assertThat(secondYes.body()).as("the introduction waits for the window").contains("during business hours on a working day")
                .doesNotContain("on its way");

        awaitIntroduced(id);
        MimeMessage toNeeds = awaitOne(needsEmail, "Darf ich vorstellen: Oliver Ox");
        MimeMessage toOffers = awaitOne(offersEmail, "Introduction: meet Nora Nadel");
        for (MimeMessage introduction : List.of(toNeeds, toOffers)) {
            assertThat(addresses(introduction.getRecipients(Message.RecipientType.CC)))
                    .containsExactlyInAnyOrder("anna@example.com", "bernd@example.com");
            assertThat(addresses(introduction.getReplyTo())).containsExactlyInAnyOrder(needsEmail, offersEmail);
            assertThat(introduction.getHeader("List-Unsubscribe")).isNull();
        }
        assertThat(text(toNeeds)).contains("Oliver Ox", "Oxford Freight Ltd", offersEmail, "needs logistics");
        assertThat(text(toOffers)).contains("Nora Nadel", "Druckerei Nadel GmbH", needsEmail);
        assertThat(toNeeds.getFrom()[0].toString()).contains("Anna Seller");
        assertThat(toOffers.getFrom()[0].toString()).contains("Bernd Seller");

        // the thank-you note for consenting, one each, queued under the thank-you rules
        for (String customer : List.of(needs, offers)) {
            assertThat(api.asAdmin().get("api/outbox?customer=" + customer).array().getValuesAs(JsonObject.class))
                    .extracting(m -> m.getString("template")).containsOnlyOnce("thank-you-introduction");
        }
        JsonObject history = api.asAdmin().get("api/introductions/" + id).json();
        assertThat(history.getJsonArray("history").getValuesAs(JsonObject.class))
                .extracting(e -> e.getString("stage_to") + " by " + e.getString("actor"))
                .containsSubsequence("APPROVED by " + team.m, "CONSENT_REQUESTED_FIRST by rapport",
                        "CONSENT_REQUESTED_SECOND by customer:" + needs, "CONSENTED by customer:" + offers,
                        "INTRODUCED by rapport");

        // replayed: the same links again change nothing
        assertThat(answer(firstToken, "no").status()).isEqualTo(409);
        assertThat(answer(secondToken, "no").status()).isEqualTo(409);
        assertThat(stage(id)).isEqualTo("INTRODUCED");
    }

    @Test
    void whenTheSecondSaysNoTheFirstLearnsNothingMore() throws Exception {
        long id = approvedIntroduction();
        SendWindow.open(needs);
        String firstToken = token(text(awaitOne(needsEmail, "Darf ich Ihnen jemanden vorstellen?")));
        Api.Reply yes = answer(firstToken, "yes");
        assertThat(yes.body()).contains("Hören Sie nichts von uns");
        SendWindow.open(offers);
        String secondToken = token(text(awaitOne(offersEmail, "May I introduce you to someone, Oli?")));

        Api.Reply no = answer(secondToken, "no");

        assertThat(no.status()).isEqualTo(200);
        assertThat(no.body()).contains("We will not pass anything on");
        assertThat(stage(id)).isEqualTo("CONSENT_DECLINED");
        JsonObject history = api.asAdmin().get("api/introductions/" + id).json();
        assertThat(history.getJsonArray("history").getValuesAs(JsonObject.class))
                .extracting(e -> e.getString("stage_to") + " by " + e.getString("actor"))
                .endsWith("CONSENT_DECLINED by customer:" + offers);
        // whatever follows an answer is queued in its transaction: nothing more waits for either customer
        assertThat(outboxTemplates(needs)).containsExactly("introduction-consent");
        assertThat(outboxTemplates(offers)).containsExactly("introduction-consent");
        assertThat(Mailbox.to(needsEmail)).as("the first got only its own request").hasSize(1);
        // and their link is closed now, without telling why
        Api.Reply again = api.anonymous().get("consent/" + firstToken + "?answer=yes");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("nicht mehr offen").doesNotContain("Oxford", "abgelehnt");
    }

    @Test
    @ExtendWith(BrowserExtension.class)
    void eachSideAnswersOnTheConsentPageInABrowserInTheirOwnLanguage(Browser browser) throws Exception {
        long id = approvedIntroduction();
        SendWindow.open(needs);
        browser.open("consent/" + token(text(awaitOne(needsEmail, "Darf ich Ihnen jemanden vorstellen?"))) + "?answer=yes");
        assertThat(browser.find(By.tagName("html")).getAttribute("lang")).isEqualTo("de");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Darf ich Sie mit Oxford Freight Ltd bekannt machen?");
        browser.check("consent-de");

        browser.find(By.id("yes")).click();

        assertThat(browser.waitFor(By.id("result")).getText()).isEqualTo("Danke, wir melden uns");
        browser.check("consent-yes-de");
        assertThat(stage(id)).isEqualTo("CONSENT_REQUESTED_SECOND");

        SendWindow.open(offers);
        browser.open("consent/" + token(text(awaitOne(offersEmail, "May I introduce you to someone, Oli?"))) + "?answer=yes");
        assertThat(browser.find(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        browser.check("consent");

        browser.find(By.id("no")).click();

        assertThat(browser.waitFor(By.id("result")).getText()).isEqualTo("Understood");
        browser.check("consent-no");
        assertThat(stage(id)).isEqualTo("CONSENT_DECLINED");
    }

    @Test
    void forgedTamperedAndOtherPartyTokensAreRefusedAndChangeNothing() throws Exception {
        long id = approvedIntroduction();
        SendWindow.open(needs);
        String firstToken = token(text(awaitOne(needsEmail, "Darf ich Ihnen jemanden vorstellen?")));

        // altered in one character, made up, or no token at all: 400, whatever the method
        char last = firstToken.charAt(firstToken.length() - 2);
        String tampered = firstToken.substring(0, firstToken.length() - 2) + (last == 'a' ? 'b' : 'a')
                + firstToken.charAt(firstToken.length() - 1);
        for (String bad : List.of(tampered, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "")) {
            assertThat(api.anonymous().get("consent/" + bad + "?answer=yes").status()).isIn(400, 404);
            assertThat(answer(bad, "yes").status()).isIn(400, 404);
        }
        // a POST without an answer decides nothing
        assertThat(api.anonymous().post("consent/" + firstToken, "application/x-www-form-urlencoded",
                new byte[0]).status()).isEqualTo(400);
        assertThat(stage(id)).isEqualTo("CONSENT_REQUESTED_FIRST");

        // the first says yes; their token used again, now that the second is asked, is the other party's turn: refused
        assertThat(answer(firstToken, "yes").status()).isEqualTo(200);
        assertThat(answer(firstToken, "no").status()).isEqualTo(409);
        assertThat(stage(id)).isEqualTo("CONSENT_REQUESTED_SECOND");
        SendWindow.open(offers);
        // the second's token says nothing about the first's side
        String secondToken = token(text(awaitOne(offersEmail, "May I introduce you to someone, Oli?")));
        assertThat(secondToken).isNotEqualTo(firstToken);
        assertThat(stage(id)).isEqualTo("CONSENT_REQUESTED_SECOND");
    }

    @Test
    void unansweredRequestsGetOneReminderThenExpire() throws Exception {
        toTheDay(); // the reminder is queued for now, so it leaves later than the moment stored
        long id = approvedIntroduction();
        SendWindow.open(needs);
        String firstToken = token(text(awaitOne(needsEmail, "Darf ich Ihnen jemanden vorstellen?")));

        // set-up: the request went out 20 days ago (the shared server's clock is the real one); the job runs every 2 s
        // (the outbox's row says so too: the steps job counts from when the request left, as the outbox recorded it)
        remindedOnceTheRequestLeftDaysAgo(id, 20);
        assertThat(stage(id)).isEqualTo("CONSENT_REQUESTED_FIRST");
        assertThat(outboxTemplates(needs)).containsExactly("introduction-consent", "introduction-consent");
        // the reminder leaves (its deadline counts from then, so the set-up below waits for it). Outside the customer's
        // window the reminder was planned for the window's next opening, and reminded_at says so; the set-up opens the
        // window now, so it moves that planned moment to now first, as if the reminder had been planned in an open window
        // (without this, after the window's close the reminder "leaves" before its planned moment, which cannot happen)
        sql("UPDATE introduction SET reminded_at = LEAST(reminded_at, UTC_TIMESTAMP(3)) WHERE id = " + id);
        SendWindow.open(needs);
        soon().untilAsserted(() -> assertThat(message(needs, "consent-reminder:" + id + ":FIRST").getString("status")).isEqualTo("SENT"));
        soon().untilAsserted(() -> assertThat(instant(id, "reminded_at")).as("counted from when the reminder left")
                .isEqualTo(Instant.parse(message(needs, "consent-reminder:" + id + ":FIRST").getString("sent_at"))));

        // set-up: the request and the reminder went out long enough ago (weeks: holidays cannot make up the difference);
        // applied until it expired, where undone (a delivery's follow-up may still come after it: see backdated)
        soon().untilAsserted(() -> {
            backdated("outbox_message", "sent_at", 40, "idempotency_key = 'consent:" + id + ":FIRST'");
            backdated("outbox_message", "sent_at", 20, "idempotency_key = 'consent-reminder:" + id + ":FIRST'");
            backdated("introduction", "consent_requested_at", 40, "id = " + id + " AND stage = 'CONSENT_REQUESTED_FIRST'");
            backdated("introduction", "reminded_at", 20, "id = " + id + " AND stage = 'CONSENT_REQUESTED_FIRST'");
            assertThat(stage(id)).isEqualTo("EXPIRED");
        });
        JsonObject history = api.asAdmin().get("api/introductions/" + id).json();
        assertThat(history.getJsonArray("history").getValuesAs(JsonObject.class))
                .extracting(e -> e.getString("kind") + " " + e.getString("stage_to") + " by " + e.getString("actor"))
                .containsSubsequence("MOVED CONSENT_REQUESTED_FIRST by rapport", "REMINDED CONSENT_REQUESTED_FIRST by rapport",
                        "MOVED EXPIRED by rapport");
        assertThat(outboxTemplates(needs)).as("one reminder only").hasSize(2);
        assertThat(answer(firstToken, "yes").status()).isEqualTo(409);
        assertThat(stage(id)).isEqualTo("EXPIRED");
    }

    @Test
    @ExtendWith(BrowserExtension.class)
    void daysAfterTheIntroductionEachIsAskedIfTheyMetAndOneClickRecordsIt(Browser browser) throws Exception {
        long id = approvedIntroduction();
        SendWindow.open(needs);
        assertThat(answer(token(text(awaitOne(needsEmail, "Darf ich Ihnen jemanden vorstellen?"))), "yes").status()).isEqualTo(200);
        SendWindow.open(offers);
        assertThat(answer(token(text(awaitOne(offersEmail, "May I introduce you to someone, Oli?"))), "yes").status()).isEqualTo(200);
        awaitIntroduced(id);

        // set-up: introduced 15 days ago; the job (every 2 s) queues the question inside each customer's send window,
        // which the set-up then opens now, whatever the hour of this run
        sql("UPDATE introduction SET stage_since = UTC_TIMESTAMP(3) - INTERVAL 15 DAY, "
                + "introduced_at = UTC_TIMESTAMP(3) - INTERVAL 15 DAY WHERE id = " + id);
        soon().untilAsserted(() -> assertThat(outboxTemplates(needs)).contains("introduction-follow-up"));
        assertThat(outboxTemplates(offers)).containsOnlyOnce("introduction-follow-up");
        SendWindow.open(needs);
        SendWindow.open(offers);
        // the question goes on the first customer's salesperson's list too
        assertThat(followUpCalls(needs)).singleElement().satisfies(t -> {
            assertThat(t.getString("reason")).isEqualTo("Call Druckerei Nadel GmbH: introduced to Oxford "
                    + "Freight Ltd 15 days ago, did they meet? Record the outcome of introduction " + id + ".");
            assertThat(t.getString("status")).isEqualTo("OPEN");
        });
        assertThat(api.asAdmin().get("api/planned-touches?customer=" + offers).array().getValuesAs(JsonObject.class))
                .noneMatch(t -> t.getString("rule").equals("INTRODUCTION_FOLLOW_UP"));
        String needsToken = metToken(text(awaitOne(needsEmail, "Haben Sie Oliver Ox getroffen?")));
        String offersToken = metToken(text(awaitOne(offersEmail, "Did you meet Nora Nadel, Oli?")));

        Api.Reply shown = api.anonymous().get("met/" + offersToken + "?answer=no");
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.body()).contains("Druckerei Nadel GmbH");
        // a POST without an answer asks again and decides nothing
        Api.Reply unanswered = api.anonymous().post("met/" + offersToken, "application/x-www-form-urlencoded", new byte[0]);
        assertThat(unanswered.status()).isEqualTo(400);
        assertThat(unanswered.body()).contains("id=\"missing\"", "Please choose yes or not yet.");
        assertThat(met(offersToken, "no").status()).isEqualTo(200);
        assertThat(stage(id)).isEqualTo("INTRODUCED");
        assertThat(met(offersToken, "yes").status()).as("answered once").isEqualTo(409);

        // the first answers in a browser, on the page in German
        browser.open("met/" + needsToken + "?answer=yes");
        assertThat(browser.find(By.tagName("h1")).getText())
                .isEqualTo("Haben Sie sich mit Oxford Freight Ltd getroffen oder gesprochen?");
        browser.check("met-de");
        browser.find(By.id("yes")).click();
        assertThat(browser.waitFor(By.id("result")).getText()).isEqualTo("Danke für Ihre Antwort");
        browser.check("met-answered-de");
        assertThat(stage(id)).isEqualTo("MET");
        assertThat(followUpCalls(needs)).singleElement().satisfies(t -> assertThat(t.getString("status"))
                .as("the call is no longer needed once they said they met").isEqualTo("DONE"));
        assertThat(met(needsToken, "yes").status()).isEqualTo(409);
        assertThat(api.anonymous().get("met/" + needsToken.substring(1) + "?answer=yes").status()).isEqualTo(400);
        JsonObject history = api.asAdmin().get("api/introductions/" + id).json();
        assertThat(history.getJsonArray("history").getValuesAs(JsonObject.class))
                .extracting(e -> e.getString("kind") + " " + e.getString("stage_to") + " by " + e.getString("actor"))
                .containsSubsequence("MOVED INTRODUCED by rapport", "ASKED_IF_MET INTRODUCED by rapport",
                        "NOT_MET_YET INTRODUCED by customer:" + offers, "MOVED MET by customer:" + needs);

        // the deal, recorded by the manager, proposes the reward to the customer whose business was sent; the
        // manager approves it and it is fulfilled with the notice
        Api.Reply deal = team.as(team.m).postJson("api/introductions/" + id + "/outcome",
                "{\"outcome\":\"DEAL_CLOSED\",\"value\":8400,\"currency\":\"eur\"}");
        assertThat(deal.status()).as(deal.toString()).isEqualTo(200);
        assertThat(deal.json().getString("stage")).isEqualTo("DEAL_CLOSED");
        assertThat(deal.json().getString("deal_currency")).isEqualTo("EUR");
        JsonObject reward = team.as(team.m).get("api/rewards?status=PROPOSED").array().getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getString("customer").equals(needs)).findFirst().orElseThrow();
        assertThat(reward.getString("kind")).isEqualTo("INTRODUCTION_CONVERTED");
        assertThat(reward.getString("subject")).isEqualTo("introduction " + id);
        assertThat(reward.getString("proposed_by")).as("whoever recorded the deal").isEqualTo(team.m);
        assertThat(team.as(team.a).postJson("api/rewards/" + reward.getInt("id") + "/approve", "").status())
                .as("not by the customer's own salesperson").isEqualTo(403);
        assertThat(team.as(team.m).postJson("api/rewards/" + reward.getInt("id") + "/approve", "").status())
                .as("not by the manager who recorded the deal that caused it").isEqualTo(403);
        Api.Reply approved = api.asAdmin().postJson("api/rewards/" + reward.getInt("id") + "/approve", "");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        Api.Reply fulfilled = team.as(team.a).postJson("api/rewards/" + reward.getInt("id") + "/fulfil",
                "{\"given\":\"GIFT\",\"description\":\"ein Präsentkorb\"}");
        assertThat(fulfilled.status()).as(fulfilled.toString()).isEqualTo(200);
        try (Connection db = db(); Statement now = db.createStatement()) {
            now.executeUpdate("UPDATE outbox_message SET not_before = UTC_TIMESTAMP(3) WHERE template = 'reward-notice' "
                    + "AND status = 'PENDING' AND idempotency_key = 'reward:" + reward.getInt("id") + "'");
        }
        soon().untilAsserted(() -> assertThat(outboxTemplates(needs)).contains("reward-notice"));
        soon().until(() -> Mailbox.to(needsEmail).stream().anyMatch(m -> {
            try {
                return text(m).contains("ein Präsentkorb") && text(m).contains("Oxford Freight Ltd");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }));
    }

    @Test
    void mailQueuedAtNightWaitsForTheCustomersWindowAndTheDeadlinesCountFromItsOpening() throws Exception {
        // both customers in a zone where it is night now: every email waits for their window's next opening
        SendWindow.Hours hours = SendWindow.hours(api);
        ZoneId night = SendWindow.zoneWhereClosed(hours);
        Api.Reply moved = api.asAdmin().postCsv("api/import/customers", Csv.lines(
                "external_id,company,contact_first_name,contact_last_name,preferred_name,email,time_zone,locale,region,owner,email_ok,intro_ok",
                needs + ",Druckerei Nadel GmbH,Nora,Nadel,Nora," + needsEmail + "," + night.getId() + ",de,DE-BE," + team.a + ",true,true",
                offers + ",Oxford Freight Ltd,Oliver,Ox,Oli," + offersEmail + "," + night.getId() + ",en,GB," + team.b + ",true,true"));
        assertThat(moved.json().getInt("updated")).as(moved.toString()).isEqualTo(2);

        // a mutual fit: the second needs labels, which the first offers (the first's reminder must not say so either)
        String labels = "Labels and print runs " + team.tag;
        long id = approvedIntroduction("CONSENT_REQUESTED_FIRST", category("labels", labels));
        Instant needsOpening = SendWindow.nextOpening(api, hours, Instant.now(), night, "DE-BE");
        assertThat(needsOpening).isAfter(Instant.now());
        assertThat(needsOpening.atZone(night).toLocalTime()).as("an opening of the window, by the test's own reckoning")
                .isEqualTo(hours.start());
        assertThat(waiting(needs, "consent:" + id + ":FIRST")).as("the request, at the window's opening").isEqualTo(needsOpening);
        assertThat(instant(id, "consent_requested_at")).as("the deadlines count from when it leaves").isEqualTo(needsOpening);

        // the request leaves when the window opens
        SendWindow.open(needs);
        String firstToken = token(text(awaitOne(needsEmail, "Darf ich Ihnen jemanden vorstellen?")));

        // set-up: the request went out 20 days ago; the reminder the job queues now waits for the window too
        // (the outbox's row says so too: the steps job counts from when the request left, as the outbox recorded it)
        remindedOnceTheRequestLeftDaysAgo(id, 20);
        Instant reminderOpening = SendWindow.nextOpening(api, hours, Instant.now(), night, "DE-BE");
        assertThat(waiting(needs, "consent-reminder:" + id + ":FIRST")).isEqualTo(reminderOpening);
        assertThat(instant(id, "reminded_at")).as("the expiry counts from when the reminder leaves").isEqualTo(reminderOpening);
        assertThat(Mailbox.subjects(needsEmail)).as("no reminder at night").containsExactly("Darf ich Ihnen jemanden vorstellen?");

        // the reminder leaves when the window opens; it hides the second's needs as the request does
        SendWindow.open(needs);
        String reminderText = text(awaitOne(needsEmail, "Erinnerung: Darf ich Ihnen jemanden vorstellen?"));
        assertThat(reminderText).contains("Oxford Freight Ltd", "Logistics and freight").doesNotContain(labels, "Labels");

        // the first says yes at night: the second's request waits for the second's window
        assertThat(answer(firstToken, "yes").status()).isEqualTo(200);
        Instant offersOpening = SendWindow.nextOpening(api, hours, Instant.now(), night, "GB");
        assertThat(waiting(offers, "consent:" + id + ":SECOND")).isEqualTo(offersOpening);
        assertThat(instant(id, "consent_requested_at")).isEqualTo(offersOpening);

        // and so do the introductions once the second said yes; until both have left it is not INTRODUCED
        SendWindow.open(offers);
        assertThat(answer(token(text(awaitOne(offersEmail, "May I introduce you to someone, Oli?"))), "yes").status()).isEqualTo(200);
        assertThat(stage(id)).as("both copies wait for the morning").isEqualTo("CONSENTED");
        assertThat(waiting(needs, "introduction:" + id + ":")).isEqualTo(SendWindow.nextOpening(api, hours, Instant.now(), night, "DE-BE"));
        assertThat(waiting(offers, "introduction:" + id + ":")).isEqualTo(SendWindow.nextOpening(api, hours, Instant.now(), night, "GB"));
        assertThat(outboxTemplates(needs)).as("thanked once introduced, not before").doesNotContain("thank-you-introduction");

        // one copy leaves: still not INTRODUCED while the other waits
        SendWindow.open(needs);
        awaitOne(needsEmail, "Darf ich vorstellen: Oliver Ox");
        soon().untilAsserted(() -> assertThat(copy(needs, id).getString("status")).isEqualTo("SENT"));
        assertThat(stage(id)).isEqualTo("CONSENTED");
        assertThat(waiting(offers, "introduction:" + id + ":")).isAfter(Instant.now());

        // the other leaves too: INTRODUCED as of the later one's sending, and only now the thank-you notes
        Thread.sleep(50); // the two copies leave at distinguishable moments
        SendWindow.open(offers);
        awaitIntroduced(id);
        Instant needsSent = Instant.parse(copy(needs, id).getString("sent_at"));
        Instant offersSent = Instant.parse(copy(offers, id).getString("sent_at"));
        assertThat(offersSent).isAfter(needsSent);
        JsonObject introduced = api.asAdmin().get("api/introductions/" + id).json();
        assertThat(Instant.parse(introduced.getString("introduced_at"))).isEqualTo(offersSent);
        assertThat(introduced.getJsonArray("history").getValuesAs(JsonObject.class))
                .filteredOn(e -> "INTRODUCED".equals(e.getString("stage_to"))).singleElement()
                .satisfies(e -> {
                    assertThat(e.getString("actor")).isEqualTo("rapport");
                    assertThat(Instant.parse(e.getString("occurred_at"))).as("when the later copy left").isEqualTo(offersSent);
                });
        for (String customer : List.of(needs, offers)) {
            assertThat(outboxTemplates(customer)).containsOnlyOnce("thank-you-introduction");
        }
        // every one of them is marked to keep to the window, so a retry or a deferral goes back into it
        assertThat(windowFlags(id)).containsOnlyKeys("consent:" + id + ":FIRST", "consent-reminder:" + id + ":FIRST",
                "consent:" + id + ":SECOND", "introduction:" + id + ":" + customerId(needs), "introduction:" + id + ":" + customerId(offers),
                "thank-you-introduction:" + id + ":" + customerId(needs), "thank-you-introduction:" + id + ":" + customerId(offers))
                .doesNotContainValue(false);
    }

    @Test
    void aConsentRequestThatLeavesLaterThanPlannedCountsItsDeadlinesFromWhenItLeft() throws Exception {
        SendWindow.Hours hours = SendWindow.hours(api);
        ZoneId night = SendWindow.zoneWhereClosed(hours);
        Api.Reply moved = api.asAdmin().postCsv("api/import/customers", Csv.lines(
                "external_id,company,contact_first_name,contact_last_name,preferred_name,email,time_zone,locale,region,owner,email_ok,intro_ok",
                needs + ",Druckerei Nadel GmbH,Nora,Nadel,Nora," + needsEmail + "," + night.getId() + ",de,DE-BE," + team.a + ",true,true"));
        assertThat(moved.json().getInt("updated")).as(moved.toString()).isEqualTo(1);
        long id = approvedIntroduction();

        // set-up: the request was planned for yesterday's opening and held since (retries, the throttle); it leaves now
        sql("UPDATE introduction SET consent_requested_at = UTC_TIMESTAMP(3) - INTERVAL 1 DAY WHERE id = " + id);
        SendWindow.open(needs);
        awaitOne(needsEmail, "Darf ich Ihnen jemanden vorstellen?");
        soon().untilAsserted(() -> assertThat(instant(id, "consent_requested_at"))
                .as("counted from when it left").isEqualTo(Instant.parse(message(needs, "consent:" + id + ":FIRST").getString("sent_at"))));
        assertThat(remindedAt(id)).isNull();
        assertThat(stage(id)).isEqualTo("CONSENT_REQUESTED_FIRST");
    }

    @Test
    void aCopyTheOutboxSuppressesAtItsSendingWithdrawsTheIntroductionAndTheOtherHearsNothing() throws Exception {
        long id = consentedAtNight();

        // set-up: the first customer's intro_ok turns false in the database (no suppression runs): the delivery sees it
        sql("UPDATE customer SET intro_ok = FALSE WHERE external_id = '" + needs + "'");
        SendWindow.open(needs);
        soon().untilAsserted(() -> assertThat(stage(id)).isEqualTo("WITHDRAWN"));
        assertThat(copy(needs, id).getString("status")).isEqualTo("SUPPRESSED");
        JsonObject other = copy(offers, id);
        assertThat(other.getString("status")).as("the other copy is taken back").isEqualTo("SUPPRESSED");
        assertThat(other.getString("last_error")).contains("withdrawn");
        JsonObject last = lastEvent(id);
        assertThat(last.getString("actor")).isEqualTo("rapport");
        assertThat(last.getString("note")).contains("the introduction to customer " + needs + " was not delivered",
                "SUPPRESSED", "intro_ok is false");
        assertThat(SendWindow.open(offers)).as("nothing left for the other").isZero();
        assertThat(outboxTemplates(needs)).doesNotContain("thank-you-introduction");
        assertThat(outboxTemplates(offers)).doesNotContain("thank-you-introduction");
        assertThat(Mailbox.subjects(offersEmail)).doesNotContain("Introduction: meet Nora Nadel");
    }

    @Test
    void aCopyThatFailsForGoodWithdrawsTheIntroduction() throws Exception {
        long id = consentedAtNight();

        // set-up: the second customer's address became one no message can be sent to (FAILED, never retried)
        sql("UPDATE customer SET email = 'oli at oxford@@' WHERE external_id = '" + offers + "'");
        SendWindow.open(offers);
        soon().untilAsserted(() -> assertThat(stage(id)).isEqualTo("WITHDRAWN"));
        assertThat(copy(offers, id).getString("status")).isEqualTo("FAILED");
        assertThat(copy(needs, id).getString("status")).as("the other copy is taken back").isEqualTo("SUPPRESSED");
        assertThat(lastEvent(id).getString("note")).contains("the introduction to customer " + offers + " was not delivered",
                "FAILED", "could not compose", "the copy to customer " + needs + ": taken back");
        assertThat(SendWindow.open(needs)).as("nothing left for the first").isZero();
        assertThat(Mailbox.subjects(needsEmail)).doesNotContain("Darf ich vorstellen: Oliver Ox");

        // the address is mended and an admin resends the failed copy: the introduction was withdrawn, so the check at
        // sending keeps it back (the first customer was told nothing, the second must not get the first's details)
        sql("UPDATE customer SET email = '" + offersEmail + "' WHERE external_id = '" + offers + "'");
        long failed = copy(offers, id).getJsonNumber("id").longValue();
        Api.Reply resent = api.asAdmin().postJson("api/outbox/" + failed + "/resend", "");
        assertThat(resent.status()).as(resent.toString()).isEqualTo(200);
        SendWindow.open(offers);
        soon().untilAsserted(() -> assertThat(message(failed).getString("status")).isEqualTo("SUPPRESSED"));
        assertThat(message(failed).getString("last_error")).contains("was not made (it is WITHDRAWN)");
        assertThat(Mailbox.subjects(offersEmail)).doesNotContain("Introduction: meet Nora Nadel");
        assertThat(stage(id)).isEqualTo("WITHDRAWN");
    }

    @Test
    void aCopySuppressedWhileItWaitsBecauseAProblemOpenedWithdrawsTheIntroduction() throws Exception {
        long id = consentedAtNight();

        // a problem of the second customer opens: their waiting mail that is not about it is suppressed at once
        Api.Reply problem = api.asAdmin().postJson("api/problems", jakarta.json.Json.createObjectBuilder()
                .add("external_id", team.tag + "-P").add("customer", offers).add("opened_at", Instant.now().toString())
                .add("category", "logistics").add("summary", "Late delivery").build().toString());
        assertThat(problem.status()).as(problem.toString()).isEqualTo(201);
        soon().untilAsserted(() -> assertThat(stage(id)).isEqualTo("WITHDRAWN"));
        assertThat(copy(offers, id).getString("status")).isEqualTo("SUPPRESSED");
        assertThat(copy(needs, id).getString("status")).isEqualTo("SUPPRESSED");
        assertThat(lastEvent(id).getString("note")).contains("the introduction to customer " + offers + " was not delivered");
        assertThat(SendWindow.open(needs)).as("nothing left for the first").isZero();
    }

    @Test
    void aFailureWhileTheIntroductionFollowsItsCopiesNeitherSendsThemAgainNorIsLostTheStepsJobCatchesUp() throws Exception {
        long id = consentedAtNight();
        String trigger = "consent_it_no_history_" + id;
        try (Connection db = db(); Statement sql = db.createStatement()) {
            // the introduction's history refuses every new event: moving it to INTRODUCED fails after both copies left
            sql.execute("CREATE TRIGGER " + trigger + " BEFORE INSERT ON introduction_event FOR EACH ROW BEGIN"
                    + " IF NEW.introduction_id = " + id + " THEN"
                    + " SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'test: no history for this introduction'; END IF; END");
            try {
                SendWindow.open(needs);
                SendWindow.open(offers);
                soon().untilAsserted(() -> {
                    assertThat(copy(needs, id).getString("status")).as("the outbox's record stands").isEqualTo("SENT");
                    assertThat(copy(offers, id).getString("status")).isEqualTo("SENT");
                });
                assertThat(stage(id)).isEqualTo("CONSENTED");
            } finally {
                sql.execute("DROP TRIGGER IF EXISTS " + trigger);
            }
        }
        // the steps job (every 2 s) finds both copies SENT: INTRODUCED as of the later one's sending
        soon().untilAsserted(() -> assertThat(stage(id)).isEqualTo("INTRODUCED"));
        Instant later = java.util.stream.Stream.of(copy(needs, id), copy(offers, id))
                .map(c -> Instant.parse(c.getString("sent_at"))).max(Instant::compareTo).orElseThrow();
        assertThat(Instant.parse(lastEvent(id).getString("occurred_at"))).isEqualTo(later);
        assertThat(sentOnce(needsEmail, "Darf ich vorstellen: Oliver Ox")).isTrue();
        assertThat(sentOnce(offersEmail, "Introduction: meet Nora Nadel")).isTrue();
        assertThat(outboxTemplates(needs)).containsOnlyOnce("thank-you-introduction");
    }

    /**
     * Whether the message with this subject to the address was sent exactly once: GreenMail keeps a copy for each of
     * its recipients (To and Cc), all with the same Message-ID, so once means one Message-ID and as many copies as it
     * has recipients.
     */
    private static boolean sentOnce(String address, String subject) throws Exception {
        List<MimeMessage> copies = new java.util.ArrayList<>();
        for (MimeMessage m : Mailbox.to(address)) {
            if (subject.equals(m.getSubject())) {
                copies.add(m);
            }
        }
        assertThat(copies).as(subject + " to " + address).isNotEmpty();
        int recipients = copies.get(0).getRecipients(Message.RecipientType.TO).length
                + addresses(copies.get(0).getRecipients(Message.RecipientType.CC)).size();
        return copies.size() == recipients;
    }

    @Test
    void aConsentRequestThatFailsForGoodWithdrawsTheIntroductionAtOnce() throws Exception {
        // set-up: the first customer's address became one no message can be sent to (FAILED, never retried)
        sql("UPDATE customer SET email = 'nora at nadel@@' WHERE external_id = '" + needs + "'");
        long id = approvedIntroduction();
        SendWindow.open(needs);
        soon().untilAsserted(() -> assertThat(stage(id)).isEqualTo("WITHDRAWN"));
        assertThat(message(needs, "consent:" + id + ":FIRST").getString("status")).isEqualTo("FAILED");
        assertThat(lastEvent(id).getString("note")).contains("the consent request to customer " + needs + " was not delivered",
                "FAILED", "could not compose");
    }

    /** Set-up: both customers at night, both said yes: the introduction is CONSENTED, its copies wait for the morning. */
    private long consentedAtNight() throws Exception {
        ZoneId night = SendWindow.zoneWhereClosed(SendWindow.hours(api));
        Api.Reply moved = api.asAdmin().postCsv("api/import/customers", Csv.lines(
                "external_id,company,contact_first_name,contact_last_name,preferred_name,email,time_zone,locale,region,owner,email_ok,intro_ok",
                needs + ",Druckerei Nadel GmbH,Nora,Nadel,Nora," + needsEmail + "," + night.getId() + ",de,DE-BE," + team.a + ",true,true",
                offers + ",Oxford Freight Ltd,Oliver,Ox,Oli," + offersEmail + "," + night.getId() + ",en,GB," + team.b + ",true,true"));
        assertThat(moved.json().getInt("updated")).as(moved.toString()).isEqualTo(2);
        long id = approvedIntroduction();
        SendWindow.open(needs);
        assertThat(answer(token(text(awaitOne(needsEmail, "Darf ich Ihnen jemanden vorstellen?"))), "yes").status()).isEqualTo(200);
        SendWindow.open(offers);
        assertThat(answer(token(text(awaitOne(offersEmail, "May I introduce you to someone, Oli?"))), "yes").status()).isEqualTo(200);
        assertThat(stage(id)).isEqualTo("CONSENTED");
        return id;
    }

    /** Opens both customers' windows: once both copies of the introduction are SENT it is INTRODUCED. */
    private void awaitIntroduced(long id) {
        SendWindow.open(needs);
        SendWindow.open(offers);
        soon().untilAsserted(() -> assertThat(stage(id)).isEqualTo("INTRODUCED"));
    }

    /** The customer's copy of the introduction, in the outbox. */
    private JsonObject copy(String customer, long id) {
        return message(customer, "introduction:" + id + ":");
    }

    /** The customer's one message whose idempotency key starts with {@code key}. */
    private JsonObject message(String customer, String key) {
        List<JsonObject> found = api.asAdmin().get("api/outbox?customer=" + customer).array().getValuesAs(JsonObject.class)
                .stream().filter(m -> m.getString("idempotency_key").startsWith(key)).toList();
        assertThat(found).as("messages " + key + "… to " + customer).hasSize(1);
        return found.get(0);
    }

    private JsonObject lastEvent(long id) {
        List<JsonObject> history = api.asAdmin().get("api/introductions/" + id).json().getJsonArray("history").getValuesAs(JsonObject.class);
        return history.get(history.size() - 1);
    }

    @Test
    void aCustomerWhoCannotBeAskedWithdrawsTheIntroductionWithTheReason() throws Exception {
        Api.Reply closed = api.asAdmin().postCsv("api/import/customers", Csv.lines(
                "external_id,company,contact_first_name,contact_last_name,preferred_name,email,time_zone,locale,region,owner,email_ok,intro_ok",
                needs + ",Druckerei Nadel GmbH,Nora,Nadel,Nora," + needsEmail + ",Europe/Berlin,de,DE-BE," + team.a + ",true,false"));
        assertThat(closed.json().getInt("updated")).as(closed.toString()).isEqualTo(1);

        long id = approvedIntroduction("WITHDRAWN");

        JsonObject history = api.asAdmin().get("api/introductions/" + id).json();
        JsonObject last = history.getJsonArray("history").getValuesAs(JsonObject.class).get(history.getJsonArray("history").size() - 1);
        assertThat(last.getString("stage_to")).isEqualTo("WITHDRAWN");
        assertThat(last.getString("actor")).isEqualTo("rapport");
        assertThat(last.getString("note")).contains("first customer cannot be asked", "intro_ok is false");
        assertThat(outboxTemplates(needs)).isEmpty();
    }

    private long approvedIntroduction() throws SQLException {
        return approvedIntroduction("CONSENT_REQUESTED_FIRST");
    }

    private long approvedIntroduction(String expectedStage) throws SQLException {
        return approvedIntroduction(expectedStage, "");
    }

    /**
     * Set-up only: a PROPOSED introduction as the matcher stores it, then approved by the owners' manager. The first
     * needs logistics, which the second offers; {@code secondNeeds} what the second needs and the first offers ("": not
     * a mutual fit).
     */
    private long approvedIntroduction(String expectedStage, String secondNeeds) throws SQLException {
        long id;
        try (Connection db = db();
             PreparedStatement insert = db.prepareStatement("""
                     INSERT INTO introduction (first_customer_id, second_customer_id, stage, stage_since, first_needs,
                                               second_needs, score, explanation, proposed_at)
                     SELECT n.id, o.id, 'PROPOSED', UTC_TIMESTAMP(3), 'logistics', ?, 50,
                            'Druckerei Nadel GmbH needs logistics; Oxford Freight Ltd offers logistics', UTC_TIMESTAMP(3)
                       FROM customer n, customer o WHERE n.external_id = ? AND o.external_id = ?""",
                     Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, secondNeeds);
            insert.setString(2, needs);
            insert.setString(3, offers);
            assertThat(insert.executeUpdate()).isEqualTo(1);
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
            try (Statement event = db.createStatement()) {
                event.executeUpdate("INSERT INTO introduction_event (introduction_id, kind, stage_to, actor, occurred_at) "
                        + "VALUES (" + id + ", 'PROPOSED', 'PROPOSED', 'rapport', UTC_TIMESTAMP(3))");
            }
        }
        Api.Reply approved = team.as(team.m).postJson("api/introductions/" + id + "/approve", "");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.json().getString("stage")).isEqualTo(expectedStage);
        return id;
    }

    /** A category of the test's own, named {@code name}: its code. */
    private String category(String suffix, String name) {
        String code = team.tag.toLowerCase(Locale.ROOT) + "-" + suffix;
        Api.Reply imported = api.asAdmin().postCsv("api/import/categories", Csv.lines("code,name", code + "," + name));
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        assertThat(imported.json().getJsonArray("rejected")).as(imported.toString()).isEmpty();
        return code;
    }

    private Api.Reply answer(String token, String answer) {
        return api.anonymous().post("consent/" + token + "?answer=yes", "application/x-www-form-urlencoded",
                ("answer=" + answer).getBytes(StandardCharsets.UTF_8));
    }

    private Api.Reply met(String token, String answer) {
        return api.anonymous().post("met/" + token + "?answer=yes", "application/x-www-form-urlencoded",
                ("answer=" + answer).getBytes(StandardCharsets.UTF_8));
    }

    private static String metToken(String text) {
        Matcher link = MET_LINK.matcher(text);
        assertThat(link.find()).as(text).isTrue();
        return link.group(1);
    }

    private List<JsonObject> followUpCalls(String customer) {
        return api.asAdmin().get("api/planned-touches?customer=" + customer).array().getValuesAs(JsonObject.class).stream()
                .filter(t -> t.getString("rule").equals("INTRODUCTION_FOLLOW_UP")).toList();
    }

    private String stage(long id) {
        return api.asAdmin().get("api/introductions/" + id).json().getString("stage");
    }

    private String remindedAt(long id) {
        JsonObject introduction = api.asAdmin().get("api/introductions/" + id).json();
        return introduction.isNull("reminded_at") ? null : introduction.getString("reminded_at");
    }

    /** The not_before of the customer's one message whose idempotency key starts with {@code key}, still waiting. */
    private Instant waiting(String customer, String key) {
        List<JsonObject> found = api.asAdmin().get("api/outbox?customer=" + customer).array().getValuesAs(JsonObject.class)
                .stream().filter(m -> m.getString("idempotency_key").startsWith(key)).toList();
        assertThat(found).as("messages " + key + "… to " + customer).singleElement()
                .satisfies(m -> assertThat(m.getString("status")).isEqualTo("PENDING"));
        return Instant.parse(found.get(0).getString("not_before"));
    }

    private Instant instant(long id, String field) {
        return Instant.parse(api.asAdmin().get("api/introductions/" + id).json().getString(field));
    }

    private List<String> outboxTemplates(String customer) {
        return api.asAdmin().get("api/outbox?customer=" + customer).array().getValuesAs(JsonObject.class).stream()
                .map(m -> m.getString("template")).toList();
    }

    /** The one message with this subject to the address (GreenMail keeps a copy per recipient, Cc included). */
    private static MimeMessage awaitOne(String address, String subject) {
        soon().untilAsserted(() -> assertThat(Mailbox.subjects(address)).contains(subject));
        java.util.Map<String, MimeMessage> byId = new java.util.LinkedHashMap<>();
        for (MimeMessage m : Mailbox.to(address)) {
            try {
                if (subject.equals(m.getSubject())) {
                    byId.putIfAbsent(m.getMessageID(), m);
                }
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        assertThat(byId).as("messages '" + subject + "' to " + address).hasSize(1);
        return byId.values().iterator().next();
    }

    private static String text(MimeMessage message) throws Exception {
        return (String) ((MimeMultipart) message.getContent()).getBodyPart(0).getContent();
    }

    private static String token(String text) {
        Matcher link = CONSENT_LINK.matcher(text);
        assertThat(link.find()).as(text).isTrue();
        return link.group(1);
    }

    private static List<String> addresses(Address[] addresses) {
        return addresses == null ? List.of() : Arrays.stream(addresses).map(a -> ((InternetAddress) a).getAddress()).toList();
    }

    private static Connection db() throws SQLException {
        return DriverManager.getConnection(System.getenv("RAPPORT_DB_URL"), System.getenv("RAPPORT_DB_USER"),
                System.getenv("RAPPORT_DB_PASSWORD"));
    }

    private static void sql(String statement) throws SQLException {
        try (Connection db = db(); Statement update = db.createStatement()) {
            assertThat(update.executeUpdate(statement)).isEqualTo(1);
        }
    }

    @Test
    void anIntroductionWaitingForItsWindowDoesNotLeaveOnceTheOtherCustomerUnsubscribed() throws Exception {
        toTheNight();
        long id = approvedIntroduction();
        SendWindow.open(needs);
        MimeMessage request = awaitOne(needsEmail, "Darf ich Ihnen jemanden vorstellen?");
        assertThat(answer(token(text(request)), "yes").status()).isEqualTo(200);
        SendWindow.open(offers);
        assertThat(answer(token(text(awaitOne(offersEmail, "May I introduce you to someone, Oli?"))), "yes").status()).isEqualTo(200);
        // the second said yes at night: each copy waits for its customer's window; the first's leaves first
        long toOffers = messageId(offers, "introduction:" + id + ":");
        SendWindow.open(needs);
        soon().untilAsserted(() -> assertThat(copy(needs, id).getString("status")).isEqualTo("SENT"));

        // then the first unsubscribes, with the link of the request they got
        Api.Reply unsubscribed = api.anonymous().post("u/" + unsubscribeToken(request), "application/x-www-form-urlencoded",
                "List-Unsubscribe=One-Click".getBytes(StandardCharsets.US_ASCII));
        assertThat(unsubscribed.status()).as(unsubscribed.toString()).isEqualTo(200);
        SendWindow.open(offers);

        // the second's copy would hand them the first's name, email and company: checked at sending, it does not leave
        soon().untilAsserted(() -> assertThat(message(toOffers).getString("status")).isEqualTo("SUPPRESSED"));
        assertThat(message(toOffers).getString("last_error"))
                .contains("introduction " + id + ": the other customer can no longer be introduced", "unsubscribed");
        soon().untilAsserted(() -> assertThat(stage(id)).isEqualTo("WITHDRAWN"));
        assertThat(outboxTemplates(offers)).as("no thank-you note naming the first").doesNotContain("thank-you-introduction");
        assertThat(Mailbox.subjects(offersEmail)).doesNotContain("Introduction: meet Nora Nadel");
    }

    @Test
    void aReminderWaitingForItsWindowDoesNotLeaveOnceTheCustomerAnswered() throws Exception {
        toTheNight();
        long id = approvedIntroduction();
        SendWindow.open(needs);
        String firstToken = token(text(awaitOne(needsEmail, "Darf ich Ihnen jemanden vorstellen?")));
        // set-up: the request went out 20 days ago; the job queues the reminder for the window's next opening
        remindedOnceTheRequestLeftDaysAgo(id, 20);
        long reminder = messageId(needs, "consent-reminder:" + id + ":FIRST");

        // the customer answers from the first email before the reminder leaves
        assertThat(answer(firstToken, "yes").status()).isEqualTo(200);
        SendWindow.open(needs);

        soon().untilAsserted(() -> assertThat(message(reminder).getString("status")).isEqualTo("SUPPRESSED"));
        assertThat(message(reminder).getString("last_error"))
                .isEqualTo("introduction " + id + " no longer awaits this answer (it is CONSENT_REQUESTED_SECOND)");
        assertThat(Mailbox.subjects(needsEmail)).doesNotContain("Erinnerung: Darf ich Ihnen jemanden vorstellen?");
    }

    @Test
    void aRequestStillWaitingIsNotRemindedOfAndOneThatFailedWithoutItsEventWithdrawsTheIntroduction() throws Exception {
        toTheNight();
        long id = approvedIntroduction();
        // set-up: the request planned 20 days ago still waits (the throttle, a downtime): no reminder of an unsent email
        sql("UPDATE introduction SET consent_requested_at = UTC_TIMESTAMP(3) - INTERVAL 20 DAY WHERE id = " + id);
        Thread.sleep(5_000); // two runs of the steps job (every 2 s in the tests)
        assertThat(remindedAt(id)).isNull();
        assertThat(stage(id)).isEqualTo("CONSENT_REQUESTED_FIRST");

        // set-up: the mail server refused it for good, and the outbox's event was lost (written here by SQL): the job
        // finds the row and does what the event would have done
        sql("UPDATE outbox_message SET status = 'FAILED', last_error = '550 mailbox unavailable', closed_at = UTC_TIMESTAMP(3) "
                + "WHERE idempotency_key = 'consent:" + id + ":FIRST' AND status = 'PENDING'");
        soon().untilAsserted(() -> assertThat(stage(id)).isEqualTo("WITHDRAWN"));
        assertThat(lastEvent(id).getString("note")).contains("was not delivered (FAILED: 550 mailbox unavailable)");
        assertThat(remindedAt(id)).isNull();
        SendWindow.open(needs);
        assertThat(Mailbox.to(needsEmail)).isEmpty();
    }

    /** Set-up: the first's request left {@code days} ago; then the steps job (every 2 s) reminds. */
    private void remindedOnceTheRequestLeftDaysAgo(long id, int days) {
        soon().untilAsserted(() -> {
            backdated("outbox_message", "sent_at", days, "idempotency_key = 'consent:" + id + ":FIRST'");
            backdated("introduction", "consent_requested_at", days, "id = " + id + " AND reminded_at IS NULL");
            assertThat(remindedAt(id)).isNotNull();
        });
    }

    /**
     * Set-up, called until what it sets up happened: the moment in {@code column} of the rows {@code where} selects is
     * {@code days} ago (the shared server's clock is the real one), unless it already is. An email is in the mailbox
     * before the outbox's delivery is followed, and that follow-up counts a consent request or reminder from when it
     * left: coming after the set-up, it counts from now again, and the next call sets it up again.
     */
    private static void backdated(String table, String column, int days, String where) throws SQLException {
        try (Connection db = db(); Statement update = db.createStatement()) {
            update.executeUpdate("UPDATE " + table + " SET " + column + " = UTC_TIMESTAMP(3) - INTERVAL " + days + " DAY WHERE "
                    + where + " AND " + column + " > UTC_TIMESTAMP(3) - INTERVAL " + (days - 1) + " DAY");
        }
    }

    /** Set-up: both customers live in a zone where the send window is closed now, so their email waits for its opening. */
    private void toTheNight() {
        livingIn(SendWindow.zoneWhereClosed(SendWindow.hours(api)));
    }

    /** Set-up: both customers live in a zone where it is now the middle of the send window's hours, whatever the hour of this run. */
    private void toTheDay() {
        livingIn(SendWindow.zoneWhereOpen(SendWindow.hours(api)));
    }

    private void livingIn(ZoneId zone) {
        Api.Reply moved = api.asAdmin().postCsv("api/import/customers", Csv.lines(
                "external_id,company,contact_first_name,contact_last_name,preferred_name,email,time_zone,locale,region,owner,email_ok,intro_ok",
                needs + ",Druckerei Nadel GmbH,Nora,Nadel,Nora," + needsEmail + "," + zone.getId() + ",de,DE-BE," + team.a + ",true,true",
                offers + ",Oxford Freight Ltd,Oliver,Ox,Oli," + offersEmail + "," + zone.getId() + ",en,GB," + team.b + ",true,true"));
        assertThat(moved.json().getInt("updated")).as(moved.toString()).isEqualTo(2);
    }

    /** The id of the customer's one message whose idempotency key starts with {@code key}. */
    private long messageId(String customer, String key) {
        List<JsonObject> found = api.asAdmin().get("api/outbox?customer=" + customer).array().getValuesAs(JsonObject.class)
                .stream().filter(m -> m.getString("idempotency_key").startsWith(key)).toList();
        assertThat(found).as("messages " + key + "… to " + customer).hasSize(1);
        return found.get(0).getJsonNumber("id").longValue();
    }

    private JsonObject message(long id) {
        return api.asAdmin().get("api/outbox/" + id).json();
    }

    private static String unsubscribeToken(MimeMessage message) throws Exception {
        Matcher link = Pattern.compile("<https?://[^>]*/u/([a-z2-7]+)>").matcher(message.getHeader("List-Unsubscribe", null));
        assertThat(link.find()).isTrue();
        return link.group(1);
    }

    /** Set-up read: whether each message of the introduction keeps to its customer's send window, by idempotency key. */
    private static java.util.Map<String, Boolean> windowFlags(long id) throws SQLException {
        java.util.Map<String, Boolean> flags = new java.util.TreeMap<>();
        try (Connection db = db(); PreparedStatement read = db.prepareStatement(
                "SELECT idempotency_key, send_window FROM outbox_message WHERE idempotency_key REGEXP ?")) {
            read.setString(1, "^(consent|consent-reminder|introduction|thank-you-introduction):" + id + ":");
            try (ResultSet rows = read.executeQuery()) {
                while (rows.next()) {
                    flags.put(rows.getString(1), rows.getBoolean(2));
                }
            }
        }
        return flags;
    }

    private static long customerId(String externalId) throws SQLException {
        try (Connection db = db(); PreparedStatement read = db.prepareStatement("SELECT id FROM customer WHERE external_id = ?")) {
            read.setString(1, externalId);
            try (ResultSet row = read.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getLong(1);
            }
        }
    }

    @Test
    void aValidLinkOfAnotherPurposeAnswersNeitherTheConsentNorTheMeetingQuestion() throws Exception {
        // a rating link from a check-in email the customer really got
        Api.Reply composed = api.asAdmin().postJson("api/outbox", "{\"template\":\"problem-check-in\",\"customer\":\"" + needs
                + "\",\"fields\":{\"problem\":{\"summary\":\"Late delivery\",\"resolution\":\"Express\"}}}");
        assertThat(composed.status()).as(composed.toString()).isEqualTo(201);
        soon().untilAsserted(() -> assertThat(Mailbox.to(needsEmail)).hasSize(1));
        String html = (String) ((MimeMultipart) Mailbox.to(needsEmail).get(0).getContent()).getBodyPart(1).getContent();
        Matcher rating = Pattern.compile("/r/([a-z2-7]+)").matcher(html);
        assertThat(rating.find()).as(html).isTrue();
        String ratingToken = rating.group(1);
        long id = approvedIntroduction();
        SendWindow.open(needs);
        String consentToken = token(text(awaitOne(needsEmail, "Darf ich Ihnen jemanden vorstellen?")));

        for (String page : List.of("consent/", "met/")) {
            assertThat(api.anonymous().get(page + ratingToken + "?answer=yes").status()).as(page).isEqualTo(400);
            assertThat(api.anonymous().post(page + ratingToken, "application/x-www-form-urlencoded",
                    "answer=yes".getBytes(StandardCharsets.UTF_8)).status()).as(page).isEqualTo(400);
        }
        // nor does the consent link answer the meeting question or rate
        assertThat(met(consentToken, "yes").status()).isEqualTo(400);
        assertThat(api.anonymous().post("r/" + consentToken, "application/x-www-form-urlencoded", new byte[0]).status()).isEqualTo(400);
        assertThat(stage(id)).isEqualTo("CONSENT_REQUESTED_FIRST");
        assertThat(api.asAdmin().get("api/customers/" + needs + "/messages").array().getValuesAs(JsonObject.class))
                .allSatisfy(m -> assertThat(m.getJsonArray("responses")).as("no rating, no click recorded").isEmpty());
    }
}
