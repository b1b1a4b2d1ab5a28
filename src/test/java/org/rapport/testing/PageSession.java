package org.rapport.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser's view of the pages without a browser: one cookie jar, no automatic redirects, forms posted with the
 * ViewState of the page they came from. For what a test checks at the HTTP level (redirects, cookies, CSRF); the
 * browser tests drive the same pages in Chromium.
 */
public final class PageSession {

    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]*)\"");

    private final URI base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    private String acceptLanguage = "en";

    public PageSession(URI base) {
        String url = base.toString();
        this.base = URI.create(url.endsWith("/") ? url : url + "/");
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    }

    public static PageSession onTestServer() {
        return new PageSession(TestServer.uri());
    }

    public PageSession acceptLanguage(String value) {
        this.acceptLanguage = value;
        return this;
    }

    public record Page(int status, String body, Map<String, java.util.List<String>> headers) {
        public Optional<String> header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst();
        }

        public Optional<String> location() {
            return header("Location");
        }

        /** The ViewState of the page's first form. */
        public String viewState() {
            Matcher m = VIEW_STATE.matcher(body);
            if (!m.find()) {
                throw new AssertionError("no ViewState on the page (" + status + "): " + body);
            }
            return m.group(1).replace("&#58;", ":");
        }
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(strip(path))).GET());
    }

    /** A GET of exactly this path on the server, unresolved and unnormalised ({@code //api/x}, {@code /%61pi/x}). */
    public Page getRaw(String rawPath) {
        return send(HttpRequest.newBuilder(URI.create(base.getScheme() + "://" + base.getRawAuthority() + rawPath)).GET());
    }

    /** Puts a cookie in the jar as if the server had set it (a replayed or planted session id). */
    public void plant(String name, String value) {
        HttpCookie cookie = new HttpCookie(name, value);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(base, cookie);
    }

    /** Posts {@code fields} as a form, with the ViewState given (or none when null). */
    public Page post(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(base.resolve(strip(path)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /**
     * The request a page's PrimeFaces remote command {@code form:command} makes (an ajax post with the ViewState of
     * {@code page}, drawing {@code render} again), with {@code params} as the page's script would add them.
     */
    public Page remoteCommand(String path, Page page, String form, String command, String render, Map<String, String> params) {
        String id = form + ":" + command;
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("jakarta.faces.partial.ajax", "true");
        fields.put("jakarta.faces.source", id);
        fields.put("jakarta.faces.partial.execute", id);
        fields.put("jakarta.faces.partial.render", render);
        fields.put(id, id);
        fields.put(form, form);
        fields.put("jakarta.faces.ViewState", page.viewState());
        fields.putAll(params);
        return post(path, fields);
    }

    /** Posts {@code body} without declaring its length (chunked), as no browser does. */
    public Page postChunked(String path, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(base.resolve(strip(path))).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body))));
    }

    /** Opens {@code /login} and signs in with the form, as a person would; answers the login's reply (a redirect). */
    public Page signIn(String username, String password) {
        return signIn(username, password, null);
    }

    public Page signIn(String username, String password, String next) {
        Page form = get(next == null ? "login" : "login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("login", "login");
        fields.put("username", username);
        fields.put("password", password);
        fields.put("next", next == null ? "" : next);
        fields.put("signIn", "Sign in");
        fields.put("jakarta.faces.ViewState", form.viewState());
        return post("login", fields);
    }

    public Optional<HttpCookie> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).findFirst();
    }

    public void forget(String cookieName) {
        cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(cookieName)).toList()
                .forEach(c -> cookies.getCookieStore().remove(null, c));
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.header("Accept-Language", acceptLanguage).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Page(response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String strip(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }
}
