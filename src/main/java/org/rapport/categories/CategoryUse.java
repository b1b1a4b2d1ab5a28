package org.rapport.categories;

import java.time.Instant;

/**
 * A feature whose records carry category codes (customers' offers and needs, problems). The taxonomy asks each before
 * it deletes a code, and has each move its records when a code is merged into another, in the merge's transaction.
 * Implementations run after the taxonomy holds its rows locked ({@link CategoryService}).
 */
public interface CategoryUse {

    /** What uses codes, plural, as the answer names it: "customers", "problems". */
    String users();

    /** How many records carry {@code code}. */
    long countUsing(String code);

    /** Makes every record that carries {@code from} carry {@code into} instead (once); how many records changed. */
    long moveUses(String from, String into, Instant now);
}
