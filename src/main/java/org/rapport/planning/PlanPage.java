package org.rapport.planning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.rapport.customers.Tier;
import org.rapport.outbox.CustomerSet;
import org.rapport.outbox.Mail;
import org.rapport.outbox.MailPurpose;
import org.rapport.outbox.OutboxService;
import org.rapport.platform.database.Batches;
import org.rapport.planning.CustomerFacts.ProblemFact;
import org.rapport.planning.CustomerFacts.PurchaseFact;
import org.rapport.planning.PlanningMapper.FactRow;
import org.rapport.platform.time.Zones;
import org.rapport.team.WorkingDays;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Plans one page of customers in its own transaction: set-based reads (the customers, their recent problems,
 * pending follow-up calls, purchases and emails), the rules in memory, one batch of inserts. Emails go to the outbox in the same
 * transaction, in bulk.
 */
@ApplicationScoped
public class PlanPage {

    static final int SIZE = 5_000;

    /** Closed touches older than this are never proposed again (their causes are older than any rule looks back). */
    private static final int KEY_HORIZON_DAYS = 400;

    /** Touches still under way: what the rules may propose again is only what is not among them. */
    private static final Set<PlannedTouchStatus> LIVE = EnumSet.complementOf(EnumSet.of(PlannedTouchStatus.DONE,
            PlannedTouchStatus.CANCELLED));

    @Inject
    PlanningMapper mapper;

    @Inject
    Batches batches;

    @Inject
    OutboxService outbox;

    @Inject
    PlannedTouches touches;

    @Inject
    CustomerPages customerPages;

    /**
     * Reads and plans one page in its own transaction (the incremental plans, and the full plan without a page read
     * ahead).
     *
     * @param room the room left on call lists today, or null when no rule depends on it
     * @return the customers read (the page is the last when fewer than {@link #SIZE}) and the touches proposed
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Result plan(long afterId, Collection<Long> only, Planner planner, Rules rules, BusinessCalendar calendar, CallRoom room,
                       Instant now) {
        return planRead(read(afterId, only, rules, now), planner, rules, calendar, room, now);
    }

    /**
     * What the rules look at of one page of customers (all, or those in {@code only}, after {@code afterId}): the
     * customers with plain JDBC, the rest set-based. No transaction of its own: inside the page's, or on a managed
     * thread ahead of it with none, since a page's plan writes only its own customers' rows (each read at READ COMMITTED
     * sees what is committed when it runs, as it would inside the page's transaction a moment later).
     */
    public Facts read(long afterId, Collection<Long> only, Rules rules, Instant now) {
        PageTimes times = new PageTimes();
        List<FactRow> rows = times.time("customers", () -> customerPages.customers(afterId, SIZE, only));
        if (rows.isEmpty()) {
            return new Facts(afterId, rows, CustomerSet.of(List.of()), Map.of(), Map.of(),
                    Map.of(), Set.of(), Map.of(), Map.of(), Set.of(), times);
        }
        List<Long> ids = rows.stream().map(r -> r.customerId).toList();
        long lastId = ids.get(ids.size() - 1);
        // a page of the full plan is a range of customer ids: one index range scan instead of 5,000 look-ups, here and in
        // the outbox's counts
        CustomerSet page = only == null ? CustomerSet.between(afterId, lastId) : CustomerSet.of(ids);
        Map<Long, List<PlanningMapper.ProblemRow>> problems = times.time("problems", () -> mapper.recentProblems(
                now.minus(Duration.ofDays(rules.resellAfterDays() + rules.checkInAfterDays() + 2L)), page)).stream()
                .collect(Collectors.groupingBy(p -> p.customerId));
        Map<Long, List<PlanningMapper.PurchaseRow>> purchases = times.time("purchases", () -> mapper.recentPurchases(
                Planner.purchasesSince(now), page)).stream()
                .collect(Collectors.groupingBy(p -> p.customerId));
        Instant thankYouSince = now.minus(Duration.ofDays(rules.thankYouMinDaysBetween()));
        // the last thank-you note: planned here, or queued by anyone else (netweaving's for consenting, a composed one)
        Map<Long, Instant> lastThankYou = new java.util.HashMap<>(times.time("thank-yous queued",
                () -> outbox.lastQueued(page, MailPurpose.THANK_YOU, thankYouSince)));
        times.time("thank-yous planned", () -> mapper.recentEmails(thankYouSince, page, PlannedTouchStatus.CANCELLED, Planner.THANK_YOU_RULES))
                .forEach(e -> lastThankYou.merge(e.customerId, e.lastThankYouAt, (a, b) -> a.isAfter(b) ? a : b));
        Set<Long> followUpsPending = new HashSet<>(times.time("follow-ups pending", () -> mapper.followUpsPending(page)));
        Map<Long, Instant> handedBack = times.time("handed back",
                () -> mapper.courtesyHandedBack(page, PlannedTouchStatus.CANCELLED, PlannedTouches.HANDED_BACK))
                .stream().collect(Collectors.toMap(h -> h.customerId, h -> h.handedBackAt));
        // the cap counts every outreach email in the outbox, whoever queued it (the outbox's one count)
        Map<Long, Integer> outreach = times.time("outreach counts", () -> outbox.outreachCounts(page, now.minus(Duration.ofDays(7))));
        // most of a night's proposals were planned on an earlier night: one indexed read finds them, so only new ones
        // are written and queued (another instance inserting the same key meanwhile is still harmless)
        Set<String> existing = new HashSet<>(times.time("keys planned",
                () -> mapper.existingKeys(page, now.minus(Duration.ofDays(KEY_HORIZON_DAYS)), LIVE)));
        return new Facts(afterId, rows, page, problems, purchases, lastThankYou, followUpsPending, handedBack, outreach, existing, times);
    }

