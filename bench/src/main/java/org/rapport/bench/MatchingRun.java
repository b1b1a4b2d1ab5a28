package org.rapport.bench;

import org.rapport.netweaving.IntroductionStage;
import org.rapport.netweaving.Match;
import org.rapport.netweaving.MatchInput;
import org.rapport.netweaving.MatchResult;
import org.rapport.planning.MatchRules;
import org.rapport.netweaving.Matcher;
import org.rapport.netweaving.PastIntroduction;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One matching run in its own JVM (started by {@link MatchingBenchmark} at {@code -Xmx512m}): generates {@code
 * --customers} synthetic customers straight into a {@link MatchInput} (as the database side would stream rows), times
 * the physical limit (below), then {@link Matcher#match} with the default rules (top 5 per customer), and prints one
 * {@code MATCHING key=value…} line with the heap figures of this JVM (MemoryMXBean sampled every 20 ms, the heap pools'
 * peaks, the collectors' counts and times, the live heap after a full collection with input and result still held).
 * <p>
 * The data: 200 category codes drawn with weight 1/(k+1) (Zipf: the most common is in about 17 % of draws, the rarest
 * 200 times less), 1–3 offers and 1–3 needs; regions of five countries (DE 16 subdivisions 60 %, AT 9, CH 6, FR 13, NL
 * 12; 5 % unknown); revenue bands MICRO 60 %, SMALL 25 %, MEDIUM 10 %, LARGE 3 %, unknown 2 %; half with a recent
 * two-way touch, 8 % rated low; 85 % open to introductions, 5 % with a problem pending, 3 % with an open introduction,
 * some with introductions this year; and N/20 earlier introductions of random pairs.
 * <p>
 * The <b>physical limit</b>: the least the bounded scan must do, on the same data in plain arrays: for each customer,
 * each code it needs, and up to {@code bound} entries of that code's posting list from a place of its own, read the
 * entry (the provider, and a long beside it standing for its packed codes: 12 bytes, where the matcher's postings hold
 * 28) and add it up. No rule, score, ranking, index building or explanation.
 */
public final class MatchingRun {

    static final int CODES = 200;
    private static final String[][] COUNTRIES = {
            {"DE", "BW", "BY", "BE", "BB", "HB", "HH", "HE", "MV", "NI", "NW", "RP", "SL", "SN", "ST", "SH", "TH"},
            {"AT", "1", "2", "3", "4", "5", "6", "7", "8", "9"},
            {"CH", "ZH", "BE", "LU", "GE", "VD", "TI"},
            {"FR", "ARA", "BFC", "BRE", "CVL", "COR", "GES", "HDF", "IDF", "NOR", "NAQ", "OCC", "PDL", "PAC"},
            {"NL", "DR", "FL", "FR", "GE", "GR", "LI", "NB", "NH", "OV", "UT", "ZE", "ZH"}};
    private static final double[] COUNTRY_SHARE = {0.60, 0.10, 0.10, 0.10, 0.05}; // 5 % left: no region

    private MatchingRun() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Bench.args(args);
        int n = Integer.parseInt(options.getOrDefault("customers", "100000"));
        int bound = Integer.parseInt(options.getOrDefault("bound", String.valueOf(Matcher.CANDIDATES_PER_NEED)));
        Instant now = Instant.parse(Bench.NOW);
        HeapWatch heap = new HeapWatch();

        long t0 = System.nanoTime();
        Generated data = generate(n, now);
        long buildNanos = System.nanoTime() - t0;

        long t1 = System.nanoTime();
        long touched = physicalLimit(data, bound);
        long limitNanos = System.nanoTime() - t1;

        Matcher matcher = new Matcher(MatchRules.DEFAULTS, bound);
        long t2 = System.nanoTime();
        MatchResult result = matcher.match(data.input, data.history, now, code -> "category " + code,
                ids -> Arrays.stream(ids).mapToObj(id -> "Company " + id).toArray(String[]::new));
        long matchNanos = System.nanoTime() - t2;
        heap.stop();

        long leftOut = result.customersLeftOut().values().stream().mapToLong(Integer::longValue).sum();
        long eligible = n - leftOut;
        double meanScore = result.proposals().stream().mapToInt(Match::score).average().orElse(0);
        long mutual = result.proposals().stream().filter(Match::mutual).count();
        StringBuilder gcs = new StringBuilder(); // the run's own collections, before the one asked for below
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcs.append(gcs.isEmpty() ? "" : ",").append(gc.getName().replace(' ', '_')).append(':')
                    .append(gc.getCollectionCount()).append('/').append(gc.getCollectionTime()).append("ms");
        }
        System.gc();
        long liveAfterGc = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        double nSquared = (double) n * n;
        System.out.printf("MATCHING customers=%d bound=%d seconds=%.2f target_s=%s build_s=%.2f limit_s=%.2f "
                        + "match_over_limit=%.1f candidate_pairs=%d pairs_per_customer=%.1f pairs_over_n2=%.2e proposals=%d "
                        + "eligible=%d eligible_in_a_proposal=%.1f%% mean_score=%.1f mutual=%d pairs_left_out=%s "
                        + "xmx_mb=%d heap_max_used_mb=%.0f heap_pools_peak_mb=%.0f heap_live_after_gc_mb=%.0f gc=%s "
                        + "limit_touched=%d%n",
                n, bound, matchNanos / 1e9, n <= 100_000 ? "10" : "60", buildNanos / 1e9, limitNanos / 1e9,
                (double) matchNanos / limitNanos, result.candidatePairs(), (double) result.candidatePairs() / n,
                result.candidatePairs() / nSquared, result.proposals().size(), eligible,
                100.0 * 2 * result.proposals().size() / Math.max(1, eligible), meanScore, mutual,
                result.pairsLeftOut().toString().replace(" ", ""), Runtime.getRuntime().maxMemory() >> 20,
                heap.maxUsed() / 1048576.0, heap.poolPeaks() / 1048576.0, liveAfterGc / 1048576.0, gcs,
                touched);
        System.out.flush();
        if (result.proposals().isEmpty()) {
            throw new IllegalStateException("no proposals: the generated data is wrong");
        }
        if (options.containsKey("hold")) {
            // stay alive until the harness has taken its interference figures (it counts only live processes as its own)
            System.in.read();
        }
    }

    /** The input, the history, and the same codes again as plain arrays for the physical limit. */
    record Generated(MatchInput input, List<PastIntroduction> history, int[] needStart, int[] needCodes,
                     int[] postingStart, int[] postings, long[] postingCodes) {
    }

    static Generated generate(int n, Instant now) {
        SplittableRandom random = new SplittableRandom(Bench.SEED + n);
        double[] cumulative = new double[CODES];
        double sum = 0;
        for (int k = 0; k < CODES; k++) {
            sum += 1.0 / (k + 1);
            cumulative[k] = sum;
        }
        String[] codes = new String[CODES];
        for (int k = 0; k < CODES; k++) {
            codes[k] = String.format("K%03d", k);
        }
        int[] needStart = new int[n + 1];
        int[] needCodes = new int[3 * n];
        int[] offerStart = new int[n + 1];
        int[] offerCodes = new int[3 * n];
        int[] region = new int[n];
        MatchInput.Builder input = MatchInput.builder(n);
        int[] picked = new int[3];
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < n; i++) {
            long id = 1_000_000L + i;
            int offers = draw(random, cumulative, picked);
            String offerList = join(codes, picked, offers, joined);
            for (int k = 0; k < offers; k++) {
                offerCodes[offerStart[i] + k] = picked[k];
            }
            offerStart[i + 1] = offerStart[i] + offers;
            int needs = draw(random, cumulative, picked);
            String needList = join(codes, picked, needs, joined);
            for (int k = 0; k < needs; k++) {
                needCodes[needStart[i] + k] = picked[k];
            }
            needStart[i + 1] = needStart[i] + needs;
            String regionCode = region(random);
            region[i] = regionCode == null ? -1 : regionCode.hashCode() & 0xff;
            double band = random.nextDouble();
            BigDecimal revenue = band < 0.60 ? BigDecimal.valueOf(100_000 + random.nextInt(1_900_000))
                    : band < 0.85 ? BigDecimal.valueOf(2_000_000 + random.nextInt(8_000_000))
                    : band < 0.95 ? BigDecimal.valueOf(10_000_000 + random.nextInt(40_000_000))
                    : band < 0.98 ? BigDecimal.valueOf(50_000_000L + random.nextInt(900_000_000)) : null;
            double year = random.nextDouble();
            input.customer(id).offers(offerList).needs(needList).region(regionCode).annualRevenue(revenue)
                    .relationship(random.nextDouble() < 0.5, random.nextDouble() < 0.08)
                    .openToIntroductions(random.nextDouble() < 0.85).problemPending(random.nextDouble() < 0.05)
                    .introductions(random.nextDouble() < 0.03 ? 1 : 0,
                            year < 0.80 ? 0 : year < 0.90 ? 1 : year < 0.95 ? 2 : year < 0.98 ? 3 : 4)
                    .add();
        }
        List<PastIntroduction> history = new ArrayList<>(n / 20);
        IntroductionStage[] stages = IntroductionStage.values();
        for (int k = 0; k < n / 20; k++) {
            long a = 1_000_000L + random.nextInt(n);
            long b = 1_000_000L + random.nextInt(n);
            history.add(new PastIntroduction(a, b, stages[random.nextInt(stages.length)],
                    now.minus(random.nextInt(730), ChronoUnit.DAYS)));
        }
        // the posting lists of the physical limit: code -> customers offering it, plain
        int[] postingStart = new int[CODES + 1];
        for (int k = 0; k < offerStart[n]; k++) {
            postingStart[offerCodes[k] + 1]++;
        }
        for (int c = 0; c < CODES; c++) {
            postingStart[c + 1] += postingStart[c];
        }
        int[] postings = new int[offerStart[n]];
        long[] postingCodes = new long[offerStart[n]];
        int[] fill = postingStart.clone();
        for (int i = 0; i < n; i++) {
            for (int k = offerStart[i]; k < offerStart[i + 1]; k++) {
                postingCodes[fill[offerCodes[k]]] = (long) offerCodes[offerStart[i]] << 16 | region[i] & 0xffff;
                postings[fill[offerCodes[k]]++] = i;
            }
        }
        return new Generated(input.build(), history, needStart, Arrays.copyOf(needCodes, needStart[n]), postingStart,
                postings, postingCodes);
    }

    /** Each customer's needs and up to {@code bound} postings of each, from a place of its own, read and added up. */
    static long physicalLimit(Generated data, int bound) {
        long touched = 0;
        int n = data.needStart.length - 1;
        for (int i = 0; i < n; i++) {
            for (int k = data.needStart[i]; k < data.needStart[i + 1]; k++) {
                int code = data.needCodes[k];
                int from = data.postingStart[code];
                int length = data.postingStart[code + 1] - from;
                int take = Math.min(bound, length);
                int offset = length == 0 ? 0 : Math.floorMod(i * 0x9E3779B1, length);
                for (int t = 0; t < take; t++) {
                    int p = from + (offset + t < length ? offset + t : offset + t - length);
                    touched += data.postings[p] + data.postingCodes[p];
                }
            }
        }
        return touched;
    }

    /** 1 to 3 distinct codes, Zipf-weighted, into {@code picked}; returns how many. */
    static int draw(SplittableRandom random, double[] cumulative, int[] picked) {
        int count = 1 + random.nextInt(3);
        int got = 0;
        while (got < count) {
            double x = random.nextDouble() * cumulative[cumulative.length - 1];
            int k = Arrays.binarySearch(cumulative, x);
            int code = k >= 0 ? k : -k - 1;
            boolean seen = false;
            for (int j = 0; j < got; j++) {
                seen |= picked[j] == code;
            }
            if (!seen) {
                picked[got++] = code;
            }
        }
        return count;
    }

    static String join(String[] codes, int[] picked, int count, StringBuilder joined) {
        joined.setLength(0);
        for (int k = 0; k < count; k++) {
            joined.append(k == 0 ? "" : ";").append(codes[picked[k]]);
        }
        return joined.toString();
    }

    static String region(SplittableRandom random) {
        double x = random.nextDouble();
        for (int c = 0; c < COUNTRY_SHARE.length; c++) {
            if (x < COUNTRY_SHARE[c]) {
                String[] country = COUNTRIES[c];
                return country[0] + "-" + country[1 + random.nextInt(country.length - 1)];
            }
            x -= COUNTRY_SHARE[c];
        }
        return null;
    }

    /** The heap as this JVM sees it: MemoryMXBean every 20 ms, and the heap pools' peaks. */
    private static final class HeapWatch {
        private volatile long maxUsed;
        private volatile boolean running = true;
        private final Thread sampler;

        HeapWatch() {
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                pool.resetPeakUsage();
            }
            sampler = new Thread(() -> {
                while (running) {
                    maxUsed = Math.max(maxUsed, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-watch");
            sampler.setDaemon(true);
            sampler.start();
        }

        void stop() throws InterruptedException {
            running = false;
            sampler.join();
        }

        long maxUsed() {
            return maxUsed;
        }

        /** The sum of the heap pools' peaks: an upper bound of the heap used at any one time. */
        long poolPeaks() {
            long sum = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    sum += pool.getPeakUsage().getUsed();
                }
            }
            return sum;
        }
    }
}
