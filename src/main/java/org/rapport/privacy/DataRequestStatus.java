package org.rapport.privacy;

import java.util.EnumSet;
import java.util.Set;

/** Where a data request stands: OPEN until an admin marks it DONE or DECLINED, both final. */
public enum DataRequestStatus {
    OPEN, DONE, DECLINED;

    /** The statuses this one may become. */
    public Set<DataRequestStatus> next() {
        return switch (this) {
            case OPEN -> EnumSet.of(DONE, DECLINED);
            case DONE, DECLINED -> EnumSet.noneOf(DataRequestStatus.class);
        };
    }

    public boolean mayBecome(DataRequestStatus target) {
        return next().contains(target);
    }
}
