package org.rapport.netweaving;

import java.util.Arrays;

/**
 * The order in which a customer examines the providers of a code it needs, and where it stops: the bound of
 * {@link Matcher}. A posting list no longer than the bound is examined whole. A longer one is examined by groups, best
 * first by the terms of the score that depend on the provider alone: in the customer's own region, strong relationships
 * (when the customer has one too) and compatible size first; then the rest of its country; then elsewhere. Within a
 * group, where the providers score the same for the customer but for mutual fit, each customer starts at its own
 * pseudo-random place (from its rank and the code), so customers with the same need spread over the providers instead of
 * all meeting the same first few. The groups are found by binary search in the list ({@link OfferIndex}); the plan of
 * each code is kept for the next customer with the same region, relationship and band, and the matcher takes customers
 * in that order.
 */
final class ProviderScan {

    /** Examines one posting; true when it counted against the bound (a pair examined, not the customer itself or one met already). */
    interface Examiner {
        boolean examine(int posting);
    }

    /** A plan has at most 6 groups of at most 10 pieces in all (see planGroups). */
    private static final int MAX_PIECES = 12;
    private static final int MAX_GROUPS = 8;

    private final MatchInput in;
    private final OfferIndex index;
    private final int bound;
    private final int noRegion;
    private final int[] firstRegionOfCountry;
    private final int[] endRegionOfCountry;
    // per code, the plan of the last customer that needed it: groups of posting ranges, scanned in order, as pieces
    // (from, to) and where each group ends; valid for the next customer with the same region, relationship and band
    private final long[] planFor;
    private final int[] pieces;
    private final int[] groupEnd;
    private final int[] pieceCount;
    private final int[] groupCount;
    private int planCode;

    ProviderScan(MatchInput in, OfferIndex index, int bound) {
        this.in = in;
        this.index = index;
        this.bound = bound;
        this.noRegion = in.regions.length;
        firstRegionOfCountry = new int[in.countries.length];
        endRegionOfCountry = new int[in.countries.length];
        for (int r = in.regions.length - 1; r >= 0; r--) {
            firstRegionOfCountry[in.regionCountry[r]] = r;
        }
        for (int r = 0; r < in.regions.length; r++) {
            endRegionOfCountry[in.regionCountry[r]] = r + 1;
        }
        int codes = in.codes.length;
        planFor = new long[codes];
        Arrays.fill(planFor, -1);
        pieces = new int[codes * 2 * MAX_PIECES];
        groupEnd = new int[codes * MAX_GROUPS];
        pieceCount = new int[codes];
        groupCount = new int[codes];
    }

    /**
     * Has the providers of one code a customer needs examined: all when they are no more than the bound, else up to the
     * bound, best group first and within a group from the customer's own place.
     *
     * @param customerKey the posting key of the customer who needs the code ({@link OfferIndex#key})
     */
    void scan(long customerKey, int code, Examiner examiner) {
        int from = index.from(code);
        int to = index.to(code);
        if (to - from <= bound) {
            for (int k = from; k < to; k++) {
                examiner.examine(k);
            }
            return;
        }
        planGroups(customerKey, code, from, to);
        int budget = bound;
        int seed = mix((int) (customerKey & OfferIndex.RANK_MASK) * 31 + code);
        int piece = 0;
        for (int g = 0; g < groupCount[code] && budget > 0; g++) {
            int end = groupEnd[code * MAX_GROUPS + g];
            budget = scanGroup(code * MAX_PIECES + piece, code * MAX_PIECES + end, seed, budget, examiner);
            piece = end;
        }
    }

