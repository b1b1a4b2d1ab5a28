package org.rapport.calllists;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.rapport.testing.Api;
import org.rapport.testing.Browser;
import org.rapport.testing.BrowserExtension;
import org.rapport.testing.Csv;
import org.rapport.testing.Eventually;
import org.rapport.testing.Mailbox;
import org.rapport.testing.PageSession;
import org.rapport.testing.Team;
import org.rapport.testing.TestServer;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /today} in a real browser: a salesperson works three cards by keyboard (j to the next card, 1-3 for the
 * outcome), the list redraws in place, and the outcomes are stored (checked through the API). The page and the login
 * page and the customer page a card links to have no serious or critical accessibility violation at 1280 and 375 px.
 * Calls carried over are apart, snoozed or handed back from the card (the German page axe-checked too); the list
 * downloads as CSV from the session; another salesperson's call forged into the page's requests is refused.
 */
@ExtendWith(BrowserExtension.class)
class TodayPageIT {

    static final String PASSWORD = "correct-horse-battery";

    Api api = TestServer.api();
    String seller;
    List<String> customers;

    @BeforeEach
    void aSalespersonWhoWorksEveryDayWithFourCustomersToCall() {
        String tag = Csv.unique("today");
        seller = tag + "-S";
        // every day a working day, no region (no public holidays): the page shows today's list whatever day the run is
        Api.Reply people = api.asAdmin().postCsv("api/import/salespeople", Csv.lines(
                "external_id,name,email,time_zone,region,daily_capacity,working_days,role,manager,backup",
                seller + ",Tina Today,tina@example.com,Europe/Berlin,,20,MON-SUN,SALES,,"));
        assertThat(people.json().getJsonArray("rejected")).as(people.toString()).isEmpty();
        customers = List.of(tag + "-C1", tag + "-C2", tag + "-C3", tag + "-C4");
        // customers as a salesperson meets them (the page's screenshots in docs/ come from this test)
        // (Harbour Foods takes no email, as the CRM says: its card shows it)
        String[] rowsOf = {
                ",Nordlicht Logistik GmbH,Jana,Jana,Berg,+49 30 5550101,Europe/Berlin,Prefers calls before 10:00,Daughter starts university in October,true",
                ",Atlantique Matériaux SAS,Hélène,Hélène,Lemaître,+33 1 55501020,Europe/Paris,Short emails; no attachments,,true",
                ",Alpen Software AG,Klaus,Klaus,Schneider,+49 89 5550303,Europe/Berlin,,Collects vintage watches,true",
                ",Harbour Foods Ltd,Sam,Sam,Okafor,+44 20 5550404,Europe/London,Call the mobile,Runs marathons,false"};
        StringBuilder rows = new StringBuilder("external_id,company,preferred_name,contact_first_name,contact_last_name,phone,time_zone,preferences,personal_notes,email_ok,email,owner");
        for (int i = 0; i < customers.size(); i++) {
            rows.append('\n').append(customers.get(i)).append(rowsOf[i]).append(",p").append(i + 1).append('@').append(tag)
                    .append(".example,").append(seller);
        }
        assertThat(api.asAdmin().postCsv("api/import/customers", rows.toString()).json().getInt("created")).isEqualTo(4);
        assertThat(api.asAdmin().postJson("api/users", "{\"username\":\"" + seller + "\",\"password\":\"" + PASSWORD
                + "\",\"role\":\"SALES\",\"salesperson\":\"" + seller + "\"}").status()).isEqualTo(201);
        assertThat(api.asAdmin().postJson("api/planning/run", "").status()).isEqualTo(200);
    }

