package org.rapport.money;

import org.junit.jupiter.api.Test;
import org.rapport.platform.errors.FieldError;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExchangeRatesDocumentTest {

    @Test
    void aValidDocumentIsReadWithCodesInUpperCase() {
        ExchangeRatesDocument.Parsed parsed = document("eur", rate("usd", "2026-01-01", "0.92"), rate("JPY", "2026-01-01", "0.0062"))
                .parse();
        assertThat(parsed.companyCurrency()).isEqualTo("EUR");
        assertThat(parsed.rates()).containsExactly(new ExchangeRate("USD", LocalDate.of(2026, 1, 1), new BigDecimal("0.92")),
                new ExchangeRate("JPY", LocalDate.of(2026, 1, 1), new BigDecimal("0.0062")));
    }

    @Test
    void everyBadFieldIsNamedWithItsReason() {
        ExchangeRatesDocument bad = document("EURO",
                rate("XYZ", "2026-01-01", "1.1"),
                rate("USD", "2026-01-01", "0"),
                rate("USD", "2026-02-01", "-0.5"),
                rate("USD", "1 March", "0.9"),
                rate("USD", "2026-04-01", "1e3"),
                rate("USD", "2026-05-01", "0.00000000001"));
        assertThatThrownBy(bad::parse).isInstanceOfSatisfying(InvalidExchangeRates.class, e -> {
            assertThat(e.errors()).extracting(FieldError::field).containsExactly("company_currency", "rates[0].currency",
                    "rates[1].rate", "rates[2].rate", "rates[3].valid_from", "rates[4].rate", "rates[5].rate");
            assertThat(e.errors().get(0).reason()).isEqualTo("'EURO' is not an ISO 4217 currency code (such as EUR, USD)");
            assertThat(e.errors().get(2).reason()).startsWith("'0' is not more than 0");
            assertThat(e.errors().get(3).reason()).startsWith("'-0.5' is not more than 0");
            assertThat(e.errors().get(5).reason()).startsWith("'1e3' is not a decimal number");
            assertThat(e.errors().get(6).reason()).isEqualTo("'0.00000000001' is more precise than 10 decimal places");
            assertThat(e.getMessage()).startsWith("company_currency: 'EURO' is not an ISO 4217 currency code");
        });
    }

    @Test
    void theCompanyCurrencyHasNoRateAndARateIsListedOnce() {
        ExchangeRatesDocument bad = document("USD", rate("USD", "2026-01-01", "1"), rate("GBP", "2026-01-01", "1.2"),
                rate("gbp", "2026-01-01", "1.3"));
        assertThatThrownBy(bad::parse).isInstanceOfSatisfying(InvalidExchangeRates.class, e ->
                assertThat(e.errors()).containsExactly(
                        new FieldError("rates[0].currency", "USD is the company currency; its rate is always 1"),
                        new FieldError("rates[2].valid_from", "GBP from 2026-01-01 is listed twice (also rates[1])")));
    }

    private static ExchangeRatesDocument document(String company, ExchangeRatesDocument.Rate... rates) {
        ExchangeRatesDocument d = new ExchangeRatesDocument();
        d.companyCurrency = company;
        d.rates = new ArrayList<>(List.of(rates));
        return d;
    }

    private static ExchangeRatesDocument.Rate rate(String currency, String validFrom, String rate) {
        ExchangeRatesDocument.Rate r = new ExchangeRatesDocument.Rate();
        r.currency = currency;
        r.validFrom = validFrom;
        r.rate = rate;
        return r;
    }
}
