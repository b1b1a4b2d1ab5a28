package org.rapport.customerpage;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.rapport.testing.Api;
import org.rapport.testing.Browser;
import org.rapport.testing.BrowserExtension;
import org.rapport.testing.Csv;
import org.rapport.testing.PageSession;
import org.rapport.testing.PageSession.Page;
import org.rapport.testing.Team;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /customers/{externalId}} at the HTTP level: what the salesperson sees of a customer made through the API, the
 * forms storing through the services (checked through the API), the services' messages next to the field, and the
 * page refused from the attacker's side with real 403 and 404 statuses.
 */
class CustomerPageIT {

    Api api = org.rapport.testing.TestServer.api();
    Team team = new Team(api);

    @Test
    void theSalespersonSeesWhatRapportKnowsAndTheHistoryNewestFirst() {
        String customer = team.tag + "-KNOWN";
        importCustomer(customer, false);
        Api seller = team.as(team.a);
        Instant twoDaysAgo = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        assertThat(seller.postJson("api/touches", "{\"customer\":\"" + customer + "\",\"kind\":\"CALL\",\"outcome\":\"VOICEMAIL\","
                + "\"occurred_at\":\"" + twoDaysAgo + "\",\"note\":\"older call note\"}").status()).isEqualTo(201);
        assertThat(seller.postJson("api/touches", "{\"customer\":\"" + customer + "\",\"kind\":\"NOTE\",\"outcome\":\"NOTED\","
                + "\"note\":\"newest note of all\"}").status()).isEqualTo(201);
        assertThat(seller.postJson("api/purchases", "{\"external_id\":\"" + Csv.unique("buy") + "\",\"customer\":\"" + customer
                + "\",\"purchased_on\":\"" + twoDaysAgo.minus(3, ChronoUnit.DAYS).toString().substring(0, 10)
                + "\",\"amount\":\"980.00\",\"currency\":\"EUR\",\"description\":\"Sail cloth\"}").status()).isEqualTo(201);
        assertThat(api.asAdmin().postJson("api/problems", "{\"external_id\":\"" + Csv.unique("prob") + "\",\"customer\":\"" + customer
                + "\",\"opened_at\":\"" + twoDaysAgo + "\",\"severity\":\"HIGH\",\"summary\":\"Invoice sent twice\"}").status()).isEqualTo(201);
        assertThat(seller.postJson("api/outbox", "{\"template\":\"thank-you-anniversary\",\"customer\":\"" + customer
                + "\",\"fields\":{\"years\":\"2\"},\"not_before\":\"" + Instant.now().plus(400, ChronoUnit.DAYS) + "\"}").status()).isEqualTo(201);
        importCustomer(customer, true); // the CRM says: do not contact any more

        Page page = signedIn(team.a).get("customers/" + customer);

        assertThat(page.status()).as(page.body()).isEqualTo(200);
        String body = page.body();
        assertThat(body).contains("<h1>Dodo</h1>").contains("Delta AG").contains("Dora Dreher").contains("href=\"tel:+49 30 1234567\"")
                .contains("Calls after 10 only").contains("Two kids; loves sailing").contains(team.a).contains("Asia/Tokyo");
        assertThat(text(body, "doNotContact")).isEqualTo("Do not contact");
        assertThat(text(body, "introConsent")).isEqualTo("Open to introductions");
        assertThat(text(body, "emailConsent")).isEqualTo("Email allowed");
        assertThat(section(body, "problems")).contains("Invoice sent twice").contains("High").doesNotContain("HIGH");
        assertThat(section(signedIn(team.a).acceptLanguage("de").get("customers/" + customer).body(), "problems"))
                .as("the severity in German").contains("Hoch");
        String history = section(body, "history");
        assertThat(history).contains("Voicemail").contains("980.00 EUR").contains("Sail cloth").contains("thank-you-anniversary");
        assertThat(history).as("the email's status, waiting or taken back after do-not-contact").containsPattern(">(waiting|not sent)<");
        assertThat(history.indexOf("newest note of all")).as("newest first").isLessThan(history.indexOf("older call note"));
        assertThat(history.indexOf("older call note")).isLessThan(history.indexOf("Sail cloth"));
    }

