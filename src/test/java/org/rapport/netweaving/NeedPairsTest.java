package org.rapport.netweaving;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class NeedPairsTest {

    @Test
    void eachCodeTheFirstNeedsMeetsEachCodeTheSecondNeeds() {
        assertThat(NeedPairs.of(Set.of("printing", "logistics"), Set.of("legal", "catering"))).containsExactly(
                new NeedPairs.Pair("logistics", "catering"), new NeedPairs.Pair("logistics", "legal"),
                new NeedPairs.Pair("printing", "catering"), new NeedPairs.Pair("printing", "legal"));
    }

    @Test
    void aOneWayFitPairsEachCodeWithNothing() {
        assertThat(NeedPairs.of(Set.of("printing", "logistics"), Set.of())).containsExactly(
                new NeedPairs.Pair("logistics", NeedPairs.ONE_WAY), new NeedPairs.Pair("printing", NeedPairs.ONE_WAY));
        assertThat(NeedPairs.ONE_WAY).isEmpty();
    }
}
