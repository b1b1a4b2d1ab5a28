package org.rapport.planning;

import org.junit.jupiter.api.Test;
import org.rapport.customers.Tier;
import org.rapport.customers.Consent;
import org.rapport.outbox.MailModel.CourtesyCheckIn;
import org.rapport.outbox.MailModel.Problem;
import org.rapport.outbox.MailModel.ProblemCheckIn;
import org.rapport.money.ExchangeRate;
import org.rapport.money.ExchangeRates;
import org.rapport.outbox.MailModel;
import org.rapport.outbox.MailModel.ThankYouAnniversary;
import org.rapport.outbox.MailModel.ThankYouPurchase;
import org.rapport.outbox.MailTemplate;
import org.rapport.planning.CustomerFacts.ProblemFact;
import org.rapport.planning.CustomerFacts.PurchaseFact;
import org.rapport.planning.Proposal.Channel;
import org.rapport.planning.Proposal.Rule;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Every default rule with hand-built customers in a fixed calendar: Tuesday 24 November 2026 in Berlin. */
class PlannerTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Consent MAY_ALL = new Consent(false, true, true, null, null, Set.of(), null, null, false);
    private static final Consent DO_NOT_CONTACT = new Consent(true, true, true, null, null, Set.of(), null, null, false);
    private static final Consent NO_EMAIL = new Consent(false, false, true, null, null, Set.of(), null, null, false);

    private final Planner planner = new Planner(Rules.DEFAULTS, new BusinessCalendar(new JollydayHolidays(), Set.of()));

    private static CustomerFacts customer(Tier tier, Instant lastTwoWay) {
        return new CustomerFacts(7, tier, BERLIN, "DE-BE", 3L, MAY_ALL, lastTwoWay, LocalDate.of(2020, 3, 1),
                List.of(), List.of(), null, 0);
    }

    private static Instant berlin(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }

    private static CustomerFacts with(CustomerFacts c, List<ProblemFact> problems, List<PurchaseFact> purchases) {
        return new CustomerFacts(c.customerId(), c.tier(), c.zone(), c.region(), c.ownerId(), c.consent(),
                c.lastTwoWayAt(), c.customerSince(), problems, purchases, c.lastThankYouAt(), c.emailsLast7Days());
    }

    private static CustomerFacts handedBack(CustomerFacts c, Instant at) {
        return new CustomerFacts(c.customerId(), c.tier(), c.zone(), c.region(), c.ownerId(), c.consent(), c.lastTwoWayAt(),
                c.customerSince(), c.problems(), c.purchases(), c.lastThankYouAt(), c.emailsLast7Days(), c.ownerWorkweek(),
                c.followUpPending(), at);
    }

    @Test
    void aHandedBackCourtesyCallComesBackByTheCadenceFromTheDayItWasHandedBack() {
        // a STANDARD customer last spoken 200 days ago, whose stale courtesy call was handed back 89 days ago
        CustomerFacts stale = customer(Tier.STANDARD, berlin("2026-05-08T10:00"));
        assertThat(planner.plan(handedBack(stale, berlin("2026-08-27T16:00")), TODAY)).as("89 days: not yet").isEmpty();

        // 90 days after the hand-back: due today, under a key of its own (the handed-back call keeps the old one)
        assertThat(planner.plan(handedBack(stale, berlin("2026-08-26T16:00")), TODAY)).singleElement().satisfies(p -> {
            assertThat(p.rule()).isEqualTo(Rule.COURTESY);
            assertThat(p.dueOn()).isEqualTo(TODAY);
            assertThat(p.key()).isEqualTo("courtesy:7:2026-08-26");
            assertThat(p.reason()).isEqualTo("Customer, last spoken 200 days ago, the last courtesy call handed back 90 days ago");
        });

        // a conversation after the hand-back counts from the conversation again
        CustomerFacts spokenSince = customer(Tier.STANDARD, berlin("2026-10-01T10:00"));
        assertThat(planner.plan(handedBack(spokenSince, berlin("2026-08-01T16:00")), TODAY)).isEmpty();
        // without any conversation on record, the hand-back is the start
        assertThat(planner.plan(handedBack(customer(Tier.STANDARD, null), berlin("2026-11-20T16:00")), TODAY)).isEmpty();
    }

    @Test
    void courtesyCallsFollowTheCadenceOfTheTier() {
        assertThat(planner.plan(customer(Tier.TOP10, berlin("2026-11-10T10:00")), TODAY)).singleElement().satisfies(p -> {
            assertThat(p.rule()).isEqualTo(Rule.COURTESY);
            assertThat(p.channel()).isEqualTo(Channel.CALL);
            assertThat(p.dueOn()).isEqualTo(LocalDate.of(2026, 11, 24));
            assertThat(p.reason()).isEqualTo("Top-10 customer, last spoken 14 days ago");
            assertThat(p.key()).isEqualTo("courtesy:7:2026-11-10");
        });
        assertThat(planner.plan(customer(Tier.TOP10, berlin("2026-11-11T10:00")), TODAY)).as("13 days: not yet").isEmpty();
        assertThat(planner.plan(customer(Tier.TOP100, berlin("2026-10-24T10:00")), TODAY)).hasSize(1);
        assertThat(planner.plan(customer(Tier.TOP100, berlin("2026-10-26T10:00")), TODAY)).isEmpty();
        assertThat(planner.plan(customer(Tier.STANDARD, berlin("2026-08-20T10:00")), TODAY)).singleElement()
                .satisfies(p -> assertThat(p.reason()).isEqualTo("Customer, last spoken 96 days ago"));
        assertThat(planner.plan(customer(Tier.STANDARD, null), TODAY)).singleElement()
                .satisfies(p -> assertThat(p.reason()).contains("no conversation on record"));
    }

    @Test
    void overdueCustomersComeFirstButNeverBeforeAProblemFollowUp() {
        Proposal overdueTop10 = planner.plan(customer(Tier.TOP10, berlin("2026-01-01T10:00")), TODAY).get(0);
        Proposal justDueTop10 = planner.plan(customer(Tier.TOP10, berlin("2026-11-10T10:00")), TODAY).get(0);
        Proposal overdueStandard = planner.plan(customer(Tier.STANDARD, berlin("2025-01-01T10:00")), TODAY).get(0);
        assertThat(overdueTop10.priority()).isGreaterThan(justDueTop10.priority());
        assertThat(justDueTop10.priority()).isGreaterThan(overdueStandard.priority());
        assertThat(overdueTop10.priority()).isLessThan(Planner.FOLLOW_UP_PRIORITY);
    }

    @Test
    void aResolvedProblemIsFollowedUpTheNextBusinessDayAndDueWithinTwo() {
        // resolved on Friday 20 November: call on Monday 23rd, due by Tuesday 24th
        CustomerFacts c = with(customer(Tier.STANDARD, berlin("2026-11-01T10:00")),
                List.of(new ProblemFact(55, berlin("2026-11-18T09:00"), berlin("2026-11-20T15:00"), "Late delivery", "Sent by express")), List.of());
        List<Proposal> plan = planner.plan(c, TODAY);
        assertThat(plan).singleElement().satisfies(p -> {
            assertThat(p.rule()).isEqualTo(Rule.PROBLEM_FOLLOW_UP);
            assertThat(p.dueOn()).isEqualTo(LocalDate.of(2026, 11, 23));
            assertThat(p.dueBy()).isEqualTo(LocalDate.of(2026, 11, 24));
            assertThat(p.priority()).isEqualTo(Planner.FOLLOW_UP_PRIORITY);
            assertThat(p.key()).isEqualTo("follow-up:55");
            assertThat(p.reason()).contains("Late delivery").contains("follow up by 2026-11-24");
        });
    }

    @Test
    void eachResolutionOfAProblemIsARoundOfItsOwnKeys() {
        // resolved on Friday 20 November, opened again and resolved again once before: its touches carry round 1
        ProblemFact again = new ProblemFact(57, berlin("2026-11-18T09:00"), berlin("2026-11-20T15:00"), "Late delivery", "",
                null, false, 1);
        assertThat(planner.plan(with(customer(Tier.STANDARD, berlin("2026-11-01T10:00")), List.of(again), List.of()),
                LocalDate.of(2026, 11, 23))).extracting(Proposal::key).containsExactly("follow-up:57#1");
        ProblemFact first = new ProblemFact(57, berlin("2026-11-18T09:00"), berlin("2026-11-20T15:00"), "Late delivery", "");
        assertThat(planner.plan(with(customer(Tier.STANDARD, berlin("2026-11-01T10:00")), List.of(first), List.of()),
                LocalDate.of(2026, 11, 23))).extracting(Proposal::key).containsExactly("follow-up:57");
    }

    @Test
    void theFollowUpIsDueOnADayTheOwnerWorks() {
        // resolved on Friday 20 November; the owner works Wednesday to Friday: call on Wednesday 25th, due by Thursday 26th
        CustomerFacts mondayToFriday = with(customer(Tier.STANDARD, berlin("2026-11-01T10:00")),
                List.of(new ProblemFact(57, berlin("2026-11-18T09:00"), berlin("2026-11-20T15:00"), "Late delivery", "")), List.of());
        CustomerFacts c = new CustomerFacts(mondayToFriday.customerId(), mondayToFriday.tier(), mondayToFriday.zone(),
                mondayToFriday.region(), mondayToFriday.ownerId(), mondayToFriday.consent(), mondayToFriday.lastTwoWayAt(),
                mondayToFriday.customerSince(), mondayToFriday.problems(), List.of(), null, 0,
                new BusinessCalendar.Workweek(null, java.util.EnumSet.of(java.time.DayOfWeek.WEDNESDAY, java.time.DayOfWeek.THURSDAY,
                        java.time.DayOfWeek.FRIDAY)));
        assertThat(planner.plan(c, LocalDate.of(2026, 11, 23))).singleElement().satisfies(p -> {
            assertThat(p.rule()).isEqualTo(Rule.PROBLEM_FOLLOW_UP);
            assertThat(p.dueOn()).isEqualTo(LocalDate.of(2026, 11, 25));
            assertThat(p.dueBy()).isEqualTo(LocalDate.of(2026, 11, 26));
        });
        assertThat(planner.plan(mondayToFriday, LocalDate.of(2026, 11, 23)).get(0).dueOn()).as("Monday to Friday")
                .isEqualTo(LocalDate.of(2026, 11, 23));
    }

    @Test
    void aLongProblemSummaryIsShortenedInTheReasonWithoutCuttingACharacterInTwo() {
        // 76 letters, then emoji (two UTF-16 units each): the old cut at 77 units split the first emoji in two
        String summary = "x".repeat(76) + "\uD83D\uDE00".repeat(20);
        CustomerFacts c = with(customer(Tier.STANDARD, berlin("2026-11-01T10:00")),
                List.of(new ProblemFact(58, berlin("2026-11-18T09:00"), berlin("2026-11-20T15:00"), summary, "")), List.of());
        assertThat(planner.plan(c, LocalDate.of(2026, 11, 23))).singleElement().satisfies(p -> {
            String kept = p.reason().substring(p.reason().indexOf('(') + 1, p.reason().indexOf("): follow up"));
            assertThat(kept).isEqualTo("x".repeat(76) + "\uD83D\uDE00".repeat(3) + "…");
        });
    }

    @Test
    void theFollowUpSkipsAHoliday() {
        // resolved Thursday 30 April 2026 in Berlin; 1 May is Labour Day: the call is due Monday 4 May
        CustomerFacts c = with(customer(Tier.STANDARD, berlin("2026-04-01T10:00")),
                List.of(new ProblemFact(56, berlin("2026-04-28T09:00"), berlin("2026-04-30T15:00"), "Wrong invoice", "")), List.of());
        assertThat(planner.plan(c, LocalDate.of(2026, 4, 30)).get(0).dueOn()).isEqualTo(LocalDate.of(2026, 5, 4));
    }

    @Test
    void aConversationAfterTheResolutionMakesTheFollowUpAndCheckInUnnecessary() {
        CustomerFacts c = with(customer(Tier.TOP100, berlin("2026-11-23T11:00")),
                List.of(new ProblemFact(57, berlin("2026-11-18T09:00"), berlin("2026-11-20T15:00"), "Late", "")), List.of());
        assertThat(planner.plan(c, TODAY)).isEmpty();
    }

    @Test
    void aCheckInEmailGoesSevenDaysAfterTheResolutionWithoutAConversation() {
        CustomerFacts c = with(customer(Tier.STANDARD, berlin("2026-11-01T10:00")),
                List.of(new ProblemFact(58, berlin("2026-11-15T09:00"), berlin("2026-11-17T15:00"), "Broken part", "Replaced")), List.of());
        assertThat(planner.plan(c, TODAY)).anySatisfy(p -> {
            assertThat(p.rule()).isEqualTo(Rule.PROBLEM_CHECK_IN);
            assertThat(p.channel()).isEqualTo(Channel.EMAIL);
            assertThat(p.email()).isEqualTo(new ProblemCheckIn(new Problem("Broken part", "Replaced"), "7"));
            assertThat(p.email().template()).isEqualTo(MailTemplate.PROBLEM_CHECK_IN);
            assertThat(p.key()).isEqualTo("check-in:58");
        });
        assertThat(planner.plan(c, LocalDate.of(2026, 11, 23))).noneMatch(p -> p.rule() == Rule.PROBLEM_CHECK_IN);
    }

    @Test
    void theCheckInEmailSaysHowLongAgoTheRuleMadeIt() {
        Planner tenDays = new Planner(new Rules(Rules.DEFAULTS.cadenceDays(), true, 1, 2, 10, 30, new BigDecimal("1000.00"), true,
                true, 14, java.time.LocalTime.of(8, 0), java.time.LocalTime.of(18, 0), 2, 1, 20, MatchRules.DEFAULTS),
                new BusinessCalendar(new JollydayHolidays(), Set.of()));
        CustomerFacts c = with(customer(Tier.STANDARD, berlin("2026-11-01T10:00")),
                List.of(new ProblemFact(58, berlin("2026-11-12T09:00"), berlin("2026-11-14T15:00"), "Broken part", "Replaced")), List.of());
        assertThat(tenDays.plan(c, TODAY)).filteredOn(p -> p.rule() == Rule.PROBLEM_CHECK_IN).singleElement()
                .satisfies(p -> assertThat(p.email()).isEqualTo(new ProblemCheckIn(new Problem("Broken part", "Replaced"), "10")));
    }

    @Test
    void aResellTouchComesThirtyDaysLaterOnlyWithoutANewProblem() {
        ProblemFact old = new ProblemFact(59, berlin("2026-10-20T09:00"), berlin("2026-10-25T12:00"), "Slow support", "");
        CustomerFacts c = with(customer(Tier.TOP100, berlin("2026-10-27T10:00")), List.of(old), List.of());
        assertThat(planner.plan(c, TODAY)).anySatisfy(p -> assertThat(p.rule()).isEqualTo(Rule.RESELL));
        ProblemFact newer = new ProblemFact(60, berlin("2026-11-10T09:00"), berlin("2026-11-11T12:00"), "Again", "");
        CustomerFacts again = with(customer(Tier.TOP100, berlin("2026-11-12T10:00")), List.of(old, newer), List.of());
        assertThat(planner.plan(again, TODAY)).noneMatch(p -> p.rule() == Rule.RESELL);
    }

    @Test
    void aCustomerWhoRatedTheHandlingBadlyGetsNoResellCall() {
        ProblemFact rated = new ProblemFact(61, berlin("2026-10-20T09:00"), berlin("2026-10-25T12:00"), "Slow support", "", 2);
        CustomerFacts c = with(customer(Tier.TOP100, berlin("2026-10-27T10:00")), List.of(rated), List.of());
        assertThat(planner.plan(c, TODAY)).noneMatch(p -> p.rule() == Rule.RESELL);

        ProblemFact happy = new ProblemFact(62, berlin("2026-10-20T09:00"), berlin("2026-10-25T12:00"), "Slow support", "", 5);
        CustomerFacts pleased = with(customer(Tier.TOP100, berlin("2026-10-27T10:00")), List.of(happy), List.of());
        assertThat(planner.plan(pleased, TODAY)).anySatisfy(p -> {
            assertThat(p.rule()).isEqualTo(Rule.RESELL);
            assertThat(p.reason()).contains("rated 5 of 5");
        });
    }

    @Test
    void whileAProblemIsOpenOnlyProblemTouchesArePlanned() {
        CustomerFacts c = with(customer(Tier.TOP10, berlin("2026-01-01T10:00")),
                List.of(new ProblemFact(61, berlin("2026-11-23T09:00"), null, "Outage", null)),
                List.of(new PurchaseFact(9, LocalDate.of(2026, 11, 23), new BigDecimal("5000"), "EUR", "Licences")));
        assertThat(planner.plan(c, TODAY)).isEmpty();
    }

    @Test
    void noThankYouOrCourtesyOnTheDayAComplaintCallIsDue() {
        CustomerFacts c = with(customer(Tier.TOP10, berlin("2026-01-01T10:00")),
                List.of(new ProblemFact(62, berlin("2026-11-18T09:00"), berlin("2026-11-23T15:00"), "Late", "")),
                List.of(new PurchaseFact(10, LocalDate.of(2026, 11, 23), new BigDecimal("5000"), "EUR", "Licences")));
        assertThat(planner.plan(c, TODAY)).extracting(Proposal::rule).containsExactly(Rule.PROBLEM_FOLLOW_UP);
    }

    @Test
    void anOverdueFollowUpStillOpenLeavesOnlyProblemTouchesAsTheSenderDoes() {
        // resolved Thursday 19 November, follow-up due by Monday 23rd, still OPEN (or ESCALATED) on the 24th: the
        // sender's problemPending holds, so a thank-you or courtesy proposed now would be suppressed for good
        ProblemFact overdue = new ProblemFact(63, berlin("2026-11-17T09:00"), berlin("2026-11-19T15:00"), "Late", "", null, true);
        List<PurchaseFact> purchase = List.of(new PurchaseFact(13, LocalDate.of(2026, 11, 23), new BigDecimal("5000"), "EUR", "Licences"));
        CustomerFacts pending = followUpPending(with(customer(Tier.TOP10, berlin("2026-01-01T10:00")), List.of(overdue), purchase), true);
        assertThat(planner.plan(pending, TODAY)).extracting(Proposal::rule).containsExactly(Rule.PROBLEM_FOLLOW_UP);

        assertThat(planner.plan(pending, TODAY).get(0).reason()).contains("follow up by 2026-11-23");

        CustomerFacts closed = followUpPending(pending, false);
        assertThat(planner.plan(closed, TODAY)).as("the follow-up call was closed: nothing pending any more")
                .extracting(Proposal::rule).contains(Rule.COURTESY, Rule.THANK_YOU_PURCHASE);
    }

    @Test
    void aFollowUpCallStillOpenFromAnOlderProblemHoldsBackOtherTouches() {
        // the problem is older than any rule looks back; its escalated follow-up call is not
        CustomerFacts c = followUpPending(with(customer(Tier.TOP10, berlin("2026-01-01T10:00")), List.of(),
                List.of(new PurchaseFact(14, LocalDate.of(2026, 11, 23), new BigDecimal("5000"), "EUR", "Licences"))), true);
        assertThat(planner.plan(c, TODAY)).isEmpty();
    }

    @Test
    void aFollowUpClosedBeforeItsDueByDateNoLongerHoldsBackOtherTouches() {
        // resolved Monday 23rd, due by Wednesday 25th; a manager closed the call already (DONE): nothing is pending
        ProblemFact closedEarly = new ProblemFact(64, berlin("2026-11-20T09:00"), berlin("2026-11-23T15:00"), "Late", "", null, true);
        CustomerFacts c = with(customer(Tier.TOP10, berlin("2026-01-01T10:00")), List.of(closedEarly),
                List.of(new PurchaseFact(15, LocalDate.of(2026, 11, 23), new BigDecimal("5000"), "EUR", "Licences")));
        assertThat(planner.plan(c, TODAY)).extracting(Proposal::rule)
                .contains(Rule.PROBLEM_FOLLOW_UP, Rule.COURTESY, Rule.THANK_YOU_PURCHASE);
    }

    private static CustomerFacts followUpPending(CustomerFacts c, boolean pending) {
        return new CustomerFacts(c.customerId(), c.tier(), c.zone(), c.region(), c.ownerId(), c.consent(), c.lastTwoWayAt(),
                c.customerSince(), c.problems(), c.purchases(), c.lastThankYouAt(), c.emailsLast7Days(), c.ownerWorkweek(),
                pending);
    }

    @Test
    void aPurchaseAboveTheThresholdIsThankedTheDayAfterAtMostOncePerFortnight() {
        CustomerFacts c = with(customer(Tier.STANDARD, berlin("2026-11-20T10:00")), List.of(),
                List.of(new PurchaseFact(11, LocalDate.of(2026, 11, 23), new BigDecimal("12500.00"), "EUR", "Annual contract"),
                        new PurchaseFact(12, LocalDate.of(2026, 11, 23), new BigDecimal("999.99"), "EUR", "Small")));
        assertThat(planner.plan(c, TODAY)).singleElement().satisfies(p -> {
            assertThat(p.rule()).isEqualTo(Rule.THANK_YOU_PURCHASE);
            assertThat(p.key()).isEqualTo("thank-you-purchase:11");
            assertThat(p.reason()).isEqualTo("Purchase of 12,500.00 EUR on 2026-11-23");
            assertThat(p.dueOn()).isEqualTo(TODAY);
        });
        CustomerFacts thankedRecently = new CustomerFacts(7, Tier.STANDARD, BERLIN, "DE-BE", 3L, MAY_ALL,
                berlin("2026-11-20T10:00"), null, List.of(), c.purchases(), berlin("2026-11-15T10:00"), 1);
        assertThat(planner.plan(thankedRecently, TODAY)).isEmpty();
        assertThat(planner.plan(c, LocalDate.of(2026, 11, 23))).as("not on the day of the purchase").isEmpty();
    }

    @Test
    void theThankYouThresholdIsInTheCompanyCurrencyAtTheRateOfThePurchaseDate() {
        Planner converting = new Planner(Rules.fromSettings(Map.of("thank_you.purchase_threshold", "500")),
                new BusinessCalendar(new JollydayHolidays(), Set.of()), new ExchangeRates("EUR", List.of(
                        new ExchangeRate("JPY", LocalDate.of(2026, 1, 1), new BigDecimal("0.0062")),
                        new ExchangeRate("USD", LocalDate.of(2026, 1, 1), new BigDecimal("0.40")),
                        new ExchangeRate("USD", LocalDate.of(2026, 11, 20), new BigDecimal("0.92")))));
        CustomerFacts yen = with(customer(Tier.STANDARD, berlin("2026-11-20T10:00")), List.of(),
                List.of(new PurchaseFact(21, LocalDate.of(2026, 11, 23), new BigDecimal("1000.00"), "JPY", "Cables")));
        assertThat(converting.plan(yen, TODAY)).as("1,000 JPY are 6.20 EUR").isEmpty();

        CustomerFacts dollars = with(customer(Tier.STANDARD, berlin("2026-11-20T10:00")), List.of(),
                List.of(new PurchaseFact(22, LocalDate.of(2026, 11, 23), new BigDecimal("1000.00"), "USD", "Licences")));
        assertThat(converting.plan(dollars, TODAY)).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo("thank-you-purchase:22");
            assertThat(p.reason()).isEqualTo("Purchase of 1,000.00 USD (920.00 EUR) on 2026-11-23");
            assertThat(p.email()).isEqualTo(new ThankYouPurchase(new MailModel.Purchase("Licences", "1,000.00 USD", "2026-11-23")));
        });

        CustomerFacts oldRate = with(customer(Tier.STANDARD, berlin("2026-11-20T10:00")), List.of(),
                List.of(new PurchaseFact(23, LocalDate.of(2026, 11, 19), new BigDecimal("1000.00"), "USD", "Licences")));
        assertThat(converting.plan(oldRate, TODAY)).as("1,000 USD at the rate of 19 November are 400 EUR").isEmpty();
    }

    @Test
    void aPurchaseInACurrencyWithoutARateIsNeverComparedAsIfInTheCompanyCurrency() {
        CustomerFacts francs = with(customer(Tier.STANDARD, berlin("2026-11-20T10:00")), List.of(),
                List.of(new PurchaseFact(24, LocalDate.of(2026, 11, 23), new BigDecimal("1000000.00"), "CHF", "Machines"),
                        new PurchaseFact(25, LocalDate.of(2026, 11, 23), new BigDecimal("1500.00"), "EUR", "Service")));
        assertThat(planner.plan(francs, TODAY)).singleElement().satisfies(p ->
                assertThat(p.key()).as("the largest purchase that converts").isEqualTo("thank-you-purchase:25"));
    }

    @Test
    void anniversariesAreThanked() {
        CustomerFacts c = new CustomerFacts(7, Tier.STANDARD, BERLIN, "DE-BE", 3L, MAY_ALL,
                berlin("2026-11-20T10:00"), LocalDate.of(2021, 11, 24), List.of(), List.of(), null, 0);
        assertThat(planner.plan(c, TODAY)).singleElement().satisfies(p -> {
            assertThat(p.rule()).isEqualTo(Rule.THANK_YOU_ANNIVERSARY);
            assertThat(p.email()).isEqualTo(new ThankYouAnniversary("5"));
            assertThat(p.key()).isEqualTo("anniversary:7:2026");
        });
    }

    @Test
    void doNotContactStopsEveryChannel() {
        CustomerFacts c = new CustomerFacts(7, Tier.TOP10, BERLIN, "DE-BE", 3L, DO_NOT_CONTACT, null,
                LocalDate.of(2021, 11, 24), List.of(), List.of(), null, 0);
        assertThat(planner.plan(c, TODAY)).isEmpty();
    }

    @Test
    void unsubscribedStopsEmailsButNotCalls() {
        CustomerFacts c = new CustomerFacts(7, Tier.TOP10, BERLIN, "DE-BE", 3L, NO_EMAIL, null,
                LocalDate.of(2021, 11, 24), List.of(), List.of(), null, 0);
        assertThat(planner.plan(c, TODAY)).extracting(Proposal::channel).containsExactly(Channel.CALL);
        Consent stopsThanks = new Consent(false, true, true, null, null, Set.of(Consent.Purpose.THANK_YOU), null, null, false);
        CustomerFacts stoppedThanks = new CustomerFacts(7, Tier.TOP10, BERLIN, "DE-BE", 3L, stopsThanks, null,
                LocalDate.of(2021, 11, 24), List.of(), List.of(), null, 0);
        assertThat(planner.plan(stoppedThanks, TODAY)).extracting(Proposal::channel).containsExactly(Channel.CALL);
    }

    @Test
    void noMoreThanTwoOutreachEmailsInSevenDays() {
        CustomerFacts c = new CustomerFacts(7, Tier.STANDARD, BERLIN, "DE-BE", 3L, MAY_ALL,
                berlin("2026-11-20T10:00"), LocalDate.of(2021, 11, 24), List.of(), List.of(), null, 2);
        assertThat(planner.plan(c, TODAY)).isEmpty();
    }

    @Test
    void aStandardCourtesyCallWithoutRoomOnTheListBecomesACourtesyEmailWithTheSameKey() {
        CustomerFacts c = customer(Tier.STANDARD, berlin("2026-08-20T10:00"));
        Proposal call = planner.plan(c, TODAY).get(0);
        assertThat(planner.emailInstead(call, c, 0)).hasValueSatisfying(p -> {
            assertThat(p.key()).isEqualTo(call.key());
            assertThat(p.rule()).isEqualTo(Rule.COURTESY);
            assertThat(p.channel()).isEqualTo(Channel.EMAIL);
            assertThat(p.email()).isEqualTo(new CourtesyCheckIn());
            assertThat(p.dueOn()).isEqualTo(call.dueOn());
            assertThat(p.reason()).isEqualTo("Customer, last spoken 96 days ago; no room on the call list: an email instead");
        });
    }

    @Test
    void topCustomersAreAlwaysCalledAndOtherCallsNeverBecomeEmails() {
        CustomerFacts top10 = customer(Tier.TOP10, berlin("2026-11-01T10:00"));
        CustomerFacts top100 = customer(Tier.TOP100, berlin("2026-10-01T10:00"));
        assertThat(planner.emailInstead(planner.plan(top10, TODAY).get(0), top10, 0)).isEmpty();
        assertThat(planner.emailInstead(planner.plan(top100, TODAY).get(0), top100, 0)).isEmpty();
        CustomerFacts standard = with(customer(Tier.STANDARD, berlin("2026-11-01T10:00")),
                List.of(new ProblemFact(55, berlin("2026-11-18T09:00"), berlin("2026-11-20T15:00"), "Late delivery", "Sent")), List.of());
        Proposal followUp = planner.plan(standard, TODAY).get(0);
        assertThat(followUp.rule()).isEqualTo(Rule.PROBLEM_FOLLOW_UP);
        assertThat(planner.emailInstead(followUp, standard, 0)).as("a complaint is followed up by phone").isEmpty();
    }

    @Test
    void theCourtesyEmailNeedsTheRuleTheCustomersConsentAndRoomUnderTheEmailCap() {
        CustomerFacts c = standardSpokenTo("2026-08-20T10:00", true, Set.of(), 0);
        Proposal call = planner.plan(c, TODAY).get(0);
        Planner ruleOff = new Planner(new Rules(Rules.DEFAULTS.cadenceDays(), false, 1, 2, 7, 30, new BigDecimal("1000.00"), true,
                true, 14, java.time.LocalTime.of(8, 0), java.time.LocalTime.of(18, 0), 2, 1, 20, MatchRules.DEFAULTS),
                new BusinessCalendar(new JollydayHolidays(), Set.of()));
        assertThat(ruleOff.emailInstead(call, c, 0)).as("the call stays and rolls over").isEmpty();
        assertThat(planner.emailInstead(call, standardSpokenTo("2026-08-20T10:00", true, Set.of(Consent.Purpose.CHECK_IN), 0), 0))
                .as("check-ins stopped").isEmpty();
        assertThat(planner.emailInstead(call, standardSpokenTo("2026-08-20T10:00", false, Set.of(), 0), 0))
                .as("unsubscribed").isEmpty();
        CustomerFacts oneEmailThisWeek = standardSpokenTo("2026-08-20T10:00", true, Set.of(), 1);
        assertThat(planner.emailInstead(call, oneEmailThisWeek, 0)).isPresent();
        assertThat(planner.emailInstead(call, oneEmailThisWeek, 1)).as("a thank-you in the same plan fills the cap").isEmpty();
    }

    /** {@code subscribed} false: the customer unsubscribed from all email. */
    private static CustomerFacts standardSpokenTo(String lastTwoWay, boolean subscribed, Set<Consent.Purpose> stopped, int emails) {
        Consent consent = new Consent(false, true, true, subscribed ? null : Instant.parse("2026-11-01T10:00:00Z"),
                subscribed ? null : "one-click", stopped, stopped.isEmpty() ? null : Instant.parse("2026-11-01T10:00:00Z"), null, false);
        return new CustomerFacts(7, Tier.STANDARD, BERLIN, "DE-BE", 3L, consent, berlin(lastTwoWay),
                LocalDate.of(2020, 3, 1), List.of(), List.of(), null, emails);
    }

    @Test
    void aCustomerInAucklandIsPlannedInAucklandsCalendar() {
        // 23:30 on Monday in Los Angeles is already Tuesday evening in Auckland: the TOP10 cadence counts Auckland days
        ZoneId auckland = ZoneId.of("Pacific/Auckland");
        CustomerFacts c = new CustomerFacts(7, Tier.TOP10, auckland, "NZ", 3L, MAY_ALL,
                LocalDate.of(2026, 11, 10).atTime(9, 0).atZone(auckland).toInstant(), null, List.of(), List.of(), null, 0);
        LocalDate aucklandToday = Instant.parse("2026-11-24T07:30:00Z").atZone(auckland).toLocalDate();
        assertThat(aucklandToday).isEqualTo(LocalDate.of(2026, 11, 24));
        assertThat(planner.plan(c, aucklandToday)).singleElement().satisfies(p -> assertThat(p.dueOn()).isEqualTo(aucklandToday));
        LocalDate losAngelesToday = Instant.parse("2026-11-24T07:30:00Z").atZone(ZoneId.of("America/Los_Angeles")).toLocalDate();
        assertThat(planner.plan(c, losAngelesToday)).as("planned by the customer's date, not the salesperson's").isEmpty();
    }
}
