package org.rapport.money;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The company currency and its exchange rates: read by the planner and the tiers, replaced by an admin. */
@ApplicationScoped
public class ExchangeRateService {

    @Inject
    ExchangeRateMapper mapper;

    @Inject
    Clock clock;

    public String companyCurrency() {
        return mapper.companyCurrency();
    }

    /** Every rate, for converting any date. */
    public ExchangeRates all() {
        return new ExchangeRates(mapper.companyCurrency(), mapper.all());
    }

    /** Enough rates to convert amounts dated {@code from} or later (a few rows, not the whole history). */
    public ExchangeRates since(LocalDate from) {
        return new ExchangeRates(mapper.companyCurrency(), mapper.since(from));
    }

    public ExchangeRatesDocument document() {
        return ExchangeRatesDocument.of(mapper.companyCurrency(), mapper.all());
    }

    /** Replaces the company currency and every rate at once: rates are always rates into the stored company currency. */
    @Transactional
    public ExchangeRatesDocument replace(ExchangeRatesDocument document) {
        ExchangeRatesDocument.Parsed parsed = document.parse();
        Instant now = clock.instant();
        mapper.saveCompanyCurrency(parsed.companyCurrency(), now);
        mapper.deleteAll();
        parsed.rates().forEach(r -> mapper.upsert(r, now));
        return document();
    }

    /** Purchases dated after {@code after} through {@code through} that no rate converts, per currency. */
    public List<Unconverted> unconverted(LocalDate after, LocalDate through) {
        return mapper.unconverted(after, through);
    }
}
