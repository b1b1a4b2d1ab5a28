package org.rapport.netweaving;

import org.junit.jupiter.api.Test;
import org.rapport.platform.errors.InvalidInput;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a correction carries, checked before anyone decides on it; each refusal names the field. */
class CorrectionTest {

    @Test
    void aChangeInTheRewardsCurrencyANoteOrBothAreReadable() {
        assertThatCode(() -> Correction.check(new BigDecimal("-10.00"), "EUR", null, "EUR")).doesNotThrowAnyException();
        assertThatCode(() -> Correction.check(new BigDecimal("-5"), "eur", "A smaller hamper", "EUR")).doesNotThrowAnyException();
        assertThatCode(() -> Correction.check(new BigDecimal("-500"), "JPY", null, "JPY")).doesNotThrowAnyException();
        assertThatCode(() -> Correction.check(null, null, "A card, not a hamper", "EUR")).doesNotThrowAnyException();
    }

    @Test
    void eachUnreadableCorrectionNamesItsField() {
        refused(null, null, " ", "amount: a correction changes the value (amount and currency), notes what was given (note), or both; this one has neither.");
        refused(null, "EUR", "a note", "currency: goes with an amount; this correction has none.");
        refused(BigDecimal.ZERO, "EUR", null, "amount: 0 changes nothing; give how much less it is worth, such as -10.00.");
        refused(new BigDecimal("0.01"), "EUR", null, "amount: a correction only lowers a reward's value, not by +0.01; to give "
                + "more, propose a new reward for the difference (POST /api/rewards), which someone else approves.");
        refused(new BigDecimal("-1.005"), "EUR", null, "amount: has at most 2 decimal places in EUR, not -1.005.");
        refused(new BigDecimal("-1000000000.01"), "EUR", null, "amount: must be between -1000000000 and -0.01, not -1000000000.01.");
        refused(new BigDecimal("-10"), null, null, "currency: is required with an amount (the reward's, EUR).");
        refused(new BigDecimal("-10"), "EURO", null, "currency: 'EURO' is not an ISO 4217 currency code (such as EUR, USD).");
        refused(new BigDecimal("-10"), "USD", null, "currency: the reward is in EUR, not USD; a correction is in the reward's currency.");
    }

    @Test
    void aChangeHasNoMoreDecimalPlacesThanItsCurrency() {
        assertThatThrownBy(() -> Correction.check(new BigDecimal("-1.5"), "JPY", null, "JPY"))
                .isInstanceOf(InvalidCorrection.class).hasMessage("amount: has at most 0 decimal places in JPY, not -1.5.");
    }

    private static void refused(BigDecimal change, String currency, String note, String detail) {
        assertThatThrownBy(() -> Correction.check(change, currency, note, "EUR"))
                .isInstanceOf(InvalidCorrection.class).isInstanceOf(InvalidInput.class).hasMessage(detail);
    }
}
