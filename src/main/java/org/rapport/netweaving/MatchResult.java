package org.rapport.netweaving;

import java.util.List;
import java.util.Map;

/**
 * What a matching run proposed, and what it looked at.
 *
 * @param proposals         best first
 * @param customers         customers the run was given
 * @param candidatePairs    pairs (a customer with a need, a customer offering it) the inverted index produced and the
 *                          run examined, each counted once per direction: at most the bound per code a customer needs
 *                          (see {@link Matcher}); compare with customers²
 * @param customersLeftOut  customers not considered at all, by reason
 * @param pairsLeftOut      candidate pairs refused, by reason (counted once per direction examined)
 */
public record MatchResult(List<Match> proposals, int customers, long candidatePairs,
                          Map<Matcher.LeftOut, Integer> customersLeftOut, Map<Matcher.LeftOut, Long> pairsLeftOut) {
}
