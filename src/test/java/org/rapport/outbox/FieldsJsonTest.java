package org.rapport.outbox;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FieldsJsonTest {

    @Test
    void fieldsSurviveTheRoundTrip() {
        Map<String, Object> fields = Map.of("purchase", Map.of("description", "Vertrag \"Gold\" <ü>", "amount", "12.500,00 EUR"),
                "items", List.of(Map.of("priority", 90), Map.of("priority", 10)), "urgent", true);
        Map<String, Object> read = FieldsJson.read(FieldsJson.write(fields));
        assertThat(read.get("purchase")).isEqualTo(Map.of("description", "Vertrag \"Gold\" <ü>", "amount", "12.500,00 EUR"));
        assertThat(read.get("items")).isEqualTo(List.of(Map.of("priority", new BigDecimal("90")), Map.of("priority", new BigDecimal("10"))));
        assertThat(read.get("urgent")).isEqualTo(true);
        assertThat(FieldsJson.read(null)).isEmpty();
    }
}
