package org.rapport.planning;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.rapport.money.ExchangeRateService;
import org.rapport.platform.database.ColumnText;
import org.rapport.platform.security.Access;
import org.rapport.platform.time.ScheduleZone;
import org.rapport.platform.time.Zones;
import org.rapport.outbox.Suppressions;
import org.rapport.problems.ProblemOpened;
import org.rapport.problems.ProblemResolved;
import org.rapport.purchases.PurchaseRecorded;
import org.rapport.platform.database.AfterCommit;
import org.rapport.touches.TouchLogged;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Runs the planner: over every customer (nightly, or on demand), or over the customers an event touched. Idempotent:
 * every proposal has a deterministic key, so a second run, or a run on another instance at the same moment, adds nothing.
 */
@ApplicationScoped
public class PlanningService {

    private static final Logger LOG = Logger.getLogger(PlanningService.class.getName());

    @Inject
    PlanPage page;

    @Inject
    PlannedTouches touches;

    @Inject
    RuleService ruleService;

    @Inject
    PlanningMapper mapper;

    @Inject
    PlanningRuns runs;

    @Inject
    ExchangeRateService exchangeRates;

    @Inject
    ManagerAlerts alerts;

    @Inject
    Suppressions suppressions;

    @Inject
    Clock clock;

    @Inject
    AfterCommit afterCommit;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    /** The key of the customers to plan when the current transaction commits. */
    private static final Object PLAN_AFTER_COMMIT = new Object();

    @Inject
    @ConfigProperty(name = "rapport.planning.cron")
    String cron;

    @Inject
    @ConfigProperty(name = "rapport.schedule.zone")
    ScheduleZone scheduleZone;

    /** Summary of a run. */
    /** @param proposals what the rules proposed; {@code created} of those, the touches that were new */
    public record Run(int customers, int proposals, int created, int emailsQueued, long millis) {
    }

    /**
     * The scheduled plan: plans everyone for the latest planning time at or before now (by Rapport's clock) unless it is
     * served or an instance is on it. Called at every planning time, once at every start, and by the check a minute
     * (PlanningCheckJob), so a start after a downtime plans once for today, and a time whose plan failed, or whose
     * instance died or lost its database mid-plan, is planned again without a restart ({@link PlanningLease}). What was
     * not done meanwhile stays open and comes forward on today's lists.
     *
     * @return the run, or empty when that time was served already or is held by another try
     */
    public Optional<Run> planScheduled() {
        Instant now = clock.instant();
        Optional<PlanningRuns.Claim> claim = new PlanningSchedule(cron, scheduleZone.timeZone()).dueSlot(now)
                .flatMap(slot -> runs.claim(slot, now));
        if (claim.isEmpty()) {
            return Optional.empty();
        }
        Run run;
        try {
            run = plan(null, now, () -> runs.renew(claim.get()));
        } catch (PlanningTimeTakenOver e) {
            LOG.warning(e.getMessage() + "; this plan stops, the later try plans the time");
            return Optional.empty();
        } catch (RuntimeException e) {
            giveBack(claim.get(), e);
            throw e;
        }
        if (!runs.finish(claim.get(), run)) {
            LOG.warning(() -> "Planning time " + claim.get().slot() + ": try " + claim.get().tries() + " finished its plan after a"
                    + " later try had taken the time over (its lease ran out while it was held up); the later try's record stands");
        }
        return Optional.of(run);
    }

    /** The time of a failed plan goes back to the cluster; when even that fails (the database gone), its lease runs out. */
    private void giveBack(PlanningRuns.Claim claim, RuntimeException failure) {
        try {
            Optional<Instant> retryAt = runs.giveBack(claim);
            LOG.warning(() -> retryAt.map(at -> "Planning time " + claim.slot() + ": try " + claim.tries() + " failed and gave the"
                            + " time back; it is tried again from " + at)
                    .orElse("Planning time " + claim.slot() + ": try " + claim.tries() + " failed after a later try had taken the"
                            + " time over") + ": " + failure);
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
            LOG.warning(() -> "Planning time " + claim.slot() + ": try " + claim.tries() + " failed and could not give the time"
                    + " back (" + e + "); it is tried again when its lease runs out: " + failure);
        }
    }

    public Run planAll() {
        return plan(null, clock.instant(), NO_CLAIM);
    }

    public Run planAll(Instant asOf) {
        return plan(null, asOf, NO_CLAIM);
    }

    public Run plan(Collection<Long> customerIds) {
        return plan(customerIds, clock.instant(), NO_CLAIM);
    }

