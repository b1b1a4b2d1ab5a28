package org.rapport.money;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.rapport.platform.errors.FieldError;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET/PUT /api/exchange-rates}: the company currency and every rate into it. A PUT replaces both. Codes, dates
 * and rates are strings, read here, so that each bad one is answered with its own field and reason. Classes with public
 * fields, not records: Payara's OpenAPI scanner fails on constraints on record components.
 */
public class ExchangeRatesDocument {

    @NotNull public String companyCurrency;
    @NotNull public List<@NotNull @Valid Rate> rates;

    /** One rate: from {@code valid_from} on, one {@code currency} is worth {@code rate} of the company currency. */
    public static class Rate {
        @NotNull public String currency;
        @NotNull public String validFrom;
        @NotNull public String rate;

        public Rate() {
        }

        Rate(ExchangeRate r) {
            currency = r.currency();
            validFrom = r.validFrom().toString();
            rate = r.rate().stripTrailingZeros().toPlainString();
        }
    }

    static ExchangeRatesDocument of(String companyCurrency, List<ExchangeRate> rates) {
        ExchangeRatesDocument d = new ExchangeRatesDocument();
        d.companyCurrency = companyCurrency;
        d.rates = rates.stream().map(Rate::new).toList();
        return d;
    }

    /** The company currency and rates this document means; every field that cannot be used is an error. */
    Parsed parse() {
        List<FieldError> errors = new ArrayList<>();
        Optional<String> company = Money.currency(companyCurrency, "company_currency", errors);
        List<ExchangeRate> parsed = new ArrayList<>();
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < rates.size(); i++) {
            Rate r = rates.get(i);
            String at = "rates[" + i + "].";
            int before = errors.size();
            Optional<String> currency = Money.currency(r.currency, at + "currency", errors);
            if (currency.isPresent() && company.isPresent() && currency.get().equals(company.get())) {
                errors.add(new FieldError(at + "currency", currency.get() + " is the company currency; its rate is always 1"));
            }
            Optional<LocalDate> validFrom = Money.date(r.validFrom, at + "valid_from", errors);
            Optional<BigDecimal> rate = Money.rate(r.rate, at + "rate", errors);
            if (errors.size() > before) {
                continue;
            }
            ExchangeRate parsedRate = new ExchangeRate(currency.get(), validFrom.get(), rate.get());
            Integer earlier = firstIndex.putIfAbsent(parsedRate.key(), i);
            if (earlier != null) {
                errors.add(new FieldError(at + "valid_from", parsedRate.currency() + " from " + parsedRate.validFrom()
                        + " is listed twice (also rates[" + earlier + "])"));
                continue;
            }
            parsed.add(parsedRate);
        }
        if (!errors.isEmpty()) {
            throw new InvalidExchangeRates(errors);
        }
        return new Parsed(company.orElseThrow(), parsed);
    }

    record Parsed(String companyCurrency, List<ExchangeRate> rates) {
    }
}
