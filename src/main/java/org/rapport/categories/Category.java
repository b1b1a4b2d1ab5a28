package org.rapport.categories;

import java.util.List;

/** One category: its code (what customers' offers and needs and problems carry), name, parent code or null, synonyms. */
public record Category(String code, String name, String parent, List<String> synonyms) {

    public Category {
        synonyms = List.copyOf(synonyms);
    }

    /** The synonyms as stored: ';'-separated, in the order given. */
    String storedSynonyms() {
        return String.join(";", synonyms);
    }

    static List<String> synonymsOf(String stored) {
        return stored == null || stored.isEmpty() ? List.of() : List.of(stored.split(";"));
    }
}
