package org.rapport.customers;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TierSettingsTest {

    @Test
    void aRangeOfOneToOneHundredThousandCustomersWorks() {
        assertThat(TierSettings.checked(1)).isEqualTo(1);
        assertThat(TierSettings.checked(5_000)).isEqualTo(5_000);
        assertThat(TierSettings.checked(100_000)).isEqualTo(100_000);
    }

    @Test
    void aSizeThatCannotWorkIsRefusedWithTheSettingsName() {
        for (int size : new int[]{0, -5, 100_001}) {
            assertThatThrownBy(() -> TierSettings.checked(size)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("rapport.tiers.batch-size must be 1 to 100000, not " + size);
        }
    }
}
