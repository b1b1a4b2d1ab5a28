package org.rapport.netweaving;

import org.junit.jupiter.api.Test;
import org.rapport.planning.MatchRules;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The compact input as the database side fills it: one row at a time, codes as the customer row stores them. */
class MatchInputTest {

    private static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");

    @Test
    void rowsStreamedInWithSeparatedCodesAreMatchedAndOnlyTheProposedCustomersNamesAreAsked() {
        MatchInput.Builder input = MatchInput.builder(2);
        input.customer(7).offers(" PRT ;").needs("LOG;WH").region("de-be").annualRevenue(new BigDecimal("3000000"))
                .relationship(true, false).openToIntroductions(true).problemPending(false).introductions(0, 1).add();
        input.customer(3).offers("LOG").needs("").region("DE-BE").annualRevenue(new BigDecimal("4000000"))
                .relationship(true, false).openToIntroductions(true).problemPending(false).add();
        input.customer(9).offers("DSN").needs("LAW").region("FR").openToIntroductions(true).problemPending(false).add();
        MatchInput customers = input.build();
        List<long[]> asked = new ArrayList<>();

        MatchResult result = new Matcher(MatchRules.DEFAULTS).match(customers, List.of(), NOW,
                code -> code.equals("LOG") ? "logistics" : null, ids -> {
                    asked.add(ids);
                    return new String[]{"Müller", "Acme"};
                });

        assertThat(customers.size()).isEqualTo(3);
        assertThat(result.customers()).isEqualTo(3);
        assertThat(asked).singleElement().satisfies(ids -> assertThat(ids).containsExactly(3L, 7L));
        assertThat(result.proposals()).singleElement().satisfies(m -> {
            assertThat(m.first()).isEqualTo(7);
            assertThat(m.firstNeeds()).containsExactly("LOG");
            assertThat(m.explanation()).isEqualTo("Acme needs logistics; Müller offers logistics; both in DE-BE; "
                    + "of similar size; good relationships with both");
        });
    }

    @Test
    void aRowMustSayWhetherTheCustomerIsOpenToIntroductionsAndHasAProblemPending() {
        MatchInput.Builder input = MatchInput.builder();
        assertThatThrownBy(() -> input.customer(1).offers("LOG").problemPending(false).add())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("customer 1")
                .hasMessageContaining("openToIntroductions");
        MatchInput.Builder other = MatchInput.builder();
        assertThatThrownBy(() -> other.customer(2).openToIntroductions(true).add())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("problemPending");
    }

    @Test
    void aCustomerAddedTwiceOrARowNeverAddedIsRefused() {
        MatchInput.Builder twice = MatchInput.builder();
        twice.customer(5).openToIntroductions(true).problemPending(false).add();
        twice.customer(5).openToIntroductions(true).problemPending(false).add();
        assertThatThrownBy(twice::build).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("customer 5 was added twice");

        MatchInput.Builder forgotten = MatchInput.builder();
        forgotten.customer(6).openToIntroductions(true);
        assertThatThrownBy(() -> forgotten.customer(7)).isInstanceOf(IllegalStateException.class)
                .hasMessage("customer 6 was started but never added");
    }

    @Test
    void negativeIntroductionCountsAreRefusedNamingTheCustomer() {
        assertThatThrownBy(() -> MatchInput.builder().customer(8).introductions(-1, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("customer 8");
    }
}
