package org.rapport.purchases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.rapport.customers.CustomerService;
import org.rapport.imports.ImportResult.Counts;
import org.rapport.imports.Rejection;
import org.rapport.imports.Row;
import org.rapport.imports.RowImporter;
import org.rapport.purchases.PurchaseMapper.Write;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** {@code POST /api/import/purchases}: upsert by external_id; the customer must exist. */
@ApplicationScoped
public class PurchaseImporter implements RowImporter<Purchase> {

    private static final Set<String> COLUMNS = Set.of("external_id", "customer", "purchased_on", "amount", "currency", "description");

    @Inject
    PurchaseMapper mapper;

    @Inject
    CustomerService customers;

    @Override
    public String kind() {
        return "purchases";
    }

    @Override
    public Set<String> columns() {
        return COLUMNS;
    }

    @Override
    public Set<String> requiredColumns() {
        return Set.of("external_id", "customer", "purchased_on", "amount", "currency");
    }

    @Override
    public Purchase parse(Row row) {
        return read(row);
    }

    static Purchase read(Row row) {
        Purchase p = new Purchase(row.externalId("external_id"), row.required("customer", 64), row.requiredDate("purchased_on"),
                row.money("amount", true), row.currency("currency"), row.text("description", 1000));
        return row.valid() ? p : null;
    }

    @Override
    public String externalId(Purchase row) {
        return row.externalId();
    }

    @Override
    @Transactional
    public Counts store(List<Parsed<Purchase>> batch, Consumer<Rejection> reject) {
        Set<String> customerIds = new HashSet<>();
        batch.forEach(p -> customerIds.add(p.row().customer()));
        Map<String, Long> customerIdOf = customers.idsOf(customerIds);
        Map<String, byte[]> stored = new HashMap<>();
        mapper.findStored(batch.stream().map(p -> p.row().externalId()).toList()).forEach(s -> stored.put(s.externalId(), s.importHash()));
        List<Write> writes = new ArrayList<>();
        long created = 0;
        long unchanged = 0;
        for (Parsed<Purchase> p : batch) {
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
