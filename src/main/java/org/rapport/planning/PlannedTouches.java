package org.rapport.planning;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.rapport.platform.errors.NotFound;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import static org.rapport.planning.PlannedTouchStatus.CANCELLED;
import static org.rapport.planning.PlannedTouchStatus.DONE;
import static org.rapport.planning.PlannedTouchStatus.ESCALATED;
import static org.rapport.planning.PlannedTouchStatus.OPEN;
import static org.rapport.planning.PlannedTouchStatus.QUEUED;

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

    /**
     * A manager's decision on an ESCALATED call: {@code holder} holds it from now on (the manager who took it, or the
     * colleague it was given to), OPEN on their list from {@code from}, with a fresh round of tries.
     */
    @Transactional
    public void assign(long id, long holder, LocalDate from, String outcome, String note) {
        decide(id, OPEN, outcome, note, from, holder);
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

    /** An email touch is in the outbox now. */
    int queued(long id, long outboxId, Instant now) {
        return mapper.queued(id, outboxId, OPEN, OPEN.moveTo(QUEUED, id), now);
    }

    /**
     * A problem opened: the customer's open courtesy and re-sell calls are withdrawn (CANCELLED, outcome
     * {@code WITHDRAWN}, the reason as the note), since only problem-related touches may happen until it is resolved and
     * followed up. Their keys are set aside, so the planner may propose the courtesy call again once the problem is over.
     */
    int withdrawForProblem(long customerId, String reason, Instant now) {
        return mapper.withdraw(customerId, OPEN, OPEN.moveTo(CANCELLED, 0), "WITHDRAWN", reason, now);
    }

    /**
     * A conversation made the customer's courtesy, follow-up and re-sell calls unnecessary: the open ones and the
     * escalated ones too (the manager has nothing left to decide on a call the customer already had).
     */
    int closeAnswered(long customerId, Instant now) {
        java.util.Set<PlannedTouchStatus> from = PlannedTouchStatus.ANSWERABLE;
        from.forEach(s -> s.answered(0)); // each of them may move to DONE so (the one table of moves)
        return mapper.closeAnswered(customerId, from, DONE, now);
    }
}
