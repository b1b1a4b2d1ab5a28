package org.rapport.netweaving;

import org.rapport.planning.MatchRules;
import org.junit.jupiter.api.Test;
import org.rapport.customers.Consent;
import org.rapport.netweaving.Matcher.LeftOut;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The matcher's rules with hand-built customers; "LOG" is logistics, "PRT" printing, "WH" warehousing. */
class MatcherTest {

    private static final Instant NOW = Instant.parse("2026-11-24T09:00:00Z");
    private static final Map<String, String> NAMES = Map.of("LOG", "logistics", "PRT", "printing", "WH", "warehousing",
            "DSN", "design", "LAW", "legal advice");
    private static final Function<String, String> NAME = NAMES::get;

    private final Matcher matcher = new Matcher(MatchRules.DEFAULTS);

    /** A customer open to introductions, with no problem, no introductions yet, no revenue known and no recent touch. */
    private record C(long id, String company, Set<String> offers, Set<String> needs, String region, BigDecimal revenue,
                     boolean recentTwoWay, boolean lowRating, boolean problem, boolean open, int openIntros, int lastYear) {

        static C of(long id, String company, String offers, String needs, String region) {
            return new C(id, company, codes(offers), codes(needs), region, null, false, false, false, true, 0, 0);
        }

        private static Set<String> codes(String list) {
            return list.isEmpty() ? Set.of() : Set.of(list.split(","));
        }

        C revenue(String value) {
            return new C(id, company, offers, needs, region, new BigDecimal(value), recentTwoWay, lowRating, problem, open, openIntros, lastYear);
        }

        C relationship(boolean twoWay, boolean low) {
            return new C(id, company, offers, needs, region, revenue, twoWay, low, problem, open, openIntros, lastYear);
        }

        C problemPending() {
            return new C(id, company, offers, needs, region, revenue, recentTwoWay, lowRating, true, open, openIntros, lastYear);
        }

        C notOpen() {
            return new C(id, company, offers, needs, region, revenue, recentTwoWay, lowRating, problem, false, openIntros, lastYear);
        }

        C introductions(int open, int inLastYear) {
            return new C(id, company, offers, needs, region, revenue, recentTwoWay, lowRating, problem, this.open, open, inLastYear);
        }

        MatchCustomer build() {
            return new MatchCustomer(id, company, offers, needs, region, revenue, recentTwoWay, lowRating, problem, open,
                    openIntros, lastYear);
        }
    }

    private MatchResult match(Matcher m, List<PastIntroduction> history, C... customers) {
        return m.match(java.util.Arrays.stream(customers).map(C::build).toList(), history, NOW, NAME);
    }

    private MatchResult match(C... customers) {
        return match(matcher, List.of(), customers);
    }

    private static Matcher withCaps(int open, int perYear, int suggestions) {
        return new Matcher(new MatchRules(open, perYear, suggestions, 0.5, Period.ofMonths(12)));
    }

    @Test
    void aNeedMetByAnotherCustomersOfferIsProposedWithAOneLineExplanation() {
        MatchResult result = match(C.of(1, "Acme", "PRT", "LOG", "DE-BE"), C.of(2, "Müller", "LOG", "", "DE-BE"));
        assertThat(result.proposals()).singleElement().satisfies(m -> {
            assertThat(m.first()).as("the customer who needs it is asked first").isEqualTo(1);
            assertThat(m.second()).isEqualTo(2);
            assertThat(m.firstNeeds()).containsExactly("LOG");
            assertThat(m.mutual()).isFalse();
            assertThat(m.explanation()).isEqualTo("Acme needs logistics; Müller offers logistics; both in DE-BE");
        });
        assertThat(result.candidatePairs()).isEqualTo(1);
    }

