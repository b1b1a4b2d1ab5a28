package org.rapport.platform.database;

import java.sql.SQLIntegrityConstraintViolationException;

/** Recognises MySQL/MariaDB error 1062 (duplicate entry for a unique key) anywhere in a cause chain. */
public final class DuplicateKey {

    private DuplicateKey() {
    }

    public static boolean causes(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLIntegrityConstraintViolationException s && s.getErrorCode() == 1062) {
                return true;
            }
        }
        return false;
    }
}
