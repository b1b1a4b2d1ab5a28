package org.rapport.netweaving;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.rapport.customers.CustomerService;
import org.rapport.planning.PlanningService;
import org.rapport.audit.AuditKind;
import org.rapport.audit.AuditTrail;
import org.rapport.audit.Change;
import org.rapport.audit.Subject;
import org.rapport.platform.database.Batches;
import org.rapport.platform.errors.InvalidInput;
import org.rapport.platform.security.Access;
import org.rapport.platform.security.AuthenticatedUser;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Introductions between customers: stores the matcher's proposals and moves each one along
 * {@link IntroductionStage}, recording who did what. Every move locks the introduction's row, asks the stage enum
 * whether the move is allowed, appends to the history and fires {@link IntroductionMoved} in the same transaction.
 */
@ApplicationScoped
public class IntroductionService {

    /** The most a list answers with, newest first. */
    public static final int LIST_LIMIT = 500;

    /** The most proposals {@link #awaiting} answers with: an inbox, not a report; the newest wait their turn. */
    public static final int AWAITING_LIMIT = 200;

    @Inject
    IntroductionMapper mapper;

    @Inject
    Clock clock;

    @Inject
    CustomerService customers;

    @Inject
    PlanningService planning;

    @Inject
    Batches batches;

    @Inject
    Event<IntroductionMoved> moved;

    @Inject
    AuditTrail audit;

    /**
     * Stores proposals of the matcher as PROPOSED, each with its PROPOSED event (the explanation as its note) and its
     * pairs of single codes ({@link NeedPairs}, for the report), in the caller's transaction: one JDBC batch of the rows,
     * one insert of the events and one JDBC batch of the pairs, whatever the number.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void proposeAll(List<Match> matches, long matchRunId) {
        if (matches.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        long after = mapper.lastIdOfRun(matchRunId);
        batches.run(IntroductionMapper.class, batch -> {
            for (Match match : matches) {
                batch.insertProposal(new IntroductionMapper.ProposalRow(match, matchRunId, now));
            }
        });
        int events = mapper.insertProposedEvents(matchRunId, after, IntroductionEvent.PROPOSED, IntroductionStage.PROPOSED,
                IntroductionEvent.RAPPORT);
        if (events != matches.size()) {
            // the run's rows above its last id before this chunk are exactly this chunk's; anything else is a bug
            throw new IllegalStateException("Matching run " + matchRunId + ": " + matches.size() + " proposals stored but "
                    + events + " PROPOSED events written");
        }
        Map<String, Match> byPair = new HashMap<>();
        matches.forEach(match -> byPair.put(match.first() + ":" + match.second(), match));
        List<IntroductionMapper.Customers> stored = mapper.proposalsOfRunAfter(matchRunId, after);
        batches.run(IntroductionMapper.class, batch -> {
            for (IntroductionMapper.Customers proposal : stored) {
                Match match = byPair.get(proposal.firstCustomerId() + ":" + proposal.secondCustomerId());
                for (NeedPairs.Pair pair : NeedPairs.of(match.firstNeeds(), match.secondNeeds())) {
                    batch.insertNeedPair(proposal.id(), pair);
                }
            }
        });
    }

    /** The introduction with its history, when the caller reaches either of its customers. */
    public Introduction find(Access access, long id) {
        Introduction introduction = mapper.findVisible(access, id).orElseThrow(() -> refusal(access, id));
        return introduction.withHistory(mapper.history(id));
    }

    /**
     * @param stage null for every stage
     * @param owner a salesperson's external id, or null
     */
    public List<Introduction> list(Access access, IntroductionStage stage, String owner) {
        return mapper.listVisible(access, stage, owner, LIST_LIMIT);
    }

    /**
     * The proposals that wait for this login's yes or no, those waiting longest first, at most {@code limit}:
     * every proposal for an admin (who decides both sides); otherwise those with a side not yet approved that the login
     * speaks for ({@link IntroductionApproval}: its salesperson owns the customer, or one of their reports does). Chosen
     * in SQL, so that however many other proposals the login sees, none that waits on it is left out.
     */
    public List<Introduction> awaiting(AuthenticatedUser user, int limit) {
        return mapper.awaiting(user.access(), limit);
    }

    /**
     * The introductions of one customer the caller may see (someone else's customer is refused, an unknown one not
     * found), on either side, newest first: the customer page's history.
     */
    public List<Introduction> ofCustomer(Access access, String customer, int limit) {
        return mapper.ofCustomer(access, customers.requireVisible(access, customer), limit);
    }

    /**
     * One owner's yes (or their manager's, for the sides they speak for; an admin's for both). Once both sides have
     * said yes the introduction is APPROVED, and what follows approval happens in the same transaction.
     */
    @Transactional
    public Introduction approve(AuthenticatedUser user, long id) {
        IntroductionMapper.Stored stored = lockReachable(user.access(), id);
        stored.stage().moveTo(IntroductionStage.APPROVED, id); // only a proposal is approved
        IntroductionApproval approval = approval(stored);
        IntroductionApproval after = user.access().isEverything()
                ? new IntroductionApproval(id, approval.firstOwner(), approval.secondOwner(), true, true)
                : approval.approvedBy(salesperson(user, id), reportsOf(user));
        mapper.approveSides(id, after.firstApproved(), after.secondApproved());
        if (after.complete()) {
            move(stored, IntroductionStage.APPROVED, user.username(), null);
        } else if (!after.equals(approval)) {
            mapper.insertEvent(id, IntroductionEvent.APPROVED_SIDE, stored.stage(), stored.stage(), user.username(), null,
                    clock.instant());
        }
        if (!after.equals(approval)) {
            audit.record(AuditKind.INTRODUCTION_APPROVED, Subject.of("introduction", id), Change.between(
                    sides(stored.stage(), approval), sides(after.complete() ? IntroductionStage.APPROVED : stored.stage(), after)));
        }
        return find(user.access(), id);
    }

