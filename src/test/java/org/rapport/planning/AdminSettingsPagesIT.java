package org.rapport.planning;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.rapport.testing.Api;
import org.rapport.testing.Browser;
import org.rapport.testing.BrowserExtension;
import org.rapport.testing.PageSession;
import org.rapport.testing.Team;
import org.rapport.testing.TestServer;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin pages for the shared settings, in Chromium: {@code /admin/rules} (a rule changed on the page is what
 * {@code GET /api/rules} serves; a refused value shows the API's message next to its field and stores nothing),
 * {@code /admin/holidays} (a day added and removed, seen through {@code GET /api/holidays}; a day listed twice refused
 * next to its row) and {@code /admin/templates} (a German preview for a customer, the HTML in a sandboxed frame); each
 * page axe-clean at both widths; {@code /admin/audit} lists the admin's own sign-in. Over HTTP: a manager's and a salesperson's login get 403 on all three.
 * <p>
 * Rules and holidays are shared by every test of the run: each test puts back what it found ({@link #putBack}). The
 * API tests run one class at a time on the shared server, so no other test reads them meanwhile; the rule changed is
 * {@code introductions.suggestions_per_customer}, which only a matching run reads, and it is put back at once.
 */
@ExtendWith(BrowserExtension.class)
class AdminSettingsPagesIT {

    private final Api api = TestServer.api();
    private final Api admin = api.asAdmin();
    private JsonObject rules;
    private JsonArray holidays;

    @BeforeEach
    void remember() {
        rules = admin.get("api/rules").json();
        holidays = admin.get("api/holidays").array();
    }

    @AfterEach
    void putBack() {
        if (!admin.get("api/rules").json().equals(rules)) {
            assertThat(admin.put("api/rules", rules.toString()).status()).as("rules put back").isEqualTo(200);
        }
        if (!admin.get("api/holidays").array().equals(holidays)) {
            assertThat(admin.put("api/holidays", holidays.toString()).status()).as("holidays put back").isEqualTo(200);
        }
    }

    @Test
    void theAuditPageListsTheAdminsOwnSignIn(Browser browser) {
        long before = admin.get("api/audit?limit=1").json().getJsonArray("events").getJsonObject(0).getJsonNumber("id").longValue();

        browser.signIn("admin", Api.ADMIN_PASSWORD).open("admin/audit?kind=LOGIN&actor=admin");

        WebElement newest = browser.find(By.cssSelector("tr.audit-event"));
        assertThat(newest.getAttribute("data-kind")).isEqualTo("LOGIN");
        assertThat(Long.parseLong(newest.getAttribute("data-id"))).as("this browser's sign-in").isGreaterThan(before);
        assertThat(newest.getText()).contains("admin", "LOGIN");
        browser.check("admin-audit");
    }

    @Test
    void aRuleChangedOnThePageIsWhatTheApiServesAndARefusedValueStoresNothing(Browser browser) {
        int suggestions = rules.getJsonObject("introductions").getInt("suggestions_per_customer");
        int changed = suggestions == 50 ? 49 : suggestions + 1;
        browser.signIn("admin", Api.ADMIN_PASSWORD).open("admin/rules");
        assertThat(value(browser, "rules:introductions_suggestionsPerCustomer")).isEqualTo(String.valueOf(suggestions));
        assertThat(value(browser, "rules:contactPolicy_sendWindowStart"))
                .isEqualTo(rules.getJsonObject("contact_policy").getString("send_window_start"));
        browser.check("admin-rules");

        type(browser, "rules:introductions_suggestionsPerCustomer", String.valueOf(changed));
        save(browser, "rules:save");
        browser.waitUntil(d -> browser.text().contains("Rules saved."));
        JsonObject saved = admin.get("api/rules").json();
        putBack(); // at once: the shared server's rules as they were for every later test
        assertThat(saved.getJsonObject("introductions").getInt("suggestions_per_customer")).isEqualTo(changed);
        assertThat(saved.getJsonObject("cadence_days")).as("nothing else changed").isEqualTo(rules.getJsonObject("cadence_days"));
        assertThat(saved.getJsonObject("rewards")).isEqualTo(rules.getJsonObject("rewards"));

        // the service's rule: a value out of range, with a valid change beside it that must not be stored either
        browser.open("admin/rules");
        type(browser, "rules:introductions_suggestionsPerCustomer", String.valueOf(changed));
        type(browser, "rules:capacity_defaultDaily", "0");
        save(browser, "rules:save");
        assertThat(message(browser, "rules:capacity_defaultDailyError"))
                .isEqualTo("capacity.default_daily: must be between 1 and 500, not 0.");
        assertThat(value(browser, "rules:capacity_defaultDaily")).as("what was typed stays").isEqualTo("0");
        assertThat(admin.get("api/rules").json()).as("nothing stored").isEqualTo(rules);

        // a team's own budget for someone who leads no team: the message next to that row
        browser.open("admin/rules");
        int row = browser.findAll(By.cssSelector(".budget")).size();
        save(browser, "rules:addBudget");
        String nobody = "NOBODY-" + ThreadLocalRandom.current().nextInt(1_000_000);
        type(browser, "rules:budgets:" + row + ":manager", nobody);
        type(browser, "rules:budgets:" + row + ":amount", "10");
        save(browser, "rules:save");
        assertThat(message(browser, "rules:budgets:" + row + ":managerError")).isEqualTo("rewards.team_budgets." + nobody
                + ": is not the external id of a manager (a team is named by its manager).");
        assertThat(admin.get("api/rules").json()).as("nothing stored").isEqualTo(rules);

        // the document's Bean Validation: an empty field, as a PUT without it would be refused
        browser.open("admin/rules");
        type(browser, "rules:thankYou_minDaysBetween", "");
        save(browser, "rules:save");
        assertThat(message(browser, "rules:thankYou_minDaysBetweenError")).isEqualTo("thank_you.min_days_between: must not be null");
        assertThat(admin.get("api/rules").json()).as("nothing stored").isEqualTo(rules);
    }

    @Test
    void aHolidayAddedAndRemovedOnThePageIsSeenThroughTheApi(Browser browser) {
        String day = freeDay();
        browser.signIn("admin", Api.ADMIN_PASSWORD).open("admin/holidays");

        setDate(browser, "holidays:newDate", day);
        type(browser, "holidays:newName", "Rapport's birthday");
        save(browser, "holidays:add");
        browser.waitFor(By.cssSelector("li.holiday[data-date='" + day + "']"));
        assertThat(dates(admin.get("api/holidays").array())).as("added to the list, not stored yet").doesNotContain(day);
        save(browser, "holidays:save");
        browser.waitUntil(d -> browser.text().contains("Company holidays saved."));
        JsonObject stored = admin.get("api/holidays").array().getValuesAs(JsonObject.class).stream()
                .filter(h -> h.getString("date").equals(day)).findFirst().orElseThrow();
        assertThat(stored.getString("name")).isEqualTo("Rapport's birthday");
        assertThat(dates(admin.get("api/holidays").array())).containsAll(dates(holidays));
        browser.check("admin-holidays");

        // the same day twice: the service's message next to the second row's date, and nothing stored
        setDate(browser, "holidays:newDate", day);
        type(browser, "holidays:newName", "Twice");
        save(browser, "holidays:add");
        browser.waitFor(By.cssSelector("li.holiday[data-row='" + (holidays.size() + 1) + "']"));
        save(browser, "holidays:save");
        int second = rowOf(browser, day, "Twice");
        assertThat(message(browser, "holidays:rows:" + second + ":dateError")).isEqualTo("[" + second + "].date: " + day + " is listed twice.");
        assertThat(admin.get("api/holidays").array().size()).isEqualTo(holidays.size() + 1);

        browser.open("admin/holidays");
        int row = rowOf(browser, day, "Rapport's birthday");
        save(browser, "holidays:rows:" + row + ":remove");
        browser.waitUntil(d -> browser.findAll(By.cssSelector("li.holiday[data-date='" + day + "']")).isEmpty());
        save(browser, "holidays:save");
        browser.waitUntil(d -> browser.text().contains("Company holidays saved."));
        assertThat(admin.get("api/holidays").array()).isEqualTo(holidays);
    }

    @Test
    void aTemplateIsPreviewedForACustomerInGermanInASandboxedFrame(Browser browser) {
        Team team = new Team(api);
        browser.signIn("admin", Api.ADMIN_PASSWORD).open("admin/templates");

        new Select(browser.find(By.id("preview:template"))).selectByValue("thank-you-purchase");
        type(browser, "preview:customer", team.customerOfA);
        new Select(browser.find(By.id("preview:locale"))).selectByValue("de");
        save(browser, "preview:show");

        assertThat(browser.waitFor(By.id("subject")).getText()).isEqualTo("Vielen Dank für Ihren Auftrag, Alfred");
        WebElement frame = browser.find(By.id("html"));
        assertThat(frame.getAttribute("sandbox")).as("no permission: nothing in the message runs").isEmpty();
        assertThat(frame.getAttribute("srcdoc")).contains("Alfred").contains("Anna Seller").contains("lang=\"de\"");
        assertThat(browser.find(By.id("text")).getText()).contains("Alfred");
        assertThat(((JavascriptExecutor) browser.driver()).executeScript("return document.getElementById('html').contentDocument;"))
                .as("the frame's document is not the page's to reach").isNull();
        browser.check("admin-templates");

        type(browser, "preview:customer", team.tag + "-NOBODY");
        save(browser, "preview:show");
        assertThat(message(browser, "preview:customerError")).isEqualTo("There is no customer '" + team.tag + "-NOBODY'.");
        assertThat(browser.findAll(By.id("subject"))).as("no preview").isEmpty();
    }

    @Test
    void aManagerAndASalespersonGet403OnEachPage() {
        Team team = new Team(api);
        for (String login : List.of(team.m, team.a)) {
            PageSession session = PageSession.onTestServer();
            session.signIn(login, Team.PASSWORD);
            for (String page : List.of("admin/rules", "admin/holidays", "admin/templates")) {
                assertThat(session.get(page).status()).as(login + " on " + page).isEqualTo(403);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------- helpers

    /** A day far ahead that no company holiday has. */
    private String freeDay() {
        List<String> taken = dates(holidays);
        String day;
        do {
            day = LocalDate.of(2040, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(3650)).toString();
        } while (taken.contains(day));
        return day;
    }

    private static List<String> dates(JsonArray list) {
        return list.getValuesAs(JsonObject.class).stream().map(h -> h.getString("date")).toList();
    }

    private static String value(Browser browser, String id) {
        return browser.find(By.id(id)).getAttribute("value");
    }

    private static void type(Browser browser, String id, String text) {
        WebElement field = browser.find(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** A date picker's value as the browser sends it (typing into one depends on the browser's locale). */
    private static void setDate(Browser browser, String id, String date) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1];", browser.find(By.id(id)), date);
    }

    /** Clicks a button that posts the form, and waits for the page that answers. */
    private static void save(Browser browser, String buttonId) {
        WebElement button = browser.find(By.id(buttonId));
        button.click();
        browser.waitUntil(d -> isStale(button));
    }

    private static boolean isStale(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.WebDriverException e) { // stale, or (Chromium) no longer in the document
            return true;
        }
    }

    private static String message(Browser browser, String id) {
        return browser.waitFor(By.id(id)).getText();
    }

    /** The index of the row showing {@code day} named {@code name}. */
    private static int rowOf(Browser browser, String day, String name) {
        return browser.findAll(By.cssSelector("li.holiday")).stream()
                .filter(li -> day.equals(li.getAttribute("data-date"))
                        && name.equals(li.findElement(By.cssSelector("input[id$=':name']")).getAttribute("value")))
                .map(li -> Integer.parseInt(li.getAttribute("data-row"))).findFirst().orElseThrow();
    }
}