    @Test
    void theExplanationNamesEveryCodeMetBothWaysTheCountryTheSizeAndTheRelationship() {
        MatchResult result = match(
                C.of(1, "Acme", "PRT", "LOG,WH,XYZ", "DE-BE").revenue("3000000").relationship(true, false),
                C.of(2, "Müller", "LOG,WH,XYZ", "PRT", "DE-BY").revenue("12000000").relationship(true, false));
        assertThat(result.proposals()).singleElement().satisfies(m -> {
            assertThat(m.first()).as("mutual: the lower id first").isEqualTo(1);
            assertThat(m.mutual()).isTrue();
            assertThat(m.explanation()).isEqualTo("Acme needs XYZ, logistics and warehousing; Müller offers XYZ, logistics "
                    + "and warehousing; Müller needs printing; Acme offers printing; both in DE; of similar size; "
                    + "good relationships with both");
            assertThat(m.score()).isEqualTo(Matcher.NEED_MET + Matcher.MUTUAL + Matcher.SAME_COUNTRY
                    + Matcher.COMPATIBLE_SIZE + Matcher.BOTH_STRONG);
        });
    }

    @Test
    void aMutualFitScoresHigherThanAOneWayFit() {
        C acme = C.of(1, "Acme", "PRT", "LOG", "DE-BE");
        C oneWay = C.of(2, "Bahn", "LOG", "", "DE-BE");
        C mutual = C.of(3, "Cargo", "LOG", "PRT", "DE-BE");
        assertThat(match(acme, oneWay, mutual).proposals()).singleElement()
                .satisfies(m -> assertThat(m.second()).isEqualTo(3));
        List<Match> both = match(withCaps(2, 4, 5), List.of(), acme, oneWay, mutual).proposals();
        assertThat(both).extracting(Match::second).containsExactly(3L, 2L);
        assertThat(both.get(0).score()).isGreaterThan(both.get(1).score());
    }

    @Test
    void theSameRegionThenTheSameCountryScoreHigherThanElsewhere() {
        C acme = C.of(1, "Acme", "", "LOG", "DE-BE");
        List<Match> ranked = match(withCaps(3, 4, 5), List.of(), acme, C.of(2, "Far", "LOG", "", "FR-75"),
                C.of(3, "Near", "LOG", "", "DE-BE"), C.of(4, "Country", "LOG", "", "DE-BY")).proposals();
        assertThat(ranked).extracting(Match::second).containsExactly(3L, 4L, 2L);
    }

    @Test
    void aCompatibleSizeScoresHigherThanAFarLargerOrAnUnknownOne() {
        C acme = C.of(1, "Acme", "", "LOG", "DE-BE").revenue("1500000");
        List<Match> ranked = match(withCaps(3, 4, 5), List.of(), acme,
                C.of(2, "Giant", "LOG", "", "DE-BE").revenue("900000000"),
                C.of(3, "Peer", "LOG", "", "DE-BE").revenue("4000000"),
                C.of(4, "Unknown", "LOG", "", "DE-BE")).proposals();
        assertThat(ranked.get(0).second()).isEqualTo(3);
        assertThat(ranked.get(0).score()).isEqualTo(ranked.get(1).score() + Matcher.COMPATIBLE_SIZE);
    }

    @Test
    void aStrongRelationshipCountsOnlyOnBothSidesAndALowRatingSpoilsIt() {
        C acme = C.of(1, "Acme", "", "LOG", "DE-BE").relationship(true, false);
        List<Match> ranked = match(withCaps(3, 4, 5), List.of(), acme,
                C.of(2, "Rated low", "LOG", "", "DE-BE").relationship(true, true),
                C.of(3, "Silent", "LOG", "", "DE-BE"),
                C.of(4, "Close", "LOG", "", "DE-BE").relationship(true, false)).proposals();
        assertThat(ranked.get(0).second()).isEqualTo(4);
        assertThat(ranked.get(0).score()).isEqualTo(ranked.get(1).score() + Matcher.BOTH_STRONG);
        assertThat(ranked.get(1).score()).isEqualTo(ranked.get(2).score());
    }