    @Test
    void aSalespersonWorksThreeCardsByKeyboardAndTheOutcomesAreStored(Browser browser) {
        browser.open("today");
        assertThat(browser.driver().getCurrentUrl()).as("the page asks for the login first").contains("/login?next=%2Ftoday");
        browser.check("login");
        browser.signIn(seller, PASSWORD);
        assertThat(browser.driver().getCurrentUrl()).endsWith("/today");
        assertThat(cards(browser)).as("one card per customer due today").hasSize(4);
        browser.check("today");

        String first = cardIds(browser).get(0);
        browser.press("j"); // the first card
        assertThat(focusedCard(browser)).isEqualTo(first);
        browser.press("1"); // REACHED
        String second = awaitGoneAndFocused(browser, first);
        browser.press("2"); // VOICEMAIL
        String third = awaitGoneAndFocused(browser, second);
        browser.press("3"); // NO_ANSWER
        awaitGone(browser, third);
        assertThat(cards(browser)).as("one card left, redrawn in place").hasSize(1);

        assertThat(lastOutcome(customerOf(first))).isEqualTo("REACHED");
        assertThat(lastOutcome(customerOf(second))).isEqualTo("VOICEMAIL");
        assertThat(lastOutcome(customerOf(third))).isEqualTo("NO_ANSWER");

        // the name on the card left opens that customer's page (axe-checked; CustomerPageIT checks what it shows)
        String last = customerOf(cardIds(browser).get(0));
        browser.find(By.cssSelector("article.card h3 a")).click();
        browser.waitUntil(d -> d.getCurrentUrl().endsWith("/customers/" + last));
        browser.check("customer");
    }

    @Test
    void aStaleCallIsSnoozedAndAnotherHandedBackFromTheBacklogInGermanToo(Browser browser) throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        dueOn(today.minusDays(40), customers.get(0), customers.get(1));
        // the others due on the seller's today: planned on each customer's own date, London's call would be a day
        // behind Berlin's from 23:00 to 24:00 UTC, and so carried over too
        dueOn(today, customers.get(2), customers.get(3));
        long snoozed = plannedCall(customers.get(0));
        long handedBack = plannedCall(customers.get(1));

        browser.signIn(seller, PASSWORD);
        assertThat(browser.findAll(By.cssSelector("#backlog article.card[data-item]")).stream().map(c -> c.getAttribute("data-item")))
                .as("carried over, apart from today's").containsExactlyInAnyOrder(String.valueOf(snoozed), String.valueOf(handedBack));
        assertThat(card(browser, snoozed).getText()).contains("40");

