package org.rapport.problems;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.rapport.customers.CustomerService;
import org.rapport.imports.ImportResult.Counts;
import org.rapport.imports.Rejection;
import org.rapport.imports.Row;
import org.rapport.imports.RowImporter;
import org.rapport.problems.ProblemMapper.Write;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** {@code POST /api/import/problems}: help-desk tickets, upsert by external_id; the customer must exist. */
@ApplicationScoped
public class ProblemImporter implements RowImporter<Problem> {

    private static final Set<String> COLUMNS = Set.of("external_id", "customer", "opened_at", "resolved_at", "severity",
            "category", "summary", "resolution");

    @Inject
    ProblemMapper mapper;

    @Inject
    CustomerService customers;

    @Override
    public String kind() {
        return "problems";
    }

    @Override
    public Set<String> columns() {
        return COLUMNS;
    }

    @Override
    public Set<String> requiredColumns() {
        return Set.of("external_id", "customer", "opened_at", "summary");
    }

    @Override
    public Problem parse(Row row) {
        Problem p = new Problem(row.externalId("external_id"), row.required("customer", 64), row.requiredInstant("opened_at"),
                row.instant("resolved_at"), row.choice("severity", Severity.class, Severity.MEDIUM), row.text("category", 64),
                row.required("summary", 1000), row.text("resolution", 4000));
        if (p.openedAt() != null && p.resolvedAt() != null && p.resolvedAt().isBefore(p.openedAt())) {
            row.reject("resolved_at", p.resolvedAt().toString(), "is before opened_at " + p.openedAt());
        }
        return row.valid() ? p : null;
    }

    @Override
    public String externalId(Problem row) {
        return row.externalId();
    }

    @Override
    @Transactional
    public Counts store(List<Parsed<Problem>> batch, Consumer<Rejection> reject) {
        Set<String> customerIds = new HashSet<>();
        batch.forEach(p -> customerIds.add(p.row().customer()));
        Map<String, Long> customerIdOf = customers.idsOf(customerIds);
        Map<String, byte[]> stored = new HashMap<>();
        mapper.findStored(batch.stream().map(p -> p.row().externalId()).toList()).forEach(s -> stored.put(s.externalId(), s.importHash()));
        List<Write> writes = new ArrayList<>();
        long created = 0;
        long unchanged = 0;
        for (Parsed<Problem> p : batch) {
            Long customerId = customerIdOf.get(p.row().customer());
            if (customerId == null) {
                reject.accept(new Rejection(p.line(), "customer", p.row().customer(), "unknown customer external_id"));
                continue;
            }
            byte[] hash = p.row().importHash();
            byte[] before = stored.get(p.row().externalId());
            if (before != null && Arrays.equals(before, hash)) {
                unchanged++;
                continue;
            }
            if (before == null) {
                created++;
            }
            writes.add(new Write(p.row(), customerId, hash));
        }
        if (!writes.isEmpty()) {
            mapper.upsert(writes);
        }
        return new Counts(created, writes.size() - created, unchanged);
    }
}
