package org.rapport.purchases;

import java.time.LocalDate;

/** A purchase as the API shows it; money as a decimal string plus currency. */
public record PurchaseView(String externalId, String customer, LocalDate purchasedOn, String amount, String currency,
                           String description) {

    static PurchaseView of(Purchase p) {
        return new PurchaseView(p.externalId(), p.customer(), p.purchasedOn(), p.amount().toPlainString(), p.currency(), p.description());
    }
}
