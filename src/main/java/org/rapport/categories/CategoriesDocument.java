package org.rapport.categories;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.util.List;

/**
 * {@code GET/PUT /api/categories}: the whole taxonomy. A PUT replaces it (codes left out are deleted, unless in use).
 * Classes with public fields, not records: Payara's OpenAPI scanner fails on constraints on record components.
 */
public class CategoriesDocument {

    @NotNull public List<@NotNull @Valid Entry> categories;

    /** One category; {@code parent} a code or null, {@code synonyms} other words for it. */
    public static class Entry {
        @NotNull public String code;
        @NotNull public String name;
        public String parent;
        public List<@NotNull String> synonyms;

        public Entry() {
        }

        Entry(Category c) {
            code = c.code();
            name = c.name();
            parent = c.parent();
            synonyms = c.synonyms();
        }

        Category category() {
            return new Category(code, name, parent == null || parent.isBlank() ? null : parent,
                    synonyms == null ? List.of() : synonyms);
        }
    }

    static CategoriesDocument of(Taxonomy taxonomy) {
        CategoriesDocument d = new CategoriesDocument();
        d.categories = taxonomy.all().stream().map(Entry::new).toList();
        return d;
    }

    List<Category> categories() {
        return categories.stream().map(Entry::category).toList();
    }
}
