package org.rapport.testing;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventuallyTest {

    @Test
    void anUnexpectedExceptionFailsAtOnceInsteadOfWaitingForTheTimeout() {
        long started = System.nanoTime();
        assertThatThrownBy(() -> Eventually.within(Duration.ofSeconds(20)).until(() -> {
            throw new IllegalStateException("500 Internal Server Error");
        })).isInstanceOf(IllegalStateException.class).hasMessage("500 Internal Server Error");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aFailedAssertionIsPolledAgainAndTheLastOneIsTheTimeoutsMessage() {
        AtomicInteger polls = new AtomicInteger();
        assertThatThrownBy(() -> Eventually.within(Duration.ofMillis(700)).untilAsserted(() ->
                assertThat(polls.incrementAndGet()).as("status of message 42").isEqualTo(-1)))
                .isInstanceOf(ConditionTimeoutException.class).hasMessageContaining("status of message 42");
        assertThat(polls.get()).isGreaterThan(1);
    }

    @Test
    void aConditionMetLaterEndsTheWait() {
        AtomicInteger polls = new AtomicInteger();
        Eventually.soon().until(() -> polls.incrementAndGet() >= 3);
        assertThat(polls.get()).isEqualTo(3);
    }
}
