package org.rapport.netweaving;

/**
 * The inverted index of one run: offered code → the eligible customers offering it, each posting list sorted by region
 * (one country's regions together, customers without a region last), then strong relationships first, then size band,
 * then id. A posting is a long key: region (bits 32–62), weak relationship (bit 31), band (bits 28–30), the customer's
 * rank by id (bits 0–27); so a region, a relationship group within it and a range of bands within that are each a
 * contiguous range found by binary search. Next to each key, the customer's index and its offers and needs packed
 * ({@link MatchInput#packedOffers}): a scan reads its postings in order and need not jump to each provider's own slots.
 */
final class OfferIndex {

    static final long WEAK = 1L << 31;
    static final int RANK_BITS = 28;
    static final long RANK_MASK = (1L << RANK_BITS) - 1;

    private final long[] keys;
    /** The customer of each posting (what {@code byRank} gives for its key's rank, kept at hand for the scan). */
    private final int[] customers;
    private final long[] offers;
    private final long[] needs;
    private final int[] start;

    private OfferIndex(MatchInput in, long[] keys, int[] start) {
        this.keys = keys;
        this.start = start;
        this.customers = new int[keys.length];
        this.offers = new long[keys.length];
        this.needs = new long[keys.length];
        for (int k = 0; k < keys.length; k++) {
            int i = in.byRank[(int) (keys[k] & RANK_MASK)];
            customers[k] = i;
            offers[k] = in.packedOffers[i];
            needs[k] = in.packedNeeds[i];
        }
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
                long key = key(in, i, noRegion);
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

    /** Customer i's key: its region ({@code noRegion} when it has none), relationship, band and rank. */
    static long key(MatchInput in, int i, int noRegion) {
        return (long) (in.region[i] == MatchInput.NO_REGION ? noRegion : in.region[i]) << 32
                | (in.strong(i) ? 0 : WEAK) | (long) in.band[i] << RANK_BITS | in.rank[i];
    }

    int from(int code) {
        return start[code];
    }

    int to(int code) {
        return start[code + 1];
    }

    /** The customer (index into the input) of posting {@code k}. */
    int customer(int k) {
        return customers[k];
    }

    /** The offers of posting {@code k}'s customer, packed (or {@link MatchInput#WIDE}). */
    long offers(int k) {
        return offers[k];
    }

    long needs(int k) {
        return needs[k];
    }

    /** The key of posting {@code k}: the customer's region, relationship and band without reading its own arrays. */
    long key(int k) {
        return keys[k];
    }

    static int region(long key) {
        return (int) (key >>> 32);
    }

    static int band(long key) {
        return (int) (key >>> RANK_BITS & 7);
    }

    static boolean strong(long key) {
        return (key & WEAK) == 0;
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
