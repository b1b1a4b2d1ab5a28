package org.rapport.categories;

import jakarta.validation.constraints.NotNull;

/** {@code POST /api/categories/{code}/merge}: the code that takes the merged code's place. */
public class MergeRequest {
    @NotNull public String into;
}
