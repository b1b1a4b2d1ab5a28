package org.rapport.netweaving;

import java.time.Instant;
import java.util.Objects;

/**
 * An earlier introduction of two customers, for the rule that a pair is not proposed again too soon.
 *
 * @param stage its stage now
 * @param since when it was declined, expired or introduced (the first of these it reached)
 */
public record PastIntroduction(long customerA, long customerB, IntroductionStage stage, Instant since) {

    public PastIntroduction {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(since, "since");
    }

    /** The pair, whichever order the customers come in. */
    public Pair pair() {
        return Pair.of(customerA, customerB);
    }

    /** Two customers, unordered: the lower id first. */
    public record Pair(long low, long high) {
        public static Pair of(long a, long b) {
            return a < b ? new Pair(a, b) : new Pair(b, a);
        }
    }
}
