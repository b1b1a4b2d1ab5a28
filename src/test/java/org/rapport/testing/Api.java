package org.rapport.testing;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** A small HTTP client for black-box tests of the running service. */
public final class Api {

    public static final String ADMIN_PASSWORD = System.getProperty("rapport.test.admin.password", "it-admin-password-0123");

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

    private final URI base;
    private final String authorization;
    private final Map<String, String> headers;

    private Api(URI base, String authorization, Map<String, String> headers) {
        this.base = base;
        this.authorization = authorization;
        this.headers = headers;
    }

    /** {@code base} is the application's root, such as {@link TestServer#uri()} or a {@link LauncherInstance}'s. */
    public static Api at(URI base) {
        String url = base.toString();
        return new Api(URI.create(url.endsWith("/") ? url : url + "/"), null, Map.of());
    }

    public Api as(String username, String password) {
        String token = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new Api(base, "Basic " + token, headers);
    }

    public Api asAdmin() {
        return as("admin", ADMIN_PASSWORD);
    }

    public Api anonymous() {
        return new Api(base, null, headers);
    }

    /** This client with one more request header on every request ({@code X-Request-Id}, say). */
    public Api withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Api(base, authorization, Map.copyOf(more));
    }

    /** A path relative to the application ({@code api/customers}) or absolute on the server ({@code /health}). */
    public URI uri(String path) {
        return base.resolve(path);
    }

    public Reply get(String path) {
        return send(request(path).GET());
    }

    public Reply postJson(String path, String json) {
        return post(path, "application/json", BodyPublishers.ofString(json));
    }

    public Reply put(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").PUT(BodyPublishers.ofString(json)));
    }

    public Reply delete(String path) {
        return send(request(path).DELETE());
    }

    public Reply postCsv(String path, String csv) {
        return post(path, "text/csv", BodyPublishers.ofString(csv, StandardCharsets.UTF_8));
    }

    public Reply post(String path, String contentType, byte[] body) {
        return post(path, contentType, BodyPublishers.ofByteArray(body));
    }

    /** As large uploads are sent (curl does so past 1 MB): headers first, the body only after "100 Continue". */
    public Reply postExpectingContinue(String path, String contentType, String body) {
        return send(request(path).expectContinue(true).header("Content-Type", contentType)
                .POST(BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    public Reply post(String path, String contentType, BodyPublisher body) {
        return send(request(path).header("Content-Type", contentType).POST(body));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(120));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        headers.forEach(builder::header);
        return builder;
    }

    private static Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What came back. */
    public record Reply(int status, String contentType, String body, HttpResponse<String> raw) {

        public JsonObject json() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }

        public JsonArray array() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.readArray();
            }
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + (body.length() > 2000 ? body.substring(0, 2000) + "…" : body);
        }
    }
}
