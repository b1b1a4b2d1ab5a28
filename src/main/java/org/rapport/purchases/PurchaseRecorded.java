package org.rapport.purchases;

import java.math.BigDecimal;
import java.time.LocalDate;

/** CDI event: a purchase was recorded through the API (the planner thanks customers for large ones). */
public record PurchaseRecorded(long customerId, String externalId, LocalDate purchasedOn, BigDecimal amount, String currency) {
}
