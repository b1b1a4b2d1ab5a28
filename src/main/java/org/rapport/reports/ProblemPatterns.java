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

/** The problems report's sections, computed from the period's problems as read (plain Java, unit-tested). */
public final class ProblemPatterns {

    /** The category a problem filed without one counts under. */
    public static final String UNCATEGORISED = "uncategorised";

    /** How many customers the report lists by their number of problems. */
    public static final int TOP_CUSTOMERS = 10;

    /** One problem as read: its customer, category (null: none), when opened and resolved, and whether it repeats. */
    public record Problem(String customer, String company, String category, Instant openedAt, Instant resolvedAt,
                          boolean repeat) {
    }

    private ProblemPatterns() {
    }

    public static ProblemsReport report(LocalDate from, LocalDate to, ZoneId zone, String team, List<Problem> problems) {
        Map<LocalDate, Map<String, Integer>> weeks = new TreeMap<>();
        Map<String, Integer> repeats = new TreeMap<>();
        Map<String, List<Duration>> durations = new TreeMap<>();
        Map<String, CustomerCount> customers = new TreeMap<>();
        for (Problem p : problems) {
            String category = p.category() == null ? UNCATEGORISED : p.category();
            LocalDate week = p.openedAt().atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            weeks.computeIfAbsent(week, w -> new TreeMap<>()).merge(category, 1, Integer::sum);
            if (p.repeat()) {
                repeats.merge(category, 1, Integer::sum);
            }
            if (p.resolvedAt() != null) {
                durations.computeIfAbsent(category, c -> new ArrayList<>()).add(Duration.between(p.openedAt(), p.resolvedAt()));
            }
            customers.merge(p.customer(), new CustomerCount(p.customer(), p.company(), 1),
                    (a, b) -> new CustomerCount(a.externalId(), a.company(), a.problems() + 1));
        }
        List<Week> weekly = new ArrayList<>();
        weeks.forEach((week, counts) -> counts.forEach((category, n) -> weekly.add(new Week(week, category, n))));
        List<CategoryCount> repeated = new ArrayList<>();
        repeats.forEach((category, n) -> repeated.add(new CategoryCount(category, n)));
        List<CategoryMedian> medians = new ArrayList<>();
        durations.forEach((category, d) -> medians.add(new CategoryMedian(category, d.size(), medianHours(d))));
        // ties by external id: the same ten every time
        List<CustomerCount> top = customers.values().stream()
                .sorted(Comparator.comparingInt(CustomerCount::problems).reversed().thenComparing(CustomerCount::externalId))
                .limit(TOP_CUSTOMERS).toList();
        return new ProblemsReport(from, to, zone.getId(), team, problems.size(), weekly, repeated, medians, top, List.of(), List.of());
    }

    /** The median of the durations in hours, to one decimal: the middle one, or the mean of the two middle ones. */
    static double medianHours(List<Duration> durations) {
        if (durations.isEmpty()) {
            throw new IllegalArgumentException("no durations");
        }
        long[] millis = durations.stream().mapToLong(Duration::toMillis).sorted().toArray();
        int mid = millis.length / 2;
        double median = millis.length % 2 == 1 ? millis[mid] : (millis[mid - 1] + millis[mid]) / 2.0;
        return Math.round(median / 360_000.0) / 10.0;
    }
}
