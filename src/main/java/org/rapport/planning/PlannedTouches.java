package org.rapport.planning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.rapport.customers.CustomerOwnersChanged;
import org.rapport.outbox.CustomerSet;
import org.rapport.planning.Proposal.Rule;
import org.rapport.platform.errors.NotFound;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import static org.rapport.planning.PlannedTouchStatus.CANCELLED;
import static org.rapport.planning.PlannedTouchStatus.DONE;
import static org.rapport.planning.PlannedTouchStatus.ESCALATED;
import static org.rapport.planning.PlannedTouchStatus.OPEN;

/**
 * The one writer of a planned touch's status: every change is a move of {@link PlannedTouchStatus}, checked in Java
 * and written with the status's name as the parameter. A move the life cycle does not allow is a {@code Conflict}.
 */
@ApplicationScoped
public class PlannedTouches {

    @Inject
    PlanningMapper mapper;

    @Inject
    Clock clock;

    /** The customer was reached, or the touch was not needed: DONE, with the outcome and the note. */
    @Transactional
    public void close(long id, String outcome, String note) {
        record(id, DONE, outcome, note, 0, null);
    }

    /**
     * A try that did not reach the customer: it comes back on {@code notBefore}, or goes to the manager (ESCALATED)
     * after the last try.
     */
    @Transactional
    public PlannedTouchStatus retry(long id, String outcome, String note, LocalDate notBefore, boolean lastTry) {
        return record(id, lastTry ? ESCALATED : OPEN, outcome, note, 1, notBefore);
    }

    /** Comes back on {@code notBefore}, still OPEN. */
    @Transactional
    public void reschedule(long id, LocalDate notBefore, String note) {
        record(id, OPEN, "RESCHEDULED", note, 0, notBefore);
    }

    /** The salesperson moves the call to {@code until}, still OPEN, without a try: nothing happened with the customer. */
    @Transactional
    public void snooze(long id, LocalDate until, String note) {
        record(id, OPEN, "SNOOZED", note, 0, until);
    }

    /** The outcome of a courtesy call its salesperson handed back: no call happened (not REACHED, not NOT_NEEDED). */
    public static final String HANDED_BACK = "HANDED_BACK";

    /**
     * The salesperson gives an OPEN courtesy call back (CANCELLED, outcome {@link #HANDED_BACK}): it leaves the list, and
     * the planner counts the customer's courtesy cadence from the day it was handed back (CustomerFacts), as if from a
     * conversation, without one being on record. The caller checks that it is a courtesy call.
     */
    @Transactional
    public void handBack(long id, String note) {
        record(id, CANCELLED, HANDED_BACK, note, 0, null);
    }

    /**
     * A manager's decision on an ESCALATED call: {@code holder} holds it from now on (the manager who took it, or the
     * colleague it was given to), OPEN on their list from {@code from}, with a fresh round of tries.
     */
    @Transactional
    public void assign(long id, long holder, LocalDate from, String outcome, String note) {
        decide(id, OPEN, outcome, note, from, holder);
    }