    @Test
    void competitorsAreNeverProposedEvenWhenOneNeedsWhatTheOtherOffers() {
        // offers {LOG,WH} and {LOG,WH,PRT}: 2 shared of 3 = 0.67, at least the 0.5 of the rule
        MatchResult result = match(C.of(1, "Acme", "LOG,WH", "PRT", "DE-BE"), C.of(2, "Rival", "LOG,WH,PRT", "", "DE-BE"));
        assertThat(result.proposals()).isEmpty();
        assertThat(result.pairsLeftOut()).containsEntry(LeftOut.COMPETITORS, 1L);
        // {LOG,DSN,LAW} and {PRT,LOG}: 1 shared of 4 = 0.25, not competitors
        assertThat(match(C.of(1, "Acme", "LOG,DSN,LAW", "PRT", "DE-BE"), C.of(2, "Printer", "PRT,LOG", "", "DE-BE"))
                .proposals()).hasSize(1);
    }

    /** More than four codes do not fit the packed profile: the same rules then compare the codes themselves. */
    @Test
    void customersWithManyCodesFollowTheSameRules() {
        // 4 shared of 7 offered: competitors, though one needs what the other offers
        MatchResult rivals = match(C.of(1, "Acme", "A,B,C,D,E", "F", "DE-BE"), C.of(2, "Rival", "A,B,C,D,F,G", "", "DE-BE"));
        assertThat(rivals.proposals()).isEmpty();
        assertThat(rivals.pairsLeftOut()).containsEntry(LeftOut.COMPETITORS, 1L);
        // 1 shared of 8: not competitors; the second needs one of the first's five offers: mutual
        MatchResult mutual = match(C.of(1, "Acme", "A,B,C,D,E", "F", "DE-BE"), C.of(2, "Partner", "A,F,G,H", "X,Y,Z,Q,E", "DE-BE"));
        assertThat(mutual.proposals()).singleElement().satisfies(m -> {
            assertThat(m.mutual()).isTrue();
            assertThat(m.secondNeeds()).containsExactly("E");
            assertThat(m.score()).isEqualTo(Matcher.NEED_MET + Matcher.MUTUAL + Matcher.SAME_REGION);
        });
    }

    @Test
    void nobodyNotOpenToIntroductionsIsProposed() {
        for (boolean needingSide : new boolean[]{true, false}) {
            C acme = C.of(1, "Acme", "", "LOG", "DE-BE");
            C mueller = C.of(2, "Müller", "LOG", "", "DE-BE");
            MatchResult result = needingSide ? match(acme.notOpen(), mueller) : match(acme, mueller.notOpen());
            assertThat(result.proposals()).as("needing side closed: " + needingSide).isEmpty();
            assertThat(result.customersLeftOut()).containsExactly(Map.entry(LeftOut.NOT_OPEN_TO_INTRODUCTIONS, 1));
        }
    }

    @Test
    void openToIntroductionsIsTheConsentRuleForIntroductionEmail() {
        Consent all = new Consent(false, true, true, null, null, Set.of(), null, null, true);
        assertThat(MatchCustomer.openToIntroductions(all)).isTrue();
        assertThat(MatchCustomer.openToIntroductions(new Consent(false, true, true, null, null, Set.of(), null, null, false)))
                .as("intro_ok false").isFalse();
        assertThat(MatchCustomer.openToIntroductions(new Consent(false, true, true, null, null,
                Set.of(Consent.Purpose.INTRODUCTION), null, null, true))).as("introductions purpose stopped").isFalse();
        assertThat(MatchCustomer.openToIntroductions(new Consent(false, true, true, NOW, "page", Set.of(), null, null, true)))
                .as("unsubscribed").isFalse();
        assertThat(MatchCustomer.openToIntroductions(new Consent(true, true, true, null, null, Set.of(), null, null, true)))
                .as("do-not-contact").isFalse();
        assertThat(MatchCustomer.openToIntroductions(new Consent(false, true, true, null, null, Set.of(), null, NOW, true)))
                .as("bouncing").isFalse();
    }

