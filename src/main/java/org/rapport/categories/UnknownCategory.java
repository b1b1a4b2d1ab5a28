package org.rapport.categories;

import org.rapport.platform.errors.NotFound;

/** No category has this code: 404. */
public class UnknownCategory extends NotFound {

    public UnknownCategory(String code) {
        super("There is no category '" + code + "' (GET /api/categories lists them).");
    }
}
