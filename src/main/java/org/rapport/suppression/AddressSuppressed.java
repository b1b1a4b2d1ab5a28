package org.rapport.suppression;

import org.rapport.platform.errors.Conflict;

/** The address is on the suppression list, so it is not stored to be contacted: 409, naming the field only. */
public class AddressSuppressed extends Conflict {

    public AddressSuppressed(String field) {
        super(field + ": suppressed: this address asked to be forgotten and is never contacted.");
    }
}