    /** Declines a proposal, with the reason; whoever may approve a side may decline it. */
    @Transactional
    public Introduction decline(AuthenticatedUser user, long id, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInput("reason: say why the introduction is declined.");
        }
        IntroductionMapper.Stored stored = lockReachable(user.access(), id);
        stored.stage().moveTo(IntroductionStage.DECLINED, id);
        if (!user.access().isEverything()) {
            approval(stored).requireMayDecide(salesperson(user, id), reportsOf(user));
        }
        move(stored, IntroductionStage.DECLINED, user.username(), reason.strip());
        // the stage only; the reason is free text about two customers, kept with the introduction's history
        audit.record(AuditKind.INTRODUCTION_DECLINED, Subject.of("introduction", id),
                new Change(Map.of("stage", stored.stage()), Map.of("stage", IntroductionStage.DECLINED)));
        return find(user.access(), id);
    }

    private static Map<String, Object> sides(IntroductionStage stage, IntroductionApproval approval) {
        return Change.state("stage", stage, "first_approved", approval.firstApproved(), "second_approved", approval.secondApproved());
    }

    /** A salesperson's record of what came of an introduction made: met, a deal (with its value) or no deal. */
    @Transactional
    public Introduction recordOutcome(AuthenticatedUser user, long id, IntroductionOutcome outcome) {
        outcome.requireConsistent();
        java.math.BigDecimal value = outcome.value();
        String currency = outcome.currency();
        IntroductionMapper.Stored stored = lockReachable(user.access(), id);
        stored.stage().moveTo(outcome.stage(), id);
        if (outcome.stage() == IntroductionStage.DEAL_CLOSED) {
            mapper.recordDeal(id, value, currency);
        }
        move(stored, outcome.stage(), user.username(), outcome.note);
        return find(user.access(), id);
    }

    /**
     * A move the service makes by itself or for a customer (a consent answer, a reminder's expiry): inside the caller's
     * transaction, with the row locked.
     *
     * @return the stage it was in, when the move was allowed
     * @throws IntroductionMoveRefused when its stage does not lead to {@code target}
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public IntroductionStage move(long id, IntroductionStage target, String actor, String note) {
        return move(id, target, actor, note, clock.instant());
    }

    /**
     * As {@link #move(long, IntroductionStage, String, String)}, for a move that happened at {@code at}, not now: the
     * introduction was made when its last copy left, which the outbox reports at the moment it records it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public IntroductionStage move(long id, IntroductionStage target, String actor, String note, Instant at) {
        IntroductionMapper.Stored stored = mapper.lock(id).orElseThrow(() -> new IllegalStateException("No introduction " + id));
        move(stored, target, actor, note, at);
        return stored.stage();
    }

    private void move(IntroductionMapper.Stored stored, IntroductionStage target, String actor, String note) {
        move(stored, target, actor, note, clock.instant());
    }

    private void move(IntroductionMapper.Stored stored, IntroductionStage target, String actor, String note, Instant now) {
        IntroductionStage to = stored.stage().moveTo(target, stored.id());
        mapper.moveStage(stored.id(), to, to.furthestAfter(stored.furthest()), now);
        mapper.insertMove(stored.id(), stored.stage(), to, actor, note, now,
                IntroductionStage.stayMinutes(stored.stageSince(), now));
        if (to == IntroductionStage.MET || to == IntroductionStage.DEAL_CLOSED || to == IntroductionStage.NO_DEAL) {
            planning.introductionSettled(stored.id(), "recorded: " + to);
        }
        moved.fire(new IntroductionMoved(stored.id(), stored.stage(), to, actor));
    }

    /** Locks the row once the caller is known to reach it: others learn nothing, not even whether the id exists. */
    private IntroductionMapper.Stored lockReachable(Access access, long id) {
        if (mapper.findVisible(access, id).isEmpty()) {
            throw refusal(access, id);
        }
        return mapper.lock(id).orElseThrow(() -> refusal(access, id));
    }

    /** For an admin, who reaches every introduction, not visible means unknown (404); anyone else gets 403 either way. */
    private static RuntimeException refusal(Access access, long id) {
        return access.refusal(false, "There is no introduction " + id + ".",
                "Introduction " + id + " is not between customers of yours.");
    }

    private static IntroductionApproval approval(IntroductionMapper.Stored stored) {
        IntroductionApproval pending = IntroductionApproval.pending(stored.id(), ownerOrNone(stored.firstOwnerId()),
                ownerOrNone(stored.secondOwnerId()));
        return new IntroductionApproval(stored.id(), pending.firstOwner(), pending.secondOwner(), stored.firstApproved(),
                stored.secondApproved());
    }

    /** A customer without an owner: a side no salesperson speaks for (only an admin approves it). */
    private static long ownerOrNone(Long owner) {
        return owner == null ? 0L : owner;
    }

    private static long salesperson(AuthenticatedUser user, long id) {
        if (user.salespersonId() == null) {
            throw new IntroductionApprovalNotAllowed("The login " + user.username() + " acts for no salesperson, so it "
                    + "decides no side of introduction " + id + ".");
        }
        return user.salespersonId();
    }

    private Set<Long> reportsOf(AuthenticatedUser user) {
        return user.access().isTeam() && user.salespersonId() != null ? mapper.reportsOf(user.salespersonId()) : Set.of();
    }
}
