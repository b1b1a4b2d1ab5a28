package org.rapport.reports;

import java.time.LocalDate;

/**
 * The service standard of a problem follow-up: the customer is reached by its due date (the planner's "due by", a
 * number of business days after the resolution). Dates are the customer's local dates.
 */
public enum FollowUpStandard {
    /** Reached on or before the due date. */
    ON_TIME,
    /** Reached after the due date, or not reached and the due date has passed. */
    MISSED,
    /** Not reached yet, and the due date is today or later: nothing to judge yet. */
    PENDING;

    public static FollowUpStandard of(LocalDate dueBy, LocalDate reachedOn, LocalDate today) {
        if (reachedOn != null) {
            return reachedOn.isAfter(dueBy) ? MISSED : ON_TIME;
        }
        return today.isAfter(dueBy) ? MISSED : PENDING;
    }
}
