package org.rapport.netweaving;

import java.util.Map;

/**
 * {@code POST /api/introductions/match}: what one matching run did.
 *
 * @param customers        customers that offer or need something (the others cannot be in a pair)
 * @param candidatePairs   pairs the inverted index produced and the matcher examined (compare with customers²)
 * @param proposed         introductions stored as PROPOSED
 * @param customersLeftOut customers not considered, by reason ({@link Matcher.LeftOut})
 * @param pairsLeftOut     candidate pairs refused, by reason
 */
public record MatchRun(long id, int customers, long candidatePairs, int proposed, Map<String, Integer> customersLeftOut,
                       Map<String, Long> pairsLeftOut) {
}
