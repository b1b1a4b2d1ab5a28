package org.rapport.reports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The spikes among a scope's problems, from their counts per category and window of 14 days: windows 0 to 5 are the 12
 * weeks before, window 6 the last 14 days ({@link Spike}'s rule on each category; plain Java, unit-tested).
 */
public final class ProblemSpikes {

    /** The window of the last 14 days; 0 to 5 are the six before it. */
    public static final int RECENT = Spike.WINDOWS;

    /** Days in one window. */
    public static final int DAYS = 14;

    /**
     * Problems of a category (its code, {@link ProblemPatterns#UNCATEGORISED} for none; its name, null when the category
     * has none or there is no category) opened in one window.
     */
    public record WindowCount(String category, String name, int window, int problems) {
    }

    /** A spike with its category's name: the code when the taxonomy names it not, null for problems without one. */
    public record Named(Spike spike, String name) {

        public String headline() {
            return name == null ? spike.said("Problems without a category") : spike.headline(name);
        }
    }

    private ProblemSpikes() {
    }

    /** The spikes, the least likely first (then by category): a category without a problem in the last 14 days has none. */
    public static List<Named> of(List<WindowCount> counts) {
        Map<String, int[]> windows = new TreeMap<>();
        Map<String, String> names = new TreeMap<>();
        for (WindowCount c : counts) {
            if (c.window() < 0 || c.window() > RECENT) {
                throw new IllegalArgumentException("window " + c.window() + " is not one of 0 to " + RECENT);
            }
            windows.computeIfAbsent(c.category(), k -> new int[RECENT + 1])[c.window()] += c.problems();
            if (c.name() != null) {
                names.put(c.category(), c.name());
            }
        }
        List<Named> spikes = new ArrayList<>();
        windows.forEach((category, n) -> Spike.of(category, n[RECENT], java.util.Arrays.copyOf(n, RECENT))
                .ifPresent(s -> spikes.add(new Named(s, category.equals(ProblemPatterns.UNCATEGORISED) ? null
                        : names.getOrDefault(category, category)))));
        spikes.sort(Comparator.comparingDouble((Named n) -> n.spike().probability()).thenComparing(n -> n.spike().category()));
        return spikes;
    }
}
