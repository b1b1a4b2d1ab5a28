package org.rapport.categories;

import org.rapport.platform.errors.FieldError;
import org.rapport.platform.errors.InvalidInput;

import java.util.List;

/** Categories that cannot be stored (a bad code, an unknown parent, a cycle, a clashing synonym …), each field named: 400. */
public class InvalidCategories extends InvalidInput {

    public InvalidCategories(List<FieldError> errors) {
        super("Invalid categories", errors);
    }

    public InvalidCategories(String detail) {
        super("Invalid categories", detail);
    }
}
