package org.rapport.platform.security;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTest {

    MutableClock clock = new MutableClock(Instant.parse("2026-11-24T08:00:00Z"));
    LoginThrottle throttle = new LoginThrottle();

    @BeforeEach
    void configure() {
        throttle.clock = clock;
        throttle.maxFailures = 3;
        throttle.lockoutSeconds = 60;
    }

    @Test
    void aUserIsLockedOutAfterTheAllowedFailures() {
        throttle.failed("anna", "10.0.0.1");
        throttle.failed("anna", "10.0.0.2");
        assertThat(throttle.blockedFor("anna", "10.0.0.3")).isEmpty();

        throttle.failed("anna", "10.0.0.3");

        assertThat(throttle.blockedFor("ANNA", "10.0.0.9")).contains(Duration.ofSeconds(60));
    }

    @Test
    void theLockOutEndsAndDoublesOnTheNextRound() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("anna", "10.0.0.1");
        }
        clock.advance(Duration.ofSeconds(61));
        assertThat(throttle.blockedFor("anna", "10.0.0.1")).isEmpty();

        for (int i = 0; i < 3; i++) {
            throttle.failed("anna", "10.0.0.1");
        }

        assertThat(throttle.blockedFor("anna", "10.0.0.1")).contains(Duration.ofSeconds(120));
    }

    @Test
    void aSuccessClearsTheUsersFailures() {
        throttle.failed("anna", "10.0.0.1");
        throttle.failed("anna", "10.0.0.1");
        throttle.succeeded("anna");
        throttle.failed("anna", "10.0.0.1");

        assertThat(throttle.blockedFor("anna", "10.0.0.1")).isEmpty();
    }

    @Test
    void oneAddressGuessingManyNamesIsLockedOutToo() {
        for (int i = 0; i < 30; i++) {
            throttle.failed("user" + i, "10.0.0.66");
        }

        assertThat(throttle.blockedFor("someone-new", "10.0.0.66")).isPresent();
        assertThat(throttle.blockedFor("someone-new", "10.0.0.67")).isEmpty();
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
