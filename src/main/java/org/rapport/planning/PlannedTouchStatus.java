package org.rapport.planning;

import org.rapport.platform.errors.Conflict;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of a planned touch. It is planned OPEN; an email becomes QUEUED once it is in the outbox (the outbox row
 * carries it from there); a call or visit stays OPEN through retries and reschedules, becomes DONE when the customer
 * was reached or it was not needed, and ESCALATED to the manager after its last unanswered try. DONE and CANCELLED are
 * final. The planner writes new touches OPEN; every later change goes through {@link PlannedTouches}, along these
 * moves only.
 */
public enum PlannedTouchStatus {
    OPEN, QUEUED, ESCALATED, DONE, CANCELLED;

    /** The statuses this one may become; staying OPEN (a retry, a reschedule) is a move too. */
    public Set<PlannedTouchStatus> next() {
        return switch (this) {
            case OPEN -> EnumSet.of(OPEN, QUEUED, ESCALATED, DONE, CANCELLED);
            case QUEUED, ESCALATED -> EnumSet.of(CANCELLED);
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
