package org.rapport.responses;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
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

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The customer's own pages in a real browser (Chromium), opened from the links of a real email: used as a customer
 * would, what they decide is stored, and each page is accessible (axe) at laptop and phone width, in both languages.
 */
@ExtendWith(BrowserExtension.class)
class CustomerPagesIT {

    private static final Pattern UNSUBSCRIBE = Pattern.compile("<https?://[^>]*/(u/[a-z2-7]+)>");
    private static final Pattern RECOMMEND = Pattern.compile("https?://\\S*/(recommend/[a-z2-7]+)");

    Api api;
    Team team;

    @BeforeEach
    void team() {
        api = TestServer.api();
        team = new Team(api);
    }

    @Test
    void aCustomerStopsOnePurposeOnThePreferencesPageAndItIsStored(Browser browser) throws Exception {
        String customer = customerWithThankYouNote("pref", "en");
        browser.open(unsubscribeLink(customer));
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Stop emails from us?");
        browser.check("unsubscribe");

        WebElement introductions = browser.find(By.cssSelector("input[name=keep][value=INTRODUCTION]"));
        assertThat(introductions.isSelected()).isTrue();
        browser.find(By.xpath("//label[normalize-space()='Introductions to other customers']")).click();
        assertThat(introductions.isSelected()).as("its label ticks the box").isFalse();
        browser.find(By.id("save")).click();

        assertThat(browser.waitFor(By.id("result")).getText()).isEqualTo("Your preferences are saved");
        assertThat(browser.text()).contains("Thank-you notes", "Notices of rewards for referrals")
                .doesNotContain("Introductions to other customers");
        browser.check("unsubscribe-saved");
        assertThat(browser.driver().manage().getCookies()).as("the pages set no cookie").isEmpty();
        JsonObject consent = consent(customer);
        assertThat(consent.getJsonArray("stopped_purposes").getValuesAs(JsonString.class))
                .extracting(JsonString::getString).containsExactly("INTRODUCTION");
        assertThat(consent.isNull("unsubscribed_at")).isTrue();
    }

    @Test
    void aGermanCustomerUnsubscribesFromEverythingWithOneButton(Browser browser) throws Exception {
        String customer = customerWithThankYouNote("abmelden", "de");
        browser.open(unsubscribeLink(customer));
        assertThat(browser.find(By.tagName("html")).getAttribute("lang")).isEqualTo("de");
        browser.check("unsubscribe-de");

        browser.find(By.id("unsubscribe")).click();

        assertThat(browser.waitFor(By.id("result")).getText()).isEqualTo("Sie sind abgemeldet");
        browser.check("unsubscribed-de");
        JsonObject consent = consent(customer);
        assertThat(consent.getString("unsubscribed_via")).isEqualTo("page");
        assertThat(consent.isNull("unsubscribed_at")).isFalse();
    }

    @Test
    void aGermanCustomerAsksForTheErasureOfTheirDataAndAnAdminDeclinesItOnTheQueuePage(Browser browser) throws Exception {
        String customer = customerWithThankYouNote("loeschen", "de");
        browser.open(unsubscribeLink(customer));

        browser.find(By.id("request-erasure")).click();

        assertThat(browser.waitFor(By.id("result")).getText()).isEqualTo("Ihre Anfrage ist eingegangen");
        browser.check("data-request-de");
        JsonObject request = api.asAdmin().get("api/data-requests?status=OPEN").array().getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getString("customer").equals(customer)).findFirst().orElseThrow();
        assertThat(request.getString("kind")).isEqualTo("ERASURE");
        assertThat(consent(customer).isNull("unsubscribed_at")).as("a request changes nothing by itself").isTrue();

