package org.rapport.planning;

import java.time.Instant;

/** A plan's claim lost its planning time to another try (its lease ran out while the plan was held up): it stops. */
public class PlanningTimeTakenOver extends RuntimeException {

    public PlanningTimeTakenOver(Instant slot, int tries) {
        super("Planning time " + slot + ": try " + tries + " lost it to a later try (its lease ran out while it was held up)");
    }
}
