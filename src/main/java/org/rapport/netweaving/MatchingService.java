package org.rapport.netweaving;

import org.rapport.planning.MatchRules;
import org.rapport.planning.RuleService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.rapport.categories.Category;
import org.rapport.categories.CategoryService;
import org.rapport.categories.Taxonomy;
import org.rapport.outbox.Response;
import org.rapport.platform.database.RolledBack;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A matching run: streams every customer straight into a {@link MatchInput} (one pass over the customer table, after
 * two set-based reads of ratings and introduction counts; no object kept per customer), reads the history, runs the
 * matcher with the stored rules, then stores the proposals in chunks ({@code rapport.introductions.match-chunk}, 1,000
 * by default: {@link IntroductionSettings#matchChunk()}), each chunk with its events
 * and the run's count in a transaction of its own ({@link MatchRuns}). The run holds the one {@code match_lock} row in
 * its own transaction from start to end: one run at a time across every instance.
 * <p>
 * A run that fails part way (or whose instance stops) keeps the chunks it stored: they are whole, valid proposals
 * (each with its event; the caps hold for any part of the run's proposals), and {@code match_run} says FAILED with
 * the number stored. The next run sees them as open introductions, so it never proposes those pairs again.
 */
@ApplicationScoped
public class MatchingService {

    private static final Logger LOG = Logger.getLogger(MatchingService.class.getName());

    /**
     * "Recent" for the relationship: a two-way touch (a call reached, a visit, a reply) within this makes it strong, a
     * low rating within it ({@link Response#LOW_RATING} or less) makes it not. 90 days is the longest courtesy cadence
     * of the default rules (STANDARD), so a customer called on time always counts as recently touched.
     */
    static final Period RELATIONSHIP_WINDOW = Period.ofDays(90);

    /** The caps count introductions per customer "per year": proposed within this. */
    static final Period CAP_YEAR = Period.ofMonths(12);

    /** Proposals our own side declined or withdrew never reached the customer, so they do not count against the year's cap. */
    static final Set<IntroductionStage> NOT_COUNTED = EnumSet.of(IntroductionStage.DECLINED, IntroductionStage.WITHDRAWN);

    @Inject
    MatchingMapper mapper;

    @Inject
    MatchRuns runs;

    @Inject
    RuleService rules;

    @Inject
    CategoryService categories;

    @Inject
    IntroductionSettings settings;

    @Inject
    Clock clock;

    /**
     * @param startedBy the login that asked, or {@link IntroductionEvent#RAPPORT} for the weekly job
     * @throws MatchRunBusy when another run is under way
     */
    @Transactional
    public MatchRun run(String startedBy) {
        return runIfIdle(startedBy).orElseThrow(MatchRunBusy::new);
    }

    /**
     * A run, or empty (nothing done) when another one is under way. This transaction only holds the lock and reads;
     * what the run writes commits as it goes, through {@link MatchRuns}.
     */
    @Transactional
    public Optional<MatchRun> runIfIdle(String startedBy) {
        if (mapper.lockRun().isEmpty()) {
            return Optional.empty();
        }
        long runId = runs.start(startedBy);
        int stored = 0;
        int proposals = -1;
        try {
            long t0 = System.nanoTime();
            Instant now = clock.instant();
            MatchRules matchRules = rules.matchRules();
            MatchInput input = customers(now);
            List<PastIntroduction> history = history(now, matchRules);
            long t1 = System.nanoTime();
            MatchResult result = new Matcher(matchRules).match(input, history, now, names(), this::companies);
            input = null; // the matcher is done with it: let the store phase have the heap
            history = null;
            proposals = result.proposals().size();
            runs.matched(runId, result.customers(), result.candidatePairs());
            long t2 = System.nanoTime();
            List<Match> all = result.proposals();
            int chunkSize = settings.matchChunk();
            for (int from = 0; from < all.size(); from += chunkSize) {
                List<Match> chunk = all.subList(from, Math.min(all.size(), from + chunkSize));
                store(runId, chunk);
                stored += chunk.size();
            }
            stillLocked(runId);
            runs.finish(runId);
            long t3 = System.nanoTime();
            LOG.info(String.format("Matching run %d by %s: %d customers, %d candidate pairs, %d proposed; read %.2f s,"
                            + " match %.2f s, store %.2f s (%d chunks)", runId, startedBy, result.customers(),
                    result.candidatePairs(), proposals, (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9,
                    (proposals + chunkSize - 1) / chunkSize));
            return Optional.of(new MatchRun(runId, result.customers(), result.candidatePairs(), proposals,
                    byName(result.customersLeftOut()), byName(result.pairsLeftOut())));
        } catch (RuntimeException | Error e) {
            LOG.log(Level.SEVERE, "Matching run " + runId + " by " + startedBy + " failed after storing " + stored
                    + (proposals < 0 ? " proposals (before matching ended)" : " of " + proposals + " proposals")
                    + "; the stored ones stay as PROPOSED", e);
            try {
                runs.fail(runId, e);
            } catch (RuntimeException recordFailed) {
                // left RUNNING (or already FAILED by the run that took the lock): the next run marks it FAILED
                e.addSuppressed(recordFailed);
            }
            throw e;
        }
    }

    /**
     * One chunk, after making sure the run still holds its lock. A chunk the database rolled back (a deadlock victim, a
     * lock wait timed out: its FK checks lock up to twice its size in customer rows, which an import may hold) wrote nothing,
     * so it is stored again, up to {@link #ATTEMPTS} times; {@code proposeAll} finds the run's last stored id anew.
     */
    private void store(long runId, List<Match> chunk) {
        for (int attempt = 1; ; attempt++) {
            stillLocked(runId);
            try {
                runs.store(runId, chunk);
                return;
            } catch (RuntimeException e) {
                if (!storeAgain(e, attempt)) {
                    throw e;
                }
                LOG.log(Level.WARNING, e, () -> "Matching run " + runId + ": a chunk of " + chunk.size()
                        + " proposals was rolled back by the database; storing it again");
            }
        }
    }

    /** Attempts at one chunk. */
    static final int ATTEMPTS = 3;

    /** Whether a chunk that failed with {@code failure} at attempt {@code attempt} is stored again. */
    static boolean storeAgain(RuntimeException failure, int attempt) {
        return attempt < ATTEMPTS && RolledBack.byDatabase(failure);
    }

    /**
     * Asks for the run's lock again in the run's own transaction: it answers at once while the lock is held, and throws
     * when the connection that held it is gone (then another instance may run and mark this run FAILED).
     */
    private void stillLocked(long runId) {
        if (mapper.lockRun().isEmpty()) {
            throw new MatchRunLost(runId, "its lock on match_lock is held by another transaction");
        }
    }

    /**
     * Every customer that offers or needs something, straight from the streamed rows into the compact input: the low
     * ratings and introduction counts are read first (set-based, a few per cent of the customers), so that each row is
     * complete as it arrives.
     */
    private MatchInput customers(Instant now) {
        Instant recent = minus(now, RELATIONSHIP_WINDOW);
        LongSet lowRated = new LongSet(1024);
        mapper.lowRated(recent, Response.LOW_RATING, context -> lowRated.add(context.getResultObject()));
        IntroductionCounts counts = new IntroductionCounts(mapper.introductionCounts(open(), NOT_COUNTED, minus(now, CAP_YEAR)));
        MatchInput.Builder input = MatchInput.builder(1024);
        mapper.customers(recent, context -> {
            MatchingMapper.CustomerRow row = context.getResultObject();
            int k = counts.indexOf(row.id);
            input.customer(row.id).offers(row.offers).needs(row.needs).region(row.region).annualRevenue(row.annualRevenue)
                    .relationship(row.recentTwoWayTouch, lowRated.contains(row.id))
                    .openToIntroductions(MatchCustomer.openToIntroductions(row.consent()))
                    .problemPending(row.problemPending)
                    .introductions(k < 0 ? 0 : counts.open[k], k < 0 ? 0 : counts.lastYear[k]).add();
        });
        return input.build();
    }

    /** The company names of the proposed customers (ids distinct, ascending): one streamed range of the customer table. */
    private String[] companies(long[] ids) {
        String[] names = new String[ids.length];
        if (ids.length == 0) {
            return names;
        }
        int[] next = {0};
        mapper.companies(ids[0], ids[ids.length - 1], context -> {
            MatchingMapper.CompanyRow row = context.getResultObject();
            while (next[0] < ids.length && ids[next[0]] < row.id) {
                next[0]++;
            }
            if (next[0] < ids.length && ids[next[0]] == row.id) {
                names[next[0]++] = row.company;
            }
        });
        return names;
    }

    /** The introduction counts as arrays sorted by customer id (the statement orders them so). */
    private static final class IntroductionCounts {
        final long[] ids;
        final int[] open;
        final int[] lastYear;

        IntroductionCounts(List<MatchingMapper.IntroductionCount> counts) {
            ids = new long[counts.size()];
            open = new int[counts.size()];
            lastYear = new int[counts.size()];
            for (int k = 0; k < counts.size(); k++) {
                MatchingMapper.IntroductionCount count = counts.get(k);
                if (k > 0 && count.customerId <= ids[k - 1]) {
                    throw new IllegalStateException("introduction counts out of customer id order at " + count.customerId);
                }
                ids[k] = count.customerId;
                open[k] = count.openCount;
                lastYear[k] = count.lastYearCount;
            }
        }

        int indexOf(long customerId) {
            int k = java.util.Arrays.binarySearch(ids, customerId);
            return k < 0 ? -1 : k;
        }
    }

    private List<PastIntroduction> history(Instant now, MatchRules matchRules) {
        return mapper.history(open(), IntroductionStage.ENDS_A_PAIRING, minus(now, matchRules.recentPairWindow()));
    }

    private java.util.function.Function<String, String> names() {
        Taxonomy taxonomy = categories.taxonomy();
        return code -> taxonomy.find(code).map(Category::name).orElse(code);
    }

    private static Set<IntroductionStage> open() {
        Set<IntroductionStage> open = EnumSet.noneOf(IntroductionStage.class);
        for (IntroductionStage stage : IntroductionStage.values()) {
            if (stage.isOpen()) {
                open.add(stage);
            }
        }
        return open;
    }

    private static Instant minus(Instant now, Period period) {
        return now.atOffset(ZoneOffset.UTC).minus(period).toInstant();
    }

    private static <N> Map<String, N> byName(Map<Matcher.LeftOut, N> counts) {
        Map<String, N> named = new TreeMap<>();
        counts.forEach((reason, n) -> named.put(reason.name(), n));
        return named;
    }
}
