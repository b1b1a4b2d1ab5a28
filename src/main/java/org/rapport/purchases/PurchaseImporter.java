package org.rapport.purchases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.rapport.customers.CustomerService;
import org.rapport.imports.CustomerRowImporter;
import org.rapport.imports.ForCustomer;
import org.rapport.imports.Row;
import org.rapport.money.ExchangeRateService;
import org.rapport.money.ExchangeRates;
import org.rapport.platform.database.Batches;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /api/import/purchases}: upsert by external_id; the customer must exist. A purchase in a currency without an
 * exchange rate on its date is stored with a warning.
 */
@ApplicationScoped
public class PurchaseImporter extends CustomerRowImporter<Purchase> {

    private static final Set<String> COLUMNS = Set.of("external_id", "customer", "purchased_on", "amount", "currency", "description");

    @Inject
    PurchaseMapper mapper;

    @Inject
    CustomerService customers;

    @Inject
    Batches batches;

    @Inject
    ExchangeRateService exchangeRates;

    private volatile ExchangeRates rates = ExchangeRates.none();

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
    public void prepare() {
        rates = exchangeRates.all();
    }

    /** A purchase no rate converts is stored with a warning: it counts for neither tiers nor thank-you notes yet. */
    @Override
    public Purchase parse(Row row) {
        Purchase p = new Purchase(row.externalId("external_id"), row.required("customer", 64), row.requiredDate("purchased_on"),
                row.money("amount", true), row.currency("currency"), row.text("description", 1000));
        if (!row.valid()) {
            return null;
        }
        rates.missingRate(p.currency(), p.purchasedOn()).ifPresent(reason -> row.warn("currency", p.currency(), reason));
        return p;
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
    protected void upsert(List<ForCustomer<Purchase>> rows) {
        batches.run(PurchaseMapper.class, batch -> rows.forEach(batch::upsert));
    }
}
