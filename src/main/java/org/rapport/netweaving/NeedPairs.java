package org.rapport.netweaving;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The pairs of single category codes an introduction joins, for the report's category pairs: each code the first
 * customer needs of the second with each code the second needs of the first, or with {@link #ONE_WAY} when the second
 * needs nothing of the first. An introduction for two needs counts in each of its pairs.
 */
public final class NeedPairs {

    /** The second code of a pair whose fit is one-way. */
    public static final String ONE_WAY = "";

    public record Pair(String firstCode, String secondCode) {
    }

    private NeedPairs() {
    }

    /** The pairs, sorted; none when the first needs nothing (no introduction is proposed then). */
    public static List<Pair> of(Set<String> firstNeeds, Set<String> secondNeeds) {
        List<Pair> pairs = new ArrayList<>();
        Set<String> seconds = secondNeeds.isEmpty() ? Set.of(ONE_WAY) : new TreeSet<>(secondNeeds);
        for (String first : new TreeSet<>(firstNeeds)) {
            for (String second : seconds) {
                pairs.add(new Pair(first, second));
            }
        }
        return pairs;
    }
}
