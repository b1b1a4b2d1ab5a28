package org.rapport.platform.web;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.rapport.testing.Api;
import org.rapport.testing.TestServer;

import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A query parameter that cannot be used is a 400 naming the parameter and why, whichever resource reads it. */
class BadParametersIT {

    static Api admin;

    @BeforeAll
    static void admin() {
        admin = TestServer.api().asAdmin();
    }

    @TestFactory
    Stream<DynamicTest> eachBadParameterIsNamedWithItsReason() {
        Map<String, String> cases = Map.ofEntries(
                Map.entry("api/customers?limit=ten", "limit: 'ten' is not a whole number."),
                Map.entry("api/customers?limit=0", "limit: must be between 1 and 1000, not 0."),
                Map.entry("api/customers?offset=-5", "offset: must not be negative, not -5."),
                Map.entry("api/customers?tier=GOLD", "tier: must be one of [TOP10, TOP100, STANDARD], not 'GOLD'."),
                Map.entry("api/customers?q=" + "x".repeat(201), "q: must be at most 200 characters, not 201."),
                Map.entry("api/outbox?before=yesterday", "before: 'yesterday' is not a whole number."),
                Map.entry("api/outbox?limit=1001", "limit: must be between 1 and 1000, not 1001."),
                Map.entry("api/planned-touches?limit=many", "limit: 'many' is not a whole number."),
                Map.entry("api/planning/runs?limit=-1", "limit: must be between 1 and 1000, not -1."),
                Map.entry("api/reports/service-standards?from=2026-02-30&to=2026-03-01",
                        "from: '2026-02-30' is not a date (YYYY-MM-DD)."),
                Map.entry("api/reports/service-standards?from=2026-02-01", "to: a date (YYYY-MM-DD) is required."),
                Map.entry("api/templates/thank-you-purchase/preview", "customer: the external_id of the customer to preview for is required."));
        return cases.entrySet().stream().map(c -> DynamicTest.dynamicTest(c.getKey(), () -> {
            Api.Reply reply = admin.get(c.getKey());
            assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.json().getString("detail")).isEqualTo(c.getValue());
        }));
    }
}
