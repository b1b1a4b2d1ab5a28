package org.rapport.purchases;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A stored purchase as a customer's history lists it. */
public record PurchaseSummary(String externalId, LocalDate purchasedOn, BigDecimal amount, String currency, String description) {
}