    /**
     * The groups of a customer's scan, best first: in its region, strong relationships (when it has one) and
     * compatible size first; then the rest of its country; then elsewhere. Without a region: the whole list.
     */
    private void planGroups(long customerKey, int code, int from, int to) {
        long plan = customerKey & ~OfferIndex.RANK_MASK;
        if (planFor[code] == plan) {
            return;
        }
        planFor[code] = plan;
        planCode = code;
        pieceCount[code] = 0;
        groupCount[code] = 0;
        int region = OfferIndex.region(customerKey);
        if (region == noRegion) {
            piece(from, to);
            endGroup();
            return;
        }
        long base = OfferIndex.regionKey(region);
        int regionFrom = index.atLeast(from, to, base);
        int regionTo = index.atLeast(regionFrom, to, OfferIndex.regionKey(region + 1));
        int weakFrom = index.atLeast(regionFrom, regionTo, base | OfferIndex.WEAK);
        int band = OfferIndex.band(customerKey);
        int[] strong = compatible(band, base, regionFrom, weakFrom);
        int[] weak = compatible(band, base | OfferIndex.WEAK, weakFrom, regionTo);
        if (OfferIndex.strong(customerKey)) {
            piece(strong[0], strong[1]);
            endGroup();
            piece(regionFrom, strong[0]);
            piece(strong[1], weakFrom);
            endGroup();
            piece(weak[0], weak[1]);
            endGroup();
            piece(weakFrom, weak[0]);
            piece(weak[1], regionTo);
            endGroup();
        } else {
            piece(strong[0], strong[1]);
            piece(weak[0], weak[1]);
            endGroup();
            piece(regionFrom, strong[0]);
            piece(strong[1], weakFrom);
            piece(weakFrom, weak[0]);
            piece(weak[1], regionTo);
            endGroup();
        }
        int country = in.regionCountry[region];
        int countryFrom = index.atLeast(from, regionFrom, OfferIndex.regionKey(firstRegionOfCountry[country]));
        int countryTo = index.atLeast(regionTo, to, OfferIndex.regionKey(endRegionOfCountry[country]));
        piece(countryFrom, regionFrom);
        piece(regionTo, countryTo);
        endGroup();
        piece(from, countryFrom);
        piece(countryTo, to);
        endGroup();
    }

    /** Within one relationship group [from, to): the range of bands compatible with {@code band} (empty if unknown). */
    private int[] compatible(int band, long group, int from, int to) {
        if (band == MatchInput.UNKNOWN_BAND) {
            return new int[]{from, from};
        }
        int low = Math.max(0, band - 1);
        int high = Math.min(MatchInput.UNKNOWN_BAND - 1, band + 1);
        int start = index.atLeast(from, to, group | (long) low << OfferIndex.RANK_BITS);
        return new int[]{start, index.atLeast(start, to, group | (long) (high + 1) << OfferIndex.RANK_BITS)};
    }

    private void piece(int from, int to) {
        if (from < to) {
            int at = 2 * (planCode * MAX_PIECES + pieceCount[planCode]++);
            pieces[at] = from;
            pieces[at + 1] = to;
        }
    }

    private void endGroup() {
        groupEnd[planCode * MAX_GROUPS + groupCount[planCode]++] = pieceCount[planCode];
    }

    /** The pieces [first, end) of one group as one sequence, from the customer's own place; the budget left. */
    private int scanGroup(int first, int end, int seed, int budget, Examiner examiner) {
        int total = 0;
        for (int p = first; p < end; p++) {
            total += pieces[2 * p + 1] - pieces[2 * p];
        }
        if (total == 0) {
            return budget;
        }
        // find the starting place, then walk the pieces in turn, wrapping round to the first
        int skip = Math.floorMod(seed, total);
        int p = first;
        while (skip >= pieces[2 * p + 1] - pieces[2 * p]) {
            skip -= pieces[2 * p + 1] - pieces[2 * p];
            p++;
        }
        int k = pieces[2 * p] + skip;
        for (int left = total; left > 0 && budget > 0; left--) {
            if (examiner.examine(k)) {
                budget--;
            }
            if (++k == pieces[2 * p + 1]) {
                p = p + 1 == end ? first : p + 1;
                k = pieces[2 * p];
            }
        }
        return budget;
    }

    /** Spreads consecutive ranks over the ints, so that neighbours start their scans far apart. */
    private static int mix(int x) {
        x *= 0x9E3779B1;
        return x ^ x >>> 16;
    }
}
