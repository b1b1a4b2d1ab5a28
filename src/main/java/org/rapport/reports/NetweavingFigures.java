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
 * over a few thousand groups, whatever the number of introductions: the database has already counted.
 */
final class NetweavingFigures {

    /**
     * Introductions alike in everything the report tells apart, and how many there are.
     *
     * @param furthest the furthest stage of {@link IntroductionStage#WAY_TO_A_DEAL} they reached
     * @param stage    the stage they are in now
     */
    record Group(String firstOwner, String secondOwner, String firstNeeds, String secondNeeds, IntroductionStage stage,
                 IntroductionStage furthest, String dealCurrency, int introductions, BigDecimal dealValue) {

        boolean introduced() {
            return IntroductionStage.WAY_TO_A_DEAL.indexOf(furthest)
                    >= IntroductionStage.WAY_TO_A_DEAL.indexOf(IntroductionStage.INTRODUCED);
        }

        boolean deal() {
            return stage == IntroductionStage.DEAL_CLOSED;
        }
    }

    /** How many introductions spent about {@code hours} (whole hours) in {@code stage} before their next move. */
    record Duration(IntroductionStage stage, long hours, int introductions) {
    }

    private NetweavingFigures() {
    }

    static NetweavingReport report(LocalDate from, LocalDate to, String zone, String team, List<Group> groups,
                                   List<Duration> durations, List<NetweavingReport.RewardFigures> rewards, String budget) {
        int total = groups.stream().mapToInt(Group::introductions).sum();
        int owed = rewards.stream().filter(r -> r.status().equals("PROPOSED") || r.status().equals("APPROVED"))
                .mapToInt(NetweavingReport.RewardFigures::rewards).sum();
        return new NetweavingReport(from, to, zone, team, total, funnel(groups, durations), ended(groups), deals(groups),
                salespeople(groups), categoryPairs(groups), new NetweavingReport.Rewards(rewards, owed, budget));
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

    private static List<NetweavingReport.Figures> salespeople(List<Group> groups) {
        Map<String, int[]> counts = new TreeMap<>();
        for (Group g : groups) {
            count(counts, g.firstOwner(), g);
            if (g.secondOwner() != null && !g.secondOwner().equals(g.firstOwner())) {
                count(counts, g.secondOwner(), g);
            }
        }
        return counts.entrySet().stream().map(e -> new NetweavingReport.Figures(e.getKey(), e.getValue()[0],
                e.getValue()[1], e.getValue()[2], ServiceStandards.rate(e.getValue()[2], e.getValue()[0]))).toList();
    }

    private static List<NetweavingReport.CategoryPair> categoryPairs(List<Group> groups) {
        Map<String, int[]> counts = new TreeMap<>();
        Map<String, Group> first = new TreeMap<>();
        for (Group g : groups) {
            String key = g.firstNeeds() + "\u0000" + g.secondNeeds();
            count(counts, key, g);
            first.putIfAbsent(key, g);
        }
        return counts.entrySet().stream().map(e -> {
            Group g = first.get(e.getKey());
            int[] c = e.getValue();
            return new NetweavingReport.CategoryPair(g.firstNeeds(), g.secondNeeds(), c[0], c[1], c[2],
                    ServiceStandards.rate(c[2], c[0]));
        }).toList();
    }

    /** Adds the group to {@code key}'s introductions, introduced and deals; a group without an owner counts under none. */
    private static void count(Map<String, int[]> counts, String key, Group g) {
        if (key == null) {
            return;
        }
        int[] c = counts.computeIfAbsent(key, k -> new int[3]);
        c[0] += g.introductions();
        c[1] += g.introduced() ? g.introductions() : 0;
        c[2] += g.deal() ? g.introductions() : 0;
    }
}
