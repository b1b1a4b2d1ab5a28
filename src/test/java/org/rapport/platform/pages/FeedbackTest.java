package org.rapport.platform.pages;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The services name fields as the API does (snake case); a page's components carry the Java names (camel case). */
class FeedbackTest {

    @Test
    void aServiceFieldNameIsTheComponentIdAndBack() {
        assertThat(Feedback.camelCase("occurred_at")).isEqualTo("occurredAt");
        assertThat(Feedback.camelCase("currency")).isEqualTo("currency");
        assertThat(Feedback.camelCase("revenue_12m")).isEqualTo("revenue12m");
        assertThat(Feedback.snakeCase("purchasedOn")).isEqualTo("purchased_on");
        assertThat(Feedback.snakeCase("externalId")).isEqualTo("external_id");
        assertThat(Feedback.snakeCase("amount")).isEqualTo("amount");
    }

    @Test
    void theFieldADetailStartsWithIsItsJsonPathOrNone() {
        assertThat(Feedback.fieldNamed("[2].date: 2026-12-24 is listed twice.")).isEqualTo("[2].date");
        assertThat(Feedback.fieldNamed("cadence_days.TOP10: is required.")).isEqualTo("cadence_days.TOP10");
        assertThat(Feedback.fieldNamed("There is no customer 'x': check the id.")).isEmpty();
        assertThat(Feedback.fieldNamed(null)).isEmpty();
    }
}
