package org.rapport.problems;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Which stores of a problem open it for its customer (and so fire ProblemOpened and hold the customer row). */
class ProblemEventsTest {

    private static final Instant OPENED = Instant.parse("2026-11-02T09:00:00Z");
    private static final Instant RESOLVED = Instant.parse("2026-11-03T09:00:00Z");

    @Test
    void aNewOpenProblemAndAResolvedOneStoredOpenAgainOpenAProblem() {
        assertThat(ProblemEvents.opens(null, problem(null))).as("new and open").isTrue();
        assertThat(ProblemEvents.opens(stored(RESOLVED), problem(null))).as("resolved, then open again").isTrue();
    }

    @Test
    void anEditOfAnOpenProblemAResolutionOrAProblemImportedResolvedOpenNothing() {
        assertThat(ProblemEvents.opens(stored(null), problem(null))).as("still open, another summary").isFalse();
        assertThat(ProblemEvents.opens(stored(null), problem(RESOLVED))).as("resolved").isFalse();
        assertThat(ProblemEvents.opens(null, problem(RESOLVED))).as("imported resolved long ago").isFalse();
        assertThat(ProblemEvents.opens(stored(RESOLVED), problem(RESOLVED.plusSeconds(60)))).as("resolved at another time").isFalse();
    }

    private static Problem problem(Instant resolvedAt) {
        return new Problem("P-1", "C-1", OPENED, resolvedAt, Severity.MEDIUM, null, "Broken part", null);
    }

    private static ProblemMapper.Stored stored(Instant resolvedAt) {
        return new ProblemMapper.Stored(1, "P-1", new byte[32], 7, "C-1", resolvedAt);
    }
}
