package org.rapport.netweaving;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.rapport.platform.errors.InvalidInput;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;

/**
 * {@code POST /api/introductions/{id}/outcome}: what came of an introduction made. A deal carries its value and
 * currency; the other outcomes carry none.
 */
public class IntroductionOutcome {

    public enum Outcome { MET, DEAL_CLOSED, NO_DEAL }

    @NotNull
    public Outcome outcome;

    public BigDecimal value;

    public String currency;

    @Size(max = 1000)
    public String note;

    IntroductionStage stage() {
        return IntroductionStage.valueOf(outcome.name());
    }

    /** The value of a deal, checked: 0 or more, at most 17 digits before the point and 2 after. */
    BigDecimal value() {
        if (outcome != Outcome.DEAL_CLOSED) {
            return null;
        }
        if (value == null || value.signum() < 0 || value.stripTrailingZeros().scale() > 2
                || value.precision() - value.scale() > 17) {
            throw new InvalidInput("value: a closed deal needs its value, 0 or more with at most 2 decimal places, not "
                    + value + ".");
        }
        return value;
    }

    /** The ISO 4217 code of a deal's currency, upper case. */
    String currency() {
        if (outcome != Outcome.DEAL_CLOSED) {
            return null;
        }
        String code = currency == null ? "" : currency.strip().toUpperCase(Locale.ROOT);
        try {
            if (code.length() == 3) {
                return Currency.getInstance(code).getCurrencyCode();
            }
        } catch (IllegalArgumentException e) {
            // the answer below
        }
        throw new InvalidInput("currency: a closed deal needs the ISO 4217 code of its currency (such as EUR), not "
                + (currency == null ? "nothing" : "'" + currency + "'") + ".");
    }

    /** Refuses a value or currency on an outcome that is not a deal: the caller meant something else. */
    void requireConsistent() {
        if (outcome != Outcome.DEAL_CLOSED && (value != null || currency != null)) {
            throw new InvalidInput("value, currency: only a DEAL_CLOSED outcome carries a value, not " + outcome + ".");
        }
    }
}
