package org.rapport.planning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.rapport.customers.Tier;
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
 * pending follow-up calls, purchases and emails), the rules in memory, one batch of inserts. Emails go to the outbox in the same transaction.
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

    /**
     * @param room the room left on call lists today, or null when no rule depends on it
     * @return the customers read (the page is the last when fewer than {@link #SIZE}) and the touches proposed
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Result plan(long afterId, Collection<Long> only, Planner planner, Rules rules, BusinessCalendar calendar, CallRoom room,
                       Instant now) {
        List<FactRow> rows = mapper.customers(afterId, SIZE, only);
        if (rows.isEmpty()) {
            return new Result(0, afterId, 0, 0, 0);
        }
        List<Long> ids = rows.stream().map(r -> r.customerId).toList();
        PlanningMapper.Page page = new PlanningMapper.Page(only == null ? null : ids, afterId, ids.get(ids.size() - 1));
        Map<Long, List<PlanningMapper.ProblemRow>> problems = mapper.recentProblems(
                now.minus(Duration.ofDays(rules.resellAfterDays() + rules.checkInAfterDays() + 2L)), page).stream()
                .collect(Collectors.groupingBy(p -> p.customerId));
        Map<Long, List<PlanningMapper.PurchaseRow>> purchases = mapper.recentPurchases(
                Planner.purchasesSince(now), page).stream()
                .collect(Collectors.groupingBy(p -> p.customerId));
        Instant thankYouSince = now.minus(Duration.ofDays(rules.thankYouMinDaysBetween()));
        // the last thank-you note: planned here, or queued by anyone else (netweaving's for consenting, a composed one)
        Map<Long, Instant> lastThankYou = new java.util.HashMap<>(outbox.lastQueued(ids, MailPurpose.THANK_YOU, thankYouSince));
        mapper.recentEmails(thankYouSince, page, PlannedTouchStatus.CANCELLED, Planner.THANK_YOU_RULES)
                .forEach(e -> lastThankYou.merge(e.customerId, e.lastThankYouAt, (a, b) -> a.isAfter(b) ? a : b));
        Set<Long> followUpsPending = new HashSet<>(mapper.followUpsPending(page));
        Map<Long, Instant> handedBack = mapper.courtesyHandedBack(page, PlannedTouchStatus.CANCELLED, PlannedTouches.HANDED_BACK)
                .stream().collect(Collectors.toMap(h -> h.customerId, h -> h.handedBackAt));
        // the cap counts every outreach email in the outbox, whoever queued it (the outbox's one count)
        Map<Long, Integer> outreach = outbox.outreachCounts(ids, now.minus(Duration.ofDays(7)));

        List<Planned> planned = new ArrayList<>();
        Map<String, Set<java.time.DayOfWeek>> workingDays = new java.util.HashMap<>(); // a team has few spellings
        for (FactRow row : rows) {
            CustomerFacts facts = facts(row, problems.getOrDefault(row.customerId, List.of()),
                    purchases.getOrDefault(row.customerId, List.of()), lastThankYou.get(row.customerId),
                    outreach.getOrDefault(row.customerId, 0),
                    new BusinessCalendar.Workweek(row.ownerRegion,
                            workingDays.computeIfAbsent(row.ownerWorkingDays, WorkingDays::ofStored)),
                    followUpsPending.contains(row.customerId), handedBack.get(row.customerId));
            LocalDate today = now.atZone(facts.zone()).toLocalDate();
            planner.plan(facts, today).forEach(p -> planned.add(new Planned(p, facts)));
        }
        // most of a night's proposals were planned on an earlier night: one indexed read finds them, so only new ones
        // are written and queued (another instance inserting the same key meanwhile is still harmless)
        Set<String> existing = planned.isEmpty() ? Set.of()
                : new HashSet<>(mapper.existingKeys(page, now.minus(Duration.ofDays(KEY_HORIZON_DAYS)), LIVE));
        List<Planned> unplanned = planned.stream().filter(p -> !existing.contains(p.proposal().key())).toList();
        List<Planned> fresh = room == null ? unplanned : withinCallRoom(unplanned, planned, planner, room);
        if (!fresh.isEmpty()) {
            batches.run(PlanningMapper.class, m -> fresh.forEach(p -> m.insert(p.proposal(), p.facts().ownerId(), PlannedTouchStatus.OPEN, now)));
        }
        int emailsQueued = 0;
        for (Planned p : fresh) {
            if (p.proposal().channel() == Proposal.Channel.EMAIL) {
                emailsQueued += queue(p, rules, calendar, now);
            }
        }
        return new Result(rows.size(), rows.get(rows.size() - 1).customerId, planned.size(), fresh.size(), emailsQueued);
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
        List<FactRow> rows = mapper.customers(customerId - 1, 1, List.of(customerId));
        if (rows.isEmpty() || rows.get(0).ownerId == null || !rows.get(0).consent().mayCall()) {
            return false;
        }
        LocalDate today = now.atZone(Zones.orUtc(rows.get(0).timeZone)).toLocalDate();
        return mapper.insert(new Proposal(key, rule, Proposal.Channel.CALL, customerId, null, today, today,
                priority, reason, null), rows.get(0).ownerId, PlannedTouchStatus.OPEN, now) == 1;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void closeAnswered(long customerId, Instant now) {
        touches.closeAnswered(customerId, now);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void withdrawForProblem(long customerId, String reason, Instant now) {
        touches.withdrawForProblem(customerId, reason, now);
    }

    /** An email touch goes to the outbox to leave inside the customer's send window on or after its due date. */
    private int queue(Planned p, Rules rules, BusinessCalendar calendar, Instant now) {
        long id = mapper.idByKey(p.proposal().key()).orElseThrow();
        ZoneId zone = p.facts().zone();
        Instant due = ZonedDateTime.of(p.proposal().dueOn(), rules.sendWindowStart(), zone).toInstant();
        Instant notBefore = calendar.sendMoment(due.isAfter(now) ? due : now, zone, p.facts().region(),
                rules.sendWindowStart(), rules.sendWindowEnd());
        OutboxService.Enqueued enqueued = outbox.enqueue(new Mail("plan:" + p.proposal().key(), p.proposal().email(),
                p.proposal().customerId(), null, null, notBefore, true));
        return touches.queued(id, enqueued.id(), now);
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

    /** @param proposals what the rules proposed; {@code created} of those, the touches that were not planned before */
    public record Result(int customers, long lastId, int proposals, int created, int emailsQueued) {
    }
}
