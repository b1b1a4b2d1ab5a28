package org.rapport.platform.database;

import org.apache.ibatis.exceptions.PersistenceException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransactionRollbackException;

import static org.assertj.core.api.Assertions.assertThat;

class RolledBackTest {

    @Test
    void aDeadlockVictimDeepInTheCauseChainWasRolledBackByTheDatabase() {
        SQLTransactionRollbackException deadlock = new SQLTransactionRollbackException("Deadlock found", "40001", 1213);
        assertThat(RolledBack.byDatabase(new PersistenceException("batch failed", new RuntimeException(deadlock)))).isTrue();
    }

    @Test
    void aLockWaitTimeoutCountsWhateverExceptionClassTheDriverPicks() {
        SQLException timeout = new SQLException("Lock wait timeout exceeded; try restarting transaction", "HY000", 1205);
        assertThat(RolledBack.byDatabase(new PersistenceException(timeout))).isTrue();
    }

    @Test
    void anyOtherFailureIsNot() {
        assertThat(RolledBack.byDatabase(new PersistenceException(
                new SQLIntegrityConstraintViolationException("Duplicate entry", "23000", 1062)))).isFalse();
        assertThat(RolledBack.byDatabase(new PersistenceException(new SQLException("no room", "45000", 1644)))).isFalse();
        assertThat(RolledBack.byDatabase(new IllegalStateException("bug"))).isFalse();
    }
}