    /**
     * Plans a page read by {@link #read} in its own transaction: the rules in memory, the emails queued in bulk, one batch
     * of inserts. A page that fails leaves nothing: its touches and outbox rows roll back together, and the plan of the
     * page runs again whole next time.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Result planRead(Facts read, Planner planner, Rules rules, BusinessCalendar calendar, CallRoom room, Instant now) {
        List<FactRow> rows = read.rows();
        PageTimes times = new PageTimes();
        if (rows.isEmpty()) {
            return new Result(0, read.afterId(), 0, 0, 0, times);
        }
        List<Planned> planned = times.time("rules", () -> rules(read, planner, now));
        List<Planned> unplanned = planned.stream().filter(p -> !read.existingKeys().contains(p.proposal().key())).toList();
        List<Planned> fresh = room == null ? unplanned : times.time("call room", () -> withinCallRoom(unplanned, planned, planner, room));
        // the page's emails go to the outbox first, so that each email touch is written once, QUEUED with its message
        // (the OPEN -> QUEUED move of a touch queued one by one, made at its insert: no second write per touch)
        Map<String, OutboxService.Enqueued> messages = times.time("outbox", () -> queue(fresh, rules, calendar, now));
        if (!fresh.isEmpty()) {
            times.run("touches", () -> batches.run(PlanningMapper.class, m -> fresh.forEach(p -> {
                OutboxService.Enqueued message = messages.get(p.proposal().key());
                m.insert(p.proposal(), p.facts().ownerId(), message == null ? PlannedTouchStatus.OPEN : PlannedTouchStatus.QUEUED,
                        message == null ? null : message.id(), now);
            })));
        }
        // in this transaction: an import that moved one of these customers since the page was read has its calls, and
        // these new ones, follow the new owner (its own pass waits for these rows, or ran before this one)
        times.run("holders", () -> touches.reconcileHolders(read.page()));
        int emailsQueued = (int) messages.values().stream().filter(OutboxService.Enqueued::created).count();
        return new Result(rows.size(), read.lastId(), planned.size(), fresh.size(), emailsQueued, times);
    }

    /** What the rules propose for each customer of the page. */
    private static List<Planned> rules(Facts read, Planner planner, Instant now) {
        List<Planned> planned = new ArrayList<>();
        Map<String, Set<java.time.DayOfWeek>> workingDays = new java.util.HashMap<>(); // a team has few spellings
        for (FactRow row : read.rows()) {
            CustomerFacts facts = facts(row, read.problems().getOrDefault(row.customerId, List.of()),
                    read.purchases().getOrDefault(row.customerId, List.of()), read.lastThankYou().get(row.customerId),
                    read.outreach().getOrDefault(row.customerId, 0),
                    new BusinessCalendar.Workweek(row.ownerRegion,
                            workingDays.computeIfAbsent(row.ownerWorkingDays, WorkingDays::ofStored)),
                    read.followUpsPending().contains(row.customerId), read.handedBack().get(row.customerId));
            LocalDate today = now.atZone(facts.zone()).toLocalDate();
            planner.plan(facts, today).forEach(p -> planned.add(new Planned(p, facts)));
        }
        return planned;
    }

