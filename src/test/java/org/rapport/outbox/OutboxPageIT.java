package org.rapport.outbox;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.rapport.testing.Api;
import org.rapport.testing.Browser;
import org.rapport.testing.BrowserExtension;
import org.rapport.testing.Csv;
import org.rapport.testing.Eventually;
import org.rapport.testing.PageSession;
import org.rapport.testing.PageSession.Page;
import org.rapport.testing.Team;
import org.rapport.testing.TestMailServer;
import org.rapport.testing.TestServer;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /outbox}: in Chromium an admin searches for a customer's failed messages, opens one and sees its subject, text
 * and HTML rendered (the HTML in a sandboxed frame, the customer's signed links left out), sends it again and the API
 * shows it on its way; the page has no serious or critical accessibility violation. Over HTTP: signed out it asks for
 * the login; a salesperson sees only their own customers' mail and no resend button, and a resend forged into their
 * page's request gets the service's refusal while nothing changes; an admin's resend of a message that did not fail is
 * refused the same way.
 */
@ExtendWith(BrowserExtension.class)
class OutboxPageIT {

    private final Api api = TestServer.api();
    private final Api admin = api.asAdmin();
    private final Team team = new Team(api);

    @AfterEach
    void gateOpen() {
        TestMailServer.gate().acceptAll();
    }

    @Test
    void anAdminFindsAFailedMessageSeesItRenderedAndSendsItAgain(Browser browser) {
        String customer = customerOf(team.a, "Bea");
        long failed = failedMessage(customer);

        browser.signIn("admin", Api.ADMIN_PASSWORD).open("outbox");
        new Select(browser.find(By.id("status"))).selectByValue("FAILED");
        browser.find(By.id("customer")).sendKeys(customer);
        browser.find(By.cssSelector("form.outbox-search button[type=submit]")).click();
        browser.waitUntil(d -> d.getCurrentUrl().contains("status=FAILED"));
        assertThat(browser.findAll(By.cssSelector("table.outbox tr[data-message]"))).extracting(r -> r.getAttribute("data-message"))
                .containsExactly(String.valueOf(failed));

        browser.find(By.cssSelector("tr[data-message='" + failed + "'] a")).click();
        browser.waitFor(By.id("rendered-subject"));
        assertThat(browser.find(By.id("message-status")).getText()).isEqualTo("failed");
        assertThat(browser.find(By.id("message-error")).getText()).contains("550");
        assertThat(browser.find(By.id("message-recipient")).getText()).isEqualTo(customer.toLowerCase() + "@outbox-page.example");
        assertThat(browser.find(By.id("rendered-subject")).getText()).isEqualTo("2 years together – thank you, Bea");
        assertThat(browser.find(By.id("rendered-text")).getText()).contains("Hi Bea,").contains("Today it is 2 years since we started")
                .contains("#unsubscribe").doesNotContain("/u/");
        WebElement html = browser.find(By.id("rendered-html"));
        assertThat(html.getAttribute("sandbox")).as("a sandbox with no permission: no script, no same origin").isEmpty();
        assertThat(html.getAttribute("srcdoc")).contains("Hi Bea,").contains("href=\"#unsubscribe\"").doesNotContain("/u/");
        browser.driver().switchTo().frame(html);
        assertThat(browser.text()).contains("Today it is 2 years since we started working together.");
        browser.driver().switchTo().defaultContent();
        browser.check("outbox");

        TestMailServer.gate().acceptAll();
        browser.find(By.id("resend-button")).click();
        browser.waitUntil(d -> !d.findElement(By.id("message-status")).getText().equals("failed"));
        assertThat(browser.text()).contains("Message " + failed + " is queued to be sent again.");
        assertThat(browser.findAll(By.id("resend-button"))).as("no second resend offered").isEmpty();
        assertThat(status(failed)).isIn("PENDING", "SENDING", "SENT");
        Eventually.soon().until(() -> status(failed).equals("SENT"));
    }

    @Test
    void aSalespersonSeesOnlyTheirCustomersMailAndAForgedResendIsRefused() {
        String mine = customerOf(team.a, "Mia");
        String theirs = customerOf(team.c, "Theo");
        long myFailed = failedMessage(mine);
        long theirFailed = failedMessage(theirs);

        Page signedOut = PageSession.onTestServer().get("outbox");
        assertThat(signedOut.status()).isEqualTo(302);
        assertThat(signedOut.location()).hasValueSatisfying(l -> assertThat(l).contains("/login"));

        PageSession seller = PageSession.onTestServer();
        seller.signIn(team.a, Team.PASSWORD);
        Page list = seller.get("outbox");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).as("their own customer's mail, and the link in the navigation")
                .contains("data-message=\"" + myFailed + "\"").doesNotContain("data-message=\"" + theirFailed + "\"")
                .contains("/outbox\"");
        assertThat(seller.get("outbox?customer=" + theirs).body()).contains("Customer " + theirs + " belongs to another salesperson.")
                .doesNotContain("data-message=\"" + theirFailed + "\"");

        Page own = seller.get("outbox?message=" + myFailed);
        assertThat(own.body()).contains("2 years together – thank you, Mia").doesNotContain("data-resend").doesNotContain("resend-button");
        Page other = seller.get("outbox?message=" + theirFailed);
        assertThat(other.body()).contains("Outbox message " + theirFailed + " is not addressed to anyone you reach.")
                .doesNotContain("Theo");

        Page forged = resend(seller, own, myFailed);
        assertThat(forged.body()).contains("Only an admin resends a message.");
        Page forgedOther = resend(seller, own, theirFailed);
        assertThat(forgedOther.body()).contains("Only an admin resends a message.");
        assertThat(status(myFailed)).isEqualTo("FAILED");
        assertThat(status(theirFailed)).isEqualTo("FAILED");

        // an admin may resend, but only what failed: a message on its way or sent gets the service's refusal
        TestMailServer.gate().acceptAll();
        PageSession adminPage = PageSession.onTestServer();
        adminPage.signIn("admin", Api.ADMIN_PASSWORD);
        Page opened = adminPage.get("outbox?message=" + myFailed);
        assertThat(opened.body()).contains("data-resend=\"" + myFailed + "\"");
        assertThat(resend(adminPage, opened, myFailed).body()).contains("Message " + myFailed + " is queued to be sent again.");
        Page again = resend(adminPage, opened, myFailed);
        assertThat(again.body()).contains("only FAILED messages are resent.");
        Eventually.soon().until(() -> status(myFailed).equals("SENT"));
    }

    // ---------------------------------------------------------------------------------------------------- set-up

    /** A new customer of {@code owner} with an address of its own; its external id. */
    private String customerOf(String owner, String name) {
        String id = Csv.unique("ob").toUpperCase();
        Api.Reply imported = admin.postCsv("api/import/customers", Csv.lines(
                "external_id,company,contact_first_name,preferred_name,email,time_zone,locale,owner",
                id + "," + name + " AG," + name + "," + name + "," + id.toLowerCase() + "@outbox-page.example,Europe/Berlin,en," + owner));
        assertThat(imported.json().getInt("created")).as(imported.toString()).isEqualTo(1);
        return id;
    }

    /** A thank-you note to the customer that the mail server refuses for good (550): FAILED after one attempt. */
    private long failedMessage(String customer) {
        TestMailServer.gate().reject(customer.toLowerCase() + "@outbox-page.example");
        Api.Reply queued = admin.postJson("api/outbox", "{\"template\":\"thank-you-anniversary\",\"customer\":\"" + customer
                + "\",\"fields\":{\"years\":\"2\"}}");
        assertThat(queued.status()).as(queued.toString()).isEqualTo(201);
        long id = queued.json().getJsonNumber("id").longValue();
        Eventually.soon().until(() -> status(id).equals("FAILED"));
        return id;
    }

    private String status(long id) {
        Api.Reply message = admin.get("api/outbox/" + id);
        assertThat(message.status()).as(message.toString()).isEqualTo(200);
        JsonObject json = message.json();
        return json.getString("status");
    }

    /** The request the page's "Send again" makes (PrimeFaces' remote command), for the message {@code id}. */
    private static Page resend(PageSession session, Page page, long id) {
        Page reply = session.remoteCommand("outbox", page, "act", "resend", "act:shown", Map.of("message", String.valueOf(id)));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply;
    }
}