    @Test
    void thePlannedTouchesShowWhatComesNext() {
        String problem = Csv.unique("p");
        assertThat(api.asAdmin().postJson("api/problems", "{\"external_id\":\"" + problem + "\",\"customer\":\"" + team.customerOfA
                + "\",\"opened_at\":\"" + Instant.now().minusSeconds(86_400) + "\",\"summary\":\"Late delivery\"}").status()).isEqualTo(201);
        assertThat(api.asAdmin().postJson("api/problems/" + problem + "/resolve", "{\"resolution\":\"Sent by express\"}").status()).isEqualTo(200);
        String reason = api.asAdmin().get("api/planned-touches?customer=" + team.customerOfA).array().getJsonObject(0).getString("reason");

        String page = signedIn(team.a).get("customers/" + team.customerOfA).body();

        assertThat(reason).contains("Late delivery");
        assertThat(section(page, "planned")).contains(reason);
        assertThat(section(page, "problems")).as("resolved: no longer open").doesNotContain("Late delivery");
    }

    @Test
    void theCustomersIntroductionsAreListedFromEitherSide() {
        String code = team.tag.toLowerCase(java.util.Locale.ROOT) + "-logistics";
        Api.Reply category = api.asAdmin().postCsv("api/import/categories", Csv.lines("code,name", code + ",Logistics " + team.tag));
        assertThat(category.json().getJsonArray("rejected")).as(category.toString()).isEmpty();
        String needs = team.tag + "-NEEDS";
        String offers = team.tag + "-OFFERS";
        Api.Reply imported = api.asAdmin().postCsv("api/import/customers", Csv.lines(
                "owner,external_id,company,region,offers,needs,intro_ok,email,time_zone",
                team.a + "," + needs + ",Needer " + team.tag + ",DE-BE,," + code + ",true,needs-" + team.tag + "@example.com,Europe/Berlin",
                team.b + "," + offers + ",Offerer " + team.tag + ",DE-BE," + code + ",,true,offers-" + team.tag + "@example.com,Europe/Berlin"));
        assertThat(imported.json().getJsonArray("rejected")).as(imported.toString()).isEmpty();
        Api.Reply run = api.asAdmin().postJson("api/introductions/match", "");
        assertThat(run.status()).as(run.toString()).isEqualTo(200);

        String ofNeeder = section(signedIn(team.a).get("customers/" + needs).body(), "introductions");
        String ofOfferer = section(signedIn(team.b).get("customers/" + offers).body(), "introductions");

        assertThat(section(signedIn(team.a).acceptLanguage("de").get("customers/" + needs).body(), "introductions"))
                .as("the stage in German").contains("Vorgeschlagen");
        assertThat(ofNeeder).contains("Offerer " + team.tag).contains("Proposed").doesNotContain("PROPOSED")
                .contains("Needer " + team.tag + " needs Logistics " + team.tag);
        assertThat(ofOfferer).contains("Needer " + team.tag).doesNotContain("Offerer " + team.tag + "</strong>");
        assertThat(section(signedIn(team.a).get("customers/" + team.customerOfA).body(), "introductions")).contains("None.");
    }

    @Test
    void theCustomersRewardsAreListedWithTheirStepsAndNobodyElsesAre() {
        long reward = proposedReward(team.a, team.customerOfA, "Jane Roe at Foo GmbH");
        long elsewhere = proposedReward(team.b, team.customerOfB, "John Doe at Bar AG");
        Api.Reply approved = team.as(team.m).postJson("api/rewards/" + reward + "/approve", "");
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);

        String page = signedIn(team.a).get("customers/" + team.customerOfA).body();