    @Test
    void nobodyWithAnOpenProblemOrAFollowUpDueIsProposed() {
        for (boolean needingSide : new boolean[]{true, false}) {
            C acme = C.of(1, "Acme", "", "LOG", "DE-BE");
            C mueller = C.of(2, "Müller", "LOG", "", "DE-BE");
            MatchResult result = needingSide ? match(acme.problemPending(), mueller) : match(acme, mueller.problemPending());
            assertThat(result.proposals()).as("needing side: " + needingSide).isEmpty();
            assertThat(result.customersLeftOut()).containsExactly(Map.entry(LeftOut.PROBLEM_PENDING, 1));
        }
    }

    @Test
    void aPairUnderWayOrIntroducedDeclinedOrExpiredInTheLast12MonthsIsNotProposedAgain() {
        C acme = C.of(1, "Acme", "", "LOG", "DE-BE");
        C mueller = C.of(2, "Müller", "LOG", "", "DE-BE");
        for (IntroductionStage stage : IntroductionStage.values()) {
            Instant elevenMonthsAgo = NOW.atOffset(java.time.ZoneOffset.UTC).minusMonths(11).toInstant();
            MatchResult result = match(matcher, List.of(new PastIntroduction(2, 1, stage, elevenMonthsAgo)), acme, mueller);
            if (IntroductionStage.ENDS_A_PAIRING.contains(stage) || stage.isOpen()) {
                assertThat(result.proposals()).as(stage.name()).isEmpty();
                assertThat(result.pairsLeftOut()).as(stage.name()).containsEntry(LeftOut.RECENT_PAIR, 1L);
            } else {
                assertThat(result.proposals()).as(stage + ": withdrawn, the pair may be proposed again").hasSize(1);
            }
        }
        Instant thirteenMonthsAgo = NOW.atOffset(java.time.ZoneOffset.UTC).minusMonths(13).toInstant();
        assertThat(match(matcher, List.of(new PastIntroduction(1, 2, IntroductionStage.DECLINED, thirteenMonthsAgo)), acme, mueller)
                .proposals()).as("a decline 13 months ago is over").hasSize(1);
        assertThat(match(matcher, List.of(new PastIntroduction(1, 3, IntroductionStage.DECLINED, NOW.minus(1, ChronoUnit.DAYS))),
                acme, mueller).proposals()).as("another pair's decline").hasSize(1);
        Instant twoYearsAgo = NOW.atOffset(java.time.ZoneOffset.UTC).minusYears(2).toInstant();
        assertThat(match(matcher, List.of(new PastIntroduction(1, 2, IntroductionStage.PROPOSED, twoYearsAgo)), acme, mueller)
                .proposals()).as("the pair's introduction still under way, however old").isEmpty();
    }

    @Test
    void aCustomerWithAnOpenIntroductionOrFourThisYearIsNotProposed() {
        C mueller = C.of(2, "Müller", "LOG", "", "DE-BE");
        MatchResult open = match(C.of(1, "Acme", "", "LOG", "DE-BE").introductions(1, 1), mueller);
        assertThat(open.proposals()).isEmpty();
        assertThat(open.customersLeftOut()).containsExactly(Map.entry(LeftOut.OPEN_INTRODUCTION_CAP, 1));
        MatchResult year = match(C.of(1, "Acme", "", "LOG", "DE-BE").introductions(0, 4), mueller);
        assertThat(year.proposals()).isEmpty();
        assertThat(year.customersLeftOut()).containsExactly(Map.entry(LeftOut.YEARLY_CAP, 1));
        assertThat(match(C.of(1, "Acme", "", "LOG", "DE-BE").introductions(0, 3), mueller).proposals())
                .as("the fourth of the year").hasSize(1);
    }

    @Test
    void oneRunProposesNoMoreThanTheCapsLeaveAndFallsBackToTheNextBestProvider() {
        C acme = C.of(1, "Acme", "", "LOG", "DE-BE");
        C bahn = C.of(2, "Bahn", "", "LOG", "DE-BY");
        C near = C.of(3, "Near", "LOG", "", "DE-BE");
        C far = C.of(4, "Far", "LOG", "", "FR-75");
        // Near is everyone's best; at one open introduction each, Acme gets Near and Bahn the next best, Far
        List<Match> proposals = match(acme, bahn, near, far).proposals();
        assertThat(proposals).extracting(m -> m.first() + "-" + m.second()).containsExactly("1-3", "2-4");

        // two open allowed, but Acme has 3 of 4 this year: room for one more only
        List<Match> capped = match(withCaps(2, 4, 5), List.of(), acme.introductions(0, 3), near, far).proposals();
        assertThat(capped).extracting(Match::first).containsExactly(1L);
    }

