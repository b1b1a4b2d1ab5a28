package org.rapport.planning;

import org.rapport.customers.Tier;
import org.rapport.customers.Consent.Purpose;
import org.rapport.money.ExchangeRates;
import org.rapport.outbox.MailModel.CourtesyCheckIn;
import org.rapport.outbox.MailModel.Problem;
import org.rapport.outbox.MailModel.ProblemCheckIn;
import org.rapport.outbox.MailModel.Purchase;
import org.rapport.outbox.MailModel.ThankYouAnniversary;
import org.rapport.outbox.MailModel.ThankYouPurchase;
import org.rapport.outbox.Response;
import org.rapport.planning.CustomerFacts.ProblemFact;
import org.rapport.planning.CustomerFacts.PurchaseFact;
import org.rapport.planning.Proposal.Channel;
import org.rapport.planning.Proposal.Rule;
import org.rapport.platform.database.ColumnText;

import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The default rules of the SPEC as plain Java: what one customer needs today (in the customer's own calendar). Contact
 * policy first: do-not-contact stops everything; an open problem, or a follow-up call still to be made (OPEN or
 * ESCALATED, the send-time check's {@code problemPending}), leaves only problem-related touches; unsubscribed or stopped
 * purposes stop emails, not calls; at most {@code maxEmailsPer7Days} outreach emails and one thank-you note per {@code thankYouMinDaysBetween} days.
 */
public final class Planner {

    static final int FOLLOW_UP_PRIORITY = 200;
    static final int CHECK_IN_PRIORITY = 70;
    static final int RESELL_PRIORITY = 40;
    /** A check-in rating at or below this is a complaint: an urgent call, a manager alert, no re-sell. */
    public static final int LOW_RATING = Response.LOW_RATING;
    static final int THANK_YOU_PRIORITY = 20;
    /** The rules whose touches count as thank-you notes for {@code thank_you.min_days_between} (the last one planned). */
    static final Set<Rule> THANK_YOU_RULES = EnumSet.of(Rule.THANK_YOU_PURCHASE, Rule.THANK_YOU_ANNIVERSARY);
    /** Thank-you notes for purchases older than this are not sent any more: late thanks feel automatic. */
    static final int THANK_YOU_MAX_AGE_DAYS = 7;

    /** The purchases a plan at {@code now} reads (and the exchange rates it needs): the youngest ones in any time zone. */
    static java.time.LocalDate purchasesSince(java.time.Instant now) {
        return java.time.LocalDate.ofInstant(now, java.time.ZoneOffset.UTC).minusDays(THANK_YOU_MAX_AGE_DAYS + 2L);
    }

    private final Rules rules;
    private final BusinessCalendar calendar;
    private final ExchangeRates rates;

    /** With the defaults of a new database for money: the company currency EUR and no exchange rates. */
    public Planner(Rules rules, BusinessCalendar calendar) {
        this(rules, calendar, ExchangeRates.none());
    }

    /** @param rates converts purchases for the thank-you threshold, which is an amount in the company currency */
    public Planner(Rules rules, BusinessCalendar calendar, ExchangeRates rates) {
        this.rules = rules;
        this.calendar = calendar;
        this.rates = rates;
    }

    /**
     * The plan key of a problem's touch: {@code follow-up:42} for its first resolution, {@code follow-up:42#1} once it
     * was opened again and resolved again, and so on (PlanningMapper.xml's {@code problemKey} builds the same in SQL).
     */
    static String problemKey(String kind, long problemId, int reopened) {
        return kind + ":" + problemId + (reopened > 0 ? "#" + reopened : "");
    }

    public List<Proposal> plan(CustomerFacts c, LocalDate today) {
        if (!c.consent().mayCall()) {
            return List.of();
        }
        List<Proposal> touches = new ArrayList<>();
        boolean openProblem = c.problems().stream().anyMatch(ProblemFact::open);
        // the send-time problemPending predicate, as it will stand once this plan is stored: a problem open, a follow-up
        // call OPEN or ESCALATED (however long past its due-by date), or a follow-up this plan stores OPEN now
        boolean newFollowUp = false;
        for (ProblemFact p : c.problems()) {
            if (p.open()) {
                continue;
            }
            LocalDate resolvedOn = p.resolvedAt().atZone(c.zone()).toLocalDate();
            if (today.isBefore(resolvedOn)) {
                continue;
            }
            boolean spokenSince = c.twoWayTouchSince(p.resolvedAt());
            if (!spokenSince && today.isBefore(resolvedOn.plusDays(rules.checkInAfterDays())) && c.ownerId() != null) {
                // the one rule for a call's day: one the owner works, no public holiday in the customer's region
                LocalDate due = calendar.callDayAfter(resolvedOn, rules.followUpAfterBusinessDays(), c.region(),
                        c.ownerWorkweek());
                LocalDate dueBy = calendar.callDayAfter(resolvedOn, rules.followUpDueWithinBusinessDays(), c.region(),
                        c.ownerWorkweek());
                newFollowUp |= !p.followUpPlanned();
                touches.add(new Proposal(p.key("follow-up"), Rule.PROBLEM_FOLLOW_UP, Channel.CALL, c.customerId(), p.id(),
                        due, dueBy, FOLLOW_UP_PRIORITY + Math.max(0, (int) ChronoUnit.DAYS.between(dueBy, today)),
                        "Problem resolved on " + resolvedOn + " (" + shorten(p.summary()) + "): follow up by " + dueBy,
                        null));
            }
            LocalDate checkIn = resolvedOn.plusDays(rules.checkInAfterDays());
            if (!spokenSince && !today.isBefore(checkIn) && today.isBefore(resolvedOn.plusDays(rules.resellAfterDays()))
                    && c.mayEmail(Purpose.CHECK_IN)) {
                touches.add(new Proposal(p.key("check-in"), Rule.PROBLEM_CHECK_IN, Channel.EMAIL, c.customerId(), p.id(),
                        checkIn, checkIn, CHECK_IN_PRIORITY, "Check-in " + rules.checkInAfterDays()
                        + " days after the problem resolved on " + resolvedOn + ", no conversation since",
                        new ProblemCheckIn(new Problem(nonNull(p.summary()), nonNull(p.resolution())),
                                Long.toString(ChronoUnit.DAYS.between(resolvedOn, today)))));
            }
            LocalDate resell = resolvedOn.plusDays(rules.resellAfterDays());
            boolean newerProblem = c.problems().stream().anyMatch(q -> q.openedAt().isAfter(p.resolvedAt()));
            // a customer who rated the handling 1 or 2 got an urgent call; offering more then would be tone-deaf
            boolean ratedBadly = p.rating() != null && p.rating() <= LOW_RATING;
            if (!openProblem && !newerProblem && !ratedBadly && !today.isBefore(resell)
                    && today.isBefore(resell.plusDays(rules.checkInAfterDays())) && c.ownerId() != null) {
                touches.add(new Proposal(p.key("resell"), Rule.RESELL, Channel.CALL, c.customerId(), p.id(), resell, resell,
                        RESELL_PRIORITY, rules.resellAfterDays() + " days since the problem resolved on " + resolvedOn
                        + (p.rating() == null ? "" : ", rated " + p.rating() + " of 5")
                        + ", no new problem: time to talk about what is next", null));
            }
        }
        if (openProblem || c.followUpPending() || newFollowUp) {
            // while a complaint is open or its follow-up call is to be made, nothing else: the sender would suppress it
            return capEmails(touches.stream().filter(Proposal::problemRelated).toList(), c);
        }
        courtesy(c, today).ifPresent(touches::add);
        thankYou(c, today).ifPresent(touches::add);
        return capEmails(touches, c);
    }

    /**
     * The SPEC's "an email touch for STANDARD if no call capacity": a STANDARD customer's courtesy call that finds no room
     * on the owner's call list becomes a courtesy email, when {@code cadence.standard_email_when_no_capacity} is on, the
     * customer takes check-in emails and the email cap leaves room. It keeps the call's key: one courtesy touch per
     * cycle, by phone or by email.
     *
     * @param emailsPlanned emails this plan already proposes for the customer
     */
    public java.util.Optional<Proposal> emailInstead(Proposal call, CustomerFacts c, long emailsPlanned) {
        if (!rules.standardEmailWhenNoCapacity() || call.rule() != Rule.COURTESY || call.channel() != Channel.CALL
                || c.tier() != Tier.STANDARD || !c.mayEmail(Purpose.CHECK_IN)
                || c.emailsLast7Days() + emailsPlanned >= rules.maxEmailsPer7Days()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Proposal(call.key(), Rule.COURTESY, Channel.EMAIL, c.customerId(), null, call.dueOn(),
                call.dueBy(), call.priority(), call.reason() + "; no room on the call list: an email instead",
                new CourtesyCheckIn()));
    }

    private java.util.Optional<Proposal> courtesy(CustomerFacts c, LocalDate today) {
        if (c.ownerId() == null) {
            return java.util.Optional.empty();
        }
        LocalDate last = c.lastTwoWayAt() == null ? null : c.lastTwoWayAt().atZone(c.zone()).toLocalDate();
        // a courtesy call handed back starts the cadence again from that day, without a conversation on record
        LocalDate handedBack = c.courtesyHandedBackAt() == null ? null : c.courtesyHandedBackAt().atZone(c.zone()).toLocalDate();
        boolean fromHandBack = handedBack != null && (last == null || handedBack.isAfter(last));
        LocalDate since = fromHandBack ? handedBack : last;
        LocalDate due = since == null ? today : since.plusDays(rules.cadence(c.tier()));
        if (due.isAfter(today)) {
            return java.util.Optional.empty();
        }
        int overdue = (int) ChronoUnit.DAYS.between(due, today);
        String spoken = last == null ? "no conversation on record" : "last spoken " + ChronoUnit.DAYS.between(last, today) + " days ago";
        if (fromHandBack) {
            spoken += ", the last courtesy call handed back " + ChronoUnit.DAYS.between(since, today) + " days ago";
        }
        return java.util.Optional.of(new Proposal("courtesy:" + c.customerId() + ":" + (since == null ? "never" : since),
                Rule.COURTESY, Channel.CALL, c.customerId(), null, due, due, basePriority(c.tier()) + Math.min(overdue, 30),
                tierName(c.tier()) + ", " + spoken, null));
    }

    private java.util.Optional<Proposal> thankYou(CustomerFacts c, LocalDate today) {
        if (!c.mayEmail(Purpose.THANK_YOU) || (c.lastThankYouAt() != null
                && c.lastThankYouAt().atZone(c.zone()).toLocalDate().plusDays(rules.thankYouMinDaysBetween()).isAfter(today))) {
            return java.util.Optional.empty();
        }
        // the threshold is in the company currency: a purchase in another currency counts at the rate of its date, and
        // one without a rate is not compared at all (the import and the tier recomputation report it)
        java.util.Optional<Converted> purchase = c.purchases().stream()
                .filter(p -> p.purchasedOn().isBefore(today) && !p.purchasedOn().plusDays(THANK_YOU_MAX_AGE_DAYS).isBefore(today))
                .flatMap(p -> rates.inCompanyCurrency(p.amount(), p.currency(), p.purchasedOn()).map(v -> new Converted(p, v)).stream())
                .filter(p -> p.value().compareTo(rules.thankYouPurchaseThreshold()) >= 0)
                .max(Comparator.comparing(Converted::value));
        if (purchase.isPresent()) {
            PurchaseFact p = purchase.get().purchase();
            String amount = money(p.amount(), p.currency());
            String converted = p.currency().equals(rates.companyCurrency()) ? ""
                    : " (" + money(purchase.get().value(), rates.companyCurrency()) + ")";
            return java.util.Optional.of(new Proposal("thank-you-purchase:" + p.id(), Rule.THANK_YOU_PURCHASE, Channel.EMAIL,
                    c.customerId(), p.id(), p.purchasedOn().plusDays(1), p.purchasedOn().plusDays(1), THANK_YOU_PRIORITY,
                    "Purchase of " + amount + converted + " on " + p.purchasedOn(),
                    new ThankYouPurchase(new Purchase(nonNull(p.description()), amount, p.purchasedOn().toString()))));
        }
        LocalDate since = c.customerSince();
        if (rules.thankYouAnniversary() && since != null && today.getYear() > since.getYear()
                && today.getMonth() == since.getMonth() && today.getDayOfMonth() == since.getDayOfMonth()) {
            int years = today.getYear() - since.getYear();
            return java.util.Optional.of(new Proposal("anniversary:" + c.customerId() + ":" + today.getYear(),
                    Rule.THANK_YOU_ANNIVERSARY, Channel.EMAIL, c.customerId(), null, today, today, THANK_YOU_PRIORITY,
                    years + (years == 1 ? " year" : " years") + " a customer today",
                    new ThankYouAnniversary(Integer.toString(years))));
        }
        return java.util.Optional.empty();
    }

    /** At most {@code maxEmailsPer7Days} outreach emails in seven days: the most important ones go. */
    private List<Proposal> capEmails(List<Proposal> touches, CustomerFacts c) {
        int room = Math.max(0, rules.maxEmailsPer7Days() - c.emailsLast7Days());
        List<Proposal> kept = new ArrayList<>();
        touches.stream().sorted(Comparator.comparingInt(Proposal::priority).reversed()).forEach(t -> {
            if (t.channel() != Channel.EMAIL) {
                kept.add(t);
            } else if (kept.stream().filter(k -> k.channel() == Channel.EMAIL).count() < room) {
                kept.add(t);
            }
        });
        return kept;
    }

    static int basePriority(Tier tier) {
        return switch (tier) {
            case TOP10 -> 80;
            case TOP100 -> 60;
            case STANDARD -> 30;
        };
    }

    private static String tierName(Tier tier) {
        return switch (tier) {
            case TOP10 -> "Top-10 customer";
            case TOP100 -> "Top-100 customer";
            case STANDARD -> "Customer";
        };
    }

    private static String money(java.math.BigDecimal amount, String currency) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(RoundingMode.HALF_EVEN);
        return format.format(amount) + " " + currency;
    }

    /** A purchase and its value in the company currency. */
    private record Converted(PurchaseFact purchase, java.math.BigDecimal value) {
    }

    /** A problem's summary inside a reason: at most 80 characters, cut as {@link ColumnText} cuts (no character split). */
    private static String shorten(String text) {
        return ColumnText.fitted(nonNull(text).strip(), 80);
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
