package org.rapport.privacy;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExportRowsTest {

    @Test
    void everyColumnOfTheSectionInItsOrderNullsIncluded() {
        Map<String, Object> stored = new HashMap<>();
        stored.put("currency", "EUR");
        stored.put("external_id", "P-1");
        stored.put("amount", new BigDecimal("12.50"));
        stored.put("purchased_on", java.sql.Date.valueOf("2026-11-30"));
        stored.put("created_at", LocalDateTime.parse("2026-12-01T10:15:30.123"));

        Map<String, Object> shown = ExportRows.of(ExportSection.PURCHASES, stored);

        assertThat(shown.keySet()).containsExactlyElementsOf(ExportSection.PURCHASES.columns());
        assertThat(shown.get("description")).isNull();
        assertThat(shown.get("purchased_on")).isEqualTo(LocalDate.parse("2026-11-30"));
        assertThat(shown.get("created_at")).as("stored in UTC").isEqualTo(Instant.parse("2026-12-01T10:15:30.123Z"));
    }

    @Test
    void aColumnTheSectionDoesNotListFailsTheExport() {
        assertThatThrownBy(() -> ExportRows.of(ExportSection.TOUCHES, List.of(Map.of("secret", "x"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("secret");
    }

    @Test
    void sectionsHaveDistinctKeysAndTables() {
        assertThat(List.of(ExportSection.values())).extracting(ExportSection::key).doesNotHaveDuplicates()
                .contains("planned_touches", "reward_entries");
        assertThat(CustomerTables.exported()).contains("customer", "touch", "planned_touch", "outbox_message", "mail_response",
                "introduction", "reward", "referral", "purchase", "problem", "data_request");
        assertThat(CustomerTables.NOT_EXPORTED.keySet()).doesNotContainAnyElementsOf(CustomerTables.exported());
    }
}