    @Test
    void eachCustomerConsidersOnlyItsBestProviders() {
        C acme = C.of(1, "Acme", "", "LOG", "DE-BE");
        List<Match> top1 = match(withCaps(5, 10, 1), List.of(), acme, C.of(2, "A", "LOG", "", "FR-75"),
                C.of(3, "B", "LOG", "", "DE-BE"), C.of(4, "C", "LOG", "", "DE-BY")).proposals();
        assertThat(top1).extracting(Match::second).containsExactly(3L);
    }

    @Test
    void aCategoryWithoutANameIsShownByItsCode() {
        MatchResult result = match(C.of(1, "Acme", "", "NEW", ""), C.of(2, "Müller", "NEW", "", "AT"));
        assertThat(result.proposals()).singleElement()
                .satisfies(m -> assertThat(m.explanation()).isEqualTo("Acme needs NEW; Müller offers NEW"));
    }

    /**
     * A few thousand customers over 200 categories: the index yields exactly the pairs where one needs what the other
     * offers, counted once per direction, a small share of N² (every posting list here is shorter than the bound, so
     * each is examined whole).
     */
    @Test
    void theMatcherExaminesOnlyThePairsTheIndexYieldsFarFewerThanAllPairs() {
        Random random = new Random(10);
        int n = 3_000;
        List<MatchCustomer> customers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            customers.add(new MatchCustomer(i, "Company " + i, randomCodes(random), randomCodes(random),
                    "DE-" + (char) ('A' + random.nextInt(16)), BigDecimal.valueOf(random.nextInt(100_000_000)),
                    random.nextBoolean(), random.nextInt(10) == 0, false, true, 0, 0));
        }
        MatchResult result = matcher.match(customers, List.of(), NOW, code -> "category " + code);

