package org.rapport.planning;

import org.rapport.platform.errors.Conflict;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of a planned touch. It is planned OPEN; an email becomes QUEUED once it is in the outbox (the outbox row
 * carries it from there); a call or visit stays OPEN through retries and reschedules, becomes DONE when the customer
 * was reached or it was not needed, and ESCALATED to the manager after its last unanswered try. An ESCALATED call waits
 * for the manager's decision ({@link #decide}): taken or reassigned, or rescheduled, it is OPEN again; closed with a
 * note, it is DONE. A conversation with the customer closes an OPEN or ESCALATED call ({@link #answered}); a problem
 * opened withdraws one that is not about a problem ({@link #withdrawn}). DONE and CANCELLED are final. The planner writes
 * new touches OPEN; every later change goes through
 * {@link PlannedTouches}, along these moves only.
 */
public enum PlannedTouchStatus {
    OPEN, QUEUED, ESCALATED, DONE, CANCELLED;

    /** The statuses this one may become; staying OPEN (a retry, a reschedule) is a move too. */
    public Set<PlannedTouchStatus> next() {
        return switch (this) {
            case OPEN -> EnumSet.of(OPEN, QUEUED, ESCALATED, DONE, CANCELLED);
            case QUEUED -> EnumSet.of(CANCELLED);
            case ESCALATED -> EnumSet.of(OPEN, DONE, CANCELLED);
            case DONE, CANCELLED -> EnumSet.noneOf(PlannedTouchStatus.class);
        };
    }

    public boolean mayBecome(PlannedTouchStatus target) {
        return next().contains(target);
    }

    public boolean isFinal() {
        return next().isEmpty();
    }

    /**
     * What came of a call (reached, not reached, rescheduled, not needed) moves an OPEN touch. An ESCALATED one waits for
     * the manager's decision instead: an outcome on it is a {@code Conflict} that says so, not a way around the manager.
     *
     * @return {@code target}
     */
    public PlannedTouchStatus record(PlannedTouchStatus target, long touchId) {
        if (this == ESCALATED) {
            throw new Conflict("Planned touch " + touchId + " is ESCALATED: it waits for a manager's decision (take, reassign, "
                    + "reschedule or close).");
        }
        return moveTo(target, touchId);
    }

    /**
     * The statuses a call is in while it is still to be made: a conversation with the customer closes them, a problem
     * opened withdraws them.
     */
    public static final Set<PlannedTouchStatus> ANSWERABLE = java.util.Collections.unmodifiableSet(EnumSet.of(OPEN, ESCALATED));

    /**
     * The customer was reached (a call, a visit, a reply): a call still to be made, OPEN or ESCALATED, is DONE without
     * waiting for a manager, who would only close it. Any other status is a {@code Conflict}.
     *
     * @return {@code DONE}
     */
    public PlannedTouchStatus answered(long touchId) {
        if (!ANSWERABLE.contains(this)) {
            throw new Conflict("Planned touch " + touchId + " is " + this + ": only an OPEN or ESCALATED call is closed by a "
                    + "conversation with the customer.");
        }
        return moveTo(DONE, touchId);
    }

    /**
     * A problem opened: a call still to be made, OPEN or ESCALATED, that is not about a problem is withdrawn (CANCELLED)
     * until the problem is over; the manager has nothing left to decide on an escalated one. Any other status is a
     * {@code Conflict}.
     *
     * @return {@code CANCELLED}
     */
    public PlannedTouchStatus withdrawn(long touchId) {
        if (!ANSWERABLE.contains(this)) {
            throw new Conflict("Planned touch " + touchId + " is " + this + ": only an OPEN or ESCALATED call is withdrawn "
                    + "when a problem opens.");
        }
        return moveTo(CANCELLED, touchId);
    }

    /**
     * A manager's decision on an escalated call: take, reassign or reschedule it (OPEN again) or close it (DONE). Only an
     * ESCALATED touch waits for one; on any other the decision is a {@code Conflict}, even where the move itself exists.
     *
     * @return {@code target}
     */
    public PlannedTouchStatus decide(PlannedTouchStatus target, long touchId) {
        if (this != ESCALATED) {
            throw new Conflict("Planned touch " + touchId + " is " + this + ": only an ESCALATED call waits for a manager's decision.");
        }
        return moveTo(target, touchId);
    }

    /**
     * @return {@code target}, when this status may become it
     * @throws Conflict naming the touch, both statuses and what this one may become
     */
    public PlannedTouchStatus moveTo(PlannedTouchStatus target, long touchId) {
        if (!mayBecome(target)) {
            throw new Conflict("Planned touch " + touchId + " is " + this + " and cannot become " + target + ": "
                    + (isFinal() ? this + " is final." : "from " + this + " it can only become " + String.join(" or ",
                    next().stream().map(Enum::name).toList()) + "."));
        }
        return target;
    }
}