        String rewards = section(page, "rewards");
        assertThat(rewards).contains("data-reward=\"" + reward + "\"").contains("referral converted").contains("approved")
                .contains("recommending Jane Roe at Foo GmbH").contains("Jane Roe at Foo GmbH")
                .contains(api.asAdmin().get("api/rewards/" + reward).json().get("current_value").toString().replace("\"", ""));
        assertThat(rewards).as("another customer's reward").doesNotContain("data-reward=\"" + elsewhere + "\"")
                .doesNotContain("John Doe");
        String history = section(page, "history");
        assertThat(history).as("each step of the ledger, newest first").contains("Reward");
        assertThat(history.indexOf(">approved<")).isNotNegative().isLessThan(history.indexOf(">proposed<"));
        assertThat(history).doesNotContain("John Doe");
        assertThat(section(signedIn(team.b).get("customers/" + team.customerOfB).body(), "rewards"))
                .contains("data-reward=\"" + elsewhere + "\"").doesNotContain("data-reward=\"" + reward + "\"");
    }

    @Test
    void aTouchLoggedThroughTheFormIsStoredAndShownAfterTheRedirect() {
        PageSession browser = signedIn(team.a);
        Page page = browser.get("customers/" + team.customerOfA);

        Page logged = submit(browser, page, "touch", Map.of("touch:kind", "VISIT", "touch:outcome", "REACHED",
                "touch:note", "visited the new plant"), "touch:save");

        assertThat(logged.status()).as(logged.body()).isEqualTo(302);
        assertThat(logged.location()).hasValueSatisfying(l -> assertThat(l).endsWith("/customers/" + team.customerOfA));
        JsonObject touch = detail(team.customerOfA).getJsonArray("recent_touches").getJsonObject(0);
        assertThat(touch.getString("kind")).isEqualTo("VISIT");
        assertThat(touch.getString("outcome")).isEqualTo("REACHED");
        assertThat(touch.getString("note")).isEqualTo("visited the new plant");
        assertThat(touch.getString("salesperson")).isEqualTo(team.a);
        Page after = browser.get("customers/" + team.customerOfA);
        assertThat(section(after.body(), "history")).contains("Visit").contains("visited the new plant");
        assertThat(after.body()).contains("Logged.");
    }

    @Test
    void aPurchaseAndAProblemRecordedThroughTheFormsAreStored() {
        PageSession browser = signedIn(team.a);
        String order = Csv.unique("order");

        Page bought = submit(browser, browser.get("customers/" + team.customerOfA), "purchase", Map.of("purchase:purchasedOn", "2026-11-30",
                "purchase:amount", "1250.50", "purchase:currency", "eur", "purchase:description", "Two pumps", "purchase:externalId", order),
                "purchase:save");
        Page problem = submit(browser, browser.get("customers/" + team.customerOfA), "problem", Map.of("problem:summary", "Pump leaks",
                "problem:severity", "CRITICAL", "problem:category", ""), "problem:save");

        assertThat(bought.status()).as(bought.body()).isEqualTo(302);
        assertThat(problem.status()).as(problem.body()).isEqualTo(302);
        JsonObject stored = detail(team.customerOfA).getJsonArray("open_problems").getJsonObject(0);
        assertThat(stored.getString("summary")).isEqualTo("Pump leaks");
        assertThat(stored.getString("severity")).isEqualTo("CRITICAL");
        String page = browser.get("customers/" + team.customerOfA).body();
        assertThat(section(page, "history")).contains("1250.50 EUR").contains("Two pumps");
        assertThat(section(page, "problems")).contains("Pump leaks");
        assertThat(team.as(team.a).postJson("api/purchases", "{\"external_id\":\"" + order + "\",\"customer\":\"" + team.customerOfA
                + "\",\"purchased_on\":\"2026-11-30\",\"amount\":\"1250.50\",\"currency\":\"EUR\",\"description\":\"Two pumps\"}").status())
                .as("the API finds the same purchase under the order number typed in the form").isEqualTo(201);
    }

    @Test
    void anIdWithSpacesAndUrlCharactersIsOnePathSegment() {
        String customer = team.tag + " 7#b?x&y%";
        String path = "customers/" + java.net.URLEncoder.encode(customer, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
        importCustomer(customer, false);
        PageSession browser = signedIn(team.a);

        Page page = browser.get(path);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(text(page.body(), "company")).contains(team.tag + " 7#b?x");
        Page logged = submit(browser, page, "touch", Map.of("touch:kind", "VISIT", "touch:outcome", "REACHED", "touch:note", "odd id"),
                "touch:save");
        assertThat(logged.status()).as(logged.body()).isEqualTo(302);
        assertThat(logged.location()).as("back to the same customer").hasValueSatisfying(l -> assertThat(l).endsWith("/" + path));
        assertThat(browser.get(path).body()).contains("odd id");
    }

    @Test
    void aPurchaseOrProblemFormPostedTwiceStoresOneRecord() throws SQLException {
        PageSession browser = signedIn(team.a);
        int problemsBefore = detail(team.customerOfA).getJsonArray("open_problems").size();
        Page page = browser.get("customers/" + team.customerOfA);
        Map<String, String> purchase = Map.of("purchase:key", hidden(page.body(), "purchase:key"), "purchase:purchasedOn", "2026-11-29",
                "purchase:amount", "99.00", "purchase:currency", "EUR", "purchase:description", "Sent twice", "purchase:externalId", "");
        Map<String, String> problem = Map.of("problem:key", hidden(page.body(), "problem:key"), "problem:summary", "Reported twice",
                "problem:severity", "LOW", "problem:category", "");

        for (int post = 0; post < 2; post++) { // a double click, or the post sent again from the browser's history
            assertThat(submit(browser, page, "purchase", purchase, "purchase:save").status()).isEqualTo(302);
            assertThat(submit(browser, page, "problem", problem, "problem:save").status()).isEqualTo(302);
        }

        String next = browser.get("customers/" + team.customerOfA).body();
        assertThat(section(next, "history").split("Sent twice", -1)).as("one purchase in the history").hasSize(2);
        JsonArray open = detail(team.customerOfA).getJsonArray("open_problems");
        assertThat(open.size()).isEqualTo(problemsBefore + 1);
        JsonObject opened = open.getValuesAs(JsonObject.class).stream().filter(p -> p.getString("summary").equals("Reported twice"))
                .findFirst().orElseThrow();
        assertThat(hidden(next, "purchase:key")).as("the next form is a new record").isNotEqualTo(purchase.get("purchase:key"));

        // the help desk resolves it; the old post sent once more neither reopens it nor moves when it was opened
        String id = opened.getString("external_id");
        String openedAt = problemRow(id).get(0);
        assertThat(api.asAdmin().postJson("api/problems/" + id + "/resolve", "{\"resolution\":\"Replaced the seal\"}").status())
                .isEqualTo(200);
        assertThat(submit(browser, page, "problem", problem, "problem:save").status()).isEqualTo(302);
        assertThat(detail(team.customerOfA).getJsonArray("open_problems").size()).as("still resolved").isEqualTo(problemsBefore);
        assertThat(problemRow(id)).isEqualTo(List.of(openedAt, "Replaced the seal", "0"));
    }

    /** When the problem was opened, its resolution and how often it was reopened, as its row holds them. */
    private static List<String> problemRow(String externalId) throws SQLException {
        try (Connection db = DriverManager.getConnection(System.getenv("RAPPORT_DB_URL"), System.getenv("RAPPORT_DB_USER"),
                System.getenv("RAPPORT_DB_PASSWORD"));
             PreparedStatement read = db.prepareStatement("SELECT opened_at, resolution, reopened FROM problem WHERE external_id = ?")) {
            read.setString(1, externalId);
            try (ResultSet row = read.executeQuery()) {
                assertThat(row.next()).as(externalId).isTrue();
                return java.util.Arrays.asList(row.getString(1), row.getString(2), row.getString(3));
            }
        }
    }

    @Test
    void aBadValueShowsTheServicesMessageNextToItsFieldAndStoresNothing() {
        PageSession browser = signedIn(team.a);

        Page visit = submit(browser, browser.get("customers/" + team.customerOfA), "touch",
                Map.of("touch:kind", "VISIT", "touch:outcome", "VOICEMAIL", "touch:note", "should not be stored"), "touch:save");
        Page amount = submit(browser, browser.get("customers/" + team.customerOfA), "purchase",
                Map.of("purchase:purchasedOn", "2026-11-30", "purchase:amount", "12,50", "purchase:currency", "EUR"), "purchase:save");
        Page currency = submit(browser, browser.get("customers/" + team.customerOfA), "purchase",
                Map.of("purchase:purchasedOn", "2026-11-30", "purchase:amount", "12.50", "purchase:currency", "XYZ"), "purchase:save");
        Page summary = submit(browser, browser.get("customers/" + team.customerOfA), "problem",
                Map.of("problem:summary", " ", "problem:severity", "LOW"), "problem:save");

        assertThat(visit.status()).isEqualTo(200);
        assertThat(text(visit.body(), "touch:outcomeError")).isEqualTo("outcome: a VISIT can have outcome [REACHED], not VOICEMAIL.");
        assertThat(text(amount.body(), "purchase:amountError")).isEqualTo("amount: must be a decimal string such as \"1250.00\"");
        assertThat(text(currency.body(), "purchase:currencyError")).isEqualTo("currency: XYZ is not an ISO 4217 currency code.");
        assertThat(text(summary.body(), "problem:summaryError")).startsWith("summary: must not be blank");
        assertThat(visit.body()).as("what was typed stays in the form").contains("should not be stored</textarea>");
        JsonObject detail = detail(team.customerOfA);
        assertThat(detail.getJsonArray("recent_touches")).isEmpty();
        assertThat(detail.getJsonArray("open_problems")).isEmpty();
        assertThat(section(browser.get("customers/" + team.customerOfA).body(), "history")).doesNotContain("12.50");
    }

    @Test
    void anotherSalespersonsCustomerIsA403ForTheirPageAndTheirForms() {
        PageSession colleague = signedIn(team.b);
        PageSession otherTeam = signedIn(team.c);

        Page read = colleague.get("customers/" + team.customerOfA);
        Page farther = otherTeam.get("customers/" + team.customerOfA);
        // a real form of b's own customer page, its action pointed at a's customer
        Page own = colleague.get("customers/" + team.customerOfB);
        Page forged = colleague.post("customers/" + team.customerOfA, fields(own, "touch", Map.of("touch:kind", "CALL",
                "touch:outcome", "REACHED", "touch:note", "forged"), "touch:save"));

        assertThat(read.status()).isEqualTo(403);
        assertThat(read.body()).doesNotContain("Alpha GmbH").doesNotContain("Alfred");
        assertThat(farther.status()).isEqualTo(403);
        assertThat(own.status()).isEqualTo(200);
        assertThat(forged.status()).isEqualTo(403);
        assertThat(detail(team.customerOfA).getJsonArray("recent_touches")).as("nothing logged on a's customer").isEmpty();
        int problems = detail(team.customerOfA).getJsonArray("open_problems").size();
        Page forgedPurchase = colleague.post("customers/" + team.customerOfA, fields(own, "purchase", Map.of("purchase:purchasedOn",
                "2026-11-30", "purchase:amount", "10.00", "purchase:currency", "EUR", "purchase:description", "forged",
                "purchase:externalId", ""), "purchase:save"));
        Page forgedProblem = colleague.post("customers/" + team.customerOfA, fields(own, "problem", Map.of("problem:summary", "forged",
                "problem:severity", "LOW", "problem:category", ""), "problem:save"));
        assertThat(forgedPurchase.status()).isEqualTo(403);
        assertThat(forgedProblem.status()).isEqualTo(403);
        assertThat(detail(team.customerOfA).getJsonArray("open_problems")).hasSize(problems);
        assertThat(signedIn(team.a).get("customers/" + team.customerOfA).body()).doesNotContain("forged");
        assertThat(signedIn(team.m).get("customers/" + team.customerOfA).status()).as("their manager, as in the API").isEqualTo(200);
    }

    @Test
    void anotherCustomersOrderNumberTypedIntoThePurchaseFormIsRefusedAndChangesNothing() {
        String order = Csv.unique("order");
        assertThat(team.as(team.b).postJson("api/purchases", "{\"external_id\":\"" + order + "\",\"customer\":\"" + team.customerOfB
                + "\",\"purchased_on\":\"2026-11-30\",\"amount\":\"500.00\",\"currency\":\"EUR\",\"description\":\"Sale by Bernd\"}")
                .status()).isEqualTo(201);
        PageSession anna = signedIn(team.a);

        Page taken = submit(anna, anna.get("customers/" + team.customerOfA), "purchase", Map.of("purchase:purchasedOn", "2026-11-30",
                "purchase:amount", "1.00", "purchase:currency", "EUR", "purchase:description", "overwrite", "purchase:externalId", order),
                "purchase:save");

        assertThat(taken.status()).as("the page again, with the refusal").isEqualTo(200);
        assertThat(taken.body()).contains("purchase " + order);
        assertThat(signedIn(team.b).get("customers/" + team.customerOfB).body()).contains("Sale by Bernd").doesNotContain("overwrite");
    }

    @Test
    @ExtendWith(BrowserExtension.class)
    void inABrowserAnotherSalespersonsCustomerPageIsRefusedInPlainWords(Browser browser) {
        browser.signIn(team.b, Team.PASSWORD).open("customers/" + team.customerOfA);

        assertThat(browser.text()).contains("You may not open this page.").doesNotContain("Alpha GmbH").doesNotContain("Alfred");
        browser.assertAccessible();
        browser.open("customers/" + team.customerOfB);
        assertThat(browser.find(By.id("company")).getText()).as("their own customer opens").contains("Beta KG");
    }

    @Test
    @ExtendWith(BrowserExtension.class)
    @SuppressWarnings("unchecked")
    void aRecordFormSubmittedAgainWhileItsPostIsOnItsWayIsNotSentTwice(Browser browser) {
        browser.signIn(team.a, Team.PASSWORD).open("customers/" + team.customerOfA);

        // two submits in one moment, as a double click makes them; dispatched, not sent, so nothing leaves the page
        List<Object> prevented = (List<Object>) ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("""
                const form = document.getElementById('touch');
                const first = new Event('submit', {bubbles: true, cancelable: true});
                const second = new Event('submit', {bubbles: true, cancelable: true});
                form.dispatchEvent(first);
                form.dispatchEvent(second);
                return [first.defaultPrevented, second.defaultPrevented, form.getAttribute('aria-busy')];""");

        assertThat(prevented).as("the first goes, the second is dropped, the form says it is busy")
                .containsExactly(false, true, "true");
    }

    @Test
    void anUnknownCustomerIsA404() {
        PageSession browser = signedIn(team.a);

        assertThat(browser.get("customers/" + team.tag + "-NOBODY").status()).isEqualTo(404);
        assertThat(browser.get("customers").status()).isEqualTo(404);
    }

    @Test
    void signedOutTheCustomerPageAsksForTheLogin() {
        Page page = PageSession.onTestServer().get("customers/" + team.customerOfA);

        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).hasValueSatisfying(l -> assertThat(l).contains("/login"));
    }

    private void importCustomer(String customer, boolean doNotContact) {
        Api.Reply imported = api.asAdmin().postCsv("api/import/customers", Csv.lines(
                "external_id,company,contact_first_name,contact_last_name,preferred_name,email,phone,time_zone,owner,do_not_contact,intro_ok,preferences,personal_notes",
                customer + ",Delta AG,Dora,Dreher,Dodo,dora@delta.example,+49 30 1234567,Asia/Tokyo," + team.a
                        + "," + doNotContact + ",true,Calls after 10 only,Two kids; loves sailing"));
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        assertThat(imported.json().getJsonArray("rejected")).as(imported.toString()).isEmpty();
    }

    /** A reward proposed by salesperson {@code proposer} for their customer; its id. */
    private long proposedReward(String proposer, String customer, String subject) {
        Api.Reply proposed = team.as(proposer).postJson("api/rewards", "{\"customer\":\"" + customer
                + "\",\"kind\":\"REFERRAL_CONVERTED\",\"subject\":\"" + subject + "\",\"reason\":\"recommending " + subject + "\"}");
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        return proposed.json().getJsonNumber("id").longValue();
    }

    private PageSession signedIn(String username) {
        PageSession browser = PageSession.onTestServer();
        assertThat(browser.signIn(username, Team.PASSWORD).status()).isEqualTo(302);
        return browser;
    }

    private JsonObject detail(String customer) {
        Api.Reply reply = api.asAdmin().get("api/customers/" + customer);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    /** The value of the hidden field named {@code name}. */
    private static String hidden(String body, String name) {
        Matcher m = Pattern.compile("<input[^>]*name=\"" + Pattern.quote(name) + "\"[^>]*value=\"([^\"]*)\"").matcher(body);
        assertThat(m.find()).as("a field " + name).isTrue();
        return m.group(1);
    }

    /** Posts the form {@code formId} of {@code page} where its action points, as a browser would. */
    private static Page submit(PageSession browser, Page page, String formId, Map<String, String> values, String button) {
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        Matcher action = Pattern.compile("<form id=\"" + Pattern.quote(formId) + "\"[^>]*action=\"([^\"]*)\"").matcher(page.body());
        assertThat(action.find()).as("form " + formId).isTrue();
        return browser.post(action.group(1).replace("&amp;", "&"), fields(page, formId, values, button));
    }

    private static Map<String, String> fields(Page page, String formId, Map<String, String> values, String button) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(formId, formId);
        fields.putAll(values);
        fields.put(button, "save");
        fields.put("jakarta.faces.ViewState", page.viewState());
        return fields;
    }

    /** The text of the element with this id. */
    private static String text(String body, String id) {
        Matcher m = Pattern.compile("id=\"" + Pattern.quote(id) + "\"[^>]*>([^<]*)<").matcher(body);
        assertThat(m.find()).as("an element " + id + " in " + body).isTrue();
        return m.group(1).strip();
    }

    /** From the element with this id to the end of its section. */
    private static String section(String body, String id) {
        int start = body.indexOf("id=\"" + id + "\"");
        assertThat(start).as("section " + id).isNotNegative();
        int end = body.indexOf("</section>", start);
        return body.substring(start, end < 0 ? body.length() : end);
    }
}
