package org.rapport.money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The conversion rule, as plain Java: an amount in another currency is worth {@code amount × rate} in the company
 * currency, with the rate valid on the purchase date (the rate of that currency with the latest {@code valid_from} on
 * or before it), rounded to the cent, half up. An amount in the company currency is itself. A currency with no rate on
 * that date (none at all, or only rates that start later) cannot be converted: the caller gets empty, never the amount
 * as if it were in the company currency. {@code ExchangeRateMapper.xml#inCompanyCurrency} is the same rule in SQL.
 */
public final class ExchangeRates {

    private final String companyCurrency;
    private final Map<String, NavigableMap<LocalDate, BigDecimal>> history = new HashMap<>();

    public ExchangeRates(String companyCurrency, Collection<ExchangeRate> rates) {
        this.companyCurrency = companyCurrency;
        for (ExchangeRate r : rates) {
            history.computeIfAbsent(r.currency(), c -> new TreeMap<>()).put(r.validFrom(), r.rate());
        }
    }

    /** The defaults of a new database: the company currency EUR and no rates. */
    public static ExchangeRates none() {
        return new ExchangeRates("EUR", java.util.List.of());
    }

    public String companyCurrency() {
        return companyCurrency;
    }

    /** What one unit of {@code currency} was worth in the company currency on {@code date}. */
    public Optional<BigDecimal> rateOn(String currency, LocalDate date) {
        if (companyCurrency.equals(currency)) {
            return Optional.of(BigDecimal.ONE);
        }
        NavigableMap<LocalDate, BigDecimal> rates = history.get(currency);
        return Optional.ofNullable(rates == null ? null : rates.floorEntry(date)).map(Map.Entry::getValue);
    }

    /** {@code amount} of {@code currency}, paid on {@code date}, in the company currency; empty without a rate. */
    public Optional<BigDecimal> inCompanyCurrency(BigDecimal amount, String currency, LocalDate date) {
        if (companyCurrency.equals(currency)) {
            return Optional.of(amount);
        }
        return rateOn(currency, date).map(rate -> amount.multiply(rate).setScale(2, RoundingMode.HALF_UP));
    }

    /** Why an amount of {@code currency} on {@code date} is not converted, or empty when it is. */
    public Optional<String> missingRate(String currency, LocalDate date) {
        if (rateOn(currency, date).isPresent()) {
            return Optional.empty();
        }
        return Optional.of("no exchange rate from " + currency + " to " + companyCurrency + " valid on " + date
                + ": this purchase counts for neither tiers nor thank-you notes until one is added (PUT /api/exchange-rates"
                + " or POST /api/import/exchange-rates)");
    }
}
