package org.rapport.audit;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RedactionTest {

    @Test
    void aCustomersContactDetailsAndFreeTextAreNeverWritten() {
        Map<String, Object> state = Change.state("name", "Alfred Alpha", "email", "alfred@alpha.example",
                "first_customer_email", "x@y.example", "contact.phone", "+49 30 123", "notes", "likes golf",
                "reason", "Alfred is rude", "description", "a bottle for Alfred", "company", "Alpha GmbH");

        String json = StateJson.write(Redaction.of(state));

        assertThat(json).doesNotContain("Alfred", "alfred", "x@y.example", "+49", "golf", "Alpha");
        assertThat(Redaction.of(state).values()).containsOnly(Redaction.REDACTED);
    }

    @Test
    void idsStatusesCodesAmountsAndCountsStay() {
        Map<String, Object> state = Change.state("status", RewardLike.APPROVED, "value", new BigDecimal("50.00"),
                "currency", "EUR", "role", "SALES", "salesperson", "S0002", "enabled", false, "created", 3L,
                "sha256", "ab12", "codes", List.of("logistics", "it"), "generation", 2L);

        assertThat(Redaction.of(state)).isEqualTo(state);
        assertThat(StateJson.write(state)).isEqualTo("{\"status\":\"APPROVED\",\"value\":50.00,\"currency\":\"EUR\","
                + "\"role\":\"SALES\",\"salesperson\":\"S0002\",\"enabled\":false,\"created\":3,\"sha256\":\"ab12\","
                + "\"codes\":[\"logistics\",\"it\"],\"generation\":2}");
    }

    @Test
    void anAbsentValueStaysAbsentRatherThanRedacted() {
        assertThat(Redaction.of(Change.state("email", null))).containsEntry("email", null);
    }

    @Test
    void aKeyIsPersonalByItselfOrByItsLastPart() {
        assertThat(Redaction.personal("Email")).isTrue();
        assertThat(Redaction.personal("customer_name")).isTrue();
        assertThat(Redaction.personal("contact.phone")).isTrue();
        assertThat(Redaction.personal("named_count")).isFalse();
        assertThat(Redaction.personal("emails_sent")).isFalse();
        assertThat(Redaction.personal("merged_into")).isFalse();
    }

    @Test
    void anEmptySideIsNoJsonAtAll() {
        assertThat(StateJson.write(Map.of())).isNull();
        assertThat(StateJson.read(null)).isNull();
        assertThat(StateJson.read("{\"a\":1}").getInt("a")).isEqualTo(1);
    }

    private enum RewardLike { APPROVED }
}