        // the admins' queue: the request in its row, declined there
        PageSession manager = PageSession.onTestServer();
        manager.signIn(team.m, Team.PASSWORD);
        assertThat(manager.get("admin/data-requests").status()).isEqualTo(403);
        browser.signIn("admin", Api.ADMIN_PASSWORD).open("admin/data-requests");
        String row = "//tr[@data-request='" + request.getJsonNumber("id") + "']";
        assertThat(browser.find(By.xpath(row + "/th")).getText()).contains(customer);
        assertThat(browser.find(By.xpath(row + "/td[1]")).getText()).isEqualTo("Delete my data");
        browser.check("admin-data-requests");
        browser.find(By.xpath(row + "//input[contains(@id, 'decline')]")).click();
        browser.waitUntil(d -> browser.text().contains("The request of " + customer + " is declined."));
        assertThat(browser.findAll(By.xpath(row))).isEmpty();
        assertThat(api.asAdmin().get("api/data-requests?status=DECLINED").array().getValuesAs(JsonObject.class))
                .anyMatch(r -> r.getString("customer").equals(customer) && r.getString("handled_by").equals("admin"));
    }

    @Test
    void aCustomerRecommendsSomeoneThroughTheFormOfTheirThankYouNote(Browser browser) throws Exception {
        String customer = customerWithThankYouNote("fan", "en");
        String text = (String) ((Multipart) mail(customer).getContent()).getBodyPart(0).getContent();
        Matcher form = RECOMMEND.matcher(text);
        assertThat(form.find()).as(text).isTrue();
        browser.open(form.group(1));
        browser.check("recommend");

        browser.find(By.id("name")).sendKeys("Jane Roe");
        browser.find(By.id("company")).sendKeys("Roe Logistics");
        browser.find(By.id("send")).click();
        assertThat(browser.waitFor(By.id("errors")).getText()).isEqualTo("Please enter a valid email address or a phone number.");
        assertThat(browser.find(By.id("email")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find(By.id("email")).getAttribute("aria-describedby")).isEqualTo("error-email");
        assertThat(browser.find(By.id("name")).getAttribute("aria-invalid")).isNull();
        assertThat(browser.find(By.id("name")).getAttribute("value")).as("what was typed stays").isEqualTo("Jane Roe");
        browser.check("recommend-error");

        browser.find(By.id("phone")).sendKeys("+49 30 1234");
        browser.find(By.id("send")).click();

        assertThat(browser.waitFor(By.id("result")).getText()).isEqualTo("Thank you for your recommendation");
        browser.check("recommend-sent");
        assertThat(team.as(team.a).get("api/referrals?customer=" + customer).array().getValuesAs(JsonObject.class))
                .singleElement().satisfies(r -> {
                    assertThat(r.getString("name")).isEqualTo("Jane Roe");
                    assertThat(r.getString("source")).isEqualTo("FORM");
                });
    }

    @Test
    void aLinkCutShortGetsAPageInTheBrowsersLanguageThatPassesEveryAxeRule(Browser browser) throws Exception {
        String customer = customerWithThankYouNote("cut", "en");
        String link = unsubscribeLink(customer);
        String cut = link.substring(0, link.length() - 3);

        browser.language("de-DE,de;q=0.9,en;q=0.5").open(cut);

        assertThat(browser.find(By.tagName("html")).getAttribute("lang")).isEqualTo("de");
        assertThat(browser.find(By.id("result")).getText()).isEqualTo("Dieser Link ist ungültig");
        browser.check("invalid-link-de");
        for (int width : Browser.WIDTHS) {
            assertThat(browser.width(width).axe()).as("axe findings of any impact at " + width + " px").isEmpty();
        }
        browser.language("en-GB,en;q=0.8,de;q=0.5").open(cut);
        assertThat(browser.find(By.id("result")).getText()).isEqualTo("This link is not valid");
        assertThat(consent(customer).isNull("unsubscribed_at")).isTrue();
    }

    @Test
    void aGermanCustomerSendsTheRatingTheyClickedInTheirCheckIn(Browser browser) throws Exception {
        String customer = customerWithEmail("rating", "de", "problem-check-in",
                "{\"problem\":{\"summary\":\"Lieferung zu spät\",\"resolution\":\"Express\"}}");
        String html = (String) ((Multipart) mail(customer).getContent()).getBodyPart(1).getContent();
        Matcher five = Pattern.compile("https?://[^\"]*/(r/[a-z2-7]+)").matcher(html);
        for (int i = 0; i < 5; i++) {
            assertThat(five.find()).as(html).isTrue();
        }
        browser.open(five.group(1));
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Ihre Bewertung: 5 von 5");
        browser.check("rating-de");

        browser.find(By.id("send")).click();

        assertThat(browser.waitFor(By.id("result")).getText()).isEqualTo("Danke für Ihre Bewertung");
        browser.check("rating-sent-de");
        JsonObject checkIn = api.asAdmin().get("api/customers/" + customer + "/messages").array().getJsonObject(0);
        assertThat(checkIn.getJsonArray("responses").getJsonObject(0).getString("kind")).isEqualTo("RATING");
        assertThat(checkIn.getJsonArray("responses").getJsonObject(0).getString("detail")).isEqualTo("5");
    }

    /** A customer of salesperson a who has received a thank-you note (with its unsubscribe and recommend links). */
    private String customerWithThankYouNote(String prefix, String locale) {
        return customerWithEmail(prefix, locale, "thank-you-anniversary", "{\"years\":\"3\"}");
    }

    /** A customer of salesperson a who has received one email of {@code template}. */
    private String customerWithEmail(String prefix, String locale, String template, String fields) {
        String customer = Csv.unique(prefix).toUpperCase();
        Api.Reply imported = api.asAdmin().postCsv("api/import/customers", Csv.lines(
                "external_id,company,contact_first_name,preferred_name,email,time_zone,locale,owner",
                customer + ",Page AG,Paula,Paula," + email(customer) + ",Europe/Berlin," + locale + "," + team.a));
        assertThat(imported.json().getInt("created")).as(imported.toString()).isEqualTo(1);
        Api.Reply composed = api.asAdmin().postJson("api/outbox", "{\"template\":\"" + template + "\",\"customer\":\""
                + customer + "\",\"fields\":" + fields + "}");
        assertThat(composed.status()).as(composed.toString()).isEqualTo(201);
        int id = composed.json().getInt("id");
        Eventually.soon().until(() -> api.asAdmin().get("api/outbox/" + id).json().getString("status").equals("SENT"));
        return customer;
    }

    private static String email(String customer) {
        return customer.toLowerCase() + "@pages.example";
    }

    private static MimeMessage mail(String customer) {
        return Mailbox.single(email(customer));
    }

    private static String unsubscribeLink(String customer) throws Exception {
        Matcher link = UNSUBSCRIBE.matcher(mail(customer).getHeader("List-Unsubscribe", null));
        assertThat(link.find()).isTrue();
        return link.group(1);
    }

    /** The customer's consent as their salesperson sees it. */
    private JsonObject consent(String customer) {
        Api.Reply reply = team.as(team.a).get("api/customers/" + customer);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json().getJsonObject("consent");
    }
}
