package org.rapport.reports;

import org.rapport.netweaving.IntroductionStage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rolls the grouped rows of the netweaving report up into its funnel, deals, salespeople and category pairs. Plain Java
 * over a few dozen rows per part, whatever the number of introductions: the database has already counted, each part at
 * its own grain.
 */
final class NetweavingFigures {

    /** The category pairs listed one by one, the most frequent first; the others are summed in one line. */
    static final int CATEGORY_PAIRS = 50;

    /**
     * Introductions alike in stage, furthest stage and deal currency, and how many there are.
     *
     * @param furthest the furthest stage of {@link IntroductionStage#WAY_TO_A_DEAL} they reached
     * @param stage    the stage they are in now
     */
    record Group(IntroductionStage stage, IntroductionStage furthest, String dealCurrency, int introductions,
                 BigDecimal dealValue) {

        boolean deal() {
            return stage == IntroductionStage.DEAL_CLOSED;
        }
    }

    /**
     * Introductions counted for a salesperson ({@code name}) or a pair of category codes ({@code name}, {@code second});
     * the line of the pairs beyond the listed ones has neither, and {@code pairs} says how many it sums.
     */
    record Counts(String name, String second, int pairs, int introductions, int introduced, int deals) {

        boolean summed() {
            return name == null;
        }
    }

    /** How many introductions spent about {@code hours} (whole hours) in {@code stage} before their next move. */
    record Duration(IntroductionStage stage, long hours, int introductions) {
    }

    private NetweavingFigures() {
    }

    static NetweavingReport report(LocalDate from, LocalDate to, String zone, String team, List<Group> groups,
                                   List<Counts> salespeople, List<Counts> categoryPairs, List<Duration> durations,
                                   List<NetweavingReport.RewardFigures> rewards, String budget) {
        int total = groups.stream().mapToInt(Group::introductions).sum();
        int owed = rewards.stream().filter(r -> r.status().equals("PROPOSED") || r.status().equals("APPROVED"))
                .mapToInt(NetweavingReport.RewardFigures::rewards).sum();
        return new NetweavingReport(from, to, zone, team, total, funnel(groups, durations), ended(groups), deals(groups),
                salespeople.stream().map(c -> new NetweavingReport.Figures(c.name(), c.introductions(), c.introduced(),
                        c.deals(), ServiceStandards.rate(c.deals(), c.introductions()))).toList(),
                categoryPairs.stream().filter(c -> !c.summed()).map(NetweavingFigures::pair).toList(),
                categoryPairs.stream().filter(Counts::summed).findFirst().map(c -> new NetweavingReport.OtherPairs(c.pairs(),
                        c.introductions(), c.introduced(), c.deals(), ServiceStandards.rate(c.deals(), c.introductions())))
                        .orElse(null),
                new NetweavingReport.Rewards(rewards, owed, budget));
    }

    private static NetweavingReport.CategoryPair pair(Counts c) {
        return new NetweavingReport.CategoryPair(c.name(), c.second(), c.introductions(), c.introduced(), c.deals(),
                ServiceStandards.rate(c.deals(), c.introductions()));
    }

    private static List<NetweavingReport.Stage> funnel(List<Group> groups, List<Duration> durations) {
        List<IntroductionStage> way = IntroductionStage.WAY_TO_A_DEAL;
        int[] reached = new int[way.size()];
        for (Group g : groups) {
            for (int i = 0; i <= way.indexOf(g.furthest()); i++) {
                reached[i] += g.introductions();
            }
        }
        List<NetweavingReport.Stage> funnel = new ArrayList<>();
        for (int i = 0; i < way.size(); i++) {
            Double conversion = i + 1 < way.size() ? ServiceStandards.rate(reached[i + 1], reached[i]) : null;
            funnel.add(new NetweavingReport.Stage(way.get(i), reached[i], conversion, medianDays(way.get(i), durations)));
        }
        return funnel;
    }

    /** The median of the histogram's hours, in days to one decimal; null when nobody left the stage yet. */
    static Double medianDays(IntroductionStage stage, List<Duration> durations) {
        List<Duration> own = durations.stream().filter(d -> d.stage() == stage)
                .sorted(java.util.Comparator.comparingLong(Duration::hours)).toList();
        long count = own.stream().mapToLong(Duration::introductions).sum();
        if (count == 0) {
            return null;
        }
        double hours = (nth(own, (count - 1) / 2) + nth(own, count / 2)) / 2.0;
        return Math.round(hours / 24.0 * 10) / 10.0;
    }

    /** The hours of the {@code index}-th shortest stay (from 0), in a histogram sorted by hours. */
    private static long nth(List<Duration> sorted, long index) {
        long seen = 0;
        for (Duration d : sorted) {
            seen += d.introductions();
            if (index < seen) {
                return d.hours();
            }
        }
        throw new IllegalArgumentException("index " + index + " beyond the histogram's " + seen);
    }

    private static Map<IntroductionStage, Integer> ended(List<Group> groups) {
        Map<IntroductionStage, Integer> ended = new EnumMap<>(IntroductionStage.class);
        groups.stream().filter(g -> g.stage().isFinal() && !g.deal())
                .forEach(g -> ended.merge(g.stage(), g.introductions(), Integer::sum));
        return ended;
    }

    private static List<NetweavingReport.Deals> deals(List<Group> groups) {
        Map<String, NetweavingReport.Deals> deals = new TreeMap<>();
        groups.stream().filter(Group::deal).forEach(g -> deals.merge(g.dealCurrency(),
                new NetweavingReport.Deals(g.dealCurrency(), g.introductions(), g.dealValue()),
                (a, b) -> new NetweavingReport.Deals(a.currency(), a.deals() + b.deals(), a.value().add(b.value()))));
        return List.copyOf(deals.values());
    }
}