    /**
     * New calls due by their owner's today (the owner's local date) take a place on the owner's list of that day, most
     * urgent first; a call that finds the list full stays a call (it rolls over), unless the planner offers an email
     * instead (STANDARD courtesy calls).
     */
    private static List<Planned> withinCallRoom(List<Planned> fresh, List<Planned> planned, Planner planner, CallRoom room) {
        List<Planned> calls = fresh.stream().filter(p -> p.proposal().channel() != Proposal.Channel.EMAIL && p.facts().ownerId() != null)
                .toList();
        if (calls.isEmpty()) {
            return fresh;
        }
        room.know(calls.stream().map(p -> p.facts().ownerId()).toList());
        // the calls on the owner's list of their today
        List<Planned> callsToday = calls.stream().filter(p -> !p.proposal().dueOn().isAfter(room.today(p.facts().ownerId())))
                .sorted(Comparator.comparingInt((Planned p) -> p.proposal().priority()).reversed()).toList();
        Map<Long, Long> emails = planned.stream().filter(p -> p.proposal().channel() == Proposal.Channel.EMAIL)
                .collect(Collectors.groupingBy(p -> p.proposal().customerId(), Collectors.counting()));
        Map<Planned, Planned> instead = new IdentityHashMap<>();
        for (Planned call : callsToday) {
            if (!room.take(call.facts().ownerId())) {
                planner.emailInstead(call.proposal(), call.facts(), emails.getOrDefault(call.proposal().customerId(), 0L))
                        .ifPresent(email -> {
                            instead.put(call, new Planned(email, call.facts()));
                            emails.merge(call.proposal().customerId(), 1L, Long::sum);
                        });
            }
        }
        return instead.isEmpty() ? fresh : fresh.stream().map(p -> instead.getOrDefault(p, p)).toList();
    }

    /** Puts a call of {@code rule} on the owner's list for today, once per cause (the key). */
    @Transactional(Transactional.TxType.REQUIRED)
    public boolean callToday(Proposal.Rule rule, long customerId, String key, String reason, int priority, Instant now) {
        return call(rule, customerId, key, reason, priority, now, (row, today) -> today);
    }

    /**
     * Puts a call of {@code rule} on the owner's list of the next call day after the customer's today (a day the owner
     * works that is no public holiday in the customer's region: {@link BusinessCalendar#callDayAfter}), once per cause.
     */
    @Transactional(Transactional.TxType.REQUIRED)
    public boolean callNextBusinessDay(Proposal.Rule rule, long customerId, String key, String reason, int priority,
                                       BusinessCalendar calendar, Instant now) {
        return call(rule, customerId, key, reason, priority, now, (row, today) -> calendar.callDayAfter(today, 1, row.region,
                new BusinessCalendar.Workweek(row.ownerRegion, WorkingDays.ofStored(row.ownerWorkingDays))));
    }