    /** Plans on demand and for events hold no planning time: nothing to renew. */
    private static final Runnable NO_CLAIM = () -> {
    };

    /** @param afterPage called after each page: a scheduled plan keeps its claim there */
    private Run plan(Collection<Long> customerIds, Instant now, Runnable afterPage) {
        long started = System.nanoTime();
        Rules rules = ruleService.rules();
        BusinessCalendar calendar = ruleService.calendar();
        // the rates of the purchases the thank-you rule looks at, those PlanPage reads
        Planner planner = new Planner(rules, calendar, exchangeRates.since(Planner.purchasesSince(now)));
        // the room on call lists matters only to turn STANDARD courtesy calls into emails; each salesperson's room is
        // that of the list of their own local today
        CallRoom room = rules.standardEmailWhenNoCapacity() ? new CallRoom(now,
                ids -> mapper.salespersonZones(ids).stream().collect(Collectors.toMap(z -> z.salespersonId, z -> Zones.orUtc(z.timeZone))),
                (ids, today) -> mapper.callRoom(ids, today, rules.defaultDailyCapacity(), PlannedTouchStatus.OPEN)
                        .stream().collect(Collectors.toMap(r -> r.salespersonId, r -> r.room))) : null;
        int customers = 0;
        int proposals = 0;
        int created = 0;
        int emails = 0;
        long afterId = 0;
        // the full plan reads page n + 1 on a managed thread while it plans page n (the reads keep MariaDB busy, the
        // planning and writing this thread); an incremental plan is one page or a few, read in its own transaction
        ReadAhead<PlanPage.Facts> next = customerIds == null ? ReadAhead.start(() -> page.read(0, null, rules, now), executor) : null;
        PageTimes reads = new PageTimes();
        PageTimes work = new PageTimes();
        long waitedNanos = 0;
        while (true) {
            PlanPage.Result result;
            if (next == null) {
                result = page.plan(afterId, customerIds, planner, rules, calendar, room, now);
            } else {
                long waiting = System.nanoTime();
                PlanPage.Facts read = next.get();
                waitedNanos += System.nanoTime() - waiting;
                reads.add(read.times());
                next = read.customers() < PlanPage.SIZE ? null
                        : ReadAhead.start(() -> page.read(read.lastId(), null, rules, now), executor);
                result = page.planRead(read, planner, rules, calendar, room, now);
                work.add(result.times());
            }
            customers += result.customers();
            proposals += result.proposals();
            created += result.created();
            emails += result.emailsQueued();
            afterId = result.lastId();
            afterPage.run();
            if (result.customers() < PlanPage.SIZE) {
                break;
            }
        }
        Run run = new Run(customers, proposals, created, emails, (System.nanoTime() - started) / 1_000_000);
        if (customerIds == null) {
            long waitedMillis = waitedNanos / 1_000_000;
            LOG.info(() -> "Planned " + run.customers() + " customers: " + run.proposals() + " touches proposed, " + run.created() + " of them new, "
                    + run.emailsQueued() + " emails queued, in " + run.millis() + " ms; the pages' reads, ahead on a managed thread: "
                    + reads + "; waited for them " + waitedMillis + " ms; the planning thread's pages: " + work);
        }
        return run;
    }

    /**
     * A customer rated how a problem was handled: 1 or 2 puts an urgent call on the owner's next list (ahead of any
     * follow-up), where the manager sees it too.
     */
    public boolean lowRating(long customerId, long messageId, int score) {
        String reason = "Rated the handling of a problem " + score + " of 5: call today";
        boolean planned = page.callToday(Proposal.Rule.LOW_RATING, customerId, "low-rating:" + messageId, reason,
                Planner.FOLLOW_UP_PRIORITY + 50, clock.instant());
        if (planned) {
            alerts.alert(ManagerAlerts.Kind.LOW_RATING, Long.toString(messageId), customerId, score, reason);
        }
        return planned;
    }

    /**
     * An introduction made some days ago whose outcome nobody recorded: a call on the list of the salesperson of the
     * customer who needed the service ("Call Acme: introduced to Müller 14 days ago, did they meet?"), once per
     * introduction. Netweaving asks when it sends the "did you meet?" email.
     */
    public boolean introductionFollowUp(long customerId, long introductionId, String reason) {
        return page.callToday(Proposal.Rule.INTRODUCTION_FOLLOW_UP, customerId, "introduction-follow-up:" + introductionId,
                ColumnText.fitted(reason, REASON_WIDTH), Planner.CHECK_IN_PRIORITY, clock.instant());
    }

