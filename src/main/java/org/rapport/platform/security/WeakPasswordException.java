package org.rapport.platform.security;

import org.rapport.platform.errors.InvalidInput;

/** A password too short to be accepted. */
public class WeakPasswordException extends InvalidInput {
    public WeakPasswordException(String detail) {
        super("Password too weak", detail);
    }
}
