package org.rapport.categories;

import org.apache.commons.text.similarity.LevenshteinDistance;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The company's categories as a whole, and the rules every write keeps: a code is 1–64 lowercase letters, digits and
 * hyphens; a name is required; a parent exists and no category is its own ancestor; a synonym is unique across the
 * taxonomy (no other category's synonym or code). Plain Java: the API, the CSV import and the merge all check the
 * taxonomy they would leave behind here. Also names the closest codes to one that is unknown.
 */
public final class Taxonomy {

    public static final Pattern CODE = Pattern.compile("^[a-z0-9][a-z0-9-]{0,63}$");
    static final int MAX_NAME = 200;
    static final int MAX_SYNONYM = 100;
    static final int MAX_SYNONYMS = 1000;
    /** How different a term may be (edit distance over its length) and still be offered as close. */
    private static final double CLOSE = 0.5;
    /** A match on one word of a code, name or synonym ranks just behind the same match on the whole of one. */
    private static final double WORD = 0.05;
    private static final LevenshteinDistance DISTANCE = LevenshteinDistance.getDefaultInstance();

    /** By code, in the order given: of two categories that clash, the later one is at fault. */
    private final Map<String, Category> byCode = new LinkedHashMap<>();

    public Taxonomy(Collection<Category> categories) {
        categories.forEach(c -> byCode.putIfAbsent(c.code(), c));
    }

    public boolean contains(String code) {
        return byCode.containsKey(code);
    }

    public Optional<Category> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    public List<Category> all() {
        return List.copyOf(byCode.values());
    }

    /** Every rule broken, in the order of the categories. */
    public List<Flaw> flaws() {
        List<Flaw> flaws = new ArrayList<>();
        Map<String, String> synonymOwner = new HashMap<>();
        Map<String, String> codeOwner = new HashMap<>();
        byCode.keySet().forEach(code -> codeOwner.put(code.toLowerCase(Locale.ROOT), code));
        Set<String> earlier = new HashSet<>();
        for (Category c : byCode.values()) {
            if (c.code() == null || !CODE.matcher(c.code()).matches()) {
                flaws.add(new Flaw(c.code(), "code", c.code(),
                        "not a category code (1 to 64 lowercase letters, digits and hyphens, starting with a letter or digit)"));
            }
            if (c.name() == null || c.name().isBlank()) {
                flaws.add(new Flaw(c.code(), "name", c.name(), "required"));
            } else if (c.name().codePointCount(0, c.name().length()) > MAX_NAME) {
                flaws.add(new Flaw(c.code(), "name", c.name(), "longer than " + MAX_NAME + " characters"));
            }
            parentFlaw(c).ifPresent(flaws::add);
            synonymFlaws(c, codeOwner, synonymOwner, earlier, flaws);
            earlier.add(c.code());
        }
        return flaws;
    }

    private Optional<Flaw> parentFlaw(Category c) {
        if (c.parent() == null) {
            return Optional.empty();
        }
        if (c.parent().equals(c.code())) {
            return Optional.of(new Flaw(c.code(), "parent", c.parent(), "a category cannot be its own parent"));
        }
        if (!byCode.containsKey(c.parent())) {
            return Optional.of(new Flaw(c.code(), "parent", c.parent(),
                    "unknown parent category '" + c.parent() + "' (a parent must exist, or come in the same list or file)"));
        }
        List<String> path = new ArrayList<>(List.of(c.code()));
        String at = c.parent();
        while (at != null && byCode.containsKey(at)) {
            if (at.equals(c.code())) {
                path.add(at);
                return Optional.of(new Flaw(c.code(), "parent", c.parent(),
                        "would make a cycle: " + String.join(" → ", path) + " (a category cannot be its own ancestor)"));
            }
            if (path.contains(at)) {
                return Optional.empty(); // a cycle further up, reported on its own members
            }
            path.add(at);
            at = byCode.get(at).parent();
        }
        return Optional.empty();
    }

    private static void synonymFlaws(Category c, Map<String, String> codeOwner, Map<String, String> synonymOwner,
                                     Set<String> earlier, List<Flaw> flaws) {
        String code = c.code() == null ? "" : c.code().toLowerCase(Locale.ROOT);
        String holder = synonymOwner.get(code);
        if (holder != null && !holder.equals(c.code())) {
            flaws.add(new Flaw(c.code(), "code", c.code(), "'" + c.code() + "' is a synonym of " + holder));
        }
        Set<String> own = new HashSet<>();
        for (String synonym : c.synonyms()) {
            String key = synonym == null ? "" : synonym.strip().toLowerCase(Locale.ROOT);
            if (key.isEmpty()) {
                flaws.add(new Flaw(c.code(), "synonyms", synonym, "an empty synonym"));
            } else if (synonym.indexOf(';') >= 0 || synonym.chars().anyMatch(Character::isISOControl)) {
                flaws.add(new Flaw(c.code(), "synonyms", synonym, "a synonym must not contain ';' or control characters"));
            } else if (synonym.codePointCount(0, synonym.length()) > MAX_SYNONYM) {
                flaws.add(new Flaw(c.code(), "synonyms", synonym, "a synonym is longer than " + MAX_SYNONYM + " characters"));
            } else if (!own.add(key)) {
                flaws.add(new Flaw(c.code(), "synonyms", synonym, "'" + synonym + "' is listed twice"));
            } else if (key.equals(code)) {
                flaws.add(new Flaw(c.code(), "synonyms", synonym, "'" + synonym + "' is the category's own code"));
            } else if (codeOwner.containsKey(key) && earlier.contains(codeOwner.get(key))) {
                flaws.add(new Flaw(c.code(), "synonyms", synonym, "'" + synonym + "' is the code of another category"));
            } else if (synonymOwner.containsKey(key)) {
                flaws.add(new Flaw(c.code(), "synonyms", synonym, "'" + synonym + "' is already a synonym of " + synonymOwner.get(key)));
            } else {
                synonymOwner.put(key, c.code());
            }
        }
        if (c.storedSynonyms().length() > MAX_SYNONYMS) {
            flaws.add(new Flaw(c.code(), "synonyms", null, "the synonyms together are longer than " + MAX_SYNONYMS + " characters"));
        }
    }

    /**
     * The categories after {@code from} is merged into {@code into} (both exist): {@code from} is gone, the categories
     * under it are under {@code into}, and {@code into} keeps its synonyms and gains {@code from}'s code and synonyms (as
     * many as fit). A target that sat under {@code from} first takes {@code from}'s place, so no cycle can arise.
     */
    public List<Category> afterMerging(String from, String into) {
        Category merged = byCode.get(from);
        Category target = byCode.get(into);
        String targetParent = isAncestor(from, into) ? merged.parent() : target.parent();
        List<Category> next = new ArrayList<>();
        for (Category c : byCode.values()) {
            if (c.code().equals(from)) {
                continue;
            }
            if (c.code().equals(into)) {
                next.add(new Category(into, c.name(), targetParent, synonymsAfterMerging(c, merged)));
            } else if (from.equals(c.parent())) {
                next.add(new Category(c.code(), c.name(), into, c.synonyms()));
            } else {
                next.add(c);
            }
        }
        return next;
    }

    private static List<String> synonymsAfterMerging(Category target, Category merged) {
        Set<String> seen = new HashSet<>();
        seen.add(target.code().toLowerCase(Locale.ROOT));
        target.synonyms().forEach(s -> seen.add(s.toLowerCase(Locale.ROOT)));
        List<String> synonyms = new ArrayList<>(target.synonyms());
        List<String> added = new ArrayList<>(List.of(merged.code()));
        added.addAll(merged.synonyms());
        for (String s : added) {
            if (seen.add(s.toLowerCase(Locale.ROOT)) && String.join(";", synonyms).length() + s.length() + 1 <= MAX_SYNONYMS) {
                synonyms.add(s);
            }
        }
        return synonyms;
    }

    private boolean isAncestor(String ancestor, String code) {
        Set<String> seen = new HashSet<>();
        String at = byCode.containsKey(code) ? byCode.get(code).parent() : null;
        while (at != null && seen.add(at)) {
            if (at.equals(ancestor)) {
                return true;
            }
            at = byCode.containsKey(at) ? byCode.get(at).parent() : null;
        }
        return false;
    }

    /**
     * Up to {@code limit} categories closest to {@code unknown}, closest first: the edit distance to the code, the name,
     * a synonym or (a little less close) one of their words, over the longer one's length (case and punctuation
     * ignored), at most one half; ties by code.
     */
    public List<Category> closest(String unknown, int limit) {
        String wanted = normalized(unknown);
        if (wanted.isEmpty()) {
            return List.of();
        }
        record Scored(Category category, double score) {
        }
        return byCode.values().stream()
                .map(c -> new Scored(c, score(wanted, c)))
                .filter(s -> s.score() <= CLOSE)
                .sorted(Comparator.comparingDouble(Scored::score).thenComparing(s -> s.category().code()))
                .limit(limit)
                .map(Scored::category)
                .toList();
    }

    private static double score(String wanted, Category c) {
        List<String> terms = new ArrayList<>();
        terms.add(c.code());
        terms.add(c.name());
        terms.addAll(c.synonyms());
        double best = Double.MAX_VALUE;
        for (String term : terms) {
            String whole = normalized(term);
            best = Math.min(best, distance(wanted, whole));
            for (String word : whole.split(" ")) {
                if (word.length() >= 3) {
                    best = Math.min(best, distance(wanted, word) + WORD);
                }
            }
        }
        return best;
    }

    private static double distance(String a, String b) {
        if (b.isEmpty()) {
            return Double.MAX_VALUE;
        }
        return (double) DISTANCE.apply(a, b) / Math.max(a.length(), b.length());
    }

    /** Lowercase, every run of other characters than letters and digits one space: "IT-Services" is "it services". */
    static String normalized(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    /** Why a customer's code is refused, naming the closest codes and how to add a new one; one wording everywhere. */
    public String unknownCodeReason(String unknown) {
        List<Category> close = closest(unknown, 3);
        String closest = close.isEmpty() ? "no existing code is close"
                : "closest: " + String.join(", ", close.stream().map(c -> c.code() + " (" + c.name() + ")").toList());
        return "unknown category code; " + closest + ". To add a new code, an admin imports it with "
                + "POST /api/import/categories (columns code, name, parent, synonyms)";
    }
}
