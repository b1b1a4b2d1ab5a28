package org.rapport.testing;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

import java.time.Duration;

/** Waiting for what the dispatcher and the reply reader do in the background: polls, never sleeps blindly. */
public final class Eventually {

    private Eventually() {
    }

    public static ConditionFactory within(Duration timeout) {
        return Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(200)).pollDelay(Duration.ZERO)
                .ignoreExceptions();
    }

    public static ConditionFactory soon() {
        return within(Duration.ofSeconds(30));
    }
}
