package org.rapport.netweaving;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The customers of one matching run, compact: a million of them take about 80 MB, so the run fits a small heap. Category
 * codes and regions are interned to ints, and every customer is a slot in primitive arrays (no object per customer, no
 * company name: {@link Matcher} asks for the names of the proposed customers only, see {@link Matcher.CompanyNames}).
 * <p>
 * Filled one customer at a time, as rows stream from the database:
 * <pre>{@code
 * MatchInput.Builder input = MatchInput.builder();
 * // for each customer row:
 * input.customer(id).offers("LOG;PRT").needs("WH").region("DE-BE").annualRevenue(revenue)
 *      .relationship(recentTwoWayTouch, lowRating).openToIntroductions(consent.mayEmail(INTRODUCTION))
 *      .problemPending(pending).introductions(open, inLastYear).add();
 * MatchInput customers = input.build();
 * }</pre>
 * {@code openToIntroductions} and {@code problemPending} must be given for every customer ({@link Row#add()} refuses a
 * row without them, so a forgotten column cannot make everyone introducible); the rest defaults to unknown region and
 * size, no strong relationship and no introductions so far. Customers left out by the rules (not open, problem pending,
 * at a cap) are added all the same: the matcher counts them and never indexes them.
 */
public final class MatchInput {

    /** Ranks and indexes share a long key with 28 bits each (see {@link Matcher}). */
    static final int MAX_CUSTOMERS = (1 << 28) - 1;
    /** The band of a customer whose revenue is unknown: after every real band, compatible with none. */
    static final byte UNKNOWN_BAND = (byte) SizeBand.values().length;
    static final int NO_REGION = -1;

    static final byte OPEN = 1;
    static final byte PROBLEM = 2;
    static final byte STRONG = 4;

    final int size;
    final long[] ids;
    /** Offers of customer i: {@code offerCodes[offerStart[i] .. offerStart[i + 1])}, sorted code ids. */
    final int[] offerStart;
    final int[] offerCodes;
    final int[] needStart;
    final int[] needCodes;
    /**
     * Each customer's offers and needs packed for the scan: up to four codes of 16 bits each, ascending, unused slots
     * 0xFFFF; {@link #WIDE} when they do not fit (then the codes above are read).
     */
    final long[] packedOffers;
    final long[] packedNeeds;
    static final long WIDE = 0xFFFE_FFFE_FFFE_FFFEL;
    /** Region ids    /** Region ids are ordered by country, then region: the regions of one country are consecutive. */
    final int[] region;
    final byte[] band;
    final byte[] flags;
    final int[] openIntroductions;
    final int[] introductionsLastYear;
    final String[] codes;
    final String[] regions;
    final int[] regionCountry;
    final String[] countries;
    /** Customer ids sorted; {@code byRank[r]} is the index of the r-th smallest id, {@code rank[i]} its inverse. */
    final long[] sortedIds;
    final int[] byRank;
    final int[] rank;

    private MatchInput(Builder b, int[] regionOrder, String[] regions, int[] regionCountry, String[] countries) {
        size = b.size;
        ids = Arrays.copyOf(b.ids, size);
        offerStart = Arrays.copyOf(b.offerStart, size + 1);
        offerCodes = Arrays.copyOf(b.offerCodes, b.offerCount);
        needStart = Arrays.copyOf(b.needStart, size + 1);
        needCodes = Arrays.copyOf(b.needCodes, b.needCount);
        packedOffers = new long[size];
        packedNeeds = new long[size];
        for (int i = 0; i < size; i++) {
            packedOffers[i] = packed(offerCodes, offerStart[i], offerStart[i + 1]);
            packedNeeds[i] = packed(needCodes, needStart[i], needStart[i + 1]);
        }
        region = new int[size];
        for (int i = 0; i < size; i++) {
            region[i] = b.region[i] == NO_REGION ? NO_REGION : regionOrder[b.region[i]];
        }
        band = Arrays.copyOf(b.band, size);
        flags = Arrays.copyOf(b.flags, size);
        openIntroductions = Arrays.copyOf(b.open, size);
        introductionsLastYear = Arrays.copyOf(b.lastYear, size);
        codes = b.codeNames.toArray(String[]::new);
        this.regions = regions;
        this.regionCountry = regionCountry;
        this.countries = countries;
        sortedIds = ids.clone();
        Arrays.sort(sortedIds);
        for (int r = 1; r < size; r++) {
            if (sortedIds[r] == sortedIds[r - 1]) {
                throw new IllegalArgumentException("customer " + sortedIds[r] + " was added twice");
            }
        }
        byRank = new int[size];
        rank = new int[size];
        for (int i = 0; i < size; i++) {
            rank[i] = Arrays.binarySearch(sortedIds, ids[i]);
            byRank[rank[i]] = i;
        }
    }

    private static long packed(int[] codes, int from, int to) {
        if (to - from > 4 || to > from && codes[to - 1] >= 0xFFFE) {
            return WIDE;
        }
        long packed = -1L;
        for (int k = from; k < to; k++) {
            packed &= ~(0xFFFFL << 16 * (k - from));
            packed |= (long) codes[k] << 16 * (k - from);
        }
        return packed;
    }

    public static Builder builder() {
        return new Builder(1024);
    }

    /** With room for {@code expectedCustomers}, so that a large run does not grow its arrays step by step. */
    public static Builder builder(int expectedCustomers) {
        return new Builder(Math.max(16, expectedCustomers));
    }

    /** The convenience path: customers as records (tests, small runs). */
    public static MatchInput of(Collection<MatchCustomer> customers) {
        Builder input = builder(customers.size());
        for (MatchCustomer c : customers) {
            input.customer(c.id()).offers(c.offers()).needs(c.needs()).region(c.region()).annualRevenue(c.annualRevenue())
                    .relationship(c.recentTwoWayTouch(), c.lowRating()).openToIntroductions(c.openToIntroductions())
                    .problemPending(c.problemPending()).introductions(c.openIntroductions(), c.introductionsLastYear()).add();
        }
        return input.build();
    }

    /** Customers in this input. */
    public int size() {
        return size;
    }

    /** The index of a customer id, or -1 when it is not in this input. */
    int indexOf(long id) {
        int r = Arrays.binarySearch(sortedIds, id);
        return r < 0 ? -1 : byRank[r];
    }

    boolean has(int i, byte flag) {
        return (flags[i] & flag) != 0;
    }

    boolean strong(int i) {
        return has(i, STRONG);
    }

    /** Collects customers one at a time; not thread-safe, one builder per run. */
    public static final class Builder {
        private final Map<String, Integer> codeIds = new HashMap<>();
        private final List<String> codeNames = new ArrayList<>();
        private final Map<String, Integer> regionIds = new HashMap<>();
        private final List<String> regionNames = new ArrayList<>();
        private final Row row = new Row(this);
        private boolean built;
        private int size;
        private long[] ids;
        private int[] offerStart;
        private int[] offerCodes = new int[64];
        private int offerCount;
        private int[] needStart;
        private int[] needCodes = new int[64];
        private int needCount;
        private int[] region;
        private byte[] band;
        private byte[] flags;
        private int[] open;
        private int[] lastYear;

        private Builder(int capacity) {
            ids = new long[capacity];
            offerStart = new int[capacity + 1];
            needStart = new int[capacity + 1];
            region = new int[capacity];
            band = new byte[capacity];
            flags = new byte[capacity];
            open = new int[capacity];
            lastYear = new int[capacity];
        }

        /** Starts the next customer's row; {@link Row#add()} ends it. */
        public Row customer(long id) {
            if (built) {
                throw new IllegalStateException("this input was built already");
            }
            if (row.pending) {
                throw new IllegalStateException("customer " + row.id + " was started but never added");
            }
            if (size == MAX_CUSTOMERS) {
                throw new IllegalStateException("a matching run takes at most " + MAX_CUSTOMERS + " customers");
            }
            row.start(id);
            return row;
        }

        public MatchInput build() {
            if (row.pending) {
                throw new IllegalStateException("customer " + row.id + " was started but never added");
            }
            built = true;
            // regions ordered by country, then region, so that one country's regions are consecutive
            Integer[] order = new Integer[regionNames.size()];
            Arrays.setAll(order, i -> i);
            Arrays.sort(order, Comparator.comparing((Integer r) -> country(regionNames.get(r))).thenComparing(regionNames::get));
            int[] regionOrder = new int[order.length];
            String[] regions = new String[order.length];
            int[] regionCountry = new int[order.length];
            List<String> countries = new ArrayList<>();
            for (int k = 0; k < order.length; k++) {
                regionOrder[order[k]] = k;
                regions[k] = regionNames.get(order[k]);
                String country = country(regions[k]);
                if (countries.isEmpty() || !countries.get(countries.size() - 1).equals(country)) {
                    countries.add(country);
                }
                regionCountry[k] = countries.size() - 1;
            }
            return new MatchInput(this, regionOrder, regions, regionCountry, countries.toArray(String[]::new));
        }

        private static String country(String region) {
            int dash = region.indexOf('-');
            return dash < 0 ? region : region.substring(0, dash);
        }

        private int code(String code) {
            return codeIds.computeIfAbsent(code, c -> {
                codeNames.add(c);
                return codeNames.size() - 1;
            });
        }

        private void append(Row r) {
            if (size == ids.length) {
                int capacity = size + (size >> 1) + 16;
                ids = Arrays.copyOf(ids, capacity);
                offerStart = Arrays.copyOf(offerStart, capacity + 1);
                needStart = Arrays.copyOf(needStart, capacity + 1);
                region = Arrays.copyOf(region, capacity);
                band = Arrays.copyOf(band, capacity);
                flags = Arrays.copyOf(flags, capacity);
                open = Arrays.copyOf(open, capacity);
                lastYear = Arrays.copyOf(lastYear, capacity);
            }
            int i = size++;
            ids[i] = r.id;
            offerCodes = appendCodes(offerCodes, offerCount, r.offers, r.offerCount);
            offerCount += r.offerCount;
            offerStart[i + 1] = offerCount;
            needCodes = appendCodes(needCodes, needCount, r.needs, r.needCount);
            needCount += r.needCount;
            needStart[i + 1] = needCount;
            if (r.region == null || r.region.isBlank()) {
                region[i] = NO_REGION;
            } else {
                String key = r.region.toUpperCase(Locale.ROOT);
                region[i] = regionIds.computeIfAbsent(key, k -> {
                    regionNames.add(k);
                    return regionNames.size() - 1;
                });
            }
            band[i] = r.band;
            flags[i] = (byte) ((r.openToIntroductions ? OPEN : 0) | (r.problemPending ? PROBLEM : 0)
                    | (r.recentTwoWayTouch && !r.lowRating ? STRONG : 0));
            open[i] = r.openIntroductions;
            lastYear[i] = r.introductionsLastYear;
        }

        private static int[] appendCodes(int[] target, int count, int[] codes, int n) {
            int[] out = count + n <= target.length ? target : Arrays.copyOf(target, Math.max(count + n, target.length * 2));
            System.arraycopy(codes, 0, out, count, n);
            return out;
        }
    }

    /**
     * One customer being added: set what is known, then {@link #add()}. The builder reuses this object for the next
     * customer, so keep no reference to it.
     */
    public static final class Row {
        private final Builder builder;
        private boolean pending;
        private long id;
        private int[] offers = new int[8];
        private int offerCount;
        private int[] needs = new int[8];
        private int needCount;
        private String region;
        private byte band;
        private boolean recentTwoWayTouch;
        private boolean lowRating;
        private boolean openToIntroductions;
        private boolean openGiven;
        private boolean problemPending;
        private boolean problemGiven;
        private int openIntroductions;
        private int introductionsLastYear;

        private Row(Builder builder) {
            this.builder = builder;
        }

        private void start(long id) {
            pending = true;
            this.id = id;
            offerCount = 0;
            needCount = 0;
            region = null;
            band = UNKNOWN_BAND;
            recentTwoWayTouch = false;
            lowRating = false;
            openGiven = false;
            problemGiven = false;
            openIntroductions = 0;
            introductionsLastYear = 0;
        }

        /** The codes it offers as the customer row stores them, ';'-separated ("LOG;PRT"); blanks are ignored. */
        public Row offers(String separated) {
            offers = codes(separated, offers);
            offerCount = count;
            return this;
        }

        public Row offers(Collection<String> codes) {
            offers = codes(codes, offers);
            offerCount = count;
            return this;
        }

        /** The codes it needs, ';'-separated; blanks are ignored. */
        public Row needs(String separated) {
            needs = codes(separated, needs);
            needCount = count;
            return this;
        }

        public Row needs(Collection<String> codes) {
            needs = codes(codes, needs);
            needCount = count;
            return this;
        }

        /** The ISO 3166 country or subdivision code ({@code DE-BE}); null or blank when unknown. */
        public Row region(String region) {
            this.region = region;
            return this;
        }

        /** In the company currency; null when unknown (see {@link SizeBand}). */
        public Row annualRevenue(BigDecimal annualRevenue) {
            band = SizeBand.of(annualRevenue).map(b -> (byte) b.ordinal()).orElse(UNKNOWN_BAND);
            return this;
        }

        /** As in {@link MatchCustomer}: strong when there was a recent two-way touch and no low rating. */
        public Row relationship(boolean recentTwoWayTouch, boolean lowRating) {
            this.recentTwoWayTouch = recentTwoWayTouch;
            this.lowRating = lowRating;
            return this;
        }

        /** Required: {@link MatchCustomer#openToIntroductions(org.rapport.customers.Consent)}. */
        public Row openToIntroductions(boolean open) {
            this.openToIntroductions = open;
            this.openGiven = true;
            return this;
        }

        /** Required: a problem is open or its follow-up call is still to be made. */
        public Row problemPending(boolean pending) {
            this.problemPending = pending;
            this.problemGiven = true;
            return this;
        }

        /** Introductions of this customer not yet in a final stage, and proposed in the last 12 months. */
        public Row introductions(int open, int inLastYear) {
            if (open < 0 || inLastYear < 0) {
                throw new IllegalArgumentException("customer " + id + ": introduction counts cannot be negative (" + open
                        + ", " + inLastYear + ")");
            }
            this.openIntroductions = open;
            this.introductionsLastYear = inLastYear;
            return this;
        }

        /** Adds this customer to the input; the builder is ready for the next. */
        public Builder add() {
            if (!pending) {
                throw new IllegalStateException("this row was added already; start the next with customer(id)");
            }
            if (!openGiven || !problemGiven) {
                throw new IllegalStateException("customer " + id + ": openToIntroductions and problemPending must be given");
            }
            pending = false;
            builder.append(this);
            return builder;
        }

        private int count;

        private int[] codes(String separated, int[] into) {
            count = 0;
            if (separated == null) {
                return into;
            }
            int from = 0;
            while (from <= separated.length()) {
                int end = separated.indexOf(';', from);
                if (end < 0) {
                    end = separated.length();
                }
                String code = separated.substring(from, end).strip();
                if (!code.isEmpty()) {
                    into = put(into, builder.code(code));
                }
                from = end + 1;
            }
            return sortedDistinct(into);
        }

        private int[] codes(Collection<String> codes, int[] into) {
            count = 0;
            for (String code : Objects.requireNonNull(codes, "codes")) {
                if (code != null && !code.isBlank()) {
                    into = put(into, builder.code(code.strip()));
                }
            }
            return sortedDistinct(into);
        }

        private int[] put(int[] into, int code) {
            if (count == into.length) {
                into = Arrays.copyOf(into, count * 2);
            }
            into[count++] = code;
            return into;
        }

        private int[] sortedDistinct(int[] into) {
            Arrays.sort(into, 0, count);
            int distinct = 0;
            for (int k = 0; k < count; k++) {
                if (distinct == 0 || into[k] != into[distinct - 1]) {
                    into[distinct++] = into[k];
                }
            }
            count = distinct;
            return into;
        }
    }
}
