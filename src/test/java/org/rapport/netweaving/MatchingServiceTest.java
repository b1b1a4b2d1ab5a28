package org.rapport.netweaving;

import org.apache.ibatis.exceptions.PersistenceException;
import org.junit.jupiter.api.Test;

import java.sql.SQLTransactionRollbackException;

import static org.assertj.core.api.Assertions.assertThat;

class MatchingServiceTest {

    private static final PersistenceException DEADLOCK = new PersistenceException(
            new SQLTransactionRollbackException("Deadlock found when trying to get lock", "40001", 1213));

    @Test
    void aChunkTheDatabaseRolledBackIsStoredAgainUpToThreeAttempts() {
        assertThat(MatchingService.storeAgain(DEADLOCK, 1)).isTrue();
        assertThat(MatchingService.storeAgain(DEADLOCK, 2)).isTrue();
        assertThat(MatchingService.storeAgain(DEADLOCK, 3)).as("the third attempt's failure ends the run").isFalse();
    }

    @Test
    void aChunkThatFailedOtherwiseOrARunThatLostItsRowIsNotStoredAgain() {
        assertThat(MatchingService.storeAgain(new IllegalStateException("events do not match"), 1)).isFalse();
        assertThat(MatchingService.storeAgain(new MatchRunLost(7, "no longer RUNNING"), 1)).isFalse();
    }
}