        // the oracle compares all pairs, as bit sets of the 200 codes, so it stays fast
        long[][] needs = new long[n][];
        long[][] offers = new long[n][];
        for (int i = 0; i < n; i++) {
            needs[i] = bits(customers.get(i).needs());
            offers[i] = bits(customers.get(i).offers());
        }
        long expected = 0;
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                if (a != b && shares(needs[a], offers[b])) {
                    expected++;
                }
            }
        }
        assertThat(result.customers()).isEqualTo(n);
        assertThat(result.candidatePairs()).isEqualTo(expected);
        assertThat(result.candidatePairs()).isLessThan((long) n * n / 20);

        Set<Long> introduced = new HashSet<>();
        Map<Long, MatchCustomer> byId = new HashMap<>();
        customers.forEach(c -> byId.put(c.id(), c));
        assertThat(result.proposals()).isNotEmpty().allSatisfy(m -> {
            assertThat(introduced.add(m.first())).as("one open introduction for " + m.first()).isTrue();
            assertThat(introduced.add(m.second())).as("one open introduction for " + m.second()).isTrue();
            assertThat(byId.get(m.second()).offers()).containsAll(m.firstNeeds());
            assertThat(byId.get(m.first()).needs()).containsAll(m.firstNeeds());
        });
    }

    /**
     * A code offered by hundreds: the one customer who needs it examines only the bound, and the providers that score
     * best for it (same region, strong relationships, compatible size) are among those it examines.
     */
    @Test
    void aCustomerExaminesAtMostTheBoundOfProvidersPerNeedAndTheBestOnesAreAmongThem() {
        Matcher bounded = new Matcher(new MatchRules(3, 4, 5, 0.5, Period.ofMonths(12)), 8);
        List<C> customers = new ArrayList<>();
        customers.add(C.of(1, "Acme", "PRT", "LOG", "DE-BE").revenue("3000000").relationship(true, false));
        for (int i = 0; i < 300; i++) {
            String region = List.of("FR-75", "DE-BY", "DE-BE", "AT").get(i % 4);
            String revenue = i % 3 == 0 ? "900000000" : "3000000";
            customers.add(C.of(100 + i, "Provider " + i, "LOG", "", region).revenue(revenue).relationship(i % 5 == 0, i % 2 == 0));
        }
        for (long best = 10; best <= 12; best++) {
            customers.add(C.of(best, "Best " + best, "LOG", "", "DE-BE").revenue("4000000").relationship(true, false));
        }
        MatchResult result = match(bounded, List.of(), customers.toArray(C[]::new));

        assertThat(result.candidatePairs()).as("one customer needs LOG; 303 offer it").isEqualTo(8);
        assertThat(result.proposals()).extracting(Match::second).containsExactly(10L, 11L, 12L);
        assertThat(result.proposals()).allSatisfy(m -> assertThat(m.score())
                .isEqualTo(Matcher.NEED_MET + Matcher.SAME_REGION + Matcher.COMPATIBLE_SIZE + Matcher.BOTH_STRONG));
    }

    /** Beyond its own region the bound goes to its own country before anywhere else; without a region, to anyone. */
    @Test
    void theBoundTakesTheRegionThenTheCountryThenElsewhere() {
        Matcher bounded = new Matcher(new MatchRules(5, 10, 5, 0.5, Period.ofMonths(12)), 4);
        List<C> customers = new ArrayList<>();
        customers.add(C.of(1, "Acme", "PRT", "LOG", "DE-BE"));
        customers.add(C.of(10, "Berlin 1", "LOG", "", "DE-BE"));
        customers.add(C.of(11, "Berlin 2", "LOG", "", "DE-BE"));
        for (int i = 0; i < 3; i++) {
            customers.add(C.of(20 + i, "Bavaria " + i, "LOG", "", "DE-BY"));
        }
        for (int i = 0; i < 10; i++) {
            customers.add(C.of(30 + i, "Paris " + i, "LOG", "", "FR-75"));
        }
        List<Match> proposals = match(bounded, List.of(), customers.toArray(C[]::new)).proposals();
        assertThat(proposals).extracting(Match::second).hasSize(4).contains(10L, 11L)
                .allSatisfy(second -> assertThat(second).isLessThan(30L));

        customers.set(0, C.of(1, "Acme", "PRT", "LOG", null));
        MatchResult nowhere = match(bounded, List.of(), customers.toArray(C[]::new));
        assertThat(nowhere.candidatePairs()).isEqualTo(4);
        assertThat(nowhere.proposals()).hasSize(4);
    }

    /**
     * A hundred customers need what five hundred equal providers offer: each examines exactly the bound, and they do not
     * all examine the same few providers (which, at one open introduction each, would leave most of them without one).
     */
    @Test
    void theBoundSpreadsCustomersWithTheSameNeedOverTheProviders() {
        Matcher bounded = new Matcher(MatchRules.DEFAULTS, 8);
        List<C> customers = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            customers.add(C.of(i, "Needs " + i, "PRT", "LOG", "DE-BE"));
        }
        for (int i = 0; i < 500; i++) {
            customers.add(C.of(1_000 + i, "Offers " + i, "LOG", "", "DE-BE"));
        }
        MatchResult result = match(bounded, List.of(), customers.toArray(C[]::new));

        assertThat(result.candidatePairs()).isEqualTo(100 * 8);
        assertThat(result.proposals()).hasSizeGreaterThanOrEqualTo(80);
    }

    /**
     * Customers over 200 codes of which a few are common (as real taxonomies are): ten times the customers examine far
     * fewer than the hundred times the pairs that comparing along whole posting lists (or all pairs) would: about 15
     * times here, where rare codes' lists still grow towards the bound, 10 times once every list is longer.
     */
    @Test
    void candidatePairsGrowAboutLinearlyWithTheCustomers() {
        long small = matcher.match(skewedCustomers(2_000), List.of(), NOW, code -> code).candidatePairs();
        long large = matcher.match(skewedCustomers(20_000), List.of(), NOW, code -> code).candidatePairs();

        assertThat(large).as("10x the customers").isLessThan(20 * small);
        assertThat(large).as("at most the bound per need (3 needs at most)")
                .isLessThanOrEqualTo(20_000L * 3 * Matcher.CANDIDATES_PER_NEED);
    }

    /** 1 to 3 offers and needs each; code Ck drawn with weight 1/(k+1), so C0 is about 35 times as common as C199. */
    private static List<MatchCustomer> skewedCustomers(int n) {
        Random random = new Random(n);
        double[] cumulative = new double[200];
        double sum = 0;
        for (int k = 0; k < 200; k++) {
            sum += 1.0 / (k + 1);
            cumulative[k] = sum;
        }
        List<MatchCustomer> customers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            customers.add(new MatchCustomer(i, "Company " + i, skewedCodes(random, cumulative), skewedCodes(random, cumulative),
                    "DE-" + (char) ('A' + random.nextInt(16)), BigDecimal.valueOf(random.nextInt(100_000_000)),
                    random.nextBoolean(), random.nextInt(10) == 0, false, true, 0, 0));
        }
        return customers;
    }

    private static Set<String> skewedCodes(Random random, double[] cumulative) {
        Set<String> codes = new LinkedHashSet<>();
        int count = 1 + random.nextInt(3);
        while (codes.size() < count) {
            double x = random.nextDouble() * cumulative[cumulative.length - 1];
            int k = java.util.Arrays.binarySearch(cumulative, x);
            codes.add("C" + (k >= 0 ? k : -k - 1));
        }
        return codes;
    }

    /** Codes "C0" to "C199" as bits. */
    private static long[] bits(Set<String> codes) {
        long[] bits = new long[4];
        for (String code : codes) {
            int k = Integer.parseInt(code.substring(1));
            bits[k / 64] |= 1L << (k % 64);
        }
        return bits;
    }

    private static boolean shares(long[] needs, long[] offers) {
        for (int w = 0; w < needs.length; w++) {
            if ((needs[w] & offers[w]) != 0) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> randomCodes(Random random) {
        Set<String> codes = new LinkedHashSet<>();
        int count = 1 + random.nextInt(3);
        while (codes.size() < count) {
            codes.add("C" + random.nextInt(200));
        }
        return codes;
    }

    @Test
    void rulesThatCannotWorkAreRefusedNamingTheField() {
        assertThat(MatchRules.DEFAULTS.problems()).isEmpty();
        assertThatThrownBy(() -> new Matcher(new MatchRules(0, 4, 5, 0.5, Period.ofMonths(12))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("introductions.open_per_customer");
        assertThatThrownBy(() -> new Matcher(new MatchRules(2, 1, 5, 0.5, Period.ofMonths(12))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("introductions.per_customer_per_year");
        assertThatThrownBy(() -> new Matcher(new MatchRules(1, 4, 5, 0, Period.ofMonths(12))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("introductions.competitor_overlap");
        assertThatThrownBy(() -> new Matcher(MatchRules.DEFAULTS, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("introductions.candidates_per_need");
    }

    @Test
    void sizeBandsFollowTheEuThresholdsAndNeighboursAreCompatible() {
        assertThat(SizeBand.of(null)).isEmpty();
        assertThat(SizeBand.of(new BigDecimal("1999999.99"))).contains(SizeBand.MICRO);
        assertThat(SizeBand.of(new BigDecimal("2000000"))).contains(SizeBand.SMALL);
        assertThat(SizeBand.of(new BigDecimal("10000000"))).contains(SizeBand.MEDIUM);
        assertThat(SizeBand.of(new BigDecimal("50000000"))).contains(SizeBand.LARGE);
        assertThat(SizeBand.MICRO.compatibleWith(SizeBand.SMALL)).isTrue();
        assertThat(SizeBand.MICRO.compatibleWith(SizeBand.MEDIUM)).isFalse();
    }
}
