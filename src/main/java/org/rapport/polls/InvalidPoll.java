package org.rapport.polls;

import org.rapport.platform.errors.FieldError;
import org.rapport.platform.errors.InvalidInput;

import java.util.List;

/** A poll definition that cannot be used, each field at fault named with why (problem+json {@code errors}): 400. */
public class InvalidPoll extends InvalidInput {

    InvalidPoll(List<FieldError> errors) {
        super("Invalid poll", errors);
    }
}
