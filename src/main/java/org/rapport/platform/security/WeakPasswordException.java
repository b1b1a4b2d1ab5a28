package org.rapport.platform.security;

import org.rapport.platform.web.ApiException;

/** A password too short to be accepted. */
public class WeakPasswordException extends ApiException {
    public WeakPasswordException(String detail) {
        super(400, "Password too weak", detail);
    }
}
