package org.rapport.platform.database;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class InstantParameterTest {

    @Test
    void everyMapperBindsMomentsAsUtcTextWithMicroseconds() {
        assertThat(MyBatis.configuration().getTypeHandlerRegistry().getTypeHandler(Instant.class)).isInstanceOf(InstantParameter.class);
        assertThat(InstantParameter.UTC_TEXT.format(Instant.parse("2026-03-29T01:30:00.123456789Z"))).isEqualTo("2026-03-29 01:30:00.123456");
        assertThat(InstantParameter.UTC_TEXT.format(Instant.parse("2026-12-05T23:59:59Z"))).isEqualTo("2026-12-05 23:59:59.000000");
    }
}
