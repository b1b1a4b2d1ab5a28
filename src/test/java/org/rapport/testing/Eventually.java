package org.rapport.testing;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

import java.time.Duration;

/**
 * Waiting for what the dispatcher and the reply reader do in the background: polls, never sleeps blindly. An exception
 * thrown by the condition (a 500 read as JSON, a failed query) fails the wait at once with its own stack trace, instead
 * of surfacing as a timeout; with {@code untilAsserted} a failed assertion is polled again, and the last one is the
 * timeout's message. A wait that expects some exception on the way says so ({@code ignoreExceptionsInstanceOf}).
 */
public final class Eventually {

    private Eventually() {
    }

    public static ConditionFactory within(Duration timeout) {
        return Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(200)).pollDelay(Duration.ZERO);
    }

    public static ConditionFactory soon() {
        return within(Duration.ofSeconds(30));
    }
}
