package org.rapport.platform.web;

import org.junit.jupiter.api.Test;
import org.rapport.testing.Api;
import org.rapport.testing.TestServer;

import static org.assertj.core.api.Assertions.assertThat;

/** Every kind of response carries the security headers: API, customer pages, the calendar feed, errors of each layer. */
class SecurityHeadersIT {

    private final Api api = TestServer.api();

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        assertHeaders(api.asAdmin().get("api/salespeople"), 200);
        assertHeaders(api.anonymous().get("api/salespeople"), 401);
        assertHeaders(api.as("admin", "wrong-password").get("api/salespeople"), 401);
        assertHeaders(api.asAdmin().get("api/customers/no-such-customer-" + System.nanoTime()), 404);
        assertHeaders(api.asAdmin().postJson("api/touches", "{not json"), 400);
        assertHeaders(api.anonymous().get("u/not-a-token"), 400);
        assertHeaders(api.anonymous().get("c/not-a-token"), 400);
        assertHeaders(api.anonymous().get("calendar/not-a-token.ics"), 404);
        // outside the public paths everything asks for the login first, an unknown path too (the pages fail closed)
        assertHeaders(api.anonymous().get("no-such-page"), 302);
        assertHeaders(api.anonymous().get("login"), 200);
    }

    private static void assertHeaders(Api.Reply reply, int status) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.header("X-Content-Type-Options")).as("nosniff on a " + status).isEqualTo("nosniff");
        assertThat(reply.header("Referrer-Policy")).as("no referrer on a " + status).isEqualTo("no-referrer");
        assertThat(reply.header("Content-Security-Policy")).as("no framing on a " + status).contains("frame-ancestors 'none'");
        assertThat(reply.header("Strict-Transport-Security")).as("no HSTS over plain HTTP (public URL http)").isNull();
    }
}
