package org.rapport.responses;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts how often an email of the reply mailbox could not be recorded, so that one email that always fails is given
 * up on after a few runs instead of being tried forever. A failure because the database cannot be reached says nothing
 * about the email and is not counted. Kept in memory: after a restart an email gets its attempts again.
 */
final class FailedEmails {

    /** Remembered emails at most; the oldest is forgotten first. */
    private static final int CAPACITY = 10_000;

    private final int maxAttempts;
    private final Map<String, Integer> failures = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
            return size() > CAPACITY;
        }
    };

    FailedEmails(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    /** Notes a failure of the email with this key; true when it has now failed {@code maxAttempts} times. */
    synchronized boolean failed(String key, Throwable failure) {
        if (databaseUnreachable(failure)) {
            return false;
        }
        int attempts = failures.merge(key, 1, Integer::sum);
        if (attempts >= maxAttempts) {
            failures.remove(key);
            return true;
        }
        return false;
    }

    synchronized void recorded(String key) {
        failures.remove(key);
    }

    synchronized int attempts(String key) {
        return failures.getOrDefault(key, 0);
    }

    static boolean databaseUnreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true; // SQL state class 08: connection exception
            }
        }
        return false;
    }
}