    private boolean call(Proposal.Rule rule, long customerId, String key, String reason, int priority, Instant now,
                         java.util.function.BiFunction<FactRow, LocalDate, LocalDate> dueOn) {
        List<FactRow> rows = customerPages.customers(customerId - 1, 1, List.of(customerId));
        if (rows.isEmpty() || rows.get(0).ownerId == null || !rows.get(0).consent().mayCall()) {
            return false;
        }
        LocalDate today = now.atZone(Zones.orUtc(rows.get(0).timeZone)).toLocalDate();
        LocalDate day = dueOn.apply(rows.get(0), today);
        return mapper.insert(new Proposal(key, rule, Proposal.Channel.CALL, customerId, null, day, day,
                priority, reason, null), rows.get(0).ownerId, PlannedTouchStatus.OPEN, null, now) == 1;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void closeAnswered(long customerId, Instant now) {
        touches.closeAnswered(customerId, now);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void withdrawForProblem(long customerId, String reason, Instant now) {
        touches.withdrawForProblem(customerId, reason, now);
    }

    /**
     * The page's new email touches go to the outbox, all at once, to leave inside the customer's send window on or after
     * their due date.
     *
     * @return each email touch's message, by plan key
     */
    private Map<String, OutboxService.Enqueued> queue(List<Planned> fresh, Rules rules, BusinessCalendar calendar, Instant now) {
        List<Planned> emails = fresh.stream().filter(p -> p.proposal().channel() == Proposal.Channel.EMAIL).toList();
        if (emails.isEmpty()) {
            return Map.of();
        }
        Map<String, OutboxService.Enqueued> queued = outbox.enqueueAll(emails.stream().map(p -> mail(p, rules, calendar, now)).toList());
        Map<String, OutboxService.Enqueued> byPlanKey = new java.util.HashMap<>();
        for (Planned p : emails) {
            OutboxService.Enqueued message = queued.get(MAIL_KEY + p.proposal().key());
            if (message == null) { // never stored without its message: the page rolls back instead
                throw new IllegalStateException("No outbox row for the planned email " + p.proposal().key());
            }
            byPlanKey.put(p.proposal().key(), message);
        }
        return byPlanKey;
    }

    /** A planned email's idempotency key is its plan key after this. */
    private static final String MAIL_KEY = "plan:";

    private static Mail mail(Planned p, Rules rules, BusinessCalendar calendar, Instant now) {
        ZoneId zone = p.facts().zone();
        Instant due = ZonedDateTime.of(p.proposal().dueOn(), rules.sendWindowStart(), zone).toInstant();
        Instant notBefore = calendar.sendMoment(due.isAfter(now) ? due : now, zone, p.facts().region(),
                rules.sendWindowStart(), rules.sendWindowEnd());
        return new Mail(MAIL_KEY + p.proposal().key(), p.proposal().email(), p.proposal().customerId(), null, null, notBefore, true);
    }

    private static CustomerFacts facts(FactRow r, List<PlanningMapper.ProblemRow> problems,
                                       List<PlanningMapper.PurchaseRow> purchases, Instant lastThankYouAt, int outreachLast7Days,
                                       BusinessCalendar.Workweek ownerWorkweek, boolean followUpPending,
                                       Instant courtesyHandedBackAt) {
        return new CustomerFacts(r.customerId, Tier.valueOf(r.tier), Zones.orUtc(r.timeZone), r.region, r.ownerId, r.consent(),
                r.lastTwoWayTouchAt,
                r.customerSinceDay == null ? null : LocalDate.ofEpochDay(r.customerSinceDay),
                problems.stream().map(p -> new ProblemFact(p.id, p.openedAt, p.resolvedAt, p.summary, p.resolution, p.rating,
                        p.followUpPlanned, p.reopened)).toList(),
                purchases.stream().map(p -> new PurchaseFact(p.id, p.purchasedOn, p.amount, p.currency, p.description)).toList(),
                lastThankYouAt, outreachLast7Days, ownerWorkweek, followUpPending, courtesyHandedBackAt);
    }

    private record Planned(Proposal proposal, CustomerFacts facts) {
    }

    /**
     * What {@link #read} found for a page: its customers, per customer what the rules look at, and the keys planned
     * already (still open, or younger than the key horizon).
     */
    public record Facts(long afterId, List<FactRow> rows, CustomerSet page, Map<Long, List<PlanningMapper.ProblemRow>> problems,
                        Map<Long, List<PlanningMapper.PurchaseRow>> purchases, Map<Long, Instant> lastThankYou,
                        Set<Long> followUpsPending, Map<Long, Instant> handedBack, Map<Long, Integer> outreach,
                        Set<String> existingKeys, PageTimes times) {

        public int customers() {
            return rows.size();
        }

        /** The last customer id of the page: the next page starts after it. */
        public long lastId() {
            return rows.isEmpty() ? afterId : rows.get(rows.size() - 1).customerId;
        }
    }

    /** @param proposals what the rules proposed; {@code created} of those, the touches that were not planned before */
    public record Result(int customers, long lastId, int proposals, int created, int emailsQueued, PageTimes times) {
    }
}
