package org.rapport.categories;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.rapport.imports.ImportResult.Counts;
import org.rapport.imports.Rejection;
import org.rapport.imports.Row;
import org.rapport.imports.RowImporter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code POST /api/import/categories}: upsert by code (the same file twice changes nothing; codes not in the file stay,
 * so an import never deletes). Columns {@code code}, {@code name}, {@code parent} (a code), {@code synonyms}
 * (';'-separated). The whole file is one batch, as rows name each other as parents; a row that would break the
 * taxonomy is rejected with its reason, and so is a row whose parent was rejected.
 */
@ApplicationScoped
public class CategoryImporter implements RowImporter<Category> {

    private static final Set<String> COLUMNS = Set.of("code", "name", "parent", "synonyms");

    @Inject
    CategoryService categories;

    @Override
    public String kind() {
        return "categories";
    }

    @Override
    public Set<String> columns() {
        return COLUMNS;
    }

    @Override
    public Set<String> requiredColumns() {
        return Set.of("code", "name");
    }

    @Override
    public int batchSize() {
        return 100_000; // a taxonomy is small; its rows are checked against each other
    }

    @Override
    public Category parse(Row row) {
        String code = row.required("code", 64);
        if (code != null && !Taxonomy.CODE.matcher(code).matches()) {
            row.reject("code", code, "not a category code (1 to 64 lowercase letters, digits and hyphens, starting with a letter or digit)");
        }
        String name = row.required("name", Taxonomy.MAX_NAME);
        String parent = row.text("parent", 64);
        String synonyms = row.text("synonyms", Taxonomy.MAX_SYNONYMS);
        List<String> list = synonyms == null ? List.of()
                : Arrays.stream(synonyms.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        return row.valid() ? new Category(code, name, parent, list) : null;
    }

    @Override
    public String externalId(Category row) {
        return row.code();
    }

    @Override
    public String keyColumn() {
        return "code";
    }

    @Override
    public String keyName() {
        return "code";
    }

    /**
     * Checks the file's rows against the stored taxonomy and each other: stored categories the file leaves alone come
     * first, so of two that clash the file's row is at fault. A rejected row is taken out and the rest checked again
     * (a row under a rejected parent then fails too), until what is left can be stored.
     */
    @Override
    @Transactional
    public Counts store(List<Parsed<Category>> batch, Consumer<Rejection> reject) {
        Taxonomy stored = categories.lockAll();
        Map<String, Parsed<Category>> rows = new LinkedHashMap<>();
        batch.forEach(p -> rows.put(p.row().code(), p));
        while (true) {
            Map<String, Category> next = new LinkedHashMap<>();
            stored.all().stream().filter(c -> !rows.containsKey(c.code())).forEach(c -> next.put(c.code(), c));
            rows.values().forEach(p -> next.put(p.row().code(), p.row()));
            Map<String, List<Flaw>> flawed = new HashMap<>();
            new Taxonomy(next.values()).flaws().stream().filter(f -> rows.containsKey(f.code()))
                    .forEach(f -> flawed.computeIfAbsent(f.code(), k -> new ArrayList<>()).add(f));
            if (flawed.isEmpty()) {
                break;
            }
            flawed.forEach((code, flaws) -> {
                long line = rows.remove(code).line();
                flaws.forEach(f -> reject.accept(new Rejection(line, f.field(), f.value(), f.reason())));
            });
            // a stored category whose row was rejected is checked again as it is stored
        }
        List<Category> writes = new ArrayList<>();
        long created = 0;
        for (Parsed<Category> p : rows.values()) {
            var before = stored.find(p.row().code());
            if (before.isPresent() && before.get().equals(p.row())) {
                continue;
            }
            created += before.isEmpty() ? 1 : 0;
            writes.add(p.row());
        }
        categories.write(writes);
        return new Counts(created, writes.size() - created, rows.size() - writes.size());
    }
}
