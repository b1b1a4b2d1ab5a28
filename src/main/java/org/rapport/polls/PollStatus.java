package org.rapport.polls;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a poll stands: SCHEDULED until its first day, when it is SENT to its sample; CLOSED after its last day (also a
 * poll that ends before it could be sent). CLOSED is final.
 */
public enum PollStatus {
    SCHEDULED, SENT, CLOSED;

    /** The statuses this one may become. */
    public Set<PollStatus> next() {
        return switch (this) {
            case SCHEDULED -> EnumSet.of(SENT, CLOSED);
            case SENT -> EnumSet.of(CLOSED);
            case CLOSED -> EnumSet.noneOf(PollStatus.class);
        };
    }

    public boolean mayBecome(PollStatus target) {
        return next().contains(target);
    }
}
