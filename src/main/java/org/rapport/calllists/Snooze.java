package org.rapport.calllists;

import org.rapport.platform.errors.InvalidInput;

import java.time.LocalDate;

/**
 * How far a salesperson may snooze a call: to a day after today, at most {@link #MAX_DAYS} ahead, and a problem-related
 * call not past its due-by date (the service standard is not the salesperson's to move; a customer who asks for later
 * is RESCHEDULED, an outcome). A snoozed call keeps its tries and its age ({@link DaySlots#daysOverdue}).
 */
final class Snooze {

    /** Two weeks: further than that is not a snooze but a new plan (reschedule with the customer, or hand it back). */
    static final int MAX_DAYS = 14;

    private Snooze() {
    }

    /**
     * @param today the list's date for the call's holder
     * @throws InvalidInput naming {@code until} and why
     */
    static LocalDate until(LocalDate until, LocalDate today, boolean problemRelated, LocalDate dueBy) {
        if (until == null) {
            throw new InvalidInput("until: a date is required (YYYY-MM-DD).");
        }
        if (!until.isAfter(today)) {
            throw new InvalidInput("until: " + until + " is not after today (" + today + "); a snooze moves a call to a later day.");
        }
        LocalDate latest = today.plusDays(MAX_DAYS);
        if (until.isAfter(latest)) {
            throw new InvalidInput("until: " + until + " is more than " + MAX_DAYS + " days ahead (at most " + latest
                    + "); reschedule it with the customer, or hand a courtesy call back.");
        }
        if (problemRelated && dueBy != null && until.isAfter(dueBy)) {
            throw new InvalidInput("until: " + until + " is after the call's due-by date " + dueBy + "; a problem-related call is "
                    + "not snoozed past the service standard (record an outcome instead).");
        }
        return until;
    }
}
