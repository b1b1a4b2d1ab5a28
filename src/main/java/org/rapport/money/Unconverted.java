package org.rapport.money;

import java.time.LocalDate;

/** Purchases in {@code currency} that no rate converts (per currency: how many, and the dates they span). */
public record Unconverted(String currency, long purchases, LocalDate firstPurchasedOn, LocalDate lastPurchasedOn) {
}
