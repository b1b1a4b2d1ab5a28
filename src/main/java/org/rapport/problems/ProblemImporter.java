package org.rapport.problems;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.rapport.customers.ConsentService;
import org.rapport.customers.CustomerService;
import org.rapport.imports.CustomerRowImporter;
import org.rapport.imports.ForCustomer;
import org.rapport.imports.Row;
import org.rapport.platform.database.Batches;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /api/import/problems}: help-desk tickets, upsert by external_id; the customer must exist. Stored rows
 * fire the same events as the API (a problem imported resolved is followed up like one resolved through the API) and
 * hold the customer rows of the problems they open, as the API does.
 */
@ApplicationScoped
public class ProblemImporter extends CustomerRowImporter<Problem> {

    private static final Set<String> COLUMNS = Set.of("external_id", "customer", "opened_at", "resolved_at", "severity",
            "category", "summary", "resolution");

    @Inject
    ProblemMapper mapper;

    @Inject
    CustomerService customers;

    @Inject
    Batches batches;

    @Inject
    ProblemEvents events;

    @Inject
    ConsentService consent;

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
    protected Map<String, Long> customerIds(Collection<String> externalIds) {
        return customers.idsOf(externalIds);
    }

    @Override
    protected Map<String, byte[]> storedHashes(List<String> externalIds) {
        Map<String, byte[]> hashes = new HashMap<>();
        mapper.findStored(externalIds).forEach(s -> hashes.put(s.externalId(), s.importHash()));
        return hashes;
    }

    @Override
    protected void upsert(List<ForCustomer<Problem>> rows) {
        Map<String, ProblemMapper.Stored> before = new HashMap<>();
        mapper.findStored(rows.stream().map(r -> r.row().externalId()).toList()).forEach(s -> before.put(s.externalId(), s));
        // every customer of the batch held before any row is written, in id order: those whose problem opens wait for
        // a delivery in flight as through the API, and two imports cannot deadlock over the others (a foreign-key
        // lock taken in file order would otherwise meet an exclusive one taken in id order)
        consent.holdForPolicyChange(rows.stream().map(ForCustomer::customerId).toList());
        batches.run(ProblemMapper.class, batch -> rows.forEach(batch::upsert));
        rows.forEach(r -> events.stored(before.get(r.row().externalId()), r.customerId(), r.row()));
    }
}
