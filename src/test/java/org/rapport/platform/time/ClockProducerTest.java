package org.rapport.platform.time;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClockProducerTest {

    final ClockProducer producer = new ClockProducer();

    @Test
    void rapportClockFreezesNow() {
        Clock clock = producer.clock(Optional.of("2026-03-29T06:00:00Z"));

        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-03-29T06:00:00Z"));
        assertThat(clock.instant()).isEqualTo(clock.instant());
    }

    @Test
    void withoutItTheClockIsTheSystemsInUtc() {
        Clock clock = producer.clock(Optional.empty());

        assertThat(clock.getZone().getId()).isEqualTo("Z");
        assertThat(clock.instant()).isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(5, java.time.temporal.ChronoUnit.SECONDS));
    }

    @Test
    void aValueThatIsNoInstantIsRefusedWithAnExample() {
        assertThatThrownBy(() -> producer.clock(Optional.of("tomorrow")))
                .hasMessageContaining("RAPPORT_CLOCK must be an ISO instant");
    }
}
