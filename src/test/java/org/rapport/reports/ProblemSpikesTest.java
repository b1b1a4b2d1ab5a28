package org.rapport.reports;

import org.junit.jupiter.api.Test;
import org.rapport.reports.ProblemSpikes.WindowCount;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The spike rule applied to each category of one grouped read: windows 0 to 5 before, 6 the last 14 days. */
class ProblemSpikesTest {

    private static List<WindowCount> series(String category, String name, int... counts) {
        List<WindowCount> rows = new ArrayList<>();
        for (int w = 0; w < counts.length; w++) {
            if (counts[w] > 0) { // the query returns no row for an empty window
                rows.add(new WindowCount(category, name, w, counts[w]));
            }
        }
        return rows;
    }

    @Test
    void onlyTheCategoriesWithASpikeTheLeastLikelyFirst() {
        List<WindowCount> rows = new ArrayList<>();
        rows.addAll(series("DELIVERY", "Delivery", 4, 6, 9, 5, 7, 6, 18));
        rows.addAll(series("BILLING", "Billing", 4, 6, 9, 5, 7, 6, 9)); // an ordinary wobble
        rows.addAll(series("RETURNS", null, 0, 0, 0, 0, 0, 0, 6));
        rows.addAll(series(ProblemPatterns.UNCATEGORISED, null, 3, 3, 30, 3, 3, 3, 12));
        rows.addAll(series("OLD", "Old", 9, 9, 9, 9, 9, 9)); // nothing in the last 14 days

        List<ProblemSpikes.Named> spikes = ProblemSpikes.of(rows);

        assertThat(spikes).extracting(n -> n.spike().category())
                .containsExactlyInAnyOrder("DELIVERY", "RETURNS", ProblemPatterns.UNCATEGORISED);
        assertThat(spikes).extracting(n -> n.spike().probability()).isSorted();
        assertThat(spikes).extracting(ProblemSpikes.Named::headline).contains(
                "Delivery problems tripled: 18 in 14 days against 4–9 before",
                "RETURNS problems rose 12-fold: 6 in 14 days against 0 before",
                "Problems without a category rose 4-fold: 12 in 14 days against 3–30 before");
    }

    @Test
    void aCategoryWithoutProblemsInSomeWindowsCountsThemAsNone() {
        assertThat(ProblemSpikes.of(series("X", "X", 0, 0, 1, 0, 0, 0, 5))).hasSize(1);
        assertThat(ProblemSpikes.of(series("X", "X", 1, 1, 1, 1, 1, 1, 5))).as("P(X >= 5 | 1) is about 0.004").hasSize(1);
        assertThat(ProblemSpikes.of(series("X", "X", 2, 2, 2, 2, 2, 2, 5))).as("P(X >= 5 | 2) is about 0.05").isEmpty();
        assertThat(ProblemSpikes.of(List.of())).isEmpty();
    }

    @Test
    void aWindowOutsideTheTwelveWeeksAndTwoIsRefused() {
        assertThatThrownBy(() -> ProblemSpikes.of(List.of(new WindowCount("X", "X", 7, 1)))).hasMessageContaining("window 7");
    }
}