    /**
     * Customers changed owner: their calls still to be made (OPEN or ESCALATED) that no manager gave to someone move to
     * the new owner's list; a call given to someone stays with them. After the import's commit, as one statement of its
     * own: in the import's transaction the customer rows were locked before the planned calls, the reverse of a call
     * outcome's order (the call, then the customer), so the two could deadlock. A plan page sets the holders of its
     * customers right too, so a page planned in between cannot leave a call with the old owner.
     */
    void ownersChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) CustomerOwnersChanged changed) {
        if (!changed.customerIds().isEmpty()) {
            reconcileHolders(CustomerSet.of(changed.customerIds()));
        }
    }

    /** Sets the holder of the customers' calls still to be made right (PlanningMapper.reconcileHolders says when). */
    void reconcileHolders(CustomerSet customers) {
        mapper.reconcileHolders(customers, PlannedTouchStatus.ANSWERABLE);
    }

    /** A manager's decision: the escalated call comes back on its holder's list on {@code notBefore}, tries afresh. */
    @Transactional
    public void rescheduleEscalated(long id, LocalDate notBefore, String note) {
        decide(id, OPEN, "RESCHEDULED", note, notBefore, null);
    }

    /** A manager's decision: the escalated call is closed (DONE) with the manager's note. */
    @Transactional
    public void closeEscalated(long id, String note) {
        decide(id, DONE, "CLOSED", note, null, null);
    }

    private PlannedTouchStatus record(long id, PlannedTouchStatus to, String outcome, String note, int tries, LocalDate notBefore) {
        PlannedTouchStatus from = lock(id);
        from.record(to, id);
        mapper.move(new PlanningMapper.Move(id, from, to, outcome, note, tries, notBefore, to.isFinal(), false, null), clock.instant());
        return to;
    }

    private void decide(long id, PlannedTouchStatus to, String outcome, String note, LocalDate notBefore, Long assignee) {
        PlannedTouchStatus from = lock(id);
        from.decide(to, id);
        mapper.move(new PlanningMapper.Move(id, from, to, outcome, note, 0, notBefore, to.isFinal(), true, assignee), clock.instant());
    }

    private PlannedTouchStatus lock(long id) {
        return mapper.lockStatus(id).orElseThrow(() -> new NotFound("There is no planned touch " + id + "."));
    }

    /**
     * The touch planned under {@code key} is no longer needed, its cause settled elsewhere (an introduction's outcome
     * recorded, a recommended prospect became a customer): DONE, NOT_NEEDED, with the note, when it is still OPEN.
     */
    @Transactional
    public void settled(String key, String note) {
        mapper.idByKey(key).ifPresent(id -> {
            if (lock(id) == OPEN) {
                record(id, DONE, "NOT_NEEDED", note, 0, null);
            }
        });
    }

    /**
     * The calls a conversation with the customer makes unnecessary (the reason they were planned is to speak to the
     * customer): courtesy, problem follow-up and re-sell calls. Not the urgent call after a low rating, which is about that
     * rating.
     */
    public static final Set<Rule> ANSWERED_BY_A_CONVERSATION = Collections.unmodifiableSet(
            EnumSet.of(Rule.COURTESY, Rule.PROBLEM_FOLLOW_UP, Rule.RESELL));

    /**
     * The calls a problem opened withdraws: courtesy and re-sell calls, which the planner does not propose while a problem
     * is pending (only {@link Urgency#PROBLEM_RULES} then). Named one by one: a new kind of call is withdrawn only when
     * someone decides it should be.
     */
    public static final Set<Rule> WITHDRAWN_FOR_A_PROBLEM = Collections.unmodifiableSet(EnumSet.of(Rule.COURTESY, Rule.RESELL));

    /**
     * A problem opened: the customer's courtesy and re-sell calls still to be made, OPEN or ESCALATED, are withdrawn
     * (CANCELLED, outcome {@code WITHDRAWN}, the reason as the note), since only problem-related touches may happen until
     * it is resolved and followed up. Their keys are set aside, so the planner may propose the courtesy call again once
     * the problem is over.
     */
    int withdrawForProblem(long customerId, String reason, Instant now) {
        Set<PlannedTouchStatus> from = PlannedTouchStatus.ANSWERABLE;
        from.forEach(s -> s.withdrawn(0)); // each of them may move to CANCELLED so (the one table of moves)
        return mapper.withdraw(customerId, from, CANCELLED, WITHDRAWN_FOR_A_PROBLEM, "WITHDRAWN", reason, now);
    }

    /**
     * A conversation made the customer's courtesy, follow-up and re-sell calls unnecessary: the open ones and the
     * escalated ones too (the manager has nothing left to decide on a call the customer already had).
     */
    int closeAnswered(long customerId, Instant now) {
        Set<PlannedTouchStatus> from = PlannedTouchStatus.ANSWERABLE;
        from.forEach(s -> s.answered(0)); // each of them may move to DONE so (the one table of moves)
        return mapper.closeAnswered(customerId, from, DONE, ANSWERED_BY_A_CONVERSATION, now);
    }
}
