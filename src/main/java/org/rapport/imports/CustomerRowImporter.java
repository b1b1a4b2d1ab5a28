package org.rapport.imports;

import jakarta.transaction.Transactional;
import org.rapport.imports.ImportResult.Counts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Imports rows that belong to a customer (purchases, problems): the customer must exist, a row whose import hash did
 * not change is left alone, the others are upserted in one statement.
 */
public abstract class CustomerRowImporter<R extends OwnedByCustomer> implements RowImporter<R> {

    @Override
    public String externalId(R row) {
        return row.externalId();
    }

    /** external id → database id of the customers among {@code externalIds} that exist. */
    protected abstract Map<String, Long> customerIds(Collection<String> externalIds);

    /** external id → stored import hash of the rows among {@code externalIds} that exist. */
    protected abstract Map<String, byte[]> storedHashes(List<String> externalIds);

    protected abstract void upsert(List<ForCustomer<R>> rows);

    @Override
    @Transactional
    public Counts store(List<Parsed<R>> batch, Consumer<Rejection> reject) {
        Set<String> customers = new HashSet<>();
        batch.forEach(p -> customers.add(p.row().customer()));
        Map<String, Long> customerIdOf = customerIds(customers);
        Map<String, byte[]> stored = storedHashes(batch.stream().map(p -> p.row().externalId()).toList());
        List<ForCustomer<R>> writes = new ArrayList<>();
        long created = 0;
        long unchanged = 0;
        for (Parsed<R> p : batch) {
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
            writes.add(new ForCustomer<>(p.row(), customerId, hash));
        }
        if (!writes.isEmpty()) {
            upsert(writes);
        }
        return new Counts(created, writes.size() - created, unchanged);
    }
}
