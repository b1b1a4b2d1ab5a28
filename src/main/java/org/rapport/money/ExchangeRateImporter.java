package org.rapport.money;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.rapport.imports.ImportResult.Counts;
import org.rapport.imports.Rejection;
import org.rapport.imports.Row;
import org.rapport.imports.RowImporter;
import org.rapport.platform.database.Batches;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code POST /api/import/exchange-rates}: rates into the company currency, upserted by currency and valid_from (the
 * same file twice changes nothing; rates not in the file stay). Columns {@code currency}, {@code valid_from},
 * {@code rate}.
 */
@ApplicationScoped
public class ExchangeRateImporter implements RowImporter<ExchangeRate> {

    private static final Set<String> COLUMNS = Set.of("currency", "valid_from", "rate");

    @Inject
    ExchangeRateMapper mapper;

    @Inject
    Batches batches;

    @Inject
    Clock clock;

    private volatile String companyCurrency;

    @Override
    public String kind() {
        return "exchange-rates";
    }

    @Override
    public Set<String> columns() {
        return COLUMNS;
    }

    @Override
    public Set<String> requiredColumns() {
        return COLUMNS;
    }

    @Override
    public void prepare() {
        companyCurrency = mapper.companyCurrency();
    }

    @Override
    public ExchangeRate parse(Row row) {
        String currency = row.currency("currency");
        if (currency != null && currency.equals(companyCurrency)) {
            row.reject("currency", currency, "the company currency; its rate is always 1");
        }
        LocalDate validFrom = row.requiredDate("valid_from");
        String text = row.required("rate", 40);
        BigDecimal rate = null;
        if (text != null) {
            StringBuilder reason = new StringBuilder();
            rate = Money.rate(text, reason).orElse(null);
            if (rate == null) {
                row.reject("rate", text, reason.toString());
            }
        }
        return row.valid() ? new ExchangeRate(currency, validFrom, rate) : null;
    }

    /** Two rows of one currency and day are one rate: the file's duplicates are found by this key. */
    @Override
    public String externalId(ExchangeRate row) {
        return row.key();
    }

    @Override
    public String keyColumn() {
        return "valid_from";
    }

    @Override
    public String keyName() {
        return "currency and valid_from";
    }

    @Override
    @Transactional
    public Counts store(List<Parsed<ExchangeRate>> batch, Consumer<Rejection> reject) {
        Set<String> currencies = new HashSet<>();
        batch.forEach(p -> currencies.add(p.row().currency()));
        Map<String, BigDecimal> stored = new HashMap<>();
        mapper.ofCurrencies(currencies).forEach(r -> stored.put(r.key(), r.rate()));
        List<ExchangeRate> writes = new ArrayList<>();
        long created = 0;
        for (Parsed<ExchangeRate> p : batch) {
            BigDecimal before = stored.get(p.row().key());
            if (before != null && before.compareTo(p.row().rate()) == 0) {
                continue;
            }
            created += before == null ? 1 : 0;
            writes.add(p.row());
        }
        if (!writes.isEmpty()) {
            Instant now = clock.instant();
            batches.run(ExchangeRateMapper.class, m -> writes.forEach(r -> m.upsert(r, now)));
        }
        return new Counts(created, writes.size() - created, batch.size() - writes.size());
    }
}
