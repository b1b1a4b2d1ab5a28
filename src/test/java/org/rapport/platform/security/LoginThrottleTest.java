package org.rapport.platform.security;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTest {

    MutableClock clock = new MutableClock(Instant.parse("2026-11-24T08:00:00Z"));
    LoginThrottle throttle = new LoginThrottle();
    Account anna = new Account(7, "anna", "hash", Role.SALES, 1L, "S1", true);
    String annasCounter = LoginThrottle.keyOf(Optional.of(anna), "anna");

    @BeforeEach
    void configure() {
        throttle.clock = clock;
        throttle.maxFailures = 3;
        throttle.lockoutSeconds = 60;
        throttle.quietSeconds = 900;
    }

    @Test
    void anAccountIsLockedOutAfterTheAllowedFailures() {
        throttle.failed(annasCounter, "10.0.0.1");
        throttle.failed(annasCounter, "10.0.0.2");
        assertThat(throttle.blockedFor(annasCounter, "10.0.0.3")).isEmpty();

        throttle.failed(annasCounter, "10.0.0.3");

        assertThat(throttle.blockedFor(annasCounter, "10.0.0.9")).contains(Duration.ofSeconds(60));
    }

    @Test
    void onlyTheFailureThatBeginsALockOutSaysSo() {
        assertThat(throttle.failed(annasCounter, "10.0.0.1")).isFalse();
        assertThat(throttle.failed(annasCounter, "10.0.0.1")).isFalse();
        assertThat(throttle.failed(annasCounter, "10.0.0.1")).isTrue(); // the third: anna is locked out

        clock.advance(Duration.ofSeconds(61));
        assertThat(throttle.failed(annasCounter, "10.0.0.1")).isFalse(); // a new round starts counting from one
    }

    @Test
    void aClientAddressLockOutSaysSoToo() {
        for (int i = 0; i < 29; i++) {
            assertThat(throttle.failed(LoginThrottle.keyOf(Optional.empty(), "user" + i), "10.0.0.7")).isFalse();
        }
        assertThat(throttle.failed(LoginThrottle.keyOf(Optional.empty(), "user29"), "10.0.0.7")).isTrue(); // ten times three
    }

    @Test
    void everySpellingOfOneAccountCountsOnItsOneCounter() {
        // the database finds anna for each of these names; the counter is the account, not the text typed
        for (String lookAlike : List.of("anna ", "ANNA", "Ánna")) {
            throttle.failed(LoginThrottle.keyOf(Optional.of(anna), lookAlike), "10.0.0.1");
        }

        assertThat(throttle.blockedFor(annasCounter, "10.0.0.2")).contains(Duration.ofSeconds(60));
    }

    @Test
    void namesWithoutAnAccountAreComparedAsTheDatabaseComparesThem() {
        assertThat(LoginThrottle.keyOf(Optional.empty(), "Ádmin  "))
                .isEqualTo(LoginThrottle.keyOf(Optional.empty(), "admin"))
                .isEqualTo(LoginThrottle.keyOf(Optional.empty(), "ADMIN"))
                .isNotEqualTo(LoginThrottle.keyOf(Optional.empty(), " admin"));
        assertThat(LoginThrottle.keyOf(Optional.empty(), "anna")).isNotEqualTo(annasCounter);
    }

    @Test
    void theLockOutEndsAndDoublesOnTheNextRound() {
        fail(3, annasCounter);
        clock.advance(Duration.ofSeconds(61));
        assertThat(throttle.blockedFor(annasCounter, "10.0.0.1")).isEmpty();

        fail(3, annasCounter);

        assertThat(throttle.blockedFor(annasCounter, "10.0.0.1")).contains(Duration.ofSeconds(120));
    }

    @Test
    void roundsDecayWithQuietTime() {
        fail(3, annasCounter);
        clock.advance(Duration.ofSeconds(61));
        fail(3, annasCounter); // second round: 120 s
        clock.advance(Duration.ofSeconds(121));

        clock.advance(Duration.ofSeconds(900)); // one quiet period after the lock-out: one round forgotten
        fail(3, annasCounter);
        assertThat(throttle.blockedFor(annasCounter, "10.0.0.1")).contains(Duration.ofSeconds(120));

        clock.advance(Duration.ofSeconds(120 + 2 * 900)); // two quiet periods: a first offence again
        fail(3, annasCounter);
        assertThat(throttle.blockedFor(annasCounter, "10.0.0.1")).contains(Duration.ofSeconds(60));
    }

    @Test
    void failuresAreForgottenAfterQuietTime() {
        fail(2, annasCounter);
        clock.advance(Duration.ofSeconds(900));

        fail(2, annasCounter);

        assertThat(throttle.blockedFor(annasCounter, "10.0.0.1")).isEmpty();
    }

    @Test
    void failuresCloserThanTheQuietTimeAddUp() {
        fail(2, annasCounter);
        clock.advance(Duration.ofSeconds(899));

        fail(1, annasCounter);

        assertThat(throttle.blockedFor(annasCounter, "10.0.0.1")).isPresent();
    }

    @Test
    void aSuccessClearsTheAccountsFailuresAndRounds() {
        fail(3, annasCounter);
        clock.advance(Duration.ofSeconds(61));
        throttle.succeeded(annasCounter);

        fail(2, annasCounter);
        assertThat(throttle.blockedFor(annasCounter, "10.0.0.1")).isEmpty();
        fail(1, annasCounter);
        assertThat(throttle.blockedFor(annasCounter, "10.0.0.1")).contains(Duration.ofSeconds(60));
    }

    @Test
    void oneAddressGuessingManyNamesIsLockedOutToo() {
        for (int i = 0; i < 30; i++) {
            throttle.failed(LoginThrottle.keyOf(Optional.empty(), "user" + i), "10.0.0.66");
        }

        assertThat(throttle.blockedFor(LoginThrottle.keyOf(Optional.empty(), "someone-new"), "10.0.0.66")).isPresent();
        assertThat(throttle.blockedFor(LoginThrottle.keyOf(Optional.empty(), "someone-new"), "10.0.0.67")).isEmpty();
    }

    @Test
    void aSuccessDoesNotClearTheAddress() {
        for (int i = 0; i < 29; i++) {
            throttle.failed(LoginThrottle.keyOf(Optional.empty(), "user" + i), "10.0.0.66");
        }
        throttle.succeeded(annasCounter);

        throttle.failed(LoginThrottle.keyOf(Optional.empty(), "user29"), "10.0.0.66");

        assertThat(throttle.blockedFor(annasCounter, "10.0.0.66")).isPresent();
    }

    private void fail(int times, String counter) {
        for (int i = 0; i < times; i++) {
            throttle.failed(counter, "10.0.0.1");
        }
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
