package org.rapport.outbox;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Properties;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped retry settings against issue 12's SMTP outage (the server refusing connections for 5 minutes, then
 * answering 4xx for 5 more): a message that fails every attempt of it, each retried at the earliest the jitter allows,
 * still has an attempt left when the server is back. Attempts refused at the connection count too
 * ({@link DispatchStore#unreachable}), so this is the worst case.
 */
class BackoffTest {

    private static final Duration OUTAGE = Duration.ofMinutes(10);

    @Test
    void theDefaultsDoNotGiveUpDuringATenMinuteOutage() throws IOException {
        Properties defaults = new Properties();
        try (InputStream in = BackoffTest.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
            defaults.load(in);
        }
        Backoff backoff = new Backoff(Duration.ofSeconds(Long.parseLong(defaults.getProperty("rapport.mail.retry.base-seconds"))),
                Duration.ofSeconds(Long.parseLong(defaults.getProperty("rapport.mail.retry.max-seconds"))),
                Integer.parseInt(defaults.getProperty("rapport.mail.retry.max-attempts")));
        RandomGenerator lowestJitter = () -> 0L;

        Duration elapsed = Duration.ZERO; // the first attempt fails as the outage starts
        int attempts = 1;
        while (!backoff.exhausted(attempts)) {
            elapsed = elapsed.plus(backoff.after(attempts, lowestJitter));
            attempts++;
        }

        assertThat(elapsed).as("the moment the last attempt fails, when every attempt failed").isGreaterThan(OUTAGE);
        assertThat(elapsed).as("what the README promises: at least 98 minutes").isGreaterThanOrEqualTo(Duration.ofMinutes(98));
    }
}
