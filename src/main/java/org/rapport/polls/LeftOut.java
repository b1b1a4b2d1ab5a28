package org.rapport.polls;

import org.rapport.customers.Consent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Why a customer of a poll's audience is not among those it may be sent to. Checked in this order, so each customer
 * counts under one reason: consent first (the one contact rule, {@link Consent#blocksEmail} for POLLS), then an open
 * problem (only problem-related email then, {@link Consent#blocksDuringProblem}), the cap on outreach email in seven
 * days, the rule of one poll per customer in so many days, and last ({@link #afterEnd}) an email that could only go out
 * after the poll's last day.
 */
public enum LeftOut {
    NO_CONSENT, PROBLEM_PENDING, EMAIL_CAP, RECENT_POLL, AFTER_END;

    /**
     * @param outreachLast7Days the customer's outreach emails in the outbox in the last seven days
     * @param maxEmailsPer7Days the rules' cap
     * @param lastPolledAt      when the customer was last chosen for another poll, or null
     * @param pollsSince        the start of the rules' interval between two polls
     * @return why the customer is left out, or empty when the poll may go to them
     */
    public static Optional<LeftOut> of(Consent consent, boolean problemPending, int outreachLast7Days, int maxEmailsPer7Days,
                                       Instant lastPolledAt, Instant pollsSince) {
        if (consent.blocksEmail(Consent.Purpose.POLLS).isPresent()) {
            return Optional.of(NO_CONSENT);
        }
        if (Consent.blocksDuringProblem(problemPending, false).isPresent()) {
            return Optional.of(PROBLEM_PENDING);
        }
        if (outreachLast7Days >= maxEmailsPer7Days) {
            return Optional.of(EMAIL_CAP);
        }
        if (lastPolledAt != null && lastPolledAt.isAfter(pollsSince)) {
            return Optional.of(RECENT_POLL);
        }
        return Optional.empty();
    }

    /**
     * A customer whose next send-window moment falls after the poll's last day would get an invitation to a closed poll.
     *
     * @param sendsOn the date of their next send-window moment, in their zone
     * @param endsOn  the poll's last day
     */
    public static Optional<LeftOut> afterEnd(LocalDate sendsOn, LocalDate endsOn) {
        return sendsOn.isAfter(endsOn) ? Optional.of(AFTER_END) : Optional.empty();
    }
}