        WebElement stale = card(browser, snoozed);
        stale.findElement(By.cssSelector("button[data-later=SNOOZE]")).click();
        WebElement until = stale.findElement(By.id("until-" + snoozed));
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1];", until, today.plusDays(7).toString());
        stale.findElement(By.cssSelector("button[data-save=SNOOZE]")).click();
        awaitGone(browser, String.valueOf(snoozed));
        card(browser, handedBack).findElement(By.cssSelector("button[data-later=HAND_BACK]")).click();
        awaitGone(browser, String.valueOf(handedBack));

        assertThat(call(customers.get(0), snoozed).getString("status")).as("snoozed: still to be made, later").isEqualTo("OPEN");
        assertThat(api.asAdmin().get("api/call-lists/" + seller + "/" + today).json().getJsonArray("items").getValuesAs(JsonObject.class)
                .stream().map(i -> i.getJsonNumber("id").longValue())).doesNotContain(snoozed, handedBack).hasSize(2);
        JsonObject back = call(customers.get(1), handedBack);
        assertThat(back.getString("status")).isEqualTo("CANCELLED");
        assertThat(back.getString("outcome")).isEqualTo("HANDED_BACK");

        browser.find(By.cssSelector("#session a[lang=de]")).click();
        browser.waitUntil(d -> "de".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        browser.check("today-de");
    }

    @Test
    void theListDownloadsAsCsvAndAnotherSalespersonsCallForgedIntoThePageIsRefused() {
        Team team = new Team(api);
        assertThat(api.asAdmin().postJson("api/planning/run", "").status()).isEqualTo(200);
        long othersCall = plannedCall(team.customerOfA);
        PageSession session = PageSession.onTestServer();
        session.signIn(seller, PASSWORD);

        PageSession.Page csv = session.get("today.csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(csv.body().lines().skip(1).toList()).as("a line per card").hasSize(4)
                .anySatisfy(l -> assertThat(l).contains("Nordlicht Logistik GmbH"));
        assertThat(csv.body()).doesNotContain(team.customerOfA);

        PageSession.Page page = session.get("today");
        assertThat(page.body()).doesNotContain("data-item=\"" + othersCall + "\"");
        for (String[] command : new String[][] {{"recordOutcome", "outcome", "REACHED"}, {"snoozeCall", "until",
                LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(3).toString()}, {"handBackCall", "note", ""}}) {
            PageSession.Page forged = session.remoteCommand("today", page, "work", command[0], "work:list",
                    Map.of("item", String.valueOf(othersCall), command[1], command[2]));
            assertThat(forged.status()).isEqualTo(200);
            assertThat(forged.body()).as(command[0]).contains("class=\"error\"")
                    .contains("Call-list item " + othersCall + " is not on a call list you reach.");
        }
        JsonObject untouched = call(team.customerOfA, othersCall);
        assertThat(untouched.getString("status")).isEqualTo("OPEN");
        assertThat(untouched.getInt("tries")).isZero();
    }

    @Test
    void aNoteLongerThanTheApiTakesIsRefusedWithTheConstraintsMessageAndNothingIsStored() {
        long mine = plannedCall(customers.get(0));
        PageSession session = PageSession.onTestServer();
        session.signIn(seller, PASSWORD);
        PageSession.Page page = session.get("today");

        PageSession.Page refused = session.remoteCommand("today", page, "work", "recordOutcome", "work:list",
                Map.of("item", String.valueOf(mine), "outcome", "VOICEMAIL", "note", "x".repeat(1001)));

        assertThat(refused.status()).as("a message, not a server error").isEqualTo(200);
        assertThat(refused.body()).contains("class=\"error\"").contains("note: size must be between 0 and 1000");
        JsonObject untouched = call(customers.get(0), mine);
        assertThat(untouched.getString("status")).isEqualTo("OPEN");
        assertThat(untouched.getInt("tries")).isZero();
        assertThat(api.asAdmin().get("api/customers/" + customers.get(0)).json().getJsonArray("recent_touches")).isEmpty();
    }

    @Test
    void theCalendarFeedAddressIsOnThePageAndAnswersWithTheSellersCallsWithoutALogin() {
        String current = api.as(seller, PASSWORD).get("api/call-lists/" + seller + "/calendar-link").json().getString("url");
        PageSession session = PageSession.onTestServer();
        session.signIn(seller, PASSWORD);

        PageSession.Page page = session.get("today");

        Matcher feed = Pattern.compile("<input type=\"text\" id=\"feed\" readonly=\"readonly\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(feed.find()).as("the address in a read-only field").isTrue();
        assertThat(feed.group(1)).as("the current address, not a new one").isEqualTo(current);
        assertThat(page.body()).contains("<label for=\"feed\">").contains("without signing in");
        Api.Reply ics = api.anonymous().get(current.substring(current.indexOf("/calendar/") + 1));
        assertThat(ics.status()).as(ics.toString()).isEqualTo(200);
        assertThat(ics.contentType()).startsWith("text/calendar");
        assertThat(ics.body().split("BEGIN:VEVENT", -1)).as("one event per call").hasSize(5);
        assertThat(ics.body()).contains("Nordlicht Logistik GmbH", "Harbour Foods Ltd").doesNotContain("Runs marathons");
    }

    @Test
    void aCustomerWhoUnsubscribedOrTakesNoEmailIsStillOnTheListAndTheirCardSaysSo() throws Exception {
        String customer = customers.get(1);
        String email = "p2@" + customer.substring(0, customer.length() - "-C2".length()) + ".example";
        Api.Reply composed = api.asAdmin().postJson("api/outbox", "{\"template\":\"thank-you-anniversary\",\"customer\":\""
                + customer + "\",\"fields\":{\"years\":\"3\"}}");
        assertThat(composed.status()).as(composed.toString()).isEqualTo(201);
        int message = composed.json().getInt("id");
        Eventually.soon().until(() -> api.asAdmin().get("api/outbox/" + message).json().getString("status").equals("SENT"));
        Matcher token = Pattern.compile("<https?://[^>]*/(u/[a-z2-7]+)>")
                .matcher(Mailbox.single(email).getHeader("List-Unsubscribe", null));
        assertThat(token.find()).isTrue();
        Api.Reply unsubscribed = api.anonymous().post(token.group(1), "application/x-www-form-urlencoded",
                "List-Unsubscribe=One-Click".getBytes(StandardCharsets.US_ASCII));
        assertThat(unsubscribed.status()).as(unsubscribed.toString()).isEqualTo(200);

        PageSession session = PageSession.onTestServer();
        session.signIn(seller, PASSWORD);
        String page = session.get("today").body();

        long call = plannedCall(customer);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        assertThat(api.as(seller, PASSWORD).get("api/call-lists/" + seller + "/" + today).json().getJsonArray("items")
                .getValuesAs(JsonObject.class)).as("the API's list keeps its format").hasSize(4).allSatisfy(i -> assertThat(i).doesNotContainKey("consent"));
        assertThat(cardHtml(page, call)).as("still called, not promised an email").contains("class=\"badge bad unsubscribed\"")
                .contains("Unsubscribed");
        assertThat(cardHtml(page, plannedCall(customers.get(0)))).doesNotContain("Unsubscribed").doesNotContain("No email");
        assertThat(cardHtml(page, plannedCall(customers.get(3)))).as("the CRM's email_ok false").contains("No email")
                .doesNotContain("Unsubscribed");
    }

    @Test
    void aCardShowsTheHistoryInTheReadersLanguageNotAsStoredValues() {
        String customer = customers.get(0);
        LocalDate bought = LocalDate.now(ZoneId.of("Europe/Berlin")).minusDays(10);
        Api.Reply purchase = api.asAdmin().postCsv("api/import/purchases", Csv.lines(
                "external_id,customer,purchased_on,amount,currency,description",
                customer + "-P1," + customer + "," + bought + ",1250.5,EUR,Forklift service"));
        assertThat(purchase.json().getInt("created")).as(purchase.toString()).isEqualTo(1);
        Api.Reply note = api.as(seller, PASSWORD).postJson("api/touches", "{\"customer\":\"" + customer
                + "\",\"kind\":\"NOTE\",\"outcome\":\"NOTED\",\"note\":\"Asked about the new fleet\"}");
        assertThat(note.status()).as(note.toString()).isEqualTo(201);
        PageSession session = PageSession.onTestServer().acceptLanguage("de-DE,de;q=0.9");
        session.signIn(seller, PASSWORD);

        String card = cardHtml(session.get("today").body(), plannedCall(customer));

        String day = java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.MEDIUM)
                .withLocale(java.util.Locale.GERMAN).format(bought);
        assertThat(card).contains("Notiz · Notiert · ", "Asked about the new fleet")
                .contains(day + " · Forklift service · 1.250,50 EUR")
                .doesNotContain("NOTE", "NOTED", bought.toString(), "1250.5");
    }

    @Test
    void outcomeKeysDoNothingOnAnEscalatedCard(Browser browser) {
        String customer = customers.get(3);
        Api asSeller = api.as(seller, PASSWORD);
        long escalated = plannedCall(customer);
        for (int i = 1; i <= 3; i++) {
            Api.Reply tried = asSeller.postJson("api/call-lists/items/" + escalated + "/outcome", "{\"outcome\":\"NO_ANSWER\"}");
            assertThat(tried.status()).as(tried.toString()).isEqualTo(200);
        }
        assertThat(call(customer, escalated).getString("status")).isEqualTo("ESCALATED");

        browser.signIn(seller, PASSWORD);
        assertThat(cardIds(browser).get(0)).as("the escalated call on top").isEqualTo(String.valueOf(escalated));
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        // the outcome command replaced by a counter, and every script error kept
        js.executeScript("window.sent = 0; window.recordOutcome = function () { window.sent++; };"
                + "window.scriptErrors = []; window.addEventListener('error', function (e) { window.scriptErrors.push(String(e.message)); });");
        browser.press("j");
        assertThat(focusedCard(browser)).isEqualTo(String.valueOf(escalated));
        browser.press("12345");

        assertThat(js.executeScript("return window.scriptErrors;")).asList().isEmpty();
        assertThat(((Number) js.executeScript("return window.sent;")).intValue()).as("no outcome sent for an escalated call").isZero();
        assertThat(focusedCard(browser)).isEqualTo(String.valueOf(escalated));
        browser.press("j"); // the next card takes the key: the counter counts
        assertThat(focusedCard(browser)).isNotEqualTo(String.valueOf(escalated));
        browser.press("2");
        assertThat(((Number) js.executeScript("return window.sent;")).intValue()).isEqualTo(1);
        assertThat(call(customer, escalated).getString("status")).isEqualTo("ESCALATED");
    }

    /** The page's card of a call-list item, as HTML. */
    private static String cardHtml(String page, long item) {
        int start = page.indexOf("data-item=\"" + item + "\"");
        assertThat(start).as("a card for item " + item).isPositive();
        return page.substring(start, page.indexOf("</article>", start));
    }

    /** The calls to these customers fall due {@code on} (the backlog, when that is before today). */
    private static void dueOn(LocalDate on, String... customers) throws Exception {
        try (Connection db = DriverManager.getConnection(System.getenv("RAPPORT_DB_URL"), System.getenv("RAPPORT_DB_USER"),
                System.getenv("RAPPORT_DB_PASSWORD"));
             PreparedStatement due = db.prepareStatement("UPDATE planned_touch p JOIN customer c ON c.id = p.customer_id"
                     + " SET p.due_on = ?, p.due_by = ? WHERE c.external_id = ? AND p.status = 'OPEN' AND p.channel = 'CALL'")) {
            for (String customer : customers) {
                due.setObject(1, on);
                due.setObject(2, on);
                due.setString(3, customer);
                assertThat(due.executeUpdate()).as(customer).isEqualTo(1);
            }
        }
    }

    /** The one planned call to {@code customer}: its id. */
    private long plannedCall(String customer) {
        List<JsonObject> calls = api.asAdmin().get("api/planned-touches?customer=" + customer + "&status=OPEN").array()
                .getValuesAs(JsonObject.class).stream().filter(t -> t.getString("channel").equals("CALL")).toList();
        assertThat(calls).as(customer).hasSize(1);
        return calls.get(0).getJsonNumber("id").longValue();
    }

    private JsonObject call(String customer, long id) {
        return api.asAdmin().get("api/planned-touches?customer=" + customer).array().getValuesAs(JsonObject.class).stream()
                .filter(t -> t.getJsonNumber("id").longValue() == id).findFirst().orElseThrow();
    }

    private static WebElement card(Browser browser, long item) {
        return browser.find(By.cssSelector("article.card[data-item='" + item + "']"));
    }

    private List<WebElement> cards(Browser browser) {
        return browser.findAll(By.cssSelector("article.card[data-item]"));
    }

    private List<String> cardIds(Browser browser) {
        return cards(browser).stream().map(c -> c.getAttribute("data-item")).toList();
    }

    private String focusedCard(Browser browser) {
        return browser.driver().switchTo().activeElement().getAttribute("data-item");
    }

    private void awaitGone(Browser browser, String item) {
        browser.waitUntil(d -> !cardIds(browser).contains(item));
    }

    /** The worked card leaves the list and the next one has the focus; answers that one. */
    private String awaitGoneAndFocused(Browser browser, String item) {
        awaitGone(browser, item);
        browser.waitUntil(d -> focusedCard(browser) != null);
        return focusedCard(browser);
    }

    /** The customer of a call-list item, from the salesperson's list through the API. */
    private String customerOf(String item) {
        return customers.stream().filter(c -> api.asAdmin().get("api/planned-touches?customer=" + c).array()
                .getValuesAs(JsonObject.class).stream().anyMatch(t -> String.valueOf(t.getJsonNumber("id").longValue()).equals(item)))
                .findFirst().orElseThrow(() -> new AssertionError("no customer has item " + item));
    }

    private String lastOutcome(String customer) {
        JsonObject detail = api.asAdmin().get("api/customers/" + customer).json();
        return detail.getJsonArray("recent_touches").getJsonObject(0).getString("outcome");
    }
}
