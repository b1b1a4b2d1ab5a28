package org.rapport.netweaving;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/** A sum of money in one currency (a reward's value, a budget), never negative; shown as {@code EUR 150.00}. */
public record Amount(BigDecimal value, Currency currency) {

    public Amount {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(currency, "currency");
        if (value.signum() < 0) {
            throw new IllegalArgumentException("An amount is never negative, not " + value + ".");
        }
    }

    public static Amount of(String value, String currencyCode) {
        return new Amount(new BigDecimal(value), Currency.getInstance(currencyCode));
    }

    public static Amount zero(Currency currency) {
        return new Amount(BigDecimal.ZERO, currency);
    }

    public boolean sameCurrency(Amount other) {
        return currency.equals(other.currency);
    }

    /** Only for amounts in the same currency: adding across currencies would need a rate nobody chose. */
    public Amount plus(Amount other) {
        requireSameCurrency(other);
        return new Amount(value.add(other.value), currency);
    }

    /** What is left of this amount after {@code other}, or zero when nothing is. */
    public Amount minusOrZero(Amount other) {
        requireSameCurrency(other);
        return new Amount(value.subtract(other.value).max(BigDecimal.ZERO), currency);
    }

    public boolean exceeds(Amount other) {
        requireSameCurrency(other);
        return value.compareTo(other.value) > 0;
    }

    private void requireSameCurrency(Amount other) {
        if (!sameCurrency(other)) {
            throw new IllegalArgumentException("Cannot combine " + this + " and " + other + ": different currencies.");
        }
    }

    @Override
    public String toString() {
        return currency.getCurrencyCode() + " " + value.setScale(Math.max(value.scale(),
                Math.max(currency.getDefaultFractionDigits(), 0)), java.math.RoundingMode.UNNECESSARY).toPlainString();
    }
}