    /** What came of the introduction is known: its follow-up call, if still open, is no longer needed. */
    public void introductionSettled(long introductionId, String note) {
        touches.settled("introduction-follow-up:" + introductionId, note);
    }

    /** The recommended prospect became a customer: the lead's call, if still open, is no longer needed. */
    public void referralSettled(long referralId, String note) {
        touches.settled(referralLeadKey(referralId), note);
    }

    /** The plan key of a referral's lead call ({@link #referralLead}), by which an erasure closes the lead of a prospect. */
    public static String referralLeadKey(long referralId) {
        return "referral:" + referralId;
    }

    /** The width of {@code planned_touch.reason}, in characters: a longer reason is shortened, ending in "…". */
    static final int REASON_WIDTH = 300;

    /**
     * A prospect the customer recommended: a call on their salesperson's list today, ahead of check-ins and courtesy
     * calls (a warm lead cools quickly), behind problem follow-ups. False when the customer has no owner or may not be
     * called.
     */
    public boolean referralLead(long customerId, long referralId, String reason) {
        return page.callToday(Proposal.Rule.REFERRAL_LEAD, customerId, referralLeadKey(referralId), ColumnText.fitted(reason, REASON_WIDTH),
                Planner.CHECK_IN_PRIORITY + 10, clock.instant());
    }

    /**
     * A poll answer with a low score or a request to be called: a call on the owner's list the next business day (a day
     * the owner works, no public holiday of the customer's), ahead of check-ins, with the answer as the reason; once per
     * poll and customer. False when the customer has no owner or may not be called.
     */
    public boolean pollAnswer(long customerId, long pollId, String reason) {
        return page.callNextBusinessDay(Proposal.Rule.POLL_ANSWER, customerId, "poll:" + pollId + ":" + customerId,
                ColumnText.fitted(reason, REASON_WIDTH), Planner.CHECK_IN_PRIORITY + 20, ruleService.calendar(), clock.instant());
    }

    /** A conversation makes the open courtesy and follow-up calls unnecessary, then the next cycle is planned. */
    void touchLogged(@Observes(during = TransactionPhase.AFTER_SUCCESS) TouchLogged touch) {
        if (touch.twoWay()) {
            page.closeAnswered(touch.customerId(), clock.instant());
        }
        plan(List.of(touch.customerId()));
    }

    /**
     * A problem opened, or a resolved one opened again (through the API or an import, in its transaction, which holds the
     * customer row so that no delivery in flight outlasts it): only problem-related touches until it is resolved and
     * followed up. Once it commits, the customer's waiting emails that are not about the problem are suppressed (each
     * delivery checks the same rule), and their courtesy and re-sell calls still to be made, OPEN or ESCALATED, are
     * withdrawn ({@link #withdrawCalls}).
     */
    void problemOpened(@Observes ProblemOpened opened) {
        if (opened.stillOpen()) {
            suppressions.afterCommit(opened.customerId());
        }
    }

    /**
     * After the problem's commit, in a transaction of its own for each customer: withdrawing in the problem's
     * transaction locked the customer row (the problem's foreign key) before the planned calls, the reverse of a call
     * outcome's order (the call, then the customer's last two-way touch), so the two could deadlock.
     */
    void withdrawCalls(@Observes(during = TransactionPhase.AFTER_SUCCESS) ProblemOpened opened) {
        if (opened.stillOpen()) {
            page.withdrawForProblem(opened.customerId(), "Withdrawn: problem " + opened.problemExternalId()
                    + " opened; only problem-related touches until it is resolved and followed up", clock.instant());
        }
    }

    void problemResolved(@Observes ProblemResolved resolved) {
        planAfterCommit(resolved.customerId());
    }

    void purchaseRecorded(@Observes PurchaseRecorded purchase) {
        planAfterCommit(purchase.customerId());
    }

    /**
     * Plans the customer once the transaction that changed it has committed (as an AFTER_SUCCESS observer would), but
     * all the customers of one transaction together: an import batch of a thousand resolved problems is planned in one
     * page, not a thousand times one customer.
     */
    private void planAfterCommit(long customerId) {
        afterCommit.collect(PLAN_AFTER_COMMIT, customerId, this::plan);
    }


    public List<PlanningRunView> runs(int limit) {
        return mapper.runs(limit);
    }

    /** Planned touches of the customers the caller reaches. */
    public List<PlannedTouchView> search(Access access, Long customerId, String status, int limit) {
        return mapper.search(customerId, status, access, limit);
    }
}
