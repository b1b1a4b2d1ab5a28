package org.rapport.imports;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.rapport.testing.Api;
import org.rapport.testing.Browser;
import org.rapport.testing.BrowserExtension;
import org.rapport.testing.Csv;
import org.rapport.testing.PageSession;
import org.rapport.testing.Team;
import org.rapport.testing.TestServer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /admin/import} in a real browser: an admin uploads a customers file with bad rows (larger than the API's limit
 * for JSON bodies, so it must get the import limit), sees the counts and the rejected rows, and downloads the rejected
 * rows as CSV with the session's cookie. The import page and the logins page (an admin's home) have no serious or
 * critical accessibility violation.
 */
@ExtendWith(BrowserExtension.class)
class ImportPageIT {

    Api api = TestServer.api();

    @Test
    void anAdminImportsAFileWithBadRowsAndDownloadsTheRejectedRows(Browser browser) throws Exception {
        String tag = Csv.unique("page-import");
        // 1.2 MB: over rapport.api.max-body-bytes (1 MB), well under the import limit
        String padding = "x".repeat(1_200_000);
        String csv = Csv.lines(
                "external_id,company,time_zone,memo",
                tag + "-1,Good One,Europe/Berlin,",
                tag + "-2,Bad Zone,Mars/Olympus,",
                tag + "-3,,Europe/Berlin,",
                tag + "-4,Good Two,Europe/Vienna," + padding);
        Path file = Files.createTempFile(Path.of(System.getProperty("basedir", "."), "target"), "customers-", ".csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);

        browser.signIn("admin", Api.ADMIN_PASSWORD);
        assertThat(browser.driver().getCurrentUrl()).as("an admin's home").endsWith("/admin/users");
        browser.check("admin-users");
        browser.open("admin/import");
        long start = System.nanoTime();
        browser.find(By.cssSelector("section[data-kind=customers] input[type=file]")).sendKeys(file.toAbsolutePath().toString());
        WebElement created = browser.waitFor(By.id("created"));
        System.out.printf("upload of %d bytes and import answered in %d ms%n", Files.size(file), (System.nanoTime() - start) / 1_000_000);

        assertThat(created.getText()).isEqualTo("2");
        assertThat(browser.find(By.id("rejectedRows")).getText()).isEqualTo("2");
        List<String> rows = browser.findAll(By.cssSelector("#rejected tbody tr")).stream().map(WebElement::getText).toList();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).startsWith("1 memo memo unknown column");
        assertThat(rows.get(1)).startsWith("3 time_zone Mars/Olympus");
        assertThat(rows.get(2)).startsWith("4 company");
        assertThat(api.asAdmin().get("api/customers/" + tag + "-4").status()).as("stored like an API import").isEqualTo(200);
        assertThat(api.asAdmin().get("api/customers/" + tag + "-2").status()).isEqualTo(404);
        browser.check("admin-import");

        HttpResponse<String> download = fetchWithBrowserSession(browser, browser.find(By.id("download")).getAttribute("href"));
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).contains("rejected-customers.csv"));
        List<String> lines = download.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("line,column,value,reason");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(2)).startsWith("3,time_zone,Mars/Olympus,");
        assertThat(lines.get(3)).startsWith("4,company,");

        HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                browser.find(By.id("download")).getAttribute("href"))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).as("no session, no report").isIn(302, 401);
    }

    @Test
    void aMultipartBodyWithoutADeclaredLengthIsRefusedBeforeTheContainerReadsIt() {
        String boundary = "b0undary";
        byte[] body = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"upload:file_customers\"; filename=\"c.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\nexternal_id,company,time_zone\r\n\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        PageSession admin = PageSession.onTestServer();
        admin.signIn("admin", Api.ADMIN_PASSWORD);
        Team team = new Team(api);
        PageSession sales = PageSession.onTestServer();
        sales.signIn(team.a, Team.PASSWORD);

        PageSession.Page toImport = admin.postChunked("admin/import", "multipart/form-data; boundary=" + boundary, body);
        PageSession.Page toToday = sales.postChunked("today", "multipart/form-data; boundary=" + boundary, body);

        assertThat(toImport.status()).as(toImport.body()).isEqualTo(411);
        assertThat(toToday.status()).as("any page: Faces reads multipart bodies on every view").isEqualTo(411);
        assertThat(toToday.body()).contains("must declare its length");
    }

    /** A GET with the browser's cookies for the server (the session cookie is HttpOnly: Selenium still sees it). */
    private static HttpResponse<String> fetchWithBrowserSession(Browser browser, String url) throws Exception {
        String cookies = browser.driver().manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookies).build(),
                HttpResponse.BodyHandlers.ofString());
    }

}
