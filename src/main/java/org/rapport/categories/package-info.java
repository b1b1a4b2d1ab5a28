/**
 * The company's own category taxonomy (table {@code category}): codes with a name, an optional parent and synonyms,
 * what customers offer and need and what problems are filed under. {@code GET/PUT /api/categories},
 * {@code POST /api/import/categories}, {@code DELETE /api/categories/{code}} and {@code POST /api/categories/{code}/merge}.
 * {@link org.rapport.categories.Taxonomy} holds the rules (code format, parents, no cycles, unique synonyms) and names
 * the closest codes to an unknown one; the features that use codes plug in through
 * {@link org.rapport.categories.CategoryUse}, so a code in use is never deleted and a merge moves every use.
 */
package org.rapport.categories;
