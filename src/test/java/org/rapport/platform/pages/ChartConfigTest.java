package org.rapport.platform.pages;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.StringReader;

import static org.assertj.core.api.Assertions.assertThat;

class ChartConfigTest {

    @Test
    void markupInALabelCannotEndTheScriptAndReadsBackAsTheSameText() {
        String label = "</script><svg onload=alert(1)> & \u2028\u2029 Müller";
        JsonObject config = Json.createObjectBuilder().add("type", "bar")
                .add("data", Json.createObjectBuilder().add("labels", Json.createArrayBuilder().add(label))).build();

        String written = ChartConfig.of(config);

        assertThat(written).doesNotContain("<", ">", "&", "\u2028", "\u2029").contains("\\u003c/script\\u003e", "Müller");
        JsonObject read = Json.createReader(new StringReader(written)).readObject();
        assertThat(read).isEqualTo(config);
    }
}
