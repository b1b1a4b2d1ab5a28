package org.rapport.netweaving;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;

/**
 * What a correction of a reward must carry to be read at all, before anyone decides on it: a change of value (signed,
 * in the reward's currency, at most 2 decimal places, not 0) or a note on what was given, or both. Each refusal names
 * the field ({@link InvalidCorrection}, 400).
 */
final class Correction {

    static final BigDecimal MAX = new BigDecimal("1000000000");

    private Correction() {
    }

    /**
     * @param change         the signed change, or {@code null}
     * @param currency       the change's currency as sent, or {@code null}
     * @param note           what was given, as corrected, or {@code null}
     * @param rewardCurrency the reward's currency
     */
    static void check(BigDecimal change, String currency, String note, String rewardCurrency) {
        boolean noted = note != null && !note.isBlank();
        if (change == null) {
            if (currency != null && !currency.isBlank()) {
                throw new InvalidCorrection("currency: goes with an amount; this correction has none.");
            }
            if (!noted) {
                throw new InvalidCorrection("amount: a correction changes the value (amount and currency), notes what was "
                        + "given (note), or both; this one has neither.");
            }
            return;
        }
        if (change.signum() == 0) {
            throw new InvalidCorrection("amount: 0 changes nothing; give the signed change of the value, such as -10.00.");
        }
        if (change.abs().compareTo(MAX) > 0) {
            throw new InvalidCorrection("amount: must be between -" + MAX.toPlainString() + " and " + MAX.toPlainString()
                    + ", not " + change.toPlainString() + ".");
        }
        if (change.stripTrailingZeros().scale() > 2) {
            throw new InvalidCorrection("amount: has at most 2 decimal places, not " + change.toPlainString() + ".");
        }
        if (currency == null || currency.isBlank()) {
            throw new InvalidCorrection("currency: is required with an amount (the reward's, " + rewardCurrency + ").");
        }
        String code = currency.strip().toUpperCase(Locale.ROOT);
        try {
            Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new InvalidCorrection("currency: '" + currency + "' is not an ISO 4217 currency code (such as EUR, USD).");
        }
        if (!code.equals(rewardCurrency)) {
            throw new InvalidCorrection("currency: the reward is in " + rewardCurrency + ", not " + code
                    + "; a correction is in the reward's currency.");
        }
    }
}
