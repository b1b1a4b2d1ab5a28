package org.rapport.categories;

import org.rapport.platform.errors.Conflict;

/** A code that records still carry, or that other categories sit under, cannot be deleted: 409. */
public class CategoryInUse extends Conflict {

    public CategoryInUse(String detail) {
        super(detail);
    }
}
