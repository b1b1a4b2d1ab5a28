package org.rapport.purchases;

import java.time.LocalDate;
import java.util.List;

/**
 * A purchase as the API shows it; money as a decimal string plus currency. {@code warnings}: what the purchase will not
 * do although it was stored (no exchange rate into the company currency on its date: no tier, no thank-you note).
 */
public record PurchaseView(String externalId, String customer, LocalDate purchasedOn, String amount, String currency,
                           String description, List<String> warnings) {

    static PurchaseView of(Purchase p, List<String> warnings) {
        return new PurchaseView(p.externalId(), p.customer(), p.purchasedOn(), p.amount().toPlainString(), p.currency(),
                p.description(), warnings);
    }
}
