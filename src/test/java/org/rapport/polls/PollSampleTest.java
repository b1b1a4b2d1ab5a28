package org.rapport.polls;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class PollSampleTest {

    private static final List<Long> HUNDRED = LongStream.rangeClosed(1, 100).boxed().toList();

    @Test
    void theSameSeedDrawsTheSameSampleWhateverTheOrderOfTheCustomers() {
        List<Long> first = PollSample.draw(HUNDRED, 10, 42);
        List<Long> shuffled = new java.util.ArrayList<>(HUNDRED);
        java.util.Collections.reverse(shuffled);
        assertThat(first).hasSize(10).doesNotHaveDuplicates().isSorted().isSubsetOf(HUNDRED);
        assertThat(PollSample.draw(shuffled, 10, 42)).isEqualTo(first);
        assertThat(PollSample.draw(HUNDRED, 10, 43)).as("another poll, another sample").isNotEqualTo(first);
    }

    @Test
    void aSampleAsLargeAsTheCustomersTakesThemAll() {
        assertThat(PollSample.draw(List.of(3L, 1L, 2L), 5, 1)).containsExactly(1L, 2L, 3L);
        assertThat(PollSample.draw(List.of(), 5, 1)).isEmpty();
        assertThat(PollSample.draw(HUNDRED, 0, 1)).isEmpty();
    }

    @Test
    void theDrawIsNotBiasedTowardsLowIds() {
        int low = 0;
        for (long seed = 0; seed < 200; seed++) {
            low += (int) PollSample.draw(HUNDRED, 10, seed).stream().filter(id -> id <= 50).count();
        }
        assertThat(low).as("about half of 2,000 draws").isBetween(900, 1100);
    }

    @Test
    void theTargetIsTheSizeOrTheShareOfTheAudienceRoundedUp() {
        assertThat(PollSample.target(25, null, 10)).isEqualTo(25);
        assertThat(PollSample.target(null, new BigDecimal("0.1"), 95)).isEqualTo(10);
        assertThat(PollSample.target(null, new BigDecimal("0.0001"), 3)).isEqualTo(1);
        assertThat(PollSample.target(null, new BigDecimal("0.5"), 0)).isZero();
        assertThat(PollSample.target(null, BigDecimal.ONE, 7)).isEqualTo(7);
        assertThat(PollSample.target(null, BigDecimal.ONE, 1_000_000)).as("capped as a sample size is")
                .isEqualTo(PollRequest.MAX_SAMPLE_SIZE);
        assertThat(PollSample.target(null, new BigDecimal("0.1"), 1_000_010)).isEqualTo(PollRequest.MAX_SAMPLE_SIZE);
        assertThat(PollSample.target(null, new BigDecimal("0.1"), 999_990)).isEqualTo(99_999);
    }
}
