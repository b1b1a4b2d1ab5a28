package org.rapport.platform.web;

import java.io.IOException;

/** A request body went past its limit while being read. */
public class BodyTooLargeException extends IOException {
    public BodyTooLargeException(long limit) {
        super("The request body is larger than the limit of " + limit + " bytes for this path.");
    }
}
