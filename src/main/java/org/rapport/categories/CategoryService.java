package org.rapport.categories;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.rapport.audit.AuditKind;
import org.rapport.audit.AuditTrail;
import org.rapport.audit.Change;
import org.rapport.audit.Subject;
import org.rapport.platform.errors.FieldError;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one writer of the {@code category} table. Every write first locks every category row (writers take turns, and a
 * customer import holding a code it stores finishes first), checks the taxonomy it would leave behind with
 * {@link Taxonomy}, and refuses to remove a code any {@link CategoryUse} still carries.
 */
@ApplicationScoped
public class CategoryService {

    @Inject
    CategoryMapper mapper;

    @Inject
    @Any
    Instance<CategoryUse> uses;

    @Inject
    Clock clock;

    @Inject
    AuditTrail audit;

    public Taxonomy taxonomy() {
        return new Taxonomy(mapper.all().stream().map(CategoryMapper.Stored::category).toList());
    }

    /**
     * The codes among {@code codes} that exist, each held (shared lock) until the caller's transaction ends, so that
     * it is not deleted or merged away under records the caller is storing.
     */
    public Set<String> holdExisting(Collection<String> codes) {
        return codes.isEmpty() ? Set.of() : Set.copyOf(mapper.holdExisting(List.copyOf(new LinkedHashSet<>(codes))));
    }

    /**
     * Replaces the whole taxonomy with {@code categories}: codes not listed are deleted, unless records still carry
     * them (409, nothing changed). A bad list changes nothing either (400, every field named).
     */
    @Transactional
    public Taxonomy replace(List<Category> categories) {
        mapper.lockAll();
        List<FieldError> errors = new ArrayList<>();
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < categories.size(); i++) {
            Integer earlier = index.putIfAbsent(categories.get(i).code(), i);
            if (earlier != null) {
                errors.add(new FieldError("categories[" + i + "].code", "'" + categories.get(i).code()
                        + "' is listed twice (also categories[" + earlier + "])"));
            }
        }
        Taxonomy next = new Taxonomy(categories);
        next.flaws().forEach(f -> errors.add(new FieldError("categories[" + index.get(f.code()) + "]." + f.field(), f.reason())));
        if (!errors.isEmpty()) {
            throw new InvalidCategories(errors);
        }
        List<String> removed = taxonomy().all().stream().map(Category::code).filter(c -> !next.contains(c)).toList();
        List<String> inUse = removed.stream().map(this::usedBy).filter(s -> !s.isEmpty()).toList();
        if (!inUse.isEmpty()) {
            throw new CategoryInUse("The list leaves out codes still in use: " + String.join("; ", inUse)
                    + ". Merge each into another code instead (POST /api/categories/{code}/merge {\"into\":\"…\"}); nothing was changed.");
        }
        List<String> before = codes(taxonomy());
        mapper.clearParents();
        removed.forEach(mapper::delete);
        write(next.all());
        Taxonomy after = taxonomy();
        List<String> now = codes(after);
        audit.record(AuditKind.CATEGORIES_CHANGED, Subject.of("categories", null), Change.to(Change.state(
                "added", now.stream().filter(c -> !before.contains(c)).toList(), "removed", removed, "count", now.size())));
        return after;
    }

    /** Upserts {@code categories}, already checked against the taxonomy they join; the caller holds {@link #lockAll()}. */
    public void write(List<Category> categories) {
        categories.forEach(c -> mapper.upsert(c, c.storedSynonyms()));
        categories.forEach(c -> mapper.setParent(c.code(), c.parent()));
    }

    /** Locks the taxonomy for a write (see {@link CategoryMapper#lockAll()}) and reads it. */
    public Taxonomy lockAll() {
        mapper.lockAll();
        return taxonomy();
    }

    /** Deletes a code nothing carries and no category sits under. */
    @Transactional
    public void delete(String code) {
        Taxonomy taxonomy = lockAll();
        taxonomy.find(code).orElseThrow(() -> new UnknownCategory(code));
        List<String> children = taxonomy.all().stream().filter(c -> code.equals(c.parent())).map(Category::code).toList();
        if (!children.isEmpty()) {
            throw new CategoryInUse("Category '" + code + "' is the parent of " + String.join(", ", children)
                    + "; give them another parent (or none) first, or merge '" + code + "' into another code.");
        }
        String usedBy = usedBy(code);
        if (!usedBy.isEmpty()) {
            throw new CategoryInUse(usedBy + ", so it cannot be deleted; merge it into another code instead "
                    + "(POST /api/categories/" + code + "/merge {\"into\":\"…\"}).");
        }
        mapper.delete(code);
        audit.record(AuditKind.CATEGORIES_CHANGED, Subject.of("category", code), new Change(Map.of("code", code), Map.of()));
    }

    /**
     * Merges {@code from} into {@code into}, in one transaction: every record carrying {@code from} carries
     * {@code into} (once), categories under {@code from} move under {@code into}, and {@code from} with its synonyms
     * becomes a synonym of {@code into}, so a file that still uses it is answered with {@code into} as the closest code.
     */
    @Transactional
    public Merged merge(String from, String into) {
        if (from.equals(into)) {
            throw new InvalidCategories(List.of(new FieldError("into", "'" + into + "' is the code being merged; name another code")));
        }
        Taxonomy taxonomy = lockAll();
        taxonomy.find(from).orElseThrow(() -> new UnknownCategory(from));
        taxonomy.find(into).orElseThrow(() -> new UnknownCategory(into));
        List<Category> next = taxonomy.afterMerging(from, into);
        List<Flaw> flaws = new Taxonomy(next).flaws();
        if (!flaws.isEmpty()) {
            throw new IllegalStateException("a merge would leave the taxonomy flawed: " + flaws);
        }
        Instant now = clock.instant();
        Map<String, Long> moved = new LinkedHashMap<>();
        uses.stream().sorted(java.util.Comparator.comparingInt(CategoryUse::lockRank))
                .forEach(u -> moved.put(u.users(), u.moveUses(from, into, now)));
        mapper.clearParents();
        mapper.delete(from);
        write(next);
        Map<String, Object> merged = new LinkedHashMap<>(Map.of("merged_into", into));
        moved.forEach((users, count) -> merged.put("moved." + users, count));
        audit.record(AuditKind.CATEGORIES_CHANGED, Subject.of("category", from), new Change(Map.of("code", from), merged));
        return new Merged(from, into, moved);
    }

    /** The codes only: the audit trail says which categories came and went, not how each was named. */
    private static List<String> codes(Taxonomy taxonomy) {
        return taxonomy.all().stream().map(Category::code).sorted().toList();
    }

    /** "Category 'x' is used by 3 customers and 1 problems", or empty when nothing carries it. */
    private String usedBy(String code) {
        Map<String, Long> counts = uses.stream().collect(Collectors.toMap(CategoryUse::users, u -> u.countUsing(code),
                Long::sum, LinkedHashMap::new));
        List<String> parts = counts.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getValue() + " " + e.getKey()).toList();
        return parts.isEmpty() ? "" : "Category '" + code + "' is used by " + String.join(" and ", parts);
    }

    /** What a merge did: how many records of each kind now carry {@code into} instead of {@code from}. */
    public record Merged(String merged, String into, Map<String, Long> moved) {
    }
}
