package org.rapport.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser's view of the pages without a browser, for the pages benchmark: one cookie jar, one keep-alive HTTP/1.1
 * client, no automatic redirects, forms posted with the ViewState of the page they came from (as the tests'
 * {@code PageSession} does; the harness cannot use test classes).
 */
final class PageClient {

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]*)\"");
    /** The ViewState in a partial response: {@code <update id="j_id1:jakarta.faces.ViewState:0"><![CDATA[…]]>}. */
    private static final Pattern PARTIAL_VIEW_STATE = Pattern.compile("jakarta\\.faces\\.ViewState:\\d+\"><!\\[CDATA\\[([^\\]]*)\\]\\]>");

    private final String base;
    private final HttpClient http;

    PageClient(String baseUrl) {
        this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", "en")
                .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, Map<String, String> fields, boolean ajax) throws IOException, InterruptedException {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept-Language", "en")
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (ajax) {
            // what PrimeFaces' ajax sends besides the form fields
            request.header("Faces-Request", "partial/ajax").header("X-Requested-With", "XMLHttpRequest")
                    .header("Accept", "application/xml, text/xml, */*; q=0.01");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Opens /login and signs in with its form; fails unless the login answers with a redirect. */
    void signIn(String username, String password) throws IOException, InterruptedException {
        HttpResponse<String> form = get("/login");
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("login", "login");
        fields.put("username", username);
        fields.put("password", password);
        fields.put("next", "");
        fields.put("signIn", "Sign in");
        fields.put("jakarta.faces.ViewState", viewState(form.body()));
        HttpResponse<String> reply = post("/login", fields, false);
        if (reply.statusCode() != 302 && reply.statusCode() != 303) {
            throw new IllegalStateException("signing in as " + username + " answered " + reply.statusCode() + ": "
                    + reply.body().substring(0, Math.min(500, reply.body().length())));
        }
    }

    /** The ViewState of the first form of a full page. */
    static String viewState(String page) {
        Matcher m = VIEW_STATE.matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("no ViewState on the page: " + page.substring(0, Math.min(500, page.length())));
        }
        return m.group(1).replace("&#58;", ":");
    }

    /** The ViewState a partial response carries, or {@code previous} when it carries none. */
    static String viewState(String partial, String previous) {
        Matcher m = PARTIAL_VIEW_STATE.matcher(partial);
        return m.find() ? m.group(1) : previous;
    }
}
