package org.rapport.netweaving;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;

/**
 * What a correction of a reward must carry to be read at all, before anyone decides on it: a lower value (a negative
 * change in the reward's currency, with no more decimal places than the currency has) or a note on what was given, or both. Each refusal names
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
            throw new InvalidCorrection("amount: 0 changes nothing; give how much less it is worth, such as -10.00.");
        }
        if (change.signum() > 0) {
            // four eyes (issue 10 §4): a correction is one person's decision, so it may only give less
            throw new InvalidCorrection("amount: a correction only lowers a reward's value, not by +" + change.toPlainString()
                    + "; to give more, propose a new reward for the difference (POST /api/rewards), which someone else approves.");
        }
        if (change.abs().compareTo(MAX) > 0) {
            throw new InvalidCorrection("amount: must be between -" + MAX.toPlainString() + " and -0.01, not "
                    + change.toPlainString() + ".");
        }
        if (currency == null || currency.isBlank()) {
            throw new InvalidCorrection("currency: is required with an amount (the reward's, " + rewardCurrency + ").");
        }
        String code = currency.strip().toUpperCase(Locale.ROOT);
        Currency money;
        try {
            money = Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new InvalidCorrection("currency: '" + currency + "' is not an ISO 4217 currency code (such as EUR, USD).");
        }
        if (!code.equals(rewardCurrency)) {
            throw new InvalidCorrection("currency: the reward is in " + rewardCurrency + ", not " + code
                    + "; a correction is in the reward's currency.");
        }
        // as the currency writes its amounts, and never more than the ledger keeps (2)
        int digits = Math.min(Math.max(money.getDefaultFractionDigits(), 0), 2);
        if (change.stripTrailingZeros().scale() > digits) {
            throw new InvalidCorrection("amount: has at most " + digits + " decimal places in " + code + ", not "
                    + change.toPlainString() + ".");
        }
    }
}
