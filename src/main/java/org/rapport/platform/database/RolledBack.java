package org.rapport.platform.database;

import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;

/**
 * Recognises, anywhere in a cause chain, a transaction the database gave up on through no fault of its own: a deadlock
 * victim (MySQL/MariaDB error 1213) or a lock wait that timed out (1205). Whoever ran it may run it again, provided the
 * whole transaction rolled back.
 */
public final class RolledBack {

    static final int DEADLOCK = 1213;
    static final int LOCK_WAIT_TIMEOUT = 1205;

    private RolledBack() {
    }

    public static boolean byDatabase(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransactionRollbackException) {
                return true;
            }
            if (t instanceof SQLException s && (s.getErrorCode() == DEADLOCK || s.getErrorCode() == LOCK_WAIT_TIMEOUT)) {
                return true;
            }
        }
        return false;
    }
}
