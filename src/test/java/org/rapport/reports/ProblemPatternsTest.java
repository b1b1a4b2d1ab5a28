package org.rapport.reports;

import org.junit.jupiter.api.Test;
import org.rapport.reports.ProblemPatterns.WeekCount;
import org.rapport.reports.ProblemPatterns.Weeks;
import org.rapport.reports.ProblemsReport.CustomerCount;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemPatternsTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void weeksStartOnMondayAtMidnightInTheZoneAcrossDaylightSaving() {
        LocalDate from = LocalDate.parse("2025-03-20");
        Weeks w = Weeks.of(from, LocalDate.parse("2025-04-02"), BERLIN);
        assertThat(w.mondays()).as("Thursday 20 March is in the week of Monday 17 March")
                .containsExactly(LocalDate.parse("2025-03-17"), LocalDate.parse("2025-03-24"), LocalDate.parse("2025-03-31"));
        Instant start = Instant.parse("2025-03-19T23:00:00Z");
        assertThat(w.boundaries()).as("Mondays 00:00 in Berlin: +01:00, then +02:00 after 30 March; and the week after")
                .containsExactly(seconds(start, "2025-03-23T23:00:00Z"), seconds(start, "2025-03-30T22:00:00Z"),
                        seconds(start, "2025-04-06T22:00:00Z"));
    }

    @Test
    void aPeriodWithinOneWeekHasOneWeekAndStillABound() {
        Weeks w = Weeks.of(LocalDate.parse("2026-03-03"), LocalDate.parse("2026-03-03"), ZoneId.of("UTC"));
        assertThat(w.mondays()).containsExactly(LocalDate.parse("2026-03-02"));
        assertThat(w.boundaries()).as("INTERVAL() needs one").containsExactly(Duration.ofDays(6).getSeconds());
    }

    @Test
    void theWeekNumbersAreNamedByTheirMondaysACategorysWeeksAddUpAndTheSectionsAreOrderedAsJavaComparesStrings() {
        Weeks w = Weeks.of(LocalDate.parse("2026-02-01"), LocalDate.parse("2026-03-31"), BERLIN);
        ProblemsReport r = ProblemPatterns.report(LocalDate.parse("2026-02-01"), LocalDate.parse("2026-03-31"), BERLIN, null, w,
                List.of(new WeekCount("billing", 5, 1, 1, 1, Duration.ofHours(3).toMillis(), 1),
                        new WeekCount(ProblemPatterns.UNCATEGORISED, 4, 1, 0, 0, 0, 0),
                        new WeekCount("Billing", 4, 2, 1, 1, Duration.ofMinutes(93).toMillis(), 1),
                        new WeekCount("billing", 4, 1, 0, 1, Duration.ofHours(7).toMillis(), 1)),
                List.of(new CustomerCount("c2", "Two", 2), new CustomerCount("C1", "One", 2), new CustomerCount("C3", "Three", 3)));
        assertThat(w.mondays().get(4)).isEqualTo(LocalDate.parse("2026-02-23"));
        assertThat(r.weekly()).containsExactly(
                new ProblemsReport.Week(LocalDate.parse("2026-02-23"), "Billing", 2),
                new ProblemsReport.Week(LocalDate.parse("2026-02-23"), "billing", 1),
                new ProblemsReport.Week(LocalDate.parse("2026-02-23"), ProblemPatterns.UNCATEGORISED, 1),
                new ProblemsReport.Week(LocalDate.parse("2026-03-02"), "billing", 1));
        assertThat(r.repeats()).as("summed over the weeks, only categories with repeats")
                .containsExactly(new ProblemsReport.CategoryCount("Billing", 1), new ProblemsReport.CategoryCount("billing", 1));
        assertThat(r.problems()).isEqualTo(5);
        assertThat(r.medianHoursToResolve()).as("3 and 7 hours in two weeks: 5; 93 minutes: 1.55 hours, to one decimal").containsExactly(
                new ProblemsReport.CategoryMedian("Billing", 1, 1.6), new ProblemsReport.CategoryMedian("billing", 2, 5.0));
        assertThat(r.topCustomers()).as("by count, then by id").containsExactly(new CustomerCount("C3", "Three", 3),
                new CustomerCount("C1", "One", 2), new CustomerCount("c2", "Two", 2));
    }

    @Test
    void aMedianIsRoundedToOneDecimalOfAnHour() {
        assertThat(ProblemPatterns.hours(Duration.ofHours(5).toMillis())).isEqualTo(5.0);
        assertThat(ProblemPatterns.hours((Duration.ofMinutes(90).toMillis() + Duration.ofMinutes(95).toMillis()) / 2.0))
                .as("92.5 minutes").isEqualTo(1.5);
        assertThat(ProblemPatterns.hours(Duration.ofMinutes(3).toMillis())).isEqualTo(0.1);
    }

    private static long seconds(Instant start, String at) {
        return Duration.between(start, Instant.parse(at)).getSeconds();
    }
}
