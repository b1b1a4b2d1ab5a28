package org.rapport.responses;

import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class FailedEmailsTest {

    private static final RuntimeException POISON = new IllegalStateException("always fails",
            new SQLIntegrityConstraintViolationException("Data too long", "22001"));

    private final FailedEmails failures = new FailedEmails(3);

    @Test
    void anEmailThatAlwaysFailsIsGivenUpOnAfterItsAttempts() {
        assertThat(failures.failed("7:101", POISON)).isFalse();
        assertThat(failures.failed("7:101", POISON)).isFalse();
        assertThat(failures.failed("7:101", POISON)).isTrue();
        assertThat(failures.attempts("7:101")).isZero();
    }

    @Test
    void eachEmailCountsOnItsOwn() {
        failures.failed("7:101", POISON);
        failures.failed("7:101", POISON);

        assertThat(failures.failed("7:102", POISON)).isFalse();
        assertThat(failures.attempts("7:101")).isEqualTo(2);
        assertThat(failures.attempts("7:102")).isEqualTo(1);
    }

    @Test
    void anEmailRecordedAtLastStartsAfresh() {
        failures.failed("7:101", POISON);
        failures.failed("7:101", POISON);
        failures.recorded("7:101");

        assertThat(failures.failed("7:101", POISON)).isFalse();
        assertThat(failures.attempts("7:101")).isEqualTo(1);
    }

    @Test
    void aDatabaseThatCannotBeReachedIsNoFaultOfTheEmail() {
        RuntimeException pool = new RuntimeException("Error querying database",
                new SQLException("Communications link failure", "08S01"));
        RuntimeException refused = new RuntimeException(new SQLTransientConnectionException("no connection",
                new ConnectException("Connection refused")));
        for (int i = 0; i < 5; i++) {
            assertThat(failures.failed("7:101", pool)).isFalse();
            assertThat(failures.failed("7:101", refused)).isFalse();
        }
        assertThat(failures.attempts("7:101")).isZero();
    }
}
