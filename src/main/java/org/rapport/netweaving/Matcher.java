package org.rapport.netweaving;

import org.rapport.planning.MatchRules;
import org.rapport.netweaving.PastIntroduction.Pair;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Proposes introductions: pairs where one customer's needs are met by the other's offers. It never compares all pairs:
 * an inverted index ({@link OfferIndex}) maps each offered category to the customers offering it, and each customer
 * meets only customers offering something it needs (the candidate pairs, counted in the result).
 * <p>
 * Left out before any pair (and never indexed): customers not open to introductions, with a problem pending, or at a cap
 * (open introductions, introductions in 12 months). Left out as a pair: competitors (offers overlapping at least
 * {@link MatchRules#competitorOverlap()}) and pairs under way, or introduced, declined or expired within
 * {@link MatchRules#recentPairWindow()}. Each candidate is scored (a need met; more if mutual, same region or country,
 * compatible size, a strong relationship with both); each customer keeps its best
 * {@link MatchRules#suggestionsPerCustomer()} providers; then the best pairs overall are proposed while both customers
 * have room under the caps, each with a one-line explanation.
 * <p>
 * <b>The bound.</b> For each code it needs, a customer examines at most {@code candidatesPerNeed} providers
 * ({@link #CANDIDATES_PER_NEED} by default), so a run examines at most customers × needs × bound pairs: linear in the
 * customers, however common a code is. A posting list no longer than the bound is examined whole, exactly as without
 * it. A longer one ({@link ProviderScan}) is examined best group first, by the terms of the score that depend on the
 * provider alone: its own region, strong relationships and compatible size before the rest (a strong relationship
 * counts only when the customer has one too), then the rest of its country, then elsewhere; within a group, where the
 * providers score the same for it but for mutual fit, each customer starts at its own pseudo-random place, so customers
 * with the same need spread over the providers instead of all meeting the same first few (who, at one open introduction
 * each, could take only a few of them). What it trades: a customer may miss a candidate beyond the bound: a mutual fit
 * in a group it did not finish, or a strong provider elsewhere when its own region or country has more than the bound
 * of weaker ones. Mutual fits are often still found from the other side, when the other customer examines this one for
 * its own need. Measured (docs/benchmarks.md §7): about 1 % of the proposals' mean score at 20,000 customers.
 * <p>
 * Memory: the input (about 80 bytes a customer), the index (about 30 bytes per offer of an eligible customer), and the
 * pool of each eligible customer's best providers, 8 bytes each: with the default 5 suggestions, 40 MB for a million
 * customers, but 400 MB at the largest allowed 50.
 * <p>
 * Input: {@link MatchInput}, filled one customer at a time (or from {@code List<MatchCustomer>}); company names are asked
 * for the proposed customers only ({@link CompanyNames}).
 */
public final class Matcher {

    /** Why a customer or a pair was not proposed. */
    public enum LeftOut {
        NOT_OPEN_TO_INTRODUCTIONS, PROBLEM_PENDING, OPEN_INTRODUCTION_CAP, YEARLY_CAP, COMPETITORS, RECENT_PAIR
    }

    /**
     * The company names of the proposed customers, for the explanations: called once per run, after the pairs are
     * chosen, with their ids (distinct, ascending); returns the names in the same order (null where unknown: the id is
     * shown). A caller reading from the database can look them up in chunks.
     */
    @FunctionalInterface
    public interface CompanyNames {
        String[] of(long[] customerIds);
    }

    /** Providers examined per code a customer needs, by default. */
    public static final int CANDIDATES_PER_NEED = 64;

    static final int NEED_MET = 40;
    static final int MUTUAL = 30;
    static final int SAME_REGION = 15;
    static final int SAME_COUNTRY = 8;
    static final int COMPATIBLE_SIZE = 10;
    static final int BOTH_STRONG = 15;
    /** Four 16-bit lanes: the lowest bit and the highest bit of each. */
    private static final long LANES_LOW = 0x0001_0001_0001_0001L;
    private static final long LANES_HIGH = 0x8000_8000_8000_8000L;
    /** Above every score, which fits in 7 bits of a pool key. */
    private static final int SCORE_CEILING = 127;

    private final MatchRules rules;
    private final int candidatesPerNeed;

    public Matcher(MatchRules rules) {
        this(rules, CANDIDATES_PER_NEED);
    }

    public Matcher(MatchRules rules, int candidatesPerNeed) {
        List<String> problems = new ArrayList<>(rules.problems());
        if (candidatesPerNeed < 1 || candidatesPerNeed > 100_000) {
            problems.add("introductions.candidates_per_need: must be between 1 and 100000, not " + candidatesPerNeed + ".");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join(" ", problems));
        }
        this.rules = rules;
        this.candidatesPerNeed = candidatesPerNeed;
    }

    /**
     * The convenience path: customers as records, their company names taken from them.
     *
     * @param customers    every customer to consider
     * @param history      earlier introductions (those outside the window and no longer open do not count here)
     * @param now          from the injected clock
     * @param categoryName the name of a category code, for the explanations (the code itself when it has none)
     */
    public MatchResult match(List<MatchCustomer> customers, Collection<PastIntroduction> history, Instant now,
                             Function<String, String> categoryName) {
        Map<Long, String> names = new HashMap<>();
        customers.forEach(c -> names.put(c.id(), c.company()));
        return match(MatchInput.of(customers), history, now, categoryName,
                ids -> Arrays.stream(ids).mapToObj(names::get).toArray(String[]::new));
    }

    /**
     * @param customers    every customer to consider
     * @param history      earlier introductions (those outside the window and no longer open do not count here; those
     *                     of customers not in the input are ignored)
     * @param now          from the injected clock
     * @param categoryName the name of a category code, for the explanations (the code itself when it has none)
     * @param companies    the company names of the proposed customers
     */
    public MatchResult match(MatchInput customers, Collection<PastIntroduction> history, Instant now,
                             Function<String, String> categoryName, CompanyNames companies) {
        return new Run(customers, history, now).match(categoryName, companies);
    }

    /** The pairs not to propose again yet: under way however old, or declined, expired or introduced within the window. */
    boolean blocksThePair(PastIntroduction past, Instant now) {
        Instant since = now.atOffset(ZoneOffset.UTC).minus(rules.recentPairWindow()).toInstant();
        return past.stage().isOpen() || IntroductionStage.ENDS_A_PAIRING.contains(past.stage()) && past.since().isAfter(since);
    }

    /** One matching run over one input: its working arrays live as long as the run. */
    private final class Run implements ProviderScan.Examiner {
        private final MatchInput in;
        private final int n;
        private final boolean[] eligible;
        private final int[] customersLeftOut = new int[LeftOut.values().length];
        private final long[] pairsLeftOut = new long[LeftOut.values().length];
        private final LongSet recent = new LongSet(16);
        private final boolean[] inHistory;
        private long examined;
        // the best providers of the customer being examined, best first
        private final int suggestions = rules.suggestionsPerCustomer();
        private final int[] topScore = new int[suggestions];
        private final int[] topRank = new int[suggestions];
        private int topCount;
        // the customer being examined, read once: its region as in a posting key, band, relationship, offers
        private final int noRegion;
        private OfferIndex index;
        private int a;
        private int aRegion;
        private int aBand;
        private boolean aStrong;
        private boolean aManyNeeds;
        private long aOffers;
        private int aOfferCount;
        /** Each of {@code a}'s packed offers repeated in the four lanes, to find it in a packed list at once. */
        private final long[] aOfferLanes = new long[4];
        /** The providers {@code a} met so far, when it has more than one need (one need meets each provider once). */
        private final IntSet met = new IntSet();

        Run(MatchInput in, Collection<PastIntroduction> history, Instant now) {
            this.in = in;
            this.n = in.size;
            this.noRegion = in.regions.length;
            eligible = new boolean[n];
            for (int i = 0; i < n; i++) {
                LeftOut reason = leftOut(i);
                if (reason == null) {
                    eligible[i] = true;
                } else {
                    customersLeftOut[reason.ordinal()]++;
                }
            }
            inHistory = new boolean[n];
            for (PastIntroduction past : history) {
                if (blocksThePair(past, now)) {
                    int a = in.indexOf(past.customerA());
                    int b = in.indexOf(past.customerB());
                    if (a >= 0 && b >= 0 && a != b) {
                        recent.add(pairKey(a, b));
                        inHistory[a] = true;
                        inHistory[b] = true;
                    }
                }
            }
        }

        private LeftOut leftOut(int i) {
            if (!in.has(i, MatchInput.OPEN)) {
                return LeftOut.NOT_OPEN_TO_INTRODUCTIONS;
            }
            if (in.has(i, MatchInput.PROBLEM)) {
                return LeftOut.PROBLEM_PENDING;
            }
            if (in.openIntroductions[i] >= rules.openPerCustomer()) {
                return LeftOut.OPEN_INTRODUCTION_CAP;
            }
            if (in.introductionsLastYear[i] >= rules.perCustomerPerYear()) {
                return LeftOut.YEARLY_CAP;
            }
            return null;
        }

        MatchResult match(Function<String, String> categoryName, CompanyNames companies) {
            OfferIndex index = OfferIndex.of(in, eligible);
            ProviderScan scan = new ProviderScan(in, index, candidatesPerNeed);
            this.index = index;
            int eligibleCount = 0;
            for (boolean e : eligible) {
                eligibleCount += e ? 1 : 0;
            }
            // each customer's best providers as keys that sort best first: score down, then needing id, then offering id
            long[] pool = new long[Math.multiplyExact(eligibleCount, suggestions)];
            int pooled = 0;
            // customers in the order of their own keys: those sharing region, relationship and band come together and
            // reuse the plan of each code they need (ProviderScan)
            long[] order = new long[eligibleCount];
            for (int i = 0, e = 0; i < n; i++) {
                if (eligible[i]) {
                    order[e++] = OfferIndex.key(in, i, noRegion);
                }
            }
            Arrays.sort(order);
            for (long key : order) {
                a = in.byRank[(int) (key & OfferIndex.RANK_MASK)];
                topCount = 0;
                aRegion = OfferIndex.region(key);
                aBand = OfferIndex.band(key);
                aStrong = OfferIndex.strong(key);
                aManyNeeds = in.needStart[a + 1] - in.needStart[a] > 1;
                aOffers = in.packedOffers[a];
                aOfferCount = packedCount(aOffers);
                for (int c = 0; c < aOfferCount && aOffers != MatchInput.WIDE; c++) {
                    aOfferLanes[c] = (aOffers >>> 16 * c & 0xFFFF) * LANES_LOW;
                }
                met.clear();
                for (int k = in.needStart[a]; k < in.needStart[a + 1]; k++) {
                    scan.scan(key, in.needCodes[k], this);
                }
                for (int t = 0; t < topCount; t++) {
                    pool[pooled++] = (long) (SCORE_CEILING - topScore[t]) << (2 * OfferIndex.RANK_BITS)
                            | (long) in.rank[a] << OfferIndex.RANK_BITS | topRank[t];
                }
            }
            this.index = null; // not needed any more: let the explanations below have its room
            Arrays.sort(pool, 0, pooled);
            long[] chosen = propose(pool, pooled);
            return new MatchResult(matches(chosen, categoryName, companies), n, examined, counts(customersLeftOut),
                    counts(pairsLeftOut));
        }

        /**
         * One candidate pair, {@code a} needing what the customer of posting {@code k} offers; false when it was not one
         * (itself, or met already through another need). Reads only the posting, unless a customer has many codes.
         */
        @Override
        public boolean examine(int k) {
            int b = index.customer(k);
            if (a == b || aManyNeeds && !met.add(b)) {
                return false;
            }
            examined++;
            long bOffers = index.offers(k);
            if (inHistory[a] && inHistory[b] && recent.contains(pairKey(a, b))) {
                pairsLeftOut[LeftOut.RECENT_PAIR.ordinal()]++;
            } else if (competitors(a, b, bOffers)) {
                pairsLeftOut[LeftOut.COMPETITORS.ordinal()]++;
            } else {
                long key = index.key(k);
                keep(score(a, b, key, index.needs(k)), (int) (key & OfferIndex.RANK_MASK));
            }
            return true;
        }

        /** Their offers overlap at least {@code competitorOverlap}: shared codes over all codes either offers. */
        private boolean competitors(int a, int b, long bOffers) {
            int shared;
            int union;
            if (aOffers != MatchInput.WIDE && bOffers != MatchInput.WIDE) {
                shared = 0;
                for (int c = 0; c < aOfferCount; c++) {
                    shared += anyZeroLane(bOffers ^ aOfferLanes[c]) ? 1 : 0;
                }
                union = aOfferCount + packedCount(bOffers) - shared;
            } else {
                shared = shared(in.offerCodes, in.offerStart[a], in.offerStart[a + 1], in.offerCodes, in.offerStart[b],
                        in.offerStart[b + 1], false);
                union = in.offerStart[a + 1] - in.offerStart[a] + in.offerStart[b + 1] - in.offerStart[b] - shared;
            }
            return union > 0 && (double) shared / union >= rules.competitorOverlap();
        }

        /** The score of {@code a} needing what {@code b} offers, b's region, relationship and band from its key. */
        private int score(int a, int b, long key, long bNeeds) {
            int score = NEED_MET;
            if (mutual(a, b, bNeeds)) {
                score += MUTUAL;
            }
            int bRegion = OfferIndex.region(key);
            if (aRegion != noRegion && aRegion == bRegion) {
                score += SAME_REGION;
            } else if (aRegion != noRegion && bRegion != noRegion && in.regionCountry[aRegion] == in.regionCountry[bRegion]) {
                score += SAME_COUNTRY;
            }
            int bBand = OfferIndex.band(key);
            if (aBand != MatchInput.UNKNOWN_BAND && bBand != MatchInput.UNKNOWN_BAND && Math.abs(aBand - bBand) <= 1) {
                score += COMPATIBLE_SIZE;
            }
            if (aStrong && OfferIndex.strong(key)) {
                score += BOTH_STRONG;
            }
            return score;
        }

        /** {@code b} needs something {@code a} offers. */
        private boolean mutual(int a, int b, long bNeeds) {
            if (aOffers != MatchInput.WIDE && bNeeds != MatchInput.WIDE) {
                boolean any = false;
                for (int c = 0; c < aOfferCount; c++) {
                    any |= anyZeroLane(bNeeds ^ aOfferLanes[c]);
                }
                return any;
            }
            return shared(in.needCodes, in.needStart[b], in.needStart[b + 1], in.offerCodes, in.offerStart[a],
                    in.offerStart[a + 1], true) > 0;
        }

        /** Keeps the provider among {@code a}'s best: higher score first, then the lower id. */
        private void keep(int score, int rank) {
            int at = topCount;
            while (at > 0 && (topScore[at - 1] < score || topScore[at - 1] == score && topRank[at - 1] > rank)) {
                at--;
            }
            if (at >= suggestions) {
                return;
            }
            int last = Math.min(topCount, suggestions - 1);
            System.arraycopy(topScore, at, topScore, at + 1, last - at);
            System.arraycopy(topRank, at, topRank, at + 1, last - at);
            topScore[at] = score;
            topRank[at] = rank;
            topCount = Math.min(topCount + 1, suggestions);
        }

        /** The best pool keys first, each pair once, while both customers have room under the caps. */
        private long[] propose(long[] pool, int pooled) {
            int[] room = new int[n];
            for (int i = 0; i < n; i++) {
                room[i] = Math.min(rules.openPerCustomer() - in.openIntroductions[i],
                        rules.perCustomerPerYear() - in.introductionsLastYear[i]);
            }
            LongSet taken = new LongSet(1024);
            long[] chosen = new long[16];
            int count = 0;
            for (int k = 0; k < pooled; k++) {
                int a = in.byRank[(int) (pool[k] >>> OfferIndex.RANK_BITS & OfferIndex.RANK_MASK)];
                int b = in.byRank[(int) (pool[k] & OfferIndex.RANK_MASK)];
                if (room[a] > 0 && room[b] > 0 && taken.add(pairKey(a, b))) {
                    room[a]--;
                    room[b]--;
                    if (count == chosen.length) {
                        chosen = Arrays.copyOf(chosen, count * 2);
                    }
                    chosen[count++] = pool[k];
                }
            }
            return Arrays.copyOf(chosen, count);
        }

        private List<Match> matches(long[] chosen, Function<String, String> categoryName, CompanyNames companies) {
            long[] ids = new long[2 * chosen.length];
            for (int k = 0; k < chosen.length; k++) {
                ids[2 * k] = in.sortedIds[(int) (chosen[k] >>> OfferIndex.RANK_BITS & OfferIndex.RANK_MASK)];
                ids[2 * k + 1] = in.sortedIds[(int) (chosen[k] & OfferIndex.RANK_MASK)];
            }
            long[] distinct = Arrays.stream(ids).sorted().distinct().toArray();
            String[] names = distinct.length == 0 ? new String[0] : companies.of(distinct);
            if (names == null || names.length != distinct.length) {
                throw new IllegalStateException("the company names came back for " + (names == null ? "no" : names.length)
                        + " of " + distinct.length + " customers");
            }
            Map<String, String> categoryNames = new HashMap<>();
            List<Match> matches = new ArrayList<>(chosen.length);
            for (long key : chosen) {
                int a = in.byRank[(int) (key >>> OfferIndex.RANK_BITS & OfferIndex.RANK_MASK)];
                int b = in.byRank[(int) (key & OfferIndex.RANK_MASK)];
                int score = SCORE_CEILING - (int) (key >>> (2 * OfferIndex.RANK_BITS));
                String nameA = Objects.requireNonNullElse(names[Arrays.binarySearch(distinct, in.ids[a])], "#" + in.ids[a]);
                String nameB = Objects.requireNonNullElse(names[Arrays.binarySearch(distinct, in.ids[b])], "#" + in.ids[b]);
                matches.add(match(a, b, nameA, nameB, score,
                        code -> categoryNames.computeIfAbsent(code, c -> Objects.requireNonNullElse(categoryName.apply(c), c))));
            }
            return matches;
        }

        private Match match(int a, int b, String nameA, String nameB, int score, Function<String, String> names) {
            SortedSet<String> firstNeeds = met(in.needStart, in.needCodes, a, in.offerStart, in.offerCodes, b);
            SortedSet<String> secondNeeds = met(in.needStart, in.needCodes, b, in.offerStart, in.offerCodes, a);
            StringBuilder line = new StringBuilder();
            String wanted = names(firstNeeds, names);
            line.append(nameA).append(" needs ").append(wanted).append("; ").append(nameB).append(" offers ").append(wanted);
            if (!secondNeeds.isEmpty()) {
                String back = names(secondNeeds, names);
                line.append("; ").append(nameB).append(" needs ").append(back).append("; ").append(nameA)
                        .append(" offers ").append(back);
            }
            if (sameRegion(a, b)) {
                line.append("; both in ").append(in.regions[in.region[a]]);
            } else if (sameCountry(a, b)) {
                line.append("; both in ").append(in.countries[in.regionCountry[in.region[a]]]);
            }
            if (compatibleSize(a, b)) {
                line.append("; of similar size");
            }
            if (in.strong(a) && in.strong(b)) {
                line.append("; good relationships with both");
            }
            return new Match(in.ids[a], in.ids[b], compact(firstNeeds), compact(secondNeeds), score, line.toString());
        }

        /** The codes customer {@code x} needs and {@code y} offers, sorted. */
        private SortedSet<String> met(int[] needStart, int[] needCodes, int x, int[] offerStart, int[] offerCodes, int y) {
            SortedSet<String> met = new TreeSet<>();
            int i = needStart[x];
            int j = offerStart[y];
            while (i < needStart[x + 1] && j < offerStart[y + 1]) {
                if (needCodes[i] == offerCodes[j]) {
                    met.add(in.codes[needCodes[i]]);
                    i++;
                    j++;
                } else if (needCodes[i] < offerCodes[j]) {
                    i++;
                } else {
                    j++;
                }
            }
            return met;
        }

        private boolean sameRegion(int a, int b) {
            return in.region[a] != MatchInput.NO_REGION && in.region[a] == in.region[b];
        }

        private boolean sameCountry(int a, int b) {
            return in.region[a] != MatchInput.NO_REGION && in.region[b] != MatchInput.NO_REGION
                    && in.regionCountry[in.region[a]] == in.regionCountry[in.region[b]];
        }

        private boolean compatibleSize(int a, int b) {
            return in.band[a] != MatchInput.UNKNOWN_BAND && in.band[b] != MatchInput.UNKNOWN_BAND
                    && Math.abs(in.band[a] - in.band[b]) <= 1;
        }
    }

    /** Codes in both sorted ranges (stopping at the first with {@code any}). */
    private static int shared(int[] x, int xFrom, int xTo, int[] y, int yFrom, int yTo, boolean any) {
        int shared = 0;
        while (xFrom < xTo && yFrom < yTo) {
            if (x[xFrom] == y[yFrom]) {
                shared++;
                if (any) {
                    return shared;
                }
                xFrom++;
                yFrom++;
            } else if (x[xFrom] < y[yFrom]) {
                xFrom++;
            } else {
                yFrom++;
            }
        }
        return shared;
    }

    /**
     * Whether some 16-bit lane of {@code x} is zero (exact: a lane borrows from the next only when it is zero itself).
     * {@code packed ^ lanes} is zero in a lane where the packed list holds the code repeated in {@code lanes}; unused
     * lanes (0xFFFF) never match, as no code is 0xFFFF.
     */
    private static boolean anyZeroLane(long x) {
        return ((x - LANES_LOW) & ~x & LANES_HIGH) != 0;
    }

    /** Codes in a packed list: four lanes less the unused ones, which are the top lanes (0 once inverted). */
    private static int packedCount(long packed) {
        return packed == MatchInput.WIDE ? 0 : 4 - Long.numberOfLeadingZeros(~packed) / 16;
    }

    /** Two customers (indexes into the input), unordered; never 0. */
    private static long pairKey(int a, int b) {
        return ((long) Math.min(a, b) << 32 | Math.max(a, b)) + 1;
    }

    private static Map<LeftOut, Integer> counts(int[] counts) {
        Map<LeftOut, Integer> map = new EnumMap<>(LeftOut.class);
        for (LeftOut reason : LeftOut.values()) {
            if (counts[reason.ordinal()] > 0) {
                map.put(reason, counts[reason.ordinal()]);
            }
        }
        return map;
    }

    private static Map<LeftOut, Long> counts(long[] counts) {
        Map<LeftOut, Long> map = new EnumMap<>(LeftOut.class);
        for (LeftOut reason : LeftOut.values()) {
            if (counts[reason.ordinal()] > 0) {
                map.put(reason, counts[reason.ordinal()]);
            }
        }
        return map;
    }

    /** Read-only; no tree for the usual one code (a run may hold hundreds of thousands of proposals). */
    private static Set<String> compact(SortedSet<String> codes) {
        return switch (codes.size()) {
            case 0 -> Set.of();
            case 1 -> Set.of(codes.first());
            default -> Collections.unmodifiableSortedSet(codes);
        };
    }

    /** "logistics", "logistics and printing", "design, logistics and printing": names sorted for a stable line. */
    private static String names(Collection<String> codes, Function<String, String> names) {
        List<String> named = codes.stream().map(names).sorted().toList();
        if (named.size() == 1) {
            return named.get(0);
        }
        return String.join(", ", named.subList(0, named.size() - 1)) + " and " + named.get(named.size() - 1);
    }
}
