package org.rapport.calllists;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rapport.customers.Consent;
import org.rapport.customers.Tier;
import org.rapport.demo.DataGenerator;
import org.rapport.money.ExchangeRate;
import org.rapport.money.ExchangeRates;
import org.rapport.planning.BusinessCalendar;
import org.rapport.planning.BusinessCalendar.Workweek;
import org.rapport.planning.CustomerFacts;
import org.rapport.planning.CustomerFacts.ProblemFact;
import org.rapport.planning.JollydayHolidays;
import org.rapport.planning.Planner;
import org.rapport.planning.Proposal;
import org.rapport.planning.Rules;
import org.rapport.team.WorkingDays;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo salesperson's first list, as a new user sees it: the demo's files as the service imports them, tiers ranked
 * as the tier recomputation ranks them (the demo runs it before the first plan), the real {@link Planner} with the
 * default rules, and the list's date in the salesperson's zone. It must look like a company already using Rapport: a
 * problem follow-up, a top-10 customer's call, other courtesy check-ins, and only a small backlog of days or weeks.
 */
class DemoCallListTest {

    private static final long SEED = 20261124L;
    private static final String SALESPERSON = DataGenerator.salespersonId(DataGenerator.SHOWCASE_SALESPERSON);

    /** Mornings on working days across a year, in several seasons (DST on and off). */
    @ParameterizedTest
    @ValueSource(strings = {"2026-12-03T07:00:00Z", "2027-03-16T06:30:00Z", "2027-06-09T05:00:00Z", "2027-09-21T08:00:00Z",
            "2026-11-24T09:00:00Z"})
    void theDemoSalespersonsListHoldsFollowUpsTopTenCallsCheckInsAndOnlyASmallBacklog(String at) {
        Instant now = Instant.parse(at);
        DataGenerator generator = new DataGenerator(SEED, DataGenerator.Size.DEMO, now);
        List<CSVRecord> customers = parse(generator::customers);
        CSVRecord seller = parse(generator::salespeople).stream().filter(s -> s.get("external_id").equals(SALESPERSON))
                .findFirst().orElseThrow();
        ZoneId sellerZone = ZoneId.of(seller.get("time_zone"));
        Workweek workweek = new Workweek(seller.get("region"), WorkingDays.ofStored(seller.get("working_days")));
        BusinessCalendar calendar = new BusinessCalendar(new JollydayHolidays(), Set.of());
        LocalDate date = LocalDate.ofInstant(now, sellerZone);
        assertThat(calendar.worksOn(date, workweek)).as("%s works on %s", SALESPERSON, date).isTrue();

        Map<String, Tier> tiers = tiers(customers, parse(generator::purchases), parse(generator::exchangeRates), now);
        Map<String, Instant> lastTwoWay = new HashMap<>();
        for (CSVRecord t : parse(generator::history)) {
            if ("REACHED".equals(t.get("outcome"))) {
                lastTwoWay.merge(t.get("customer"), Instant.parse(t.get("occurred_at")), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        Map<String, List<ProblemFact>> problems = new HashMap<>();
        List<CSVRecord> allProblems = new ArrayList<>(parse(generator::problems));
        allProblems.addAll(parse(generator::followUpShowcase));
        for (CSVRecord p : allProblems) {
            problems.computeIfAbsent(p.get("customer"), c -> new ArrayList<>()).add(new ProblemFact(problems.values().stream()
                    .mapToLong(List::size).sum() + 1, Instant.parse(p.get("opened_at")),
                    p.get("resolved_at").isEmpty() ? null : Instant.parse(p.get("resolved_at")), p.get("summary"), p.get("resolution")));
        }

        Planner planner = new Planner(Rules.DEFAULTS, calendar);
        List<Call> calls = new ArrayList<>();
        for (CSVRecord c : customers) {
            if (!c.get("owner").equals(SALESPERSON)) {
                continue;
            }
            String id = c.get("external_id");
            ZoneId zone = ZoneId.of(c.get("time_zone"));
            CustomerFacts facts = new CustomerFacts(customers.indexOf(c) + 1L, tiers.get(id), zone, c.get("region"), 2L,
                    new Consent(Boolean.parseBoolean(c.get("do_not_contact")), Boolean.parseBoolean(c.get("email_ok")), true, null,
                            null, Set.of(), null, null, false),
                    lastTwoWay.get(id), LocalDate.parse(c.get("customer_since")), problems.getOrDefault(id, List.of()), List.of(),
                    null, 0, workweek, false);
            for (Proposal p : planner.plan(facts, LocalDate.ofInstant(now, zone))) {
                if (p.channel() != Proposal.Channel.EMAIL && !p.dueOn().isAfter(date)) {
                    calls.add(new Call(id, tiers.get(id), p.rule(), DaySlots.daysOverdue(p.dueOn(), p.dueBy(), date)));
                }
            }
        }

        String shown = calls.toString();
        assertThat(calls).as(shown).anySatisfy(c -> assertThat(c.rule()).isEqualTo(Proposal.Rule.PROBLEM_FOLLOW_UP));
        assertThat(calls).as("a top-10 customer: " + shown)
                .anySatisfy(c -> assertThat(c.rule() == Proposal.Rule.COURTESY && c.tier() == Tier.TOP10).isTrue());
        assertThat(calls).as("a check-in with another customer: " + shown)
                .anySatisfy(c -> assertThat(c.rule() == Proposal.Rule.COURTESY && c.tier() != Tier.TOP10).isTrue());
        List<Call> backlog = calls.stream().filter(c -> c.daysOverdue() > 0).toList();
        assertThat(backlog).as("a small backlog: " + shown).hasSizeLessThanOrEqualTo(5);
        assertThat(backlog).as("days to weeks old, not months").allSatisfy(c -> assertThat(c.daysOverdue()).isLessThanOrEqualTo(
                DataGenerator.BACKLOG_MAX_DAYS));
        assertThat(calls.stream().filter(c -> c.daysOverdue() == 0).count()).as("more due today than carried over: " + shown)
                .isGreaterThan(backlog.size());
        assertThat(calls).as("a day's work: " + shown).hasSizeLessThanOrEqualTo(Integer.parseInt(seller.get("daily_capacity")));
    }

    private record Call(String customer, Tier tier, Proposal.Rule rule, int daysOverdue) {
    }

    /**
     * The tiers as {@code CustomerMapper.recomputeTiers} ranks them: purchases of the last twelve months in EUR at the
     * rate of their date, ties by annual revenue, then id; a pinned tier wins.
     */
    private static Map<String, Tier> tiers(List<CSVRecord> customers, List<CSVRecord> purchases, List<CSVRecord> rates, Instant now) {
        ExchangeRates euro = new ExchangeRates("EUR", rates.stream().map(r -> new ExchangeRate(r.get("currency"),
                LocalDate.parse(r.get("valid_from")), new BigDecimal(r.get("rate")))).toList());
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Map<String, BigDecimal> revenue = new HashMap<>();
        for (CSVRecord p : purchases) {
            LocalDate on = LocalDate.parse(p.get("purchased_on"));
            if (on.isAfter(today.minusYears(1)) && !on.isAfter(today)) {
                revenue.merge(p.get("customer"), euro.inCompanyCurrency(new BigDecimal(p.get("amount")), p.get("currency"), on)
                        .orElseThrow(), BigDecimal::add);
            }
        }
        List<CSVRecord> ranked = customers.stream().sorted(Comparator.comparing((CSVRecord c) -> revenue.getOrDefault(
                        c.get("external_id"), BigDecimal.ZERO)).reversed()
                .thenComparing(Comparator.comparing((CSVRecord c) -> new BigDecimal(c.get("annual_revenue"))).reversed())
                .thenComparing(c -> c.get("external_id"))).toList();
        Map<String, Tier> tiers = new HashMap<>();
        for (int rank = 1; rank <= ranked.size(); rank++) {
            CSVRecord c = ranked.get(rank - 1);
            boolean bought = revenue.getOrDefault(c.get("external_id"), BigDecimal.ZERO).signum() > 0;
            Tier tier = !c.get("tier").isEmpty() ? Tier.valueOf(c.get("tier"))
                    : bought && rank <= 10 ? Tier.TOP10 : bought && rank <= 100 ? Tier.TOP100 : Tier.STANDARD;
            tiers.put(c.get("external_id"), tier);
        }
        return tiers;
    }

    private interface Writer {
        void writeTo(Appendable out) throws IOException;
    }

    private static List<CSVRecord> parse(Writer writer) {
        StringBuilder out = new StringBuilder();
        try {
            writer.writeTo(out);
            CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
            try (CSVParser parser = CSVParser.builder().setReader(new StringReader(out.toString())).setFormat(format).get()) {
                return parser.getRecords();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
