package org.rapport.money;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * From {@code validFrom} on (until the next rate of the same currency), one unit of {@code currency} is worth
 * {@code rate} units of the company currency.
 */
public record ExchangeRate(String currency, LocalDate validFrom, BigDecimal rate) {

    /** The key of a rate: one per currency and day. */
    String key() {
        return currency + " " + validFrom;
    }
}
