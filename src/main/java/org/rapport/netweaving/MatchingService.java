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

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Logger;

/**
 * A matching run: reads every customer as the {@link Matcher} needs it (one streamed pass over the customer table and
 * three set-based reads of ratings and introductions), runs the matcher with the stored rules, stores each proposal
 * through {@link IntroductionService#propose} and records the run in {@code match_run}, all in one transaction that
 * holds the one {@code match_lock} row: one run at a time across every instance.
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
    IntroductionMapper introductionMapper;

    @Inject
    IntroductionService introductions;

    @Inject
    RuleService rules;

    @Inject
    CategoryService categories;

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

    /** A run, or empty (nothing done) when another one is under way. */
    @Transactional
    public Optional<MatchRun> runIfIdle(String startedBy) {
        if (mapper.lockRun().isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        IntroductionMapper.MatchRunRow run = new IntroductionMapper.MatchRunRow(now, startedBy);
        introductionMapper.insertRun(run);

        MatchRules matchRules = rules.matchRules();
        MatchResult result = new Matcher(matchRules).match(customers(now), history(now, matchRules), now, names());
        for (Match match : result.proposals()) {
            introductions.propose(match, run.id);
        }
        introductionMapper.finishRun(run.id, clock.instant(), result.customers(), result.candidatePairs(),
                result.proposals().size());
        LOG.info(() -> "Matching run " + run.id + " by " + startedBy + ": " + result.customers() + " customers, "
                + result.candidatePairs() + " candidate pairs, " + result.proposals().size() + " proposed");
        return Optional.of(new MatchRun(run.id, result.customers(), result.candidatePairs(), result.proposals().size(),
                byName(result.customersLeftOut()), byName(result.pairsLeftOut())));
    }

    private List<MatchCustomer> customers(Instant now) {
        Instant recent = minus(now, RELATIONSHIP_WINDOW);
        Set<Long> lowRated = new HashSet<>(mapper.lowRated(recent, Response.LOW_RATING));
        Map<Long, MatchingMapper.IntroductionCount> counts = new HashMap<>();
        for (MatchingMapper.IntroductionCount count : mapper.introductionCounts(open(), NOT_COUNTED, minus(now, CAP_YEAR))) {
            counts.put(count.customerId, count);
        }
        List<MatchCustomer> customers = new ArrayList<>();
        mapper.customers(recent, context -> {
            MatchingMapper.CustomerRow row = context.getResultObject();
            MatchingMapper.IntroductionCount count = counts.get(row.id);
            customers.add(new MatchCustomer(row.id, row.company, codes(row.offers), codes(row.needs), row.region,
                    row.annualRevenue, row.recentTwoWayTouch, lowRated.contains(row.id), row.problemPending,
                    MatchCustomer.openToIntroductions(row.consent()), count == null ? 0 : count.openCount,
                    count == null ? 0 : count.lastYearCount));
        });
        return customers;
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

    private static Set<String> codes(String joined) {
        return joined == null || joined.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(joined.split(";")));
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
