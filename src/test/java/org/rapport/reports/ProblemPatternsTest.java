package org.rapport.reports;

import org.junit.jupiter.api.Test;
import org.rapport.reports.ProblemPatterns.Problem;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProblemPatternsTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void theMedianIsTheMiddleDurationOrTheMeanOfTheTwoMiddleOnes() {
        assertThat(ProblemPatterns.medianHours(List.of(Duration.ofHours(5)))).isEqualTo(5.0);
        assertThat(ProblemPatterns.medianHours(List.of(Duration.ofHours(10), Duration.ofHours(1), Duration.ofHours(4))))
                .isEqualTo(4.0);
        assertThat(ProblemPatterns.medianHours(List.of(Duration.ofHours(8), Duration.ofHours(1), Duration.ofHours(2),
                Duration.ofHours(100)))).as("2 and 8").isEqualTo(5.0);
        assertThat(ProblemPatterns.medianHours(List.of(Duration.ofMinutes(90), Duration.ofMinutes(95))))
                .as("to one decimal").isEqualTo(1.5);
        assertThatThrownBy(() -> ProblemPatterns.medianHours(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void weeksStartOnMondayInTheZoneAndAProblemWithoutCategoryIsUncategorised() {
        // Sunday 23:30 UTC is Monday 00:30 in Berlin: the next week
        Instant sundayNightUtc = Instant.parse("2026-03-01T23:30:00Z");
        Instant wednesday = Instant.parse("2026-02-25T10:00:00Z");
        ProblemsReport r = ProblemPatterns.report(LocalDate.parse("2026-02-01"), LocalDate.parse("2026-03-31"), BERLIN, null,
                List.of(new Problem("C1", "One", "billing", wednesday, null, false),
                        new Problem("C1", "One", null, wednesday, null, false),
                        new Problem("C2", "Two", "billing", sundayNightUtc, null, true)));
        assertThat(r.weekly()).containsExactly(
                new ProblemsReport.Week(LocalDate.parse("2026-02-23"), "billing", 1),
                new ProblemsReport.Week(LocalDate.parse("2026-02-23"), ProblemPatterns.UNCATEGORISED, 1),
                new ProblemsReport.Week(LocalDate.parse("2026-03-02"), "billing", 1));
        assertThat(r.repeats()).containsExactly(new ProblemsReport.CategoryCount("billing", 1));
        assertThat(r.problems()).isEqualTo(3);
    }

    @Test
    void onlyResolvedProblemsHaveADurationAndTheTopCustomersAreTenByCountThenId() {
        Instant t = Instant.parse("2026-02-25T10:00:00Z");
        List<Problem> problems = new java.util.ArrayList<>();
        problems.add(new Problem("C00", "Zero", "billing", t, t.plus(Duration.ofHours(3)), false));
        problems.add(new Problem("C00", "Zero", "billing", t, t.plus(Duration.ofHours(7)), false));
        problems.add(new Problem("C00", "Zero", "billing", t, null, false));
        for (int i = 1; i <= 11; i++) {
            problems.add(new Problem(String.format("C%02d", i), "Co " + i, "delivery", t, null, false));
        }
        ProblemsReport r = ProblemPatterns.report(LocalDate.parse("2026-02-01"), LocalDate.parse("2026-03-31"), BERLIN, null,
                problems);
        assertThat(r.medianHoursToResolve()).containsExactly(new ProblemsReport.CategoryMedian("billing", 2, 5.0));
        assertThat(r.topCustomers()).hasSize(10);
        assertThat(r.topCustomers().get(0)).isEqualTo(new ProblemsReport.CustomerCount("C00", "Zero", 3));
        assertThat(r.topCustomers().get(9).externalId()).as("C10 and C11 tie with one: the first by id is kept")
                .isEqualTo("C09");
        assertThat(r.repeats()).isEmpty();
    }
}
