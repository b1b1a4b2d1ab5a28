package org.rapport.planning;

import org.rapport.platform.errors.FieldError;
import org.rapport.platform.errors.InvalidInput;

import java.util.List;

/** A rules document that cannot work, each field at fault named with why (problem+json {@code errors}): 400. */
public class InvalidRules extends InvalidInput {

    InvalidRules(List<FieldError> errors) {
        super("Invalid rules", errors);
    }

    /** From {@link Rules#problems()}: lines of "field: why." */
    static InvalidRules of(List<String> problems) {
        return new InvalidRules(problems.stream().map(InvalidRules::fieldError).toList());
    }

    private static FieldError fieldError(String problem) {
        int colon = problem.indexOf(": ");
        String reason = colon < 0 ? problem : problem.substring(colon + 2);
        return new FieldError(colon < 0 ? "" : problem.substring(0, colon),
                reason.endsWith(".") ? reason.substring(0, reason.length() - 1) : reason);
    }
}
