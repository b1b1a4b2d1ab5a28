package org.rapport.purchases;

import java.math.BigDecimal;
import java.time.LocalDate;

/** CDI event: a purchase was recorded or changed, through the API or an import (the planner thanks customers for large ones). */
public record PurchaseRecorded(long customerId, String externalId, LocalDate purchasedOn, BigDecimal amount, String currency) {

    static PurchaseRecorded of(long customerId, Purchase purchase) {
        return new PurchaseRecorded(customerId, purchase.externalId(), purchase.purchasedOn(), purchase.amount(), purchase.currency());
    }
}
