package org.rapport.polls;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The customers a poll goes to: a seeded random draw from those it may be sent to, so the same poll over the same
 * customers always draws the same sample (the seed is the poll's id).
 */
public final class PollSample {

    private PollSample() {
    }

    /**
     * How many to draw: the sample size, or the share of the audience rounded up (at least 1 of a non-empty audience)
     * and at most the largest sample size ({@link PollRequest#MAX_SAMPLE_SIZE}), so a share of a large audience does not
     * send without bound.
     *
     * @param audience every customer of the poll's audience, before consent, caps and the interval between polls
     */
    public static int target(Integer sampleSize, BigDecimal sampleShare, int audience) {
        if (sampleSize != null) {
            return sampleSize;
        }
        BigDecimal share = sampleShare.multiply(BigDecimal.valueOf(audience)).setScale(0, RoundingMode.CEILING);
        return share.min(BigDecimal.valueOf(PollRequest.MAX_SAMPLE_SIZE)).intValueExact();
    }

    /** {@code n} of {@code ids} (all of them when fewer), drawn with {@code seed}, in ascending order. */
    public static List<Long> draw(Collection<Long> ids, int n, long seed) {
        List<Long> pool = new ArrayList<>(ids);
        pool.sort(null); // the draw depends on the customers, not on the order they were read in
        if (n >= pool.size()) {
            return pool;
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) { // a partial Fisher–Yates shuffle: the first n places are the sample
            int j = i + random.nextInt(pool.size() - i);
            Long swap = pool.get(i);
            pool.set(i, pool.get(j));
            pool.set(j, swap);
        }
        List<Long> sample = new ArrayList<>(pool.subList(0, n));
        sample.sort(null);
        return sample;
    }
}
