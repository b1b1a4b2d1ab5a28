package org.rapport.calllists;

import jakarta.json.JsonObject;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rapport.testing.Api;
import org.rapport.testing.Csv;
import org.rapport.testing.TestServer;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The calendar feed seen by a calendar app (no login, a secret address) and by someone who got hold of an address.
 * The salespeople here work every day and in no holiday region, so today always has a list, whatever day the test runs.
 */
class CalendarFeedIT {

    static final String PASSWORD = "correct-horse-battery";

    Api api;
    String tag = Csv.unique("feed");
    String anna = tag + "-A";
    String bert = tag + "-B";
    String customer = tag + "-C1";
    LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));

    @BeforeEach
    void salespeopleWithACustomerDueToday() {
        api = TestServer.api();
        Api.Reply people = api.asAdmin().postCsv("api/import/salespeople", Csv.lines(
                "external_id,name,email,time_zone,region,daily_capacity,working_days,role,manager,backup",
                anna + ",Anna Feed,,Europe/Berlin,,20,MON-SUN,SALES,,",
                bert + ",Bert Feed,,Europe/Berlin,,20,MON-SUN,SALES,,"));
        assertThat(people.json().getJsonArray("rejected")).as(people.toString()).isEmpty();
        Api.Reply customers = api.asAdmin().postCsv("api/import/customers", Csv.lines(
                "external_id,company,preferred_name,phone,time_zone,owner,preferences,personal_notes",
                customer + ",Feed Works Ltd,Fiona,+49 30 5550123,Europe/Berlin," + anna + ",mornings only,recovering from a divorce"));
        assertThat(customers.json().getInt("created")).as(customers.toString()).isEqualTo(1);
        login(anna);
        login(bert);
        assertThat(api.asAdmin().postJson("api/planning/run", "").status()).isEqualTo(200);
    }

    @Test
    void theFeedIsTodaysListOneEventPerCallWithoutPersonalNotes() throws Exception {
        List<JsonObject> items = api.as(anna, PASSWORD).get("api/call-lists/" + anna + "/" + today).json()
                .getJsonArray("items").getValuesAs(JsonObject.class);
        assertThat(items).extracting(i -> i.getString("customer")).containsExactly(customer);
        long id = items.get(0).getJsonNumber("id").longValue();

        Api.Reply feed = api.anonymous().get(path(link(anna)));

        assertThat(feed.status()).as(feed.toString()).isEqualTo(200);
        assertThat(feed.contentType()).startsWith("text/calendar");
        List<VEvent> events = events(feed.body());
        assertThat(events).hasSize(1);
        VEvent event = events.get(0);
        assertThat(event.getProperty("SUMMARY").orElseThrow().getValue()).isEqualTo("Call Feed Works Ltd (Fiona)");
        assertThat(event.getProperty("UID").orElseThrow().getValue()).isEqualTo("planned-touch-" + id + "-" + today + "@rapport");
        assertThat(event.getProperty("DESCRIPTION").orElseThrow().getValue())
                .contains("no conversation on record", "Phone: +49 30 5550123", "Preferences: mornings only")
                .doesNotContain("divorce");
        assertThat(feed.body()).doesNotContain("divorce");
    }

    @Test
    void rotatingOneSalespersonsLinkRevokesTheirOldLinksAndNobodyElses() {
        String annasOld = link(anna);
        String bertsLink = link(bert);
        assertThat(api.anonymous().get(path(annasOld)).status()).isEqualTo(200);

        assertThat(api.as(bert, PASSWORD).postJson("api/call-lists/" + anna + "/calendar-link", "").status())
                .as("a colleague revoking Anna's link").isEqualTo(403);
        assertThat(api.anonymous().get(path(annasOld)).status()).isEqualTo(200);

        Api.Reply rotated = api.as(anna, PASSWORD).postJson("api/call-lists/" + anna + "/calendar-link", "");
        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
        String annasNew = rotated.json().getString("url");

        assertThat(annasNew).isNotEqualTo(annasOld);
        assertThat(api.anonymous().get(path(annasOld)).status()).as("the old link").isEqualTo(404);
        assertThat(api.anonymous().get(path(annasNew)).status()).isEqualTo(200);
        assertThat(link(anna)).as("what the API hands out from now on").isEqualTo(annasNew);
        assertThat(api.anonymous().get(path(bertsLink)).status()).as("another salesperson's link").isEqualTo(200);
    }

    @Test
    void aDisabledLoginStopsItsFeed() {
        String feed = link(anna);
        assertThat(api.anonymous().get(path(feed)).status()).isEqualTo(200);

        assertThat(setEnabled(anna, false).status()).isEqualTo(200);

        assertThat(api.anonymous().get(path(feed)).status()).isEqualTo(404);
        Api.Reply refused = api.asAdmin().get("api/call-lists/" + anna + "/calendar-link");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(api.anonymous().get(path(link(bert))).status()).as("a colleague's feed").isEqualTo(200);

        assertThat(setEnabled(anna, true).status()).isEqualTo(200);
        assertThat(api.anonymous().get(path(feed)).status()).isEqualTo(200);
    }

    private String link(String salesperson) {
        Api.Reply reply = api.as(salesperson, PASSWORD).get("api/call-lists/" + salesperson + "/calendar-link");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json().getString("url");
    }

    private static String path(String url) {
        return url.substring(url.indexOf("/calendar/") + 1);
    }

    private Api.Reply setEnabled(String login, boolean enabled) {
        return api.asAdmin().put("api/users/" + login, "{\"role\":\"SALES\",\"salesperson\":\"" + login + "\",\"enabled\":" + enabled + "}");
    }

    private void login(String salesperson) {
        Api.Reply created = api.asAdmin().postJson("api/users", "{\"username\":\"" + salesperson + "\",\"password\":\"" + PASSWORD
                + "\",\"role\":\"SALES\",\"salesperson\":\"" + salesperson + "\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    private static List<VEvent> events(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics)).getComponents("VEVENT");
    }
}
