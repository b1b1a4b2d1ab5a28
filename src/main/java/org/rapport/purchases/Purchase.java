package org.rapport.purchases;

import org.rapport.imports.OwnedByCustomer;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One purchase by a customer. */
public record Purchase(String externalId, String customer, LocalDate purchasedOn, BigDecimal amount, String currency,
                       String description) implements OwnedByCustomer {

    @Override
    public byte[] importHash() {
        return org.rapport.imports.ImportHash.of(externalId, customer, purchasedOn, amount, currency, description);
    }
}
