package org.rapport.outbox;

import java.sql.SQLIntegrityConstraintViolationException;

/** Recognises MySQL/MariaDB error 1062 (duplicate entry for a unique key) anywhere in a cause chain. */
final class DuplicateKey {

    private DuplicateKey() {
    }

    static boolean causes(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLIntegrityConstraintViolationException s && s.getErrorCode() == 1062) {
                return true;
            }
        }
        return false;
    }
}
