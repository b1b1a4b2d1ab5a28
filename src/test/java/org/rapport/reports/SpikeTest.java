package org.rapport.reports;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The spike rule on crafted series: six windows of 14 days before, then the last 14 days. */
class SpikeTest {

    @Test
    void theIssuesExampleIsASpike() {
        Spike spike = Spike.of("DELIVERY", 18, new int[] {4, 6, 9, 5, 7, 6}).orElseThrow();
        assertThat(spike.expected()).isEqualTo(6.0);
        assertThat(spike.probability()).isLessThan(0.001);
        assertThat(spike.headline("Delivery")).isEqualTo("Delivery problems tripled: 18 in 14 days against 4–9 before");
        assertThat(Spike.of("DELIVERY", 13, new int[] {4, 6, 9, 5, 7, 6}).orElseThrow().headline("Delivery"))
                .isEqualTo("Delivery problems doubled: 13 in 14 days against 4–9 before");
    }

    @Test
    void aFlatSeriesIsNoSpikeWhateverItsLevel() {
        for (int level : new int[] {0, 1, 5, 20, 200}) {
            int[] flat = {level, level, level, level, level, level};
            assertThat(Spike.of("FLAT", level, flat)).as("flat at %d", level).isEmpty();
        }
    }

    @Test
    void anOrdinaryWobbleIsNoSpike() {
        assertThat(Spike.of("BILLING", 9, new int[] {4, 6, 9, 5, 7, 6})).as("as high as the busiest window before").isEmpty();
        assertThat(Spike.of("BILLING", 11, new int[] {4, 6, 9, 5, 7, 6})).as("P(X >= 11 | 6) is about 0.05").isEmpty();
    }

    @Test
    void oneOutlierInThePastNeitherHidesASpikeNowNorLooksLikeOne() {
        int[] oneBurstBefore = {3, 3, 30, 3, 3, 3};
        assertThat(Spike.of("RETURNS", 12, oneBurstBefore)).as("the median ignores the one burst: 12 against 3 is a spike")
                .hasValueSatisfying(s -> assertThat(s.expected()).isEqualTo(3.0));
        assertThat(Spike.of("RETURNS", 4, oneBurstBefore)).as("back to normal after the burst").isEmpty();
    }

    @Test
    void aSingleOutlierNowNeedsSeveralProblemsNotOne() {
        int[] none = {0, 0, 0, 0, 0, 0};
        assertThat(Spike.of("NEW", 1, none)).as("one problem of a new kind").isEmpty();
        assertThat(Spike.of("NEW", 4, none)).as("below the least count").isEmpty();
        Optional<Spike> five = Spike.of("NEW", 5, none);
        assertThat(five).as("five where there were none").isPresent();
        assertThat(five.orElseThrow().headline("Installation")).isEqualTo("Installation problems rose 10-fold: 5 in 14 days against 0 before");
    }

    @Test
    void thePoissonTailIsRight() {
        assertThat(Spike.atLeast(0, 3.0)).isEqualTo(1.0);
        assertThat(Spike.atLeast(1, 3.0)).isCloseTo(1 - Math.exp(-3), within(1e-12));
        assertThat(Spike.atLeast(12, 3.0)).isCloseTo(7.1387e-5, within(1e-9)); // 1 - sum of e^-3 3^k / k! for k < 12
        assertThat(Spike.atLeast(1_000, 900.0)).as("large means, no underflow").isCloseTo(5.499e-4, within(1e-6));
    }

    @Test
    void theRuleComparesWithSixWindows() {
        assertThatThrownBy(() -> Spike.of("X", 10, new int[] {1, 2, 3})).hasMessageContaining("6 windows of 14 days");
    }
}
