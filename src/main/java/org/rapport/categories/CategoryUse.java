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

    /**
     * Where this use's rows come in the merge's lock order, lowest first. Writers of problems hold the customer row
     * before the problem row (a problem opening locks its customer), so a merge moves customers (0) before problems (1):
     * the other order could deadlock with a problem import.
     */
    int lockRank();
}
