package org.rapport.calllists;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.rapport.testing.Api;
import org.rapport.testing.Browser;
import org.rapport.testing.BrowserExtension;
import org.rapport.testing.Csv;
import org.rapport.testing.TestServer;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /today} in a real browser: a salesperson works three cards by keyboard (j to the next card, 1-3 for the
 * outcome), the list redraws in place, and the outcomes are stored (checked through the API). The page and the login
 * page and the customer page a card links to have no serious or critical accessibility violation at 1280 and 375 px.
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
        String[] rowsOf = {
                ",Nordlicht Logistik GmbH,Jana,Jana,Berg,+49 30 5550101,Europe/Berlin,Prefers calls before 10:00,Daughter starts university in October",
                ",Atlantique Matériaux SAS,Hélène,Hélène,Lemaître,+33 1 55501020,Europe/Paris,Short emails; no attachments,",
                ",Alpen Software AG,Klaus,Klaus,Schneider,+49 89 5550303,Europe/Berlin,,Collects vintage watches",
                ",Harbour Foods Ltd,Sam,Sam,Okafor,+44 20 5550404,Europe/London,Call the mobile,Runs marathons"};
        StringBuilder rows = new StringBuilder("external_id,company,preferred_name,contact_first_name,contact_last_name,phone,time_zone,preferences,personal_notes,email,owner");
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
