package org.rapport.money;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ExchangeRatesTest {

    private static final LocalDate JAN = LocalDate.of(2026, 1, 1);
    private static final LocalDate JUN = LocalDate.of(2026, 6, 1);

    private final ExchangeRates rates = new ExchangeRates("EUR", List.of(
            new ExchangeRate("USD", JUN, new BigDecimal("0.95")),
            new ExchangeRate("USD", JAN, new BigDecimal("0.90")),
            new ExchangeRate("JPY", JAN, new BigDecimal("0.0062"))));

    @Test
    void aPurchaseIsConvertedAtTheRateWithTheLatestValidFromOnOrBeforeItsDate() {
        assertThat(rates.rateOn("USD", JAN)).contains(new BigDecimal("0.90"));
        assertThat(rates.rateOn("USD", JUN.minusDays(1))).contains(new BigDecimal("0.90"));
        assertThat(rates.rateOn("USD", JUN)).contains(new BigDecimal("0.95"));
        assertThat(rates.rateOn("USD", LocalDate.of(2030, 1, 1))).as("the last rate holds until the next").contains(new BigDecimal("0.95"));
        assertThat(rates.inCompanyCurrency(new BigDecimal("1000.00"), "USD", JUN.minusDays(1))).contains(new BigDecimal("900.00"));
        assertThat(rates.inCompanyCurrency(new BigDecimal("1000.00"), "JPY", JUN)).contains(new BigDecimal("6.20"));
    }

    @Test
    void anAmountWithoutARateOnItsDateIsNotConvertedAndSaysWhy() {
        assertThat(rates.inCompanyCurrency(new BigDecimal("1000.00"), "USD", JAN.minusDays(1)))
                .as("before the first rate of its currency").isEmpty();
        assertThat(rates.inCompanyCurrency(new BigDecimal("1000.00"), "CHF", JUN)).as("a currency without any rate").isEmpty();
        assertThat(rates.missingRate("CHF", JUN)).hasValueSatisfying(reason ->
                assertThat(reason).startsWith("no exchange rate from CHF to EUR valid on 2026-06-01"));
        assertThat(rates.missingRate("USD", JUN)).isEmpty();
    }

    @Test
    void theCompanyCurrencyNeedsNoRate() {
        ExchangeRates none = ExchangeRates.none();
        assertThat(none.companyCurrency()).isEqualTo("EUR");
        assertThat(none.inCompanyCurrency(new BigDecimal("12.34"), "EUR", JAN)).contains(new BigDecimal("12.34"));
        assertThat(none.rateOn("EUR", JAN)).contains(BigDecimal.ONE);
        assertThat(none.missingRate("EUR", JAN)).isEmpty();
        assertThat(none.inCompanyCurrency(new BigDecimal("12.34"), "USD", JAN)).isEmpty();
    }

    @Test
    void eachConvertedAmountIsRoundedToTheCentHalfUpAsTheDatabaseRoundsIt() {
        ExchangeRates half = new ExchangeRates("EUR", List.of(new ExchangeRate("USD", JAN, new BigDecimal("0.5"))));
        assertThat(half.inCompanyCurrency(new BigDecimal("0.05"), "USD", JAN)).contains(new BigDecimal("0.03"));
        assertThat(half.inCompanyCurrency(new BigDecimal("0.07"), "USD", JAN)).contains(new BigDecimal("0.04"));
        assertThat(half.inCompanyCurrency(new BigDecimal("10.00"), "USD", JAN)).contains(new BigDecimal("5.00"));
    }
}
