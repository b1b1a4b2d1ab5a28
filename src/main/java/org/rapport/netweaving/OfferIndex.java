package org.rapport.netweaving;

/**
 * The inverted index of one run: offered code → the eligible customers offering it, each posting list sorted by region
 * (one country's regions together, customers without a region last), then strong relationships first, then size band,
 * then id. A posting is a long key: region (bits 32–62), weak relationship (bit 31), band (bits 28–30), the customer's
 * rank by id (bits 0–27); so a region, a relationship group within it and a range of bands within that are each a
 * contiguous range found by binary search.
 */
final class OfferIndex {

    static final long WEAK = 1L << 31;
    static final int RANK_BITS = 28;
    static final long RANK_MASK = (1L << RANK_BITS) - 1;

    private final MatchInput in;
    private final long[] keys;
    private final int[] start;

    private OfferIndex(MatchInput in, long[] keys, int[] start) {
        this.in = in;
        this.keys = keys;
        this.start = start;
    }

    /** Only the eligible customers enter the posting lists. */
    static OfferIndex of(MatchInput in, boolean[] eligible) {
        int[] start = new int[in.codes.length + 1];
        for (int i = 0; i < in.size; i++) {
            if (eligible[i]) {
                for (int k = in.offerStart[i]; k < in.offerStart[i + 1]; k++) {
                    start[in.offerCodes[k] + 1]++;
                }
            }
        }
        for (int c = 0; c < in.codes.length; c++) {
            start[c + 1] += start[c];
        }
        long[] keys = new long[start[in.codes.length]];
        int[] fill = start.clone();
        int noRegion = in.regions.length;
        for (int i = 0; i < in.size; i++) {
            if (eligible[i]) {
                long key = (long) (in.region[i] == MatchInput.NO_REGION ? noRegion : in.region[i]) << 32
                        | (in.strong(i) ? 0 : WEAK) | (long) in.band[i] << RANK_BITS | in.rank[i];
                for (int k = in.offerStart[i]; k < in.offerStart[i + 1]; k++) {
                    keys[fill[in.offerCodes[k]]++] = key;
                }
            }
        }
        for (int c = 0; c < in.codes.length; c++) {
            java.util.Arrays.sort(keys, start[c], start[c + 1]);
        }
        return new OfferIndex(in, keys, start);
    }

    int from(int code) {
        return start[code];
    }

    int to(int code) {
        return start[code + 1];
    }

    /** The customer (index into the input) of posting {@code k}. */
    int customer(int k) {
        return in.byRank[(int) (keys[k] & RANK_MASK)];
    }

    /** The first posting in [from, to) whose key is at least {@code key}. */
    int atLeast(int from, int to, long key) {
        int lo = from;
        int hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (keys[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    static long regionKey(int region) {
        return (long) region << 32;
    }
}
