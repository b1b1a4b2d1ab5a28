package org.rapport.polls;

import org.rapport.platform.errors.FieldError;
import org.rapport.platform.errors.InvalidInput;

import java.util.List;

/** Answers that do not fit the poll's questions, each field named with why: the page shows them again, 400. */
public class InvalidAnswers extends InvalidInput {

    InvalidAnswers(List<FieldError> errors) {
        super("Invalid answers", errors);
    }
}
