package org.rapport.platform.web;

import org.junit.jupiter.api.Test;
import org.rapport.platform.errors.InvalidInput;

import java.time.LocalDate;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParamsTest {

    enum Colour { RED, GREEN }

    @Test
    void aLimitIsOneToAThousandWithItsDefaultWhenAbsent() {
        assertThat(Params.limit(null, 100)).isEqualTo(100);
        assertThat(Params.limit(" ", 50)).isEqualTo(50);
        assertThat(Params.limit("1", 100)).isEqualTo(1);
        assertThat(Params.limit("1000", 100)).isEqualTo(1000);
        assertThatThrownBy(() -> Params.limit("0", 100)).isInstanceOf(InvalidInput.class)
                .hasMessage("limit: must be between 1 and 1000, not 0.");
        assertThatThrownBy(() -> Params.limit("1001", 100)).isInstanceOf(InvalidInput.class).hasMessageStartingWith("limit:");
    }

    @Test
    void aNumberThatIsNotOneNamesTheParameter() {
        assertThatThrownBy(() -> Params.limit("ten", 100)).isInstanceOf(InvalidInput.class)
                .hasMessage("limit: 'ten' is not a whole number.");
        assertThatThrownBy(() -> Params.offset("1.5")).hasMessage("offset: '1.5' is not a whole number.");
        assertThatThrownBy(() -> Params.id("before", "99999999999999999999")).hasMessageStartingWith("before: ");
    }

    @Test
    void anOffsetIsNotNegative() {
        assertThat(Params.offset(null)).isZero();
        assertThat(Params.offset("20")).isEqualTo(20);
        assertThatThrownBy(() -> Params.offset("-1")).hasMessage("offset: must not be negative, not -1.");
    }

    @Test
    void anIdIsOptional() {
        assertThat(Params.id("before", null)).isEmpty();
        assertThat(Params.id("before", "42")).contains(42L);
    }

    @Test
    void textIsStrippedCappedAndBlankMeansAbsent() {
        assertThat(Params.text("q", "  Alpha ", 200)).isEqualTo("Alpha");
        assertThat(Params.text("q", "   ", 200)).isNull();
        assertThatThrownBy(() -> Params.text("q", "x".repeat(201), 200)).hasMessage("q: must be at most 200 characters, not 201.");
        assertThatThrownBy(() -> Params.required("customer", "", 64, "the customer's external_id"))
                .hasMessage("customer: the customer's external_id is required.");
    }

    @Test
    void datesAreIsoDates() {
        assertThat(Params.date("from", "2026-12-01")).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(Params.optionalDate("date", null)).isEmpty();
        assertThatThrownBy(() -> Params.date("to", null)).hasMessage("to: a date (YYYY-MM-DD) is required.");
        assertThatThrownBy(() -> Params.date("date", "2026-13-45")).hasMessage("date: '2026-13-45' is not a date (YYYY-MM-DD).");
    }

    @Test
    void anEnumValueIsMatchedInAnyCaseAndAWrongOneListsTheChoices() {
        assertThat(Params.oneOf("colour", "green", Colour.class)).isEqualTo(Colour.GREEN);
        assertThat(Params.oneOf("colour", null, Colour.class)).isNull();
        assertThatThrownBy(() -> Params.oneOf("colour", "blue", Colour.class))
                .hasMessage("colour: must be one of [RED, GREEN], not 'blue'.");
    }

    @Test
    void aLocaleIsALanguageTag() {
        assertThat(Params.locale("locale", "de-AT")).isEqualTo(Locale.forLanguageTag("de-AT"));
        assertThat(Params.locale("locale", null)).isNull();
        assertThatThrownBy(() -> Params.locale("locale", "not a tag")).hasMessage("locale: 'not a tag' is not a BCP 47 language tag.");
    }
}
