package org.rapport.reports;

import org.rapport.reports.ProblemsReport.CategoryCount;
import org.rapport.reports.ProblemsReport.CategoryMedian;
import org.rapport.reports.ProblemsReport.CustomerCount;
import org.rapport.reports.ProblemsReport.Week;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The problems report's sections from the grouped reads of the period's problems (plain Java, unit-tested): SQL counts
 * per category and week, marks each category's middle durations and finds the top customers; this class says where
 * the weeks start in the zone, names them, adds the weeks of a category up, orders everything as Java compares strings
 * and rounds the medians.
 */
public final class ProblemPatterns {

    /** The category a problem filed without one counts under. */
    public static final String UNCATEGORISED = "uncategorised";

    /** How many customers the report lists by their number of problems. */
    public static final int TOP_CUSTOMERS = 10;

    /**
     * The problems of a category opened in the period's week number {@code week} (0: the week of {@code from}): how
     * many, how many repeat, how many are resolved, and the sum in milliseconds and the number of those among the
     * category's middle one (odd count) or two (even count) times to resolve.
     */
    public record WeekCount(String category, int week, int problems, int repeats, int resolved, long middleMillis, int middles) {
    }

    /**
     * The ISO weeks the days {@code from} to {@code to} fall in: their Mondays, and where each week after the first
     * starts, in seconds after the start of {@code from} in the zone. SQL bins a problem by these bounds (INTERVAL()),
     * which is exact in any zone and needs no time-zone tables in the database.
     */
    public record Weeks(List<LocalDate> mondays, List<Long> boundaries) {

        public static Weeks of(LocalDate from, LocalDate to, ZoneId zone) {
            Instant start = from.atStartOfDay(zone).toInstant();
            List<LocalDate> mondays = new ArrayList<>();
            List<Long> boundaries = new ArrayList<>();
            LocalDate monday = from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            mondays.add(monday);
            // every week after the first, and the one after the period: INTERVAL() needs at least one bound
            do {
                monday = monday.plusWeeks(1);
                boundaries.add(Duration.between(start, monday.atStartOfDay(zone).toInstant()).getSeconds());
                if (!monday.isAfter(to)) {
                    mondays.add(monday);
                }
            } while (!monday.isAfter(to));
            return new Weeks(List.copyOf(mondays), List.copyOf(boundaries));
        }
    }

    private ProblemPatterns() {
    }

    public static ProblemsReport report(LocalDate from, LocalDate to, ZoneId zone, String team, Weeks weeks,
                                        List<WeekCount> counts, List<CustomerCount> top) {
        Map<LocalDate, Map<String, Integer>> byWeek = new TreeMap<>();
        Map<String, Integer> repeats = new TreeMap<>();
        Map<String, long[]> middles = new TreeMap<>(); // resolved, sum of the middle ones, their number
        int problems = 0;
        for (WeekCount c : counts) {
            byWeek.computeIfAbsent(weeks.mondays().get(c.week()), w -> new TreeMap<>()).merge(c.category(), c.problems(), Integer::sum);
            if (c.repeats() > 0) {
                repeats.merge(c.category(), c.repeats(), Integer::sum);
            }
            if (c.resolved() > 0) {
                long[] m = middles.computeIfAbsent(c.category(), k -> new long[3]);
                m[0] += c.resolved();
                m[1] += c.middleMillis();
                m[2] += c.middles();
            }
            problems += c.problems();
        }
        List<Week> weekly = new ArrayList<>();
        byWeek.forEach((week, n) -> n.forEach((category, k) -> weekly.add(new Week(week, category, k))));
        List<CategoryCount> repeated = new ArrayList<>();
        repeats.forEach((category, n) -> repeated.add(new CategoryCount(category, n)));
        List<CategoryMedian> medians = new ArrayList<>();
        middles.forEach((category, m) -> medians.add(new CategoryMedian(category, (int) m[0], hours((double) m[1] / m[2]))));
        // SQL picked the ten (ties by external id, as bytes); ordered again as Java compares
        List<CustomerCount> topTen = top.stream()
                .sorted(Comparator.comparingInt(CustomerCount::problems).reversed().thenComparing(CustomerCount::externalId))
                .limit(TOP_CUSTOMERS).toList();
        return new ProblemsReport(from, to, zone.getId(), team, problems, weekly, repeated, medians, topTen, List.of(), List.of());
    }

    /** A median in milliseconds (the middle duration, or the mean of the two middle ones) in hours, to one decimal. */
    static double hours(double medianMillis) {
        return Math.round(medianMillis / 360_000.0) / 10.0;
    }
}
