package org.rapport.netweaving;

import org.rapport.planning.MatchRules;
import org.rapport.netweaving.PastIntroduction.Pair;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Proposes introductions: pairs where one customer's needs are met by the other's offers. It never compares all pairs:
 * an inverted index maps each offered category to the customers offering it, and each customer meets only the customers
 * offering something it needs (the candidate pairs, counted in the result).
 * <p>
 * Left out before any pair: customers not open to introductions, with a problem pending, or at a cap (open
 * introductions, introductions in 12 months). Left out as a pair: competitors (offers overlapping at least
 * {@link MatchRules#competitorOverlap()}) and pairs introduced, declined or expired within
 * {@link MatchRules#recentPairWindow()}. Each candidate is scored (a need met; more if mutual, same region or country,
 * compatible size, a strong relationship with both); each customer keeps its best
 * {@link MatchRules#suggestionsPerCustomer()} providers; then the best pairs overall are proposed while both customers
 * have room under the caps.
 */
public final class Matcher {

    /** Why a customer or a pair was not proposed. */
    public enum LeftOut {
        NOT_OPEN_TO_INTRODUCTIONS, PROBLEM_PENDING, OPEN_INTRODUCTION_CAP, YEARLY_CAP, COMPETITORS, RECENT_PAIR
    }

    static final int NEED_MET = 40;
    static final int MUTUAL = 30;
    static final int SAME_REGION = 15;
    static final int SAME_COUNTRY = 8;
    static final int COMPATIBLE_SIZE = 10;
    static final int BOTH_STRONG = 15;

    private final MatchRules rules;

    public Matcher(MatchRules rules) {
        List<String> problems = rules.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join(" ", problems));
        }
        this.rules = rules;
    }

    /** One direction: customer {@code needing} (index) needs what {@code offering} offers. */
    private record Candidate(int needing, int offering, int score) {
    }

    /**
     * @param customers    every customer to consider
     * @param history      earlier introductions (those outside the window or still open do not count here)
     * @param now          from the injected clock
     * @param categoryName the name of a category code, for the explanations (the code itself when it has none)
     */
    public MatchResult match(List<MatchCustomer> customers, Collection<PastIntroduction> history, Instant now,
                             Function<String, String> categoryName) {
        Set<Pair> recent = recentPairs(history, now);
        Map<LeftOut, Integer> customersLeftOut = new EnumMap<>(LeftOut.class);
        Map<LeftOut, Long> pairsLeftOut = new EnumMap<>(LeftOut.class);

        List<MatchCustomer> eligible = new ArrayList<>();
        for (MatchCustomer c : customers) {
            leftOut(c).ifPresentOrElse(reason -> customersLeftOut.merge(reason, 1, Integer::sum), () -> eligible.add(c));
        }
        Map<String, IntList> offering = index(eligible);

        int n = eligible.size();
        int[] seenBy = new int[n];
        Arrays.fill(seenBy, -1);
        Comparator<Candidate> better = Comparator.comparingInt(Candidate::score).reversed()
                .thenComparingLong(c -> eligible.get(c.needing()).id())
                .thenComparingLong(c -> eligible.get(c.offering()).id());
        List<Candidate> pool = new ArrayList<>();
        long examined = 0;
        for (int i = 0; i < n; i++) {
            MatchCustomer a = eligible.get(i);
            PriorityQueue<Candidate> best = new PriorityQueue<>(better.reversed());
            for (String need : a.needs()) {
                IntList providers = offering.get(need);
                if (providers == null) {
                    continue;
                }
                for (int k = 0; k < providers.size; k++) {
                    int j = providers.values[k];
                    if (j == i || seenBy[j] == i) {
                        continue; // itself, or met already through another need
                    }
                    seenBy[j] = i;
                    examined++;
                    MatchCustomer b = eligible.get(j);
                    if (recent.contains(Pair.of(a.id(), b.id()))) {
                        pairsLeftOut.merge(LeftOut.RECENT_PAIR, 1L, Long::sum);
                    } else if (competitors(a, b)) {
                        pairsLeftOut.merge(LeftOut.COMPETITORS, 1L, Long::sum);
                    } else {
                        best.add(new Candidate(i, j, score(a, b)));
                        if (best.size() > rules.suggestionsPerCustomer()) {
                            best.poll();
                        }
                    }
                }
            }
            pool.addAll(best);
        }
        pool.sort(better);
        return new MatchResult(propose(eligible, pool, categoryName), customers.size(), examined, customersLeftOut,
                pairsLeftOut);
    }

    /** The best candidates first, each pair once, while both customers have room under the caps. */
    private List<Match> propose(List<MatchCustomer> eligible, List<Candidate> pool, Function<String, String> names) {
        int[] room = new int[eligible.size()];
        for (int i = 0; i < room.length; i++) {
            MatchCustomer c = eligible.get(i);
            room[i] = Math.min(rules.openPerCustomer() - c.openIntroductions(),
                    rules.perCustomerPerYear() - c.introductionsLastYear());
        }
        Set<Pair> taken = new HashSet<>();
        List<Match> proposals = new ArrayList<>();
        for (Candidate c : pool) {
            MatchCustomer a = eligible.get(c.needing());
            MatchCustomer b = eligible.get(c.offering());
            if (room[c.needing()] > 0 && room[c.offering()] > 0 && taken.add(Pair.of(a.id(), b.id()))) {
                room[c.needing()]--;
                room[c.offering()]--;
                proposals.add(match(a, b, c.score(), names));
            }
        }
        return proposals;
    }

    private Optional<LeftOut> leftOut(MatchCustomer c) {
        if (!c.openToIntroductions()) {
            return Optional.of(LeftOut.NOT_OPEN_TO_INTRODUCTIONS);
        }
        if (c.problemPending()) {
            return Optional.of(LeftOut.PROBLEM_PENDING);
        }
        if (c.openIntroductions() >= rules.openPerCustomer()) {
            return Optional.of(LeftOut.OPEN_INTRODUCTION_CAP);
        }
        if (c.introductionsLastYear() >= rules.perCustomerPerYear()) {
            return Optional.of(LeftOut.YEARLY_CAP);
        }
        return Optional.empty();
    }

    /**
     * The pairs not to propose again yet: declined, expired or introduced within the window before {@code now}, and
     * any whose introduction is still under way, however old (whatever the cap of open introductions allows).
     */
    Set<Pair> recentPairs(Collection<PastIntroduction> history, Instant now) {
        Instant since = now.atOffset(ZoneOffset.UTC).minus(rules.recentPairWindow()).toInstant();
        Set<Pair> recent = new HashSet<>();
        for (PastIntroduction past : history) {
            if (past.stage().isOpen() || IntroductionStage.ENDS_A_PAIRING.contains(past.stage()) && past.since().isAfter(since)) {
                recent.add(past.pair());
            }
        }
        return recent;
    }

    /** Their offers overlap at least {@code competitorOverlap}: shared codes over all codes either offers. */
    boolean competitors(MatchCustomer a, MatchCustomer b) {
        Set<String> small = a.offers().size() <= b.offers().size() ? a.offers() : b.offers();
        Set<String> large = small == a.offers() ? b.offers() : a.offers();
        int shared = 0;
        for (String code : small) {
            if (large.contains(code)) {
                shared++;
            }
        }
        int union = a.offers().size() + b.offers().size() - shared;
        return union > 0 && (double) shared / union >= rules.competitorOverlap();
    }

    static int score(MatchCustomer a, MatchCustomer b) {
        int score = NEED_MET;
        if (meets(b.needs(), a.offers())) {
            score += MUTUAL;
        }
        if (sameRegion(a, b)) {
            score += SAME_REGION;
        } else if (sameCountry(a, b)) {
            score += SAME_COUNTRY;
        }
        if (compatibleSize(a, b)) {
            score += COMPATIBLE_SIZE;
        }
        if (a.strongRelationship() && b.strongRelationship()) {
            score += BOTH_STRONG;
        }
        return score;
    }

    private static boolean meets(Set<String> needs, Set<String> offers) {
        for (String need : needs) {
            if (offers.contains(need)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> met(Set<String> needs, Set<String> offers) {
        Set<String> met = new TreeSet<>(needs);
        met.retainAll(offers);
        return met;
    }

    private static boolean sameRegion(MatchCustomer a, MatchCustomer b) {
        return a.region() != null && !a.region().isBlank() && a.region().equalsIgnoreCase(b.region());
    }

    private static boolean sameCountry(MatchCustomer a, MatchCustomer b) {
        return country(a).isPresent() && country(a).equals(country(b));
    }

    private static Optional<String> country(MatchCustomer c) {
        if (c.region() == null || c.region().isBlank()) {
            return Optional.empty();
        }
        int dash = c.region().indexOf('-');
        return Optional.of((dash < 0 ? c.region() : c.region().substring(0, dash)).toUpperCase(Locale.ROOT));
    }

    private static boolean compatibleSize(MatchCustomer a, MatchCustomer b) {
        Optional<SizeBand> sa = SizeBand.of(a.annualRevenue());
        Optional<SizeBand> sb = SizeBand.of(b.annualRevenue());
        return sa.isPresent() && sb.isPresent() && sa.get().compatibleWith(sb.get());
    }

    private static Match match(MatchCustomer a, MatchCustomer b, int score, Function<String, String> names) {
        Set<String> firstNeeds = met(a.needs(), b.offers());
        Set<String> secondNeeds = met(b.needs(), a.offers());
        StringBuilder line = new StringBuilder();
        String wanted = names(firstNeeds, names);
        line.append(a.company()).append(" needs ").append(wanted).append("; ").append(b.company()).append(" offers ").append(wanted);
        if (!secondNeeds.isEmpty()) {
            String back = names(secondNeeds, names);
            line.append("; ").append(b.company()).append(" needs ").append(back).append("; ").append(a.company())
                    .append(" offers ").append(back);
        }
        if (sameRegion(a, b)) {
            line.append("; both in ").append(a.region());
        } else if (sameCountry(a, b)) {
            line.append("; both in ").append(country(a).orElseThrow());
        }
        if (compatibleSize(a, b)) {
            line.append("; of similar size");
        }
        if (a.strongRelationship() && b.strongRelationship()) {
            line.append("; good relationships with both");
        }
        return new Match(a.id(), b.id(), firstNeeds, secondNeeds, score, line.toString());
    }

    /** "logistics", "logistics and printing", "design, logistics and printing": names sorted for a stable line. */
    private static String names(Set<String> codes, Function<String, String> names) {
        List<String> named = codes.stream().map(code -> Objects.requireNonNullElse(names.apply(code), code)).sorted().toList();
        if (named.size() == 1) {
            return named.get(0);
        }
        return String.join(", ", named.subList(0, named.size() - 1)) + " and " + named.get(named.size() - 1);
    }

    /** Offered code → indexes of the eligible customers offering it. */
    private static Map<String, IntList> index(List<MatchCustomer> eligible) {
        Map<String, IntList> index = new HashMap<>();
        for (int i = 0; i < eligible.size(); i++) {
            for (String code : eligible.get(i).offers()) {
                index.computeIfAbsent(code, c -> new IntList()).add(i);
            }
        }
        return index;
    }

    /** A growable list of ints: a posting list of the index without a boxed Integer per customer. */
    private static final class IntList {
        int[] values = new int[4];
        int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }
    }
}
